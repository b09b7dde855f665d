//! The host element's attributes, read into the widget's options. Pure, so it is tested
//! natively; a bad value falls back to the default with a warning for the console.
use crate::content::LANGUAGES;
use crate::ui::{Cta, CtaParam, Theme, ViewMode, WidgetOptions};

use super::facts::{CTA_LABEL, CTA_PARAMS, CTA_TARGET, CTA_URL, LANG, PERSIST, THEME, VIEW};

/// Where a call to action may open (`cta-target`).
const CTA_TARGETS: &[&str] = &["_top", "_blank", "_self", "_parent"];

impl WidgetOptions {
    /// Reads options through `attribute` (full name → value): a `[data-guidepost]` element's
    /// attributes carry `prefix` (`data-`), a `<guidepost-assessment>`'s none. Collects a
    /// warning for every value that had to be replaced by its default. `framed`: the page is
    /// inside a frame, where a call to action opens in the top window by default.
    pub fn from_attributes(
        prefix: &str,
        framed: bool,
        attribute: impl Fn(&str) -> Option<String>,
    ) -> (Self, Vec<String>) {
        let mut warnings = Vec::new();
        let read = |name: &str| attribute(&format!("{prefix}{name}"));
        let text = |name: &str| {
            read(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let mut pick = |name: &str, allowed: &[&str], default: &str| -> String {
            match read(name) {
                None => default.to_owned(),
                Some(value) => {
                    let value = value.trim().to_ascii_lowercase();
                    if allowed.contains(&value.as_str()) {
                        value
                    } else {
                        let mut warning = format!("{prefix}{name}=\"{value}\" is not one of ");
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
        let lang = pick(LANG, &["en", "tr", "auto"], "en");
        let view = match pick(VIEW, &["full", "compare", "quiz"], "full").as_str() {
            "compare" => ViewMode::Compare,
            "quiz" => ViewMode::Quiz,
            _ => ViewMode::Full,
        };
        let theme = match pick(THEME, &["light", "dark", "auto"], "light").as_str() {
            "dark" => Theme::Dark,
            "auto" => Theme::Auto,
            _ => Theme::Light,
        };
        // The words site builders write for a switch, as well as on and off.
        let persist = matches!(
            pick(
                PERSIST,
                &["on", "off", "true", "false", "yes", "no", "1", "0"],
                "on"
            )
            .as_str(),
            "on" | "true" | "yes" | "1"
        );
        let target = match text(CTA_TARGET).map(|t| t.to_ascii_lowercase()) {
            Some(target) if CTA_TARGETS.contains(&target.as_str()) => Some(target),
            other => {
                if let Some(target) = other {
                    warnings.push(format!(
                        "{prefix}{CTA_TARGET}=\"{target}\" is not one of _top, _blank, _self, _parent; ignored."
                    ));
                }
                framed.then(|| CTA_TARGETS[0].to_owned())
            }
        };
        // `cta-url` and `cta-label` for every language (`lang` ""), then `cta-url-<lang>` and
        // `cta-label-<lang>` for each.
        let (mut urls, mut labels) = (Vec::new(), Vec::new());
        for lang in std::iter::once("").chain(LANGUAGES.iter().map(|&(lang, _)| lang)) {
            let suffix = if lang.is_empty() {
                String::new()
            } else {
                format!("-{lang}")
            };
            if let Some(url) = text(&format!("{CTA_URL}{suffix}")) {
                if is_safe_url(&url) {
                    urls.push((lang.to_owned(), url));
                } else {
                    warnings.push(format!(
                        "{prefix}{CTA_URL}{suffix}=\"{url}\" was refused: only http:, https:, mailto:, tel: or links within this site are allowed (write https:// before another site's address)."
                    ));
                }
            }
            if let Some(label) = text(&format!("{CTA_LABEL}{suffix}")) {
                labels.push((lang.to_owned(), label));
            }
        }
        let mut params = Vec::new();
        for name in text(CTA_PARAMS).unwrap_or_default().split([' ', ',']) {
            let param = match name.trim().to_ascii_lowercase().as_str() {
                "" => continue,
                "outcome" => CtaParam::Outcome,
                "lang" => CtaParam::Lang,
                "scores" => CtaParam::Scores,
                "utm" => CtaParam::Utm,
                other => {
                    warnings.push(format!(
                        "{prefix}{CTA_PARAMS}: \"{other}\" is not one of outcome, lang, scores, utm; ignored."
                    ));
                    continue;
                }
            };
            if !params.contains(&param) {
                params.push(param);
            }
        }
        let cta = (!urls.is_empty()).then(|| Cta {
            urls,
            labels,
            params,
            utm: String::new(),
            target,
        });
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
/// Anything with another scheme (`javascript:`, `data:`, …) is refused, and so is a link to
/// another host without a scheme (`//host`, `\\host`, `/\host`): it looks relative but
/// leaves the site, and in the offline file it would become `file://host`.
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
    // Browsers read `\` as `/` in web addresses.
    let other_host = matches!(cleaned.as_bytes(), [b'/' | b'\\', b'/' | b'\\', ..]);
    // No scheme: a relative link.
    (!has_scheme && !other_host)
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
        WidgetOptions::from_attributes("data-", false, |name| {
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
    fn persist_takes_the_usual_words_for_off() {
        for (value, persist) in [
            ("off", false),
            ("false", false),
            ("0", false),
            ("No", false),
            ("on", true),
            ("true", true),
            ("1", true),
        ] {
            let (options, warnings) = read(&[("data-persist", value)]);
            assert_eq!(options.persist, persist, "data-persist=\"{value}\"");
            assert!(warnings.is_empty(), "{warnings:?}");
        }
        let (options, warnings) = read(&[("data-persist", "sometimes")]);
        assert!(options.persist && warnings.len() == 1, "{warnings:?}");
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
            "//evil.example/x",
            "\\\\evil.example",
            "/\\evil.example",
            " \t//evil.example",
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
        let cta = options.cta.expect("a safe link is kept");
        assert_eq!(cta.url("tr"), Some("https://example.com"));
        assert_eq!(cta.label("en"), None, "a blank label is no label");
    }

    #[test]
    fn the_call_to_action_comes_per_language_with_what_it_may_carry() {
        let (options, warnings) = read(&[
            ("data-cta-url", "https://example.com/en"),
            ("data-cta-url-tr", "https://example.com/tr"),
            ("data-cta-label", "Book a call"),
            ("data-cta-label-tr", "Görüşme ayarlayın"),
            ("data-cta-params", "scores, outcome utm scores"),
        ]);
        assert!(warnings.is_empty(), "{warnings:?}");
        let cta = options.cta.expect("a CTA");
        assert_eq!(cta.url("tr"), Some("https://example.com/tr"));
        assert_eq!(
            cta.url("en"),
            Some("https://example.com/en"),
            "the URL for all"
        );
        assert_eq!(cta.label("tr"), Some("Görüşme ayarlayın"));
        assert_eq!(cta.label("en"), Some("Book a call"));
        assert_eq!(
            cta.params,
            [CtaParam::Scores, CtaParam::Outcome, CtaParam::Utm],
            "in the order listed, once each"
        );
        assert_eq!(cta.target, None, "not framed: the browser's default");

        let (options, warnings) = read(&[
            ("data-cta-url-tr", "javascript:alert(1)"),
            ("data-cta-url", "/contact"),
            ("data-cta-params", "email"),
            ("data-cta-target", "_window"),
        ]);
        let cta = options.cta.expect("the safe link stays");
        assert_eq!(
            cta.url("tr"),
            Some("/contact"),
            "the refused link falls back"
        );
        assert!(cta.params.is_empty(), "nothing by default");
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(
            warnings.iter().any(|w| w.starts_with("data-cta-url-tr=")),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_framed_call_to_action_opens_in_the_top_window_unless_told() {
        let attributes = |target: Option<&str>| {
            let mut pairs = vec![("cta-url".to_owned(), "/c".to_owned())];
            pairs.extend(target.map(|t| ("cta-target".to_owned(), t.to_owned())));
            WidgetOptions::from_attributes("", true, move |name| {
                pairs
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
            })
        };
        let target = |t| attributes(t).0.cta.unwrap().target;
        assert_eq!(target(None).as_deref(), Some("_top"));
        assert_eq!(target(Some("_blank")).as_deref(), Some("_blank"));
        assert_eq!(target(Some("_SELF")).as_deref(), Some("_self"));
        let (_, warnings) = attributes(Some("elsewhere"));
        assert!(
            warnings[0].starts_with("cta-target="),
            "a custom element's name: {warnings:?}"
        );
    }
}
