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

/// The languages compiled in, in the order the language switch shows them.
pub const LANGUAGES: [&str; 2] = ["en", "tr"];

/// The built-in content for a language; English is the fallback for anything unknown.
pub fn builtin(lang: &str) -> Content {
    match lang {
        "tr" => turkish(),
        _ => english(),
    }
}

fn english() -> Content {
    include!(concat!(env!("OUT_DIR"), "/builtin_en.rs"))
}

fn turkish() -> Content {
    include!(concat!(env!("OUT_DIR"), "/builtin_tr.rs"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_compiled_in_content_is_the_published_file() {
        assert_eq!(
            super::builtin("en"),
            super::parse(super::EN_JSON).expect("content/en.json parses")
        );
        assert_eq!(
            super::builtin("tr"),
            super::parse(super::TR_JSON).expect("content/tr.json parses")
        );
        assert_eq!(super::builtin("fr").lang, "en", "English is the fallback");
    }
}
