//! Embedding suite: the built widget (`$GUIDEPOST_DIST`, default `dist/`) as host pages use
//! it — the example pages in dist/examples/, the JS API of guidepost.js, resume, share
//! links, a strict Content-Security-Policy, an iframe, a single-page app and the single-file
//! offline build — against the embedding contract of DESIGN.md.
//!
//! Run one suite after `make dist`:
//!   GUIDEPOST_DIST=$PWD/dist cargo test --test browser embedding:: -- --ignored --test-threads=1

use crate::cdp;
use crate::page;

use std::collections::BTreeMap;

use serde_json::{json, Value};
use thirtyfour::prelude::*;

use crate::driver::Browser;
use crate::page::{
    clear_storage, detail_answers, event_log, file_url, js_async, load, saved_progress,
    spy_console_warn, story_answers, wait_events, wait_page, warnings, HostEvent,
};
use crate::server::{Page, StaticServer};
use crate::widget::{
    Input, Outcome, Story, Widget, COACHING_STORY, COMBINED_STORY, MENTORING_STORY,
    NEAR_THE_LINE_STORY, QUESTIONS,
};

/// The strict policy of examples/csp.html, also sent as an HTTP header in the CSP test.
const STRICT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

// ----- shared checks ----------------------------------------------------------------------

fn check_outcome(story: &Story, got: &Outcome, context: &str) {
    assert_eq!(
        got.outcome, story.expected,
        "{context}: story \"{}\" should give `{}`, the result showed {got:?}",
        story.name, story.expected
    );
}

/// `version: 1`, `lang` and a non-empty `contentVersion` on an event's detail.
fn check_common_detail(event: &HostEvent, lang: &str) -> String {
    let d = &event.detail;
    assert_eq!(d["version"], json!(1), "{} detail.version: {d}", event.kind);
    assert_eq!(d["lang"], json!(lang), "{} detail.lang: {d}", event.kind);
    let content_version = d["contentVersion"].as_str().unwrap_or("");
    assert!(
        !content_version.is_empty(),
        "{} detail.contentVersion must be a non-empty string: {d}",
        event.kind
    );
    content_version.to_string()
}

/// The `guidepost:complete` detail agrees with the result the widget shows and the story.
fn check_complete_detail(detail: &Value, shown: &Outcome, story: &Story) {
    assert_eq!(
        detail["outcome"],
        json!(shown.outcome),
        "complete detail.outcome vs data-outcome: {detail}"
    );
    assert_eq!(
        detail["scores"],
        json!({"coaching": shown.coaching, "mentoring": shown.mentoring}),
        "complete detail.scores vs data-score-coaching/-mentoring ({shown:?}): {detail}"
    );
    let confidence = detail["confidence"].as_str().unwrap_or("");
    assert!(
        ["low", "medium", "high"].contains(&confidence),
        "complete detail.confidence must be low|medium|high: {detail}"
    );
    match shown.outcome.as_str() {
        "combined" => assert!(
            ["coaching-first", "mentoring-first", "together"]
                .contains(&detail["sequence"].as_str().unwrap_or("")),
            "a combined outcome needs detail.sequence coaching-first|mentoring-first|together: {detail}"
        ),
        _ => assert!(
            detail["sequence"].is_null(),
            "detail.sequence must be null unless the outcome is combined: {detail}"
        ),
    }
    assert_eq!(
        detail_answers(detail),
        story_answers(story),
        "complete detail.answers must hold every answer by question and option id: {detail}"
    );
}

/// Console errors, except the favicon probe every page gets.
async fn console_errors(browser: &Browser) -> Vec<String> {
    browser
        .console_errors()
        .await
        .into_iter()
        .filter(|m| !m.contains("favicon.ico"))
        .collect()
}

/// Waits until the widget shows its start panel (a visible start control, no question, no
/// result) whose forget control is visible exactly when `forget` is true; `when` says in
/// which situation, for the failure message.
async fn wait_start_panel(widget: &Widget<'_>, forget: bool, when: &str) {
    let what = format!(
        "the start panel {} a visible data-action=\"forget\" {when}",
        if forget { "with" } else { "without" }
    );
    widget
        .wait_for(
            &what,
            "if (!visible(first('[data-action=\"start\"]'))) return false;
             if (all('[data-question]').some(visible)) return false;
             if (all('[data-outcome]').some(visible)) return false;
             return visible(first('[data-action=\"forget\"]')) === arguments[0];",
            vec![json!(forget)],
        )
        .await;
}

/// How many comparison rows (`[data-row]`) the widget renders.
async fn rows(widget: &Widget<'_>) -> u64 {
    widget
        .js("return all('[data-row]').length;", vec![])
        .await
        .as_u64()
        .unwrap_or(0)
}

/// The computed background colour of the widget's start button.
async fn accent(widget: &Widget<'_>) -> String {
    widget
        .js(
            "return getComputedStyle(first('[data-action=\"start\"]')).backgroundColor;",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or("")
        .to_string()
}

/// The share link shown with the result (`#gp-share-link` inside the shadow root).
async fn share_link(widget: &Widget<'_>) -> String {
    let v = widget
        .wait_for(
            "the share link input #gp-share-link with a value",
            "const e = root && root.querySelector('#gp-share-link'); return e && e.value;",
            vec![],
        )
        .await;
    v.as_str().unwrap_or_default().to_string()
}

// ----- 1. events on a plain page ------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn plain_page_receives_ready_start_answer_and_complete_events() {
    let browser = Browser::launch().await;
    let widget = Widget::open(&browser, "/examples/plain.html").await;
    let ready = wait_events(&browser, "guidepost:ready", None, 1).await;
    assert_eq!(
        ready[0].detail["version"],
        json!(1),
        "ready: {:?}",
        ready[0]
    );
    assert_eq!(
        ready[0].detail["lang"],
        json!("en"),
        "ready: {:?}",
        ready[0]
    );

    // How the events travel: bubbling, composed CustomEvents dispatched on the host element.
    browser
        .js(
            "window.__eventFlags = [];
             const host = document.querySelector('[data-guidepost]');
             for (const t of ['guidepost:start', 'guidepost:answer', 'guidepost:complete'])
               document.addEventListener(t, (e) => window.__eventFlags.push({
                 type: e.type, bubbles: e.bubbles, composed: e.composed,
                 custom: e instanceof CustomEvent, onHost: e.target === host}));",
            vec![],
        )
        .await;

    let shown = widget.complete(Input::Mouse, &COMBINED_STORY).await;
    check_outcome(&COMBINED_STORY, &shown, "plain.html");
    wait_events(&browser, "guidepost:complete", None, 1).await;
    let log = event_log(&browser).await;
    let describe = page::describe(&log);
    let of = |kind: &str| -> Vec<(usize, &HostEvent)> {
        log.iter()
            .enumerate()
            .filter(|(_, e)| e.kind == kind)
            .collect()
    };
    let (readies, starts, answers, completes) = (
        of("guidepost:ready"),
        of("guidepost:start"),
        of("guidepost:answer"),
        of("guidepost:complete"),
    );
    assert_eq!(readies.len(), 1, "one ready event:\n{describe}");
    assert_eq!(starts.len(), 1, "one start event:\n{describe}");
    assert_eq!(completes.len(), 1, "one complete event:\n{describe}");
    assert!(
        answers.len() >= QUESTIONS.len(),
        "at least one answer event per question ({}), got {}:\n{describe}",
        QUESTIONS.len(),
        answers.len()
    );
    assert!(
        readies[0].0 < starts[0].0
            && starts[0].0 < answers[0].0
            && answers.last().unwrap().0 < completes[0].0,
        "events must come in the order ready, start, answer…, complete:\n{describe}"
    );

    // Every event after ready carries the same version, language and content version.
    let content_version = check_common_detail(starts[0].1, "en");
    for (_, event) in answers.iter().chain(&completes) {
        assert_eq!(
            check_common_detail(event, "en"),
            content_version,
            "contentVersion differs between events:\n{describe}"
        );
    }

    // Answer events name the question and its chosen options; the last one per question
    // holds the final answer.
    let mut last_answer: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (_, event) in &answers {
        let question = event.detail["question"]
            .as_str()
            .unwrap_or_else(|| panic!("answer detail.question must be a question id: {:?}", event));
        assert!(
            QUESTIONS.contains(&question),
            "answer detail.question `{question}` is not a contract question id"
        );
        let mut options: Vec<String> = serde_json::from_value(event.detail["options"].clone())
            .unwrap_or_else(|e| {
                panic!("answer detail.options must be option ids ({e}): {event:?}")
            });
        options.sort();
        last_answer.insert(question.to_string(), options);
    }
    assert_eq!(
        last_answer,
        story_answers(&COMBINED_STORY),
        "the answer events must add up to the answers given:\n{describe}"
    );

    check_complete_detail(&completes[0].1.detail, &shown, &COMBINED_STORY);

    let flags = browser.js("return window.__eventFlags;", vec![]).await;
    let flags = flags.as_array().expect("event flags");
    assert!(!flags.is_empty(), "the flag listener saw no events");
    for f in flags {
        assert_eq!(
            (&f["bubbles"], &f["composed"], &f["custom"], &f["onHost"]),
            (&json!(true), &json!(true), &json!(true), &json!(true)),
            "every event must be a bubbling, composed CustomEvent targeted at the host element: {f}"
        );
    }
    browser.quit().await;
}

/// Font sizes and spacing as a host page's theme leaves them: the smallest text, a few named
/// sizes, the panel's padding and whether anything overflows the host.
async fn measured_sizes(widget: &Widget<'_>) -> Value {
    widget
        .js(
            "const px = (css) => { const e = first(css); return e ? parseFloat(getComputedStyle(e).fontSize) : null; };
             let smallest = 1e9;
             const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
             while (walker.nextNode()) {
               const t = walker.currentNode;
               if (!t.textContent.trim() || !t.parentElement || !visible(t.parentElement)) continue;
               smallest = Math.min(smallest, parseFloat(getComputedStyle(t.parentElement).fontSize));
             }
             const panel = first('.gp-panel');
             return {
               eyebrow: px('.gp-eyebrow'), title: px('.gp-title'), row: px('.gp-table tbody th'),
               option: px('.gp-option'), question: px('[data-question] h3'), progress: px('.gp-progress-label'),
               smallest,
               panelPadding: panel ? parseFloat(getComputedStyle(panel).paddingLeft) : null,
               overflow: host.scrollWidth > host.clientWidth + 1 || root.querySelector('.gp').scrollWidth > host.clientWidth + 1,
             };",
            vec![],
        )
        .await
}

/// A theme's root font size (WordPress's `html { font-size: 62.5% }`, or 20px) changes
/// nothing inside the widget; `--guidepost-font-size` scales all of it; a 320 px sidebar gets
/// the compact layout: nothing overflows and no text is under 12 px.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn sizes_follow_the_host_element_not_the_theme() {
    let server = StaticServer::dist();
    let page = |style: &str, host: &str| {
        Page::html(format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <style>{style}</style></head><body><main style=\"display:flex;gap:24px\">\
             <article style=\"flex:1\">Post</article>{host}</main>\
             <script type=\"module\" src=\"/guidepost.js\"></script></body></html>"
        ))
    };
    let wide = "<div data-guidepost style=\"flex:0 0 760px\"></div>";
    server.add_page("/theme-default.html", page("", wide));
    server.add_page("/theme-small.html", page("html{font-size:62.5%}", wide));
    server.add_page("/theme-large.html", page("html{font-size:20px}", wide));
    server.add_page(
        "/theme-scaled.html",
        page(
            "",
            "<div data-guidepost style=\"flex:0 0 760px;--guidepost-font-size:20px\"></div>",
        ),
    );
    server.add_page(
        "/sidebar.html",
        page(
            "html{font-size:62.5%}",
            "<aside style=\"flex:0 0 320px\"><div data-guidepost></div></aside>",
        ),
    );
    let browser = Browser::launch_with(server).await;
    let mut seen = Vec::new();
    for path in [
        "/theme-default.html",
        "/theme-small.html",
        "/theme-large.html",
        "/theme-scaled.html",
        "/sidebar.html",
    ] {
        let widget = Widget::open(&browser, path).await;
        let start = measured_sizes(&widget).await;
        widget.start(Input::Mouse).await;
        widget.wait_question("situation").await;
        let question = measured_sizes(&widget).await;
        seen.push((path, start, question));
    }
    let (_, default_start, default_question) = &seen[0];
    for (path, start, question) in &seen[1..3] {
        assert_eq!(
            start, default_start,
            "{path}: the theme's root size must not reach the widget"
        );
        assert_eq!(question, default_question, "{path}");
    }
    let (_, scaled, _) = &seen[3];
    assert_eq!(
        scaled["eyebrow"].as_f64().unwrap(),
        default_start["eyebrow"].as_f64().unwrap() * 20.0 / 16.0,
        "--guidepost-font-size scales the widget: {scaled}"
    );
    let (_, sidebar_start, sidebar_question) = &seen[4];
    for sizes in [sidebar_start, sidebar_question] {
        assert_eq!(
            sizes["overflow"],
            json!(false),
            "the sidebar overflows: {sizes}"
        );
        assert!(
            sizes["smallest"].as_f64().unwrap() >= 12.0,
            "text under 12 px: {sizes}"
        );
        assert!(
            sizes["panelPadding"].as_f64().unwrap() <= 16.0,
            "a compact panel: {sizes}"
        );
    }
    for (path, start, question) in &seen {
        assert!(
            start["smallest"].as_f64().unwrap() >= 12.0,
            "{path}: {start}"
        );
        assert!(
            question["smallest"].as_f64().unwrap() >= 12.0,
            "{path}: {question}"
        );
    }
    browser.quit().await;
}

/// Site builders that take a script URL and write a plain `<script src>` (no `type="module"`)
/// get guidepost-classic.js, which loads the module: the widget works the same.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_classic_script_tag_loads_the_widget_too() {
    let server = StaticServer::dist();
    server.add_page(
        "/classic.html",
        Page::html(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"></head><body>\
             <div data-guidepost></div>\
             <script src=\"/guidepost-classic.js\"></script></body></html>",
        ),
    );
    let browser = Browser::launch_with(server).await;
    let widget = Widget::open(&browser, "/classic.html").await;
    let shown = widget.complete(Input::Mouse, &MENTORING_STORY).await;
    check_outcome(&MENTORING_STORY, &shown, "classic.html");
    assert!(console_errors(&browser).await.is_empty());
    browser.quit().await;
}

/// `data-datalayer="on"` pushes every event to `window.dataLayer` in Google Tag Manager's
/// shape; without it nothing is pushed.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn data_layer_on_pushes_every_event_for_tag_managers() {
    let server = StaticServer::dist();
    let page = |attribute: &str| {
        Page::html(format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"></head><body>\
             <div data-guidepost {attribute}></div>\
             <script type=\"module\" src=\"/guidepost.js\"></script></body></html>"
        ))
    };
    server.add_page("/gtm.html", page("data-datalayer=\"on\""));
    server.add_page("/no-gtm.html", page(""));
    let browser = Browser::launch_with(server).await;
    let widget = Widget::open(&browser, "/gtm.html").await;
    let shown = widget.complete(Input::Mouse, &COACHING_STORY).await;
    let pushed = wait_page(
        &browser,
        "a guidepost_complete entry in window.dataLayer",
        "const d = window.dataLayer || [];
         return d.some((e) => e.event === 'guidepost_complete') ? JSON.parse(JSON.stringify(d)) : null;",
        vec![],
    )
    .await;
    let events: Vec<&str> = pushed
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["event"].as_str())
        .collect();
    for name in [
        "guidepost_ready",
        "guidepost_start",
        "guidepost_answer",
        "guidepost_complete",
    ] {
        assert!(events.contains(&name), "{name} in {pushed}");
    }
    let complete = pushed
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"] == json!("guidepost_complete"))
        .unwrap();
    assert_eq!(
        complete["guidepost"]["outcome"],
        json!(shown.outcome),
        "{complete}"
    );
    let _ = Widget::open(&browser, "/no-gtm.html").await;
    assert_eq!(
        browser
            .js("return window.dataLayer === undefined;", vec![])
            .await,
        json!(true),
        "nothing is pushed unless the host asks"
    );
    browser.quit().await;
}

/// "What would change it", tried and undone through the documented hooks: each suggestion
/// lists exactly what differs (`data-change`, `data-from`, `data-to`), "Try this" shows the
/// named outcome and sends `guidepost:complete` for it, the share link and saved progress
/// follow what is shown, and `undo` restores the visitor's own answers, with another
/// `guidepost:complete`.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_suggestion_tried_and_undone_sends_complete_and_moves_the_share_link() {
    let browser = Browser::launch().await;
    browser.goto_path("/examples/plain.html").await;
    clear_storage(&browser).await;
    let widget = Widget::open(&browser, "/examples/plain.html").await;
    let story = &NEAR_THE_LINE_STORY;
    let shown = widget.complete(Input::Mouse, story).await;
    check_outcome(story, &shown, "near the line");
    wait_events(&browser, "guidepost:complete", None, 1).await;
    let own_link = share_link(&widget).await;
    let own_progress = saved_progress(&browser).await;

    let suggestions = widget.suggestions().await;
    assert!(!suggestions.is_empty(), "{}", widget.report().await);
    let mut outcomes: Vec<&str> = suggestions.iter().map(|s| s.outcome.as_str()).collect();
    outcomes.dedup();
    assert_eq!(
        outcomes.len(),
        suggestions.len(),
        "one suggestion per outcome"
    );
    let own = story_answers(story);
    for suggestion in &suggestions {
        assert_ne!(suggestion.outcome, shown.outcome);
        assert!(!suggestion.changes.is_empty(), "{suggestion:?}");
        for change in &suggestion.changes {
            let mut from = change.from.clone();
            from.sort();
            assert_eq!(
                Some(&from),
                own.get(&change.question),
                "data-from is the answer given: {change:?}"
            );
            assert_ne!(
                change.from, change.to,
                "an unchanged answer is listed: {change:?}"
            );
        }
        assert!(
            !suggestion.text.contains(" and you "),
            "one sentence per change: {}",
            suggestion.text
        );
    }

    // Try the first suggestion.
    let tried = &suggestions[0];
    widget.click_action("apply-change").await;
    widget.wait_outcome(&tried.outcome).await;
    let completes = wait_events(&browser, "guidepost:complete", None, 2).await;
    let mut expected = own.clone();
    for change in &tried.changes {
        let mut to = change.to.clone();
        to.sort();
        expected.insert(change.question.clone(), to);
    }
    assert_eq!(completes[1].detail["outcome"], json!(tried.outcome));
    assert_eq!(
        detail_answers(&completes[1].detail),
        expected,
        "the tried answers are sent"
    );
    let tried_link = share_link(&widget).await;
    assert_ne!(
        tried_link, own_link,
        "the share link follows the result shown"
    );
    assert_ne!(
        saved_progress(&browser).await,
        own_progress,
        "saved progress follows too"
    );
    // What was changed is shown with the undo control.
    let notice = widget
        .js(
            "const n = first('.gp-tried'); return n ? n.textContent : '';",
            vec![],
        )
        .await;
    for change in &tried.changes {
        assert!(
            widget
                .shadow(&format!(".gp-tried [data-change=\"{}\"]", change.question))
                .await
                .is_some(),
            "the tried change is listed: {notice}"
        );
    }

    // Undo: the visitor's own answers and result again.
    widget.click_action("undo").await;
    widget.wait_outcome(&shown.outcome).await;
    let completes = wait_events(&browser, "guidepost:complete", None, 3).await;
    assert_eq!(completes[2].detail["outcome"], json!(shown.outcome));
    assert_eq!(detail_answers(&completes[2].detail), own);
    assert_eq!(share_link(&widget).await, own_link);
    assert_eq!(saved_progress(&browser).await, own_progress);
    assert!(
        widget.shadow("[data-action=\"undo\"]").await.is_none(),
        "nothing left to undo"
    );
    browser.quit().await;
}

/// The ready event carries the same detail shape as the others (version, lang,
/// contentVersion), so a host can log every event the same way.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn ready_event_detail_names_the_content_version() {
    let browser = Browser::launch().await;
    browser.goto_path("/examples/plain.html").await;
    Widget::nth(&browser, 0).wait_ready().await;
    let ready = wait_events(&browser, "guidepost:ready", None, 1).await;
    check_common_detail(&ready[0], "en");
    browser.quit().await;
}

// ----- 2. two widgets, hostile CSS, theming ---------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn two_widgets_keep_separate_state_and_resist_hostile_css() {
    let browser = Browser::launch().await;
    browser.goto_path("/examples/two-widgets.html").await;
    let first = Widget::at(&browser, "#first"); // data-guidepost="leadership" data-view="quiz"
    let second = Widget::at(&browser, "#second"); // "careers", full, dark, themed
    first.wait_ready().await;
    second.wait_ready().await;
    wait_events(&browser, "guidepost:ready", Some("leadership"), 1).await;
    wait_events(&browser, "guidepost:ready", Some("careers"), 1).await;

    // Views: the quiz-only widget has no comparison rows; the full one has them.
    assert_eq!(
        rows(&first).await,
        0,
        "data-view=quiz must not show the comparison"
    );
    assert!(
        rows(&second).await > 0,
        "data-view=full must show the comparison rows"
    );

    // Hostile global CSS stops at the shadow root (inherited properties included). First
    // make sure it is active on the page at all, or the checks below would prove nothing.
    let outside = browser
        .js(
            "const s = getComputedStyle(document.querySelector('#second'));
             return {font: s.fontFamily, spacing: s.letterSpacing};",
            vec![],
        )
        .await;
    assert!(
        outside["font"]
            .as_str()
            .unwrap_or("")
            .contains("Comic Sans")
            && outside["spacing"] != json!("normal"),
        "examples/hostile.css should style the host elements themselves: {outside}"
    );
    for (name, widget) in [("first", &first), ("second", &second)] {
        let style = widget
            .js(
                "const b = first('[data-action=\"start\"]');
                 const s = getComputedStyle(b);
                 const r = b.getBoundingClientRect();
                 const g = getComputedStyle(root.querySelector('.gp') || b);
                 return {display: s.display, font: s.fontFamily, spacing: s.letterSpacing,
                         size: s.fontSize, color: s.color, background: s.backgroundColor,
                         border: s.borderTopStyle, width: r.width, height: r.height,
                         panelBackground: g.backgroundColor, panelFont: g.fontFamily};",
                vec![],
            )
            .await;
        let text = |k: &str| style[k].as_str().unwrap_or("").to_string();
        assert_ne!(
            text("display"),
            "none",
            "#{name}: hostile `button {{display:none}}` reached the widget: {style}"
        );
        assert!(
            style["width"].as_f64().unwrap_or(0.0) > 0.0
                && style["height"].as_f64().unwrap_or(0.0) > 0.0,
            "#{name}: the start button must be rendered with a size: {style}"
        );
        for key in ["font", "panelFont"] {
            assert!(
                !text(key).to_lowercase().contains("comic sans"),
                "#{name}: hostile font-family reached the widget ({key}): {style}"
            );
        }
        assert_eq!(
            text("spacing"),
            "normal",
            "#{name}: hostile letter-spacing reached the widget: {style}"
        );
        assert_ne!(
            text("size"),
            "22px",
            "#{name}: hostile font-size reached the widget: {style}"
        );
        assert_ne!(
            text("color"),
            "rgb(255, 0, 170)",
            "#{name}: hostile color reached the widget: {style}"
        );
        assert_ne!(
            text("border"),
            "dashed",
            "#{name}: hostile border reached the widget: {style}"
        );
        for key in ["background", "panelBackground"] {
            assert_ne!(
                text(key),
                "rgb(255, 255, 0)",
                "#{name}: hostile background reached the widget ({key}): {style}"
            );
        }
    }

    // Theming through --guidepost-accent on the host element (theme.css: #9ad1ff).
    assert_eq!(
        accent(&second).await,
        "rgb(154, 209, 255)",
        "the themed widget's start button must take --guidepost-accent from the host"
    );
    assert_ne!(
        accent(&first).await,
        "rgb(154, 209, 255)",
        "the accent of one host must not leak into the other widget"
    );

    // Independent state: answering in the first leaves the second on its start panel.
    first.start(Input::Mouse).await;
    first
        .answer(Input::Mouse, "situation", &["role-transition"])
        .await;
    first.wait_question("support").await;
    wait_start_panel(&second, false, "on #second while only #first was answered").await;
    let saved = saved_progress(&browser).await;
    assert!(
        saved.contains_key("guidepost:leadership"),
        "the first widget saves under its own namespace guidepost:leadership: {saved:?}"
    );
    assert!(
        !saved.contains_key("guidepost:careers"),
        "nothing saved for the untouched second widget: {saved:?}"
    );

    second.start(Input::Mouse).await;
    second
        .answer(Input::Mouse, "situation", &["new-industry"])
        .await;
    second.wait_question("support").await;
    first.wait_question("support").await;
    first.click_action("back").await;
    first.wait_question("situation").await;
    assert_eq!(
        first.chosen("situation").await,
        vec!["role-transition"],
        "#first keeps its own answer after #second was answered"
    );
    assert_eq!(second.current_question().await.as_deref(), Some("support"));

    let saved = saved_progress(&browser).await;
    let (a, b) = (
        saved.get("guidepost:leadership"),
        saved.get("guidepost:careers"),
    );
    assert!(
        a.is_some() && b.is_some() && a != b,
        "two namespaces with different progress expected: {saved:?}"
    );
    let log = event_log(&browser).await;
    for host in ["leadership", "careers"] {
        assert!(
            log.iter()
                .any(|e| e.kind == "guidepost:answer" && e.host == host),
            "answer events from host \"{host}\" expected:\n{}",
            page::describe(&log)
        );
    }
    browser.quit().await;
}

// ----- 3. strict CSP (meta and header) ----------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn strict_csp_page_mounts_and_completes_without_violations() {
    let path = StaticServer::dist_dir().join("examples/csp.html");
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        html.contains(STRICT_CSP),
        "examples/csp.html should carry the strict policy `{STRICT_CSP}` in its meta tag"
    );
    let server = StaticServer::dist();
    server.add_page(
        "/examples/csp.html",
        Page::html(html).header("Content-Security-Policy", STRICT_CSP),
    );
    let browser = Browser::launch_with(server).await;
    browser.goto_path("/examples/csp.html").await;
    let header = js_async(
        &browser,
        "return fetch(location.href, {cache: 'no-store'}).then(r => r.headers.get('content-security-policy'));",
        vec![],
    )
    .await;
    assert_eq!(
        header,
        json!(STRICT_CSP),
        "the page must arrive with the CSP header"
    );

    let widget = Widget::nth(&browser, 0);
    widget.wait_ready().await;
    wait_events(&browser, "guidepost:ready", None, 1).await;
    let shown = widget.complete(Input::Mouse, &MENTORING_STORY).await;
    check_outcome(&MENTORING_STORY, &shown, "csp.html");
    let completes = wait_events(&browser, "guidepost:complete", None, 1).await;
    check_complete_detail(&completes[0].detail, &shown, &MENTORING_STORY);

    let violations = browser.js("return window.cspViolations;", vec![]).await;
    assert_eq!(
        violations,
        json!([]),
        "the widget must need nothing the strict CSP forbids"
    );
    let errors = console_errors(&browser).await;
    assert!(
        errors.is_empty(),
        "console errors under the strict CSP: {errors:#?}"
    );

    // Control: the policy is really enforced and violations really get recorded.
    browser
        .js(
            "const s = document.createElement('script');
             s.textContent = 'window.__inlineRan = true;';
             document.body.append(s);",
            vec![],
        )
        .await;
    wait_page(
        &browser,
        "an inline script to be reported as a CSP violation (control)",
        "return window.cspViolations.length > 0 && window.__inlineRan === undefined;",
        vec![],
    )
    .await;
    browser.quit().await;
}

// ----- 4. inside an iframe ---------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn framed_widget_posts_its_events_to_the_parent() {
    let browser = Browser::launch().await;
    browser.goto_path("/examples/iframe.html").await;
    let frame = browser
        .find(By::Css("iframe.widget-frame"))
        .await
        .expect("the example's iframe");
    frame.enter_frame().await.expect("switch into the iframe");
    let widget = Widget::at(&browser, "#framed-widget");
    widget.wait_ready().await;
    let shown = widget.complete(Input::Mouse, &COACHING_STORY).await;
    check_outcome(&COACHING_STORY, &shown, "iframe-child.html");
    browser
        .enter_default_frame()
        .await
        .expect("back to the parent page");

    let messages = wait_page(
        &browser,
        "the parent to receive guidepost:complete by postMessage",
        "const m = window.guidepostMessages || [];
         return m.some(x => x.type === 'guidepost:complete') ? JSON.parse(JSON.stringify(m)) : null;",
        vec![],
    )
    .await;
    let messages: Vec<HostEvent> = serde_json::from_value(messages).expect("messages");
    let describe = page::describe(&messages);
    let kinds: Vec<&str> = messages.iter().map(|m| m.kind.as_str()).collect();
    for kind in ["guidepost:ready", "guidepost:start", "guidepost:answer"] {
        assert!(
            kinds.contains(&kind),
            "parent should also get {kind}:\n{describe}"
        );
    }
    let completes: Vec<&HostEvent> = messages
        .iter()
        .filter(|m| m.kind == "guidepost:complete")
        .collect();
    assert_eq!(completes.len(), 1, "one complete message:\n{describe}");
    check_common_detail(completes[0], "en");
    check_complete_detail(&completes[0].detail, &shown, &COACHING_STORY);

    // The framed widget reports its height as it changes; the example sizes its iframe to
    // it, so the result (taller than the start panel) shows without an inner scrollbar.
    let heights: Vec<f64> = messages
        .iter()
        .filter(|m| m.kind == "guidepost:resize")
        .filter_map(|m| m.detail["height"].as_f64())
        .collect();
    assert!(
        heights.len() >= 2,
        "resize messages as the widget grows:\n{describe}"
    );
    assert!(heights.iter().all(|h| *h > 200.0), "{heights:?}");
    let last = *heights.last().unwrap();
    assert!(
        last > heights[0],
        "the result is taller than the start: {heights:?}"
    );
    // The latest height at the time of reading: the result may still settle after the
    // messages above were read.
    let frame = wait_page(
        &browser,
        "the iframe sized to the last height",
        "const f = document.querySelector('iframe.widget-frame');
         const h = f.getBoundingClientRect().height;
         const sizes = window.guidepostMessages.filter((m) => m.type === 'guidepost:resize');
         const last = sizes[sizes.length - 1].detail.height;
         return Math.abs(h - last) <= 4 ? h : null;",
        vec![],
    )
    .await;
    assert!(
        frame.as_f64().unwrap() > 900.0,
        "the frame grew past its old fixed 900 px"
    );
    browser.quit().await;
}

/// DESIGN.md: "Inside an iframe the same events are also sent to the parent with
/// postMessage" — `guidepost:error` included (here: a broken content override).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn framed_widget_posts_error_events_to_the_parent_too() {
    let browser = Browser::launch().await;
    browser.goto_path("/examples/iframe.html").await;
    let frame = browser
        .find(By::Css("iframe.widget-frame"))
        .await
        .expect("the example's iframe");
    frame.enter_frame().await.expect("switch into the iframe");
    Widget::at(&browser, "#framed-widget").wait_ready().await;
    let errors = js_async(
        &browser,
        "const el = document.createElement('div');
         el.id = 'broken-content';
         document.body.append(el);
         const seen = [];
         el.addEventListener('guidepost:error', (e) => seen.push(e.detail));
         return import('/guidepost.js')
           .then(m => m.mount(el, {parentOrigin: location.origin, persist: false,
                                   content: '{\"version\": 7}'}))
           .then(() => JSON.parse(JSON.stringify(seen)));",
        vec![],
    )
    .await;
    assert!(
        errors.as_array().is_some_and(|e| !e.is_empty()),
        "a broken content override must raise guidepost:error on the framed host: {errors}"
    );
    browser
        .enter_default_frame()
        .await
        .expect("back to the parent page");
    wait_page(
        &browser,
        &format!(
            "the parent to receive guidepost:error by postMessage, as it receives the other \
             events (the framed host got: {errors})"
        ),
        "return (window.guidepostMessages || []).some(m => m.type === 'guidepost:error');",
        vec![],
    )
    .await;
    browser.quit().await;
}

// ----- 5. single-page app ----------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn spa_widget_added_later_mounts_unmounts_and_remounts() {
    let browser = Browser::launch().await;
    browser.goto_path("/examples/spa.html").await;
    let served = browser.server.root().join("examples/spa.html");
    assert!(
        !std::fs::read_to_string(served)
            .unwrap()
            .contains("data-guidepost=\"spa\""),
        "spa.html must not contain the widget element itself (it is added by spa.js)"
    );
    let widget = Widget::at(&browser, "[data-guidepost=\"spa\"]");
    widget.wait_ready().await;
    wait_events(&browser, "guidepost:ready", Some("spa"), 1).await;

    // Closing removes the element; the loader unmounts the widget it held.
    browser
        .js(
            "window.__oldHost = document.querySelector('[data-guidepost=\"spa\"]');",
            vec![],
        )
        .await;
    browser
        .find(By::Id("close"))
        .await
        .expect("#close")
        .click()
        .await
        .expect("click #close");
    wait_page(
        &browser,
        "the removed widget to be unmounted (its shadow root emptied)",
        "return !document.querySelector('[data-guidepost]')
           && window.__oldHost.shadowRoot && window.__oldHost.shadowRoot.childNodes.length === 0;",
        vec![],
    )
    .await;

    // Opening adds a fresh element, which mounts on its own and works.
    browser
        .find(By::Id("open"))
        .await
        .expect("#open")
        .click()
        .await
        .expect("click #open");
    widget.wait_ready().await;
    wait_events(&browser, "guidepost:ready", Some("spa"), 2).await;
    let fresh = browser
        .js(
            "return document.querySelector('[data-guidepost=\"spa\"]') !== window.__oldHost;",
            vec![],
        )
        .await;
    assert_eq!(fresh, json!(true), "#open should add a new element");
    let shown = widget.complete(Input::Mouse, &MENTORING_STORY).await;
    check_outcome(&MENTORING_STORY, &shown, "spa.html after reopening");
    let completes = wait_events(&browser, "guidepost:complete", Some("spa"), 1).await;
    check_complete_detail(&completes[0].detail, &shown, &MENTORING_STORY);
    browser.quit().await;
}

// ----- 6. bad options fall back ----------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn js_api_bad_view_and_javascript_cta_fall_back_with_warnings() {
    let browser = Browser::launch().await;
    browser.goto_path("/examples/plain.html").await;
    Widget::nth(&browser, 0).wait_ready().await;
    spy_console_warn(&browser).await;
    let attributes = js_async(
        &browser,
        "const el = document.createElement('div');
         el.id = 'api';
         document.querySelector('main').append(el);
         return import('/guidepost.js')
           .then(m => m.mount(el, {view: 'sideways', ctaUrl: 'javascript:alert(1)'}))
           .then(h => ({view: el.getAttribute('data-view'), cta: el.getAttribute('data-cta-url'),
                        same: h.element === el}));",
        vec![],
    )
    .await;
    assert_eq!(
        attributes,
        json!({"view": "sideways", "cta": "javascript:alert(1)", "same": true}),
        "mount() options must land on the host attributes"
    );
    let widget = Widget::at(&browser, "#api");
    widget.wait_ready().await;
    assert!(
        rows(&widget).await > 0,
        "view \"sideways\" must fall back to the full view (comparison rows shown)"
    );
    wait_start_panel(
        &widget,
        false,
        "on a fresh widget mounted with view \"sideways\" (full view)",
    )
    .await;

    let warned = warnings(&browser).await;
    let guidepost: Vec<&String> = warned
        .iter()
        .filter(|w| w.starts_with("Guidepost:"))
        .collect();
    assert!(
        guidepost
            .iter()
            .any(|w| w.contains("data-view") && w.contains("sideways")),
        "a console warning starting \"Guidepost:\" should name data-view=\"sideways\": {warned:#?}"
    );
    assert!(
        guidepost
            .iter()
            .any(|w| w.contains("data-cta-url") && w.contains("javascript:")),
        "a console warning starting \"Guidepost:\" should refuse the javascript: CTA: {warned:#?}"
    );

    let shown = widget.complete(Input::Mouse, &COACHING_STORY).await;
    check_outcome(&COACHING_STORY, &shown, "JS API widget");
    let cta = widget
        .js(
            "return all('[data-action=\"cta\"], a[href^=\"javascript\" i]').map(e => e.outerHTML);",
            vec![],
        )
        .await;
    assert_eq!(cta, json!([]), "a refused CTA URL must leave no CTA link");
    browser.quit().await;
}

// ----- 7. resume ------------------------------------------------------------------------------

/// Opens plain.html, answers the first three questions of the coaching story and reloads.
async fn answer_three_and_reload(browser: &Browser) -> Widget<'_> {
    browser.goto_path("/examples/plain.html").await;
    let widget = Widget::nth(browser, 0);
    widget.wait_ready().await;
    assert!(
        saved_progress(browser).await.is_empty(),
        "fresh profile, nothing saved"
    );
    widget.start(Input::Mouse).await;
    for (question, choices) in &COACHING_STORY.answers[..3] {
        widget.answer(Input::Mouse, question, choices).await;
    }
    widget.wait_question(QUESTIONS[3]).await;
    let saved = saved_progress(browser).await;
    assert_eq!(
        saved.keys().collect::<Vec<_>>(),
        vec!["guidepost:#0"],
        "progress saved under guidepost:#<position> for a widget with an empty data-guidepost"
    );
    browser.driver().refresh().await.expect("reload");
    widget.wait_ready().await;
    widget
}

/// After a reload the visitor is greeted by the start panel: "Continue where I left off"
/// and a visible control that forgets the saved answers (DESIGN.md: "a visible control
/// forgets it").
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn reload_with_saved_progress_shows_continue_and_forget() {
    let browser = Browser::launch().await;
    let widget = answer_three_and_reload(&browser).await;
    wait_start_panel(
        &widget,
        true,
        "after a reload with saved progress (DESIGN.md: a visible control forgets it)",
    )
    .await;
    let label = widget
        .js(
            "return first('[data-action=\"start\"]').textContent.trim();",
            vec![],
        )
        .await;
    assert!(
        label.as_str().unwrap_or("").starts_with("Continue"),
        "the start control should offer to continue, it says {label}"
    );
    browser.quit().await;
}

/// Resume keeps the answers and continues at the first open question; forget clears them
/// and the saved key; `persist: false` never writes `localStorage`.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn progress_resumes_after_reload_and_can_be_forgotten() {
    let browser = Browser::launch().await;
    let widget = answer_three_and_reload(&browser).await;
    // Continue (through the start panel if there is one) at question 4.
    let shown = widget
        .wait_for(
            "the start panel or a question after the reload",
            "if (visible(first('[data-action=\"start\"]'))) return 'start';
             const q = all('[data-question]').find(visible);
             return q ? q.getAttribute('data-question') : null;",
            vec![],
        )
        .await;
    if shown == json!("start") {
        widget.click_action("start").await;
    }
    widget.wait_question(QUESTIONS[3]).await;
    for (question, choices) in COACHING_STORY.answers[..3].iter().rev() {
        widget.click_action("back").await;
        widget.wait_question(question).await;
        let mut want: Vec<String> = choices.iter().map(|c| c.to_string()).collect();
        want.sort();
        let mut got = widget.chosen(question).await;
        got.sort();
        assert_eq!(got, want, "after resuming, `{question}` keeps its answer");
    }

    // Back from the first question leads to the start panel, which offers to forget.
    widget.click_action("back").await;
    wait_start_panel(
        &widget,
        true,
        "after Back from the first question, with answers kept",
    )
    .await;
    widget.click_action("forget").await;
    wait_start_panel(&widget, false, "after forget").await;
    wait_page(
        &browser,
        "localStorage to lose the saved progress after forget",
        "return !Object.keys(localStorage).some(k => k.startsWith('guidepost:'));",
        vec![],
    )
    .await;
    widget.start(Input::Mouse).await;
    widget.wait_question(QUESTIONS[0]).await;
    assert_eq!(
        widget.chosen(QUESTIONS[0]).await,
        Vec::<String>::new(),
        "after forget the first question has nothing chosen"
    );
    widget.click_action("back").await;
    wait_start_panel(&widget, false, "after going back again").await;
    browser.driver().refresh().await.expect("reload");
    widget.wait_ready().await;
    wait_start_panel(
        &widget,
        false,
        "after forget and a reload (nothing restored)",
    )
    .await;

    // persist: false (data-persist="off") never writes localStorage.
    let attribute = js_async(
        &browser,
        "const el = document.createElement('div');
         el.id = 'no-persist';
         document.querySelector('main').append(el);
         return import('/guidepost.js').then(m => m.mount(el, {persist: false, view: 'quiz'}))
           .then(() => el.getAttribute('data-persist'));",
        vec![],
    )
    .await;
    assert_eq!(
        attribute,
        json!("off"),
        "persist: false sets data-persist=\"off\""
    );
    let other = Widget::at(&browser, "#no-persist");
    other.wait_ready().await;
    other.start(Input::Mouse).await;
    for (question, choices) in &MENTORING_STORY.answers[..3] {
        other.answer(Input::Mouse, question, choices).await;
    }
    other.wait_question(QUESTIONS[3]).await;
    let saved = saved_progress(&browser).await;
    assert!(
        saved.is_empty(),
        "a widget with persist: false must not write localStorage: {saved:?}"
    );
    browser.quit().await;
}

// ----- 8. share links -------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn share_link_reopens_the_same_result_and_tampered_links_are_ignored() {
    let browser = Browser::launch().await;
    let widget = Widget::open(&browser, "/examples/plain.html").await;
    let shown = widget.complete(Input::Mouse, &COMBINED_STORY).await;
    check_outcome(&COMBINED_STORY, &shown, "plain.html");
    let link = share_link(&widget).await;
    let page_url = browser.url("/examples/plain.html");
    assert!(
        link.starts_with(&format!("{page_url}#guidepost=1.")),
        "the share link should be the page URL plus #guidepost=1.<groups>, got {link:?}"
    );

    // Nothing saved may help: the link alone must carry the result.
    clear_storage(&browser).await;
    load(&browser, &link).await;
    widget.wait_ready().await;
    let reopened = widget.outcome().await;
    assert_eq!(
        reopened, shown,
        "the share link {link} must show the same result"
    );
    assert_eq!(
        share_link(&widget).await,
        link,
        "the reopened result offers the same link"
    );
    let cta = widget
        .js(
            "const a = first('[data-action=\"cta\"]'); return a ? a.getAttribute('href') : null;",
            vec![],
        )
        .await;
    assert_eq!(
        cta,
        json!("https://example.com/contact"),
        "the result shows the host's (safe) CTA link"
    );

    // A tampered link: start view and a console warning.
    for tampered in ["#guidepost=1.9-9", "#guidepost=1.0-0-0-0-0-0-0-9"] {
        clear_storage(&browser).await;
        load(&browser, &format!("{page_url}{tampered}")).await;
        widget.wait_ready().await;
        wait_start_panel(&widget, false, &format!("for the tampered link {tampered}")).await;
        let console = browser.console().await;
        assert!(
            console
                .iter()
                .any(|e| e.message.contains("Guidepost:") && e.message.contains("share link")),
            "a console warning about the ignored share link {tampered} expected:\n{}",
            browser.console_text().await
        );
    }
    browser.quit().await;
}

// ----- 9. offline single file -------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn offline_file_works_from_file_url_with_the_network_blocked() {
    let browser = Browser::launch().await;
    let offline = StaticServer::dist_dir().join("guidepost-offline.html");
    assert!(
        offline.is_file(),
        "{} is missing: run `make dist`",
        offline.display()
    );
    let url = file_url(&offline);

    browser
        .driver()
        .goto("about:blank")
        .await
        .expect("about:blank");
    cdp::go_offline(&browser).await;
    browser
        .driver()
        .goto(&url)
        .await
        .expect("open the offline file");
    // The network is really gone: even the harness's own 127.0.0.1 server is unreachable.
    let probe = js_async(
        &browser,
        "return fetch(arguments[0], {mode: 'no-cors', cache: 'no-store'}).then(() => 'reached', e => 'blocked: ' + e);",
        vec![json!(browser.url("/index.html?offline-probe"))],
    )
    .await;
    assert!(
        probe.as_str().unwrap_or("").starts_with("blocked"),
        "the test must block the network, but a fetch to the local server gave {probe}"
    );

    let widget = Widget::nth(&browser, 0);
    widget.wait_ready().await;
    let shown = widget.complete(Input::Mouse, &COACHING_STORY).await;
    check_outcome(&COACHING_STORY, &shown, "guidepost-offline.html");
    let link = share_link(&widget).await;
    assert!(
        link.starts_with(&format!("{url}#guidepost=1.")),
        "the offline share link should be the file URL plus #guidepost=…, got {link:?}"
    );
    let foreign = browser
        .js(
            "return performance.getEntriesByType('resource').map(e => e.name)
               .filter(u => !/^(file|data|blob):/.test(u) && !u.endsWith('?offline-probe'));",
            vec![],
        )
        .await;
    assert_eq!(
        foreign,
        json!([]),
        "the offline file loaded network resources"
    );

    // Open the link (nothing saved may help).
    clear_storage(&browser).await;
    load(&browser, &link).await;
    widget.wait_ready().await;
    assert_eq!(
        widget.outcome().await,
        shown,
        "the offline file opened with {link} must show the same result"
    );

    assert!(
        browser.server.requests().is_empty(),
        "the offline test must not touch the HTTP server: {:#?}",
        browser.server.requests()
    );
    let errors = console_errors(&browser).await;
    assert!(
        errors.is_empty(),
        "console errors in the offline file: {errors:#?}"
    );
    browser.quit().await;
}

// ----- 10. the handle API -----------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn mount_handle_is_idempotent_and_resets_and_unmounts() {
    let browser = Browser::launch().await;
    let widget = Widget::open(&browser, "/examples/plain.html").await;
    wait_events(&browser, "guidepost:ready", None, 1).await;

    let twice = js_async(
        &browser,
        "const el = document.querySelector('[data-guidepost]');
         return import('/guidepost.js').then(async (m) => {
           const a = await m.mount(el);
           const b = await m.mount(el);
           window.__handle = a;
           window.__guidepost = m;
           return {same: a === b, element: a.element === el,
                   api: typeof a.reset === 'function' && typeof a.unmount === 'function',
                   hosts: el.shadowRoot.querySelectorAll('.gp-host').length,
                   apps: el.shadowRoot.querySelectorAll('.gp').length};
         });",
        vec![],
    )
    .await;
    assert_eq!(
        twice,
        json!({"same": true, "element": true, "api": true, "hosts": 1, "apps": 1}),
        "mount() on an already mounted element must return its existing handle, with one widget inside"
    );
    assert_eq!(
        wait_events(&browser, "guidepost:ready", None, 1)
            .await
            .len(),
        1,
        "mounting again must not mount (and announce) a second widget"
    );

    // reset(): answers gone, start view back, saved progress forgotten.
    widget.start(Input::Mouse).await;
    for (question, choices) in &COACHING_STORY.answers[..2] {
        widget.answer(Input::Mouse, question, choices).await;
    }
    widget.wait_question(QUESTIONS[2]).await;
    assert!(
        !saved_progress(&browser).await.is_empty(),
        "progress saved before reset"
    );
    browser.js("window.__handle.reset();", vec![]).await;
    wait_start_panel(
        &widget,
        false,
        "after handle.reset() (answers and saved progress gone)",
    )
    .await;
    assert!(
        saved_progress(&browser).await.is_empty(),
        "reset() must forget the saved progress: {:?}",
        saved_progress(&browser).await
    );
    widget.start(Input::Mouse).await;
    widget.wait_question(QUESTIONS[0]).await;
    assert_eq!(
        widget.chosen(QUESTIONS[0]).await,
        Vec::<String>::new(),
        "reset cleared the answers"
    );

    // unmount(): the shadow root is emptied; the element stays.
    browser.js("window.__handle.unmount();", vec![]).await;
    wait_page(
        &browser,
        "the shadow root to be empty after handle.unmount()",
        "const el = document.querySelector('[data-guidepost]');
         return el && el.isConnected && el.shadowRoot && el.shadowRoot.childNodes.length === 0;",
        vec![],
    )
    .await;

    // The element can be mounted again afterwards, with a new handle.
    let again = js_async(
        &browser,
        "const el = document.querySelector('[data-guidepost]');
         return window.__guidepost.mount(el).then(h => ({fresh: h !== window.__handle, element: h.element === el}));",
        vec![],
    )
    .await;
    assert_eq!(
        again,
        json!({"fresh": true, "element": true}),
        "mount() after unmount() gives a new handle"
    );
    widget.wait_ready().await;
    wait_start_panel(&widget, false, "after mounting again").await;
    browser.quit().await;
}
