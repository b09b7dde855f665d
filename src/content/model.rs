//! The content schema. Field names are the JSON keys of `content/<lang>.json`; every field is
//! required and unknown fields are refused, so a typo in an override is reported, not ignored.
use serde::{Deserialize, Serialize};

/// Everything the widget says, and the numbers the engine decides with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// Version of this content, carried in events so analytics can tell wordings apart.
    pub version: String,
    /// BCP 47 language tag of every string in this file (`en`, `tr`).
    pub lang: String,
    pub intro: Intro,
    pub comparison: Comparison,
    /// `common-ground`, `why-it-matters`, `combined`, `organization`, `timing`.
    pub sections: Vec<Section>,
    /// The self-assessment, in the order it is asked.
    pub questions: Vec<Question>,
    pub outcomes: Outcomes,
    pub sequences: Sequences,
    pub confidence: ConfidenceText,
    pub engine: EngineConfig,
    pub ui: UiText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intro {
    pub eyebrow: String,
    pub title: String,
    pub lead: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    pub title: String,
    pub lead: String,
    pub coaching: String,
    pub mentoring: String,
    pub rows: Vec<Row>,
}

/// One line of the side-by-side comparison; reasons point at rows by `id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub id: String,
    pub label: String,
    pub coaching: String,
    pub mentoring: String,
}

/// A shared section (what both approaches have in common, combining them, timing, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub text: String,
    pub points: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub prompt: String,
    pub hint: String,
    /// 1 for a single choice; `situation` takes up to 2.
    pub max_choices: u8,
    pub options: Vec<Choice>,
}

/// One answer option and the evidence it gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: String,
    /// Evidence for coaching (≥ 0).
    pub coaching: f64,
    /// Evidence for mentoring (≥ 0).
    pub mentoring: f64,
    /// Score points by which this answer widens the band in which both approaches are
    /// recommended together (≥ 0); the article ties deliberate programs to combining them.
    pub combined: f64,
    /// The comparison row this evidence rests on; `None` for neutral answers.
    pub row: Option<String>,
    /// Why this answer points where it does, in the article's terms (empty when neutral).
    pub reason: String,
    /// Completes "If …" in "what would change it", e.g. "you wanted advice from someone who
    /// has walked your path".
    pub if_chosen: String,
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
    pub headline: String,
    pub summary: String,
    /// Completes "If …, ___" in "what would change it", e.g. "mentoring would lead".
    pub would_lead: String,
    /// Timing advice for this outcome.
    pub timing: String,
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
    pub title: String,
    pub steps: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfidenceText {
    pub high: String,
    pub medium: String,
    pub low: String,
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
    /// The fewest answer changes that flip the outcome at which confidence is "medium".
    pub medium_confidence_changes: u32,
    /// … and at which it is "high".
    pub high_confidence_changes: u32,
    /// How many reasons the result shows.
    pub max_reasons: u32,
}

/// Interface wording. `{current}`, `{total}`, `{score}` and `{name}` are placeholders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiText {
    pub start: String,
    pub start_note: String,
    /// What the visitor gets from the self-assessment, listed before they start.
    pub start_points: Vec<String>,
    pub next: String,
    pub back: String,
    pub see_result: String,
    pub restart: String,
    pub progress: String,
    pub choose_one: String,
    pub choose_up_to_two: String,
    pub answer_required: String,
    pub result_label: String,
    pub scores_title: String,
    pub score_label: String,
    pub confidence_title: String,
    pub reasons_title: String,
    pub reason_row_link: String,
    pub sequence_title: String,
    pub timing_title: String,
    pub change_title: String,
    pub change_intro: String,
    pub change_join: String,
    pub try_change: String,
    pub answers_title: String,
    pub change_answer: String,
    pub cta_title: String,
    pub cta_text: String,
    pub cta_default_label: String,
    pub shared_title: String,
    pub assessment_title: String,
    pub resume_note: String,
    pub resume: String,
    pub forget: String,
    pub share_title: String,
    pub share_link_label: String,
    pub copy_link: String,
    pub link_copied: String,
    pub copy_failed: String,
    pub print: String,
    /// This language's own name, for the language switch ("English", "Türkçe").
    pub language_name: String,
    /// Accessible name of the language switch.
    pub language_label: String,
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
