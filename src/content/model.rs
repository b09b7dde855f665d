//! The content schema. Field names are the JSON keys of `content/<lang>.json`; every field is
//! required and unknown fields are refused, so a typo in an override is reported, not ignored.
use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A content string: borrowed from the binary for built-in content (no allocation, no
/// start-up work), owned for an override.
pub type Text = Cow<'static, str>;

/// A list in content, borrowed or owned like [`Text`].
pub type List<T> = Cow<'static, [T]>;

/// Everything the widget says, and the numbers the engine decides with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// Version of this content, carried in events so analytics can tell wordings apart.
    pub version: Text,
    /// BCP 47 language tag of every string in this file (`en`, `tr`).
    pub lang: Text,
    pub intro: Intro,
    pub comparison: Comparison,
    /// `common-ground`, `why-it-matters`, `combined`, `organization`, `timing`.
    pub sections: List<Section>,
    /// The self-assessment, in the order it is asked.
    pub questions: List<Question>,
    pub outcomes: Outcomes,
    pub sequences: Sequences,
    pub confidence: ConfidenceText,
    pub engine: EngineConfig,
    pub ui: UiText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intro {
    pub eyebrow: Text,
    pub title: Text,
    pub lead: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    pub title: Text,
    pub lead: Text,
    pub coaching: Text,
    pub mentoring: Text,
    pub rows: List<Row>,
}

/// One line of the side-by-side comparison; reasons point at rows by `id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub id: Text,
    pub label: Text,
    pub coaching: Text,
    pub mentoring: Text,
}

/// A shared section (what both approaches have in common, combining them, timing, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: Text,
    pub title: Text,
    pub text: Text,
    pub points: List<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Text,
    pub prompt: Text,
    /// A short name for the question, for "what would change it" and the answer summary
    /// ("When you are stuck").
    pub topic: Text,
    pub hint: Text,
    /// 1 for a single choice; `situation` takes up to 2.
    pub max_choices: u8,
    pub options: List<Choice>,
}

/// One answer option and the evidence it gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: Text,
    pub label: Text,
    /// Evidence for coaching (≥ 0).
    pub coaching: f64,
    /// Evidence for mentoring (≥ 0).
    pub mentoring: f64,
    /// Score points by which this answer widens the band in which both approaches are
    /// recommended together (≥ 0); the article ties deliberate programs to combining them.
    pub combined: f64,
    /// The comparison row this evidence rests on (for a `combined` answer, the section it
    /// rests on); `None` for neutral answers.
    pub row: Option<Text>,
    /// Why this answer points where it does, in the article's terms (empty when neutral).
    pub reason: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcomes {
    pub coaching: OutcomeText,
    pub mentoring: OutcomeText,
    pub combined: OutcomeText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeText {
    /// The result headline.
    pub headline: Text,
    pub summary: Text,
    /// Fills `{lead}` in `ui.change_one` / `ui.change_two`: "the recommendation would be
    /// mentoring".
    pub would_lead: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sequences {
    pub coaching_first: SequenceText,
    pub mentoring_first: SequenceText,
    pub together: SequenceText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SequenceText {
    pub title: Text,
    /// Why this order is suggested; `{row}` (first and mentoring first) is the label of the
    /// row the leading side's strongest reason rests on.
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfidenceText {
    pub high: Text,
    pub medium: Text,
    /// Shown only when one different answer would change the result.
    pub low: Text,
}

/// The engine's weights live on the choices; these are its thresholds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EngineConfig {
    /// Both approaches are recommended together while their scores (0–100) differ by at most
    /// this many points.
    pub combined_margin: f64,
    /// Within a combined result, scores closer than this run both approaches together;
    /// otherwise the stronger one goes first.
    pub together_band: f64,
    /// Confidence is "high" when the scores sit at least this many points inside their
    /// outcome's region, or when three or more changed options are needed to leave it …
    pub high_confidence_clearance: f64,
    /// … and "medium" from this many points, or with two changed options; otherwise "low"
    /// (one changed option would change the result).
    pub medium_confidence_clearance: f64,
    /// Suggestions needing more changed options than this are not spelled out: the result
    /// says instead how many answers would have to change.
    pub max_suggested_changes: u32,
    /// How many reasons the result lists …
    pub max_reasons: u32,
    /// … of which this many show at once; the rest are one tap away.
    pub shown_reasons: u32,
}

/// Interface wording. `{current}`, `{total}`, `{score}` and `{name}` are placeholders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiText {
    pub start: Text,
    pub start_note: Text,
    /// What the visitor gets from the self-assessment, listed before they start.
    pub start_points: List<Text>,
    pub next: Text,
    pub back: Text,
    pub see_result: Text,
    pub restart: Text,
    pub progress: Text,
    pub choose_one: Text,
    pub choose_up_to_two: Text,
    pub answer_required: Text,
    pub result_label: Text,
    pub scores_title: Text,
    pub score_label: Text,
    /// What the 0–100 scores measure.
    pub score_meaning: Text,
    pub confidence_title: Text,
    pub reasons_title: Text,
    pub reason_row_link: Text,
    pub sequence_title: Text,
    pub change_title: Text,
    /// "With one different answer, {lead}:" (`{lead}`: the outcome's `would_lead`).
    pub change_one: Text,
    /// "With two different answers, {lead}:"
    pub change_two: Text,
    /// One option replaced by another: `{from}` and `{to}` are option labels.
    pub change_swap: Text,
    /// An option added to those kept (`{to}`).
    pub change_add: Text,
    /// An option dropped from those kept (`{from}`).
    pub change_drop: Text,
    /// When no suggestion is close: `{count}` answers would have to change.
    pub change_none_close: Text,
    pub try_change: Text,
    /// Shown above a tried suggestion's result, with its changes and the undo control.
    pub tried_note: Text,
    pub undo: Text,
    /// The control that shows the reasons beyond the first few: `{count}` more.
    pub more_reasons: Text,
    /// Said when a third option is chosen on a question that takes two.
    pub choice_limit: Text,
    pub answers_title: Text,
    pub change_answer: Text,
    pub cta_title: Text,
    pub cta_text: Text,
    pub cta_default_label: Text,
    /// Under a link's call to action: what the link passes on (`{items}`: those of
    /// `cta_share_items` that `cta-params` adds), or that it passes on nothing.
    pub cta_shares: Text,
    pub cta_shares_nothing: Text,
    /// What `cta-params` can add, in this order: the outcome, the scores, the language, the
    /// page's campaign (`utm_*`) parameters.
    pub cta_share_items: List<Text>,
    /// Under a `mailto:` call to action, whose e-mail carries a summary of the result.
    pub cta_mail_note: Text,
    /// That e-mail's subject (`{headline}`: the outcome's headline), and the line before its
    /// reasons.
    pub cta_mail_subject: Text,
    pub cta_mail_reasons: Text,
    pub shared_title: Text,
    pub assessment_title: Text,
    pub resume_note: Text,
    pub resume: Text,
    pub forget: Text,
    pub share_title: Text,
    pub share_link_label: Text,
    pub copy_link: Text,
    pub link_copied: Text,
    pub copy_failed: Text,
    /// Under the language switch when the language chosen could not be loaded.
    pub language_failed: Text,
    pub print: Text,
    /// This language's own name, for the language switch ("English", "Türkçe").
    pub language_name: Text,
    /// Accessible name of the language switch.
    pub language_label: Text,
}

impl Content {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn row(&self, id: &str) -> Option<&Row> {
        self.comparison.rows.iter().find(|r| r.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
}

impl Question {
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.options.iter().find(|c| c.id == id)
    }
}

impl Content {
    /// This content's structure (ids, weights, thresholds, list lengths) with `texts` laid
    /// over its strings in [`Content::for_each_text_mut`] order; `None` unless there is
    /// exactly one text per string.
    /// (`dyn` rather than generic: one copy of the visitor in the wasm, whatever the texts.)
    pub fn with_texts(self, texts: &mut dyn Iterator<Item = Text>) -> Option<Content> {
        let mut content = self;
        let mut complete = true;
        content.for_each_text_mut(&mut |text| match texts.next() {
            Some(t) => *text = t,
            None => complete = false,
        });
        (complete && texts.next().is_none()).then_some(content)
    }

    /// Visits every string of the content in the schema's order, which is also the order of
    /// the keys in `content/<lang>.json`. A translation is this content's structure (ids,
    /// weights, thresholds) with other strings laid over it in this order: that is how the
    /// lean build loads a language it does not carry (see [`crate::content::translated`]).
    pub fn for_each_text_mut(&mut self, visit: &mut dyn FnMut(&mut Text)) {
        each(visit, &mut [&mut self.version, &mut self.lang]);
        let i = &mut self.intro;
        each(visit, &mut [&mut i.eyebrow, &mut i.title, &mut i.lead]);
        let c = &mut self.comparison;
        each(
            visit,
            &mut [&mut c.title, &mut c.lead, &mut c.coaching, &mut c.mentoring],
        );
        for r in c.rows.to_mut() {
            each(
                visit,
                &mut [&mut r.id, &mut r.label, &mut r.coaching, &mut r.mentoring],
            );
        }
        for s in self.sections.to_mut() {
            each(visit, &mut [&mut s.id, &mut s.title, &mut s.text]);
            s.points.to_mut().iter_mut().for_each(&mut *visit);
        }
        for q in self.questions.to_mut() {
            each(
                visit,
                &mut [&mut q.id, &mut q.prompt, &mut q.topic, &mut q.hint],
            );
            for o in q.options.to_mut() {
                each(visit, &mut [&mut o.id, &mut o.label]);
                if let Some(row) = &mut o.row {
                    visit(row);
                }
                visit(&mut o.reason);
            }
        }
        let o = &mut self.outcomes;
        for t in [&mut o.coaching, &mut o.mentoring, &mut o.combined] {
            each(
                visit,
                &mut [&mut t.headline, &mut t.summary, &mut t.would_lead],
            );
        }
        let s = &mut self.sequences;
        for t in [
            &mut s.coaching_first,
            &mut s.mentoring_first,
            &mut s.together,
        ] {
            each(visit, &mut [&mut t.title, &mut t.text]);
        }
        let c = &mut self.confidence;
        each(visit, &mut [&mut c.high, &mut c.medium, &mut c.low]);
        let u = &mut self.ui;
        each(visit, &mut [&mut u.start, &mut u.start_note]);
        u.start_points.to_mut().iter_mut().for_each(&mut *visit);
        each(
            visit,
            &mut [
                &mut u.next,
                &mut u.back,
                &mut u.see_result,
                &mut u.restart,
                &mut u.progress,
                &mut u.choose_one,
                &mut u.choose_up_to_two,
                &mut u.answer_required,
                &mut u.result_label,
                &mut u.scores_title,
                &mut u.score_label,
                &mut u.score_meaning,
                &mut u.confidence_title,
                &mut u.reasons_title,
                &mut u.reason_row_link,
                &mut u.sequence_title,
                &mut u.change_title,
                &mut u.change_one,
                &mut u.change_two,
                &mut u.change_swap,
                &mut u.change_add,
                &mut u.change_drop,
                &mut u.change_none_close,
                &mut u.try_change,
                &mut u.tried_note,
                &mut u.undo,
                &mut u.more_reasons,
                &mut u.choice_limit,
                &mut u.answers_title,
                &mut u.change_answer,
                &mut u.cta_title,
                &mut u.cta_text,
                &mut u.cta_default_label,
                &mut u.cta_shares,
                &mut u.cta_shares_nothing,
            ],
        );
        u.cta_share_items.to_mut().iter_mut().for_each(&mut *visit);
        each(
            visit,
            &mut [
                &mut u.cta_mail_note,
                &mut u.cta_mail_subject,
                &mut u.cta_mail_reasons,
                &mut u.shared_title,
                &mut u.assessment_title,
                &mut u.resume_note,
                &mut u.resume,
                &mut u.forget,
                &mut u.share_title,
                &mut u.share_link_label,
                &mut u.copy_link,
                &mut u.link_copied,
                &mut u.copy_failed,
                &mut u.language_failed,
                &mut u.print,
                &mut u.language_name,
                &mut u.language_label,
            ],
        );
    }
}

fn each(visit: &mut dyn FnMut(&mut Text), fields: &mut [&mut Text]) {
    for field in fields {
        visit(field);
    }
}
