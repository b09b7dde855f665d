//! Engines suite: the widget in Firefox (Gecko, through geckodriver) and WebKit (WebKitGTK's
//! MiniBrowser through WebKitWebDriver, under Xvfb), the other two engines DESIGN.md says
//! visitors use. Chromium runs every other suite; here each engine gets:
//! - the stories by mouse, and by keyboard alone (no pointer event at all);
//! - the standalone page in Turkish (`data-lang="tr"`), Turkish on screen up to the result;
//! - the embed pages: `<guidepost-assessment>` and `[data-guidepost]` on host pages, with
//!   their `guidepost:ready` and `guidepost:complete` events and no console errors;
//! - resume: answers kept across a reload, Continue restores them, the story completes;
//! - network isolation: nothing beyond 127.0.0.1 is reached (see driver.rs), and every test
//!   ends by checking that the browser did not even try.
//!
//! One test per story per engine (`firefox_…`, `webkit_…`), sharing a body that takes the
//! `Engine`:
//!   GUIDEPOST_DIST=$PWD/dist cargo test --test browser engines -- --ignored --test-threads=1

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::driver::{group_members, Browser, Engine};
use crate::host::{host_page, server_with};
use crate::page::{detail_answers, event_log, saved_progress, story_answers, wait_events};
use crate::server::{Page, StaticServer};
use crate::widget::{
    check_keyboard_story, check_story, Input, Outcome, Story, Widget, COACHING_STORY,
    COMBINED_STORY, MENTORING_STORY, QUESTIONS, STORIES,
};

const CUSTOM_ELEMENT_PAGE: &str = "/engines/custom-element.html";
const DATA_ATTRIBUTE_PAGE: &str = "/engines/data-guidepost.html";
const RESUME_PAGE: &str = "/engines/resume.html";
const TURKISH_PAGE: &str = "/tr.html";

/// The standalone page's markup with `data-lang="tr"` on its widget (as quiz.rs's
/// language test builds it: the dist page's own assets, one Turkish widget).
const TURKISH_HTML: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Türkçe</title></head>
<body><main><div data-guidepost="tr" data-lang="tr"></div></main>
<script type="module" src="guidepost.js"></script></body></html>"#;

/// Every page this suite opens, on one server.
fn server() -> StaticServer {
    let server = server_with(vec![
        (
            CUSTOM_ELEMENT_PAGE,
            host_page(
                "The custom element",
                "<main><guidepost-assessment id=\"ce\" cta-url=\"/thanks.html\" \
                 cta-label=\"Book a conversation\"></guidepost-assessment></main>",
            ),
        ),
        (
            DATA_ATTRIBUTE_PAGE,
            host_page(
                "The data attribute",
                "<main><div data-guidepost=\"embed\" data-cta-url=\"/thanks.html\" \
                 data-cta-label=\"Book a conversation\"></div></main>",
            ),
        ),
        (
            RESUME_PAGE,
            host_page("Resume", "<main><div data-guidepost></div></main>"),
        ),
    ]);
    server.add_page(TURKISH_PAGE, Page::html(TURKISH_HTML));
    server
}

async fn launch(engine: Engine) -> Browser {
    Browser::launch_engine(engine, server()).await
}

/// Ends a test: the browser never tried to reach anything beyond 127.0.0.1, and every
/// request the server saw was for 127.0.0.1; then the session is closed.
async fn finish(browser: Browser) {
    let engine = browser.engine();
    let outside = browser.outside_requests();
    assert!(
        outside.is_empty(),
        "{engine} tried to reach beyond 127.0.0.1 (the blackhole proxy saw): {outside:#?}"
    );
    let host = browser.server.origin().replace("http://", "");
    let elsewhere: Vec<_> = browser
        .server
        .requests()
        .into_iter()
        .filter(|r| r.host != host)
        .collect();
    assert!(
        elsewhere.is_empty(),
        "{engine}: requests with a Host other than {host}: {elsewhere:#?}"
    );
    browser.quit().await;
}

/// Console errors the engine's driver hands out (Chromium and Firefox; WebKit hands out none).
async fn console_errors(browser: &Browser) -> Vec<String> {
    browser
        .console_errors()
        .await
        .into_iter()
        .filter(|m| !m.contains("favicon.ico"))
        .collect()
}

/// `window.consoleLog` of a host page (host::LISTEN_JS): its errors and uncaught exceptions.
async fn page_console_errors(browser: &Browser) -> Vec<Value> {
    let log = browser
        .js("return window.consoleLog || null;", vec![])
        .await;
    let log = log
        .as_array()
        .unwrap_or_else(|| panic!("window.consoleLog is missing: is listen.js on this page?"));
    log.iter()
        .filter(|e| e["level"] != json!("warn"))
        .cloned()
        .collect()
}

// ----- stories by mouse ----------------------------------------------------------------

async fn stories_by_mouse(engine: Engine) {
    let browser = launch(engine).await;
    for story in &STORIES {
        let widget = Widget::open_fresh(&browser, "/").await;
        let got = widget.complete(Input::Mouse, story).await;
        check_story(story, Input::Mouse, &got);
    }
    let errors = console_errors(&browser).await;
    assert!(errors.is_empty(), "{engine}: console errors: {errors:#?}");
    finish(browser).await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn firefox_stories_by_mouse() {
    stories_by_mouse(Engine::Firefox).await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn webkit_stories_by_mouse() {
    stories_by_mouse(Engine::WebKit).await;
}

// ----- stories by keyboard alone -------------------------------------------------------

async fn stories_by_keyboard(engine: Engine) {
    let browser = launch(engine).await;
    for story in &STORIES {
        check_keyboard_story(&browser, story).await;
    }
    let errors = console_errors(&browser).await;
    assert!(errors.is_empty(), "{engine}: console errors: {errors:#?}");
    finish(browser).await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn firefox_stories_by_keyboard() {
    stories_by_keyboard(Engine::Firefox).await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn webkit_stories_by_keyboard() {
    stories_by_keyboard(Engine::WebKit).await;
}

// ----- Turkish --------------------------------------------------------------------------

/// The widget's language (`.gp[lang]`) and the visible text of the first `css` match
/// (`null` when there is none or it is not visible).
async fn shown(widget: &Widget<'_>, css: &str) -> (String, Option<String>) {
    let got = widget
        .js(
            "const e = first(arguments[0]);
             const gp = root.querySelector('.gp');
             return [gp ? gp.getAttribute('lang') : '', visible(e) ? e.textContent.trim() : null];",
            vec![json!(css)],
        )
        .await;
    serde_json::from_value(got.clone()).unwrap_or_else(|e| panic!("[lang, text] {got}: {e}"))
}

async fn turkish_widget(engine: Engine) {
    let turkish = guidepost::content::builtin("tr").expect("Turkish is compiled in natively");
    let browser = launch(engine).await;
    let widget = Widget::open(&browser, TURKISH_PAGE).await;
    let (lang, title) = shown(&widget, "h2").await;
    assert_eq!(
        (lang.as_str(), title.as_deref()),
        ("tr", Some(&*turkish.intro.title)),
        "{engine}: the Turkish page's visible title"
    );
    widget.start(Input::Mouse).await;
    widget.wait_question(QUESTIONS[0]).await;
    let (_, prompt) = shown(&widget, "[data-question] h3").await;
    assert_eq!(
        prompt.as_deref(),
        Some(&*turkish.questions[0].prompt),
        "{engine}: the first question, in Turkish"
    );
    // The rest of the mentoring story, then the Turkish result.
    for (question, choices) in MENTORING_STORY.answers {
        widget.answer(Input::Mouse, question, choices).await;
    }
    let got = widget.outcome().await;
    check_story(&MENTORING_STORY, Input::Mouse, &got);
    let (_, headline) = shown(&widget, "[data-outcome] h3").await;
    assert_eq!(
        headline.as_deref(),
        Some(&*turkish.outcomes.mentoring.headline),
        "{engine}: the result's headline, in Turkish"
    );
    let requested = |path: &str| {
        browser
            .server
            .requests()
            .iter()
            .filter(|r| r.url.split('?').next() == Some(path))
            .count()
    };
    assert_eq!(
        (
            requested("/guidepost-core-tr_bg.wasm"),
            requested("/guidepost-core_bg.wasm")
        ),
        (1, 0),
        "{engine}: a Turkish page loads the Turkish core build only"
    );
    let errors = console_errors(&browser).await;
    assert!(errors.is_empty(), "{engine}: console errors: {errors:#?}");
    finish(browser).await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn firefox_turkish_widget() {
    turkish_widget(Engine::Firefox).await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn webkit_turkish_widget() {
    turkish_widget(Engine::WebKit).await;
}

// ----- embed pages ------------------------------------------------------------------------

/// `window.guidepostLog` as host::LISTEN_JS records it (type, target, bubbles, composed,
/// custom, detail).
async fn recorded(browser: &Browser) -> Vec<Value> {
    let v = browser
        .js("return window.guidepostLog || null;", vec![])
        .await;
    v.as_array()
        .cloned()
        .unwrap_or_else(|| panic!("window.guidepostLog is missing: is listen.js on this page?"))
}

/// Opens a host page, waits for `guidepost:ready`, completes `story` by mouse and checks the
/// `guidepost:complete` event against the result shown: bubbling, composed CustomEvents on
/// the host element `target`, and no console errors on the page.
async fn embed_page(browser: &Browser, path: &str, host_css: &str, target: &str, story: &Story) {
    let engine = browser.engine();
    browser.goto_path(path).await;
    let widget = Widget::at(browser, host_css);
    widget.wait_ready().await;
    let ready = wait_events(browser, "guidepost:ready", None, 1).await;
    assert_eq!(
        (&ready[0].detail["version"], &ready[0].detail["lang"]),
        (&json!(1), &json!("en")),
        "{engine} {path}: ready detail {}",
        ready[0].detail
    );
    let shown: Outcome = widget.complete(Input::Mouse, story).await;
    check_story(story, Input::Mouse, &shown);
    let complete = wait_events(browser, "guidepost:complete", None, 1).await;
    let detail = &complete[0].detail;
    assert_eq!(
        (&detail["outcome"], &detail["scores"]),
        (
            &json!(shown.outcome),
            &json!({"coaching": shown.coaching, "mentoring": shown.mentoring})
        ),
        "{engine} {path}: complete detail vs the result shown ({shown:?}): {detail}"
    );
    assert_eq!(
        detail_answers(detail),
        story_answers(story),
        "{engine} {path}: complete detail.answers: {detail}"
    );
    assert_eq!(
        complete.len(),
        1,
        "{engine} {path}: one complete event: {:?}",
        event_log(browser).await
    );
    for event in recorded(browser).await {
        assert_eq!(
            (
                &event["target"],
                &event["bubbles"],
                &event["composed"],
                &event["custom"]
            ),
            (&json!(target), &json!(true), &json!(true), &json!(true)),
            "{engine} {path}: every event a bubbling, composed CustomEvent on {target}: {event}"
        );
    }
    let problems = page_console_errors(browser).await;
    assert!(
        problems.is_empty(),
        "{engine} {path}: console errors on the host page: {problems:#?}"
    );
}

async fn embed_pages(engine: Engine) {
    let browser = launch(engine).await;
    embed_page(
        &browser,
        CUSTOM_ELEMENT_PAGE,
        "guidepost-assessment",
        "#ce",
        &COMBINED_STORY,
    )
    .await;
    embed_page(
        &browser,
        DATA_ATTRIBUTE_PAGE,
        "[data-guidepost]",
        "[data-guidepost=\"embed\"]",
        &COACHING_STORY,
    )
    .await;
    finish(browser).await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn firefox_embed_pages() {
    embed_pages(Engine::Firefox).await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn webkit_embed_pages() {
    embed_pages(Engine::WebKit).await;
}

// ----- resume -----------------------------------------------------------------------------

async fn resume_after_reload(engine: Engine) {
    let browser = launch(engine).await;
    browser.goto_path(RESUME_PAGE).await;
    let widget = Widget::nth(&browser, 0);
    widget.wait_ready().await;
    assert!(
        saved_progress(&browser).await.is_empty(),
        "{engine}: fresh profile, nothing saved"
    );
    widget.start(Input::Mouse).await;
    let answered = &COACHING_STORY.answers[..3];
    for (question, choices) in answered {
        widget.answer(Input::Mouse, question, choices).await;
    }
    widget.wait_question(QUESTIONS[3]).await;
    // One widget, one saved entry (its key's exact form is embedding.rs's business).
    let saved = saved_progress(&browser).await;
    assert_eq!(
        saved.len(),
        1,
        "{engine}: progress saved under one guidepost: key: {saved:?}"
    );

    browser.driver().refresh().await.expect("reload");
    widget.wait_ready().await;
    // The start panel offers to continue, with a visible control that forgets.
    let label = widget
        .wait_for(
            "the start panel with Continue and a visible forget control after the reload",
            "const start = first('[data-action=\"start\"]');
             if (!visible(start) || !visible(first('[data-action=\"forget\"]'))) return null;
             return start.textContent.trim();",
            vec![],
        )
        .await;
    assert!(
        label.as_str().unwrap_or("").starts_with("Continue"),
        "{engine}: the start control should offer to continue, it says {label}"
    );
    widget.click_action("start").await;
    widget.wait_question(QUESTIONS[3]).await;
    // Every earlier answer is back.
    for (question, choices) in answered.iter().rev() {
        widget.click_action("back").await;
        widget.wait_question(question).await;
        let mut want: Vec<String> = choices.iter().map(|c| c.to_string()).collect();
        want.sort();
        let mut got = widget.chosen(question).await;
        got.sort();
        assert_eq!(
            got, want,
            "{engine}: after resuming, `{question}` keeps its answer"
        );
    }
    // Forward through the restored answers, then the rest of the story.
    for (question, _) in answered {
        widget.wait_question(question).await;
        widget.click_action("next").await;
    }
    for (question, choices) in &COACHING_STORY.answers[3..] {
        widget.answer(Input::Mouse, question, choices).await;
    }
    let got = widget.outcome().await;
    check_story(&COACHING_STORY, Input::Mouse, &got);
    let problems = page_console_errors(&browser).await;
    assert!(
        problems.is_empty(),
        "{engine}: console errors on the host page: {problems:#?}"
    );
    finish(browser).await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn firefox_resume_after_reload() {
    resume_after_reload(Engine::Firefox).await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn webkit_resume_after_reload() {
    resume_after_reload(Engine::WebKit).await;
}

// ----- network isolation ------------------------------------------------------------------

/// What a `fetch` of `url` from the page came to: `reached` or `blocked: <error>`.
async fn try_fetch(browser: &Browser, url: &str) -> String {
    let ret = browser
        .driver()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(arguments[0], {mode: 'no-cors', cache: 'no-store'})
               .then(() => done('reached'), (e) => done('blocked: ' + e));",
            vec![json!(url)],
        )
        .await
        .unwrap_or_else(|e| panic!("fetch {url}: {e}"));
    ret.json().as_str().unwrap_or_default().to_string()
}

async fn network_isolation(engine: Engine) {
    let browser = launch(engine).await;
    let widget = Widget::open_fresh(&browser, "/").await;
    widget.start(Input::Mouse).await;
    widget.wait_question(QUESTIONS[0]).await;
    let background = browser.outside_requests();
    assert!(
        background.is_empty(),
        "{engine}: background traffic beyond 127.0.0.1 while the widget loaded: {background:#?}"
    );
    if engine != Engine::WebKit {
        // The console checks of this suite read what the driver hands out: make sure it does.
        browser
            .js("console.error('guidepost-engines-console-probe');", vec![])
            .await;
        let deadline = Instant::now() + Duration::from_secs(5);
        while !console_errors(&browser)
            .await
            .iter()
            .any(|m| m.contains("guidepost-engines-console-probe"))
        {
            assert!(
                Instant::now() < deadline,
                "{engine}: a console.error never reached Browser::console(): {}",
                browser.console_text().await
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    for url in ["http://example.com/", "https://example.com/"] {
        let got = try_fetch(&browser, url).await;
        assert!(
            got.starts_with("blocked"),
            "{engine}: {url} must not be reachable from the test browser: {got}"
        );
    }
    // Both attempts ended at the blackhole, and nothing else did. The proxy may record an
    // attempt a moment after the browser gave up on it (seen with WebKit's CONNECT).
    let attempts = ["GET http://example.com/ ", "CONNECT example.com:443 "];
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut outside = browser.outside_requests();
    while Instant::now() < deadline
        && !attempts
            .iter()
            .all(|attempt| outside.iter().any(|r| r.starts_with(attempt)))
    {
        tokio::time::sleep(Duration::from_millis(100)).await;
        outside = browser.outside_requests();
    }
    for attempt in attempts {
        assert!(
            outside.iter().any(|r| r.starts_with(attempt)),
            "{engine}: `{attempt}…` should have reached the blackhole proxy: {outside:#?}"
        );
    }
    let unexpected: Vec<_> = outside
        .iter()
        .filter(|r| !r.contains("example.com"))
        .collect();
    assert!(
        unexpected.is_empty(),
        "{engine}: other attempts beyond 127.0.0.1: {unexpected:#?}"
    );
    let host = browser.server.origin().replace("http://", "");
    let log = browser.server.requests();
    assert!(
        log.iter().any(|r| r.url.ends_with(".wasm")),
        "{engine}: the wasm came from the test server: {log:#?}"
    );
    assert!(
        log.iter().all(|r| r.host == host),
        "{engine}: every request to the server was for {host}: {log:#?}"
    );
    // The driver (and Xvfb) and everything they started end with the session.
    let groups = browser.pids();
    browser.quit().await;
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let left: Vec<(u32, Vec<u32>)> = groups
            .iter()
            .map(|&pgid| (pgid, group_members(pgid)))
            .filter(|(_, members)| !members.is_empty())
            .collect();
        if left.is_empty() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{engine}: processes left after the session ended (process group → pids): {left:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn firefox_network_stays_on_127_0_0_1() {
    network_isolation(Engine::Firefox).await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn webkit_network_stays_on_127_0_0_1() {
    network_isolation(Engine::WebKit).await;
}
