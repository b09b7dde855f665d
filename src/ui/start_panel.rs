use yew::prelude::*;

use crate::content::Content;

use super::{sends_moving, text_items, Action};

pub struct StartPanelProps<'a> {
    pub content: &'a Content,
    /// Some answers are saved: offer to continue, and to forget them.
    pub has_progress: bool,
    pub dispatch: &'a Callback<Action>,
}

/// The invitation to take the self-assessment, or to resume it.
///
/// A plain view function rather than a component: it has no state of its own, and each
/// component costs the wasm its own copy of Yew's lifecycle code.
pub fn start_panel(props: &StartPanelProps<'_>) -> Html {
    let ui = &props.content.ui;
    html! {
        <div class="gp-start">
            <h3 class="gp-panel-title" tabindex="-1" data-autofocus="">{ &*ui.assessment_title }</h3>
            <p class="gp-muted">{ if props.has_progress { &*ui.resume_note } else { &*ui.start_note } }</p>
            <ul class="gp-start-points">
                { text_items(&ui.start_points) }
            </ul>
            <div class="gp-nav">
                <button type="button" class="gp-button" data-action="start" onclick={sends_moving(props.dispatch, Action::Start)}>
                    { if props.has_progress { &*ui.resume } else { &*ui.start } }
                </button>
                if props.has_progress {
                    <button type="button" class="gp-button gp-secondary" data-action="forget" onclick={sends_moving(props.dispatch, Action::Restart)}>
                        { &*ui.forget }
                    </button>
                }
            </div>
        </div>
    }
}
