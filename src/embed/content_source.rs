//! Which content a widget shows: the built-in content for its language, or a site owner's
//! override (`data-content="<id of a <script type="application/json">>"`, or the JS API's
//! `content` option). A broken override is reported — console and `guidepost:error`, with
//! the JSON path of every problem — and the built-in content is used instead.
use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

use crate::content::{self, Content, ContentRef, Language, Problem};
#[cfg(feature = "overrides")]
use crate::engine::validate;

/// Without the `overrides` feature (the lean build a first visit downloads) there is no
/// override reading; guidepost.js loads the full build for pages that use one.
#[cfg(not(feature = "overrides"))]
pub fn content_override(
    _host: &HtmlElement,
    _api_content: &JsValue,
) -> Result<Option<Content>, Vec<Problem>> {
    Ok(None)
}

/// Reads and checks the override, if there is one: `Ok(None)` when there is none.
#[cfg(feature = "overrides")]
pub fn content_override(
    host: &HtmlElement,
    api_content: &JsValue,
) -> Result<Option<Content>, Vec<Problem>> {
    let value = if let Some(text) = api_content.as_string() {
        parse_json(&text)?
    } else if api_content.is_object() {
        api_content.clone()
    } else if let Some(id) = host
        .get_attribute("data-content")
        .filter(|id| !id.trim().is_empty())
    {
        parse_json(&script_text(host, id.trim())?)?
    } else {
        return Ok(None);
    };
    let deserializer = serde_wasm_bindgen::Deserializer::from(value);
    // The same path tracking as `content::parse`, so the widget and `check-content` name the
    // same field.
    let content: Content = serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let message = error.inner().to_string();
        vec![Problem {
            path: if path == "." {
                "(document)".into()
            } else {
                path
            },
            // serde-wasm-bindgen's messages come from a JS Error: drop its "Error: " prefix.
            message: message
                .strip_prefix("Error: ")
                .unwrap_or(&message)
                .to_owned(),
        }]
    })?;
    let problems = validate(&content);
    if problems.is_empty() {
        Ok(Some(content))
    } else {
        Err(problems)
    }
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
fn script_text(host: &HtmlElement, id: &str) -> Result<String, Vec<Problem>> {
    let document = host
        .owner_document()
        .ok_or_else(|| problem("data-content", "no document".into()))?;
    let element = document
        .get_element_by_id(id)
        .ok_or_else(|| problem("data-content", format!("no element has the id \"{id}\"")))?;
    let script = element
        .dyn_into::<web_sys::HtmlScriptElement>()
        .ok()
        .filter(|s| s.type_().eq_ignore_ascii_case("application/json"))
        .ok_or_else(|| {
            problem(
                "data-content",
                format!("#{id} must be a <script type=\"application/json\">"),
            )
        })?;
    Ok(script.text().unwrap_or_default())
}

#[cfg(feature = "overrides")]
fn parse_json(text: &str) -> Result<JsValue, Vec<Problem>> {
    js_sys::JSON::parse(text).map_err(|error| {
        let detail = error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "unreadable".into());
        problem(
            "(document)",
            format!("the JSON is not well formed: {detail}"),
        )
    })
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
    web_sys::console::warn_1(
        &format!("Guidepost: the \"{lang}\" texts could not be loaded ({problem}).").into(),
    );
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
