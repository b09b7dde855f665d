use yew::prelude::*;

use crate::content::Content;

use super::Action;

pub struct SharePanelProps<'a> {
    pub content: &'a Content,
    /// The page URL with the answers in its fragment.
    pub link: &'a AttrValue,
    /// How the last copy went, if one was tried ([`super::State::link_copied`]).
    pub copied: Option<bool>,
    pub dispatch: &'a Callback<Action>,
}

/// The result as a link (visible, selectable), a copy control and a print control.
///
/// A plain view function: see [`super::intro::intro`] for why; the copy status lives in the
/// widget's state.
pub fn share_panel(props: &SharePanelProps<'_>) -> Html {
    let ui = &props.content.ui;
    let on_copy = {
        let dispatch = props.dispatch.clone();
        let link = props.link.clone();
        move |_| copy_to_clipboard(&link, dispatch.clone())
    };
    let on_print = |_| print_page();
    let status = match props.copied {
        None => "",
        Some(true) => &*ui.link_copied,
        Some(false) => &*ui.copy_failed,
    };
    html! {
        <div class="gp-block gp-share">
            <h4>{ &*ui.share_title }</h4>
            <label class="gp-share-label" for="gp-share-link">{ &*ui.share_link_label }</label>
            <div class="gp-share-row">
                <input id="gp-share-link" class="gp-share-input" type="text" readonly=true value={props.link.clone()} />
                <button type="button" class="gp-button gp-secondary" data-action="copy-link" onclick={on_copy}>{ &*ui.copy_link }</button>
                <button type="button" class="gp-button gp-secondary" data-action="print" onclick={on_print}>{ &*ui.print }</button>
            </div>
            <p class="gp-muted gp-share-status" role="status">{ status }</p>
        </div>
    }
}

#[cfg(target_arch = "wasm32")]
fn copy_to_clipboard(link: &str, dispatch: Callback<Action>) {
    // `navigator.clipboard` is missing outside secure contexts (e.g. some file:// pages), and
    // its `writeText` may be refused; either way the link stays visible to copy by hand.
    use wasm_bindgen::{closure::Closure, JsValue};
    let Some(clipboard) = CLIPBOARD.with(Clone::clone) else {
        return dispatch.emit(Action::LinkCopied(false));
    };
    let promise = clipboard.write_text(link);
    // Two one-shot callbacks rather than a future: no futures runtime in the wasm. The one
    // never called is a few bytes, kept until the page goes.
    let settled = |copied: bool| {
        let dispatch = dispatch.clone();
        Closure::<dyn FnMut(JsValue)>::once(move |_: JsValue| {
            dispatch.emit(Action::LinkCopied(copied))
        })
    };
    let (copied, refused) = (settled(true), settled(false));
    let _ = promise.then2(&copied, &refused);
    copied.forget();
    refused.forget();
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `navigator.clipboard`, which web-sys types as always present.
    #[wasm_bindgen(thread_local_v2, js_namespace = navigator, js_name = clipboard)]
    static CLIPBOARD: Option<web_sys::Clipboard>;
}

#[cfg(not(target_arch = "wasm32"))]
fn copy_to_clipboard(_link: &str, dispatch: Callback<Action>) {
    dispatch.emit(Action::LinkCopied(false));
}

fn print_page() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
