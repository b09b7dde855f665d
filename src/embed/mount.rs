//! Mounting into the host page: one shadow root per `[data-guidepost]` element, styles
//! adopted inside it, options from its attributes, events dispatched on it.
use std::rc::Rc;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, HtmlElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};
use yew::AppHandle;

use crate::content;
use crate::ui::{App, AppProps, WidgetEvent};

use super::WidgetOptions;

/// The widget's stylesheet, compiled in so it needs no request and no inline `<style>`.
const WIDGET_CSS: &str = include_str!("../../styles/widget.css");

/// Version of the `detail` object of the host events.
const EVENT_VERSION: u32 = 1;

thread_local! {
    /// One constructed stylesheet shared by every widget on the page.
    static SHEET: Option<CssStyleSheet> = {
        let sheet = CssStyleSheet::new().ok()?;
        sheet.replace_sync(WIDGET_CSS).ok()?;
        Some(sheet)
    };
}

/// A mounted widget, returned to JavaScript.
#[wasm_bindgen]
pub struct MountHandle {
    app: Option<AppHandle<App>>,
    shadow: ShadowRoot,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the widget and leaves the host element empty.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.shadow.set_inner_html("");
    }
}

/// Mounts one widget into `host`, reading its `data-*` attributes.
#[wasm_bindgen]
pub fn mount(host: HtmlElement) -> Result<MountHandle, JsValue> {
    let (options, warnings) = WidgetOptions::from_attributes(|name| host.get_attribute(name));
    for warning in warnings {
        gloo::console::warn!(format!("Guidepost: {warning}"));
    }
    let shadow = match host.shadow_root() {
        Some(shadow) => {
            shadow.set_inner_html("");
            shadow
        }
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    adopt_styles(&shadow)?;
    let document = host.owner_document().ok_or("no document")?;
    let container = document.create_element("div")?;
    container.set_class_name("gp-host");
    shadow.append_child(&container)?;

    let content = Rc::new(content::builtin(&options.lang));
    let event_target = host.clone();
    let lang = content.lang.clone();
    let version = content.version.clone();
    let on_event = yew::Callback::from(move |event: WidgetEvent| {
        dispatch(&event_target, &event, &lang, &version);
    });
    let props = AppProps {
        content,
        options,
        initial_answers: Default::default(),
        initial_stage: crate::ui::Stage::Start,
        on_event,
    };
    let app = yew::Renderer::<App>::with_root_and_props(container, props).render();
    emit(
        &host,
        "ready",
        &serde_json::json!({ "version": EVENT_VERSION }),
    );
    Ok(MountHandle {
        app: Some(app),
        shadow,
    })
}

fn adopt_styles(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = SHEET
        .with(Clone::clone)
        .ok_or("constructable stylesheets are not supported")?;
    let sheets = js_sys::Array::of1(&sheet);
    js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &sheets)?;
    Ok(())
}

#[derive(Serialize)]
struct CompleteDetail<'a> {
    version: u32,
    outcome: &'a str,
    sequence: Option<&'a str>,
    scores: Scores,
    confidence: &'a str,
    answers: &'a crate::engine::Answers,
    lang: &'a str,
    #[serde(rename = "contentVersion")]
    content_version: &'a str,
}

#[derive(Serialize)]
struct Scores {
    coaching: u8,
    mentoring: u8,
}

fn dispatch(host: &HtmlElement, event: &WidgetEvent, lang: &str, content_version: &str) {
    match event {
        WidgetEvent::Start => emit(
            host,
            "start",
            &serde_json::json!({ "version": EVENT_VERSION, "lang": lang }),
        ),
        WidgetEvent::Answer { question, options } => emit(
            host,
            "answer",
            &serde_json::json!({ "version": EVENT_VERSION, "question": question, "options": options, "lang": lang }),
        ),
        WidgetEvent::Complete {
            recommendation: r,
            answers,
        } => emit(
            host,
            "complete",
            &CompleteDetail {
                version: EVENT_VERSION,
                outcome: r.outcome.id(),
                sequence: r.sequence.map(|s| s.id()),
                scores: Scores {
                    coaching: r.coaching_score,
                    mentoring: r.mentoring_score,
                },
                confidence: r.confidence.id(),
                answers,
                lang,
                content_version,
            },
        ),
        WidgetEvent::Progress { .. } => {}
    }
}

/// Dispatches a bubbling, composed `guidepost:<name>` event on the host element.
fn emit(host: &HtmlElement, name: &str, detail: &impl Serialize) {
    let detail = serde_json::to_string(detail)
        .ok()
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .unwrap_or(JsValue::NULL);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(&format!("guidepost:{name}"), &init) {
        let _ = host.dispatch_event(event.unchecked_ref());
    }
}
