//! Hardening suite: what bad input gets (DESIGN.md "What bad input gets"), in the built
//! widget (`$GUIDEPOST_DIST`) in headless Chromium.
//!
//! - a content override: a valid one is shown; a broken one (bad JSON, a wrong type, a reason
//!   row that does not exist, a missing question — by `data-content` or by the JS API) falls
//!   back to the built-in content, names the JSON path in the console and in exactly one
//!   `guidepost:error` event, and leaves a widget that completes the quiz;
//! - content strings are text, never HTML;
//! - corrupt saved progress and tampered share links are ignored (and the bad key removed);
//! - a `javascript:` call-to-action URL is refused;
//! - a Rust panic shows a friendly message with a retry control that brings the widget back.
//!
//! Run one suite after `make dist`:
//!   GUIDEPOST_DIST=$PWD/dist cargo test --test browser hardening:: -- --ignored --test-threads=1
//! The host pages and the in-page recorder are `crate::host`.

use std::time::Duration;

use serde_json::{json, Value};

use crate::driver::Browser;
use crate::host::{
    builtin_en, builtin_title, host_page, host_page_with, json_script, question_index, recorded,
    script_safe, server_with, wait_recorded, Recorded, BLANK,
};
use crate::widget::{Input, Widget, COACHING_STORY};

/// The title every broken override carries: seeing it means the override was used anyway.
const BROKEN_TITLE: &str = "BROKEN OVERRIDE TITLE: must never be shown";

/// How long to keep listening after `guidepost:ready` for events that should not come.
const SETTLE: Duration = Duration::from_millis(400);

// ----- helpers ---------------------------------------------------------------------------

/// Starts from a page without a widget, empties storage, then loads `path` for real (a
/// fragment-only change of the same page would not reload it).
pub async fn fresh_visit(browser: &Browser, path: &str) {
    browser.goto_path(BLANK).await;
    browser
        .js(
            "try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}",
            vec![],
        )
        .await;
    browser.goto_path(path).await;
}

/// Waits until the widget on `target` (`#id`) has mounted and said `guidepost:ready`, then a
/// little longer, and returns what the page recorded.
pub async fn ready(widget: &Widget<'_>, target: &str) -> Recorded {
    widget.wait_ready().await;
    wait_recorded(
        widget,
        &format!("a guidepost:ready event on {target}"),
        |r| {
            r.events
                .iter()
                .any(|e| e.kind == "guidepost:ready" && e.target == target)
        },
    )
    .await;
    tokio::time::sleep(SETTLE).await;
    recorded(widget.browser).await
}

/// The intro title the widget shows.
pub async fn shown_title(widget: &Widget<'_>) -> String {
    widget
        .wait_for(
            "the intro title (.gp-title)",
            "const t = root && root.querySelector('.gp-title'); return t ? t.textContent : null;",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Completes the coaching story and checks the widget really recommends coaching; returns
/// the `guidepost:complete` detail.
async fn complete_quiz(widget: &Widget<'_>, target: &str, why: &str) -> Value {
    let got = widget.complete(Input::Mouse, &COACHING_STORY).await;
    assert_eq!(
        got.outcome,
        "coaching",
        "{why}: the coaching story should end in a coaching result, got {got:?}\n{}",
        widget.report().await
    );
    complete_detail(widget, target).await
}

/// The detail of the latest `guidepost:complete` on `target`.
async fn complete_detail(widget: &Widget<'_>, target: &str) -> Value {
    let rec = wait_recorded(
        widget,
        &format!("a guidepost:complete event on {target}"),
        |r| {
            r.events
                .iter()
                .any(|e| e.kind == "guidepost:complete" && e.target == target)
        },
    )
    .await;
    rec.events
        .iter()
        .rev()
        .find(|e| e.kind == "guidepost:complete" && e.target == target)
        .map(|e| e.detail.clone())
        .unwrap_or_default()
}

/// Asserts the widget shows its start view: a visible start control, no result, no question,
/// and (`fresh`) no offer to resume saved answers.
async fn assert_start_view(widget: &Widget<'_>, why: &str, fresh: bool) {
    widget
        .wait_shadow("[data-action=\"start\"]", &format!("{why}: the start view"))
        .await;
    let state = widget
        .js(
            "return {
               result: all('[data-outcome]').some(e => e.getAttribute('data-outcome')),
               question: all('[data-question]').some(visible),
               resume: all('[data-action=\"forget\"]').some(visible),
               crash: all('.gp-crash').length > 0,
             };",
            vec![],
        )
        .await;
    let flag = |name: &str| state[name].as_bool().unwrap_or(true);
    if flag("result") || flag("question") || flag("crash") || (fresh && flag("resume")) {
        panic!(
            "{why}: expected the plain start view, the widget shows {state} (result / a \
             question / a crash message / an offer to resume)\n{}\n{}",
            recorded(widget.browser).await,
            widget.report().await
        );
    }
}

/// Asserts exactly one `guidepost:error` on `target`, of kind `kind`, shaped as the contract
/// says; returns its detail.
fn one_error<'r>(rec: &'r Recorded, target: &str, kind: &str, why: &str) -> &'r Value {
    let errors = rec.errors_on(target);
    assert!(
        errors.len() == 1,
        "{why}: expected exactly one guidepost:error event on {target}, got {}\n{rec}",
        errors.len()
    );
    let event = errors[0];
    assert!(
        event.bubbles && event.composed && event.custom,
        "{why}: guidepost:error must be a bubbling, composed CustomEvent, got bubbles={} \
         composed={} CustomEvent={}\n{rec}",
        event.bubbles,
        event.composed,
        event.custom
    );
    let detail = &event.detail;
    assert_eq!(detail["version"], json!(1), "{why}: detail.version\n{rec}");
    assert_eq!(detail["kind"], json!(kind), "{why}: detail.kind\n{rec}");
    assert!(
        detail["message"]
            .as_str()
            .is_some_and(|m| !m.trim().is_empty()),
        "{why}: detail.message must be a non-empty string\n{rec}"
    );
    detail
}

/// Checks a content error's problems name `path` with a message containing `says`, and that
/// the console carries an error line `Guidepost: …` naming the same path.
fn assert_content_problem(rec: &Recorded, detail: &Value, path: &str, says: &str, why: &str) {
    let problems = detail["problems"].as_array().unwrap_or_else(|| {
        panic!("{why}: detail.problems must be an array of {{path, message}}\n{rec}")
    });
    assert!(
        !problems.is_empty(),
        "{why}: detail.problems is empty\n{rec}"
    );
    for p in problems {
        assert!(
            p["path"].as_str().is_some_and(|s| !s.is_empty())
                && p["message"].as_str().is_some_and(|s| !s.is_empty()),
            "{why}: every problem needs a path and a message, found {p}\n{rec}"
        );
    }
    let listed: Vec<String> = problems
        .iter()
        .map(|p| format!("{} — {}", p["path"], p["message"]))
        .collect();
    assert!(
        problems.iter().any(|p| p["path"] == json!(path)
            && p["message"]
                .as_str()
                .unwrap_or_default()
                .to_lowercase()
                .contains(&says.to_lowercase())),
        "{why}: expected a problem at path `{path}` whose message mentions {says:?}; the \
         event listed:\n  {}\n{rec}",
        listed.join("\n  ")
    );
    let errors = rec.lines("error");
    assert!(
        errors
            .iter()
            .any(|l| l.starts_with("Guidepost:") && l.contains(path)),
        "{why}: expected a console.error line starting \"Guidepost:\" that names `{path}`\n{rec}"
    );
}

/// A page with one host `#w` reading its override from `<script id="gp-content">`.
fn override_page(name: &str, override_text: &str) -> String {
    host_page(
        &format!("Guidepost hardening: {name}"),
        &format!(
            "<div id=\"w\" data-guidepost=\"{name}\" data-content=\"gp-content\"></div>\n{}",
            json_script("gp-content", override_text)
        ),
    )
}

/// A broken override (`text`, the whole JSON text as the site owner wrote it) must give the
/// built-in content, one error event naming `path`, a console error, and a working quiz.
async fn check_broken_override(name: &str, text: String, path: &str, says: &str) {
    let route = format!("/hardening/{name}.html");
    let server = server_with(vec![(route.as_str(), override_page(name, &text))]);
    let browser = Browser::launch_with(server).await;
    fresh_visit(&browser, &route).await;
    let widget = Widget::at(&browser, "#w");
    let why = format!("broken override ({name})");
    let rec = ready(&widget, "#w").await;

    let detail = one_error(&rec, "#w", "content", &why).clone();
    assert!(
        rec.lines("uncaught").is_empty(),
        "{why}: uncaught errors on the page\n{rec}"
    );

    // The built-in content is shown, not a half-applied override.
    let title = shown_title(&widget).await;
    assert_eq!(
        title,
        builtin_title(),
        "{why}: the widget must fall back to the built-in content's title\n{rec}"
    );
    assert_start_view(&widget, &why, true).await;

    // And it works: the whole quiz, on the built-in content.
    let complete = complete_quiz(&widget, "#w", &why).await;
    assert_eq!(
        complete["contentVersion"],
        builtin_en()["version"],
        "{why}: guidepost:complete should report the built-in content version"
    );
    let after = recorded(&browser).await;
    assert_eq!(
        after.errors_on("#w").len(),
        1,
        "{why}: no further guidepost:error events while taking the quiz\n{after}"
    );
    // Checked last, so a failure here means everything above (fallback, one event, a
    // working quiz) already held: only the report of the problem is wrong.
    assert_content_problem(&rec, &detail, path, says, &why);
    browser.quit().await;
}

// ----- content overrides -----------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_valid_override_is_shown() {
    const TITLE: &str = "Hardening: the site owner's own title";
    const LABEL: &str = "How it works (site owner's wording)";
    let mut content = builtin_en();
    content["version"] = json!("hardening-1.0");
    content["intro"]["title"] = json!(TITLE);
    let method = content["comparison"]["rows"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r["id"] == json!("method"))
        .expect("row `method` in en.json");
    method["label"] = json!(LABEL);
    let text = script_safe(&serde_json::to_string_pretty(&content).unwrap());
    let route = "/hardening/override-valid.html";
    let server = server_with(vec![(route, override_page("override-valid", &text))]);
    let browser = Browser::launch_with(server).await;
    fresh_visit(&browser, route).await;
    let widget = Widget::at(&browser, "#w");
    let rec = ready(&widget, "#w").await;

    assert!(
        rec.errors_on("#w").is_empty() && rec.lines("error").is_empty(),
        "a valid override must raise no error (event or console)\n{rec}"
    );
    assert_eq!(
        shown_title(&widget).await,
        TITLE,
        "the override's intro.title should be shown\n{rec}"
    );
    let row = widget
        .js(
            "const r = root.querySelector('[data-row=\"method\"]'); return r ? r.textContent : null;",
            vec![],
        )
        .await;
    assert!(
        row.as_str().is_some_and(|t| t.contains(LABEL)),
        "comparison row `method` should carry the override's label {LABEL:?}, found {row}"
    );
    let complete = complete_quiz(&widget, "#w", "valid override").await;
    assert_eq!(
        complete["contentVersion"],
        json!("hardening-1.0"),
        "guidepost:complete should report the override's content version"
    );
    browser.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn an_override_with_bad_json_syntax_falls_back() {
    let mut content = builtin_en();
    content["intro"]["title"] = json!(BROKEN_TITLE);
    let text = script_safe(&serde_json::to_string_pretty(&content).unwrap());
    // A missing colon after the first key: not JSON any more.
    let broken = text.replacen("\"version\":", "\"version\"", 1);
    assert_ne!(broken, text);
    check_broken_override("override-syntax", broken, "(document)", "not well formed").await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn an_override_with_a_string_where_a_number_belongs_falls_back() {
    let mut content = builtin_en();
    content["intro"]["title"] = json!(BROKEN_TITLE);
    content["questions"][1]["options"][0]["coaching"] = json!("two");
    let text = script_safe(&serde_json::to_string_pretty(&content).unwrap());
    check_broken_override(
        "override-type",
        text,
        "questions[1].options[0].coaching",
        "invalid type",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn an_override_citing_a_row_that_does_not_exist_falls_back() {
    let mut content = builtin_en();
    content["intro"]["title"] = json!(BROKEN_TITLE);
    content["questions"][1]["options"][0]["row"] = json!("metod");
    let text = script_safe(&serde_json::to_string_pretty(&content).unwrap());
    check_broken_override(
        "override-row",
        text,
        "questions[1].options[0].row",
        "\"metod\"",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn an_override_missing_a_question_falls_back() {
    let mut content = builtin_en();
    content["intro"]["title"] = json!(BROKEN_TITLE);
    let horizon = question_index(&content, "horizon");
    content["questions"].as_array_mut().unwrap().remove(horizon);
    let text = script_safe(&serde_json::to_string_pretty(&content).unwrap());
    check_broken_override(
        "override-missing-question",
        text,
        "questions",
        "\"horizon\"",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_broken_override_through_the_js_api_falls_back() {
    // An object (row reference that does not exist) and JSON text (not well formed), each
    // handed to `mount(element, {content})` on a host the loader does not mount itself.
    let mut object = builtin_en();
    object["intro"]["title"] = json!(BROKEN_TITLE);
    object["questions"][1]["options"][0]["row"] = json!("metod");
    let mut for_text = builtin_en();
    for_text["intro"]["title"] = json!(BROKEN_TITLE);
    let text = serde_json::to_string(&for_text)
        .unwrap()
        .replacen("\"lang\":", "\"lang\"", 1);
    let api_js = format!(
        "import {{ mount }} from '/guidepost.js';
const brokenObject = {object};
const brokenText = {text};
for (const [id, content] of [['api-object', brokenObject], ['api-text', brokenText]]) {{
  mount(document.getElementById(id), {{ content }})
    .then(() => {{ document.getElementById(id).dataset.mounted = 'yes'; }})
    .catch((e) => console.error('hardening: mount(#' + id + ') rejected:', e));
}}
",
        object = script_safe(&serde_json::to_string(&object).unwrap()),
        text = script_safe(&serde_json::to_string(&text).unwrap()),
    );
    let route = "/hardening/api.html";
    let page = host_page_with(
        "Guidepost hardening: JS API",
        "<div id=\"api-object\"></div>\n<div id=\"api-text\"></div>",
        "<script type=\"module\" src=\"/hardening/api.js\"></script>",
    );
    let server = server_with(vec![(route, page), ("/hardening/api.js", api_js)]);
    let browser = Browser::launch_with(server).await;
    fresh_visit(&browser, route).await;

    for (target, path, says) in [
        ("#api-object", "questions[1].options[0].row", "\"metod\""),
        ("#api-text", "(document)", "not well formed"),
    ] {
        let why = format!("JS API override on {target}");
        let widget = Widget::at(&browser, target);
        let rec = ready(&widget, target).await;
        let detail = one_error(&rec, target, "content", &why).clone();
        assert_content_problem(&rec, &detail, path, says, &why);
        assert!(
            rec.lines("uncaught").is_empty()
                && !rec.lines("error").iter().any(|l| l.contains("rejected")),
            "{why}: mount() must resolve and nothing may be thrown\n{rec}"
        );
        assert_eq!(
            shown_title(&widget).await,
            builtin_title(),
            "{why}: the built-in content's title should be shown\n{rec}"
        );
        assert_start_view(&widget, &why, true).await;
        complete_quiz(&widget, target, &why).await;
        let after = recorded(&browser).await;
        assert_eq!(
            after.errors_on(target).len(),
            1,
            "{why}: no further guidepost:error events while taking the quiz\n{after}"
        );
    }
    browser.quit().await;
}

// ----- content is text -------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn markup_in_content_is_shown_as_text() {
    const TITLE: &str = "<img src=x onerror=\"window.pwned=1\">";
    const ROW: &str = "<script>window.pwned=2</script>";
    const LABEL: &str = "<a href=\"javascript:window.pwned=3\">Role transition</a>";
    let mut content = builtin_en();
    content["intro"]["title"] = json!(TITLE);
    let rows = content["comparison"]["rows"].as_array_mut().unwrap();
    let purpose = rows
        .iter_mut()
        .find(|r| r["id"] == json!("purpose"))
        .expect("row `purpose` in en.json");
    purpose["coaching"] = json!(ROW);
    let situation = question_index(&content, "situation");
    let options = content["questions"][situation]["options"]
        .as_array_mut()
        .unwrap();
    let option = options
        .iter_mut()
        .find(|o| o["id"] == json!("role-transition"))
        .expect("option role-transition");
    option["label"] = json!(LABEL);
    let text = script_safe(&serde_json::to_string_pretty(&content).unwrap());
    assert!(
        !text.contains("</script"),
        "the page itself must stay intact"
    );
    let route = "/hardening/markup.html";
    let server = server_with(vec![(route, override_page("markup", &text))]);
    let browser = Browser::launch_with(server).await;
    fresh_visit(&browser, route).await;
    let widget = Widget::at(&browser, "#w");
    let rec = ready(&widget, "#w").await;
    assert!(
        rec.errors_on("#w").is_empty(),
        "this override is valid content (markup is just text): no error expected\n{rec}"
    );

    assert_eq!(
        shown_title(&widget).await,
        TITLE,
        "intro.title must be shown literally, markup and all"
    );
    let state = widget
        .js(
            "const row = root.querySelector('[data-row=\"purpose\"]');
             return {
               row: row ? row.textContent : null,
               img: root.querySelectorAll('img').length + document.querySelectorAll('img').length,
               script: root.querySelectorAll('script').length,
               jsLinks: root.querySelectorAll('a[href^=\"javascript\" i]').length,
               pwned: typeof window.pwned === 'undefined' ? null : String(window.pwned),
             };",
            vec![],
        )
        .await;
    assert!(
        state["row"].as_str().is_some_and(|t| t.contains(ROW)),
        "row `purpose` must show {ROW:?} as text, found {}",
        state["row"]
    );
    assert_eq!(
        (&state["img"], &state["script"], &state["jsLinks"]),
        (&json!(0), &json!(0), &json!(0)),
        "content markup became elements (img, script, javascript: links): {state}\n{}",
        widget.report().await
    );
    assert_eq!(state["pwned"], Value::Null, "content markup ran: {state}");

    // The option label is text too, and the quiz runs through it.
    widget.start(Input::Mouse).await;
    widget.wait_question("situation").await;
    let label = widget
        .js(
            "const o = root.querySelector('[data-question=\"situation\"] [data-option=\"role-transition\"], [data-question=\"situation\"][data-option=\"role-transition\"]');
             const l = o && ((o.labels && o.labels[0]) || o.closest('label') || o);
             return {text: l ? l.textContent : null, links: root.querySelectorAll('a').length};",
            vec![],
        )
        .await;
    assert!(
        label["text"].as_str().is_some_and(|t| t.contains(LABEL)),
        "option label must show {LABEL:?} as text, found {label}"
    );
    complete_quiz(&widget, "#w", "markup in content").await;
    let pwned = browser
        .js(
            "return typeof window.pwned === 'undefined' ? null : String(window.pwned);",
            vec![],
        )
        .await;
    assert_eq!(pwned, Value::Null, "content markup ran during the quiz");
    let requested: Vec<String> = browser
        .server
        .requests()
        .into_iter()
        .map(|r| r.url)
        .filter(|u| {
            u.split(['?', '#'])
                .next()
                .unwrap_or_default()
                .ends_with("/x")
        })
        .collect();
    assert!(
        requested.is_empty(),
        "the <img src=x> in the title was fetched: {requested:?}"
    );
    browser.quit().await;
}

// ----- saved progress --------------------------------------------------------------------

const SAVED_ROUTE: &str = "/hardening/saved.html";
const SAVED_KEY: &str = "guidepost:hardening-saved";

async fn check_corrupt_saved_progress(saved: &str) {
    let page = host_page(
        "Guidepost hardening: saved progress",
        "<div id=\"w\" data-guidepost=\"hardening-saved\"></div>",
    );
    let server = server_with(vec![(SAVED_ROUTE, page)]);
    let browser = Browser::launch_with(server).await;
    browser.goto_path(BLANK).await;
    browser
        .js(
            "localStorage.clear(); localStorage.setItem(arguments[0], arguments[1]);
             return localStorage.getItem(arguments[0]);",
            vec![json!(SAVED_KEY), json!(saved)],
        )
        .await;
    browser.goto_path(SAVED_ROUTE).await;
    let widget = Widget::at(&browser, "#w");
    let why = format!("corrupt saved progress {saved:?}");
    let rec = ready(&widget, "#w").await;

    let left = browser
        .js(
            "return localStorage.getItem(arguments[0]);",
            vec![json!(SAVED_KEY)],
        )
        .await;
    assert_eq!(
        left,
        Value::Null,
        "{why}: the unreadable value must be removed from localStorage[{SAVED_KEY:?}]\n{rec}"
    );
    assert!(
        rec.lines("warn")
            .iter()
            .any(|l| l.starts_with("Guidepost:") && l.to_lowercase().contains("saved progress")),
        "{why}: expected a console warning \"Guidepost: … saved progress …\"\n{rec}"
    );
    assert!(
        rec.lines("uncaught").is_empty() && rec.events_of("guidepost:error").is_empty(),
        "{why}: corrupt progress is ignored, not an error\n{rec}"
    );
    assert_start_view(&widget, &why, true).await;
    complete_quiz(&widget, "#w", &why).await;
    // Resume works again afterwards: the finished quiz is kept under the same key.
    let kept = browser
        .js(
            "return localStorage.getItem(arguments[0]);",
            vec![json!(SAVED_KEY)],
        )
        .await;
    assert!(
        kept.as_str().is_some_and(|v| v.ends_with("|r")),
        "{why}: after the quiz, fresh progress should be saved under {SAVED_KEY:?}, found {kept}"
    );
    browser.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn saved_progress_that_is_json_is_ignored_and_removed() {
    check_corrupt_saved_progress("{\"x\":1}").await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn saved_progress_that_is_garbage_is_ignored_and_removed() {
    check_corrupt_saved_progress("garbage").await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn saved_progress_with_impossible_answers_is_ignored_and_removed() {
    check_corrupt_saved_progress("1.9-9-9|q99").await;
}

// ----- share links -----------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn tampered_share_links_are_ignored() {
    let route = "/hardening/share.html";
    let page = host_page(
        "Guidepost hardening: share links",
        "<div id=\"w\" data-guidepost=\"hardening-share\"></div>",
    );
    let server = server_with(vec![(route, page)]);
    let browser = Browser::launch_with(server).await;

    // Control: a well-formed link does open a result, so the fragment is really read.
    fresh_visit(&browser, &format!("{route}#guidepost=1.0-0-0-0-0-0-0-0")).await;
    let widget = Widget::at(&browser, "#w");
    ready(&widget, "#w").await;
    widget.outcome().await;

    for link in [
        "guidepost=1.9-0-0-0-0-0-0-0",
        "guidepost=2.0",
        "guidepost=%%%",
    ] {
        let why = format!("tampered share link #{link}");
        fresh_visit(&browser, &format!("{route}#{link}")).await;
        let hash = browser.js("return location.hash;", vec![]).await;
        assert_eq!(
            hash,
            json!(format!("#{link}")),
            "the test page should carry the link"
        );
        let rec = ready(&widget, "#w").await;
        assert!(
            rec.lines("warn")
                .iter()
                .any(|l| l.starts_with("Guidepost:") && l.contains("share link")),
            "{why}: expected a console warning \"Guidepost: … share link …\"\n{rec}"
        );
        assert!(
            rec.lines("uncaught").is_empty() && rec.events_of("guidepost:error").is_empty(),
            "{why}: a bad link is ignored, not an error\n{rec}"
        );
        assert_start_view(&widget, &why, true).await;
        complete_quiz(&widget, "#w", &why).await;
    }
    browser.quit().await;
}

// ----- call to action --------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_javascript_cta_url_is_refused() {
    let route = "/hardening/cta.html";
    let page = host_page(
        "Guidepost hardening: call to action",
        "<div id=\"cta-bad\" data-guidepost=\"cta-bad\" data-cta-url=\"javascript:alert(1)\" \
           data-cta-label=\"Book now\"></div>\n\
         <div id=\"cta-good\" data-guidepost=\"cta-good\" data-cta-url=\"https://example.com/contact\" \
           data-cta-label=\"Book now\"></div>",
    );
    let server = server_with(vec![(route, page)]);
    let browser = Browser::launch_with(server).await;
    fresh_visit(&browser, route).await;

    let bad = Widget::at(&browser, "#cta-bad");
    let rec = ready(&bad, "#cta-bad").await;
    let warnings = rec.lines("warn");
    assert!(
        warnings.iter().any(|l| l.starts_with("Guidepost:")
            && l.contains("data-cta-url")
            && l.contains("javascript:alert(1)")),
        "expected a console warning that data-cta-url=\"javascript:alert(1)\" was refused\n{rec}"
    );
    complete_quiz(&bad, "#cta-bad", "javascript: CTA").await;
    let links = bad
        .js(
            "return {cta: all('[data-action=\"cta\"]').map(e => e.outerHTML),
                     js: all('[href]').map(e => e.getAttribute('href')).filter(h => /^\\s*javascript:/i.test(h))};",
            vec![],
        )
        .await;
    assert_eq!(
        links,
        json!({"cta": [], "js": []}),
        "a javascript: CTA URL must not become a link in the result"
    );

    // Control: the same markup with a safe URL does show the call to action.
    let good = Widget::at(&browser, "#cta-good");
    ready(&good, "#cta-good").await;
    complete_quiz(&good, "#cta-good", "https CTA").await;
    let href = good
        .wait_for(
            "the call to action [data-action=cta] in the result",
            "const a = first('[data-action=\"cta\"]'); return a ? a.getAttribute('href') : null;",
            vec![],
        )
        .await;
    assert_eq!(href, json!("https://example.com/contact"));
    let alert = browser.driver().get_alert_text().await;
    assert!(alert.is_err(), "an alert is open: {alert:?}");
    browser.quit().await;
}

// ----- a Rust panic ----------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "browser suite: run by make test"]
async fn a_panic_shows_a_friendly_message_and_retry_brings_the_widget_back() {
    let route = "/hardening/panic.html";
    // The panic hook for tests is only in the full build, so both widgets use it (through
    // an override that is the built-in content).
    let content = script_safe(&serde_json::to_string(&builtin_en()).unwrap());
    let page = host_page(
        "Guidepost hardening: panic",
        &format!(
            "<div id=\"first\" data-guidepost=\"panic-first\" data-content=\"c\"></div>\n\
             <div id=\"second\" data-guidepost=\"panic-second\" data-content=\"c\"></div>\n{}",
            json_script("c", &content)
        ),
    );
    let server = server_with(vec![(route, page)]);
    let browser = Browser::launch_with(server).await;
    fresh_visit(&browser, route).await;
    let first = Widget::at(&browser, "#first");
    let second = Widget::at(&browser, "#second");
    ready(&first, "#first").await;
    ready(&second, "#second").await;

    // The visitor has answered the first question when it happens.
    first.start(Input::Mouse).await;
    first
        .answer(Input::Mouse, "situation", &["role-transition"])
        .await;
    first.wait_question("support").await;

    let outcome = browser
        .driver()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             import('/guidepost-full.js').then((m) => {
               try { m.__guidepostTestPanic(); done('returned without panicking'); }
               catch (e) { done('threw: ' + e); }
             }, (e) => done('import failed: ' + e));",
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("calling __guidepostTestPanic failed: {e}"));
    let outcome = outcome.json().as_str().unwrap_or_default().to_owned();
    assert!(
        outcome.starts_with("threw"),
        "__guidepostTestPanic should panic (and throw into JS): {outcome}"
    );

    for (widget, target) in [(&first, "#first"), (&second, "#second")] {
        let why = format!("after a panic, widget {target}");
        widget
            .wait_for(
                &format!("{why}: a .gp-crash[role=alert] with a visible retry button"),
                "const box = root && root.querySelector('.gp-crash[role=\"alert\"]');
                 return !!box && visible(box.querySelector('button[data-action=\"retry\"]'))
                   && box.textContent.trim().length > 0;",
                vec![],
            )
            .await;
        let rec = recorded(&browser).await;
        one_error(&rec, target, "panic", &why);
    }
    let rec = recorded(&browser).await;
    assert!(
        rec.lines("error")
            .iter()
            .any(|l| l.starts_with("Guidepost")),
        "the panic should be explained in the console\n{rec}"
    );

    // Retry reloads the page; the widget comes back, with the saved answer.
    browser.js("window.__beforeRetry = true;", vec![]).await;
    first.click_action("retry").await;
    first
        .wait_for(
            "the page to reload after Retry",
            "return window.__beforeRetry === undefined && document.readyState === 'complete';",
            vec![],
        )
        .await;
    let rec = ready(&first, "#first").await;
    assert!(
        rec.events_of("guidepost:error").is_empty(),
        "after the reload there should be no error\n{rec}"
    );
    let crash = first.js("return all('.gp-crash').length;", vec![]).await;
    assert_eq!(crash, json!(0), "the crash message is gone after Retry");
    // Saved progress brings the visitor back: either straight to the question they were on,
    // or to a start view offering to resume.
    let at = first
        .wait_for(
            "the resumed quiz (question `support`) or an offer to resume",
            "if (visible(first('[data-question=\"support\"]'))) return 'question';
             if (visible(first('[data-action=\"forget\"]'))) return 'start';
             return null;",
            vec![],
        )
        .await;
    if at == json!("start") {
        first.click_action("start").await;
    }
    for (question, choices) in &COACHING_STORY.answers[1..] {
        first.answer(Input::Mouse, question, choices).await;
    }
    let got = first.outcome().await;
    assert_eq!(got.outcome, "coaching", "after Retry: {got:?}");
    let detail = complete_detail(&first, "#first").await;
    assert_eq!(
        detail["answers"]["situation"],
        json!(["role-transition"]),
        "the answer given before the panic should have survived the reload: {detail}"
    );
    browser.quit().await;
}
