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

/// The call to action shown with the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cta {
    pub url: String,
    /// `None`: the content's default label.
    pub label: Option<String>,
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
