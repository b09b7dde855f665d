use std::rc::Rc;

use yew::prelude::*;

use crate::content::Content;

#[derive(Properties, PartialEq)]
pub struct StartPanelProps {
    pub content: Rc<Content>,
    pub on_start: Callback<()>,
}

/// The invitation to take the self-assessment.
#[function_component]
pub fn StartPanel(props: &StartPanelProps) -> Html {
    let ui = &props.content.ui;
    let on_start = props.on_start.clone();
    html! {
        <div class="gp-start">
            <h3 class="gp-panel-title" tabindex="-1" data-autofocus="">{ &ui.assessment_title }</h3>
            <p class="gp-muted">{ &ui.start_note }</p>
            <button type="button" class="gp-button" data-action="start" onclick={move |_| on_start.emit(())}>
                { &ui.start }
            </button>
        </div>
    }
}
