//! What guidepost.js and the wasm both know about a host element: its tag, its option
//! attributes and the events' version. build.rs writes them, with the built-in languages,
//! into `guidepost-facts.js`, which the post-build step inlines into guidepost.js: each name
//! is written here once.

/// The custom element guidepost.js registers. Its attributes are the option names below;
/// a `[data-guidepost]` element's are the same names after [`DATA_PREFIX`].
pub const TAG: &str = "guidepost-assessment";
pub const DATA_PREFIX: &str = "data-";

pub const LANG: &str = "lang";
pub const VIEW: &str = "view";
pub const THEME: &str = "theme";
pub const PERSIST: &str = "persist";
pub const CTA_URL: &str = "cta-url";
pub const CTA_LABEL: &str = "cta-label";
pub const CTA_PARAMS: &str = "cta-params";
pub const CTA_TARGET: &str = "cta-target";
pub const PARENT_ORIGIN: &str = "parent-origin";
pub const DATALAYER: &str = "datalayer";
/// The id of an inline `<script type="application/json">` holding a content override.
pub const CONTENT: &str = "content";

/// Every option as `mount(element, { … })` names it, and its attribute.
pub const OPTIONS: &[(&str, &str)] = &[
    ("lang", LANG),
    ("view", VIEW),
    ("theme", THEME),
    ("persist", PERSIST),
    ("ctaUrl", CTA_URL),
    ("ctaLabel", CTA_LABEL),
    ("ctaParams", CTA_PARAMS),
    ("ctaTarget", CTA_TARGET),
    ("parentOrigin", PARENT_ORIGIN),
    ("dataLayer", DATALAYER),
];

/// Options that also come per language, as `<attribute>-<lang>` (`cta-label-tr`).
pub const PER_LANGUAGE: &[&str] = &[CTA_URL, CTA_LABEL];

/// Version of the `detail` object of the host events.
pub const EVENT_VERSION: u32 = 1;
