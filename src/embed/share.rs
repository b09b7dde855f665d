//! Share links: the answers in the page URL's fragment, `#guidepost=<answer code>~<content
//! version>` (both [`crate::engine::code`]'s).
pub use crate::engine::code::{decode, encode, split_share_value, version_number};

/// The fragment key.
pub const KEY: &str = "guidepost=";

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
    use crate::engine::Answers;

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
