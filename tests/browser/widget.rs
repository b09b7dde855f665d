//! Driving one Guidepost widget through its shadow root, by mouse or by keyboard.
//!
//! All lookups go through the test hooks of DESIGN.md: `data-question`, `data-option`,
//! `data-action`, `data-outcome`, `data-score-*`, `data-row`. Failures name what was expected
//! and show what the shadow DOM and console actually held.

use std::fmt;
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::{json, Value};
use thirtyfour::prelude::*;

use crate::driver::Browser;

/// Default time allowed for the widget to react (render a step, load wasm, ...).
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// Polling interval of every wait.
pub const POLL: Duration = Duration::from_millis(25);

/// The quiz steps, in order (DESIGN.md "The self-assessment: a stable contract").
pub const QUESTIONS: [&str; 8] = [
    "situation",
    "support",
    "time-focus",
    "horizon",
    "relationship",
    "outcome",
    "urgency",
    "organization",
];

/// The result container's hooks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub outcome: String,
    pub coaching: u32,
    pub mentoring: u32,
}

/// What currently has focus, looking through shadow roots.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Focus {
    pub tag: String,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub question: Option<String>,
    pub option: Option<String>,
    pub action: Option<String>,
    pub checked: bool,
    pub in_widget: bool,
    pub label: String,
}

impl Focus {
    pub fn is_option(&self, question: &str, option: &str) -> bool {
        self.question.as_deref() == Some(question) && self.option.as_deref() == Some(option)
    }
    pub fn is_radio(&self) -> bool {
        self.kind.as_deref() == Some("radio")
    }
}

impl fmt::Display for Focus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{}", self.tag)?;
        if let Some(kind) = &self.kind {
            write!(f, " type={kind}")?;
        }
        if let Some(q) = &self.question {
            write!(f, " q={q}")?;
        }
        if let Some(o) = &self.option {
            write!(f, " option={o}")?;
        }
        if let Some(a) = &self.action {
            write!(f, " action={a}")?;
        }
        if self.checked {
            write!(f, " checked")?;
        }
        if !self.in_widget {
            write!(f, " OUTSIDE-WIDGET")?;
        }
        write!(f, "> {:?}", self.label)
    }
}

/// With `GUIDEPOST_TRACE_KEYS=1`, prints every keyboard focus step (debugging aid).
fn trace_keys(step: &str) {
    if std::env::var_os("GUIDEPOST_TRACE_KEYS").is_some() {
        eprintln!("[keys] {step}");
    }
}

/// How a quiz is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Mouse,
    Keyboard,
}

/// Shared JS: `host`, `root` (its shadow root) and small helpers, prefixed to every script.
/// `HOST` is replaced by the expression selecting the host element.
const PRELUDE: &str = r#"
const host = HOST;
const root = host ? host.shadowRoot : null;
const visible = (e) => {
  if (!e || !e.isConnected) return false;
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
};
const chosen = (e) => !!e && (e.checked === true
  || e.getAttribute('aria-pressed') === 'true'
  || e.getAttribute('aria-checked') === 'true'
  || !!(e.querySelector && e.querySelector('input:checked')));
const all = (css) => root ? [...root.querySelectorAll(css)] : [];
const first = (css) => { const list = all(css); return list.find(visible) || list[0] || null; };
const optionCss = (q, o) => `[data-question="${q}"] [data-option="${o}"], [data-question="${q}"][data-option="${o}"]`;
"#;

/// One widget on the current page (by default the first `[data-guidepost]`).
pub struct Widget<'a> {
    pub browser: &'a Browser,
    host_js: String,
}

impl<'a> Widget<'a> {
    /// The `index`-th `[data-guidepost]` element of the current document.
    pub fn nth(browser: &'a Browser, index: usize) -> Self {
        Widget {
            browser,
            host_js: format!("document.querySelectorAll('[data-guidepost]')[{index}]"),
        }
    }

    /// The widget hosted by the element a CSS selector finds in the current document.
    pub fn at(browser: &'a Browser, css: &str) -> Self {
        Widget {
            browser,
            host_js: format!("document.querySelector({})", json!(css)),
        }
    }

    /// Opens `path` on the test server and waits for the first widget to render.
    pub async fn open(browser: &'a Browser, path: &str) -> Self {
        browser.goto_path(path).await;
        let widget = Widget::nth(browser, 0);
        widget.wait_ready().await;
        widget
    }

    /// Opens `path` with no saved progress: loads it, empties `localStorage` and
    /// `sessionStorage` and drops any fragment, then loads it again and waits for the widget.
    /// The first load is let finish (widget mounted) before the second starts: leaving a page
    /// while its wasm is still downloading fails that fetch, and Firefox logs the widget's
    /// "could not start" for it.
    pub async fn open_fresh(browser: &'a Browser, path: &str) -> Self {
        Widget::open(browser, path).await;
        browser
            .js(
                "try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} \
                 if (location.hash) history.replaceState(null, '', location.pathname);",
                vec![],
            )
            .await;
        Widget::open(browser, path).await
    }

    fn script(&self, body: &str) -> String {
        format!("{}\n{body}", PRELUDE.replace("HOST", &self.host_js))
    }

    /// Runs `body` (with `host`, `root` and the prelude helpers in scope).
    pub async fn js(&self, body: &str, args: Vec<Value>) -> Value {
        let script = self.script(body);
        match self.browser.driver().execute(&script, args).await {
            Ok(ret) => ret.json().clone(),
            Err(e) => panic!(
                "script failed: {e}\n--- script ---\n{body}\n{}",
                self.report().await
            ),
        }
    }

    /// Runs `body`, which must return an element (or null), as a `WebElement`.
    pub async fn element(&self, body: &str, args: Vec<Value>) -> Option<WebElement> {
        let script = self.script(body);
        let ret = match self.browser.driver().execute(&script, args).await {
            Ok(ret) => ret,
            Err(e) => panic!("script failed: {e}\n--- script ---\n{body}"),
        };
        if ret.json().is_null() {
            return None;
        }
        Some(ret.element().expect("script returned an element"))
    }

    /// The first element inside the shadow root matching `css` (visible ones first).
    pub async fn shadow(&self, css: &str) -> Option<WebElement> {
        self.element("return first(arguments[0]);", vec![json!(css)])
            .await
    }

    /// Polls until the first element matching `css` inside the shadow root is visible.
    pub async fn wait_shadow(&self, css: &str, what: &str) -> WebElement {
        self.wait_for(
            what,
            "const e = first(arguments[0]); return visible(e);",
            vec![json!(css)],
        )
        .await;
        self.shadow(css).await.expect("element just seen")
    }

    /// Polls `body` (a script returning a truthy value when done) until it is truthy.
    /// Panics after `TIMEOUT` saying `what` was expected and what the widget showed.
    pub async fn wait_for(&self, what: &str, body: &str, args: Vec<Value>) -> Value {
        self.wait_for_within(TIMEOUT, what, body, args).await
    }

    pub async fn wait_for_within(
        &self,
        timeout: Duration,
        what: &str,
        body: &str,
        args: Vec<Value>,
    ) -> Value {
        let script = self.script(body);
        let deadline = Instant::now() + timeout;
        let mut last_error = None;
        loop {
            match self.browser.driver().execute(&script, args.clone()).await {
                Ok(ret) => {
                    let v = ret.json().clone();
                    let truthy = !matches!(&v, Value::Null | Value::Bool(false))
                        && v != json!(0)
                        && v != json!("");
                    if truthy {
                        return v;
                    }
                }
                Err(e) => last_error = Some(e.to_string()),
            }
            if Instant::now() > deadline {
                let err = last_error
                    .map(|e| format!("\nlast script error: {e}"))
                    .unwrap_or_default();
                panic!(
                    "timed out after {timeout:?} waiting for: {what}{err}\n{}",
                    self.report().await
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the widget has rendered something with a test hook into its shadow root
    /// (its own: not a prerendered first view, whose controls wait for the wasm).
    pub async fn wait_ready(&self) {
        self.wait_for_within(
            Duration::from_secs(20),
            "the widget to mount (an open shadow root holding [data-action], [data-question], \
             [data-outcome] or [data-row], and no [data-prerender])",
            "return !!root && !root.querySelector('[data-prerender]') \
             && !!root.querySelector('[data-action],[data-question],[data-outcome],[data-row]');",
            vec![],
        )
        .await;
    }

    /// A readable picture of the widget for failure messages: visible questions, options with
    /// their state, actions, result hooks, focus, a slice of the shadow HTML, and the console.
    pub async fn report(&self) -> String {
        let script = self.script(
            r#"
            if (!host) return {error: 'no host element on the page', body: document.body ? document.body.outerHTML.slice(0, 1500) : ''};
            if (!root) return {error: 'host has no open shadow root', host: host.outerHTML.slice(0, 1500)};
            const questions = all('[data-question]').filter(visible).map(q => ({
              id: q.getAttribute('data-question'),
              options: [...q.querySelectorAll('[data-option]')].map(o =>
                o.getAttribute('data-option') + (chosen(o) ? '*' : '') + (visible(o) ? '' : '(hidden)')),
            }));
            const actions = all('[data-action]').map(a =>
              a.getAttribute('data-action') + (visible(a) ? '' : '(hidden)') + (a.disabled ? '(disabled)' : ''));
            const result = all('[data-outcome]').map(r => ({
              outcome: r.getAttribute('data-outcome'),
              coaching: r.getAttribute('data-score-coaching'),
              mentoring: r.getAttribute('data-score-mentoring'),
            }));
            let a = document.activeElement;
            while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
            const focus = a ? a.tagName.toLowerCase() + (a.getAttribute('data-option') ? ' option=' + a.getAttribute('data-option') : '')
              + (a.getAttribute('data-action') ? ' action=' + a.getAttribute('data-action') : '') : 'none';
            return {questions, actions, result, focus, html: root.innerHTML.replace(/<style[\s\S]*?<\/style>/g, '<style>…</style>').slice(0, 2500)};
            "#,
        );
        let state = match self.browser.driver().execute(&script, vec![]).await {
            Ok(ret) => serde_json::to_string_pretty(ret.json()).unwrap_or_default(),
            Err(e) => format!("(could not read the widget: {e})"),
        };
        format!(
            "--- widget state ---\n{state}\n--- console ---\n{}",
            self.browser.console_text().await
        )
    }

    // ----- reading state ---------------------------------------------------------------

    /// The id of the visible question, if a question is shown.
    pub async fn current_question(&self) -> Option<String> {
        let v = self
            .js(
                "const q = all('[data-question]').find(visible); return q ? q.getAttribute('data-question') : null;",
                vec![],
            )
            .await;
        v.as_str().map(str::to_string)
    }

    /// Whether option `option` of `question` is chosen (checked input, aria-pressed/checked).
    pub async fn is_chosen(&self, question: &str, option: &str) -> bool {
        let v = self
            .js(
                "const e = root && root.querySelector(optionCss(arguments[0], arguments[1]));
                 if (!e) throw new Error('no option ' + arguments[0] + '/' + arguments[1]);
                 return chosen(e);",
                vec![json!(question), json!(option)],
            )
            .await;
        v.as_bool().unwrap_or(false)
    }

    /// The chosen option ids of a question.
    pub async fn chosen(&self, question: &str) -> Vec<String> {
        let v = self
            .js(
                "const q = root && root.querySelector(`[data-question=\"${arguments[0]}\"]`);
                 if (!q) return [];
                 return [...q.querySelectorAll('[data-option]')].filter(chosen).map(o => o.getAttribute('data-option'));",
                vec![json!(question)],
            )
            .await;
        serde_json::from_value(v).unwrap_or_default()
    }

    /// Waits for question `id` to be the visible step.
    pub async fn wait_question(&self, id: &str) {
        self.wait_for(
            &format!("question `{id}` to be shown ([data-question=\"{id}\"] visible)"),
            "return visible(root && root.querySelector(`[data-question=\"${arguments[0]}\"]`));",
            vec![json!(id)],
        )
        .await;
    }

    /// Waits for the result and reads its hooks, checking the scores are integers 0–100.
    pub async fn outcome(&self) -> Outcome {
        let v = self
            .wait_for(
                "the result ([data-outcome] with a value)",
                "const r = all('[data-outcome]').find(e => e.getAttribute('data-outcome'));
                 return r ? {outcome: r.getAttribute('data-outcome'),
                             coaching: r.getAttribute('data-score-coaching'),
                             mentoring: r.getAttribute('data-score-mentoring')} : null;",
                vec![],
            )
            .await;
        let attr = |name: &str| v[name].as_str().unwrap_or("").to_string();
        let score = |name: &str| -> u32 {
            let raw = attr(name);
            match raw.parse::<u32>() {
                Ok(n) if n <= 100 => n,
                _ => panic!(
                    "data-score-{name} must be an integer 0–100, found {raw:?} (result hooks: {v})"
                ),
            }
        };
        let outcome = attr("outcome");
        assert!(
            ["coaching", "mentoring", "combined"].contains(&outcome.as_str()),
            "data-outcome must be coaching|mentoring|combined, found {outcome:?}"
        );
        Outcome {
            outcome,
            coaching: score("coaching"),
            mentoring: score("mentoring"),
        }
    }

    // ----- mouse -----------------------------------------------------------------------

    /// The element a pointer user would click for an option: the option itself, or its
    /// label when the option is a visually hidden native input.
    async fn option_target(&self, question: &str, option: &str) -> WebElement {
        self.wait_for(
            &format!("option `{option}` of question `{question}`"),
            "return !!(root && root.querySelector(optionCss(arguments[0], arguments[1])));",
            vec![json!(question), json!(option)],
        )
        .await;
        self.element(
            "const e = root.querySelector(optionCss(arguments[0], arguments[1]));
             e.scrollIntoView({block: 'center', inline: 'center'});
             const label = e.tagName === 'INPUT' ? ((e.labels && e.labels[0]) || e.closest('label')) : null;
             if (!label) return e;
             // Hit-test the input's centre: a visually hidden or covered input is clicked
             // through its label, as a pointer user would.
             const r = e.getBoundingClientRect();
             const hit = (r.width >= 4 && r.height >= 4)
               ? root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) : null;
             return (hit && (hit === e || e.contains(hit))) ? e : label;",
            vec![json!(question), json!(option)],
        )
        .await
        .expect("option element")
    }

    /// Clicks an option once (toggles a checkbox, selects a radio).
    pub async fn click_option(&self, question: &str, option: &str) {
        let target = self.option_target(question, option).await;
        if let Err(e) = target.click().await {
            panic!(
                "clicking option `{option}` of `{question}` failed: {e}\n{}",
                self.report().await
            );
        }
    }

    /// Makes the option chosen (clicking only if needed) and waits until it shows as chosen.
    pub async fn choose(&self, question: &str, option: &str) {
        self.set_chosen(question, option, true).await;
    }

    /// Makes the option not chosen (clicking only if needed).
    pub async fn unchoose(&self, question: &str, option: &str) {
        self.set_chosen(question, option, false).await;
    }

    async fn set_chosen(&self, question: &str, option: &str, want: bool) {
        let _ = self.option_target(question, option).await;
        if self.is_chosen(question, option).await != want {
            self.click_option(question, option).await;
        }
        self.wait_chosen(question, option, want).await;
    }

    pub async fn wait_chosen(&self, question: &str, option: &str, want: bool) {
        self.wait_for(
            &format!(
                "option `{option}` of `{question}` to be {}",
                if want { "chosen" } else { "not chosen" }
            ),
            "const e = root && root.querySelector(optionCss(arguments[0], arguments[1]));
             return !!e && chosen(e) === arguments[2];",
            vec![json!(question), json!(option), json!(want)],
        )
        .await;
    }

    /// Clicks the visible control `[data-action="<name>"]`.
    pub async fn click_action(&self, name: &str) {
        let css = format!("[data-action=\"{name}\"]");
        let button = self
            .wait_shadow(&css, &format!("a visible `{css}` control"))
            .await;
        if let Err(e) = button.click().await {
            panic!("clicking `{css}` failed: {e}\n{}", self.report().await);
        }
    }

    /// The result's "what would change it" suggestions, through their hooks.
    pub async fn suggestions(&self) -> Vec<Suggestion> {
        let v = self
            .js(
                "const split = (v) => (v || '').split(' ').filter(Boolean);
                 return all('[data-flip]').map((flip) => ({
                   outcome: flip.getAttribute('data-flip'),
                   text: flip.textContent.trim(),
                   changes: Array.from(flip.querySelectorAll('[data-change]')).map((c) => ({
                     question: c.getAttribute('data-change'),
                     from: split(c.getAttribute('data-from')),
                     to: split(c.getAttribute('data-to')),
                   })),
                 }));",
                vec![],
            )
            .await;
        serde_json::from_value(v).expect("suggestions")
    }

    /// Waits until the result shows `outcome`.
    pub async fn wait_outcome(&self, outcome: &str) {
        self.wait_for(
            &format!("the result to show `{outcome}`"),
            "const r = first('[data-outcome]'); return r && r.getAttribute('data-outcome') === arguments[0];",
            vec![json!(outcome)],
        )
        .await;
    }

    // ----- keyboard --------------------------------------------------------------------

    /// What has focus now (following shadow roots).
    pub async fn focus(&self) -> Focus {
        let v = self
            .js(
                r#"
                let a = document.activeElement;
                while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
                if (!a) return {tag: 'none', checked: false, inWidget: false, label: ''};
                const q = a.closest('[data-question]');
                const o = a.closest('[data-option]');
                const act = a.closest('[data-action]');
                return {
                  tag: a.tagName.toLowerCase(),
                  type: a.tagName === 'INPUT' ? a.type : null,
                  question: q ? q.getAttribute('data-question') : null,
                  option: o ? o.getAttribute('data-option') : null,
                  action: act ? act.getAttribute('data-action') : null,
                  checked: chosen(a),
                  inWidget: !!root && (a === host || root.contains(a)),
                  label: ((a.labels && a.labels[0] ? a.labels[0].textContent : a.textContent) || a.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 60),
                };
                "#,
                vec![],
            )
            .await;
        serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("focus description {v}: {e}"))
    }

    /// Presses keys on whatever has focus (W3C key actions: no pointer involved).
    pub async fn press(&self, key: Key) {
        self.keys(&[key]).await;
    }

    /// Presses keys in sequence.
    pub async fn keys(&self, keys: &[Key]) {
        let mut chain = self
            .browser
            .driver()
            .action_chain_with_delay(Some(Duration::ZERO), Some(Duration::ZERO));
        for key in keys {
            chain = chain.send_keys(key.clone());
        }
        if let Err(e) = chain.perform().await {
            panic!("pressing {keys:?} failed: {e}");
        }
    }

    pub async fn shift_tab(&self) {
        let chain = self
            .browser
            .driver()
            .action_chain_with_delay(Some(Duration::ZERO), Some(Duration::ZERO))
            .key_down(Key::Shift)
            .key_down(Key::Tab)
            .key_up(Key::Tab)
            .key_up(Key::Shift);
        if let Err(e) = chain.perform().await {
            panic!("pressing Shift+Tab failed: {e}");
        }
    }

    /// Tabs (forward, then backward if need be) until `pred` holds for the focused element.
    /// Panics with the whole focus path when it never does.
    pub async fn tab_until(&self, what: &str, pred: impl Fn(&Focus) -> bool) -> Focus {
        const MAX: usize = 60;
        let now = self.focus().await;
        if pred(&now) {
            return now;
        }
        let mut path = vec![format!("start: {now}")];
        for backwards in [false, true] {
            for _ in 0..MAX {
                if backwards {
                    self.shift_tab().await;
                } else {
                    self.press(Key::Tab).await;
                }
                let f = self.focus().await;
                path.push(format!("{} {f}", if backwards { "⇧Tab" } else { "Tab " }));
                trace_keys(path.last().unwrap());
                if pred(&f) {
                    return f;
                }
            }
        }
        panic!(
            "keyboard: could not reach {what} with Tab/Shift+Tab ({MAX} presses each way).\nfocus path:\n  {}\n{}",
            path.join("\n  "),
            self.report().await
        );
    }

    /// Selects options of a question with the keyboard only: Tab into the question, arrow
    /// keys within a radio group, Space to select/toggle.
    pub async fn key_choose(&self, question: &str, option: &str) {
        self.key_set(question, option, true).await;
    }

    async fn key_set(&self, question: &str, option: &str, want: bool) {
        let mut f = self
            .tab_until(&format!("an option of `{question}`"), |f| {
                f.question.as_deref() == Some(question) && f.option.is_some()
            })
            .await;
        if f.is_radio() && !f.is_option(question, option) {
            // Arrow keys move (and select) within a radio group, wrapping at the end.
            let mut seen = vec![f.to_string()];
            for _ in 0..12 {
                self.press(Key::Down).await;
                let next = self.focus().await;
                seen.push(next.to_string());
                trace_keys(&format!("Down {next}"));
                if next == f {
                    // Not a native group (each radio alone): Tab reaches every one.
                    f = self
                        .tab_until(&format!("option `{option}` of `{question}`"), |f| {
                            f.is_option(question, option)
                        })
                        .await;
                    break;
                }
                f = next;
                if f.is_option(question, option) {
                    break;
                }
            }
            assert!(
                f.is_option(question, option),
                "keyboard: arrow keys never reached option `{option}` of `{question}`; focus went:\n  {}\n{}",
                seen.join("\n  "),
                self.report().await
            );
        } else if !f.is_option(question, option) {
            self.tab_until(&format!("option `{option}` of `{question}`"), |f| {
                f.is_option(question, option)
            })
            .await;
        }
        if self.is_chosen(question, option).await != want {
            trace_keys(&format!("Space on `{option}`"));
            self.press(Key::Space).await;
        }
        self.wait_chosen(question, option, want).await;
    }

    /// Tabs to the control `[data-action=<name>]` and activates it with Enter.
    pub async fn key_action(&self, name: &str) {
        self.tab_until(&format!("the `{name}` control"), |f| {
            f.action.as_deref() == Some(name)
        })
        .await;
        trace_keys(&format!("Enter on `{name}`"));
        self.press(Key::Enter).await;
    }

    // ----- whole quiz ------------------------------------------------------------------

    /// Leaves the start view for the first question. When the first question is already
    /// shown (e.g. `restart` may go straight to it) there is nothing to do.
    pub async fn start(&self, input: Input) {
        let shown = self
            .wait_for(
                "a visible `[data-action=\"start\"]` control or the first question",
                "if (visible(first('[data-action=\"start\"]'))) return 'start';
                 if (visible(first(`[data-question=\"${arguments[0]}\"]`))) return 'question';
                 return null;",
                vec![json!(QUESTIONS[0])],
            )
            .await;
        if shown == json!("question") {
            return;
        }
        match input {
            Input::Mouse => self.click_action("start").await,
            Input::Keyboard => self.key_action("start").await,
        }
    }

    /// Answers the shown question (`choices` chosen) and presses Next.
    pub async fn answer(&self, input: Input, question: &str, choices: &[&str]) {
        self.wait_question(question).await;
        for option in choices {
            match input {
                Input::Mouse => self.choose(question, option).await,
                Input::Keyboard => self.key_choose(question, option).await,
            }
        }
        match input {
            Input::Mouse => self.click_action("next").await,
            Input::Keyboard => self.key_action("next").await,
        }
    }

    /// Starts the quiz, answers every question of `story` in order and returns the result.
    pub async fn complete(&self, input: Input, story: &Story) -> Outcome {
        self.start(input).await;
        for (question, choices) in story.answers {
            self.answer(input, question, choices).await;
        }
        self.outcome().await
    }
}

/// A visitor's answers (question id → option ids, in quiz order) and the outcome they expect.
#[derive(Clone, Copy, Debug)]
pub struct Story {
    pub name: &'static str,
    pub answers: &'static [(&'static str, &'static [&'static str])],
    pub expected: &'static str,
}

// ---- the stories every browser suite drives ---------------------------------------------

/// One `(question, choices)` pair of a story.
macro_rules! answer {
    ($question:literal, [$($choice:literal),+ $(,)?]) => {
        ($question, &[$($choice),+] as &[&str])
    };
}

/// An executive in a role transition who wants questions, not answers.
pub const COACHING_STORY: Story = Story {
    name: "role transition, wants questions",
    answers: &[
        answer!("situation", ["role-transition"]),
        answer!("support", ["questions"]),
        answer!("time-focus", ["present-future"]),
        answer!("horizon", ["defined"]),
        answer!("relationship", ["peer-partner"]),
        answer!("outcome", ["behavior"]),
        answer!("urgency", ["now"]),
        answer!("organization", ["case-by-case"]),
    ],
    expected: "coaching",
};

/// A new-industry executive who wants advice from someone who has been there.
pub const MENTORING_STORY: Story = Story {
    name: "new industry, wants advice",
    answers: &[
        answer!("situation", ["new-industry"]),
        answer!("support", ["advice"]),
        answer!("time-focus", ["past-lessons"]),
        answer!("horizon", ["ongoing"]),
        answer!("relationship", ["senior-guide"]),
        answer!("outcome", ["know-how"]),
        answer!("urgency", ["long-run"]),
        answer!("organization", ["nothing-formal"]),
    ],
    expected: "mentoring",
};

/// Both situations, wants both kinds of support, in an organization with a program.
pub const COMBINED_STORY: Story = Story {
    name: "role transition into a new industry, wants both",
    answers: &[
        answer!("situation", ["role-transition", "new-industry"]),
        answer!("support", ["both"]),
        answer!("time-focus", ["present-future"]),
        answer!("horizon", ["both"]),
        answer!("relationship", ["senior-guide"]),
        answer!("outcome", ["clarity"]),
        answer!("urgency", ["this-year"]),
        answer!("organization", ["program"]),
    ],
    expected: "combined",
};

pub const STORIES: [Story; 3] = [COACHING_STORY, MENTORING_STORY, COMBINED_STORY];

/// Asserts the result a story reached: its expected outcome, and for a single approach the
/// higher score on that side.
pub fn check_story(story: &Story, input: Input, got: &Outcome) {
    assert_eq!(
        got.outcome, story.expected,
        "story \"{}\" answered by {input:?}: expected outcome `{}`, the result showed {got:?}",
        story.name, story.expected
    );
    match story.expected {
        "coaching" => assert!(
            got.coaching > got.mentoring,
            "story \"{}\": coaching score should beat mentoring, got {got:?}",
            story.name
        ),
        "mentoring" => assert!(
            got.mentoring > got.coaching,
            "story \"{}\": mentoring score should beat coaching, got {got:?}",
            story.name
        ),
        _ => {}
    }
}

/// Completes `story` on a fresh standalone page by keyboard alone and checks its outcome,
/// and that not one pointer event fired on the way.
pub async fn check_keyboard_story(browser: &Browser, story: &Story) {
    let widget = Widget::open_fresh(browser, "/").await;
    browser
        .js(
            "window.__pointer = [];
             for (const t of ['pointerdown', 'mousedown', 'touchstart'])
               document.addEventListener(t, (e) => window.__pointer.push(t), true);
             document.activeElement && document.activeElement.blur && document.activeElement.blur();",
            vec![],
        )
        .await;
    let got = widget.complete(Input::Keyboard, story).await;
    check_story(story, Input::Keyboard, &got);
    let pointer = browser.js("return window.__pointer;", vec![]).await;
    assert_eq!(
        pointer,
        json!([]),
        "{}: the keyboard run of \"{}\" produced pointer events",
        browser.engine(),
        story.name
    );
}

/// A leader changing style who wants a seasoned guide: one answer from another outcome, so
/// the result offers suggestions to try.
pub const NEAR_THE_LINE_STORY: Story = Story {
    name: "changing style, wants a seasoned guide",
    answers: &[
        answer!("situation", ["style-change"]),
        answer!("support", ["advice"]),
        answer!("time-focus", ["past-lessons"]),
        answer!("horizon", ["defined"]),
        answer!("relationship", ["senior-guide"]),
        answer!("outcome", ["behavior"]),
        answer!("urgency", ["now"]),
        answer!("organization", ["case-by-case"]),
    ],
    expected: "combined",
};

/// One `[data-change]` of a "what would change it" suggestion.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct SuggestedChange {
    pub question: String,
    pub from: Vec<String>,
    pub to: Vec<String>,
}

/// One `[data-flip]` suggestion.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Suggestion {
    pub outcome: String,
    pub changes: Vec<SuggestedChange>,
    pub text: String,
}
