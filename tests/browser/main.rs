//! The browser suites, one crate: the built widget (`$GUIDEPOST_DIST`, default `dist/`) in
//! headless Chromium driven through chromedriver, against the contract in DESIGN.md.
//!
//! Run with `make test`, or after `make dist`:
//!   GUIDEPOST_DIST=$PWD/dist cargo test --test browser -- --ignored --test-threads=1
//! Needs /usr/bin/chromium, /usr/bin/chromedriver (override with CHROME_BIN / CHROMEDRIVER)
//! and node_modules/axe-core (`make setup-browser`).
//!
//! Suites: `quiz` (the standalone page: stories by mouse and keyboard, the explained result,
//! network isolation, axe-core, languages), `embedding` (host pages: events, CSP, iframes,
//! SPAs, themes, resume, share links, the offline file) and `hardening` (what bad input
//! gets). Shared support, compiled once: `server` (static server and request log), `driver`
//! (chromedriver and a Chromium session), `widget` (the shadow-root helpers and the mouse
//! and keyboard drivers), `page` (host-page scripts, the event log), `host` (hardening's host
//! pages and in-page recorder), `axe`, `cdp`.
mod axe;
mod cdp;
mod driver;
mod host;
mod page;
mod server;
mod widget;

mod embedding;
mod hardening;
mod quiz;
mod sites;
