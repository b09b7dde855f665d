//! A static file server for the browser suite: serves a directory (normally `dist/`) on
//! 127.0.0.1 at a free port, plus any virtual pages a test adds (host pages with their own
//! headers, e.g. a Content-Security-Policy), and records every request it receives.

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, ErrorKind, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// One request as the server saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoggedRequest {
    pub method: String,
    /// Path and query, as sent (`/guidepost.js?v=1`).
    pub url: String,
    /// The `Host` header (empty when the client sent none).
    pub host: String,
}

/// A response defined in memory by a test, served instead of (or in addition to) a file.
#[derive(Clone, Debug)]
pub struct Page {
    pub status: u16,
    pub content_type: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Held back this long before answering (a stalled download).
    pub delay: Option<Duration>,
}

impl Page {
    /// An HTML page (`text/html; charset=utf-8`).
    pub fn html(body: impl Into<String>) -> Self {
        Page {
            status: 200,
            content_type: "text/html; charset=utf-8".into(),
            headers: Vec::new(),
            body: body.into().into_bytes(),
            delay: None,
        }
    }

    /// Any body with an explicit content type.
    pub fn new(content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Page {
            status: 200,
            content_type: content_type.into(),
            headers: Vec::new(),
            body: body.into(),
            delay: None,
        }
    }

    /// A response with another status (e.g. 503 for a failed download).
    pub fn status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }

    /// Answers only after `delay` (a download that stalls).
    pub fn delayed(mut self, delay: Duration) -> Self {
        self.delay = Some(delay);
        self
    }

    /// Adds a response header (e.g. `Content-Security-Policy`).
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

#[derive(Default)]
struct Shared {
    log: Mutex<Vec<LoggedRequest>>,
    pages: Mutex<HashMap<String, Page>>,
}

/// Serves `root` until dropped.
pub struct StaticServer {
    root: PathBuf,
    port: u16,
    shared: Arc<Shared>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// The directory named by `$GUIDEPOST_DIST` (default `dist`, relative to the crate root).
    pub fn dist_dir() -> PathBuf {
        let dir = std::env::var_os("GUIDEPOST_DIST")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("dist"));
        let dir = if dir.is_absolute() {
            dir
        } else {
            Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)
        };
        assert!(
            dir.join("index.html").is_file(),
            "GUIDEPOST_DIST={} has no index.html: build it first with `make dist`",
            dir.display()
        );
        dir
    }

    /// Serves `$GUIDEPOST_DIST`.
    pub fn dist() -> Self {
        Self::start(Self::dist_dir())
    }

    /// Serves `root` on 127.0.0.1 at a free port chosen by the OS.
    pub fn start(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        let listener = TcpListener::bind("127.0.0.1:0").expect("static server: bind 127.0.0.1:0");
        let port = listener
            .local_addr()
            .expect("static server: local address")
            .port();
        listener
            .set_nonblocking(true)
            .expect("static server: non-blocking accept");
        let shared = Arc::new(Shared::default());
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (shared, stop, root) = (shared.clone(), stop.clone(), root.clone());
            std::thread::Builder::new()
                .name(format!("static-server-{port}"))
                .spawn(move || serve(&listener, &shared, &stop, &root))
                .expect("static server: spawn thread")
        };
        StaticServer {
            root,
            port,
            shared,
            stop,
            thread: Some(thread),
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `http://127.0.0.1:<port>`
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Absolute URL for a path on this server (`url("/index.html")`).
    pub fn url(&self, path: &str) -> String {
        let path = path.strip_prefix('/').unwrap_or(path);
        format!("{}/{}", self.origin(), path)
    }

    /// Serves `page` at `path` (exact match on the path, query ignored); overrides files.
    pub fn add_page(&self, path: &str, page: Page) {
        let path = if path.starts_with('/') {
            path.to_string()
        } else {
            format!("/{path}")
        };
        self.shared.pages.lock().unwrap().insert(path, page);
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.shared.log.lock().unwrap().clone()
    }

    pub fn clear_requests(&self) {
        self.shared.log.lock().unwrap().clear();
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Accepts connections until stopped; each connection is answered on a thread of its own
/// with one response and `Connection: close`. (A plain std server: with tiny_http, page
/// loads now and then stalled on a request that never reached the handler.)
fn serve(listener: &TcpListener, shared: &Arc<Shared>, stop: &AtomicBool, root: &Path) {
    while !stop.load(Ordering::SeqCst) {
        match listener.accept() {
            Ok((stream, _)) => {
                let (shared, root) = (shared.clone(), root.to_path_buf());
                std::thread::spawn(move || answer(stream, &shared, &root));
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(5))
            }
            Err(_) => break,
        }
    }
}

fn answer(stream: TcpStream, shared: &Shared, root: &Path) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
        return;
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_string();
    let url = parts.next().unwrap_or("/").to_string();
    let mut host = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("host") {
                host = value.trim().to_string();
            }
        }
    }
    shared.log.lock().unwrap().push(LoggedRequest {
        method,
        url: url.clone(),
        host,
    });

    let path = url.split(['?', '#']).next().unwrap_or("/").to_string();
    let page = shared.pages.lock().unwrap().get(&path).cloned();
    let page = page.unwrap_or_else(|| file_page(root, &path));
    // Chromium asks every site for /favicon.ico; a host site would have one. Answer a
    // missing one with 204 so it is not reported as a console error in every test.
    let page = if page.status == 404 && path == "/favicon.ico" {
        Page {
            status: 204,
            ..Page::new("image/x-icon", Vec::new())
        }
    } else {
        page
    };
    if let Some(delay) = page.delay {
        std::thread::sleep(delay);
    }
    let reason = match page.status {
        200 => "OK",
        204 => "No Content",
        404 => "Not Found",
        503 => "Service Unavailable",
        _ => "Status",
    };
    let mut head = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        page.status,
        page.content_type,
        page.body.len()
    );
    for (name, value) in &page.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut stream = &stream;
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&page.body);
    let _ = stream.flush();
}

/// The file for a URL path under `root` (directories serve their `index.html`), or a 404.
fn file_page(root: &Path, url_path: &str) -> Page {
    let not_found = || Page {
        status: 404,
        content_type: "text/plain; charset=utf-8".into(),
        headers: Vec::new(),
        body: format!("404 not found: {url_path}\n").into_bytes(),
        delay: None,
    };
    let decoded = percent_decode(url_path);
    let relative = Path::new(decoded.trim_start_matches('/'));
    // Only plain path segments: no `..`, no absolute paths, no prefixes.
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return not_found();
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    match fs::read(&file) {
        Ok(body) => Page::new(content_type(&file), body),
        Err(_) => not_found(),
    }
}

/// Content type by file extension.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
