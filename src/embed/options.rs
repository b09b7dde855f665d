//! The host element's `data-*` attributes, read into the widget's options. Pure, so it is
//! tested natively; a bad value falls back to the default with a warning for the console.
use crate::ui::{Cta, Theme, ViewMode, WidgetOptions};

impl WidgetOptions {
    /// Reads options through `attribute` (name → value), collecting a warning for every
    /// value that had to be replaced by its default.
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> (Self, Vec<String>) {
        let mut warnings = Vec::new();
        let mut pick = |name: &str, allowed: &[&str], default: &str| -> String {
            match attribute(name) {
                None => default.to_owned(),
                Some(value) => {
                    let value = value.trim().to_ascii_lowercase();
                    if allowed.contains(&value.as_str()) {
                        value
                    } else {
                        let mut warning = format!("{name}=\"{value}\" is not one of ");
                        for (i, known) in allowed.iter().enumerate() {
                            warning.push_str(if i == 0 { "" } else { ", " });
                            warning.push_str(known);
                        }
                        warning.push_str(&format!("; using \"{default}\"."));
                        warnings.push(warning);
                        default.to_owned()
                    }
                }
            }
        };
        let lang = pick("data-lang", &["en", "tr", "auto"], "en");
        let view = match pick("data-view", &["full", "compare", "quiz"], "full").as_str() {
            "compare" => ViewMode::Compare,
            "quiz" => ViewMode::Quiz,
            _ => ViewMode::Full,
        };
        let theme = match pick("data-theme", &["light", "dark", "auto"], "light").as_str() {
            "dark" => Theme::Dark,
            "auto" => Theme::Auto,
            _ => Theme::Light,
        };
        let persist = pick("data-persist", &["on", "off"], "on") == "on";
        let label = attribute("data-cta-label")
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty());
        let cta = match attribute("data-cta-url").map(|u| u.trim().to_owned()) {
            None => None,
            Some(url) if url.is_empty() => None,
            Some(url) if is_safe_url(&url) => Some(Cta { url, label }),
            Some(url) => {
                warnings.push(format!(
                    "data-cta-url=\"{url}\" was refused: only http:, https:, mailto:, tel: or relative links are allowed."
                ));
                None
            }
        };
        (
            Self {
                lang,
                view,
                theme,
                cta,
                persist,
            },
            warnings,
        )
    }
}

/// Whether a link is safe to put in `href`: `http:`, `https:`, `mailto:`, `tel:` or relative.
/// Anything with another scheme (`javascript:`, `data:`, …) is refused.
pub fn is_safe_url(url: &str) -> bool {
    // Browsers ignore tabs and newlines inside a scheme ("java\tscript:"), and leading
    // control characters and spaces, so look at the URL the way they do.
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    // The scheme is what comes before the first `:`, unless a `/`, `?` or `#` comes first.
    // (No slicing by index: its panic path costs the wasm more than this function.)
    let scheme = cleaned
        .split([':', '/', '?', '#'])
        .next()
        .unwrap_or_default();
    let has_scheme = cleaned.as_bytes().get(scheme.len()) == Some(&b':');
    // No scheme: a relative link.
    !has_scheme
        || matches!(
            scheme.to_ascii_lowercase().as_str(),
            "http" | "https" | "mailto" | "tel"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> (WidgetOptions, Vec<String>) {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect();
        WidgetOptions::from_attributes(|name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn defaults_when_nothing_is_set() {
        let (options, warnings) = read(&[]);
        assert_eq!(
            options,
            WidgetOptions {
                lang: "en".into(),
                persist: true,
                ..Default::default()
            }
        );
        assert!(warnings.is_empty());
    }

    #[test]
    fn bad_values_fall_back_with_a_warning() {
        let (options, warnings) = read(&[
            ("data-view", "sideways"),
            ("data-theme", "DARK"),
            ("data-lang", "fr"),
        ]);
        assert_eq!(options.view, ViewMode::Full);
        assert_eq!(options.theme, Theme::Dark, "case is forgiven");
        assert_eq!(options.lang, "en");
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("data-view=\"sideways\"")),
            "{warnings:?}"
        );
    }

    #[test]
    fn only_safe_cta_links_are_kept() {
        for good in [
            "https://example.com/contact",
            "http://x.y",
            "mailto:a@b.c",
            "tel:+90212",
            "/contact",
            "contact#form",
            "?q=1",
        ] {
            assert!(is_safe_url(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "\u{1}javascript:x",
        ] {
            assert!(!is_safe_url(bad), "{bad:?}");
        }
        let (options, warnings) = read(&[
            ("data-cta-url", "javascript:alert(1)"),
            ("data-cta-label", "Go"),
        ]);
        assert_eq!(options.cta, None);
        assert_eq!(warnings.len(), 1);
        let (options, _) = read(&[
            ("data-cta-url", "https://example.com"),
            ("data-cta-label", "  "),
        ]);
        assert_eq!(
            options.cta,
            Some(Cta {
                url: "https://example.com".into(),
                label: None
            })
        );
    }
}
