//! The widget's state and every way it can change, as a plain reducer (no web types), so the
//! quiz flow is tested natively.
use std::rc::Rc;

use yew::Reducible;

use crate::content::ContentRef;
use crate::engine::{recommend, Answers, Change, Recommendation};

/// Which panel the assessment shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stage {
    #[default]
    Start,
    /// Asking the question at this index.
    Question(usize),
    Result,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub content: ContentRef,
    pub stage: Stage,
    pub answers: Answers,
    /// Set when the visitor tried to go on without answering.
    pub missing_answer: bool,
    /// Set when the visitor chose one more option than the question takes.
    pub choice_limit: bool,
    /// Each "what would change it" suggestion tried, the latest last: the answers before it
    /// (what "undo" goes back to) and the changes it made.
    pub tried: Vec<(Answers, Vec<Change>)>,
    /// The comparison row a reason asked to highlight.
    pub highlighted_row: Option<String>,
    /// What the next focus move goes to.
    pub focus_target: FocusTarget,
    /// The recommendation for the answers, once every question is answered.
    pub recommendation: Option<Rc<Recommendation>>,
    /// How the last "copy link" went (`None`: not tried since the stage last changed).
    pub link_copied: Option<bool>,
    /// Whether the language last chosen could not be loaded.
    pub language_failed: bool,
    /// Bumped by every visitor action that moves focus; 0 means "never moved", so nothing is
    /// focused on load and the host page keeps its focus.
    pub focus_generation: u32,
    /// Which mount of the widget this is: the embed layer reuses app roots, and a new mount
    /// starts the state again (see `Action::Renew`).
    pub session: u32,
}

/// Where focus goes after a visitor action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FocusTarget {
    /// The heading of the current stage (question, result, start).
    Stage,
    /// A comparison row a reason linked to.
    Row(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Start,
    /// Click on an option: choose it (single choice) or toggle it (multiple choice).
    Choose {
        question: String,
        option: String,
    },
    Next,
    Back,
    /// Go to a question from the result's answer summary.
    Edit(String),
    ShowResult,
    /// Try the recommendation's "what would change it" suggestion at this index.
    Apply(usize),
    /// Go back to the answers before the last suggestion tried.
    Undo,
    HighlightRow(String),
    Restart,
    /// Switch to the same content in another language; answers are kept (ids are shared).
    SetContent(ContentRef),
    /// The clipboard's answer to "copy link": whether the link was copied.
    LinkCopied(bool),
    /// The language chosen could not be loaded; choosing one that loads clears it.
    LanguageFailed,
    /// A new mount in a reused app root: everything starts again from what it brings.
    Renew {
        session: u32,
        content: ContentRef,
        answers: Answers,
        stage: Stage,
    },
}

impl State {
    pub fn new(content: ContentRef) -> Self {
        Self {
            content,
            stage: Stage::Start,
            answers: Answers::new(),
            missing_answer: false,
            choice_limit: false,
            tried: Vec::new(),
            highlighted_row: None,
            focus_target: FocusTarget::Stage,
            recommendation: None,
            link_copied: None,
            language_failed: false,
            focus_generation: 0,
            session: 0,
        }
    }

    /// Restored progress or a shared result: only what the content knows is kept, and a
    /// stage the answers cannot reach (a result without every answer) falls back to the start.
    pub fn restored(content: ContentRef, answers: &Answers, stage: Stage) -> Self {
        let mut state = State::new(content);
        state.answers = answers.normalized(&state.content);
        state.stage = match stage {
            Stage::Result if !state.is_complete() => Stage::Start,
            Stage::Question(i) if i >= state.question_count() => Stage::Start,
            other => other,
        };
        state.recommended()
    }

    /// With the recommendation for the current answers: `None` while one is missing.
    fn recommended(mut self) -> Self {
        self.recommendation = self
            .is_complete()
            .then(|| Rc::new(recommend(&self.content, &self.answers)));
        self
    }

    pub fn question_count(&self) -> usize {
        self.content.questions.len()
    }

    pub fn is_complete(&self) -> bool {
        self.answers.is_complete(&self.content)
    }

    fn question_index(&self, id: &str) -> Option<usize> {
        self.content.questions.iter().position(|q| q.id == id)
    }

    fn moved(mut self, stage: Stage) -> Self {
        self.stage = stage;
        self.missing_answer = false;
        self.choice_limit = false;
        self.link_copied = None;
        self.focus(FocusTarget::Stage)
    }

    fn focus(mut self, target: FocusTarget) -> Self {
        self.focus_target = target;
        self.focus_generation = self.focus_generation.wrapping_add(1).max(1);
        self
    }

    fn apply(mut self, action: Action) -> Self {
        match action {
            Action::Start => {
                let first_open = self
                    .content
                    .questions
                    .iter()
                    .position(|q| !self.answers.is_answered(&q.id))
                    .unwrap_or(0);
                self.moved(Stage::Question(first_open))
            }
            Action::Choose { question, option } => {
                let Some(q) = self.content.question(&question) else {
                    return self;
                };
                if q.choice(&option).is_none() {
                    return self;
                }
                let mut chosen = self.answers.get(&question).to_vec();
                self.choice_limit = false;
                if q.max_choices <= 1 {
                    chosen = vec![option];
                } else if let Some(at) = chosen.iter().position(|o| *o == option) {
                    chosen.remove(at);
                } else if chosen.len() < usize::from(q.max_choices) {
                    chosen.push(option);
                } else {
                    // Nothing changes, and the visitor is told why.
                    self.choice_limit = true;
                    return self;
                }
                self.answers.set(&question, chosen);
                self.answers = self.answers.normalized(&self.content);
                self.missing_answer = false;
                // The visitor's own answer now: nothing tried is left to undo.
                self.tried.clear();
                self
            }
            Action::Next => {
                let Stage::Question(i) = self.stage else {
                    return self;
                };
                if !self.answers.is_answered(&self.content.questions[i].id) {
                    self.missing_answer = true;
                    return self;
                }
                // With every question answered (after "Change" from the result, or on the way
                // back through the questions), the main button returns to the result, as
                // GOV.UK's "Check your answers" does, rather than walking on.
                if self.is_complete() {
                    self.moved(Stage::Result)
                } else if i + 1 < self.question_count() {
                    self.moved(Stage::Question(i + 1))
                } else {
                    // Reached the end with a gap (after editing): go to the first open question.
                    self.apply(Action::Start)
                }
            }
            Action::Back => match self.stage {
                Stage::Question(0) => self.moved(Stage::Start),
                Stage::Question(i) => self.moved(Stage::Question(i - 1)),
                Stage::Result => {
                    let last = self.question_count().saturating_sub(1);
                    self.moved(Stage::Question(last))
                }
                Stage::Start => self,
            },
            Action::Edit(question) => match self.question_index(&question) {
                Some(i) => self.moved(Stage::Question(i)),
                None => self,
            },
            Action::ShowResult => {
                if self.is_complete() {
                    self.moved(Stage::Result)
                } else {
                    self
                }
            }
            Action::Apply(index) => {
                let Some(flip) = self
                    .recommendation
                    .as_ref()
                    .and_then(|r| r.changes.get(index))
                else {
                    return self;
                };
                let changes = flip.changes.clone();
                let before = self.answers.clone();
                for change in &changes {
                    self.answers.set(&change.question, change.to.clone());
                }
                self.answers = self.answers.normalized(&self.content);
                if self.answers == before || !self.is_complete() {
                    self.answers = before;
                    return self;
                }
                self.tried.push((before, changes));
                self.highlighted_row = None;
                self.moved(Stage::Result)
            }
            Action::Undo => match self.tried.pop() {
                Some((answers, _)) => {
                    self.answers = answers.normalized(&self.content);
                    self.highlighted_row = None;
                    self.moved(Stage::Result)
                }
                None => self,
            },
            Action::HighlightRow(row) => {
                self.highlighted_row = Some(row.clone());
                self.focus(FocusTarget::Row(row))
            }
            Action::Restart => {
                let generation = self.focus_generation;
                let mut fresh = State::new(self.content);
                fresh.focus_generation = generation;
                // The same mount: only a new one starts a new session.
                fresh.session = self.session;
                fresh.moved(Stage::Start)
            }
            Action::SetContent(content) => {
                self.language_failed = false;
                self.content = content;
                self.answers = self.answers.normalized(&self.content);
                self
            }
            Action::LinkCopied(copied) => {
                self.link_copied = Some(copied);
                self
            }
            Action::LanguageFailed => {
                self.language_failed = true;
                self
            }
            Action::Renew {
                session,
                content,
                answers,
                stage,
            } => State {
                session,
                ..State::restored(content, &answers, stage)
            },
        }
    }
}

impl Reducible for State {
    type Action = Action;

    /// Applies the action, and recommends again when the answers or the content changed (not
    /// on every action: the engine weighs every possible answer set).
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let (answers, content) = (self.answers.clone(), self.content.clone());
        let next = Rc::unwrap_or_clone(self).apply(action);
        let changed = next.answers != answers || next.content != content;
        Rc::new(if changed { next.recommended() } else { next })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;

    fn state() -> State {
        State::new(content::english().into())
    }

    fn choose(state: State, question: &str, option: &str) -> State {
        state.apply(Action::Choose {
            question: question.into(),
            option: option.into(),
        })
    }

    #[test]
    fn renew_starts_again_from_what_the_new_mount_brings() {
        let mut s = choose(state().apply(Action::Start), "situation", "role-transition");
        s = s
            .apply(Action::Next)
            .apply(Action::HighlightRow("purpose".into()));
        s.language_failed = true;
        let saved = Answers::new().with("situation", &["role-transition"]);
        let renewed = s.apply(Action::Renew {
            session: 7,
            content: content::english().into(),
            answers: saved.clone(),
            stage: Stage::Question(1),
        });
        assert_eq!(renewed.session, 7);
        assert_eq!(renewed.answers, saved.normalized(&renewed.content));
        assert_eq!(renewed.stage, Stage::Question(1));
        assert_eq!(renewed.highlighted_row, None);
        assert!(!renewed.language_failed);
        assert_eq!(
            renewed.focus_generation, 0,
            "a new mount never moves focus on load"
        );
    }

    #[test]
    fn restart_stays_in_the_same_session() {
        let s = State {
            session: 3,
            ..choose(state().apply(Action::Start), "situation", "role-transition")
        };
        let restarted = s.apply(Action::Restart);
        assert!(restarted.answers.is_empty());
        assert_eq!(restarted.session, 3, "a restart is no new mount");
    }

    #[test]
    fn next_without_an_answer_asks_for_one_and_stays() {
        let s = state().apply(Action::Start);
        assert_eq!(s.stage, Stage::Question(0));
        let s = s.apply(Action::Next);
        assert_eq!(s.stage, Stage::Question(0));
        assert!(s.missing_answer);
        let s = choose(s, "situation", "role-transition");
        assert!(!s.missing_answer);
        assert_eq!(s.apply(Action::Next).stage, Stage::Question(1));
    }

    #[test]
    fn situation_toggles_and_takes_at_most_two() {
        let s = state().apply(Action::Start);
        let s = choose(s, "situation", "role-transition");
        let s = choose(s, "situation", "new-industry");
        let s = choose(s, "situation", "style-change");
        assert_eq!(
            s.answers.get("situation"),
            ["role-transition", "new-industry"]
        );
        let s = choose(s, "situation", "role-transition");
        assert_eq!(s.answers.get("situation"), ["new-industry"]);
    }

    #[test]
    fn single_choice_replaces_and_unknown_options_are_ignored() {
        let s = choose(state(), "support", "questions");
        let s = choose(s, "support", "advice");
        assert_eq!(s.answers.get("support"), ["advice"]);
        let s = choose(s, "support", "telepathy");
        assert_eq!(s.answers.get("support"), ["advice"]);
    }

    #[test]
    fn back_from_the_first_question_returns_to_start_and_focus_moves_each_step() {
        let s = state();
        assert_eq!(s.focus_generation, 0, "nothing is focused on load");
        let s = s.apply(Action::Start);
        let g = s.focus_generation;
        let s = s.apply(Action::Back);
        assert_eq!(s.stage, Stage::Start);
        assert!(s.focus_generation > g);
    }

    #[test]
    fn the_last_next_shows_the_result_and_edit_goes_back_to_a_question() {
        let mut s = state().apply(Action::Start);
        for q in s.content.questions.to_vec() {
            s = choose(s, &q.id, &q.options[0].id).apply(Action::Next);
        }
        assert_eq!(s.stage, Stage::Result);
        let s = s.apply(Action::Edit("horizon".into()));
        assert_eq!(s.stage, Stage::Question(3));
        let s = s.apply(Action::ShowResult);
        assert_eq!(s.stage, Stage::Result);
        let s = s.apply(Action::Restart);
        assert_eq!((s.stage, s.answers.is_empty()), (Stage::Start, true));
    }

    fn completed() -> State {
        let mut s = state().apply(Action::Start);
        for q in s.content.questions.to_vec() {
            s = choose(s, &q.id, &q.options[0].id).apply(Action::Next);
        }
        s
    }

    #[test]
    fn a_third_choice_changes_nothing_and_says_why() {
        let s = state().apply(Action::Start);
        let s = choose(s, "situation", "role-transition");
        let s = choose(s, "situation", "new-industry");
        let s = choose(s, "situation", "style-change");
        assert!(s.choice_limit);
        assert_eq!(
            s.answers.get("situation"),
            ["role-transition", "new-industry"]
        );
        let s = choose(s, "situation", "new-industry");
        assert!(!s.choice_limit, "unticking one clears the message");
    }

    #[test]
    fn after_change_from_the_result_next_returns_to_the_result() {
        let s = completed().apply(Action::Edit("support".into()));
        assert_eq!(s.stage, Stage::Question(1));
        let s = choose(s, "support", "advice").apply(Action::Next);
        assert_eq!(s.stage, Stage::Result, "not through every later question");
        // Back from the result and on through the questions: Next returns to the result too.
        let s = s.apply(Action::Back).apply(Action::Back);
        assert_eq!(s.stage, Stage::Question(6));
        assert_eq!(s.apply(Action::Next).stage, Stage::Result);
        // A first pass walks on question by question.
        let s = completed().apply(Action::Restart).apply(Action::Start);
        let s = choose(s, "situation", "role-transition").apply(Action::Next);
        assert_eq!(s.stage, Stage::Question(1));
    }

    #[test]
    fn trying_a_suggestion_can_be_undone() {
        let near_the_line = Answers::new()
            .with("situation", &["style-change"])
            .with("support", &["advice"])
            .with("time-focus", &["past-lessons"])
            .with("horizon", &["defined"])
            .with("relationship", &["senior-guide"])
            .with("outcome", &["behavior"])
            .with("urgency", &["now"])
            .with("organization", &["case-by-case"]);
        let s = State::restored(content::english().into(), &near_the_line, Stage::Result);
        let own = s.answers.clone();
        let flip = s.recommendation.as_ref().unwrap().changes[0].clone();
        let s = Rc::new(s).reduce(Action::Apply(0));
        assert_eq!(s.recommendation.as_ref().unwrap().outcome, flip.outcome);
        assert_eq!(s.tried, vec![(own.clone(), flip.changes.clone())]);
        let s = s.reduce(Action::Undo);
        assert_eq!(s.answers, own);
        assert!(s.tried.is_empty());
        assert_ne!(s.recommendation.as_ref().unwrap().outcome, flip.outcome);
        // Undo with nothing tried does nothing.
        assert_eq!(s.clone().reduce(Action::Undo).answers, own);
    }

    #[test]
    fn highlighting_a_row_moves_focus_to_it() {
        let s = state().apply(Action::HighlightRow("method".into()));
        assert_eq!(s.highlighted_row.as_deref(), Some("method"));
        assert_eq!(s.focus_target, FocusTarget::Row("method".into()));
    }
}
