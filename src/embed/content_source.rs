//! Which content a widget shows: the built-in content for its language, or a site owner's
//! override (`data-content="<id of a <script type="application/json">>"`, or the JS API's
//! `content` option). A broken override is reported — console and `guidepost:error`, with
//! the JSON path of every problem — and the built-in content is used instead.
use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

#[cfg(feature = "overrides")]
use super::console::error;
use super::console::warn;
#[cfg(feature = "overrides")]
use super::detail::{self, Detail};
#[cfg(feature = "overrides")]
use crate::content::Problem;
use crate::content::{self, Content, ContentRef, Language};

/// Without the `overrides` feature (the lean build a first visit downloads) there is no
/// override reading; guidepost.js loads the full build for pages that use one.
#[cfg(not(feature = "overrides"))]
pub fn content_override(
    _host: &HtmlElement,
    _prefix: &str,
    _api_content: &JsValue,
    _report: &js_sys::Function,
) -> Option<Content> {
    None
}

/// The override, if there is one and it is sound; a broken one is reported through `report`
/// (a `guidepost:error`) and the console, and the built-in content is used.
#[cfg(feature = "overrides")]
pub fn content_override(
    host: &HtmlElement,
    prefix: &str,
    api_content: &JsValue,
    report: &js_sys::Function,
) -> Option<Content> {
    read_override(host, prefix, api_content).unwrap_or_else(|problems| {
        report_content_problems(report, &problems);
        None
    })
}

/// Reads and checks the override, if there is one: `Ok(None)` when there is none. The JS
/// API's is JSON text or an object, turned into text here; the attribute names a `<script
/// type="application/json">`. Either way the text goes through `check-content`'s own parser,
/// limits and validation, which read nothing from `Object.prototype`.
#[cfg(feature = "overrides")]
fn read_override(
    host: &HtmlElement,
    prefix: &str,
    api_content: &JsValue,
) -> Result<Option<Content>, Vec<Problem>> {
    let attribute = format!("{prefix}{}", super::facts::CONTENT);
    let text = if let Some(text) = api_content.as_string() {
        text
    } else if api_content.is_object() {
        object_text(api_content)?
    } else if let Some(id) = host
        .get_attribute(&attribute)
        .filter(|id| !id.trim().is_empty())
    {
        script_text(host, &attribute, id.trim())?
    } else {
        return Ok(None);
    };
    crate::engine::check(&text).map(Some)
}

/// Far more values than any content has (the built-in has about 500), far fewer than would
/// take long to turn into text.
#[cfg(feature = "overrides")]
const MAX_VALUES: u32 = 20_000;

/// An object from the JS API as JSON text: `JSON.stringify`, stopped after [`MAX_VALUES`]
/// values (a cycle stops it by itself).
#[cfg(feature = "overrides")]
fn object_text(object: &JsValue) -> Result<String, Vec<Problem>> {
    let mut values = 0;
    let replacer = Closure::<dyn FnMut(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
        move |_key: JsValue, value: JsValue| {
            values += 1;
            if values > MAX_VALUES {
                return Err(
                    js_sys::Error::new(&format!("it holds more than {MAX_VALUES} values")).into(),
                );
            }
            Ok(value)
        },
    );
    let text = js_sys::JSON::stringify_with_replacer(object, replacer.as_ref().unchecked_ref());
    text.map(String::from).map_err(|error| {
        let message = error
            .dyn_ref::<js_sys::Error>()
            .map_or_else(|| "unreadable".into(), |e| String::from(e.message()));
        problem(
            "(document)",
            format!("the content object could not be read as JSON: {message}"),
        )
    })
}

#[cfg(feature = "overrides")]
fn problem(path: &str, message: String) -> Vec<Problem> {
    vec![Problem {
        path: path.to_owned(),
        message,
    }]
}

/// The text of `<script type="application/json" id="…">`.
#[cfg(feature = "overrides")]
fn script_text(host: &HtmlElement, attribute: &str, id: &str) -> Result<String, Vec<Problem>> {
    let document = host
        .owner_document()
        .ok_or_else(|| problem(attribute, "no document".into()))?;
    let element = document
        .get_element_by_id(id)
        .ok_or_else(|| problem(attribute, format!("no element has the id \"{id}\"")))?;
    let script = element
        .dyn_into::<web_sys::HtmlScriptElement>()
        .ok()
        .filter(|s| s.type_().eq_ignore_ascii_case("application/json"))
        .ok_or_else(|| {
            problem(
                attribute,
                format!("#{id} must be a <script type=\"application/json\">"),
            )
        })?;
    Ok(script.text().unwrap_or_default())
}

/// The problems a broken override reports at most, in the console and in its event.
#[cfg(feature = "overrides")]
const SHOWN_PROBLEMS: usize = 20;

/// A broken override: its first problems in the console and in one `guidepost:error` event
/// (`problemCount` says how many there were).
#[cfg(feature = "overrides")]
fn report_content_problems(report: &js_sys::Function, problems: &[Problem]) {
    error(&format!(
        "Guidepost: the content override has {} problem(s) and was not used; showing the built-in content.",
        problems.len()
    ));
    for problem in problems.iter().take(SHOWN_PROBLEMS) {
        error(&format!("Guidepost: {problem}"));
    }
    if problems.len() > SHOWN_PROBLEMS {
        error(&format!(
            "Guidepost: and {} more.",
            problems.len() - SHOWN_PROBLEMS
        ));
    }
    let mut list = Vec::new();
    for p in problems.iter().take(SHOWN_PROBLEMS) {
        list.push(detail::object(&[
            ("path", detail::quoted(&p.path)),
            ("message", detail::quoted(&p.message)),
        ]));
    }
    let list = detail::list(&list);
    let detail = Detail::new()
        .text("kind", "content")
        .text(
            "message",
            "The content override was not used; the built-in content is shown.",
        )
        .json("problems", &list)
        .json("problemCount", &problems.len().to_string())
        .finish();
    let _ = report.call2(&JsValue::NULL, &"error".into(), &detail.into());
}

/// The languages a widget offers: the built-in ones, with an override renaming the built-in
/// language it replaces or, in a language of its own, coming first.
pub fn languages(custom: Option<&Content>) -> Vec<Language> {
    let mut all = content::builtin_languages();
    if let Some(custom) = custom {
        let entry = Language {
            lang: custom.lang.clone(),
            name: custom.ui.language_name.clone(),
        };
        match all.iter_mut().find(|l| l.lang == custom.lang) {
            Some(slot) => *slot = entry,
            None => all.insert(0, entry),
        }
    }
    all
}

thread_local! {
    /// Languages loaded from their texts, shared by every widget on the page.
    static LOADED: RefCell<Vec<ContentRef>> = const { RefCell::new(Vec::new()) };
}

/// Where a widget gets each language's content: its override, the compiled-in content, a
/// language already loaded, or else that language's texts, fetched by guidepost.js.
#[derive(Clone)]
pub struct LanguageSource {
    pub custom: Option<ContentRef>,
    /// guidepost.js's `(lang, done) => void`, which calls `done(texts)` (an array) or
    /// `done(reason)`; or `undefined`.
    pub fetch_texts: JsValue,
}

impl LanguageSource {
    /// The content for `lang` if it needs no loading.
    pub fn at_hand(&self, lang: &str) -> Option<ContentRef> {
        if let Some(custom) = self.custom.as_ref().filter(|c| c.lang == lang) {
            return Some(custom.clone());
        }
        if let Some(built_in) = content::builtin(lang) {
            return Some(built_in.into());
        }
        LOADED.with(|loaded| loaded.borrow().iter().find(|c| c.lang == lang).cloned())
    }

    /// Sends the content for `lang` to `done`: at once when it is at hand, otherwise once its
    /// texts are loaded. When they cannot be, the console says why and `done` gets `None`.
    pub fn get(&self, lang: String, done: impl FnOnce(Option<ContentRef>) + 'static) {
        if let Some(content) = self.at_hand(&lang) {
            return done(Some(content));
        }
        let Some(fetch_texts) = self.fetch_texts.dyn_ref::<js_sys::Function>() else {
            return not_loaded(&lang, "no loader", done);
        };
        let tag = JsValue::from(lang.as_str());
        // guidepost.js calls back once: with the texts, or with why there are none.
        let loaded =
            Closure::once_into_js(
                move |texts: JsValue| match texts_to_content(&texts, &lang) {
                    Ok(content) => {
                        let content = ContentRef::from(content);
                        LOADED.with(|loaded| loaded.borrow_mut().push(content.clone()));
                        done(Some(content));
                    }
                    Err(problem) => {
                        let reason = texts.as_string();
                        not_loaded(&lang, reason.as_deref().unwrap_or(problem), done)
                    }
                },
            );
        // guidepost.js's own function: it does not throw.
        let _ = fetch_texts.call2(&JsValue::NULL, &tag, &loaded);
    }
}

fn not_loaded(lang: &str, problem: &str, done: impl FnOnce(Option<ContentRef>)) {
    warn(&format!(
        "Guidepost: the \"{lang}\" texts could not be loaded ({problem})."
    ));
    done(None);
}

/// A language's content from the list of its strings guidepost.js loaded.
fn texts_to_content(texts: &JsValue, lang: &str) -> Result<Content, &'static str> {
    if !js_sys::Array::is_array(texts) {
        return Err("not a list of strings");
    }
    let mut strings = Vec::new();
    for text in js_sys::Array::from(texts).iter() {
        strings.push(text.as_string().ok_or("not a list of strings")?);
    }
    let content = content::translated(strings)?;
    if content.lang != lang {
        return Err("they are for another language");
    }
    Ok(content)
}
