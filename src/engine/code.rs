//! The answer code: a visitor's answers as a short text, carried by share links and saved
//! progress.
//!
//! Format, version 1: `1.` then one group per contract question, in contract order, joined by
//! `-`; a group is the indices (one character each, `0`–`9`) of the chosen options in the
//! contract's option list, empty when unanswered. For example `1.03-0-0-0-0-0-0-1`.
//! Compact enough for a chat message, and no answer text leaves the browser in clear words.
use crate::content::contract::QUESTIONS;

use super::Answers;

const VERSION: &str = "1";

/// Encodes answers (unknown ids are skipped).
pub fn encode(answers: &Answers) -> String {
    let mut encoded = format!("{VERSION}.");
    for (i, (question, options)) in QUESTIONS.iter().enumerate() {
        if i > 0 {
            encoded.push('-');
        }
        for chosen in answers.get(question) {
            let digit = options.iter().position(|o| o == chosen);
            if let Some(digit) = digit.and_then(|i| char::from_digit(i as u32, 10)) {
                encoded.push(digit);
            }
        }
    }
    encoded
}

/// A share link's value: the answer code, then `~` and the version of the content it was
/// answered on, without its language tag (`en-2.1.0` → `2.1.0`: the same questions in either
/// language), so a link is never read against other questions or weights.
pub fn share_value(answers: &Answers, content_version: &str) -> String {
    let mut value = encode(answers);
    value.push('~');
    value.push_str(version_number(content_version));
    value
}

/// A share value's answer code and, when the link carries one, its content version.
pub fn split_share_value(value: &str) -> (&str, Option<&str>) {
    match value.split_once('~') {
        Some((code, version)) => (code, Some(version)),
        None => (value, None),
    }
}

/// A content version without its language tag.
pub fn version_number(content_version: &str) -> &str {
    content_version
        .split_once('-')
        .map_or(content_version, |(_, number)| number)
}

/// Decodes the value after `guidepost=`; any tampering or an unknown version is an error
/// naming what is wrong, for the console (fixed phrases: formatting each would cost the
/// wasm more than the whole decoder).
pub fn decode(value: &str) -> Result<Answers, &'static str> {
    let body = value
        .strip_prefix("1.")
        .ok_or("unknown share link version")?;
    let mut groups = body.split('-');
    let mut answers = Answers::new();
    for (question, options) in QUESTIONS {
        let group = groups.next().ok_or("too few answer groups")?;
        let mut chosen: Vec<String> = Vec::new();
        for digit in group.chars() {
            let option = digit
                .to_digit(10)
                .and_then(|i| options.get(i as usize))
                .ok_or("an answer that is not an option")?;
            if chosen.iter().any(|c| c == option) {
                return Err("a repeated answer");
            }
            chosen.push((*option).to_owned());
        }
        let max = if *question == "situation" { 2 } else { 1 };
        if chosen.len() > max {
            return Err("more answers than a question takes");
        }
        answers.set(question, chosen);
    }
    if groups.next().is_some() {
        return Err("too many answer groups");
    }
    Ok(answers)
}
