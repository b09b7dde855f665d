//! The browser suites, one crate: the built widget (`$GUIDEPOST_DIST`, default `dist/`) in
//! headless Chromium driven through chromedriver, against the contract in DESIGN.md; the
//! `engines` suite also runs it in Firefox (geckodriver) and WebKit (WebKitWebDriver).
//!
//! Run with `make test`, or after `make dist`:
//!   GUIDEPOST_DIST=$PWD/dist cargo test --test browser -- --ignored --test-threads=1
//! Needs /usr/bin/chromium, /usr/bin/chromedriver (override with CHROME_BIN / CHROMEDRIVER)
//! and node_modules/axe-core; the engines suite also /usr/bin/firefox-esr and geckodriver
//! (FIREFOX_BIN / GECKODRIVER), /usr/bin/WebKitWebDriver, WebKitGTK's MiniBrowser and Xvfb
//! (WEBKIT_DRIVER / MINIBROWSER / XVFB). `make setup-browser` installs them all.
//!
//! Suites: `quiz` (the standalone page: stories by mouse and keyboard, the explained result,
//! network isolation, axe-core, languages), `embedding` (host pages: events, CSP, iframes,
//! SPAs, themes, resume, share links, the offline file), `hardening` (what bad input
//! gets), `reliability` (hostile and strict host pages, failed and stalled downloads, override
//! limits, memory over 1,000 mounts), `sites` (the custom element, the call to action, React
//! and Vue) and `engines` (Firefox and WebKit, each: the stories by mouse and by keyboard, the
//! Turkish page, the embed pages and their events, resume after a reload, network isolation).
//! Shared support, compiled once: `server` (static server and request log), `driver`
//! (the `Engine`s, their WebDriver servers and a browser session), `widget` (the shadow-root
//! helpers and the mouse and keyboard drivers), `page` (host-page scripts, the event log),
//! `host` (hardening's host pages and in-page recorder), `axe`, `cdp`.
mod axe;
mod cdp;
mod driver;
mod host;
mod page;
mod server;
mod widget;

mod embedding;
mod engines;
mod hardening;
mod quiz;
mod reliability;
mod sites;
