//! Mounting into the host page: one shadow root per `[data-guidepost]` element, styles
//! adopted inside it, options from its attributes, progress in `localStorage`, and events
//! dispatched on it (and posted to the parent page when framed).
use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, HtmlElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode, Storage,
};
use yew::AppHandle;

use std::cell::RefCell;

use crate::content::{self, Content, ContentRef, Problem};
use crate::engine::Answers;
use crate::ui::{App, AppProps, Stage, WidgetEvent};

use super::content_source::{browser_language, content_override, languages, LanguageSource};
use super::{progress, share, WidgetOptions};

/// The widget's stylesheet, compiled in so it needs no request and no inline `<style>`.
const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

/// Version of the `detail` object of the host events.
const EVENT_VERSION: u32 = 1;

thread_local! {
    /// Every mounted host, so a panic can tell each of them.
    static HOSTS: RefCell<Vec<HtmlElement>> = const { RefCell::new(Vec::new()) };
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
    /// Empty until the widget's language is at hand (loading a language can take a moment),
    /// and again after `unmount`.
    app: Rc<RefCell<Option<AppHandle<App>>>>,
    unmounted: Rc<Cell<bool>>,
    shadow: ShadowRoot,
    storage_key: String,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the widget and leaves the host element empty.
    pub fn unmount(&mut self) {
        self.unmounted.set(true);
        if let Some(app) = self.app.borrow_mut().take() {
            app.destroy();
        }
        self.shadow.set_inner_html("");
    }

    /// Forgets saved progress (the caller mounts again for a fresh start).
    pub fn forget(&self) {
        if let Some(storage) = local_storage() {
            let _ = storage.remove_item(&self.storage_key);
        }
    }
}

/// Mounts one widget into `host`, reading its `data-*` attributes. `content` is an optional
/// override from the JS API (JSON text or an object); `undefined` when there is none.
/// `fetch_texts` is guidepost.js's `(lang) => Promise<string[]>` for the languages this
/// build does not carry.
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    content: JsValue,
    fetch_texts: JsValue,
) -> Result<MountHandle, JsValue> {
    let (options, warnings) = WidgetOptions::from_attributes(|name| host.get_attribute(name));
    for warning in warnings {
        warn(&format!("Guidepost: {warning}"));
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

    let parent_origin = parent_origin(&host);
    let custom = match content_override(&host, &content) {
        Ok(custom) => custom.map(ContentRef::from),
        Err(problems) => {
            report_content_problems(&host, &problems, parent_origin.as_deref());
            None
        }
    };
    let languages = languages(custom.as_deref());
    let wanted = match (&*options.lang, host.has_attribute("data-lang"), &custom) {
        // An override shows in its own language unless the host asks for another.
        (_, false, Some(custom)) => custom.lang.to_string(),
        ("auto", _, _) => browser_language(&languages).unwrap_or_else(|| "en".into()),
        (lang, _, _) => lang.to_owned(),
    };
    let source = LanguageSource {
        custom,
        fetch_texts,
    };
    let storage_key = progress::storage_key(&namespace(&host, &document));
    let storage = if options.persist {
        local_storage()
    } else {
        None
    };
    install_panic_hook();
    HOSTS.with(|hosts| {
        if let Ok(mut hosts) = hosts.try_borrow_mut() {
            hosts.retain(|h| h.is_connected() && !h.is_same_node(Some(&host)));
            hosts.push(host.clone());
        }
    });

    let app = Rc::new(RefCell::new(None));
    let unmounted = Rc::new(Cell::new(false));
    let render = {
        let app = app.clone();
        let unmounted = unmounted.clone();
        let storage_key = storage_key.clone();
        let source = source.clone();
        move |content: Option<ContentRef>| {
            if unmounted.get() {
                return;
            }
            let content = content.unwrap_or_else(|| content::english().into());
            let (initial_answers, initial_stage) = shared_answers(&content)
                .or_else(|| saved_progress(storage.as_ref(), &storage_key, &content))
                .unwrap_or_default();
            let reporter = Reporter {
                host,
                lang: RefCell::new(content.lang.to_string()),
                content_version: RefCell::new(content.version.to_string()),
                parent_origin,
                storage,
                storage_key,
            };
            let on_event = yew::Callback::from(move |event: WidgetEvent| reporter.report(&event));
            let load_language =
                yew::Callback::from(move |(lang, done): (String, yew::Callback<ContentRef>)| {
                    source.get(lang, move |content| {
                        if let Some(content) = content {
                            done.emit(content);
                        }
                    });
                });
            let props = AppProps {
                content,
                options,
                initial_answers,
                initial_stage,
                on_event,
                page_url: page_url().map(Into::into),
                languages,
                load_language,
            };
            // `guidepost:ready` follows the first render (WidgetEvent::Ready), when the
            // controls exist.
            let handle = yew::Renderer::<App>::with_root_and_props(container, props).render();
            app.replace(Some(handle));
        }
    };
    // A language this build does not carry is loaded first, so the widget never flashes
    // another language; if it cannot be loaded, English it is.
    source.get(wanted, render);
    Ok(MountHandle {
        app,
        unmounted,
        shadow,
        storage_key,
    })
}

/// A Rust panic leaves the wasm unusable, so instead of a frozen widget every host gets a
/// `guidepost:error` event (kind `panic`); guidepost.js answers it with a friendly message and
/// a retry control, drawn without the wasm.
fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            error(&format!("Guidepost stopped: {info}"));
            let hosts =
                HOSTS.with(|hosts| hosts.try_borrow().map(|h| h.clone()).unwrap_or_default());
            let detail = object(&[
                ("version", EVENT_VERSION.into()),
                ("kind", "panic".into()),
                ("message", JsValue::from_str(&info.to_string())),
            ]);
            for host in hosts {
                emit(&host, "error", &detail, parent_origin(&host).as_deref());
            }
        }));
    });
}

/// Panics on purpose, so the browser suite can check what a visitor sees when the widget
/// fails. Not part of the public API.
#[wasm_bindgen(js_name = "__guidepostTestPanic")]
pub fn test_panic() {
    panic!("a panic requested by a test");
}

/// A broken override: every problem in the console, and one `guidepost:error` event.
fn report_content_problems(host: &HtmlElement, problems: &[Problem], parent_origin: Option<&str>) {
    error(&format!(
        "Guidepost: the content override has {} problem(s) and was not used; showing the built-in content.",
        problems.len()
    ));
    for problem in problems {
        error(&format!("Guidepost: {problem}"));
    }
    let list: js_sys::Array = problems
        .iter()
        .map(|p| {
            JsValue::from(object(&[
                ("path", p.path.as_str().into()),
                ("message", p.message.as_str().into()),
            ]))
        })
        .collect();
    let detail = object(&[
        ("version", EVENT_VERSION.into()),
        ("kind", "content".into()),
        (
            "message",
            "The content override was not used; the built-in content is shown.".into(),
        ),
        ("problems", list.into()),
    ]);
    emit(host, "error", &detail, parent_origin);
}

/// The storage namespace: the `data-guidepost` value, or the element's position among the
/// page's widgets, so two widgets never share progress.
fn namespace(host: &HtmlElement, document: &web_sys::Document) -> String {
    if let Some(name) = host
        .get_attribute("data-guidepost")
        .filter(|n| !n.trim().is_empty())
    {
        return name.trim().to_owned();
    }
    let position = document
        .query_selector_all("[data-guidepost]")
        .ok()
        .and_then(|all| {
            (0..all.length()).find(|&i| {
                all.item(i)
                    .is_some_and(|node| node.is_same_node(Some(host)))
            })
        });
    position.unwrap_or(0).to_string()
}

/// `localStorage`, or `None` where it is blocked (privacy settings, sandboxed frames).
fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The page URL without its fragment, for share links.
fn page_url() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    Some(href.split('#').next().unwrap_or_default().to_owned())
}

/// Answers from a share link in the page URL, shown as a result. A tampered, old or
/// incomplete link is ignored with a console warning.
fn shared_answers(content: &Content) -> Option<(Answers, Stage)> {
    let fragment = web_sys::window()?.location().hash().ok()?;
    let value = share::from_fragment(&fragment)?;
    match share::decode(value) {
        Ok(answers) if answers.is_complete(content) => Some((answers, Stage::Result)),
        Ok(_) => {
            warn("Guidepost: the share link is incomplete and was ignored.");
            None
        }
        Err(problem) => {
            warn(&format!(
                "Guidepost: the share link was ignored: {problem}."
            ));
            None
        }
    }
}

/// Progress saved by an earlier visit; corrupt progress is dropped.
fn saved_progress(
    storage: Option<&Storage>,
    key: &str,
    content: &Content,
) -> Option<(Answers, Stage)> {
    let saved = storage?.get_item(key).ok().flatten()?;
    match progress::decode(&saved) {
        // A returning visitor first sees that their answers were kept, with "Continue" and
        // "Forget my answers"; a finished assessment reopens on its result.
        Ok((answers, stage)) => Some((
            answers.normalized(content),
            if stage == Stage::Result {
                Stage::Result
            } else {
                Stage::Start
            },
        )),
        Err(problem) => {
            warn(&format!(
                "Guidepost: saved progress was unreadable and is ignored: {problem}."
            ));
            if let Some(storage) = storage {
                let _ = storage.remove_item(key);
            }
            None
        }
    }
}

/// The origin named by `data-parent-origin`, when the widget runs inside a frame.
fn parent_origin(host: &HtmlElement) -> Option<String> {
    let origin = host.get_attribute("data-parent-origin")?.trim().to_owned();
    let window = web_sys::window()?;
    let framed = window
        .parent()
        .ok()
        .flatten()
        .is_some_and(|parent| !parent.loose_eq(&window));
    if !framed {
        return None;
    }
    if origin == "*" || !(origin.starts_with("https://") || origin.starts_with("http://")) {
        warn(&format!(
            "Guidepost: data-parent-origin=\"{origin}\" must be an origin such as https://example.com; no messages are posted."
        ));
        return None;
    }
    Some(origin)
}

fn adopt_styles(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = SHEET
        .with(Clone::clone)
        .ok_or("constructable stylesheets are not supported")?;
    let sheets = js_sys::Array::of1(&sheet);
    js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &sheets)?;
    Ok(())
}

/// Everything one widget needs to tell the outside world what happened.
struct Reporter {
    host: HtmlElement,
    lang: RefCell<String>,
    content_version: RefCell<String>,
    parent_origin: Option<String>,
    storage: Option<Storage>,
    storage_key: String,
}

impl Reporter {
    fn report(&self, event: &WidgetEvent) {
        let base = |pairs: Vec<(&str, JsValue)>| {
            let mut all = vec![
                ("version", JsValue::from(EVENT_VERSION)),
                ("lang", self.lang.borrow().as_str().into()),
                (
                    "contentVersion",
                    self.content_version.borrow().as_str().into(),
                ),
            ];
            all.extend(pairs);
            object(&all)
        };
        let origin = self.parent_origin.as_deref();
        match event {
            WidgetEvent::Ready => {
                // From now on the first control is usable; `make bench` reads this mark to
                // measure time to interactive from inside the page.
                if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                    let _ = performance.mark("guidepost:interactive");
                }
                emit(&self.host, "ready", &base(vec![]), origin)
            }
            WidgetEvent::Start => emit(&self.host, "start", &base(vec![]), origin),
            WidgetEvent::Answer { question, options } => emit(
                &self.host,
                "answer",
                &base(vec![
                    ("question", question.as_str().into()),
                    ("options", strings(options).into()),
                ]),
                origin,
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
                    &self.host,
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
                    ]),
                    origin,
                )
            }
            WidgetEvent::Progress { answers, stage } => self.save(answers, *stage),
            WidgetEvent::Language {
                lang,
                content_version,
            } => {
                self.lang.replace(lang.clone());
                self.content_version.replace(content_version.clone());
            }
        }
    }

    /// Keeps progress for resume; no answers means nothing to keep. A full or blocked
    /// storage only disables resume.
    fn save(&self, answers: &Answers, stage: Stage) {
        let Some(storage) = &self.storage else { return };
        let _ = if answers.is_empty() {
            storage.remove_item(&self.storage_key)
        } else {
            storage.set_item(&self.storage_key, &progress::encode(answers, stage))
        };
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

/// Dispatches a bubbling, composed `guidepost:<name>` event on the host element and, inside
/// a frame whose parent origin is known, posts it to that origin (never to `*`).
fn emit(host: &HtmlElement, name: &str, detail: &js_sys::Object, parent_origin: Option<&str>) {
    let type_ = format!("guidepost:{name}");
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(&type_, &init) {
        let _ = host.dispatch_event(event.unchecked_ref());
    }
    if let Some(origin) = parent_origin {
        if let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) {
            let message = object(&[("type", type_.as_str().into()), ("detail", detail.into())]);
            let _ = parent.post_message(&message, origin);
        }
    }
}

fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

fn error(message: &str) {
    web_sys::console::error_1(&message.into());
}
