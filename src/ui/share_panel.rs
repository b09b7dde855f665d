use yew::prelude::*;

use crate::content::ContentRef;

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub content: ContentRef,
    /// The page URL with the answers in its fragment.
    pub link: AttrValue,
}

#[derive(Clone, Copy, PartialEq)]
enum CopyState {
    Idle,
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Copied,
    Failed,
}

/// The result as a link (visible, selectable), a copy control and a print control.
#[function_component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let ui = &props.content.ui;
    let state = use_state(|| CopyState::Idle);
    let on_copy = {
        let state = state.clone();
        let link = props.link.clone();
        move |_| copy_to_clipboard(link.to_string(), state.setter())
    };
    let on_print = |_| print_page();
    let status = match *state {
        CopyState::Idle => "",
        CopyState::Copied => &*ui.link_copied,
        CopyState::Failed => &*ui.copy_failed,
    };
    html! {
        <div class="gp-block gp-share">
            <h4>{ &*ui.share_title }</h4>
            <label class="gp-share-label" for="gp-share-link">{ &*ui.share_link_label }</label>
            <div class="gp-share-row">
                <input id="gp-share-link" class="gp-share-input" type="text" readonly=true value={props.link.clone()}
                    onfocus={|e: FocusEvent| select_all(&e)} />
                <button type="button" class="gp-button gp-secondary" data-action="copy-link" onclick={on_copy}>{ &*ui.copy_link }</button>
                <button type="button" class="gp-button gp-secondary" data-action="print" onclick={on_print}>{ &*ui.print }</button>
            </div>
            <p class="gp-muted gp-share-status" role="status">{ status }</p>
        </div>
    }
}

#[cfg(target_arch = "wasm32")]
fn copy_to_clipboard(link: String, state: UseStateSetter<CopyState>) {
    let Some(window) = web_sys::window() else {
        return state.set(CopyState::Failed);
    };
    // `writeText` is missing outside secure contexts (e.g. some file:// pages) and may be
    // refused; either way the link stays visible to copy by hand.
    let clipboard = window.navigator().clipboard();
    let promise = clipboard.write_text(&link);
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => state.set(CopyState::Copied),
            Err(_) => state.set(CopyState::Failed),
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn copy_to_clipboard(_link: String, state: UseStateSetter<CopyState>) {
    state.set(CopyState::Failed);
}

fn print_page() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

fn select_all(event: &FocusEvent) {
    if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
        input.select();
    }
}
