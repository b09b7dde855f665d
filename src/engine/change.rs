//! "What would change it": the smallest change of answers that reaches another outcome.
use serde::Serialize;

use crate::content::{Content, Question};

use super::score::{decide, decisiveness, Tally};
use super::{tally, Answers, Outcome, Sequence};

/// One question answered differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub question: String,
    /// The current answer (empty when the question is unanswered).
    pub from: Vec<String>,
    pub to: Vec<String>,
}

/// The closest answer set with a different outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flip {
    pub outcome: Outcome,
    pub sequence: Option<Sequence>,
    /// In question order; as few as possible.
    pub changes: Vec<Change>,
}

/// Every answer a question accepts: each non-empty set of at most `max_choices` options, in
/// option order.
pub(crate) fn possible_answers(question: &Question) -> Vec<Vec<usize>> {
    let n = question.options.len();
    let max = usize::from(question.max_choices.max(1)).min(n);
    let mut all: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    fn extend(
        start: usize,
        n: usize,
        size: usize,
        current: &mut Vec<usize>,
        all: &mut Vec<Vec<usize>>,
    ) {
        if current.len() == size {
            all.push(current.clone());
            return;
        }
        for i in start..n {
            current.push(i);
            extend(i + 1, n, size, current, all);
            current.pop();
        }
    }
    for size in 1..=max {
        extend(0, n, size, &mut current, &mut all);
    }
    all
}

/// The number of complete answer sets the content allows.
pub fn answer_set_count(content: &Content) -> u128 {
    content
        .questions
        .iter()
        .map(|q| possible_answers(q).len() as u128)
        .product()
}

/// Calls `visit` with every complete answer set, as one index into `possible_answers` per
/// question. Shared by "what would change it" and the content validator.
pub(crate) fn for_each_answer_set(
    content: &Content,
    mut visit: impl FnMut(&[usize], &[Vec<Vec<usize>>]),
) {
    let choices: Vec<Vec<Vec<usize>>> = content.questions.iter().map(possible_answers).collect();
    if choices.iter().any(Vec::is_empty) {
        return;
    }
    let mut index = vec![0usize; choices.len()];
    loop {
        visit(&index, &choices);
        // Odometer: advance the last question first.
        let mut position = choices.len();
        loop {
            if position == 0 {
                return;
            }
            position -= 1;
            index[position] += 1;
            if index[position] < choices[position].len() {
                break;
            }
            index[position] = 0;
        }
    }
}

/// Calls `visit` with every complete answer set the content allows.
pub fn for_each_complete_answers(content: &Content, mut visit: impl FnMut(&Answers)) {
    for_each_answer_set(content, |index, choices| {
        visit(&answers_at(content, index, choices))
    });
}

/// Answers built from one answer-set index (see [`for_each_answer_set`]).
pub(crate) fn answers_at(
    content: &Content,
    index: &[usize],
    choices: &[Vec<Vec<usize>>],
) -> Answers {
    let mut answers = Answers::new();
    for ((question, &i), sets) in content.questions.iter().zip(index).zip(choices) {
        let ids = sets[i]
            .iter()
            .map(|&o| question.options[o].id.to_string())
            .collect();
        answers.set(&question.id, ids);
    }
    answers
}

/// For each outcome other than the current one, the fewest answers to change to reach it
/// (ties: the change that gives the clearest result, then question order). Closest first.
pub fn what_would_change(content: &Content, answers: &Answers) -> Vec<Flip> {
    let answers = answers.normalized(content);
    let current = decide(&content.engine, &tally(content, &answers)).outcome;
    let choices: Vec<Vec<Vec<usize>>> = content.questions.iter().map(possible_answers).collect();
    // The current answer of each question as an index into its possible answers.
    let current_index: Vec<Option<usize>> = content
        .questions
        .iter()
        .zip(&choices)
        .map(|(question, sets)| {
            let chosen = answers.get(&question.id);
            sets.iter().position(|set| {
                set.len() == chosen.len()
                    && set
                        .iter()
                        .zip(chosen)
                        .all(|(&o, id)| question.options[o].id == *id)
            })
        })
        .collect();
    // Evidence of each possible answer, so each answer set is a sum of eight lookups.
    let evidence: Vec<Vec<(f64, f64, f64)>> = content
        .questions
        .iter()
        .zip(&choices)
        .map(|(question, sets)| {
            sets.iter()
                .map(|set| {
                    set.iter().fold((0.0, 0.0, 0.0), |(c, m, b), &o| {
                        let choice = &question.options[o];
                        (
                            c + choice.coaching.max(0.0),
                            m + choice.mentoring.max(0.0),
                            b + choice.combined.max(0.0),
                        )
                    })
                })
                .collect()
        })
        .collect();
    let empty = tally(content, &Answers::new());

    // Best candidate per outcome: (changes, decisiveness, index).
    let mut best: [Option<(usize, f64, Vec<usize>)>; 3] = [None, None, None];
    for_each_answer_set(content, |index, _| {
        let distance = index
            .iter()
            .zip(&current_index)
            .filter(|(i, c)| Some(**i) != **c)
            .count();
        if distance == 0 {
            return;
        }
        let mut candidate = Tally {
            coaching: 0.0,
            mentoring: 0.0,
            combined_bonus: 0.0,
            ..empty
        };
        for (q, &i) in index.iter().enumerate() {
            let (c, m, b) = evidence[q][i];
            candidate.coaching += c;
            candidate.mentoring += m;
            candidate.combined_bonus += b;
        }
        let outcome = decide(&content.engine, &candidate).outcome;
        if outcome == current {
            return;
        }
        let slot = &mut best[outcome as usize];
        let clarity = decisiveness(&content.engine, &candidate);
        let better = match slot {
            None => true,
            Some((d, c, _)) => distance < *d || (distance == *d && clarity > *c),
        };
        if better {
            *slot = Some((distance, clarity, index.to_vec()));
        }
    });

    // Closest first: at most two candidates, so order them by hand.
    let mut best: Vec<(usize, f64, Vec<usize>)> = best.into_iter().flatten().collect();
    if best.len() == 2 && best[1].0 < best[0].0 {
        best.swap(0, 1);
    }
    best.into_iter()
        .map(|(_, _, index)| {
            let target = answers_at(content, &index, &choices);
            let decision = decide(&content.engine, &tally(content, &target));
            let changes = content
                .questions
                .iter()
                .filter(|q| answers.get(&q.id) != target.get(&q.id))
                .map(|q| Change {
                    question: q.id.to_string(),
                    from: answers.get(&q.id).to_vec(),
                    to: target.get(&q.id).to_vec(),
                })
                .collect();
            Flip {
                outcome: decision.outcome,
                sequence: decision.sequence,
                changes,
            }
        })
        .collect()
}
