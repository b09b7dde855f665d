//! The article as data: the comparison, the shared sections, the questions with their
//! evidence weights, the outcome texts and the interface wording, in one schema per language.
//!
//! The built-in content is compiled into the widget (no fetch at start-up) and the very same
//! files are published as `dist/content/<lang>.json`, the template for a site owner's override.
mod model;

pub use model::*;

/// The built-in English content, exactly as published in `content/en.json`.
pub const EN_JSON: &str = include_str!("../../content/en.json");

/// Parses content JSON into the typed model.
pub fn parse(json: &str) -> Result<Content, serde_json::Error> {
    serde_json::from_str(json)
}

/// The built-in content for a language; English is the fallback for anything unknown.
pub fn builtin(_lang: &str) -> Content {
    parse(EN_JSON).expect("built-in content is checked by the test suite")
}
