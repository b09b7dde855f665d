//! Yew function components, one per file, and the reducer they share. Thin: no scoring here;
//! every number and sentence comes from [`crate::engine`] and [`crate::content`].
//! The view functions' props borrow from the widget's state rather than own clones of it:
//! every clone, and its drop, would be code in the wasm. Their lists are built in plain
//! loops: each `iter().map(…)` would be its own copy of the collecting code.
use yew::{html, Callback, Html};

use crate::content::Text;

mod answer_summary;
mod app;
mod change_list;
mod comparison;
mod cta;
mod intro;
mod language_switch;
mod options;
mod question_step;
mod reason_list;
mod result_view;
mod score_chart;
pub mod sentences;
mod share_panel;
mod shared_sections;
mod start_panel;
pub mod state;

pub use app::{App, AppProps, Source, WidgetEvent};
pub use cta::CtaLink;
pub use options::{Cta, CtaParam, Theme, ViewMode, WidgetOptions};
pub use state::{Action, Stage, State};

/// An `<li>` for each text (the bullet and step lists of content): one function for all of
/// them rather than a copy of the list-building code per list.
pub fn text_items(texts: &[Text]) -> Html {
    let mut items = Vec::new();
    for text in texts {
        items.push(html! { <li>{ &**text }</li> });
    }
    html! { <>{ for items }</> }
}

/// The items with `separator` between them (`str::join` would add its own copy of the code
/// to the wasm).
pub fn joined(items: &[String], separator: &str) -> String {
    let mut text = String::new();
    for item in items {
        if !text.is_empty() {
            text.push_str(separator);
        }
        text.push_str(item);
    }
    text
}

/// A handler for any event that sends `action` instead of the event's default (every
/// control it serves is a plain button, or an option whose tick the reducer decides). One
/// closure type for every such control: each distinct closure would cost the wasm its own
/// copy of Yew's callback plumbing.
pub fn sends<E: AsRef<web_sys::Event> + 'static>(
    dispatch: &Callback<Action>,
    action: Action,
) -> Callback<E> {
    send(dispatch, action, false)
}

/// [`sends`], for a control whose action moves focus to the new step's heading (and takes
/// the panel it sits in off the page). The control gives up focus first, while nothing has
/// changed yet: a focused element removed from a changed page makes the browser lay out the
/// new step inside the click, and then again for the frame (the profile of the click that
/// opens the result: half its time).
pub fn sends_moving<E: AsRef<web_sys::Event> + 'static>(
    dispatch: &Callback<Action>,
    action: Action,
) -> Callback<E> {
    send(dispatch, action, true)
}

fn send<E: AsRef<web_sys::Event> + 'static>(
    dispatch: &Callback<Action>,
    action: Action,
    moving: bool,
) -> Callback<E> {
    let dispatch = dispatch.clone();
    Callback::from(move |event: E| {
        let event = event.as_ref();
        event.prevent_default();
        // The control clicked (not the current target: Yew listens at its root), a button
        // holding only text, so `blur` cannot fail.
        if let Some(control) = event.target().filter(|_| moving) {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(control).blur();
        }
        dispatch.emit(action.clone())
    })
}

/// Fills `{name}` placeholders of an interface string. Content strings are always rendered
/// as text nodes, never as HTML, so whatever they contain stays inert.
/// One pass, and no slicing by index, whose panic path alone would cost the wasm more.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        text.push_str(before);
        let placeholder = after.split_once('}').and_then(|(name, tail)| {
            let value = values.iter().find(|(n, _)| *n == name)?.1;
            Some((value, tail))
        });
        match placeholder {
            Some((value, tail)) => {
                text.push_str(value);
                rest = tail;
            }
            // Not a known placeholder: keep the brace as written.
            None => {
                text.push('{');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            super::fill("{current} of {total}", &[("current", "3"), ("total", "8")]),
            "3 of 8"
        );
        assert_eq!(
            super::fill("no placeholders", &[("x", "y")]),
            "no placeholders"
        );
        assert_eq!(
            super::fill("{a}{a} {b} {c} {", &[("a", "1"), ("b", "{a}")]),
            "11 {a} {c} {",
            "repeated, adjacent, unknown and unclosed; a value is not filled again"
        );
    }
}
