//! Chrome DevTools Protocol commands through chromedriver's `goog/cdp/execute` endpoint.
//!
//! thirtyfour's own CDP API sits behind its `cdp` feature, which this crate does not enable;
//! the endpoint itself is plain WebDriver, so a small `FormatRequestData` reaches it.

use serde_json::{json, Value};
use thirtyfour::common::command::{Command, FormatRequestData};
use thirtyfour::{RequestData, SessionId};

use crate::driver::Browser;

/// `POST /session/{id}/goog/cdp/execute {cmd, params}`.
#[derive(Debug)]
struct CdpExecute {
    cmd: String,
    params: Value,
}

impl FormatRequestData for CdpExecute {
    fn format_request(&self, session_id: &SessionId) -> RequestData {
        // Borrow the method of a standard POST command (the `http` crate is not a dependency
        // of the tests), then point it at the vendor endpoint.
        let mut request = Command::GetLog("browser".into()).format_request(session_id);
        request.uri = format!("session/{session_id}/goog/cdp/execute").into();
        request.body = Some(json!({ "cmd": self.cmd, "params": self.params }));
        request
    }
}

/// Runs one CDP command in the current tab and returns its result.
pub async fn execute(browser: &Browser, cmd: &str, params: Value) -> Value {
    let command = CdpExecute {
        cmd: cmd.to_owned(),
        params,
    };
    match browser.driver().handle().cmd(command).await {
        Ok(response) => response.body.get("value").cloned().unwrap_or(Value::Null),
        Err(e) => panic!(
            "CDP {cmd} through chromedriver failed: {e}\nchromedriver log:\n{}",
            browser.chromedriver_log()
        ),
    }
}

/// Takes the tab offline: every network request (including 127.0.0.1) fails from now on.
/// `file:` and `data:` URLs are not network requests and keep working.
pub async fn go_offline(browser: &Browser) {
    execute(browser, "Network.enable", json!({})).await;
    execute(
        browser,
        "Network.emulateNetworkConditions",
        json!({
            "offline": true,
            "latency": 0,
            "downloadThroughput": -1,
            "uploadThroughput": -1,
        }),
    )
    .await;
    // Belt and braces: block every scheme that could reach a network by URL pattern too.
    execute(
        browser,
        "Network.setBlockedURLs",
        json!({ "urls": ["http://*", "https://*", "ws://*", "wss://*"] }),
    )
    .await;
}
