//! Mounting into the host page: one shadow root per `[data-guidepost]` element, styles
//! adopted inside it, options from its attributes, events dispatched on it.
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, HtmlElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};
use yew::AppHandle;

use crate::content;
use crate::ui::{App, AppProps, Stage, WidgetEvent};

use super::{share, WidgetOptions};

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
    let (initial_answers, initial_stage) = shared_answers(&content);
    let props = AppProps {
        content,
        options,
        initial_answers,
        initial_stage,
        on_event,
    };
    let app = yew::Renderer::<App>::with_root_and_props(container, props).render();
    emit(
        &host,
        "ready",
        &object(&[("version", EVENT_VERSION.into())]),
    );
    Ok(MountHandle {
        app: Some(app),
        shadow,
    })
}

/// Answers from a share link in the page URL, shown as a result; nothing if there is none.
/// A tampered or old link is ignored with a console warning.
fn shared_answers(content: &crate::content::Content) -> (crate::engine::Answers, Stage) {
    let fragment = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let Some(value) = share::from_fragment(&fragment) else {
        return Default::default();
    };
    match share::decode(value) {
        Ok(answers) if answers.is_complete(content) => (answers, Stage::Result),
        Ok(_) => {
            gloo::console::warn!("Guidepost: the share link is incomplete and was ignored.");
            Default::default()
        }
        Err(problem) => {
            gloo::console::warn!(format!("Guidepost: the share link was ignored: {problem}."));
            Default::default()
        }
    }
}

fn adopt_styles(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = SHEET
        .with(Clone::clone)
        .ok_or("constructable stylesheets are not supported")?;
    let sheets = js_sys::Array::of1(&sheet);
    js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &sheets)?;
    Ok(())
}

fn dispatch(host: &HtmlElement, event: &WidgetEvent, lang: &str, content_version: &str) {
    let base = |pairs: Vec<(&str, JsValue)>| {
        let mut all = vec![
            ("version", JsValue::from(EVENT_VERSION)),
            ("lang", lang.into()),
        ];
        all.extend(pairs);
        object(&all)
    };
    match event {
        WidgetEvent::Start => emit(host, "start", &base(vec![])),
        WidgetEvent::Answer { question, options } => emit(
            host,
            "answer",
            &base(vec![
                ("question", question.as_str().into()),
                ("options", strings(options).into()),
            ]),
        ),
        WidgetEvent::Complete {
            recommendation: r,
            answers,
        } => {
            let scores = object(&[
                ("coaching", r.coaching_score.into()),
                ("mentoring", r.mentoring_score.into()),
            ]);
            let by_question: Vec<(&str, JsValue)> = answers
                .iter()
                .map(|(question, options)| (question, strings(options).into()))
                .collect();
            emit(
                host,
                "complete",
                &base(vec![
                    ("outcome", r.outcome.id().into()),
                    (
                        "sequence",
                        r.sequence.map_or(JsValue::NULL, |s| s.id().into()),
                    ),
                    ("scores", scores.into()),
                    ("confidence", r.confidence.id().into()),
                    ("answers", object(&by_question).into()),
                    ("contentVersion", content_version.into()),
                ]),
            )
        }
        WidgetEvent::Progress { .. } => {}
    }
}

/// A plain JS object from key/value pairs.
fn object(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

fn strings(values: &[String]) -> js_sys::Array {
    values.iter().map(|v| JsValue::from_str(v)).collect()
}

/// Dispatches a bubbling, composed `guidepost:<name>` event on the host element.
fn emit(host: &HtmlElement, name: &str, detail: &js_sys::Object) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(&format!("guidepost:{name}"), &init) {
        let _ = host.dispatch_event(event.unchecked_ref());
    }
}
