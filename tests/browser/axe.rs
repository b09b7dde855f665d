//! axe-core accessibility checks (WCAG 2.0/2.1/2.2 A and AA rules) run inside the page.
//!
//! axe-core comes from `node_modules/axe-core/axe.min.js` (`make setup-browser` runs
//! `npm ci`). It walks open shadow roots itself, so running it on `document` covers the widget.

use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::json;

use crate::driver::Browser;

/// The WCAG tags every view must pass.
pub const WCAG_TAGS: &[&str] = &["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

#[derive(Debug, Deserialize)]
pub struct Violation {
    pub id: String,
    pub impact: Option<String>,
    pub help: String,
    #[serde(rename = "helpUrl")]
    pub help_url: String,
    pub nodes: Vec<ViolationNode>,
}

#[derive(Debug, Deserialize)]
pub struct ViolationNode {
    /// axe's selector path; shadow DOM steps are nested arrays.
    pub target: serde_json::Value,
    pub html: String,
    #[serde(rename = "failureSummary", default)]
    pub failure_summary: Option<String>,
}

fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "cannot read {}: {e}. Run `make setup-browser` (npm ci) first.",
                path.display()
            )
        })
    })
}

/// Injects axe-core into the current document (once per document).
pub async fn inject(browser: &Browser) {
    let present = browser
        .js(
            "return typeof window.axe === 'object' && typeof window.axe.run === 'function';",
            vec![],
        )
        .await;
    if present == json!(true) {
        return;
    }
    browser.js(axe_source(), vec![]).await;
    let present = browser
        .js(
            "return typeof window.axe === 'object' && typeof window.axe.run === 'function';",
            vec![],
        )
        .await;
    assert_eq!(present, json!(true), "axe-core did not load into the page");
}

/// Runs axe on the whole document with the WCAG tags and returns the violations.
pub async fn violations(browser: &Browser) -> Vec<Violation> {
    inject(browser).await;
    let script = r#"
        const done = arguments[arguments.length - 1];
        axe.run(document, {
          runOnly: {type: 'tag', values: arguments[0]},
          resultTypes: ['violations'],
        }).then(
          (r) => done({ok: r.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
            nodes: v.nodes.map(n => ({target: n.target, html: n.html, failureSummary: n.failureSummary})),
          }))}),
          (e) => done({error: String(e && e.stack || e)}),
        );
    "#;
    let ret = browser
        .driver()
        .execute_async(script, vec![json!(WCAG_TAGS)])
        .await
        .unwrap_or_else(|e| panic!("axe.run failed to execute: {e}"));
    let v = ret.json();
    if let Some(error) = v.get("error") {
        panic!("axe.run rejected: {error}");
    }
    serde_json::from_value(v["ok"].clone())
        .unwrap_or_else(|e| panic!("unexpected axe result shape ({e}): {v}"))
}

/// Formats violations as: id (impact): help — url, then each target node and its HTML.
pub fn describe(violations: &[Violation]) -> String {
    let mut out = String::new();
    for v in violations {
        out.push_str(&format!(
            "\n  ✗ {} ({}): {}\n    {}\n",
            v.id,
            v.impact.as_deref().unwrap_or("?"),
            v.help,
            v.help_url
        ));
        const MAX_NODES: usize = 8;
        if v.nodes.len() > MAX_NODES {
            out.push_str(&format!(
                "      ({} nodes; the first {MAX_NODES} follow)\n",
                v.nodes.len()
            ));
        }
        for node in v.nodes.iter().take(MAX_NODES) {
            out.push_str(&format!(
                "      at {}\n         {}\n",
                node.target, node.html
            ));
            if let Some(summary) = &node.failure_summary {
                for line in summary.lines() {
                    out.push_str(&format!("         | {line}\n"));
                }
            }
        }
    }
    out
}

/// Asserts the current document has no WCAG A/AA violations; `view` names it in the failure.
pub async fn assert_clean(browser: &Browser, view: &str) {
    let found = violations(browser).await;
    assert!(
        found.is_empty(),
        "axe-core found {} WCAG violation(s) in the {view}:{}",
        found.len(),
        describe(&found)
    );
}
