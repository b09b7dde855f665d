//! What a host page can set on a widget: the options the views are rendered with. The embed
//! layer reads them from the host element's attributes (`crate::embed`).

/// What the widget shows (`data-view`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ViewMode {
    /// Comparison and self-assessment.
    #[default]
    Full,
    /// Only the comparison.
    Compare,
    /// Only the self-assessment.
    Quiz,
}

/// Colour scheme (`data-theme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// Follows `prefers-color-scheme`.
    Auto,
}

/// What a call-to-action link may carry, each only when `data-cta-params` lists it; in the
/// order of `ui.cta_share_items`, which names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CtaParam {
    /// `gp_outcome`.
    Outcome,
    /// `gp_coaching` and `gp_mentoring`.
    Scores,
    /// `gp_lang`.
    Lang,
    /// The host page's own `utm_*` query parameters.
    Utm,
}

/// The call to action shown with the result (`data-cta-*`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cta {
    /// `(lang, url)`: `data-cta-url-<lang>`, and `data-cta-url` with an empty `lang`.
    pub urls: Vec<(String, String)>,
    /// `(lang, label)` the same way; without one, the content's translated label.
    pub labels: Vec<(String, String)>,
    pub params: Vec<CtaParam>,
    /// The host page's `utm_*` query parameters as written in its address
    /// (`utm_source=x&utm_medium=y`), or empty.
    pub utm: String,
    /// The link's `target`: `_top` inside a frame unless `data-cta-target` says otherwise.
    pub target: Option<String>,
}

impl Cta {
    /// The link for `lang`: its own, or the one for every language.
    pub fn url(&self, lang: &str) -> Option<&str> {
        for_lang(&self.urls, lang)
    }

    /// The host's label for `lang`, if it gave one.
    pub fn label(&self, lang: &str) -> Option<&str> {
        for_lang(&self.labels, lang)
    }
}

fn for_lang<'a>(values: &'a [(String, String)], lang: &str) -> Option<&'a str> {
    let find = |wanted: &str| values.iter().find(|(l, _)| l == wanted);
    find(lang).or_else(|| find("")).map(|(_, v)| v.as_str())
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WidgetOptions {
    /// `en`, `tr` or `auto` (resolved by the embed layer).
    pub lang: String,
    pub view: ViewMode,
    pub theme: Theme,
    pub cta: Option<Cta>,
    pub persist: bool,
}
