//! The recommendation engine: pure functions over content and answers, no web dependencies.
//!
//! Each answer adds non-negative evidence for coaching and/or mentoring (the weights live on
//! the content's choices). Scores are that evidence as a share (0–100) of the most a visitor
//! could collect for each side. When the two scores are within the combined margin, both
//! approaches are recommended together; otherwise the higher one leads. The explanation is
//! built from the same evidence: every reason names the answer that caused it and the
//! comparison row it rests on, and "what would change it" is the closest answer set with
//! another outcome, counted in changed options.
mod answers;
mod change;
mod check;
pub mod code;
mod score;

pub use answers::Answers;
pub use change::{
    answer_set_count, for_each_complete_answers, nearest_flips, option_distance, what_would_change,
    Change, Flip, Nearest,
};
#[cfg(any(not(target_arch = "wasm32"), feature = "overrides"))]
pub use check::check;
pub use check::{validate, MAX_ANSWER_SETS};
pub use score::{decide, decisiveness, tally, Decision, Tally};

use serde::Serialize;

use crate::content::{Content, EngineConfig};

/// The three recommendations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Coaching,
    Mentoring,
    Combined,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Coaching, Outcome::Mentoring, Outcome::Combined];

    /// The contract id (`data-outcome`, events).
    pub fn id(self) -> &'static str {
        match self {
            Outcome::Coaching => "coaching",
            Outcome::Mentoring => "mentoring",
            Outcome::Combined => "combined",
        }
    }
}

/// For a combined result: which approach goes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sequence {
    CoachingFirst,
    MentoringFirst,
    Together,
}

impl Sequence {
    pub fn id(self) -> &'static str {
        match self {
            Sequence::CoachingFirst => "coaching-first",
            Sequence::MentoringFirst => "mentoring-first",
            Sequence::Together => "together",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn id(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// Which approach a piece of evidence supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Coaching,
    Mentoring,
    /// An answer that widened the band in which both are recommended (and so made it a
    /// combination).
    Both,
}

/// One piece of evidence behind the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// The question whose answer caused it.
    pub question: String,
    /// The chosen option.
    pub option: String,
    /// The comparison row it rests on (for [`Side::Both`], the content section).
    pub row: String,
    pub side: Side,
    pub weight: f64,
}

/// Everything the result view shows, computed from content and answers alone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub outcome: Outcome,
    /// Only for [`Outcome::Combined`].
    pub sequence: Option<Sequence>,
    pub coaching_score: u8,
    pub mentoring_score: u8,
    pub confidence: Confidence,
    /// Strongest first; for a combined result both sides are represented, after the answer
    /// that made it a combination, if one did.
    pub reasons: Vec<Reason>,
    /// The smallest change of answers that reaches each other outcome, closest first; only
    /// those within `engine.max_suggested_changes` changed options.
    pub changes: Vec<Flip>,
    /// The fewest changed options that would change the outcome (`None`: nothing would).
    pub fewest_changes: Option<usize>,
}

/// Recommends coaching, mentoring or both for (possibly partial) answers.
pub fn recommend(content: &Content, answers: &Answers) -> Recommendation {
    let answers = answers.normalized(content);
    let tally = tally(content, &answers);
    let decision = decide(&content.engine, &tally);
    let nearest = nearest_flips(content, &answers);
    Recommendation {
        outcome: decision.outcome,
        sequence: decision.sequence,
        coaching_score: tally.coaching_score(),
        mentoring_score: tally.mentoring_score(),
        confidence: confidence(&content.engine, &tally, nearest.fewest),
        reasons: reasons(content, &answers, &tally, decision.outcome),
        changes: nearest.flips,
        fewest_changes: nearest.fewest,
    }
}

/// How clear the result is: how far the scores sit inside their outcome's region, weighed
/// with how many changed options would leave it. One changed option caps it at "medium",
/// and "low" means exactly that: one different answer would change it.
fn confidence(config: &EngineConfig, tally: &Tally, fewest: Option<usize>) -> Confidence {
    let clearance = decisiveness(config, tally);
    match fewest {
        None => Confidence::High,
        Some(0..=1) if clearance >= config.medium_confidence_clearance => Confidence::Medium,
        Some(0..=1) => Confidence::Low,
        Some(2) if clearance < config.high_confidence_clearance => Confidence::Medium,
        Some(_) => Confidence::High,
    }
}

/// The strongest evidence for the recommended side(s), strongest first, ties in question order.
fn reasons(content: &Content, answers: &Answers, tally: &Tally, outcome: Outcome) -> Vec<Reason> {
    let mut coaching = Vec::new();
    let mut mentoring = Vec::new();
    let mut widening = Vec::new();
    for question in content.questions.iter() {
        for chosen in answers.get(&question.id) {
            let Some(choice) = question.choice(chosen) else {
                continue;
            };
            let Some(row) = &choice.row else { continue };
            let reason = |side, weight| Reason {
                question: question.id.to_string(),
                option: choice.id.to_string(),
                row: row.to_string(),
                side,
                weight,
            };
            if choice.coaching > 0.0 {
                coaching.push(reason(Side::Coaching, choice.coaching));
            }
            if choice.mentoring > 0.0 {
                mentoring.push(reason(Side::Mentoring, choice.mentoring));
            }
            if choice.combined > 0.0 {
                widening.push(reason(Side::Both, choice.combined));
            }
        }
    }
    // An answer that widens the combined band is a reason exactly when the result would not
    // be a combination without it.
    let narrow = Tally {
        combined_bonus: 0.0,
        ..*tally
    };
    if outcome != Outcome::Combined || decide(&content.engine, &narrow).outcome == Outcome::Combined
    {
        widening.clear();
    }
    sort_by_key_descending(&mut coaching, |r| r.weight);
    sort_by_key_descending(&mut mentoring, |r| r.weight);
    let max = content.engine.max_reasons as usize;
    match outcome {
        Outcome::Coaching => {
            coaching.truncate(max);
            coaching
        }
        Outcome::Mentoring => {
            mentoring.truncate(max);
            mentoring
        }
        Outcome::Combined => {
            // What made it a combination first; then alternate sides so both approaches are
            // explained, an answer that counts for both (e.g. "a mix of both") named once.
            let mut merged: Vec<Reason> = widening;
            merged.truncate(max);
            let mut sides = [coaching.into_iter(), mentoring.into_iter()];
            let mut exhausted = [false, false];
            let mut turn = 0;
            while merged.len() < max && !(exhausted[0] && exhausted[1]) {
                match sides[turn].next() {
                    Some(reason) => {
                        let repeat = merged
                            .iter()
                            .any(|r| r.question == reason.question && r.option == reason.option);
                        if !repeat {
                            merged.push(reason);
                        } else {
                            continue;
                        }
                    }
                    None => exhausted[turn] = true,
                }
                turn = 1 - turn;
            }
            merged
        }
    }
}

/// Stable sort, largest key first. An insertion sort: the lists hold a handful of items,
/// and the standard sort's code is large in the wasm.
pub(crate) fn sort_by_key_descending<T>(items: &mut [T], key: impl Fn(&T) -> f64) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) < key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}
