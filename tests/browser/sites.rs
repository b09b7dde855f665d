//! Sites suite: the widget as the README's recipes embed it — `<guidepost-assessment>`
//! written in HTML, created by a script the way Wix's Custom Element does, rendered by
//! React 19 and by Vue 3 — and the call to action a site owner configures: per language,
//! carrying exactly what `cta-params` lists, announced by `guidepost:cta` before the
//! browser follows it, opening in the top window from a frame.

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

use crate::driver::Browser;
use crate::host::{host_page, recorded, server_with, wait_recorded};
use crate::page::wait_page;
use crate::server::Page;
use crate::widget::{Input, Widget, COACHING_STORY, MENTORING_STORY, NEAR_THE_LINE_STORY};

/// The CTA's attributes as the visitor's browser sees them.
async fn cta(widget: &Widget<'_>, place: &str) -> Value {
    widget
        .wait_for(
            "the call to action",
            "const a = root.querySelector(`[data-action=cta][data-cta-place=${arguments[0]}]`);
             if (!a) return null;
             const note = a.parentElement.querySelector('[data-cta-note]');
             return { href: a.getAttribute('href'), label: a.textContent.trim(), target: a.getAttribute('target'),
                      rel: a.getAttribute('rel'), note: note ? note.textContent : null,
                      lang: root.querySelector('.gp').getAttribute('lang') };",
            vec![json!(place)],
        )
        .await
}

/// `<guidepost-assessment>` reads its attributes without `data-`, shows the visitor's
/// language's label and link, adds exactly what `cta-params` lists (the page's `utm_*`
/// but nothing else of its query), says so under the button, and follows a changed
/// attribute; a click sends `guidepost:cta` before the browser leaves; removing the element
/// removes the widget.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn the_custom_element_speaks_the_visitors_language_and_hands_the_result_over() {
    let server = server_with(vec![(
        "/ce.html",
        host_page(
            "site",
            "<guidepost-assessment id=\"ce\" lang=\"tr\" cta-url=\"/thanks.html?from=site\" \
             cta-url-en=\"/thanks.html?from=site-en#form\" cta-label-tr=\"Görüşme ayarlayın\" \
             cta-params=\"outcome lang scores utm\"></guidepost-assessment>\
             <script>document.addEventListener('guidepost:cta', (e) => \
             sessionStorage.setItem('cta', JSON.stringify(e.detail)));</script>",
        ),
    )]);
    server.add_page(
        "/thanks.html",
        Page::html("<!doctype html><title>thanks</title><p>thanks</p>"),
    );
    let browser = Browser::launch_with(server).await;
    browser
        .goto_path("/ce.html?utm_source=news&utm_campaign=q4%20leaders&email=someone%40example.com")
        .await;
    browser.js("localStorage.clear();", vec![]).await;
    let widget = Widget::at(&browser, "guidepost-assessment");
    widget.wait_ready().await;
    let shown = widget.complete(Input::Mouse, &COACHING_STORY).await;
    let scores = format!(
        "gp_coaching={}&gp_mentoring={}",
        shown.coaching, shown.mentoring
    );

    let first = cta(&widget, "scores").await;
    assert_eq!(first["lang"], json!("tr"), "{first}");
    assert_eq!(
        first["href"],
        json!(format!(
            "/thanks.html?from=site&gp_outcome=coaching&gp_lang=tr&{scores}&utm_source=news&utm_campaign=q4%20leaders"
        )),
        "the page's own query is never copied beyond utm_*: {first}"
    );
    assert_eq!(first["label"], json!("Görüşme ayarlayın"));
    assert_eq!(
        first["target"],
        Value::Null,
        "not framed: the browser's default"
    );
    let note = first["note"].as_str().unwrap();
    for shared in ["öneriniz", "iki puanınız", "diliniz", "kampanya"] {
        assert!(note.contains(shared), "the note names {shared}: {note}");
    }
    assert_eq!(
        cta(&widget, "end").await["href"],
        first["href"],
        "again at the end"
    );

    // A changed attribute takes effect: the widget rebuilds in English, on its result.
    browser
        .js(
            "document.getElementById('ce').setAttribute('lang', 'en');",
            vec![],
        )
        .await;
    widget
        .wait_for(
            "the widget to follow lang=\"en\"",
            "return root.querySelector('.gp[lang=en] [data-outcome]');",
            vec![],
        )
        .await;
    let english = cta(&widget, "scores").await;
    assert_eq!(
        english["href"],
        json!(format!(
            "/thanks.html?from=site-en&gp_outcome=coaching&gp_lang=en&{scores}&utm_source=news&utm_campaign=q4%20leaders#form"
        )),
        "{english}"
    );
    assert_eq!(
        english["label"],
        json!("Book a conversation"),
        "no English label given: the content's own"
    );

    let href = english["href"].as_str().unwrap().to_owned();
    widget
        .js("root.querySelector('[data-action=cta]').click();", vec![])
        .await;
    let landed = wait_page(
        &browser,
        "the CTA to lead to its page",
        "return location.pathname === '/thanks.html' ? location.search : null;",
        vec![],
    )
    .await;
    assert!(
        landed.as_str().unwrap().contains("gp_outcome=coaching"),
        "{landed}"
    );
    let detail: Value = serde_json::from_str(
        browser
            .js("return sessionStorage.getItem('cta');", vec![])
            .await
            .as_str()
            .expect("guidepost:cta was heard before the page was left"),
    )
    .unwrap();
    assert_eq!(detail["url"], json!(href), "{detail}");
    assert_eq!(detail["outcome"], json!("coaching"), "{detail}");
    assert_eq!(detail["place"], json!("scores"), "{detail}");
    assert_eq!(detail["lang"], json!("en"), "{detail}");

    // Removing the element removes the widget (and nothing throws).
    browser.back().await.expect("back to the host page");
    let widget = Widget::at(&browser, "guidepost-assessment");
    widget.wait_ready().await;
    let emptied = browser
        .js(
            "const el = document.getElementById('ce'); const root = el.shadowRoot; el.remove();
             return new Promise((done) => setTimeout(() => done(root.childElementCount), 50));",
            vec![],
        )
        .await;
    assert_eq!(
        emptied,
        json!(0),
        "the shadow root is emptied once the element leaves"
    );
    let record = recorded(&browser).await;
    assert!(record.lines("uncaught").is_empty(), "{record}");
    browser.quit().await;
}

/// Wix's Custom Element gives a tag name and a script URL: the script arrives as a plain
/// `<script src>`, and the element is created by script, its attributes set afterwards.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn an_element_created_by_script_after_a_classic_loader_works_like_wix() {
    let server = server_with(vec![(
        "/wix.html",
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>wix</title>\
         <script src=\"/hardening/listen.js\"></script></head><body><div id=\"slot\"></div>\
         <script src=\"/guidepost-classic.js\"></script>\
         <script src=\"/wix.js\"></script></body></html>"
            .into(),
    )]);
    server.add_page(
        "/wix.js",
        Page::new(
            "text/javascript",
            "const el = document.createElement('guidepost-assessment');
             document.getElementById('slot').append(el);
             el.setAttribute('lang', 'tr');
             el.setAttribute('persist', 'off');",
        ),
    );
    let browser = Browser::launch_with(server).await;
    browser.goto_path("/wix.html").await;
    let widget = Widget::at(&browser, "guidepost-assessment");
    widget.wait_ready().await;
    widget
        .wait_for(
            "the Turkish widget",
            "return root.querySelector('.gp[lang=tr]');",
            vec![],
        )
        .await;
    let shown = widget.complete(Input::Keyboard, &MENTORING_STORY).await;
    assert_eq!(shown.outcome, "mentoring");
    let record = recorded(&browser).await;
    assert_eq!(
        record.events_of("guidepost:ready").len(),
        1,
        "one widget, mounted once: {record}"
    );
    assert!(
        record.lines("error").is_empty() && record.lines("uncaught").is_empty(),
        "{record}"
    );
    browser.quit().await;
}

/// The framework recipes: the README's React component (bundled with esbuild, React 19)
/// and a Vue 3 template render `<guidepost-assessment>`, hear its result, switch its
/// language through a prop, and take it off the page and back.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn react_and_vue_render_it_hear_its_result_and_drive_its_language() {
    let frameworks = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/frameworks");
    let esbuild = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/.bin/esbuild");
    let bundle = Command::new(&esbuild)
        .arg(frameworks.join("react-app.jsx"))
        .args([
            "--bundle",
            "--format=esm",
            "--jsx=automatic",
            "--minify",
            "--log-level=error",
        ])
        .arg("--define:process.env.NODE_ENV=\"production\"")
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e} (make setup-browser installs it)",
                esbuild.display()
            )
        });
    assert!(
        bundle.status.success(),
        "esbuild: {}",
        String::from_utf8_lossy(&bundle.stderr)
    );
    let server = server_with(vec![(
        "/react.html",
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>react</title>\
         <script src=\"/hardening/listen.js\"></script></head><body><div id=\"root\"></div>\
         <script type=\"module\" src=\"/react-app.js\"></script>\
         <script type=\"module\" src=\"/guidepost.js\"></script></body></html>"
            .into(),
    )]);
    server.add_page("/react-app.js", Page::new("text/javascript", bundle.stdout));
    let vue =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/vue/dist/vue.esm-browser.prod.js");
    server.add_page(
        "/vendor/vue.esm-browser.prod.js",
        Page::new(
            "text/javascript",
            std::fs::read(&vue).expect("vue from npm"),
        ),
    );
    server.add_page(
        "/vue.html",
        Page::html(
            std::fs::read_to_string(frameworks.join("vue.html"))
                .unwrap()
                .replace(
                    "<head>",
                    "<head><script src=\"/hardening/listen.js\"></script>",
                ),
        ),
    );
    let browser = Browser::launch_with(server).await;

    for (path, app, result, first_lang, other_lang, story) in [
        (
            "/react.html",
            "window.reactApp.setLang",
            "#react-result",
            "en",
            "tr",
            &COACHING_STORY,
        ),
        (
            "/vue.html",
            "(l) => { window.vueApp.lang = l; }",
            "#vue-result",
            "tr",
            "en",
            &NEAR_THE_LINE_STORY,
        ),
    ] {
        browser.goto_path(path).await;
        let widget = Widget::at(&browser, "guidepost-assessment");
        widget.wait_ready().await;
        widget
            .wait_for(
                "the widget in the app's language",
                "return root.querySelector(`.gp[lang=${arguments[0]}]`);",
                vec![json!(first_lang)],
            )
            .await;
        let shown = widget.complete(Input::Mouse, story).await;
        wait_page(
            &browser,
            "the app to show the result it heard",
            "return document.querySelector(arguments[0]).textContent === arguments[1];",
            vec![json!(result), json!(shown.outcome)],
        )
        .await;
        browser
            .js(&format!("({app})(arguments[0]);"), vec![json!(other_lang)])
            .await;
        widget
            .wait_for(
                "the widget to follow the app's language",
                "return root.querySelector(`.gp[lang=${arguments[0]}]`);",
                vec![json!(other_lang)],
            )
            .await;
        let record = wait_recorded(&widget, "two ready events (mounted, then rebuilt)", |r| {
            r.events_of("guidepost:ready").len() >= 2
        })
        .await;
        assert!(
            record.lines("uncaught").is_empty() && record.lines("error").is_empty(),
            "{path}: {record}"
        );
    }

    // Vue takes the element away and brings a new one.
    browser
        .js("window.vueApp.shown = false; return null;", vec![])
        .await;
    wait_page(
        &browser,
        "the element to leave",
        "return !document.querySelector('guidepost-assessment');",
        vec![],
    )
    .await;
    browser.js("window.vueApp.shown = true;", vec![]).await;
    let widget = Widget::at(&browser, "guidepost-assessment");
    widget.wait_ready().await;
    browser.quit().await;
}

/// A framed widget's call to action opens in the top window (a site inside a page builder's
/// frame must not load the contact page inside the frame), unless `data-cta-target` says
/// otherwise.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_framed_call_to_action_opens_in_the_top_window() {
    let server = server_with(Vec::new());
    for (name, extra) in [("top", ""), ("blank", " data-cta-target=\"_blank\"")] {
        server.add_page(
            &format!("/child-{name}.html"),
            Page::html(host_page("site", &format!(
                "<div data-guidepost data-persist=\"off\" data-cta-url=\"mailto:team@example.com\"{extra}></div>"
            ))),
        );
        server.add_page(
            &format!("/frame-{name}.html"),
            Page::html(format!(
                "<!doctype html><title>frame</title><iframe src=\"/child-{name}.html#guidepost=1.0-0-0-0-0-0-0-1\" style=\"width:400px;height:800px\"></iframe>"
            )),
        );
    }
    let browser = Browser::launch_with(server).await;
    for (name, target, rel) in [
        ("top", json!("_top"), Value::Null),
        ("blank", json!("_blank"), json!("noopener")),
    ] {
        browser.goto_path(&format!("/frame-{name}.html")).await;
        let frame = browser
            .find(thirtyfour::By::Css("iframe"))
            .await
            .expect("the frame");
        frame.enter_frame().await.expect("into the frame");
        let widget = Widget::nth(&browser, 0);
        widget.wait_ready().await;
        let link = cta(&widget, "scores").await;
        assert_eq!(link["target"], target, "{link}");
        assert_eq!(link["rel"], rel, "{link}");
        let href = link["href"].as_str().unwrap();
        assert!(
            href.starts_with("mailto:team@example.com?subject=My%20self-assessment%20result")
                && href.contains("&body="),
            "a mail link gets a subject and a body: {href}"
        );
        browser.enter_default_frame().await.expect("back out");
    }
    browser.quit().await;
}

/// `guidepost:complete` says how the result came about: answered now (`fresh`), changed
/// after it was shown (`changed`), reopened from saved progress (`resumed`) or from a share
/// link (`shared`).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn complete_events_say_whether_a_result_is_fresh_changed_resumed_or_shared() {
    let server = server_with(vec![(
        "/source.html",
        host_page("site", "<div data-guidepost=\"s\"></div>"),
    )]);
    let browser = Browser::launch_with(server).await;
    browser.goto_path("/source.html").await;
    browser.js("localStorage.clear();", vec![]).await;
    browser.goto_path("/source.html").await;
    let widget = Widget::nth(&browser, 0);
    widget.wait_ready().await;
    widget.complete(Input::Mouse, &NEAR_THE_LINE_STORY).await;
    widget.click_action("apply-change").await;
    let sources = |record: &crate::host::Recorded| -> Vec<String> {
        record
            .events_of("guidepost:complete")
            .iter()
            .map(|e| e.detail["source"].as_str().unwrap_or("?").to_owned())
            .collect()
    };
    let record = wait_recorded(&widget, "two completes", |r| {
        r.events_of("guidepost:complete").len() >= 2
    })
    .await;
    assert_eq!(sources(&record), ["fresh", "changed"], "{record}");
    let link = widget
        .js(
            "return root.querySelector('#gp-share-link')?.value || null;",
            vec![],
        )
        .await;

    browser.goto_path("/source.html").await;
    let widget = Widget::nth(&browser, 0);
    let record = wait_recorded(&widget, "the reopened result's complete", |r| {
        !r.events_of("guidepost:complete").is_empty()
    })
    .await;
    assert_eq!(sources(&record), ["resumed"], "{record}");

    browser.js("localStorage.clear();", vec![]).await;
    let link = link.as_str().expect("a share link").to_owned();
    browser.goto(&link).await.expect("open the share link");
    browser.refresh().await.expect("a real load of the link");
    let widget = Widget::nth(&browser, 0);
    let record = wait_recorded(&widget, "the shared result's complete", |r| {
        !r.events_of("guidepost:complete").is_empty()
    })
    .await;
    assert_eq!(sources(&record), ["shared"], "{record}");
    browser.quit().await;
}

/// Site builders write a switch as `false` or `0` as often as `off`: each keeps nothing in
/// storage, while `on` (the default) keeps the progress.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn persist_false_or_0_keeps_nothing_in_storage() {
    let server = server_with(vec![(
        "/persist.html",
        host_page(
            "site",
            "<div data-guidepost=\"false\" data-persist=\"false\"></div>\
             <div data-guidepost=\"zero\" data-persist=\"0\"></div>\
             <div data-guidepost=\"on\" data-persist=\"on\"></div>",
        ),
    )]);
    let browser = Browser::launch_with(server).await;
    browser.goto_path("/persist.html").await;
    browser.js("localStorage.clear();", vec![]).await;
    for name in ["false", "zero", "on"] {
        let widget = Widget::at(&browser, &format!("[data-guidepost=\"{name}\"]"));
        widget.wait_ready().await;
        widget.start(Input::Mouse).await;
        widget
            .answer(Input::Mouse, "situation", &["role-transition"])
            .await;
    }
    let saved = crate::page::saved_progress(&browser).await;
    let keys: Vec<&String> = saved.keys().collect();
    assert_eq!(keys, ["guidepost:on"], "{saved:?}");
    browser.quit().await;
}
