//! Share links: the answers in the page URL's fragment, `#guidepost=<encoded answers>`.
//!
//! Format, version 1: `1.` then one group per contract question, in contract order, joined by
//! `-`; a group is the indices (one character each, `0`–`9`) of the chosen options in the
//! contract's option list, empty when unanswered. For example `1.03-0-0-0-0-0-0-1`.
//! Compact enough for a chat message, and no answer text leaves the browser in clear words.
use crate::content::contract::QUESTIONS;
use crate::engine::Answers;

/// The fragment key.
pub const KEY: &str = "guidepost=";
const VERSION: &str = "1";

/// Encodes answers (unknown ids are skipped).
pub fn encode(answers: &Answers) -> String {
    let mut encoded = format!("{VERSION}.");
    for (i, (question, options)) in QUESTIONS.iter().enumerate() {
        if i > 0 {
            encoded.push('-');
        }
        encoded.extend(
            answers
                .get(question)
                .iter()
                .filter_map(|chosen| options.iter().position(|o| o == chosen))
                .filter_map(|i| char::from_digit(i as u32, 10)),
        );
    }
    encoded
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

/// Finds `guidepost=` in a URL fragment (with or without the leading `#`, possibly among
/// other `&`-separated parameters).
pub fn from_fragment(fragment: &str) -> Option<&str> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|part| part.strip_prefix(KEY))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_complete_and_partial_answers() {
        let answers = Answers::new()
            .with("situation", &["role-transition", "new-industry"])
            .with("support", &["questions"])
            .with("organization", &["case-by-case"]);
        let link = encode(&answers);
        assert_eq!(link, "1.03-0------1");
        assert_eq!(decode(&link), Ok(answers));
    }

    #[test]
    fn tampered_or_old_links_are_refused() {
        for bad in [
            "",
            "2.0-0-0-0-0-0-0-0",
            "1.0-0-0",
            "1.9-0-0-0-0-0-0-0",
            "1.00-0-0-0-0-0-0-0",
            "1.012-0-0-0-0-0-0-0",
            "1.0-3-0-0-0-0-0-0",
            "1.x-0-0-0-0-0-0-0",
            "1.0-00-0-0-0-0-0-0",
        ] {
            assert!(decode(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn finds_the_key_among_other_fragment_parameters() {
        assert_eq!(
            from_fragment("#guidepost=1.0-0-0-0-0-0-0-0"),
            Some("1.0-0-0-0-0-0-0-0")
        );
        assert_eq!(from_fragment("#tab=2&guidepost=1.x"), Some("1.x"));
        assert_eq!(from_fragment("#section"), None);
    }
}
