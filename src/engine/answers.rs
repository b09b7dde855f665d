//! A visitor's answers, keyed by the contract's question and option ids.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::Content;

/// Question id → chosen option ids (one, or up to `max_choices`). Possibly partial.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, Vec<String>>);

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    /// The chosen option ids of a question (empty when unanswered).
    pub fn get(&self, question: &str) -> &[String] {
        self.0.get(question).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn is_answered(&self, question: &str) -> bool {
        !self.get(question).is_empty()
    }

    /// Replaces the answer to a question; an empty list clears it.
    pub fn set(&mut self, question: &str, options: Vec<String>) {
        if options.is_empty() {
            self.0.remove(question);
        } else {
            self.0.insert(question.to_owned(), options);
        }
    }

    /// Builder form of [`Answers::set`] for tests and stories.
    pub fn with(mut self, question: &str, options: &[&str]) -> Self {
        self.set(question, options.iter().map(|o| (*o).to_owned()).collect());
        self
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.0.iter().map(|(q, o)| (q.as_str(), o.as_slice()))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Keeps only what the content knows: known questions, known options, no repeats, at
    /// most `max_choices` per question, in the content's option order. Saved progress, share
    /// links and host input all pass through here, so the engine never sees anything else.
    pub fn normalized(&self, content: &Content) -> Answers {
        let mut clean = Answers::new();
        for question in &content.questions {
            let chosen = self.get(&question.id);
            let kept: Vec<String> = question
                .options
                .iter()
                .filter(|option| chosen.contains(&option.id))
                .map(|option| option.id.clone())
                .take(usize::from(question.max_choices.max(1)))
                .collect();
            clean.set(&question.id, kept);
        }
        clean
    }

    /// Whether every question of the content has an answer.
    pub fn is_complete(&self, content: &Content) -> bool {
        content.questions.iter().all(|q| self.is_answered(&q.id))
    }
}
