//! Content as the engine sees it: the structural checks of [`crate::content::validate`], then
//! the engine run over every complete answer set, for overrides and `check-content`.
use crate::content::{self, Content, Problem};

use super::{answer_set_count, decide, for_each_complete_answers, tally, Outcome};

/// More complete answer sets than this cannot all be checked in reasonable time.
pub const MAX_ANSWER_SETS: u128 = 1_000_000;

/// Every problem with `content`; empty means it is safe to use. The engine runs only over
/// content whose structure is sound.
pub fn validate(content: &Content) -> Vec<Problem> {
    let problems = content::validate(content);
    if problems.is_empty() {
        check_outcomes(content)
    } else {
        problems
    }
}

/// Parses and validates: the content, or every problem found.
#[cfg(any(not(target_arch = "wasm32"), feature = "overrides"))]
pub fn check(json: &str) -> Result<Content, Vec<Problem>> {
    let content = content::parse(json).map_err(|problem| vec![problem])?;
    let problems = validate(&content);
    if problems.is_empty() {
        Ok(content)
    } else {
        Err(problems)
    }
}

/// Runs the engine over every complete answer set: each must get exactly one outcome with
/// scores in range, and every outcome must be reachable.
fn check_outcomes(content: &Content) -> Vec<Problem> {
    let mut problems = Vec::new();
    let add = |problems: &mut Vec<Problem>, message: String| {
        problems.push(Problem {
            path: "questions".to_owned(),
            message,
        })
    };
    let count = answer_set_count(content);
    if count > MAX_ANSWER_SETS {
        add(
            &mut problems,
            format!("allow {count} answer sets; at most {MAX_ANSWER_SETS} can be checked"),
        );
        return problems;
    }
    let mut reached = [false; 3];
    let mut unscorable = 0u32;
    for_each_complete_answers(content, |answers| {
        let tally = tally(content, answers);
        if !(tally.coaching.is_finite()
            && tally.mentoring.is_finite()
            && tally.combined_bonus.is_finite())
        {
            unscorable += 1;
        }
        reached[decide(&content.engine, &tally).outcome as usize] = true;
    });
    if unscorable > 0 {
        add(
            &mut problems,
            format!("{unscorable} answer sets cannot be scored; check the weights"),
        );
    }
    for outcome in Outcome::ALL {
        if !reached[outcome as usize] {
            add(&mut problems, format!("no combination of answers leads to \"{}\"; adjust the weights or engine thresholds", outcome.id()),
            );
        }
    }
    problems
}
