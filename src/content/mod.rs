//! The article as data: the comparison, the shared sections, the questions with their
//! evidence weights, the outcome texts and the interface wording, in one schema per language.
//!
//! The built-in content is compiled into the widget by `build.rs` from `content/<lang>.json`
//! (no fetch and no JSON parsing at start-up); the very same files are published as
//! `dist/content/<lang>.json`, the template for a site owner's override.
pub mod contract;
mod model;
mod validate;

pub use model::*;

use std::rc::Rc;
pub use validate::{validate, Problem, MAX_ANSWER_SETS, SECTION_IDS};

/// The built-in English content, as published in `content/en.json`.
#[cfg(not(target_arch = "wasm32"))]
pub const EN_JSON: &str = include_str!("../../content/en.json");

/// The built-in Turkish content, as published in `content/tr.json`.
#[cfg(not(target_arch = "wasm32"))]
pub const TR_JSON: &str = include_str!("../../content/tr.json");

/// Parses content JSON into the typed model; the error names the JSON path of the mistake
/// (and, for a syntax error, the line and column).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(json: &str) -> Result<Content, Problem> {
    serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(json)).map_err(
        |error| {
            let path = error.path().to_string();
            let inner = error.inner();
            let message = if inner.is_syntax() || inner.is_eof() {
                format!("the JSON is not well formed: {inner}")
            } else {
                // serde's message ends with " at line L column C"; keep it, it helps find the spot.
                inner.to_string()
            };
            Problem {
                path: if path == "." {
                    "(document)".to_owned()
                } else {
                    path
                },
                message,
            }
        },
    )
}

/// Parses and validates: the content, or every problem found.
#[cfg(not(target_arch = "wasm32"))]
pub fn check(json: &str) -> Result<Content, Vec<Problem>> {
    let content = parse(json).map_err(|problem| vec![problem])?;
    let problems = validate(&content);
    if problems.is_empty() {
        Ok(content)
    } else {
        Err(problems)
    }
}

/// The built-in languages, in the order the language switch shows them, each with its own
/// name for itself.
pub const LANGUAGES: [(&str, &str); 2] = [("en", "English"), ("tr", "Türkçe")];

/// A language a widget offers: its tag and its name for itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Language {
    pub lang: Text,
    pub name: Text,
}

/// [`LANGUAGES`] as the language switch lists them.
pub fn builtin_languages() -> Vec<Language> {
    LANGUAGES
        .iter()
        .map(|&(lang, name)| Language {
            lang: lang.into(),
            name: name.into(),
        })
        .collect()
}

// Which languages' strings a build carries. The core builds a first visit downloads carry
// one language each, English (`guidepost-core`) or Turkish (`guidepost-core-tr`, feature
// `turkish`), and load the other's strings when asked (`guidepost-texts-<lang>.json`, written
// from `content/<lang>.json` by `make dist`); the full build, the native tools and the tests
// carry both.

/// The compiled-in content for a language, if this build carries that language.
pub fn builtin(lang: &str) -> Option<&'static Content> {
    match lang {
        #[cfg(any(
            not(feature = "turkish"),
            feature = "overrides",
            not(target_arch = "wasm32")
        ))]
        "en" => Some(ENGLISH.with(|content| *content)),
        #[cfg(any(
            feature = "turkish",
            feature = "overrides",
            not(target_arch = "wasm32")
        ))]
        "tr" => Some(TURKISH.with(|content| *content)),
        _ => None,
    }
}

/// The language this build carries first: what a widget shows when the language it asked
/// for cannot be had.
pub const PRIMARY_LANG: &str = if cfg!(feature = "turkish") {
    "tr"
} else {
    "en"
};

/// The content of [`PRIMARY_LANG`], always compiled in.
pub fn primary() -> &'static Content {
    #[cfg(not(feature = "turkish"))]
    let primary = &ENGLISH;
    #[cfg(feature = "turkish")]
    let primary = &TURKISH;
    primary.with(|content| *content)
}

/// The English content (natively and in the builds that carry English).
#[cfg(any(
    not(feature = "turkish"),
    feature = "overrides",
    not(target_arch = "wasm32")
))]
pub fn english() -> &'static Content {
    ENGLISH.with(|content| *content)
}

/// A translation of the built-in content: the shared structure (ids, weights, thresholds)
/// with `texts` laid over every string, in [`Content::for_each_text_mut`] order. Fails unless
/// there is exactly one text per string.
pub fn translated(texts: Vec<String>) -> Result<Content, &'static str> {
    SKELETON
        .with_texts(&mut texts.into_iter().map(Text::Owned))
        .ok_or("the texts do not fit the content's strings")
}

/// Generated by build.rs from content/en.json: the structure every language shares, with
/// every string empty.
static SKELETON: Content = {
    use std::borrow::Cow;
    include!(concat!(env!("OUT_DIR"), "/skeleton.rs"))
};

/// A compiled-in language: its strings (NUL-separated, from build.rs) laid over the
/// skeleton, once per page, borrowing each string from the binary.
fn compiled_in(texts: &'static str) -> &'static Content {
    let content = SKELETON.with_texts(&mut texts.split('\0').map(Text::Borrowed));
    // build.rs laid these very texts over this skeleton before writing them.
    Box::leak(Box::new(content.unwrap_or_else(|| SKELETON.clone())))
}

thread_local! {
    #[cfg(any(not(feature = "turkish"), feature = "overrides", not(target_arch = "wasm32")))]
    static ENGLISH: &'static Content =
        compiled_in(include_str!(concat!(env!("OUT_DIR"), "/texts_en.txt")));
    #[cfg(any(feature = "turkish", feature = "overrides", not(target_arch = "wasm32")))]
    static TURKISH: &'static Content =
        compiled_in(include_str!(concat!(env!("OUT_DIR"), "/texts_tr.txt")));
}

/// Content as the widget holds it: compiled in (static), or loaded or overridden (shared).
/// Compared by identity: the views only need to know whether the content changed, and
/// comparing every string on each render would cost time and code.
#[derive(Clone, Debug)]
pub enum ContentRef {
    Static(&'static Content),
    Shared(Rc<Content>),
}

impl std::ops::Deref for ContentRef {
    type Target = Content;

    fn deref(&self) -> &Content {
        match self {
            ContentRef::Static(content) => content,
            ContentRef::Shared(content) => content,
        }
    }
}

impl PartialEq for ContentRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq::<Content>(&**self, &**other)
    }
}

impl From<&'static Content> for ContentRef {
    fn from(content: &'static Content) -> Self {
        ContentRef::Static(content)
    }
}

impl From<Content> for ContentRef {
    fn from(content: Content) -> Self {
        ContentRef::Shared(Rc::new(content))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_compiled_in_content_is_the_published_file() {
        assert_eq!(
            super::builtin("en"),
            Some(&super::parse(super::EN_JSON).expect("content/en.json parses"))
        );
        assert_eq!(
            super::builtin("tr"),
            Some(&super::parse(super::TR_JSON).expect("content/tr.json parses"))
        );
        assert_eq!(super::builtin("fr"), None);
    }

    /// What the lean build does with `guidepost-texts-tr.json` (whose order build.rs checks
    /// against tr.json): every Turkish string, laid over the English structure, gives the
    /// Turkish content; a list one text short or long is refused.
    #[test]
    fn a_translation_is_english_structure_with_its_texts() {
        let mut turkish = super::builtin("tr").unwrap().clone();
        let mut texts = Vec::new();
        turkish.for_each_text_mut(&mut |text| texts.push(text.to_string()));
        let translated = super::translated(texts.clone()).expect("one text per string");
        assert_eq!(Some(&translated), super::builtin("tr"));

        texts.pop();
        assert!(super::translated(texts.clone()).is_err(), "one text short");
        texts.push("x".into());
        texts.push("y".into());
        assert!(super::translated(texts).is_err(), "one text too many");
    }
}
