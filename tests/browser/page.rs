//! Host-page helpers for the embedding suite: polling page scripts, the example pages'
//! event log (`window.guidepostLog`), `localStorage`, the JS API, and `file:` URLs.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::{json, Value};

use crate::driver::Browser;
use crate::widget::{Story, POLL, TIMEOUT};

/// One entry of `window.guidepostLog` (examples/events.js) or `window.guidepostMessages`.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct HostEvent {
    #[serde(rename = "type")]
    pub kind: String,
    /// The host's `data-guidepost` value (or id); absent for postMessage entries.
    #[serde(default)]
    pub host: String,
    #[serde(default)]
    pub detail: Value,
}

fn truthy(v: &Value) -> bool {
    !matches!(v, Value::Null | Value::Bool(false)) && *v != json!(0) && *v != json!("")
}

/// Runs `script` in the current page; `None` when it throws (page navigating, etc.).
pub async fn try_js(browser: &Browser, script: &str, args: Vec<Value>) -> Result<Value, String> {
    browser
        .driver()
        .execute(script, args)
        .await
        .map(|r| r.json().clone())
        .map_err(|e| e.to_string())
}

/// Runs an async script: it gets `done` (call it with the result) as its last argument and
/// may also return a promise (`return (async () => ...)()`), whose value or error is passed on.
pub async fn js_async(browser: &Browser, body: &str, args: Vec<Value>) -> Value {
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const fail = (e) => done({{__error: String(e && e.stack || e)}});
         try {{
           const ret = (() => {{ {body} }})();
           if (ret && typeof ret.then === 'function') ret.then(done, fail);
         }} catch (e) {{ fail(e); }}"
    );
    let value = match browser.driver().execute_async(&script, args).await {
        Ok(ret) => ret.json().clone(),
        Err(e) => panic!(
            "async script failed: {e}\n--- script ---\n{body}\n--- console ---\n{}",
            browser.console_text().await
        ),
    };
    if let Some(error) = value.get("__error") {
        panic!(
            "async script threw: {}\n--- script ---\n{body}\n--- console ---\n{}",
            error.as_str().unwrap_or_default(),
            browser.console_text().await
        );
    }
    value
}

/// Polls a page script until it returns something truthy; panics after `timeout` with
/// `what`, the last value, the last script error and the console.
pub async fn wait_page_within(
    browser: &Browser,
    timeout: Duration,
    what: &str,
    script: &str,
    args: Vec<Value>,
) -> Value {
    let deadline = Instant::now() + timeout;
    let (mut last, mut last_error) = (Value::Null, None);
    loop {
        match try_js(browser, script, args.clone()).await {
            Ok(v) if truthy(&v) => return v,
            Ok(v) => last = v,
            Err(e) => last_error = Some(e),
        }
        if Instant::now() > deadline {
            panic!(
                "timed out after {timeout:?} waiting for: {what}\nlast value: {last}{}\n--- console ---\n{}",
                last_error
                    .map(|e| format!("\nlast script error: {e}"))
                    .unwrap_or_default(),
                browser.console_text().await
            );
        }
        tokio::time::sleep(POLL).await;
    }
}

pub async fn wait_page(browser: &Browser, what: &str, script: &str, args: Vec<Value>) -> Value {
    wait_page_within(browser, TIMEOUT, what, script, args).await
}

/// `window.guidepostLog`, as recorded by examples/events.js.
pub async fn event_log(browser: &Browser) -> Vec<HostEvent> {
    let v = browser
        .js(
            "return Array.isArray(window.guidepostLog) ? JSON.parse(JSON.stringify(window.guidepostLog)) : null;",
            vec![],
        )
        .await;
    assert!(
        !v.is_null(),
        "window.guidepostLog is missing: is examples/events.js on this page?"
    );
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("guidepostLog {v}: {e}"))
}

/// The event log as short lines, for failure messages.
pub fn describe(events: &[HostEvent]) -> String {
    if events.is_empty() {
        return "  (no events)".into();
    }
    events
        .iter()
        .map(|e| format!("  {} [{}] {}", e.kind, e.host, e.detail))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Waits until the log holds at least `count` events of `kind` from host `host`
/// (`None`: any host) and returns them.
pub async fn wait_events(
    browser: &Browser,
    kind: &str,
    host: Option<&str>,
    count: usize,
) -> Vec<HostEvent> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let log = event_log(browser).await;
        let found: Vec<HostEvent> = log
            .iter()
            .filter(|e| e.kind == kind && host.is_none_or(|h| e.host == h))
            .cloned()
            .collect();
        if found.len() >= count {
            return found;
        }
        if Instant::now() > deadline {
            panic!(
                "timed out waiting for {count} `{kind}` event(s){} in window.guidepostLog; it holds:\n{}\n--- console ---\n{}",
                host.map(|h| format!(" from host \"{h}\"")).unwrap_or_default(),
                describe(&log),
                browser.console_text().await
            );
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Every `guidepost:*` key in `localStorage` with its value.
pub async fn saved_progress(browser: &Browser) -> BTreeMap<String, String> {
    let v = browser
        .js(
            "const out = {};
             for (let i = 0; i < localStorage.length; i++) {
               const k = localStorage.key(i);
               if (k.startsWith('guidepost:')) out[k] = localStorage.getItem(k);
             }
             return out;",
            vec![],
        )
        .await;
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("localStorage {v}: {e}"))
}

/// Empties `localStorage` and `sessionStorage` of the current origin.
pub async fn clear_storage(browser: &Browser) {
    browser
        .js(
            "try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}",
            vec![],
        )
        .await;
}

/// Navigates to `url` as a fresh document load, even when only its fragment differs from
/// the current URL (a fragment change alone does not reload the page).
pub async fn load(browser: &Browser, url: &str) {
    browser
        .driver()
        .goto("about:blank")
        .await
        .unwrap_or_else(|e| panic!("navigate to about:blank: {e}"));
    browser
        .driver()
        .goto(url)
        .await
        .unwrap_or_else(|e| panic!("navigate to {url}: {e}"));
}

/// `file://` URL of an absolute path.
pub fn file_url(path: &Path) -> String {
    let path = path
        .canonicalize()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = path.to_str().expect("UTF-8 path");
    let mut url = String::from("file://");
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(byte as char)
            }
            _ => url.push_str(&format!("%{byte:02X}")),
        }
    }
    url
}

/// Installs a `console.warn` spy in the current page: calls land in `window.__warnings`
/// (joined text) and still reach the real console.
pub async fn spy_console_warn(browser: &Browser) {
    browser
        .js(
            "if (!window.__warnings) {
               window.__warnings = [];
               const original = console.warn;
               console.warn = function (...args) {
                 window.__warnings.push(args.map(a => typeof a === 'string' ? a : (a && a.message) || String(a)).join(' '));
                 return original.apply(this, args);
               };
             }",
            vec![],
        )
        .await;
}

pub async fn warnings(browser: &Browser) -> Vec<String> {
    let v = browser.js("return window.__warnings || [];", vec![]).await;
    serde_json::from_value(v).unwrap_or_default()
}

/// A story's answers as the events carry them: question id → sorted option ids.
pub fn story_answers(story: &Story) -> BTreeMap<String, Vec<String>> {
    story
        .answers
        .iter()
        .map(|(q, options)| {
            let mut options: Vec<String> = options.iter().map(|o| o.to_string()).collect();
            options.sort();
            (q.to_string(), options)
        })
        .collect()
}

/// `detail.answers` of a complete event, normalised like `story_answers`.
pub fn detail_answers(detail: &Value) -> BTreeMap<String, Vec<String>> {
    let answers = detail["answers"]
        .as_object()
        .unwrap_or_else(|| panic!("complete detail has no `answers` object: {detail}"));
    answers
        .iter()
        .map(|(q, options)| {
            let mut options: Vec<String> = options
                .as_array()
                .unwrap_or_else(|| panic!("answers.{q} must be an array of option ids: {detail}"))
                .iter()
                .map(|o| {
                    o.as_str()
                        .unwrap_or_else(|| panic!("answers.{q} holds a non-string: {detail}"))
                        .to_string()
                })
                .collect();
            options.sort();
            (q.clone(), options)
        })
        .collect()
}
