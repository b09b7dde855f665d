//! Mounting into the host page: the widget in the shadow root guidepost.js prepared (with
//! the widget's stylesheet, and perhaps the prerendered first view it takes over from),
//! options from its attributes, progress in `localStorage`, and what happened reported to
//! guidepost.js, which dispatches the host events.
use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot, Storage};
use yew::AppHandle;

use std::cell::RefCell;

use crate::content::{self, Content, ContentRef};
use crate::engine::Answers;
use crate::ui::{App, AppProps, Source, Stage, WidgetEvent, WidgetOptions};

use super::console::{error, warn};
use super::content_source::{content_override, languages, LanguageSource};
use super::detail::{self, Detail};
use super::facts::LANG;
use super::{progress, share};

thread_local! {
    /// The event reporter of every mounted widget, so a panic can tell each of them.
    static REPORTERS: RefCell<Vec<js_sys::Function>> = const { RefCell::new(Vec::new()) };
    /// App roots of unmounted widgets, each with its container, kept for the next mount:
    /// Yew keeps a root's event listeners, and what they hold, for the page's lifetime, so a
    /// page that mounts and unmounts all day would otherwise grow with every mount.
    static PARKED: RefCell<Vec<Root>> = const { RefCell::new(Vec::new()) };
    /// Numbers the mounts, so a reused root always starts a new widget.
    static SESSIONS: Cell<u32> = const { Cell::new(0) };
}

/// A Yew app root and the element it renders into.
struct Root {
    container: Element,
    app: AppHandle<App>,
}

/// A mounted widget, returned to JavaScript.
#[wasm_bindgen]
pub struct MountHandle {
    /// Empty until the widget's language is at hand (loading a language can take a moment),
    /// and again after `unmount`.
    root: Rc<RefCell<Option<Root>>>,
    unmounted: Rc<Cell<bool>>,
    shadow: ShadowRoot,
    storage_key: String,
    report: js_sys::Function,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the widget and leaves the host element empty.
    pub fn unmount(&mut self) {
        self.unmounted.set(true);
        if let Some(root) = self.root.borrow_mut().take() {
            root.container.remove();
            PARKED.with(|parked| parked.borrow_mut().push(root));
        }
        REPORTERS.with(|reporters| {
            if let Ok(mut reporters) = reporters.try_borrow_mut() {
                reporters.retain(|r| *r != self.report);
            }
        });
        // Not `innerHTML = ""`: a Trusted Types policy on the host page refuses that.
        self.shadow.replace_children_with_node_0();
    }

    /// Forgets saved progress (the caller mounts again for a fresh start).
    pub fn forget(&self) {
        if let Some(storage) = local_storage() {
            let _ = storage.remove_item(&self.storage_key);
        }
    }
}

/// Mounts one widget into `host`, reading its attributes: a `[data-guidepost]` element's
/// carry `prefix` (`data-`), a `<guidepost-assessment>`'s none. `lang` is the language
/// guidepost.js resolved from them (`auto` is resolved there, once, as it picks the build);
/// `namespace`, the one it gave the widget's saved progress (unique on the page); `framed`,
/// whether the page is inside a frame. `content` is an optional override from the
/// JS API (JSON text or an object); `undefined` when there is none. `fetch_texts` is
/// guidepost.js's `(lang, done) => void` for the languages this build does not carry (it
/// calls `done(texts)`, an array, or `done(reason)`); `report` its `(name, detailJson) =>
/// void`, which dispatches the host event `guidepost:<name>`.
// The one call guidepost.js makes: flat arguments, which the wasm reads without decoding an
// options object.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    prefix: String,
    lang: String,
    namespace: String,
    framed: bool,
    content: JsValue,
    fetch_texts: JsValue,
    report: js_sys::Function,
) -> Result<MountHandle, JsValue> {
    let (mut options, warnings) =
        WidgetOptions::from_attributes(&prefix, framed, |name| host.get_attribute(name));
    for warning in warnings {
        warn(&format!("Guidepost: {warning}"));
    }
    if let Some(cta) = &mut options.cta {
        cta.utm = page_utm();
    }
    // guidepost.js has attached it, styled, and left in it only a prerendered first view
    // (`[data-prerender]`), which it removes once the widget has rendered (`ready`).
    let shadow = host
        .shadow_root()
        .ok_or("guidepost.js attaches the shadow root before mounting")?;

    let custom = content_override(&host, &prefix, &content, &report).map(ContentRef::from);
    let languages = languages(custom.as_deref());
    // An override shows in its own language unless the host asks for another.
    let wanted = match &custom {
        Some(custom) if !host.has_attribute(&format!("{prefix}{LANG}")) => custom.lang.to_string(),
        _ => lang,
    };
    let source = LanguageSource {
        custom,
        fetch_texts,
    };
    let storage_key = progress::storage_key(&namespace);
    let storage = if options.persist {
        local_storage()
    } else {
        None
    };
    install_panic_hook();
    REPORTERS.with(|reporters| {
        if let Ok(mut reporters) = reporters.try_borrow_mut() {
            reporters.push(report.clone());
        }
    });

    let root = Rc::new(RefCell::new(None));
    let unmounted = Rc::new(Cell::new(false));
    let render = {
        let root = root.clone();
        let shadow = shadow.clone();
        let unmounted = unmounted.clone();
        let storage_key = storage_key.clone();
        let source = source.clone();
        let report = report.clone();
        move |content: Option<ContentRef>| {
            if unmounted.get() {
                return;
            }
            let content = content.unwrap_or_else(|| content::primary().into());
            let (initial_answers, initial_stage, origin) = shared_answers(&content)
                .map(|(answers, stage)| (answers, stage, Source::Shared))
                .or_else(|| {
                    let (answers, stage) =
                        saved_progress(storage.as_ref(), &storage_key, &content)?;
                    Some((answers, stage, Source::Resumed))
                })
                .unwrap_or_default();
            let reporter = Reporter {
                report,
                lang: RefCell::new(content.lang.to_string()),
                content_version: RefCell::new(content.version.to_string()),
                storage,
                storage_key,
            };
            let on_event = yew::Callback::from(move |event: WidgetEvent| reporter.report(&event));
            let load_language = yew::Callback::from(
                move |(lang, done): (String, yew::Callback<Option<ContentRef>>)| {
                    source.get(lang, move |content| done.emit(content));
                },
            );
            let props = AppProps {
                content,
                options,
                initial_answers,
                initial_stage,
                origin,
                on_event,
                share_base: page_url().map(|url| format!("{url}#{}", share::KEY).into()),
                languages,
                load_language,
                session: SESSIONS.with(|sessions| {
                    sessions.set(sessions.get().wrapping_add(1));
                    sessions.get()
                }),
            };
            // `guidepost:ready` follows the first render (WidgetEvent::Ready), when the
            // controls exist.
            // In place before it renders: the first render moves focus and reports ready.
            let shown = match PARKED.with(|parked| parked.borrow_mut().pop()) {
                Some(mut reused) => {
                    let _ = shadow.append_child(&reused.container);
                    reused.app.update(props);
                    reused
                }
                None => {
                    let Some(container) = shadow
                        .owner_document()
                        .and_then(|document| document.create_element("div").ok())
                    else {
                        return;
                    };
                    container.set_class_name("gp-host");
                    let _ = shadow.append_child(&container);
                    let app = yew::Renderer::<App>::with_root_and_props(container.clone(), props)
                        .render();
                    Root { container, app }
                }
            };
            root.replace(Some(shown));
        }
    };
    // A language this build does not carry is loaded first, so the widget never flashes
    // another language; if it cannot be loaded, the build's own language it is.
    source.get(wanted, render);
    Ok(MountHandle {
        root,
        unmounted,
        shadow,
        storage_key,
        report,
    })
}

/// A Rust panic leaves the wasm unusable, so instead of a frozen widget every widget reports
/// a `guidepost:error` (kind `panic`); guidepost.js answers it with a friendly message and a
/// retry control, drawn without the wasm.
fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            // The message alone: formatting the whole `PanicHookInfo` (its location) would
            // ship more formatting code to every visitor.
            let message = info.payload_as_str().unwrap_or("panic").to_owned();
            error(&format!("Guidepost stopped: {message}"));
            let detail = Detail::new()
                .text("kind", "panic")
                .text("message", &message)
                .finish();
            let reporters =
                REPORTERS.with(|r| r.try_borrow().map(|r| r.clone()).unwrap_or_default());
            for report in reporters {
                let _ = report.call2(&JsValue::NULL, &"error".into(), &detail.as_str().into());
            }
        }));
    });
}

/// Panics on purpose, so the browser suite can check what a visitor sees when the widget
/// fails. Not part of the public API, and only in the full build: a first visit does not
/// download it.
#[cfg(feature = "overrides")]
#[wasm_bindgen(js_name = "__guidepostTestPanic")]
pub fn test_panic() {
    panic!("a panic requested by a test");
}

/// The host page's own `utm_*` query parameters, as written in its address
/// (`utm_source=x&utm_medium=y`), for a call to action whose `cta-params` lists `utm`.
fn page_utm() -> String {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let mut utm = String::new();
    for pair in search.trim_start_matches('?').split('&') {
        if pair.starts_with("utm_") {
            if !utm.is_empty() {
                utm.push('&');
            }
            utm.push_str(pair);
        }
    }
    utm
}

/// `localStorage`, or `None` where it is blocked (privacy settings, sandboxed frames).
fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Where share links point: the page's address without its query and fragment. Never the
/// query: it may hold what a visitor typed elsewhere on the site (an e-mail address, a
/// search).
fn page_url() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let page = href.split('#').next().unwrap_or_default();
    Some(page.split('?').next().unwrap_or_default().to_owned())
}

/// Answers from a share link in the page URL, shown as a result. A tampered, old or
/// incomplete link, or one made on other content, is ignored with a console warning. (Links
/// made before they carried a content version are read as they were.)
fn shared_answers(content: &Content) -> Option<(Answers, Stage)> {
    let fragment = web_sys::window()?.location().hash().ok()?;
    let (code, version) = share::split_share_value(share::from_fragment(&fragment)?);
    let current = share::version_number(&content.version);
    let decoded = if version.is_some_and(|version| version != current) {
        Err("it was made on another version of the content")
    } else {
        share::decode(code)
    };
    match decoded {
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

/// Everything one widget needs to tell the outside world what happened.
struct Reporter {
    /// guidepost.js's `(name, detailJson) => void`.
    report: js_sys::Function,
    lang: RefCell<String>,
    content_version: RefCell<String>,
    storage: Option<Storage>,
    storage_key: String,
}

impl Reporter {
    fn report(&self, event: &WidgetEvent) {
        let detail = Detail::new()
            .text("lang", &self.lang.borrow())
            .text("contentVersion", &self.content_version.borrow());
        let (name, detail) = match event {
            WidgetEvent::Ready => ("ready", detail),
            WidgetEvent::Start => ("start", detail),
            WidgetEvent::Answer { question, options } => (
                "answer",
                detail.text("question", question).texts("options", options),
            ),
            WidgetEvent::Complete {
                recommendation: r,
                answers,
                source,
            } => {
                let scores = scores(r);
                let mut by_question = Vec::new();
                for (question, options) in answers.iter() {
                    by_question.push((question, detail::quoted_list(options)));
                }
                let by_question = detail::object(&by_question);
                let detail = detail
                    .text("outcome", r.outcome.id())
                    .optional_text("sequence", r.sequence.map(|s| s.id()))
                    .json("scores", &scores)
                    .text("confidence", r.confidence.id())
                    .text("source", source.id())
                    .json("answers", &by_question);
                ("complete", detail)
            }
            WidgetEvent::Cta {
                url,
                place,
                recommendation: r,
            } => (
                "cta",
                detail
                    .text("url", url)
                    .text("place", place)
                    .text("outcome", r.outcome.id())
                    .json("scores", &scores(r)),
            ),
            WidgetEvent::Progress { answers, stage } => return self.save(answers, *stage),
            WidgetEvent::Language {
                lang,
                content_version,
            } => {
                self.lang.replace(lang.clone());
                self.content_version.replace(content_version.clone());
                return;
            }
        };
        let _ = self
            .report
            .call2(&JsValue::NULL, &name.into(), &detail.finish().into());
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

fn scores(r: &crate::engine::Recommendation) -> String {
    detail::object(&[
        ("coaching", r.coaching_score.to_string()),
        ("mentoring", r.mentoring_score.to_string()),
    ])
}
