//! Which content a widget shows: the built-in content for its language, or a site owner's
//! override (`data-content="<id of a <script type="application/json">>"`, or the JS API's
//! `content` option). A broken override is reported — console and `guidepost:error`, with
//! the JSON path of every problem — and the built-in content is used instead.
#[cfg(feature = "overrides")]
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::HtmlElement;

#[cfg(feature = "overrides")]
use crate::content::validate;
use crate::content::{self, Content, Problem};

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

/// The languages a widget offers: the built-in ones, with an override replacing the
/// built-in content of its own language.
pub fn languages(override_content: Option<Content>) -> Vec<Content> {
    let mut all: Vec<Content> = content::LANGUAGES
        .iter()
        .map(|lang| content::builtin(lang))
        .collect();
    if let Some(custom) = override_content {
        match all.iter_mut().find(|c| c.lang == custom.lang) {
            Some(slot) => *slot = custom,
            None => all.insert(0, custom),
        }
    }
    all
}

/// `data-lang="auto"`: the first of the browser's languages the widget speaks.
pub fn browser_language(available: &[std::rc::Rc<Content>]) -> Option<String> {
    let languages = web_sys::window()?.navigator().languages();
    languages
        .iter()
        .filter_map(|l| l.as_string())
        .find_map(|tag| {
            let primary = tag
                .split('-')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            available
                .iter()
                .find(|c| c.lang == primary)
                .map(|c| c.lang.to_string())
        })
}
