//! A visitor's answers, keyed by the contract's question and option ids.
use serde::{Deserialize, Serialize};

use crate::content::Content;

/// Question id → chosen option ids (one, or up to `max_choices`). Possibly partial.
///
/// Kept as a short list sorted by question id rather than a map: eight entries at most, and
/// a map's code weighs more in the wasm than the whole engine.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(Vec<(String, Vec<String>)>);

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    /// The chosen option ids of a question (empty when unanswered).
    pub fn get(&self, question: &str) -> &[String] {
        match self.position(question) {
            Ok(at) => &self.0[at].1,
            Err(_) => &[],
        }
    }

    fn position(&self, question: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(q, _)| q.as_str().cmp(question))
    }

    pub fn is_answered(&self, question: &str) -> bool {
        !self.get(question).is_empty()
    }

    /// Replaces the answer to a question; an empty list clears it.
    pub fn set(&mut self, question: &str, options: Vec<String>) {
        match (self.position(question), options.is_empty()) {
            (Ok(at), true) => {
                self.0.remove(at);
            }
            (Ok(at), false) => self.0[at].1 = options,
            (Err(_), true) => {}
            (Err(at), false) => self.0.insert(at, (question.to_owned(), options)),
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
        for question in content.questions.iter() {
            let chosen = self.get(&question.id);
            // A plain loop rather than an iterator chain: less code in the wasm.
            let mut kept = Vec::new();
            for option in question.options.iter() {
                if kept.len() == usize::from(question.max_choices.max(1)) {
                    break;
                }
                if chosen.iter().any(|c| *c == option.id) {
                    kept.push(option.id.to_string());
                }
            }
            clean.set(&question.id, kept);
        }
        clean
    }

    /// Whether every question of the content has an answer.
    pub fn is_complete(&self, content: &Content) -> bool {
        content.questions.iter().all(|q| self.is_answered(&q.id))
    }
}
