use yew::prelude::*;

use crate::content::Content;
use crate::engine::{Answers, Change, Recommendation};

use super::answer_summary::{answer_summary, AnswerSummaryProps};
use super::change_list::{change_lines, change_list, ChangeListProps};
use super::cta::{cta_button, CtaLink};
use super::reason_list::{reason_list, ReasonListProps};
use super::score_chart::{score_chart, ScoreChartProps};
use super::sentences::{self, outcome_text, sequence_reason, sequence_text};
use super::share_panel::{share_panel, SharePanelProps};
use super::{sends_moving, Action};

pub struct ResultViewProps<'a> {
    pub content: &'a Content,
    pub recommendation: &'a Recommendation,
    pub answers: &'a Answers,
    /// The changes of the suggestion being tried, if one is.
    pub tried: Option<&'a [Change]>,
    /// The call to action for this result, if the host page gave one.
    pub cta: Option<&'a CtaLink>,
    /// Told where the call to action followed sits, before the browser follows it.
    pub on_cta: &'a Callback<&'static str>,
    /// Whether the comparison is on the page, so reasons can link to its rows.
    pub can_link: bool,
    /// The share link, when the page has a URL to share.
    pub share_link: Option<&'a AttrValue>,
    /// How the last copy of the share link went, if one was tried.
    pub link_copied: Option<bool>,
    pub dispatch: &'a Callback<Action>,
}

/// The recommendation, explained, in the order an executive reads it on a phone: headline,
/// scores and what they mean, confidence, the call to action, the order of a combination,
/// the strongest reasons, what would change it; then the answers given and sharing.
///
/// A plain view function: see [`super::intro::intro`] for why.
pub fn result_view(props: &ResultViewProps<'_>) -> Html {
    let content = &props.content;
    let ui = &content.ui;
    let r = &props.recommendation;
    let text = outcome_text(content, r.outcome);
    let chart_description =
        sentences::chart_description(content, r.coaching_score, r.mentoring_score);
    let sequence = r.sequence.map(|sequence| {
        html! {
            <div class="gp-block" data-sequence-steps={sequence.id()}>
                <h4>{ &*ui.sequence_title }</h4>
                <p class="gp-strong">{ &*sequence_text(content, sequence).title }</p>
                <p>{ sequence_reason(content, sequence, &r.reasons) }</p>
            </div>
        }
    });
    let tried = props.tried.map(|changes| {
        html! {
            <div class="gp-tried">
                <p class="gp-strong">{ &*ui.tried_note }</p>
                { change_lines(content, changes) }
                <button type="button" class="gp-button gp-secondary" data-action="undo"
                    onclick={sends_moving(props.dispatch, Action::Undo)}>{ &*ui.undo }</button>
            </div>
        }
    });
    html! {
        <section class="gp-result"
            data-outcome={r.outcome.id()}
            data-score-coaching={r.coaching_score.to_string()}
            data-score-mentoring={r.mentoring_score.to_string()}
            data-confidence={r.confidence.id()}
            data-sequence={r.sequence.map(|s| s.id())}>
            <p class="gp-eyebrow">{ &*ui.result_label }</p>
            <h3 class="gp-result-title" tabindex="-1" data-autofocus="">{ &*text.headline }</h3>
            { for tried }
            <p class="gp-lead">{ &*text.summary }</p>

            <div class="gp-result-grid">
                <div class="gp-block">
                    <h4>{ &*ui.scores_title }</h4>
                    { score_chart(&ScoreChartProps {
                        coaching_label: &content.comparison.coaching,
                        mentoring_label: &content.comparison.mentoring,
                        coaching: r.coaching_score,
                        mentoring: r.mentoring_score,
                        description: chart_description.into(),
                    }) }
                    <p class="gp-small gp-muted">{ &*ui.score_meaning }</p>
                </div>
                <div class="gp-block">
                    <h4>{ &*ui.confidence_title }</h4>
                    <p class="gp-confidence" data-confidence={r.confidence.id()}>{ sentences::confidence(content, r.confidence) }</p>
                </div>
            </div>

            // Right after the scores: on a phone the call to action is within the first two
            // screens of the result, not below every reason.
            if let Some(cta) = props.cta {
                <div class="gp-cta">
                    <div>
                        <h4>{ &*ui.cta_title }</h4>
                        <p>{ &*ui.cta_text }</p>
                    </div>
                    <div>{ cta_button(cta, "scores", props.on_cta) }</div>
                </div>
            }

            { for sequence }

            <div class="gp-block">
                <h4>{ &*ui.reasons_title }</h4>
                { reason_list(&ReasonListProps {
                    content,
                    reasons: &r.reasons,
                    can_link: props.can_link,
                    dispatch: props.dispatch,
                }) }
            </div>

            <div class="gp-block">
                <h4>{ &*ui.change_title }</h4>
                { change_list(&ChangeListProps {
                    content,
                    flips: &r.changes,
                    fewest: r.fewest_changes,
                    dispatch: props.dispatch,
                }) }
            </div>

            <details class="gp-block gp-answers-block">
                <summary>{ &*ui.answers_title }</summary>
                { answer_summary(&AnswerSummaryProps { content, answers: props.answers, dispatch: props.dispatch }) }
            </details>

            if let Some(link) = props.share_link {
                { share_panel(&SharePanelProps {
                    content,
                    link,
                    copied: props.link_copied,
                    dispatch: props.dispatch,
                }) }
            }

            // And again once everything is read.
            if let Some(cta) = props.cta {
                <div class="gp-cta gp-cta-end">{ cta_button(cta, "end", props.on_cta) }</div>
            }

            <div class="gp-nav">
                <button type="button" class="gp-button gp-secondary" data-action="back" onclick={sends_moving(props.dispatch, Action::Back)}>{ &*ui.back }</button>
                <button type="button" class="gp-button gp-secondary" data-action="restart" onclick={sends_moving(props.dispatch, Action::Restart)}>{ &*ui.restart }</button>
            </div>
        </section>
    }
}
