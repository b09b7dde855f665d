//! Host pages for the hardening suite, and what they record.
//!
//! Every page is a virtual route on the test server (`/hardening/...`). It loads
//! `/hardening/listen.js` with a plain `<script src>` *before* the loader module, so the page
//! records, from the very first moment:
//! - `window.guidepostLog`: every `guidepost:*` event (type, host id, bubbles, composed,
//!   detail as JSON), caught in the capture phase on `document`;
//! - `window.consoleLog`: every `console.error` / `console.warn` line (the original console
//!   still gets it), and uncaught errors and rejections as level `uncaught`.
//!
//! Content overrides are built from the published template `dist/content/en.json` and
//! mutated in Rust.

use std::fmt;

use serde::Deserialize;
use serde_json::{json, Value};

use crate::driver::Browser;
use crate::server::{Page, StaticServer};
use crate::widget::Widget;

/// The listener every hardening page loads before guidepost.js.
pub const LISTEN_JS: &str = r#"(function () {
  'use strict';
  window.guidepostLog = [];
  window.consoleLog = [];
  const text = (a) => {
    if (typeof a === 'string') return a;
    if (a instanceof Error) return a.name + ': ' + a.message;
    try { return JSON.stringify(a); } catch (e) { return String(a); }
  };
  for (const level of ['error', 'warn']) {
    const original = console[level];
    console[level] = function (...args) {
      try { window.consoleLog.push({ level, text: args.map(text).join(' ') }); } catch (e) { /* keep logging */ }
      return original.apply(console, args);
    };
  }
  window.addEventListener('error', (e) => {
    window.consoleLog.push({ level: 'uncaught', text: String(e.message || e.error) });
  });
  window.addEventListener('unhandledrejection', (e) => {
    window.consoleLog.push({ level: 'uncaught', text: 'unhandled rejection: ' + text(e.reason) });
  });
  const hostName = (t) => !t || !t.getAttribute ? String(t)
    : (t.id ? '#' + t.id : (t.getAttribute('data-guidepost') !== null ? '[data-guidepost="' + t.getAttribute('data-guidepost') + '"]' : t.tagName));
  for (const name of ['ready', 'start', 'answer', 'complete', 'cta', 'error']) {
    document.addEventListener('guidepost:' + name, (e) => {
      let detail;
      try { detail = JSON.parse(JSON.stringify(e.detail === undefined ? null : e.detail)); } catch (err) { detail = String(e.detail); }
      window.guidepostLog.push({
        type: e.type,
        target: hostName(e.target),
        bubbles: e.bubbles,
        composed: e.composed,
        custom: e instanceof CustomEvent,
        detail,
      });
    }, true);
  }
})();
"#;

/// A page with no widget: a place to stand while preparing storage, and to leave a widget
/// page from (so the next visit is a real load, not a same-document fragment change).
pub const BLANK: &str = "/hardening/blank.html";

/// A host page: `body` (host elements, inline JSON), the listener first, the loader last.
pub fn host_page(title: &str, body: &str) -> String {
    host_page_with(title, body, "")
}

/// A host page with extra module scripts after the loader (e.g. one using the JS API).
pub fn host_page_with(title: &str, body: &str, extra_modules: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<script src="/hardening/listen.js"></script>
</head>
<body>
<h1>{title}</h1>
{body}
<script type="module" src="/guidepost.js"></script>
{extra_modules}
</body>
</html>
"#
    )
}

/// JSON text safe inside `<script type="application/json">`: every `<` escaped as `\u003c`
/// (only strings can hold one), so content such as `</script>` cannot end the element.
pub fn script_safe(json_text: &str) -> String {
    json_text.replace('<', "\\u003c")
}

/// `<script type="application/json" id="…">` holding `text` (already script-safe).
pub fn json_script(id: &str, text: &str) -> String {
    format!("<script type=\"application/json\" id=\"{id}\">\n{text}\n</script>")
}

/// The dist directory's server with the listener, the blank page, and `pages`.
pub fn server_with(pages: Vec<(&str, String)>) -> StaticServer {
    let server = StaticServer::dist();
    server.add_page(
        "/hardening/listen.js",
        Page::new("text/javascript; charset=utf-8", LISTEN_JS),
    );
    server.add_page(BLANK, Page::html(host_page_blank()));
    for (path, html) in pages {
        let page = if path.ends_with(".js") {
            Page::new("text/javascript; charset=utf-8", html)
        } else {
            Page::html(html)
        };
        server.add_page(path, page);
    }
    server
}

fn host_page_blank() -> String {
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>blank</title></head><body><p>no widget here</p></body></html>".into()
}

// ----- content --------------------------------------------------------------------------

/// The published built-in English content (`$GUIDEPOST_DIST/content/en.json`).
pub fn builtin_en() -> Value {
    let path = StaticServer::dist_dir().join("content/en.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("read the override template {}: {e}", path.display()));
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()))
}

/// The built-in `intro.title`, which every fallback must show.
pub fn builtin_title() -> String {
    builtin_en()["intro"]["title"]
        .as_str()
        .expect("intro.title in en.json")
        .to_owned()
}

/// The index of question `id` in `content.questions`.
pub fn question_index(content: &Value, id: &str) -> usize {
    content["questions"]
        .as_array()
        .expect("questions array")
        .iter()
        .position(|q| q["id"] == json!(id))
        .unwrap_or_else(|| panic!("en.json has no question \"{id}\""))
}

// ----- what the page recorded ----------------------------------------------------------

#[derive(Clone, Debug, Deserialize)]
pub struct HostEvent {
    #[serde(rename = "type")]
    pub kind: String,
    pub target: String,
    pub bubbles: bool,
    pub composed: bool,
    pub custom: bool,
    pub detail: Value,
}

#[derive(Clone, Debug, Deserialize)]
pub struct ConsoleLine {
    pub level: String,
    pub text: String,
}

/// Everything the page's listener recorded so far.
#[derive(Clone, Debug, Default)]
pub struct Recorded {
    pub events: Vec<HostEvent>,
    pub console: Vec<ConsoleLine>,
}

impl Recorded {
    pub fn events_of(&self, kind: &str) -> Vec<&HostEvent> {
        self.events.iter().filter(|e| e.kind == kind).collect()
    }

    pub fn errors_on(&self, target: &str) -> Vec<&HostEvent> {
        self.events
            .iter()
            .filter(|e| e.kind == "guidepost:error" && e.target == target)
            .collect()
    }

    pub fn lines(&self, level: &str) -> Vec<&str> {
        self.console
            .iter()
            .filter(|l| l.level == level)
            .map(|l| l.text.as_str())
            .collect()
    }
}

impl fmt::Display for Recorded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "--- guidepost:* events recorded by the page ---")?;
        if self.events.is_empty() {
            writeln!(f, "  (none)")?;
        }
        for e in &self.events {
            let detail = serde_json::to_string(&e.detail).unwrap_or_default();
            let detail = if detail.chars().count() > 600 {
                format!("{}…", detail.chars().take(600).collect::<String>())
            } else {
                detail
            };
            writeln!(
                f,
                "  {} on {} (bubbles={}, composed={}) {detail}",
                e.kind, e.target, e.bubbles, e.composed
            )?;
        }
        writeln!(
            f,
            "--- console.error / console.warn recorded by the page ---"
        )?;
        if self.console.is_empty() {
            writeln!(f, "  (none)")?;
        }
        for l in &self.console {
            writeln!(f, "  [{}] {}", l.level, l.text)?;
        }
        Ok(())
    }
}

/// Reads what the page recorded (empty when the listener is not on this page).
pub async fn recorded(browser: &Browser) -> Recorded {
    let v = browser
        .js(
            "return {events: window.guidepostLog || [], console: window.consoleLog || []};",
            vec![],
        )
        .await;
    Recorded {
        events: serde_json::from_value(v["events"].clone())
            .unwrap_or_else(|e| panic!("guidepostLog {}: {e}", v["events"])),
        console: serde_json::from_value(v["console"].clone())
            .unwrap_or_else(|e| panic!("consoleLog {}: {e}", v["console"])),
    }
}

/// Polls the page's record until `done` holds; panics after `timeout` with the whole record
/// and the widget's state.
pub async fn wait_recorded(
    widget: &Widget<'_>,
    what: &str,
    done: impl Fn(&Recorded) -> bool,
) -> Recorded {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let now = recorded(widget.browser).await;
        if done(&now) {
            return now;
        }
        if std::time::Instant::now() > deadline {
            panic!(
                "timed out waiting for: {what}\n{now}\n{}",
                widget.report().await
            );
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}
