//! Quiz suite: the standalone page against the contract in DESIGN.md (test hooks, ids).
//! New tests: `let browser = Browser::launch().await;` (or `Browser::launch_with(server)`
//! after `server.add_page(...)` for custom host pages), `Widget::open(&browser, "/")`, and end
//! with `browser.quit().await`.

use crate::axe;
use crate::cdp;
use crate::driver;

use serde_json::json;

use crate::driver::Browser;
use crate::server::{Page, StaticServer};
use crate::widget::{
    check_keyboard_story, check_story, Input, Widget, COACHING_STORY, COMBINED_STORY,
    MENTORING_STORY, NEAR_THE_LINE_STORY, QUESTIONS, STORIES,
};

// ----- harness self-checks (no widget UI needed) ----------------------------------------

/// Raw GET against the static server: (status line, headers, body).
fn raw_get(port: u16, path: &str, host: &str) -> (String, String, Vec<u8>) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let split = buf.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&buf[..split]).to_string();
    let (status, headers) = head.split_once("\r\n").unwrap_or((&head, ""));
    (
        status.to_string(),
        headers.to_lowercase(),
        buf[split + 4..].to_vec(),
    )
}

#[test]
fn harness_static_server_types_log_and_pages() {
    let dir = driver::TempDir::new("guidepost-server-test");
    for (name, body) in [
        ("index.html", "<!doctype html>"),
        ("guidepost.js", "export {}"),
        ("guidepost-core_bg.wasm", "\0asm"),
        ("content/en.json", "{}"),
        ("styles.css", "p{}"),
    ] {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, body).unwrap();
    }
    let server = StaticServer::start(dir.path());
    let port = server.port();
    let host = format!("127.0.0.1:{port}");
    for (path, ty) in [
        ("/", "text/html"),
        ("/index.html", "text/html"),
        ("/guidepost.js", "text/javascript"),
        ("/guidepost-core_bg.wasm", "application/wasm"),
        ("/content/en.json?v=1", "application/json"),
        ("/styles.css", "text/css"),
    ] {
        let (status, headers, _) = raw_get(port, path, &host);
        assert!(status.contains("200"), "{path}: {status}");
        assert!(
            headers.contains(&format!("content-type: {ty}")),
            "{path}: expected {ty}, headers:\n{headers}"
        );
    }
    for path in ["/missing.js", "/../Cargo.toml", "/%2e%2e/Cargo.toml"] {
        let (status, _, _) = raw_get(port, path, &host);
        assert!(status.contains("404"), "{path} must be 404, got {status}");
    }
    server.add_page(
        "/csp.html",
        Page::html("<p>hi</p>").header("Content-Security-Policy", "script-src 'self'"),
    );
    let (_, headers, body) = raw_get(port, "/csp.html", &host);
    assert!(headers.contains("content-security-policy: script-src 'self'"));
    assert_eq!(body, b"<p>hi</p>");
    let (_, _, _) = raw_get(port, "/x", "elsewhere.example");
    let log = server.requests();
    assert_eq!(log.len(), 11, "{log:#?}");
    assert_eq!(log[0].url, "/");
    assert_eq!(log[0].host, host);
    assert_eq!(log.last().unwrap().host, "elsewhere.example");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn harness_browser_serves_dist_and_isolates_network() {
    let browser = Browser::launch().await;
    browser.goto_path("/").await;
    // Files arrive with the types browsers insist on (wasm streaming needs application/wasm).
    // One URL at a time: Chromium parks a second in-flight request for the same URL.
    let types = browser
        .driver()
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               const urls = [...document.querySelectorAll('script[src], link[href]')]
                 .map(e => e.getAttribute('src') || e.getAttribute('href'))
                 .concat(performance.getEntriesByType('resource').map(e => e.name))
                 .map(u => new URL(u, location.href))
                 .filter(u => !u.pathname.endsWith('favicon.ico'))
                 .map(u => u.href);
               (async () => {
                 const out = [];
                 for (const u of new Set(urls)) {
                   const r = await fetch(u, {cache: 'no-store'});
                   await r.arrayBuffer();
                   out.push([new URL(u).pathname, r.status, r.headers.get('content-type')]);
                 }
                 return out;
               })().then(done, e => done(String(e)));"#,
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("fetching the page's resources again failed: {e}"));
    for entry in types.json().as_array().expect("fetch results") {
        let (path, status, ty) = (entry[0].as_str().unwrap(), &entry[1], entry[2].as_str());
        assert_eq!(status, &json!(200), "{path} status");
        let want = match path.rsplit('.').next() {
            Some("wasm") => "application/wasm",
            Some("js") => "text/javascript",
            Some("json") => "application/json",
            Some("css") => "text/css",
            _ => continue,
        };
        assert!(
            ty.unwrap_or("").starts_with(want),
            "{path}: served as {ty:?}, want {want}"
        );
    }
    // Other hosts do not resolve.
    let external = browser
        .driver()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch('http://example.com/', {mode: 'no-cors'}).then(() => done('reached'), e => done('blocked: ' + e));",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        external
            .json()
            .as_str()
            .unwrap_or("")
            .starts_with("blocked"),
        "example.com must not be reachable from the test browser: {}",
        external.json()
    );
    // axe-core loads and runs.
    axe::inject(&browser).await;
    let version = browser.js("return axe.version;", vec![]).await;
    assert!(
        version.as_str().unwrap_or("").starts_with('4'),
        "axe {version}"
    );
    let _ = axe::violations(&browser).await;
    // Every request hit this server on 127.0.0.1.
    let origin = browser.server.origin();
    let host = origin.trim_start_matches("http://").to_string();
    let log = browser.server.requests();
    assert!(!log.is_empty());
    assert!(log.iter().all(|r| r.host == host), "{log:#?}");
    browser.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn harness_reaches_into_the_shadow_root() {
    let browser = Browser::launch().await;
    let widget = Widget::open(&browser, "/").await;
    let mode = widget
        .js(
            "return host.shadowRoot ? host.shadowRoot.mode : null;",
            vec![],
        )
        .await;
    assert_eq!(
        mode,
        json!("open"),
        "the widget must render into an open shadow root"
    );
    let hook = widget
        .shadow("[data-action],[data-question],[data-outcome],[data-row]")
        .await
        .expect("a test hook inside the shadow root");
    let tag = hook.tag_name().await.unwrap();
    assert!(!tag.is_empty());
    let focus = widget.focus().await;
    assert!(!focus.tag.is_empty());
    browser.quit().await;
}

// ----- a. stories by mouse ------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn stories_by_mouse_reach_the_expected_outcome() {
    let browser = Browser::launch().await;
    for story in &STORIES {
        let widget = Widget::open_fresh(&browser, "/").await;
        let got = widget.complete(Input::Mouse, story).await;
        check_story(story, Input::Mouse, &got);
    }
    browser.quit().await;
}

// ----- b. stories by keyboard alone -----------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn stories_by_keyboard_alone_reach_the_expected_outcome() {
    let browser = Browser::launch().await;
    for story in &STORIES {
        check_keyboard_story(&browser, story).await;
    }
    browser.quit().await;
}

// ----- c. back and change answers -----------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn going_back_keeps_answers_and_changing_them_changes_the_outcome() {
    let browser = Browser::launch().await;
    let widget = Widget::open_fresh(&browser, "/").await;
    widget.start(Input::Mouse).await;
    // Answer the first five questions as the coaching story.
    let answered = &COACHING_STORY.answers[..5];
    for (question, choices) in answered {
        widget.answer(Input::Mouse, question, choices).await;
    }
    widget.wait_question(QUESTIONS[5]).await;
    // Back to the start, checking every earlier answer is still there.
    for (question, choices) in answered.iter().rev() {
        widget.click_action("back").await;
        widget.wait_question(question).await;
        let mut got = widget.chosen(question).await;
        got.sort();
        let mut want: Vec<String> = choices.iter().map(|c| c.to_string()).collect();
        want.sort();
        assert_eq!(
            got, want,
            "after Back, `{question}` should still show the earlier answer"
        );
    }
    // Change to the mentoring story from the first question on.
    widget.unchoose("situation", "role-transition").await;
    widget.choose("situation", "new-industry").await;
    assert_eq!(widget.chosen("situation").await, vec!["new-industry"]);
    widget.click_action("next").await;
    for (question, choices) in &MENTORING_STORY.answers[1..] {
        widget.answer(Input::Mouse, question, choices).await;
        // A radio question holds exactly one answer, the new one.
    }
    let changed = widget.outcome().await;
    check_story(&MENTORING_STORY, Input::Mouse, &changed);
    assert_ne!(changed.outcome, COACHING_STORY.expected);

    // Restart starts over with nothing chosen; the coaching story then gives coaching again.
    widget.click_action("restart").await;
    widget.start(Input::Mouse).await;
    widget.wait_question(QUESTIONS[0]).await;
    assert_eq!(
        widget.chosen(QUESTIONS[0]).await,
        Vec::<String>::new(),
        "after Restart the first question should have nothing chosen"
    );
    let got = widget.complete(Input::Mouse, &COACHING_STORY).await;
    check_story(&COACHING_STORY, Input::Mouse, &got);
    browser.quit().await;
}

// ----- d. nothing leaves 127.0.0.1 ------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_full_quiz_makes_no_request_beyond_the_served_origin() {
    let browser = Browser::launch().await;
    let widget = Widget::open_fresh(&browser, "/").await;
    let got = widget.complete(Input::Mouse, &COMBINED_STORY).await;
    check_story(&COMBINED_STORY, Input::Mouse, &got);

    let origin = browser.server.origin();
    let host = origin.trim_start_matches("http://");
    let log = browser.server.requests();
    assert!(
        log.iter().any(|r| r.url.ends_with(".wasm")),
        "the server log should show the wasm being fetched: {log:#?}"
    );
    let elsewhere: Vec<_> = log.iter().filter(|r| r.host != host).collect();
    assert!(
        elsewhere.is_empty(),
        "requests with a Host other than {host}: {elsewhere:#?}"
    );

    let entries = browser
        .js(
            "return performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')).map(e => e.name);",
            vec![],
        )
        .await;
    let entries: Vec<String> = serde_json::from_value(entries).unwrap();
    assert!(!entries.is_empty(), "no resource timing entries at all");
    let prefix = format!("{origin}/");
    let foreign: Vec<_> = entries.iter().filter(|u| !u.starts_with(&prefix)).collect();
    assert!(
        foreign.is_empty(),
        "resources loaded from outside {origin}: {foreign:#?}"
    );

    let errors: Vec<String> = browser
        .console_errors()
        .await
        .into_iter()
        .filter(|m| !m.contains("favicon.ico"))
        .collect();
    assert!(
        errors.is_empty(),
        "console errors during the quiz: {errors:#?}"
    );
    browser.quit().await;
}

// ----- e. accessibility ---------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn every_view_has_zero_axe_violations() {
    let browser = Browser::launch().await;
    let widget = Widget::open_fresh(&browser, "/").await;
    axe::assert_clean(&browser, "start view").await;

    widget.start(Input::Mouse).await;
    widget.wait_question("situation").await;
    axe::assert_clean(&browser, "first question (situation, nothing chosen)").await;
    widget.choose("situation", "role-transition").await;
    widget.choose("situation", "new-industry").await;
    axe::assert_clean(&browser, "situation question with two choices").await;
    widget.click_action("next").await;
    widget.wait_question("support").await;
    widget.choose("support", "both").await;
    axe::assert_clean(&browser, "support question with a choice").await;
    widget.click_action("next").await;

    for (question, choices) in &COMBINED_STORY.answers[2..] {
        widget.answer(Input::Mouse, question, choices).await;
    }
    let _ = widget.outcome().await;
    axe::assert_clean(&browser, "result view").await;
    // Every disclosure open, and a suggestion tried (its notice and undo control).
    widget
        .js("all('details').forEach((d) => { d.open = true; });", vec![])
        .await;
    axe::assert_clean(&browser, "result view, every disclosure open").await;
    if widget
        .shadow("[data-action=\"apply-change\"]")
        .await
        .is_some()
    {
        widget.click_action("apply-change").await;
        widget
            .wait_shadow("[data-action=\"undo\"]", "the undo control")
            .await;
        axe::assert_clean(&browser, "result view with a suggestion tried").await;
    }
    // The two-choice limit said.
    widget.click_action("restart").await;
    widget.start(Input::Mouse).await;
    widget.choose("situation", "role-transition").await;
    widget.choose("situation", "new-industry").await;
    widget.click_option("situation", "style-change").await;
    axe::assert_clean(&browser, "situation with a third choice refused").await;
    browser.quit().await;
}

// ----- g. the explained result ------------------------------------------------------------

/// "Change" from the result's answer summary: the main button goes back to the result, not
/// through every later question (as GOV.UK's "Check your answers" does).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn change_from_the_answer_summary_returns_to_the_result() {
    let browser = Browser::launch().await;
    let widget = Widget::open_fresh(&browser, "/").await;
    let first = widget.complete(Input::Mouse, &COACHING_STORY).await;
    check_story(&COACHING_STORY, Input::Mouse, &first);
    // "Your answers" is a disclosure: open it and change the support answer.
    let summary = widget
        .wait_shadow(".gp-answers-block > summary", "the answers summary")
        .await;
    summary.click().await.expect("open the answers");
    let edit = widget
        .wait_shadow("[data-edit=\"support\"]", "the Change control of `support`")
        .await;
    edit.click().await.expect("click Change");
    widget.wait_question("support").await;
    widget.choose("support", "advice").await;
    let label = widget
        .js(
            "return first('[data-action=\"next\"]').textContent.trim();",
            vec![],
        )
        .await;
    assert_eq!(
        label,
        json!("See my result"),
        "the main button says where it goes"
    );
    widget.click_action("next").await;
    let after = widget.outcome().await;
    assert!(
        after.coaching < first.coaching && after.mentoring > first.mentoring,
        "the changed answer is scored: {first:?} → {after:?}"
    );
    browser.quit().await;
}

/// The text of the question's live alert (missing answer, two-choice limit).
async fn alert_text(widget: &Widget<'_>) -> serde_json::Value {
    widget
        .js(
            "const e = first('[role=\"alert\"]'); return e ? e.textContent.trim() : null;",
            vec![],
        )
        .await
}

/// A third choice on the question that takes two changes nothing and says why, in a live
/// region screen readers announce; by mouse and by keyboard.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_third_choice_is_refused_and_the_visitor_is_told_why() {
    let browser = Browser::launch().await;
    let widget = Widget::open_fresh(&browser, "/").await;
    widget.start(Input::Mouse).await;
    widget.choose("situation", "role-transition").await;
    widget.choose("situation", "new-industry").await;
    assert_eq!(alert_text(&widget).await, json!(""), "no message before");
    widget.click_option("situation", "style-change").await;
    widget
        .wait_for(
            "the limit message",
            "const e = first('[role=\"alert\"]'); return e && e.textContent.includes('Untick one');",
            vec![],
        )
        .await;
    assert!(
        !widget.is_chosen("situation", "style-change").await,
        "the third stays unticked"
    );
    let mut chosen = widget.chosen("situation").await;
    chosen.sort();
    assert_eq!(chosen, vec!["new-industry", "role-transition"]);
    // Unticking one clears the message and frees a place.
    widget.unchoose("situation", "new-industry").await;
    assert_eq!(alert_text(&widget).await, json!(""));
    widget.choose("situation", "style-change").await;
    // By keyboard: Space on a fourth option is refused the same way.
    widget.key_choose("situation", "role-transition").await;
    let target = widget
        .shadow("[data-option=\"career-direction\"]")
        .await
        .expect("an option");
    target.focus().await.expect("focus the option");
    widget.press(thirtyfour::prelude::Key::Space).await;
    widget
        .wait_for(
            "the limit message after Space",
            "const e = first('[role=\"alert\"]'); return e && e.textContent.includes('Untick one');",
            vec![],
        )
        .await;
    assert!(!widget.is_chosen("situation", "career-direction").await);
    browser.quit().await;
}

/// On a 390×844 phone the headline, both scores with what they mean, the confidence in words
/// and the call to action fit in the first two screens of the result; three reasons show and
/// the rest are one tap away.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn the_result_reads_on_a_phone() {
    let browser = Browser::launch().await;
    cdp::execute(
        &browser,
        "Emulation.setDeviceMetricsOverride",
        json!({"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": true}),
    )
    .await;
    let widget = Widget::open_fresh(&browser, "/").await;
    for story in [&NEAR_THE_LINE_STORY, &COMBINED_STORY] {
        widget.complete(Input::Mouse, story).await;
        let layout = widget
            .js(
                "const top = (css) => { const e = first(css); return e ? e.getBoundingClientRect().top : null; };
                 const bottom = (css) => { const e = first(css); return e ? e.getBoundingClientRect().bottom : null; };
                 const shown = (css) => all(css).filter((e) => visible(e) && !e.closest('details:not([open]) > :not(summary)')).length;
                 return {
                   width: innerWidth,
                   headline: top('.gp-result-title'),
                   scores: bottom('.gp-chart'),
                   meaning: shown('.gp-result-grid .gp-small'),
                   confidence: bottom('.gp-confidence'),
                   cta: bottom('[data-action=\"cta\"]'),
                   reasons: shown('.gp-reasons [data-reason-question]'),
                   more: shown('.gp-more > summary'),
                   overflow: document.documentElement.scrollWidth > innerWidth,
                 };",
                vec![],
            )
            .await;
        assert_eq!(layout["width"], json!(390), "{layout}");
        let headline = layout["headline"].as_f64().expect("a headline");
        let within = |key: &str| layout[key].as_f64().expect(key) - headline <= 2.0 * 844.0;
        for key in ["scores", "confidence", "cta"] {
            assert!(
                within(key),
                "{key} is beyond the first two screens: {layout}"
            );
        }
        assert_eq!(
            layout["meaning"],
            json!(1),
            "what the scores mean: {layout}"
        );
        assert_eq!(layout["reasons"], json!(3), "three reasons show: {layout}");
        assert_eq!(layout["more"], json!(1), "the rest one tap away: {layout}");
        assert_eq!(layout["overflow"], json!(false), "{layout}");
        widget.click_action("restart").await;
    }
    browser.quit().await;
}

// ----- f. Turkish -----------------------------------------------------------------------

/// How many times `path` was requested so far.
fn requests_of(browser: &Browser, path: &str) -> usize {
    browser
        .server
        .requests()
        .iter()
        .filter(|r| r.url.split('?').next() == Some(path))
        .count()
}

/// Clicks the language switch's `lang` button and waits for the widget to show that language.
async fn switch_language(widget: &Widget<'_>, lang: &str) {
    let button = widget
        .shadow(&format!("[data-lang-option=\"{lang}\"]"))
        .await
        .unwrap_or_else(|| panic!("a language button for {lang}"));
    button.click().await.expect("click the language button");
    widget
        .wait_for(
            &format!("the widget to switch to {lang}"),
            "return root.querySelector('.gp').getAttribute('lang') === arguments[0];",
            vec![json!(lang)],
        )
        .await;
}

/// The widget's language and the text of its first heading of `css`.
async fn shown(widget: &Widget<'_>, css: &str) -> (String, String) {
    let got = widget
        .js(
            "const e = first(arguments[0]); \
             return [root.querySelector('.gp').getAttribute('lang'), e ? e.textContent.trim() : null];",
            vec![json!(css)],
        )
        .await;
    serde_json::from_value(got).expect("[lang, text]")
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn each_page_loads_its_own_language_and_the_other_only_when_asked_for() {
    let turkish = guidepost::content::builtin("tr").expect("Turkish is compiled in natively");
    let server = StaticServer::dist();
    server.add_page(
        "/tr.html",
        Page::html(
            r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Türkçe</title></head>
<body><main><div data-guidepost="tr" data-lang="tr"></div></main>
<script type="module" src="guidepost.js"></script></body></html>"#,
        ),
    );
    let browser = Browser::launch_with(server).await;

    // An English visit downloads the English core build and no Turkish.
    let widget = Widget::open_fresh(&browser, "/").await;
    assert_eq!(shown(&widget, "h2").await.0, "en");
    assert_eq!(requests_of(&browser, "/guidepost-core-tr_bg.wasm"), 0);
    assert_eq!(
        requests_of(&browser, "/guidepost-texts-tr.json"),
        0,
        "an English first visit fetched the Turkish texts"
    );

    // Switching mid-quiz loads Turkish once, keeps the answers and asks in Turkish.
    widget.start(Input::Mouse).await;
    widget.choose("situation", "new-industry").await;
    switch_language(&widget, "tr").await;
    let (_, prompt) = shown(&widget, "[data-question] h3").await;
    assert_eq!(
        prompt, turkish.questions[0].prompt,
        "the question in Turkish"
    );
    assert_eq!(widget.chosen("situation").await, vec!["new-industry"]);
    assert_eq!(requests_of(&browser, "/guidepost-texts-tr.json"), 1);
    switch_language(&widget, "en").await;

    // data-lang="tr": the Turkish core build, Turkish from the first render to the result,
    // with no strings to fetch.
    browser.server.clear_requests();
    let widget = Widget::open(&browser, "/tr.html").await;
    let (lang, title) = shown(&widget, "h2").await;
    assert_eq!(
        (lang.as_str(), title.as_str()),
        ("tr", &*turkish.intro.title)
    );
    assert_eq!(requests_of(&browser, "/guidepost-core-tr_bg.wasm"), 1);
    assert_eq!(requests_of(&browser, "/guidepost-core_bg.wasm"), 0);
    assert_eq!(requests_of(&browser, "/guidepost-texts-tr.json"), 0);
    let got = widget.complete(Input::Keyboard, &COACHING_STORY).await;
    check_story(&COACHING_STORY, Input::Keyboard, &got);
    let (_, headline) = shown(&widget, "[data-outcome] h3").await;
    assert_eq!(headline, turkish.outcomes.coaching.headline);

    // There, English is the language that loads when asked for, and the result stays.
    switch_language(&widget, "en").await;
    let (_, headline) = shown(&widget, "[data-outcome] h3").await;
    let english_content = guidepost::content::english();
    assert_eq!(headline, english_content.outcomes.coaching.headline);
    assert_eq!(requests_of(&browser, "/guidepost-texts-en.json"), 1);
    assert!(
        browser.console_errors().await.is_empty(),
        "console errors in Turkish"
    );
    browser.quit().await;
}

// ----- the prerendered first view ---------------------------------------------------------

/// A host page whose widget element holds its first view in `lang`, as `prerender LANG`
/// writes it (README: "Prerendering"), with the dist page's loader.
fn prerendered_page(lang: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_prerender"))
        .arg(lang)
        .output()
        .expect("run prerender");
    assert!(out.status.success(), "prerender {lang} failed");
    let view = String::from_utf8(out.stdout).expect("prerender writes UTF-8");
    format!(
        r#"<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Prerendered</title></head>
<body><main><div data-guidepost data-lang="{lang}">{view}</div></main>
<script type="module" src="guidepost.js"></script></body></html>"#
    )
}

/// The comparison as the widget shows it: each row's heading and cells, and where the
/// table, the assessment's title and the widget's last section sit on the page.
const FIRST_VIEW: &str = "return { \
    prerendered: !!root.querySelector('[data-prerender]'), \
    hosts: all('.gp-host').length, \
    rows: all('[data-row]').filter(visible).map((row) => row.innerText.replace(/\\s+/g, ' ').trim()), \
    table: root.querySelector('.gp-table').getBoundingClientRect().top, \
    title: root.querySelector('.gp-panel-title').getBoundingClientRect().toJSON(), \
    bottom: host.getBoundingClientRect().bottom };";

/// A prerendered widget reads before its wasm has arrived (the first view in a declarative
/// shadow root), and when the wasm takes over nothing moves: the same rows in the same
/// places, no layout shift, one copy of the view.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn the_first_view_reads_before_the_wasm_arrives_and_nothing_moves_when_it_takes_over() {
    let english = guidepost::content::english();
    let server = StaticServer::dist();
    server.add_page("/prerendered.html", Page::html(prerendered_page("en")));
    let wasm = std::fs::read(server.root().join("guidepost-core_bg.wasm")).expect("the core wasm");
    server.add_page(
        "/guidepost-core_bg.wasm",
        Page::new("application/wasm", wasm).delayed(std::time::Duration::from_secs(4)),
    );
    let browser = Browser::launch_with(server).await;
    browser.goto_path("/prerendered.html").await;
    let widget = Widget::nth(&browser, 0);

    let before = widget.js(FIRST_VIEW, vec![]).await;
    assert_eq!(
        before["prerendered"],
        json!(true),
        "the wasm is held back, yet: {before}"
    );
    let rows = before["rows"].as_array().expect("rows");
    assert_eq!(
        rows.len(),
        english.comparison.rows.len(),
        "every row shows: {before}"
    );
    for (shown, row) in rows.iter().zip(english.comparison.rows.iter()) {
        let shown = shown.as_str().unwrap_or_default();
        for text in [&row.label, &row.coaching, &row.mentoring] {
            assert!(
                shown.contains(&**text),
                "row {} reads {shown:?}, without {text:?}",
                row.id
            );
        }
    }

    widget.wait_ready().await;
    let after = widget.js(FIRST_VIEW, vec![]).await;
    assert_eq!(after["prerendered"], json!(false));
    assert_eq!(
        after["hosts"],
        json!(1),
        "one copy of the view once the wasm rendered: {after}"
    );
    for key in ["rows", "table", "title", "bottom"] {
        assert_eq!(
            before[key], after[key],
            "{key} moved when the wasm took over"
        );
    }
    let shifts = browser
        .js(
            "return new Promise((done) => new PerformanceObserver((list) => \
               done(list.getEntries().map((e) => e.value))).observe({ type: 'layout-shift', buffered: true }) \
               || setTimeout(() => done([]), 500));",
            vec![],
        )
        .await;
    // The observer calls back only when there is an entry: none within the timeout is none.
    assert_eq!(shifts, json!([]), "layout shifts while the widget loaded");
    // And it works: the start button starts.
    widget.click_action("start").await;
    widget.wait_question(QUESTIONS[0]).await;
    browser.quit().await;
}

/// With scripting off, the offline file and a prerendered page in each language still show
/// the comparison (declarative shadow DOM), and hide the controls that need the script.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn the_comparison_reads_with_javascript_turned_off() {
    let server = StaticServer::dist();
    server.add_page("/prerendered.html", Page::html(prerendered_page("en")));
    server.add_page("/prerendered-tr.html", Page::html(prerendered_page("tr")));
    let offline = crate::page::file_url(&server.root().join("guidepost-offline.html"));
    let browser = Browser::launch_with(server).await;
    cdp::execute(
        &browser,
        "Emulation.setScriptExecutionDisabled",
        json!({ "value": true }),
    )
    .await;
    for (url, lang) in [
        (browser.url("/prerendered.html"), "en"),
        (browser.url("/prerendered-tr.html"), "tr"),
        (offline, "en"),
    ] {
        let content = guidepost::content::builtin(lang).expect("built-in language");
        browser.driver().goto(&url).await.expect("navigate");
        // The page's own scripts are off; DevTools' evaluation still reads the page.
        let seen = cdp::execute(
            &browser,
            "Runtime.evaluate",
            json!({ "returnByValue": true, "expression": "(() => { \
                const root = document.querySelector('[data-guidepost]').shadowRoot; \
                const shown = (css) => [...root.querySelectorAll(css)].filter((e) => e.getClientRects().length > 0); \
                return { \
                  scripting: matchMedia('(scripting: none)').matches ? 'none' : 'on', \
                  rows: shown('[data-row]').map((row) => row.querySelector('th').textContent.trim()), \
                  panel: shown('.gp-panel').length, \
                  buttons: shown('button').length }; })()" }),
        )
        .await;
        let seen = &seen["result"]["value"];
        let labels: Vec<&str> = content
            .comparison
            .rows
            .iter()
            .map(|row| &*row.label)
            .collect();
        assert_eq!(seen["scripting"], json!("none"), "{url}: {seen}");
        assert_eq!(
            seen["rows"],
            json!(labels),
            "{url}: the comparison, with scripting off"
        );
        assert_eq!(
            seen["panel"],
            json!(0),
            "{url}: the assessment needs the script: {seen}"
        );
        assert_eq!(
            seen["buttons"],
            json!(0),
            "{url}: no control that cannot work: {seen}"
        );
    }
    browser.quit().await;
}

/// A control that moves the visitor on gives up focus before the view changes (so the browser
/// lays the new step out once), and focus lands on the new step's heading; Next on a question
/// not yet answered keeps focus where it is, beside the reason it did not move.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn next_without_an_answer_keeps_focus_and_a_move_focuses_the_new_heading() {
    let browser = Browser::launch().await;
    let widget = Widget::open_fresh(&browser, "/").await;
    widget.start(Input::Keyboard).await;
    widget.wait_question(QUESTIONS[0]).await;
    let heading = "return root.activeElement && root.activeElement.matches('h3[data-autofocus]') \
                   && root.activeElement.closest('[data-question]')?.getAttribute('data-question');";
    let on_first = widget
        .wait_for("focus on the first question's heading", heading, vec![])
        .await;
    assert_eq!(on_first, json!(QUESTIONS[0]));

    widget.key_action("next").await;
    let error = widget
        .wait_for(
            "the reason Next did not move on",
            "const e = root.querySelector('#gp-error'); return e && e.textContent.trim();",
            vec![],
        )
        .await;
    let english = guidepost::content::english();
    assert_eq!(error, json!(&*english.ui.answer_required));
    let focus = widget.focus().await;
    assert_eq!(
        focus.action.as_deref(),
        Some("next"),
        "focus stays on Next: {focus:?}"
    );
    assert_eq!(
        widget.current_question().await.as_deref(),
        Some(QUESTIONS[0])
    );

    widget
        .key_choose(QUESTIONS[0], &first_option(&widget).await)
        .await;
    widget.key_action("next").await;
    widget.wait_question(QUESTIONS[1]).await;
    let on_second = widget
        .wait_for("focus on the second question's heading", heading, vec![])
        .await;
    assert_eq!(on_second, json!(QUESTIONS[1]));
    browser.quit().await;
}

/// The first option of the question shown.
async fn first_option(widget: &Widget<'_>) -> String {
    widget
        .js(
            "return first('[data-question] [data-option]').getAttribute('data-option');",
            vec![],
        )
        .await
        .as_str()
        .expect("an option")
        .to_owned()
}
