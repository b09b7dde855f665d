//! WebDriver sessions for the browser suite, in three engines: Chromium (chromedriver),
//! Firefox (geckodriver + firefox-esr) and WebKit (WebKitWebDriver + WebKitGTK's MiniBrowser
//! under Xvfb).
//!
//! `Browser::launch()` serves `$GUIDEPOST_DIST` and opens headless Chromium;
//! `Browser::launch_with(server)` does the same for a prepared server, and
//! `Browser::launch_engine(engine, server)` opens any of the three. Every session gets a fresh
//! profile and cannot reach anything but 127.0.0.1:
//! - Chromium: `--host-resolver-rules` leave every host name but 127.0.0.1 unresolvable.
//! - Firefox: the prefs of `firefox_prefs` send every request that is not for 127.0.0.1 or
//!   localhost through a manual proxy, the `Blackhole` (a local listener that records what was
//!   asked for and closes the connection), with no direct fallback; host names resolve to
//!   127.0.0.1 (`network.dns.forceResolve`) and DNS over HTTPS is off; its own background
//!   traffic (updates, telemetry, remote settings, safe browsing, push, captive-portal checks,
//!   prefetching) is switched off; and geckodriver runs with
//!   `MOZ_DISABLE_NONLOCAL_CONNECTIONS=1`, Firefox's own test switch that refuses
//!   non-local connections.
//! - WebKit: `http_proxy`/`https_proxy` (and upper-case) in the driver's environment, which
//!   MiniBrowser's network process inherits (GIO's libproxy resolver reads them), point at
//!   the `Blackhole`, with `no_proxy=127.0.0.1,localhost`. Not the W3C `proxy` capability:
//!   with `noProxy` set, WebKitGTK 2.50.6's MiniBrowser now and then segfaults while
//!   starting (in `webkit_network_proxy_settings_new`, reading past the end of the ignore
//!   list), and WebKitWebDriver then waits for it for good.
//!
//! `Browser::outside_requests()` lists what reached the blackhole (always empty for Chromium).
//! Everything is torn down when the `Browser` is dropped: the session, then each process
//! (driver, Xvfb) by its pid together with its process group, so the browsers a driver
//! started go with it. Call `quit().await` at the end of a test for a clean, non-blocking
//! shutdown; a panicking test still cleans up.

use std::fmt;
use std::fs::{self, File};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};
use thirtyfour::prelude::*;
use thirtyfour::{BrowserLogEntry, Capabilities, LoggingPrefsLogLevel};

use crate::server::StaticServer;

const DEFAULT_CHROME: &str = "/usr/bin/chromium";
const DEFAULT_CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const DEFAULT_FIREFOX: &str = "/usr/bin/firefox-esr";
/// Looked up on PATH and in cargo's bin directory (`cargo install` puts it there).
const DEFAULT_GECKODRIVER: &str = "geckodriver";
const DEFAULT_WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
const DEFAULT_MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const DEFAULT_XVFB: &str = "Xvfb";

/// How long a new session may take (a cold Firefox start under load takes about 5 s).
const SESSION_TIMEOUT: Duration = Duration::from_secs(60);

/// The window every engine's page is laid out in.
const WINDOW: (u32, u32) = (1280, 900);

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

// ----- engines --------------------------------------------------------------------------

/// A browser engine the suite can drive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Debian's chromium through chromedriver, headless.
    Chromium,
    /// firefox-esr through geckodriver, headless.
    Firefox,
    /// WebKitGTK's MiniBrowser through WebKitWebDriver, on an Xvfb display.
    WebKit,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "Chromium",
            Engine::Firefox => "Firefox",
            Engine::WebKit => "WebKit",
        }
    }

    /// The WebDriver server's name, for messages.
    pub fn driver_name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromedriver",
            Engine::Firefox => "geckodriver",
            Engine::WebKit => "WebKitWebDriver",
        }
    }
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A tool's path: `$env` when set, else `default` (an absolute path, or a program name looked
/// up on PATH and in cargo's bin directory). Panics saying how to install it when missing.
fn locate(env: &str, default: &str, what: &str) -> PathBuf {
    let install = format!("run `make setup-browser` (it installs {what}), or set {env}");
    if let Some(value) = std::env::var_os(env) {
        let path = PathBuf::from(value);
        assert!(
            path.is_file(),
            "{what} not found at {} (from ${env}): {install}",
            path.display()
        );
        return path;
    }
    let path = Path::new(default);
    if path.is_absolute() {
        assert!(path.is_file(), "{what} not found at {default}: {install}");
        return path.to_path_buf();
    }
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .map(|home| home.join("bin"));
    let path_dirs = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .unwrap_or_default();
    path_dirs
        .into_iter()
        .chain(cargo_bin.clone())
        .map(|dir| dir.join(default))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| {
            panic!(
                "{what} (`{default}`) is neither on PATH nor in {}: {install}",
                cargo_bin
                    .map(|d| d.display().to_string())
                    .unwrap_or_else(|| "cargo's bin directory".into())
            )
        })
}

// ----- processes ------------------------------------------------------------------------

/// A child process in a process group of its own, writing to a log file. Dropping it ends
/// the whole group by the child's pid (SIGTERM, then SIGKILL for whatever is left), so the
/// browser processes a driver started go with it.
struct Process {
    child: Child,
    name: String,
    log: PathBuf,
}

impl Process {
    /// Spawns `command` with stdin closed, stderr (and stdout unless `piped_stdout`) to `log`.
    fn spawn(name: &str, mut command: Command, log: PathBuf, piped_stdout: bool) -> Self {
        let out = File::create(&log).unwrap_or_else(|e| panic!("create {}: {e}", log.display()));
        let err = out.try_clone().expect("clone log handle");
        command.stdin(Stdio::null()).stderr(err);
        if piped_stdout {
            command.stdout(Stdio::piped());
        } else {
            command.stdout(out);
        }
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command
            .spawn()
            .unwrap_or_else(|e| panic!("start {name} ({command:?}): {e}"));
        Process {
            child,
            name: name.to_string(),
            log,
        }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// `Some(status)` once the process has exited.
    fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    fn log_text(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The last 3000 bytes of the log.
    fn log_tail(&self) -> String {
        let text = self.log_text();
        let start = text.len().saturating_sub(3000);
        let start = (start..text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(text.len());
        text[start..].to_string()
    }

    /// Sends `signal` to the process group led by the child.
    fn signal_group(&self, signal: &str) {
        #[cfg(unix)]
        let _ = Command::new("kill")
            .args([signal, "--", &format!("-{}", self.pid())])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        if self.exited().is_none() {
            self.signal_group("-TERM");
            let deadline = Instant::now() + Duration::from_millis(1500);
            while self.exited().is_none() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(20));
            }
            if self.exited().is_none() {
                let _ = self.child.kill();
            }
        }
        let _ = self.child.wait();
        // Whatever is left of the group (browser, content and network processes).
        self.signal_group("-KILL");
    }
}

/// The live (not zombie) processes of process group `pgid`, read from /proc.
pub fn group_members(pgid: u32) -> Vec<u32> {
    let Ok(entries) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
                return false;
            };
            // `pid (comm) state ppid pgrp ...`; comm may hold spaces, so split after `)`.
            let fields: Vec<&str> = stat
                .rsplit_once(')')
                .map(|(_, rest)| rest.split_whitespace().collect())
                .unwrap_or_default();
            fields.first() != Some(&"Z") && fields.get(2) == Some(&pgid.to_string().as_str())
        })
        .collect()
}

/// `pid name` of each live member of process group `pgid`, for failure messages.
fn describe_group(pgid: u32) -> Vec<String> {
    group_members(pgid)
        .into_iter()
        .map(|pid| {
            let name = fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
            format!("{pid} {}", name.trim())
        })
        .collect()
}

/// A WebDriver server (chromedriver, geckodriver, WebKitWebDriver) on a free port of
/// 127.0.0.1, started and stopped by pid (see `Process`).
pub struct DriverProcess {
    process: Process,
    port: u16,
}

impl DriverProcess {
    /// Starts `binary` with `args(port)` and `env`, logging to `<log_dir>/<name>.log`, and
    /// waits until its `/status` says it is ready.
    fn start(
        name: &str,
        binary: &Path,
        args: impl FnOnce(u16) -> Vec<String>,
        env: &[(&str, String)],
        log_dir: &Path,
    ) -> Self {
        let port = free_port();
        let mut command = Command::new(binary);
        command.args(args(port));
        for (key, value) in env {
            command.env(key, value);
        }
        let log = log_dir.join(format!("{name}.log"));
        let process = Process::spawn(name, command, log, false);
        let mut driver = DriverProcess { process, port };
        driver.wait_ready(Duration::from_secs(20));
        driver
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn pid(&self) -> u32 {
        self.process.pid()
    }

    pub fn log_tail(&self) -> String {
        self.process.log_tail()
    }

    fn log_text(&self) -> String {
        self.process.log_text()
    }

    fn wait_ready(&mut self, timeout: Duration) {
        let name = self.process.name.clone();
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.process.exited() {
                panic!(
                    "{name} exited during startup ({status}); its log:\n{}",
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
                    "{name} on port {} not ready after {timeout:?}; its log:\n{}",
                    self.port,
                    self.log_tail()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// A virtual X display for WebKit: `Xvfb -displayfd 1 -screen 0 1280x1024x24`. With
/// `-displayfd` the server itself picks the first free display number (it checks the lock
/// files, so two suites never share one) and writes it to stdout once it accepts clients.
pub struct Xvfb {
    process: Process,
    display: u32,
}

impl Xvfb {
    fn start(log_dir: &Path) -> Self {
        let binary = locate("XVFB", DEFAULT_XVFB, "Xvfb (Debian package xvfb)");
        let mut command = Command::new(&binary);
        command.args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x1024x24",
            "-nolisten",
            "tcp",
        ]);
        let mut process = Process::spawn("Xvfb", command, log_dir.join("xvfb.log"), true);
        let stdout = process.child.stdout.take().expect("Xvfb stdout is piped");
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let _ = sender.send(line);
            // Keep the pipe drained (and open) until Xvfb exits.
            let _ = std::io::copy(&mut reader, &mut std::io::sink());
        });
        let line = receiver
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_default();
        let display = line.trim().parse::<u32>().unwrap_or_else(|_| {
            panic!(
                "Xvfb did not report a display number (got {line:?}, exited: {:?}); its log:\n{}",
                process.exited(),
                process.log_tail()
            )
        });
        Xvfb { process, display }
    }

    /// `:N`, for `DISPLAY`.
    pub fn display(&self) -> String {
        format!(":{}", self.display)
    }

    pub fn pid(&self) -> u32 {
        self.process.pid()
    }
}

/// Stands in for the rest of the network: Firefox and WebKit use this 127.0.0.1 listener as
/// their proxy for everything that is not 127.0.0.1 or localhost. It records what each
/// connection asked for (`GET http://example.com/ HTTP/1.1`, `CONNECT example.com:443
/// HTTP/1.1`, or a TLS handshake) and closes it without an answer, so the page sees a
/// network error.
pub struct Blackhole {
    port: u16,
    seen: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Blackhole {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("blackhole: bind 127.0.0.1:0");
        let port = listener.local_addr().expect("blackhole: address").port();
        listener
            .set_nonblocking(true)
            .expect("blackhole: non-blocking accept");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (seen, stop) = (seen.clone(), stop.clone());
            std::thread::Builder::new()
                .name(format!("blackhole-{port}"))
                .spawn(move || {
                    while !stop.load(Ordering::SeqCst) {
                        match listener.accept() {
                            Ok((stream, _)) => {
                                let seen = seen.clone();
                                std::thread::spawn(move || {
                                    let what = first_words(stream);
                                    seen.lock().unwrap().push(what);
                                });
                            }
                            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                                std::thread::sleep(Duration::from_millis(10))
                            }
                            Err(_) => break,
                        }
                    }
                })
                .expect("blackhole: spawn thread")
        };
        Blackhole {
            port,
            seen,
            stop,
            thread: Some(thread),
        }
    }

    /// `127.0.0.1:<port>`
    pub fn address(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// What every connection so far asked for, in order.
    pub fn seen(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

/// The request line of a proxy request, or a description of non-HTTP bytes.
fn first_words(stream: TcpStream) -> String {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut bytes = Vec::new();
    let mut chunk = [0u8; 2048];
    let mut reader = &stream;
    while bytes.len() < 4096 && !bytes.windows(2).any(|w| w == b"\r\n") {
        match reader.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => bytes.extend_from_slice(&chunk[..n]),
        }
    }
    let _ = stream.shutdown(std::net::Shutdown::Both);
    match bytes.first() {
        None => "(a connection that sent nothing)".into(),
        Some(0x16) => format!("(a TLS handshake, {} bytes)", bytes.len()),
        Some(_) => {
            let text = String::from_utf8_lossy(&bytes);
            text.lines()
                .next()
                .unwrap_or_default()
                .chars()
                .take(200)
                .collect()
        }
    }
}

impl Drop for Blackhole {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
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

// ----- per-engine settings ----------------------------------------------------------------

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

/// Firefox preferences for every test browser (on top of geckodriver's and Marionette's own
/// recommended ones): nothing but 127.0.0.1 is reachable, background traffic is off, and the
/// page's console goes to stdout (geckodriver's log), where `Browser::console` reads it.
pub fn firefox_prefs(blackhole: &str) -> Map<String, Value> {
    let (proxy_host, proxy_port) = blackhole.split_once(':').expect("host:port");
    let proxy_port: u16 = proxy_port.parse().expect("proxy port");
    let prefs: Vec<(&str, Value)> = vec![
        // Isolation: every request not for 127.0.0.1/localhost goes to the blackhole proxy,
        // never directly (no failover), and host names resolve to 127.0.0.1 anyway.
        ("network.proxy.type", json!(1)),
        ("network.proxy.http", json!(proxy_host)),
        ("network.proxy.http_port", json!(proxy_port)),
        ("network.proxy.ssl", json!(proxy_host)),
        ("network.proxy.ssl_port", json!(proxy_port)),
        ("network.proxy.share_proxy_settings", json!(true)),
        ("network.proxy.socks_remote_dns", json!(true)),
        ("network.proxy.no_proxies_on", json!("localhost, 127.0.0.1")),
        ("network.proxy.allow_hijacking_localhost", json!(false)),
        ("network.proxy.failover_direct", json!(false)),
        ("network.dns.forceResolve", json!("127.0.0.1")),
        ("network.trr.mode", json!(5)),
        ("network.dns.disablePrefetch", json!(true)),
        ("network.dns.disablePrefetchFromHTTPS", json!(true)),
        ("network.prefetch-next", json!(false)),
        ("network.predictor.enabled", json!(false)),
        ("network.http.speculative-parallel-limit", json!(0)),
        ("browser.urlbar.speculativeConnect.enabled", json!(false)),
        ("browser.places.speculativeConnect.enabled", json!(false)),
        ("network.captive-portal-service.enabled", json!(false)),
        ("network.connectivity-service.enabled", json!(false)),
        ("captivedetect.canonicalURL", json!("")),
        ("network.http.http3.enable", json!(false)),
        // Background traffic: updates, telemetry, studies, remote settings, safe browsing,
        // push, add-ons, media plugins, geolocation, region, certificate revocation.
        ("app.update.auto", json!(false)),
        ("app.update.disabledForTesting", json!(true)),
        ("app.normandy.enabled", json!(false)),
        ("app.normandy.api_url", json!("")),
        ("app.shield.optoutstudies.enabled", json!(false)),
        ("messaging-system.rsexperimentloader.enabled", json!(false)),
        ("datareporting.healthreport.uploadEnabled", json!(false)),
        ("datareporting.policy.dataSubmissionEnabled", json!(false)),
        ("toolkit.telemetry.enabled", json!(false)),
        ("toolkit.telemetry.unified", json!(false)),
        ("toolkit.telemetry.archive.enabled", json!(false)),
        ("toolkit.telemetry.server", json!("")),
        ("browser.ping-centre.telemetry", json!(false)),
        (
            "services.settings.server",
            json!("data:,#remote-settings-dummy/v1"),
        ),
        ("browser.safebrowsing.malware.enabled", json!(false)),
        ("browser.safebrowsing.phishing.enabled", json!(false)),
        ("browser.safebrowsing.downloads.enabled", json!(false)),
        (
            "browser.safebrowsing.downloads.remote.enabled",
            json!(false),
        ),
        ("browser.safebrowsing.blockedURIs.enabled", json!(false)),
        ("browser.safebrowsing.provider.mozilla.updateURL", json!("")),
        ("browser.safebrowsing.provider.google4.updateURL", json!("")),
        ("browser.search.update", json!(false)),
        ("browser.search.geoip.url", json!("")),
        ("browser.region.network.url", json!("")),
        ("browser.region.update.enabled", json!(false)),
        ("dom.push.connection.enabled", json!(false)),
        ("dom.push.serverURL", json!("")),
        ("extensions.update.enabled", json!(false)),
        ("extensions.getAddons.cache.enabled", json!(false)),
        ("extensions.blocklist.enabled", json!(false)),
        ("extensions.systemAddon.update.enabled", json!(false)),
        ("media.gmp-manager.updateEnabled", json!(false)),
        ("media.gmp-gmpopenh264.enabled", json!(false)),
        ("geo.provider.network.url", json!("")),
        ("security.OCSP.enabled", json!(0)),
        (
            "security.remote_settings.crlite_filters.enabled",
            json!(false),
        ),
        (
            "security.remote_settings.intermediates.enabled",
            json!(false),
        ),
        ("browser.newtabpage.enabled", json!(false)),
        ("browser.startup.homepage", json!("about:blank")),
        ("browser.startup.page", json!(0)),
        // The page's console on stdout (not the browser's own).
        ("devtools.console.stdout.content", json!(true)),
        ("devtools.console.stdout.chrome", json!(false)),
    ];
    prefs
        .into_iter()
        .map(|(name, value)| (name.to_string(), value))
        .collect()
}

/// The console lines Firefox wrote to stdout (`devtools.console.stdout.content`), as log
/// entries with chromedriver's levels: `console.error: …` and page script errors
/// (`JavaScript error: <url>, line N: …`) are SEVERE, warnings WARNING, the rest INFO.
/// Indented lines continue the entry before them. Errors of the browser's own code
/// (chrome:, resource:, moz-extension: URLs) are left out.
fn firefox_console(log: &str) -> Vec<BrowserLogEntry> {
    let mut entries: Vec<BrowserLogEntry> = Vec::new();
    let mut continuing = false;
    for line in log.lines() {
        if continuing && line.starts_with([' ', '\t']) {
            if let Some(last) = entries.last_mut() {
                last.message.push('\n');
                last.message.push_str(line.trim_end());
            }
            continue;
        }
        continuing = false;
        let (level, source, message) = if let Some(rest) = line.strip_prefix("console.") {
            let Some((method, message)) = rest.split_once(": ").or_else(|| {
                // `console.error:` with the message on the next lines.
                rest.strip_suffix(':').map(|m| (m, ""))
            }) else {
                continue;
            };
            let level = match method {
                "error" | "assert" => "SEVERE",
                "warn" => "WARNING",
                "debug" | "trace" => "DEBUG",
                _ => "INFO",
            };
            (level, "console-api", message)
        } else if let Some(message) = line.strip_prefix("JavaScript error: ") {
            ("SEVERE", "javascript", message)
        } else if let Some(message) = line.strip_prefix("JavaScript warning: ") {
            ("WARNING", "javascript", message)
        } else {
            continue;
        };
        if source == "javascript"
            && ["chrome:", "resource:", "moz-extension:", "moz-src:"]
                .iter()
                .any(|scheme| message.starts_with(scheme))
        {
            continue;
        }
        entries.push(BrowserLogEntry {
            level: level.to_string(),
            message: message.trim_end().to_string(),
            timestamp: 0,
            source: Some(source.to_string()),
        });
        continuing = true;
    }
    entries
}

// ----- the session ------------------------------------------------------------------------

/// A browser session (any engine) with the static server it browses.
///
/// Field order is drop order: session, then the driver (and the browser it started), then
/// Xvfb, then the blackhole, then the server, then the profile.
pub struct Browser {
    driver: WebDriver,
    engine: Engine,
    driver_process: DriverProcess,
    display: Option<Xvfb>,
    blackhole: Option<Blackhole>,
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
    /// Serves `$GUIDEPOST_DIST` and opens headless Chromium.
    pub async fn launch() -> Self {
        Self::launch_with(StaticServer::dist()).await
    }

    /// Opens headless Chromium for an already started server (e.g. one with extra pages).
    pub async fn launch_with(server: StaticServer) -> Self {
        Self::launch_engine(Engine::Chromium, server).await
    }

    /// Opens `engine` for an already started server.
    ///
    /// Binaries (environment variables override the defaults):
    /// - Chromium: `CHROME_BIN` (/usr/bin/chromium), `CHROMEDRIVER` (/usr/bin/chromedriver);
    /// - Firefox: `FIREFOX_BIN` (/usr/bin/firefox-esr), `GECKODRIVER` (`geckodriver` on PATH
    ///   or in ~/.cargo/bin);
    /// - WebKit: `WEBKIT_DRIVER` (/usr/bin/WebKitWebDriver), `MINIBROWSER`
    ///   (/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser), `XVFB` (`Xvfb` on PATH).
    pub async fn launch_engine(engine: Engine, server: StaticServer) -> Self {
        let profile = TempDir::new(&format!("guidepost-{}", engine.name().to_ascii_lowercase()));
        let (driver_process, display, blackhole, caps) = match engine {
            Engine::Chromium => {
                let (driver, caps) = chromium(profile.path());
                (driver, None, None, caps)
            }
            Engine::Firefox => {
                let blackhole = Blackhole::start();
                let (driver, caps) = firefox(profile.path(), &blackhole);
                (driver, None, Some(blackhole), caps)
            }
            Engine::WebKit => {
                let blackhole = Blackhole::start();
                let display = Xvfb::start(profile.path());
                let (driver, caps) = webkit(profile.path(), &display, &blackhole);
                (driver, Some(display), Some(blackhole), caps)
            }
        };
        // A browser that dies while starting can leave its driver waiting for good
        // (WebKitWebDriver does), so the session gets a deadline of its own.
        let created =
            tokio::time::timeout(SESSION_TIMEOUT, WebDriver::new(driver_process.url(), caps)).await;
        let driver = match created {
            Ok(Ok(driver)) => driver,
            Ok(Err(e)) => panic!(
                "could not open {engine} through {}: {e}\n{} log:\n{}",
                engine.driver_name(),
                engine.driver_name(),
                driver_process.log_tail()
            ),
            Err(_) => panic!(
                "{engine} did not open through {} within {SESSION_TIMEOUT:?}; processes left in \
                 the driver's group: {:?}\n{} log:\n{}",
                engine.driver_name(),
                describe_group(driver_process.pid()),
                engine.driver_name(),
                driver_process.log_tail()
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
        if engine != Engine::Chromium {
            // Chromium gets its size from --window-size.
            driver
                .set_window_rect(0, 0, WINDOW.0, WINDOW.1)
                .await
                .unwrap_or_else(|e| panic!("{engine}: set the window to {WINDOW:?}: {e}"));
        }
        Browser {
            driver,
            engine,
            driver_process,
            display,
            blackhole,
            server,
            console: Mutex::new(Vec::new()),
            _profile: profile,
        }
    }

    pub fn driver(&self) -> &WebDriver {
        &self.driver
    }

    pub fn engine(&self) -> Engine {
        self.engine
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
            panic!(
                "{}: navigate to {url}: {e}\nserved so far: {served:?}",
                self.engine
            );
        }
    }

    /// Runs a script and returns its JSON result, panicking with the script on error.
    pub async fn js(&self, script: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
        match self.driver.execute(script, args).await {
            Ok(ret) => ret.json().clone(),
            Err(e) => panic!(
                "script failed in {}: {e}\n--- script ---\n{script}",
                self.engine
            ),
        }
    }

    /// Everything the page logged to the console since the session started.
    /// - Chromium: chromedriver's log endpoint (accumulated: it hands each entry out once).
    /// - Firefox: the page's console lines in geckodriver's log (see `firefox_console`).
    /// - WebKit: WebKitWebDriver has no log endpoint, so always empty; pages that need their
    ///   console checked record it themselves (host::LISTEN_JS's `window.consoleLog`).
    pub async fn console(&self) -> Vec<BrowserLogEntry> {
        match self.engine {
            Engine::Chromium => {
                let fresh = self.driver.browser_log().await.unwrap_or_default();
                let mut all = self.console.lock().unwrap();
                all.extend(fresh);
                all.clone()
            }
            Engine::Firefox => firefox_console(&self.driver_process.log_text()),
            Engine::WebKit => Vec::new(),
        }
    }

    /// The console as readable lines, for failure messages.
    pub async fn console_text(&self) -> String {
        let lines: Vec<String> = self
            .console()
            .await
            .iter()
            .map(|e| format!("  [{}] {}", e.level, e.message))
            .collect();
        if !lines.is_empty() {
            lines.join("\n")
        } else if self.engine == Engine::WebKit {
            "  (WebKitWebDriver does not hand out the console)".into()
        } else {
            "  (console is empty)".into()
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

    /// What the browser tried to reach beyond 127.0.0.1 and localhost (Firefox and WebKit:
    /// the blackhole proxy's record; Chromium cannot resolve other names, so: empty).
    pub fn outside_requests(&self) -> Vec<String> {
        self.blackhole
            .as_ref()
            .map(Blackhole::seen)
            .unwrap_or_default()
    }

    /// The tail of the WebDriver server's log (it also holds Firefox's stdout).
    pub fn driver_log(&self) -> String {
        self.driver_process.log_tail()
    }

    /// The tail of the WebDriver server's log (named for the Chromium-only CDP helpers).
    pub fn chromedriver_log(&self) -> String {
        self.driver_log()
    }

    /// The pids of the processes this session started: the driver, and Xvfb for WebKit.
    pub fn pids(&self) -> Vec<u32> {
        let mut pids = vec![self.driver_process.pid()];
        pids.extend(self.display.as_ref().map(Xvfb::pid));
        pids
    }

    /// Ends the session cleanly, then stops the driver, Xvfb and the server.
    pub async fn quit(self) {
        let Browser { driver, .. } = self;
        let _ = driver.quit().await;
    }
}

/// chromedriver with `--allowed-ips=127.0.0.1`, and headless Chromium's capabilities.
fn chromium(profile: &Path) -> (DriverProcess, Capabilities) {
    let chromedriver = locate("CHROMEDRIVER", DEFAULT_CHROMEDRIVER, "chromedriver");
    let chrome = locate("CHROME_BIN", DEFAULT_CHROME, "chromium");
    let driver = DriverProcess::start(
        "chromedriver",
        &chromedriver,
        |port| {
            vec![
                format!("--port={port}"),
                "--allowed-ips=127.0.0.1".to_string(),
            ]
        },
        &[],
        profile,
    );
    let mut caps = DesiredCapabilities::chrome();
    caps.set_binary(&chrome.to_string_lossy())
        .expect("caps: binary");
    for arg in CHROME_ARGS {
        caps.add_arg(arg).expect("caps: arg");
    }
    let user_data = profile.join("profile");
    caps.add_arg(&format!("--user-data-dir={}", user_data.display()))
        .expect("caps: user-data-dir");
    caps.set_browser_log_level(LoggingPrefsLogLevel::All)
        .expect("caps: logging prefs");
    (driver, caps.into())
}

/// geckodriver (its profiles under ours, non-local connections refused) and headless
/// firefox-esr's capabilities with `firefox_prefs`.
fn firefox(profile: &Path, blackhole: &Blackhole) -> (DriverProcess, Capabilities) {
    let geckodriver = locate(
        "GECKODRIVER",
        DEFAULT_GECKODRIVER,
        "geckodriver (`cargo install --locked geckodriver --version 0.37.1`)",
    );
    let firefox = locate("FIREFOX_BIN", DEFAULT_FIREFOX, "firefox-esr");
    let profiles = profile.join("profiles");
    fs::create_dir_all(&profiles).expect("create the Firefox profile root");
    let root = profiles.display().to_string();
    let driver = DriverProcess::start(
        "geckodriver",
        &geckodriver,
        |port| {
            vec![
                "--port".to_string(),
                port.to_string(),
                "--host".to_string(),
                "127.0.0.1".to_string(),
                "--profile-root".to_string(),
                root,
            ]
        },
        &[
            ("MOZ_DISABLE_NONLOCAL_CONNECTIONS", "1".to_string()),
            ("MOZ_CRASHREPORTER_DISABLE", "1".to_string()),
        ],
        profile,
    );
    let caps = json!({
        "browserName": "firefox",
        "moz:firefoxOptions": {
            "binary": firefox.display().to_string(),
            "args": ["-headless"],
            "prefs": firefox_prefs(&blackhole.address()),
        },
    });
    (driver, capabilities(caps))
}

/// WebKitWebDriver on the Xvfb display, with a fresh HOME and XDG directories under the
/// profile and the blackhole as its proxy (environment variables, see the module docs), and
/// MiniBrowser's capabilities exactly as TOOLING.md gives them.
fn webkit(profile: &Path, display: &Xvfb, blackhole: &Blackhole) -> (DriverProcess, Capabilities) {
    let webdriver = locate(
        "WEBKIT_DRIVER",
        DEFAULT_WEBKIT_DRIVER,
        "WebKitWebDriver (Debian package webkit2gtk-driver)",
    );
    let minibrowser = locate(
        "MINIBROWSER",
        DEFAULT_MINIBROWSER,
        "MiniBrowser (Debian package webkit2gtk-driver)",
    );
    let home = profile.join("home");
    let dir = |name: &str| {
        let path = home.join(name);
        fs::create_dir_all(&path).expect("create a WebKit profile directory");
        path.display().to_string()
    };
    let proxy = format!("http://{}", blackhole.address());
    let env = [
        ("DISPLAY", display.display()),
        ("http_proxy", proxy.clone()),
        ("https_proxy", proxy.clone()),
        ("HTTP_PROXY", proxy.clone()),
        ("HTTPS_PROXY", proxy),
        ("no_proxy", "127.0.0.1,localhost".to_string()),
        ("NO_PROXY", "127.0.0.1,localhost".to_string()),
        ("HOME", dir("")),
        ("XDG_CONFIG_HOME", dir("config")),
        ("XDG_DATA_HOME", dir("data")),
        ("XDG_CACHE_HOME", dir("cache")),
        ("XDG_RUNTIME_DIR", dir("runtime")),
    ];
    let driver = DriverProcess::start(
        "WebKitWebDriver",
        &webdriver,
        |port| vec![format!("--port={port}"), "--host=local".to_string()],
        &env,
        profile,
    );
    let caps = json!({
        "browserName": "MiniBrowser",
        "webkitgtk:browserOptions": {
            "binary": minibrowser.display().to_string(),
            "args": ["--automation"],
        },
    });
    (driver, capabilities(caps))
}

fn capabilities(caps: Value) -> Capabilities {
    match caps {
        Value::Object(map) => Capabilities::from(map),
        _ => unreachable!("capabilities are an object"),
    }
}

#[cfg(test)]
mod tests {
    use super::firefox_console;

    #[test]
    fn firefox_console_lines_become_entries() {
        let log = "1796180098062\tMarionette\tINFO\tMarionette enabled\n\
                   console.error: \"boom\" ({a:1})\n\
                   console.warn: \"careful\"\n\
                   console.error: RSLoader: \n  Failed to retrieve\n  Stack:\n\
                   JavaScript error: http://127.0.0.1:1/, line 2: Error: uncaught\n\
                   JavaScript error: resource://gre/x.mjs, line 3: internal\n\
                   console.log: \"hi\"\n";
        let entries = firefox_console(log);
        let got: Vec<(&str, &str)> = entries
            .iter()
            .map(|e| (e.level.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("SEVERE", "\"boom\" ({a:1})"),
                ("WARNING", "\"careful\""),
                ("SEVERE", "RSLoader:\n  Failed to retrieve\n  Stack:"),
                ("SEVERE", "http://127.0.0.1:1/, line 2: Error: uncaught"),
                ("INFO", "\"hi\""),
            ]
        );
    }
}
