//! Yew function components, one per file, and the reducer they share. Thin: no scoring here;
//! every number and sentence comes from [`crate::engine`] and [`crate::content`].
mod answer_summary;
mod app;
mod change_list;
mod comparison;
mod intro;
mod language_switch;
mod question_step;
mod reason_list;
mod result_view;
mod score_chart;
mod share_panel;
mod shared_sections;
mod start_panel;
pub mod state;

pub use app::{App, AppProps, WidgetEvent};
pub use state::{Action, Stage, State};

/// Fills `{name}` placeholders of an interface string. Content strings are always rendered
/// as text nodes, never as HTML, so whatever they contain stays inert.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
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
    }
}
