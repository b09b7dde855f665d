use std::rc::Rc;

use yew::prelude::*;

use crate::content::{Content, ContentRef, OutcomeText, SequenceText};
use crate::embed::Cta;
use crate::engine::{Answers, Confidence, Outcome, Recommendation, Sequence};

use super::answer_summary::{answer_summary, AnswerSummaryProps};
use super::change_list::{change_list, ChangeListProps};
use super::reason_list::{reason_list, ReasonListProps};
use super::score_chart::{score_chart, ScoreChartProps};
use super::share_panel::{share_panel, SharePanelProps};
use super::{fill, sends, text_items, Action};

pub struct ResultViewProps {
    pub content: ContentRef,
    pub recommendation: Rc<Recommendation>,
    pub answers: Answers,
    pub cta: Option<Cta>,
    /// Whether the comparison is on the page, so reasons can link to its rows.
    pub can_link: bool,
    /// The share link, when the page has a URL to share.
    pub share_link: Option<AttrValue>,
    /// How the last copy of the share link went, if one was tried.
    pub link_copied: Option<bool>,
    pub dispatch: Callback<Action>,
}

pub fn outcome_text(content: &Content, outcome: Outcome) -> &OutcomeText {
    match outcome {
        Outcome::Coaching => &content.outcomes.coaching,
        Outcome::Mentoring => &content.outcomes.mentoring,
        Outcome::Combined => &content.outcomes.combined,
    }
}

fn sequence_text(content: &Content, sequence: Sequence) -> &SequenceText {
    match sequence {
        Sequence::CoachingFirst => &content.sequences.coaching_first,
        Sequence::MentoringFirst => &content.sequences.mentoring_first,
        Sequence::Together => &content.sequences.together,
    }
}

/// The recommendation, explained: scores, confidence, reasons, sequence, timing, what would
/// change it, the answers given, and the call to action.
///
/// A plain view function: see [`super::intro::intro`] for why.
pub fn result_view(props: &ResultViewProps) -> Html {
    let content = &props.content;
    let ui = &content.ui;
    let r = &props.recommendation;
    let text = outcome_text(content, r.outcome);
    let confidence = match r.confidence {
        Confidence::High => &content.confidence.high,
        Confidence::Medium => &content.confidence.medium,
        Confidence::Low => &content.confidence.low,
    };
    let score_sentence = |name: &str, score: u8| {
        fill(
            &ui.score_label,
            &[("name", name), ("score", &score.to_string())],
        )
    };
    let chart_description = format!(
        "{}. {}.",
        score_sentence(&content.comparison.coaching, r.coaching_score),
        score_sentence(&content.comparison.mentoring, r.mentoring_score)
    );
    let timing_section = content.section("timing");
    html! {
        <section class="gp-result"
            data-outcome={r.outcome.id()}
            data-score-coaching={r.coaching_score.to_string()}
            data-score-mentoring={r.mentoring_score.to_string()}
            data-confidence={r.confidence.id()}
            data-sequence={r.sequence.map(|s| s.id())}>
            <p class="gp-eyebrow">{ &*ui.result_label }</p>
            <h3 class="gp-result-title" tabindex="-1" data-autofocus="">{ &*text.headline }</h3>
            <p class="gp-lead">{ &*text.summary }</p>

            <div class="gp-result-grid">
                <div class="gp-block">
                    <h4>{ &*ui.scores_title }</h4>
                    { score_chart(&ScoreChartProps {
                        coaching_label: content.comparison.coaching.clone().into(),
                        mentoring_label: content.comparison.mentoring.clone().into(),
                        coaching: r.coaching_score,
                        mentoring: r.mentoring_score,
                        description: chart_description.into(),
                    }) }
                </div>
                <div class="gp-block">
                    <h4>{ &*ui.confidence_title }</h4>
                    <p class="gp-confidence" data-confidence={r.confidence.id()}>{ &**confidence }</p>
                </div>
            </div>

            if let Some(sequence) = r.sequence {
                <div class="gp-block" data-sequence-steps={sequence.id()}>
                    <h4>{ &*ui.sequence_title }</h4>
                    <p class="gp-strong">{ &*sequence_text(content, sequence).title }</p>
                    <ol class="gp-steps">
                        { text_items(&sequence_text(content, sequence).steps) }
                    </ol>
                </div>
            }

            <div class="gp-block">
                <h4>{ &*ui.reasons_title }</h4>
                { reason_list(&ReasonListProps {
                    content: content.clone(),
                    reasons: r.reasons.clone(),
                    can_link: props.can_link,
                    dispatch: props.dispatch.clone(),
                }) }
            </div>

            <div class="gp-block">
                <h4>{ &*ui.timing_title }</h4>
                <p>{ &*text.timing }</p>
                if let Some(section) = timing_section {
                    <p class="gp-muted">{ &*section.text }</p>
                }
            </div>

            if !r.changes.is_empty() {
                <div class="gp-block">
                    <h4>{ &*ui.change_title }</h4>
                    { change_list(&ChangeListProps { content: content.clone(), flips: r.changes.clone(), dispatch: props.dispatch.clone() }) }
                </div>
            }

            <details class="gp-block gp-answers-block">
                <summary>{ &*ui.answers_title }</summary>
                { answer_summary(&AnswerSummaryProps { content: content.clone(), answers: props.answers.clone(), dispatch: props.dispatch.clone() }) }
            </details>

            if let Some(link) = &props.share_link {
                { share_panel(&SharePanelProps {
                    content: content.clone(),
                    link: link.clone(),
                    copied: props.link_copied,
                    dispatch: props.dispatch.clone(),
                }) }
            }

            if let Some(cta) = &props.cta {
                <div class="gp-cta">
                    <div>
                        <h4>{ &*ui.cta_title }</h4>
                        <p>{ &*ui.cta_text }</p>
                    </div>
                    <a class="gp-button" href={cta.url.clone()} data-action="cta">
                        { cta.label.clone().unwrap_or_else(|| ui.cta_default_label.to_string()) }
                    </a>
                </div>
            }

            <div class="gp-nav">
                <button type="button" class="gp-button gp-secondary" data-action="back" onclick={sends(&props.dispatch, Action::Back)}>{ &*ui.back }</button>
                <button type="button" class="gp-button gp-secondary" data-action="restart" onclick={sends(&props.dispatch, Action::Restart)}>{ &*ui.restart }</button>
            </div>
        </section>
    }
}
