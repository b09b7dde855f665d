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
    /// Changed options in all (a swap counts once): what "closest" counts. Always the sum of
    /// the changes' [`Change::distance`].
    pub distance: usize,
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

/// [`possible_answers`] for each question, in order (a plain loop: less code in the wasm than
/// a collected map).
fn every_possible_answer(content: &Content) -> Vec<Vec<Vec<usize>>> {
    let mut choices = Vec::new();
    for question in content.questions.iter() {
        choices.push(possible_answers(question));
    }
    choices
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
    let choices = every_possible_answer(content);
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
        let mut ids = Vec::new();
        for &o in &sets[i] {
            ids.push(question.options[o].id.to_string());
        }
        answers.set(&question.id, ids);
    }
    answers
}

/// How many options a change of answer touches: a swap counts once, so it is the larger of
/// the options added and the options dropped. Over ids, or over option indices (the search).
pub fn option_distance<T: PartialEq>(from: &[T], to: &[T]) -> usize {
    let added = to.iter().filter(|o| !from.contains(o)).count();
    let dropped = from.iter().filter(|o| !to.contains(o)).count();
    added.max(dropped)
}

impl Change {
    /// Options in the new answer that the current one lacks.
    pub fn added(&self) -> impl Iterator<Item = &String> {
        self.to.iter().filter(|o| !self.from.contains(o))
    }

    /// Options of the current answer that the new one drops.
    pub fn dropped(&self) -> impl Iterator<Item = &String> {
        self.from.iter().filter(|o| !self.to.contains(o))
    }

    pub fn distance(&self) -> usize {
        option_distance(&self.from, &self.to)
    }
}

/// The nearest answer sets with another outcome.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Nearest {
    /// For each other outcome within `engine.max_suggested_changes` changed options, the
    /// closest answer set that reaches it (ties: the clearest result, then question order);
    /// closest first.
    pub flips: Vec<Flip>,
    /// The fewest changed options that reach any other outcome; `None` when none can be
    /// reached.
    pub fewest: Option<usize>,
}

/// One possible answer of a question, seen from the current answer.
struct Alternative {
    set: usize,
    distance: usize,
    evidence: (f64, f64, f64),
}

/// For each outcome other than the current one, the fewest changed options that reach it.
///
/// Scores add up question by question and so do distances, so the search goes by distance:
/// every answer set one changed option away, then two, and so on, stopping once what the
/// result shows is known. Most results are settled within a few hundred answer sets instead
/// of every one the content allows; the farthest still visits each set once.
pub fn nearest_flips(content: &Content, answers: &Answers) -> Nearest {
    let answers = answers.normalized(content);
    let current = decide(&content.engine, &tally(content, &answers)).outcome;
    let choices = every_possible_answer(content);
    if choices.iter().any(Vec::is_empty) {
        return Nearest::default();
    }
    // Plain loops rather than iterator chains: less code in the wasm.
    let mut alternatives: Vec<Vec<Alternative>> = Vec::new();
    for (question, sets) in content.questions.iter().zip(&choices) {
        // The current answer as option indices (the answers are normalized: known ids).
        let mut chosen = Vec::new();
        for id in answers.get(&question.id) {
            if let Some(o) = question.options.iter().position(|o| o.id == *id) {
                chosen.push(o);
            }
        }
        let mut question_alternatives = Vec::new();
        for (set, options) in sets.iter().enumerate() {
            let mut evidence = (0.0, 0.0, 0.0);
            for &o in options {
                let choice = &question.options[o];
                evidence.0 += choice.coaching.max(0.0);
                evidence.1 += choice.mentoring.max(0.0);
                evidence.2 += choice.combined.max(0.0);
            }
            question_alternatives.push(Alternative {
                set,
                distance: option_distance(&chosen, options),
                evidence,
            });
        }
        alternatives.push(question_alternatives);
    }
    // The most distance the questions from `q` on can still add.
    let mut reach_after = vec![0usize; alternatives.len() + 1];
    for q in (0..alternatives.len()).rev() {
        let farthest = alternatives[q]
            .iter()
            .map(|a| a.distance)
            .max()
            .unwrap_or(0);
        reach_after[q] = reach_after[q + 1] + farthest;
    }
    let empty = tally(content, &Answers::new());
    let mut search = Search {
        config: &content.engine,
        alternatives: &alternatives,
        reach_after: &reach_after,
        current,
        base: empty,
        level: 0,
        index: vec![0; alternatives.len()],
        best: [None, None, None],
    };
    let shown = content.engine.max_suggested_changes as usize;
    let mut fewest = None;
    for distance in 1..=reach_after[0] {
        search.level = distance;
        search.visit(0, distance, (0.0, 0.0, 0.0));
        let found = search.best.iter().flatten().count();
        if found > 0 && fewest.is_none() {
            fewest = Some(distance);
        }
        // Done once both other outcomes are found, or once nothing farther would be shown.
        if found == 2 || (fewest.is_some() && distance >= shown) {
            break;
        }
    }

    let mut best: Vec<(usize, f64, Vec<usize>)> = search.best.into_iter().flatten().collect();
    // Closest first: at most two candidates, so order them by hand.
    if best.len() == 2 && best[1].0 < best[0].0 {
        best.swap(0, 1);
    }
    let mut flips = Vec::new();
    for (distance, _, index) in best {
        if distance > shown {
            continue;
        }
        let target = answers_at(content, &index, &choices);
        let decision = decide(&content.engine, &tally(content, &target));
        let mut changes = Vec::new();
        for q in content.questions.iter() {
            let (from, to) = (answers.get(&q.id), target.get(&q.id));
            if from != to {
                changes.push(Change {
                    question: q.id.to_string(),
                    from: from.to_vec(),
                    to: to.to_vec(),
                });
            }
        }
        flips.push(Flip {
            outcome: decision.outcome,
            sequence: decision.sequence,
            changes,
            distance,
        });
    }
    Nearest { flips, fewest }
}

/// The depth-first walk behind [`nearest_flips`]: every answer set exactly `distance` changed
/// options away, keeping the clearest per outcome.
struct Search<'a> {
    config: &'a crate::content::EngineConfig,
    alternatives: &'a [Vec<Alternative>],
    reach_after: &'a [usize],
    current: Outcome,
    base: Tally,
    /// The distance being walked.
    level: usize,
    index: Vec<usize>,
    /// Per outcome: (distance, decisiveness, answer-set index).
    best: [Option<(usize, f64, Vec<usize>)>; 3],
}

impl Search<'_> {
    fn visit(&mut self, q: usize, remaining: usize, sum: (f64, f64, f64)) {
        if remaining > self.reach_after[q] {
            return;
        }
        if q == self.alternatives.len() {
            self.consider(sum);
            return;
        }
        for a in 0..self.alternatives[q].len() {
            let alternative = &self.alternatives[q][a];
            if alternative.distance > remaining {
                continue;
            }
            self.index[q] = alternative.set;
            let (c, m, b) = alternative.evidence;
            self.visit(
                q + 1,
                remaining - alternative.distance,
                (sum.0 + c, sum.1 + m, sum.2 + b),
            );
        }
    }

    /// At a complete answer set exactly `level` changed options away.
    fn consider(&mut self, (coaching, mentoring, combined_bonus): (f64, f64, f64)) {
        let candidate = Tally {
            coaching,
            mentoring,
            combined_bonus,
            ..self.base
        };
        let outcome = decide(self.config, &candidate).outcome;
        if outcome == self.current {
            return;
        }
        let distance = self.level;
        let clarity = decisiveness(self.config, &candidate);
        let slot = &mut self.best[outcome as usize];
        let better = match slot {
            None => true,
            Some((d, c, _)) => distance < *d || (distance == *d && clarity > *c),
        };
        if better {
            *slot = Some((distance, clarity, self.index.clone()));
        }
    }
}

/// [`nearest_flips`]' suggestions alone.
pub fn what_would_change(content: &Content, answers: &Answers) -> Vec<Flip> {
    nearest_flips(content, answers).flips
}
