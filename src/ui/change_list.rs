use yew::prelude::*;

use crate::content::{Content, ContentRef};
use crate::engine::{Flip, Outcome};

use super::{sends, Action};

pub struct ChangeListProps {
    pub content: ContentRef,
    pub flips: Vec<Flip>,
    pub dispatch: Callback<Action>,
}

/// "If you wanted advice from someone who has walked your path, mentoring would lead."
pub fn describe(content: &Content, flip: &Flip) -> String {
    let ui = &content.ui;
    let mut sentence = format!("{} ", ui.change_intro);
    let mut first = true;
    for change in &flip.changes {
        let question = content.question(&change.question);
        for option in &change.to {
            if let Some(choice) = question.and_then(|q| q.choice(option)) {
                if !first {
                    sentence.push(' ');
                    sentence.push_str(&ui.change_join);
                    sentence.push(' ');
                }
                sentence.push_str(&choice.if_chosen);
                first = false;
            }
        }
    }
    let lead = match flip.outcome {
        Outcome::Coaching => &content.outcomes.coaching.would_lead,
        Outcome::Mentoring => &content.outcomes.mentoring.would_lead,
        Outcome::Combined => &content.outcomes.combined.would_lead,
    };
    format!("{sentence}, {lead}.")
}

/// The smallest changes of answers that would reach each other outcome, each one tryable.
///
/// A plain view function rather than a component: it has no state of its own, and each
/// component costs the wasm its own copy of Yew's lifecycle code.
pub fn change_list(props: &ChangeListProps) -> Html {
    let items = props.flips.iter().map(|flip| {
        html! {
            <li key={flip.outcome.id()} data-flip={flip.outcome.id()}>
                <span>{ describe(&props.content, flip) }</span>
                { " " }
                <button type="button" class="gp-link" data-action="apply-change"
                    onclick={sends(&props.dispatch, Action::Apply(flip.changes.clone()))}>
                    { &*props.content.ui.try_change }
                </button>
            </li>
        }
    });
    html! { <ul class="gp-changes" role="list">{ for items }</ul> }
}
