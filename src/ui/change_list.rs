use yew::prelude::*;

use crate::content::Content;
use crate::engine::{Change, Flip};

use super::sentences::{change_line, flip_heading, none_close};
use super::{joined, sends_moving, Action};

pub struct ChangeListProps<'a> {
    pub content: &'a Content,
    pub flips: &'a [Flip],
    /// The fewest changed options that would change the result, when none is close enough to
    /// suggest.
    pub fewest: Option<usize>,
    pub dispatch: &'a Callback<Action>,
}

/// Each changed question: its topic, then the options swapped, added or dropped. Carries the
/// test hooks `data-change`, `data-from` and `data-to` (the whole answer before and after).
pub fn change_lines(content: &Content, changes: &[Change]) -> Html {
    let mut items = Vec::new();
    for change in changes {
        items.push(html! {
            <li data-change={change.question.clone()}
                data-from={joined(&change.from, " ")} data-to={joined(&change.to, " ")}>
                { change_line(content, change) }
            </li>
        });
    }
    html! { <ul class="gp-change-lines" role="list">{ for items }</ul> }
}

/// The smallest changes of answers that would reach each other outcome, each one tryable;
/// or, when none is close, how many answers would have to change.
///
/// A plain view function rather than a component: it has no state of its own, and each
/// component costs the wasm its own copy of Yew's lifecycle code.
pub fn change_list(props: &ChangeListProps<'_>) -> Html {
    let content = &props.content;
    if props.flips.is_empty() {
        return match props.fewest {
            Some(count) => html! { <p data-flip-none="">{ none_close(content, count) }</p> },
            None => html! {},
        };
    }
    let mut items = Vec::new();
    for (index, flip) in props.flips.iter().enumerate() {
        items.push(html! {
            <li key={flip.outcome.id()} data-flip={flip.outcome.id()}>
                <p>{ flip_heading(content, flip) }</p>
                { change_lines(content, &flip.changes) }
                <button type="button" class="gp-link" data-action="apply-change"
                    onclick={sends_moving(props.dispatch, Action::Apply(index))}>
                    { &*content.ui.try_change }
                </button>
            </li>
        });
    }
    html! { <ul class="gp-changes" role="list">{ for items }</ul> }
}
