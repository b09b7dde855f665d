//! Evidence → scores → outcome.
use crate::content::{Content, EngineConfig, Question};

use super::{Answers, Outcome, Sequence};

/// The evidence collected from a set of answers, with the most each side could collect.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tally {
    pub coaching: f64,
    pub mentoring: f64,
    /// Score points added to the combined margin (from answers such as `program`).
    pub combined_bonus: f64,
    pub max_coaching: f64,
    pub max_mentoring: f64,
}

impl Tally {
    /// Coaching evidence as a share of the maximum, 0–100, unrounded.
    pub fn coaching_share(&self) -> f64 {
        share(self.coaching, self.max_coaching)
    }

    pub fn mentoring_share(&self) -> f64 {
        share(self.mentoring, self.max_mentoring)
    }

    pub fn coaching_score(&self) -> u8 {
        round_score(self.coaching_share())
    }

    pub fn mentoring_score(&self) -> u8 {
        round_score(self.mentoring_share())
    }
}

fn share(value: f64, max: f64) -> f64 {
    if max > 0.0 && value.is_finite() {
        (100.0 * value / max).clamp(0.0, 100.0)
    } else {
        0.0
    }
}

fn round_score(share: f64) -> u8 {
    // `share` is clamped to 0–100, so the cast cannot truncate.
    share.round() as u8
}

/// The outcome and, for a combined result, the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    pub outcome: Outcome,
    pub sequence: Option<Sequence>,
}

/// Adds up the evidence of (normalized) answers.
pub fn tally(content: &Content, answers: &Answers) -> Tally {
    let mut tally = Tally {
        coaching: 0.0,
        mentoring: 0.0,
        combined_bonus: 0.0,
        max_coaching: 0.0,
        max_mentoring: 0.0,
    };
    for question in content.questions.iter() {
        tally.max_coaching += best_possible(question, |c| c.coaching);
        tally.max_mentoring += best_possible(question, |c| c.mentoring);
        for chosen in answers.get(&question.id) {
            if let Some(choice) = question.choice(chosen) {
                tally.coaching += choice.coaching.max(0.0);
                tally.mentoring += choice.mentoring.max(0.0);
                tally.combined_bonus += choice.combined.max(0.0);
            }
        }
    }
    tally
}

/// The most evidence one question can give a side: its `max_choices` strongest options.
pub(crate) fn best_possible(
    question: &Question,
    weight: impl Fn(&crate::content::Choice) -> f64,
) -> f64 {
    // Plain loops rather than iterator chains: less code in the wasm.
    let mut weights = Vec::new();
    for choice in question.options.iter() {
        weights.push(weight(choice).max(0.0));
    }
    super::sort_by_key_descending(&mut weights, |w| *w);
    weights.truncate(usize::from(question.max_choices.max(1)));
    let mut best = 0.0;
    for w in weights {
        best += w;
    }
    best
}

/// Combined while the shares are within the margin; otherwise the higher share leads.
pub fn decide(config: &EngineConfig, tally: &Tally) -> Decision {
    let gap = tally.coaching_share() - tally.mentoring_share();
    let margin = config.combined_margin + tally.combined_bonus;
    if gap.abs() <= margin {
        let sequence = if gap > config.together_band {
            Sequence::CoachingFirst
        } else if gap < -config.together_band {
            Sequence::MentoringFirst
        } else {
            Sequence::Together
        };
        Decision {
            outcome: Outcome::Combined,
            sequence: Some(sequence),
        }
    } else if gap > 0.0 {
        Decision {
            outcome: Outcome::Coaching,
            sequence: None,
        }
    } else {
        Decision {
            outcome: Outcome::Mentoring,
            sequence: None,
        }
    }
}

/// How far the shares sit inside their outcome's region, in score points: larger is a
/// clearer result. Confidence rests on it, and it picks the most decisive of equally small
/// changes.
pub fn decisiveness(config: &EngineConfig, tally: &Tally) -> f64 {
    let gap = (tally.coaching_share() - tally.mentoring_share()).abs();
    let margin = config.combined_margin + tally.combined_bonus;
    if gap <= margin {
        margin - gap
    } else {
        gap - margin
    }
}
