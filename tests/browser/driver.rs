//! chromedriver + headless Chromium for the browser suite.
//!
//! `Browser::launch()` serves `$GUIDEPOST_DIST`, starts `chromedriver` on a free port and opens
//! a headless Chromium with a fresh profile whose resolver cannot reach anything but
//! 127.0.0.1. Everything is torn down when the `Browser` is dropped (call `quit().await` at
//! the end of a test for a clean, non-blocking shutdown; a panicking test still cleans up).

use std::fs::{self, File};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;
use thirtyfour::{BrowserLogEntry, LoggingPrefsLogLevel};

use crate::server::StaticServer;

const DEFAULT_CHROME: &str = "/usr/bin/chromium";
const DEFAULT_CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// A port the OS considers free right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("find a free port")
        .port()
}

/// A directory removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(prefix: &str) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!(
            "{prefix}-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A `chromedriver` child process, killed (with the browsers it started) on drop.
pub struct ChromeDriver {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl ChromeDriver {
    /// Starts `$CHROMEDRIVER` (default /usr/bin/chromedriver) and waits until it is ready.
    pub fn start(log_dir: &Path) -> Self {
        let binary =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| DEFAULT_CHROMEDRIVER.to_string());
        assert!(
            Path::new(&binary).is_file(),
            "chromedriver not found at {binary}: run `make setup-browser` (or set CHROMEDRIVER)"
        );
        let port = free_port();
        let log = log_dir.join("chromedriver.log");
        let out = File::create(&log).expect("create chromedriver log");
        let err = out.try_clone().expect("clone log handle");
        let mut command = Command::new(&binary);
        command
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err);
        // Its own process group, so the browsers it spawns can be ended with it.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command
            .spawn()
            .unwrap_or_else(|e| panic!("start {binary}: {e}"));
        let mut driver = ChromeDriver { child, port, log };
        driver.wait_ready(Duration::from_secs(20));
        driver
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn log_tail(&self) -> String {
        let text = fs::read_to_string(&self.log).unwrap_or_default();
        let start = text.len().saturating_sub(3000);
        let start = (start..text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(text.len());
        text[start..].to_string()
    }

    fn wait_ready(&mut self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "chromedriver exited during startup ({status}); its log:\n{}",
                    self.log_tail()
                );
            }
            if let Some(body) = http_get(self.port, "/status") {
                if body.contains("\"ready\":true") || body.contains("\"ready\": true") {
                    return;
                }
            }
            if Instant::now() > deadline {
                panic!(
                    "chromedriver on port {} not ready after {timeout:?}; its log:\n{}",
                    self.port,
                    self.log_tail()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let pid = self.child.id();
        let _ = self.child.kill();
        let _ = self.child.wait();
        // Browsers it left behind share its process group (id = its pid).
        #[cfg(unix)]
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{pid}")])
            .stderr(Stdio::null())
            .status();
    }
}

/// A tiny blocking HTTP GET against 127.0.0.1 (used before any client exists). Returns what
/// arrived until the body looked complete (chromedriver keeps connections open).
fn http_get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_millis(500)))
        .ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut received = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => received.extend_from_slice(&chunk[..n]),
        }
        let text = String::from_utf8_lossy(&received);
        if let Some((_, body)) = text.split_once("\r\n\r\n") {
            if body.trim_end().ends_with('}') {
                break;
            }
        }
    }
    Some(String::from_utf8_lossy(&received).into_owned())
}

/// Chromium command-line switches for every test browser (plus a fresh `--user-data-dir`).
pub const CHROME_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--disable-features=Translate,OptimizationHints,MediaRouter",
    "--window-size=1280,900",
    // Nothing may leave the machine: every host name fails to resolve except 127.0.0.1.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
];

/// A headless Chromium session with the static server it browses.
///
/// Field order is drop order: session, then chromedriver, then server, then profile.
pub struct Browser {
    driver: WebDriver,
    chromedriver: ChromeDriver,
    pub server: StaticServer,
    console: Mutex<Vec<BrowserLogEntry>>,
    _profile: TempDir,
}

impl Deref for Browser {
    type Target = WebDriver;
    fn deref(&self) -> &WebDriver {
        &self.driver
    }
}

impl Browser {
    /// Serves `$GUIDEPOST_DIST` and opens a browser.
    pub async fn launch() -> Self {
        Self::launch_with(StaticServer::dist()).await
    }

    /// Opens a browser for an already started server (e.g. one with extra host pages).
    pub async fn launch_with(server: StaticServer) -> Self {
        let profile = TempDir::new("guidepost-browser");
        let chromedriver = ChromeDriver::start(profile.path());
        let chrome = std::env::var("CHROME_BIN").unwrap_or_else(|_| DEFAULT_CHROME.to_string());
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(&chrome).expect("caps: binary");
        for arg in CHROME_ARGS {
            caps.add_arg(arg).expect("caps: arg");
        }
        let user_data = profile.path().join("profile");
        caps.add_arg(&format!("--user-data-dir={}", user_data.display()))
            .expect("caps: user-data-dir");
        caps.set_browser_log_level(LoggingPrefsLogLevel::All)
            .expect("caps: logging prefs");
        let driver = match WebDriver::new(chromedriver.url(), caps).await {
            Ok(driver) => driver,
            Err(e) => panic!(
                "could not open {chrome} through chromedriver: {e}\nchromedriver log:\n{}",
                chromedriver.log_tail()
            ),
        };
        driver
            .set_script_timeout(Duration::from_secs(60))
            .await
            .expect("set script timeout");
        driver
            .set_page_load_timeout(Duration::from_secs(30))
            .await
            .expect("set page load timeout");
        Browser {
            driver,
            chromedriver,
            server,
            console: Mutex::new(Vec::new()),
            _profile: profile,
        }
    }

    pub fn driver(&self) -> &WebDriver {
        &self.driver
    }

    /// Absolute URL of a path on the test server.
    pub fn url(&self, path: &str) -> String {
        self.server.url(path)
    }

    /// Navigates to a path on the test server.
    pub async fn goto_path(&self, path: &str) {
        let url = self.url(path);
        if let Err(e) = self.driver.goto(&url).await {
            let served: Vec<String> = self
                .server
                .requests()
                .iter()
                .map(|r| r.url.clone())
                .collect();
            panic!("navigate to {url}: {e}\nserved so far: {served:?}");
        }
    }

    /// Runs a script and returns its JSON result, panicking with the script on error.
    pub async fn js(&self, script: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
        match self.driver.execute(script, args).await {
            Ok(ret) => ret.json().clone(),
            Err(e) => panic!("script failed: {e}\n--- script ---\n{script}"),
        }
    }

    /// Everything the page logged to the console since the session started (accumulated:
    /// chromedriver hands each entry out once).
    pub async fn console(&self) -> Vec<BrowserLogEntry> {
        let fresh = self.driver.browser_log().await.unwrap_or_default();
        let mut all = self.console.lock().unwrap();
        all.extend(fresh);
        all.clone()
    }

    /// The console as readable lines, for failure messages.
    pub async fn console_text(&self) -> String {
        let lines: Vec<String> = self
            .console()
            .await
            .iter()
            .map(|e| format!("  [{}] {}", e.level, e.message))
            .collect();
        if lines.is_empty() {
            "  (console is empty)".into()
        } else {
            lines.join("\n")
        }
    }

    /// Console entries at SEVERE level (errors, uncaught exceptions, failed loads).
    pub async fn console_errors(&self) -> Vec<String> {
        self.console()
            .await
            .into_iter()
            .filter(|e| e.level == "SEVERE")
            .map(|e| e.message)
            .collect()
    }

    pub fn chromedriver_log(&self) -> String {
        self.chromedriver.log_tail()
    }

    /// Ends the session cleanly, then stops chromedriver and the server.
    pub async fn quit(self) {
        let Browser { driver, .. } = self;
        let _ = driver.quit().await;
    }
}
