//! Reliability suite: host pages as sloppy and as strict as real ones (DESIGN.md "What bad
//! input gets"), each finding of the adversarial review a test that failed before its fix.
//!
//! - strict hosts: a sandboxed frame without `allow-forms`, a Trusted Types policy;
//! - hostile hosts: a polluted `Object.prototype`, a throwing `navigator.languages`, no
//!   `MutationObserver`, a replaced `HTMLElement`, a throwing `performance.mark`, DOM
//!   clobbering, inherited styles that hide or disable, two copies of the loader;
//! - overrides past the limits (too deep, too large, too many values, cyclic), problems
//!   capped at twenty;
//! - failed and stalled downloads: a message in the widget's language and a retry that
//!   really fetches again; a failed language switch that says so and can be tried again;
//! - storage keys that never collide, share links with the content version and without the
//!   page's query, copy-link without a clipboard, scheme-less links to other hosts;
//! - memory: 1,000 mount/unmount cycles stay within a small bound.
//!
//!   GUIDEPOST_DIST=$PWD/dist cargo test --test browser reliability:: -- --ignored --test-threads=1

use std::time::Duration;

use serde_json::{json, Value};
use thirtyfour::prelude::*;

use crate::cdp;
use crate::driver::Browser;
use crate::hardening::{fresh_visit, ready, shown_title};
use crate::host::{
    builtin_en, builtin_title, host_page, host_page_with, json_script, recorded, script_safe,
    server_with, Recorded,
};
use crate::server::{Page, StaticServer};
use crate::widget::{Input, Widget, COACHING_STORY, QUESTIONS};

/// The error events on `target` of `kind`.
fn errors<'r>(rec: &'r Recorded, target: &str, kind: &str) -> Vec<&'r Value> {
    rec.errors_on(target)
        .into_iter()
        .filter(|e| e.detail["kind"] == json!(kind))
        .map(|e| &e.detail)
        .collect()
}

/// Clicks the language switch's button for `lang`.
async fn switch_language(widget: &Widget<'_>, lang: &str) {
    let css = format!("[data-lang-option=\"{lang}\"]");
    let button = widget.wait_shadow(&css, &css).await;
    button.click().await.expect("click the language");
}

/// Completes the coaching story on `widget` by mouse and checks its outcome.
async fn completes(widget: &Widget<'_>, why: &str) {
    let got = widget.complete(Input::Mouse, &COACHING_STORY).await;
    assert_eq!(got.outcome, "coaching", "{why}: {got:?}");
}

// ----- strict hosts ----------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_sandboxed_frame_without_allow_forms_moves_on_by_click_and_by_enter() {
    let page = host_page(
        "sandboxed frame",
        "<iframe id=\"f\" sandbox=\"allow-scripts allow-same-origin\" src=\"/index.html\" style=\"width:100%;height:1200px\"></iframe>",
    );
    let browser = Browser::launch_with(server_with(vec![("/r/sandbox.html", page)])).await;
    fresh_visit(&browser, "/r/sandbox.html").await;
    let frame = browser.find(By::Css("#f")).await.expect("the frame");
    frame.enter_frame().await.expect("into the frame");
    let widget = Widget::nth(&browser, 0);
    widget.wait_ready().await;
    widget.start(Input::Mouse).await;
    // By mouse: choose, then click Next.
    let (q1, q2) = (COACHING_STORY.answers[0], COACHING_STORY.answers[1]);
    widget.answer(Input::Mouse, q1.0, q1.1).await;
    widget.wait_question(QUESTIONS[1]).await;
    // By keyboard: Enter on the chosen option goes on too.
    widget.choose(q2.0, q2.1[0]).await;
    let option = widget
        .shadow(&format!(
            "[data-question=\"{}\"] [data-option=\"{}\"]",
            q2.0, q2.1[0]
        ))
        .await
        .expect("the option");
    option.send_keys(Key::Enter).await.expect("Enter");
    widget.wait_question(QUESTIONS[2]).await;
    browser.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_trusted_types_page_resets_unmounts_and_remounts() {
    let app = "import { mount } from '/guidepost.js';
const host = document.getElementById('w');
window.trial = (async () => {
  const handle = await mount(host);
  handle.reset();
  handle.unmount();
  host.remove();
  document.body.append(host);
  await mount(host);
  // A route change of a single-page app: the element goes, another comes.
  host.remove();
  const next = document.createElement('div');
  next.id = 'w2';
  next.dataset.guidepost = 'second';
  document.body.append(next);
  return 'done';
})().catch((e) => 'failed: ' + e).then((r) => { window.trialResult = r; });
";
    let page = host_page_with(
        "trusted types",
        "<div id=\"w\"></div>",
        "<script type=\"module\" src=\"/r/tt.js\"></script>",
    );
    let server = server_with(vec![("/r/tt.js", app.to_owned())]);
    server.add_page(
        "/r/tt.html",
        Page::html(page).header(
            "Content-Security-Policy",
            "require-trusted-types-for 'script'; trusted-types 'none'",
        ),
    );
    let browser = Browser::launch_with(server).await;
    fresh_visit(&browser, "/r/tt.html").await;
    let outcome = crate::page::wait_page(
        &browser,
        "the trial to finish",
        "return window.trialResult;",
        vec![],
    )
    .await;
    assert_eq!(outcome, json!("done"), "{}", recorded(&browser).await);
    let widget = Widget::at(&browser, "#w2");
    widget.wait_ready().await;
    completes(&widget, "after a route change under Trusted Types").await;
    let rec = recorded(&browser).await;
    assert!(
        rec.lines("uncaught").is_empty() && rec.lines("error").is_empty(),
        "nothing may throw under Trusted Types\n{rec}"
    );
    browser.quit().await;
}

// ----- hostile hosts ---------------------------------------------------------------------

/// A page whose `before` script runs before the loader, with one `[data-guidepost]` `#w`.
async fn hostile(name: &str, before: &str, body: &str) -> (Browser, String) {
    let route = format!("/r/{name}.html");
    let page = host_page(name, body).replace(
        "<script src=\"/hardening/listen.js\"></script>",
        &format!("<script src=\"/hardening/listen.js\"></script>\n<script>{before}</script>"),
    );
    let browser = Browser::launch_with(server_with(vec![(route.as_str(), page)])).await;
    fresh_visit(&browser, &route).await;
    (browser, route)
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_polluted_object_prototype_injects_nothing() {
    let mut polluted = builtin_en();
    polluted["intro"]["title"] = json!("POLLUTED");
    let before = format!(
        "Object.prototype.content = {json}; Object.prototype.title = 'POLLUTED'; Object.prototype.tr = ['x'];",
        json = script_safe(&serde_json::to_string(&serde_json::to_string(&polluted).unwrap()).unwrap())
    );
    let mut extra = builtin_en();
    extra["intro"]["extra"] = json!("an unknown key");
    let body = format!(
        "<div id=\"w\" data-guidepost></div>\n<div id=\"o\" data-guidepost=\"o\" data-content=\"c\"></div>\n{}",
        json_script("c", &script_safe(&serde_json::to_string(&extra).unwrap()))
    );
    let (browser, _) = hostile("polluted", &before, &body).await;
    let widget = Widget::at(&browser, "#w");
    ready(&widget, "#w").await;
    assert_eq!(shown_title(&widget).await, builtin_title());
    let other = Widget::at(&browser, "#o");
    let rec = ready(&other, "#o").await;
    let content = errors(&rec, "#o", "content");
    assert_eq!(content.len(), 1, "an unknown key is refused\n{rec}");
    assert!(
        content[0]["problems"][0]["path"] == json!("intro.extra")
            && content[0]["problems"][0]["message"]
                .as_str()
                .unwrap_or_default()
                .contains("extra"),
        "the problem names the unknown key: {}",
        content[0]
    );
    assert_eq!(shown_title(&other).await, builtin_title());
    // The Turkish texts are fetched, not read from the prototype.
    switch_language(&other, "tr").await;
    other
        .wait_for(
            "the widget in Turkish",
            "return root.querySelector('.gp[lang=\"tr\"]');",
            vec![],
        )
        .await;
    browser.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_host_that_breaks_built_ins_still_gets_its_widget() {
    let cases = [
        (
            "languages",
            "Object.defineProperty(Navigator.prototype, 'languages', { get() { throw new Error('no'); } });",
            "<div id=\"w\" data-guidepost data-lang=\"auto\"></div>",
        ),
        (
            "null-languages",
            "Object.defineProperty(Navigator.prototype, 'languages', { get() { return null; } });",
            "<div id=\"w\" data-guidepost data-lang=\"auto\"></div>",
        ),
        (
            "observer",
            "window.MutationObserver = undefined;",
            "<div id=\"w\" data-guidepost></div>",
        ),
        (
            "html-element",
            "window.HTMLElement = function HTMLElement() {};",
            "<guidepost-assessment id=\"w\"></guidepost-assessment>",
        ),
        (
            "performance",
            "performance.mark = () => { throw new Error('marks are off'); };",
            "<div id=\"w\" data-guidepost></div>",
        ),
        (
            "clobbered",
            "",
            "<img name=\"querySelectorAll\" alt=\"\"><img name=\"readyState\" alt=\"\"><img name=\"body\" alt=\"\"><div id=\"w\" data-guidepost></div>",
        ),
    ];
    for (name, before, body) in cases {
        let (browser, _) = hostile(name, before, body).await;
        let widget = Widget::at(&browser, "#w");
        let rec = ready(&widget, "#w").await;
        assert!(
            rec.lines("uncaught").is_empty() && rec.errors_on("#w").is_empty(),
            "{name}: no error\n{rec}"
        );
        completes(&widget, name).await;
        browser.quit().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn inherited_styles_cannot_hide_turn_or_disable_the_widget() {
    // In vertical text the host needs a width of its own, as any block in an orthogonal flow
    // does (README "Reliability").
    let body = "<div style=\"-webkit-text-fill-color: transparent; writing-mode: vertical-rl; pointer-events: none\">\
                <div id=\"w\" data-guidepost style=\"inline-size: 640px\"></div></div>";
    let (browser, _) = hostile("inherited", "", body).await;
    let widget = Widget::at(&browser, "#w");
    ready(&widget, "#w").await;
    let style = widget
        .js(
            "const s = getComputedStyle(root.querySelector('.gp-title'));
             return [s.webkitTextFillColor === s.color, s.writingMode, s.pointerEvents];",
            vec![],
        )
        .await;
    assert_eq!(style, json!([true, "horizontal-tb", "auto"]));
    // Real clicks reach it.
    completes(&widget, "inherited styles").await;
    browser.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn two_copies_of_the_loader_mount_each_widget_once() {
    let page = host_page_with(
        "two loaders",
        "<div id=\"w\" data-guidepost></div>",
        "<script type=\"module\" src=\"/guidepost.js?copy=2\"></script>",
    );
    let browser = Browser::launch_with(server_with(vec![("/r/twice.html", page)])).await;
    fresh_visit(&browser, "/r/twice.html").await;
    let widget = Widget::at(&browser, "#w");
    let rec = ready(&widget, "#w").await;
    assert_eq!(
        rec.events_of("guidepost:ready").len(),
        1,
        "one widget\n{rec}"
    );
    assert_eq!(
        widget.js("return all('.gp').length;", vec![]).await,
        json!(1)
    );
    assert!(
        rec.lines("warn").iter().any(|l| l.contains("loaded twice")),
        "the page is told\n{rec}"
    );
    completes(&widget, "two loaders").await;
    let rec = recorded(&browser).await;
    assert_eq!(rec.events_of("guidepost:complete").len(), 1, "{rec}");
    browser.quit().await;
}

// ----- overrides past the limits ---------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn overrides_past_the_limits_are_refused_at_once_with_the_built_in_content() {
    let deep = format!(
        "{{\"version\":\"x\",\"intro\":{}1{}}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let mut huge = builtin_en();
    let options = huge["questions"][0]["options"][0].clone();
    let mut many = Vec::new();
    for i in 0..6000 {
        let mut option = options.clone();
        option["id"] = json!(format!("o{i}"));
        option["row"] = json!("missing");
        option["reason"] = json!("x".repeat(400));
        many.push(option);
    }
    huge["questions"][0]["options"] = json!(many);
    let huge = serde_json::to_string(&huge).unwrap();
    let mut long = builtin_en();
    let mut rows = Vec::new();
    for i in 0..150 {
        let mut option = options.clone();
        option["id"] = json!(format!("o{i}"));
        rows.push(option);
    }
    long["questions"][0]["options"] = json!(rows);
    let mut bad = builtin_en();
    for option in bad["questions"][1]["options"].as_array_mut().unwrap() {
        option["row"] = json!("missing");
    }
    let mut bad_many = bad.clone();
    for q in bad_many["questions"].as_array_mut().unwrap() {
        for option in q["options"].as_array_mut().unwrap() {
            option["row"] = json!("missing");
            option["label"] = json!("");
        }
    }
    let app = format!(
        "import {{ mount }} from '/guidepost.js';
const cyclic = {en};
cyclic.intro.self = cyclic;
mount(document.getElementById('cyclic'), {{ content: cyclic }});
const endless = {en};
endless.questions = new Proxy([], {{ get: (t, k) => k === 'length' ? 1e9 : (typeof k === 'string' && /^\\d+$/.test(k) ? {{}} : t[k]) }});
mount(document.getElementById('endless'), {{ content: endless }});
mount(document.getElementById('many'), {{ content: {bad_many} }});
",
        en = script_safe(&serde_json::to_string(&builtin_en()).unwrap()),
        bad_many = script_safe(&serde_json::to_string(&bad_many).unwrap()),
    );
    let body = format!(
        "<div id=\"deep\" data-guidepost=\"deep\" data-content=\"c-deep\"></div>{}\
         <div id=\"huge\" data-guidepost=\"huge\" data-content=\"c-huge\"></div>{}\
         <div id=\"long\" data-guidepost=\"long\" data-content=\"c-long\"></div>{}\
         <div id=\"cyclic\"></div><div id=\"endless\"></div><div id=\"many\"></div>",
        json_script("c-deep", &deep),
        json_script("c-huge", &script_safe(&huge)),
        json_script(
            "c-long",
            &script_safe(&serde_json::to_string(&long).unwrap())
        ),
    );
    let page = host_page_with(
        "limits",
        &body,
        "<script type=\"module\" src=\"/r/limits.js\"></script>",
    );
    let server = server_with(vec![("/r/limits.html", page), ("/r/limits.js", app)]);
    let browser = Browser::launch_with(server).await;
    fresh_visit(&browser, "/r/limits.html").await;
    for (target, says) in [
        ("#deep", "nested more than 8 levels"),
        ("#huge", "a content file may be at most 128 KB"),
        ("#long", "more than 100 entries"),
        ("#cyclic", "could not be read as JSON"),
        // An endless list: cut off by the value count, or by the engine's own string limit.
        ("#endless", "could not be read as JSON"),
    ] {
        let widget = Widget::at(&browser, target);
        let rec = ready(&widget, target).await;
        let content = errors(&rec, target, "content");
        assert_eq!(content.len(), 1, "{target}: one content error\n{rec}");
        let problem = &content[0]["problems"][0];
        assert!(
            problem["path"] == json!("(document)")
                && problem["message"]
                    .as_str()
                    .unwrap_or_default()
                    .contains(says),
            "{target}: the problem says \"{says}\": {}",
            content[0]
        );
        assert_eq!(shown_title(&widget).await, builtin_title(), "{target}");
    }
    // Many problems: the first twenty, and how many there were.
    let widget = Widget::at(&browser, "#many");
    let rec = ready(&widget, "#many").await;
    let content = errors(&rec, "#many", "content");
    assert_eq!(content.len(), 1, "{rec}");
    let count = content[0]["problemCount"].as_u64().unwrap_or_default();
    assert!(count > 20, "{}", content[0]);
    assert_eq!(content[0]["problems"].as_array().map(Vec::len), Some(20));
    let lines = rec.lines("error");
    assert!(
        lines
            .iter()
            .any(|l| l.contains(&format!("and {} more", count - 20))),
        "the console says how many more\n{rec}"
    );
    assert!(
        lines.len() < 60,
        "the console is not flooded: {} lines",
        lines.len()
    );
    assert!(rec.lines("uncaught").is_empty(), "{rec}");
    completes(&widget, "after a refused override").await;
    browser.quit().await;
}

// ----- failed and stalled downloads ------------------------------------------------------

/// The retry message the widget on `#w` shows, once it shows one.
async fn retry_message(widget: &Widget<'_>, within: Duration) -> Value {
    widget
        .wait_for_within(
            within,
            "a message with a retry control",
            "const retry = root && root.querySelector('[data-action=\"retry\"]');
             return retry && visible(retry) ? [root.querySelector('[role=alert]').getAttribute('lang'), root.querySelector('[role=alert] p').textContent] : null;",
            vec![],
        )
        .await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_failed_download_says_so_in_the_widgets_language_and_retry_fetches_again() {
    let server = server_with(vec![(
        "/r/failed.html",
        host_page(
            "failed download",
            "<div id=\"w\" data-guidepost data-lang=\"tr\"></div>",
        ),
    )]);
    server.add_page(
        "/guidepost-core-tr_bg.wasm",
        Page::new("text/plain", "unavailable").status(503),
    );
    let browser = Browser::launch_with(server).await;
    fresh_visit(&browser, "/r/failed.html").await;
    let widget = Widget::at(&browser, "#w");
    let shown = retry_message(&widget, Duration::from_secs(10)).await;
    assert_eq!(shown[0], json!("tr"), "{shown}");
    assert!(
        shown[1]
            .as_str()
            .unwrap_or_default()
            .contains("gösterilemedi"),
        "{shown}"
    );
    let rec = recorded(&browser).await;
    assert_eq!(errors(&rec, "#w", "load").len(), 1, "{rec}");
    // The network is back: retry really fetches again.
    let wasm = std::fs::read(StaticServer::dist_dir().join("guidepost-core-tr_bg.wasm")).unwrap();
    browser.server.add_page(
        "/guidepost-core-tr_bg.wasm",
        Page::new("application/wasm", wasm),
    );
    widget.click_action("retry").await;
    widget.wait_ready().await;
    completes(&widget, "after retry").await;
    browser.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_stalled_download_times_out_into_the_retry_message() {
    let server = server_with(vec![(
        "/r/stalled.html",
        host_page("stalled download", "<div id=\"w\" data-guidepost></div>"),
    )]);
    let wasm = std::fs::read(StaticServer::dist_dir().join("guidepost-core_bg.wasm")).unwrap();
    server.add_page(
        "/guidepost-core_bg.wasm",
        Page::new("application/wasm", wasm.clone()).delayed(Duration::from_secs(40)),
    );
    let browser = Browser::launch_with(server).await;
    fresh_visit(&browser, "/r/stalled.html").await;
    let widget = Widget::at(&browser, "#w");
    let shown = retry_message(&widget, Duration::from_secs(20)).await;
    assert_eq!(shown[0], json!("en"), "{shown}");
    let rec = recorded(&browser).await;
    let load = errors(&rec, "#w", "load");
    assert!(
        load.len() == 1
            && load[0]["message"]
                .as_str()
                .unwrap_or_default()
                .contains("did not finish"),
        "{rec}"
    );
    browser.server.add_page(
        "/guidepost-core_bg.wasm",
        Page::new("application/wasm", wasm),
    );
    widget.click_action("retry").await;
    widget.wait_ready().await;
    browser.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_failed_language_switch_says_so_and_a_second_try_loads_it() {
    let server = server_with(vec![(
        "/r/switch.html",
        host_page("language switch", "<div id=\"w\" data-guidepost></div>"),
    )]);
    server.add_page(
        "/guidepost-texts-tr.json",
        Page::new("application/json", "{\"not\": \"texts\"}"),
    );
    let browser = Browser::launch_with(server).await;
    fresh_visit(&browser, "/r/switch.html").await;
    let widget = Widget::at(&browser, "#w");
    ready(&widget, "#w").await;
    switch_language(&widget, "tr").await;
    let said = widget
        .wait_for(
            "a word under the language switch",
            "const s = root.querySelector('[data-language-status]'); return s && s.textContent;",
            vec![],
        )
        .await;
    assert!(
        said.as_str()
            .unwrap_or_default()
            .starts_with("This language could not be loaded"),
        "{said}"
    );
    let texts = std::fs::read(StaticServer::dist_dir().join("guidepost-texts-tr.json")).unwrap();
    browser.server.add_page(
        "/guidepost-texts-tr.json",
        Page::new("application/json", texts),
    );
    switch_language(&widget, "tr").await;
    widget
        .wait_for(
            "the widget in Turkish",
            "return root.querySelector('.gp[lang=\"tr\"]') && !root.querySelector('[data-language-status]').textContent;",
            vec![],
        )
        .await;
    browser.quit().await;
}

// ----- storage, share links, clipboard, links --------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn storage_keys_never_collide() {
    let body = "<div id=\"a\" data-guidepost></div><div id=\"b\" data-guidepost=\"0\"></div>\
                <div id=\"c\" data-guidepost=\"same\"></div><div id=\"d\" data-guidepost=\"same\"></div>";
    let (browser, _) = hostile("keys", "", body).await;
    for target in ["#a", "#b", "#c", "#d"] {
        let widget = Widget::at(&browser, target);
        ready(&widget, target).await;
        widget.start(Input::Mouse).await;
        let (question, choices) = COACHING_STORY.answers[0];
        widget.answer(Input::Mouse, question, choices).await;
    }
    let keys = crate::page::saved_progress(&browser).await;
    let names: Vec<&str> = keys.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "guidepost:#0",
            "guidepost:0",
            "guidepost:same",
            "guidepost:same#2"
        ],
        "four widgets, four keys"
    );
    let rec = recorded(&browser).await;
    assert!(
        rec.lines("warn")
            .iter()
            .any(|l| l.contains("named \"same\"")),
        "{rec}"
    );
    browser.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn share_links_carry_the_content_version_and_none_of_the_page_query() {
    let (browser, route) = hostile("share", "", "<div id=\"w\" data-guidepost></div>").await;
    browser
        .goto_path(&format!(
            "{route}?email=visitor%40example.com&utm_source=news"
        ))
        .await;
    let widget = Widget::at(&browser, "#w");
    ready(&widget, "#w").await;
    completes(&widget, "share").await;
    let link = widget
        .wait_for(
            "the share link",
            "const l = root.querySelector('#gp-share-link'); return l && l.value;",
            vec![],
        )
        .await;
    let link = link.as_str().unwrap_or_default().to_owned();
    let version = builtin_en()["version"].as_str().unwrap().replace("en-", "");
    assert!(
        link.starts_with(&browser.url(&route))
            && !link.contains('?')
            && link.ends_with(&format!("~{version}")),
        "{link}"
    );
    // A link made on other content is ignored, with a word in the console.
    let other = link.replace(&format!("~{version}"), "~1.0.0");
    // Without the saved progress, which would reopen the result by itself.
    browser.goto_path(crate::host::BLANK).await;
    crate::page::clear_storage(&browser).await;
    browser.driver().goto(&other).await.expect("open the link");
    let widget = Widget::at(&browser, "#w");
    let rec = ready(&widget, "#w").await;
    assert!(
        rec.lines("warn")
            .iter()
            .any(|l| l.contains("another version of the content")),
        "{rec}"
    );
    assert!(
        widget.shadow("[data-outcome]").await.is_none(),
        "no result shown"
    );
    // A real load (a fragment change alone would not reload the page).
    browser.goto_path(crate::host::BLANK).await;
    browser.driver().goto(&link).await.expect("open the link");
    let widget = Widget::at(&browser, "#w");
    widget
        .wait_shadow("[data-outcome]", "the shared result")
        .await;
    browser.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn copy_link_without_a_clipboard_says_to_copy_it_by_hand() {
    let (browser, _) = hostile(
        "clipboard",
        "Object.defineProperty(Navigator.prototype, 'clipboard', { get() { return undefined; } });",
        "<div id=\"w\" data-guidepost></div>",
    )
    .await;
    let widget = Widget::at(&browser, "#w");
    ready(&widget, "#w").await;
    completes(&widget, "clipboard").await;
    widget.click_action("copy-link").await;
    let said = widget
        .wait_for(
            "the share status",
            "const s = root.querySelector('.gp-share-status'); return s && s.textContent;",
            vec![],
        )
        .await;
    assert_eq!(said, builtin_en()["ui"]["copy_failed"]);
    assert!(recorded(&browser).await.lines("uncaught").is_empty());
    browser.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn scheme_less_links_to_other_hosts_are_refused() {
    let body = "<div id=\"a\" data-guidepost data-cta-url=\"//evil.example/x\"></div>\
                <div id=\"b\" data-guidepost data-cta-url=\"\\\\evil.example\"></div>";
    let (browser, _) = hostile("network-path", "", body).await;
    for target in ["#a", "#b"] {
        let widget = Widget::at(&browser, target);
        ready(&widget, target).await;
        completes(&widget, target).await;
        let hrefs = widget
            .js(
                "return all('a[href]').map((a) => a.href).filter((h) => h.includes('evil'));",
                vec![],
            )
            .await;
        assert_eq!(hrefs, json!([]), "{target}");
    }
    let rec = recorded(&browser).await;
    assert_eq!(
        rec.lines("warn")
            .iter()
            .filter(|l| l.contains("was refused"))
            .count(),
        2,
        "{rec}"
    );
    browser.quit().await;
}

// ----- memory ----------------------------------------------------------------------------

/// How far 1,000 mount/unmount cycles may move the wasm memory and the JS heap (after a
/// garbage collection), measured after 1,000 warm-up cycles, in which the JS engine settles
/// (about 50 KB of its own). Measured after them: the wasm memory does not grow at all, and
/// the JS heap by 0 to 12 KB (README "Reliability"). Wasm memory grows by whole 64 KB pages,
/// so one page is its bound, and 64 bytes a cycle the heap's. (Before app roots were reused,
/// each mount kept about 0.5 KB of each.)
const WASM_GROWTH_BOUND: f64 = 64.0 * 1024.0;
const HEAP_GROWTH_BOUND: f64 = 64.0 * 1000.0;

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_thousand_mount_cycles_stay_within_a_small_memory_bound() {
    let app = "import { mount } from '/guidepost.js';
const glue = await import('/guidepost-core.js');
const host = document.getElementById('w');
window.cycles = async (n) => {
  for (let i = 0; i < n; i++) {
    const handle = await mount(host);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    handle.unmount();
    // The test page's own record of host events would grow with every mount's ready.
    window.guidepostLog.length = 0;
  }
  const exports = await glue.default({ module_or_path: '/guidepost-core_bg.wasm' });
  return exports.memory.buffer.byteLength;
};
window.cyclesReady = true;
";
    let page = host_page_with(
        "memory",
        "<div id=\"w\"></div>",
        "<script type=\"module\" src=\"/r/memory.js\"></script>",
    );
    let server = server_with(vec![
        ("/r/memory.html", page),
        ("/r/memory.js", app.to_owned()),
    ]);
    let browser = Browser::launch_with(server).await;
    fresh_visit(&browser, "/r/memory.html").await;
    crate::page::wait_page(
        &browser,
        "the page script",
        "return window.cyclesReady;",
        vec![],
    )
    .await;
    let measure = |n: u32| {
        let browser = &browser;
        async move {
            let wasm = crate::page::js_async(
                browser,
                "return window.cycles(arguments[0]);",
                vec![json!(n)],
            )
            .await
            .as_f64()
            .unwrap_or_default();
            cdp::execute(browser, "HeapProfiler.collectGarbage", json!({})).await;
            let heap = cdp::execute(browser, "Runtime.getHeapUsage", json!({})).await;
            (wasm, heap["usedSize"].as_f64().unwrap_or_default())
        }
    };
    let (wasm_before, heap_before) = measure(1000).await;
    let (wasm_after, heap_after) = measure(1000).await;
    let (wasm_growth, heap_growth) = (wasm_after - wasm_before, heap_after - heap_before);
    eprintln!(
        "memory over 1000 cycles: wasm {wasm_before} → {wasm_after} bytes, JS heap {heap_before} → {heap_after} bytes"
    );
    assert!(
        wasm_growth <= WASM_GROWTH_BOUND,
        "wasm memory grew {wasm_growth} bytes over 1000 cycles"
    );
    assert!(
        heap_growth <= HEAP_GROWTH_BOUND,
        "the JS heap grew {heap_growth} bytes over 1000 cycles"
    );
    browser.quit().await;
}

/// A widget mounted after another was unmounted reuses its app root (the memory bound
/// above): it must start afresh, with nothing of the last one's answers, result or focus,
/// and the unmounted one must say nothing more.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_widget_in_a_reused_app_root_starts_afresh() {
    let page = host_page_with(
        "reuse",
        "<div id=\"a\" data-guidepost=\"a\"></div>\n<div id=\"b\"></div>",
        "",
    );
    let server = server_with(vec![("/r/reuse.html", page)]);
    let browser = Browser::launch_with(server).await;
    fresh_visit(&browser, "/r/reuse.html").await;
    let first = Widget::at(&browser, "#a");
    ready(&first, "#a").await;
    completes(&first, "the first widget").await;

    let events_before = recorded(&browser).await.events.len();
    crate::page::js_async(
        &browser,
        "return import('/guidepost.js').then(async (m) => {
           const a = await m.mount(document.getElementById('a'));
           a.unmount();
           await m.mount(document.getElementById('b'));
         });",
        vec![],
    )
    .await;
    let second = Widget::at(&browser, "#b");
    let rec = ready(&second, "#b").await;
    let later: Vec<_> = rec.events[events_before..].iter().collect();
    assert!(
        later.iter().all(|e| e.target == "#b"),
        "after unmount, the first widget reports nothing: {later:?}"
    );
    assert_eq!(
        later.iter().map(|e| e.kind.as_str()).collect::<Vec<_>>(),
        ["guidepost:ready"],
        "the second widget reports ready, and no result"
    );
    assert_eq!(
        second
            .js(
                "return {stage: root.querySelector('.gp').dataset.stage,
                         start: Boolean(root.querySelector('[data-action=\"start\"]')),
                         forget: Boolean(root.querySelector('[data-action=\"forget\"]')),
                         focused: Boolean(root.activeElement)};",
                vec![]
            )
            .await,
        json!({"stage": "assessment", "start": true, "forget": false, "focused": false}),
        "the second widget opens on its start panel, with no progress and no focus"
    );
    assert!(
        first.js("return root.childElementCount;", vec![]).await == json!(0),
        "the unmounted widget's shadow root is empty"
    );
    completes(&second, "the second widget").await;
    browser.quit().await;
}

// ----- the fallback message --------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_panic_in_a_language_named_like_an_object_member_still_says_something() {
    // An override in a language called "constructor": the fallback texts are looked up by
    // the language the widget shows, and a plain object has a member of that name.
    let mut content = builtin_en();
    content["lang"] = json!("constructor");
    content["version"] = json!("constructor-1.0.0");
    let body = format!(
        "<div id=\"w\" data-guidepost=\"c\" data-content=\"c\"></div>\n{}",
        json_script("c", &script_safe(&serde_json::to_string(&content).unwrap()))
    );
    let (browser, _) = hostile("constructor", "", &body).await;
    let widget = Widget::at(&browser, "#w");
    let rec = ready(&widget, "#w").await;
    assert!(
        rec.errors_on("#w").is_empty(),
        "the override is sound\n{rec}"
    );
    assert_eq!(
        widget
            .js(
                "return root.querySelector('.gp').getAttribute('lang');",
                vec![]
            )
            .await,
        json!("constructor")
    );
    crate::page::js_async(
        &browser,
        "return import('/guidepost-full.js').then((m) => { try { m.__guidepostTestPanic(); } catch (e) { return String(e); } });",
        vec![],
    )
    .await;
    let shown = retry_message(&widget, Duration::from_secs(10)).await;
    assert_eq!(
        shown,
        json!([
            "en",
            "Sorry, the self-assessment could not be shown. Please try again."
        ])
    );
    browser.quit().await;
}
