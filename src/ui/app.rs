use std::rc::Rc;

use yew::prelude::*;

use crate::content::{ContentRef, Language};
use crate::engine::{code, Answers, Reason, Recommendation};

use super::comparison::{comparison, ComparisonProps};
use super::intro::{intro, IntroProps};
use super::language_switch::{language_switch, LanguageSwitchProps};
use super::question_step::{question_step, QuestionStepProps};
use super::result_view::{result_view, ResultViewProps};
use super::shared_sections::{shared_sections, SharedSectionsProps};
use super::start_panel::{start_panel, StartPanelProps};
use super::state::{Action, FocusTarget, Stage, State};
use super::{sends_moving, sentences, CtaLink};
use super::{Theme, ViewMode, WidgetOptions};

/// How the result shown came about (`source` in the host events' detail).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Source {
    /// Answered in this visit.
    #[default]
    Fresh,
    /// Answers saved by an earlier visit, resumed or reopened.
    Resumed,
    /// Opened from a share link.
    Shared,
    /// Changed after a result was shown: a suggestion tried or undone, an answer edited.
    Changed,
}

impl Source {
    pub fn id(self) -> &'static str {
        match self {
            Source::Fresh => "fresh",
            Source::Resumed => "resumed",
            Source::Shared => "shared",
            Source::Changed => "changed",
        }
    }
}

/// What happened in the widget, for the host page (the embed layer turns these into DOM
/// events).
#[derive(Debug, Clone, PartialEq)]
pub enum WidgetEvent {
    /// The first render is in the DOM: the widget is usable.
    Ready,
    Start,
    Answer {
        question: String,
        options: Vec<String>,
    },
    Complete {
        recommendation: Rc<Recommendation>,
        answers: Answers,
        source: Source,
    },
    /// The visitor followed the call to action (`place`: `scores` or `end`), to `url`.
    Cta {
        url: String,
        place: &'static str,
        recommendation: Rc<Recommendation>,
    },
    /// Any state change worth saving (progress for resume).
    Progress {
        answers: Answers,
        stage: Stage,
    },
    /// The visitor switched language.
    Language {
        lang: String,
        content_version: String,
    },
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub content: ContentRef,
    #[prop_or_default]
    pub options: WidgetOptions,
    /// Restored progress or a shared result.
    #[prop_or_default]
    pub initial_answers: Answers,
    #[prop_or(Stage::Start)]
    pub initial_stage: Stage,
    /// Where `initial_answers` came from.
    #[prop_or_default]
    pub origin: Source,
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
    /// Where a share link starts, the answer code to follow (the host page's URL and its
    /// fragment key, from the embed layer); `None` hides sharing.
    #[prop_or_default]
    pub share_base: Option<AttrValue>,
    /// Every language on offer (including `content`'s); fewer than two hides the switch.
    #[prop_or_default]
    pub languages: Vec<Language>,
    /// Gets a language's content: the tag, and where to send the content (at once when it is
    /// at hand, later when it must be loaded; `None` when it cannot be had).
    #[prop_or_default]
    pub load_language: Callback<(String, Callback<Option<ContentRef>>)>,
    /// Which mount this is. The embed layer keeps app roots for the next mount (Yew never
    /// releases a root's event listeners): a new session starts the widget again from these
    /// props.
    #[prop_or_default]
    pub session: u32,
}

/// The whole widget: intro, the assessment panel (start, one question per step, result)
/// and the comparison with the shared sections.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let content = props.content.clone();
        let answers = props.initial_answers.clone();
        let stage = props.initial_stage;
        let session = props.session;
        use_reducer(move || State {
            session,
            ..State::restored(content, &answers, stage)
        })
    };
    let root = use_node_ref();
    let content = state.content.clone();
    let recommendation = state.recommendation.clone();

    use_after_render(&state, &root, props.origin, &props.on_event);
    if state.session != props.session {
        // A new mount in a reused root: nothing of the last widget shows while it renews.
        state.dispatch(Action::Renew {
            session: props.session,
            content: props.content.clone(),
            answers: props.initial_answers.clone(),
            stage: props.initial_stage,
        });
        return Html::default();
    }

    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let view = props.options.view;
    let shows_comparison = view != ViewMode::Quiz;

    let panel = match (state.stage, recommendation.as_ref()) {
        (Stage::Question(index), _) => html! {
            { question_step(&QuestionStepProps {
                content: &content,
                index,
                answers: &state.answers,
                missing_answer: state.missing_answer,
                choice_limit: state.choice_limit,
                dispatch: &dispatch,
            }) }
        },
        (Stage::Result, Some(recommendation)) => {
            let share_link = props.share_base.as_ref().map(|base| {
                let value = code::share_value(&state.answers, &content.version);
                AttrValue::from(format!("{base}{value}"))
            });
            let cta = props
                .options
                .cta
                .as_ref()
                .and_then(|cta| CtaLink::new(&content, cta, recommendation));
            let on_cta = {
                let on_event = props.on_event.clone();
                let url = cta
                    .as_ref()
                    .map(|link| link.href.clone())
                    .unwrap_or_default();
                let recommendation = recommendation.clone();
                Callback::from(move |place| {
                    on_event.emit(WidgetEvent::Cta {
                        url: url.clone(),
                        place,
                        recommendation: recommendation.clone(),
                    })
                })
            };
            html! {
                { result_view(&ResultViewProps {
                    content: &content,
                    recommendation,
                    answers: &state.answers,
                    tried: state.tried.last().map(|(_, changes)| &changes[..]),
                    cta: cta.as_ref(),
                    on_cta: &on_cta,
                    can_link: shows_comparison,
                    share_link: share_link.as_ref(),
                    link_copied: state.link_copied,
                    dispatch: &dispatch,
                }) }
            }
        }
        _ => html! {
            { start_panel(&StartPanelProps { content: &content, has_progress: !state.answers.is_empty(), dispatch: &dispatch }) }
        },
    };
    let cited: &[Reason] = match (state.stage, recommendation.as_ref()) {
        (Stage::Result, Some(r)) => &r.reasons,
        _ => &[],
    };
    let announcement = match (state.stage, recommendation.as_ref()) {
        (Stage::Question(i), _) => sentences::question_announcement(&content, i),
        (Stage::Result, Some(r)) => sentences::result_announcement(&content, r.outcome),
        _ => String::new(),
    };
    let back_to_result =
        (state.stage == Stage::Result).then(|| sends_moving(&dispatch, Action::ShowResult));
    let on_language = {
        // What a language's loading ends in: its content, or `None` when it could not be had.
        let loaded = {
            let dispatch = dispatch.clone();
            let on_event = props.on_event.clone();
            Callback::from(move |content: Option<ContentRef>| {
                let Some(content) = content else {
                    return dispatch.emit(Action::LanguageFailed);
                };
                on_event.emit(WidgetEvent::Language {
                    lang: content.lang.to_string(),
                    content_version: content.version.to_string(),
                });
                dispatch.emit(Action::SetContent(content));
            })
        };
        let load_language = props.load_language.clone();
        Callback::from(move |lang: String| load_language.emit((lang, loaded.clone())))
    };
    let theme = match props.options.theme {
        Theme::Light => "light",
        Theme::Dark => "dark",
        Theme::Auto => "auto",
    };
    html! {
        <div class="gp" data-theme={theme} data-stage={if state.stage == Stage::Result { "result" } else { "assessment" }}
            lang={content.lang.clone()} ref={root}>
            if props.languages.len() > 1 {
                { language_switch(&LanguageSwitchProps {
                    current: &content.lang,
                    label: &content.ui.language_label,
                    languages: &props.languages,
                    failed: if state.language_failed { &content.ui.language_failed } else { "" },
                    on_select: on_language,
                }) }
            }
            { intro(&IntroProps { intro: &content.intro }) }
            if view != ViewMode::Compare {
                <section class="gp-panel" aria-label={content.ui.assessment_title.clone()}>{ panel }</section>
            }
            if shows_comparison {
                { comparison(&ComparisonProps {
                    content: &content,
                    highlighted: state.highlighted_row.as_deref(),
                    cited,
                    on_back_to_result: back_to_result,
                }) }
                { shared_sections(&SharedSectionsProps { content: &content }) }
            }
            <div class="gp-sr" role="status" aria-live="polite" aria-atomic="true">{ announcement }</div>
        </div>
    }
}

/// After every render: tells the host page what changed (the first render: that the widget
/// is ready), and moves focus after a visitor action (never on load, so the host page keeps
/// its focus): to the new step's heading, or to the comparison row a reason pointed at.
/// One effect for both, comparing with what the previous render showed (of the same
/// session: a reused app root's new widget renders for the first time).
#[hook]
fn use_after_render(
    state: &UseReducerHandle<State>,
    root: &NodeRef,
    origin: Source,
    on_event: &Callback<WidgetEvent>,
) {
    let previous = use_mut_ref(|| None::<Rendered>);
    let state = state.clone();
    let root = root.clone();
    let on_event = on_event.clone();
    use_effect(move || {
        let mut previous = previous.borrow_mut();
        // Yew runs only the last render's effect when renders follow each other, so the
        // session, not a flag of the render that renewed it, tells a new widget.
        let Some(old) = previous.as_mut().filter(|old| old.session == state.session) else {
            on_event.emit(WidgetEvent::Ready);
            // A result reopened on load (saved progress, a share link) is reported too, so
            // the host can tell it from one answered now.
            let mut first = Rendered {
                session: state.session,
                stage: state.stage,
                answers: state.answers.clone(),
                focus_generation: state.focus_generation,
                origin,
                last_result: None,
            };
            if state.stage == Stage::Result {
                report_result(&state, &mut first, &on_event);
            }
            *previous = Some(first);
            return;
        };
        report_changes(&state, old, &on_event);
        if state.focus_generation != old.focus_generation {
            move_focus(&root, &state.focus_target);
        }
        old.stage = state.stage;
        old.answers = state.answers.clone();
        old.focus_generation = state.focus_generation;
    });
}

/// What the previous render showed, to tell what changed since.
struct Rendered {
    session: u32,
    stage: Stage,
    answers: Answers,
    focus_generation: u32,
    /// Where the answers came from: the props' origin until the visitor starts afresh.
    origin: Source,
    /// The answers of the last result reported, and how they came about.
    last_result: Option<(Answers, Source)>,
}

fn report_changes(state: &State, old: &mut Rendered, on_event: &Callback<WidgetEvent>) {
    let (stage, answers) = (state.stage, &state.answers);
    if answers.is_empty() {
        // Restarted or forgotten: whatever comes next is answered afresh.
        old.origin = Source::Fresh;
        old.last_result = None;
    }
    if old.stage == Stage::Start && matches!(stage, Stage::Question(_)) && old.answers.is_empty() {
        on_event.emit(WidgetEvent::Start);
    }
    for (question, options) in answers.iter() {
        if old.answers.get(question) != options {
            on_event.emit(WidgetEvent::Answer {
                question: question.to_owned(),
                options: options.to_vec(),
            });
        }
    }
    // Reaching the result, and every change of the result shown (a suggestion tried or
    // undone), is a completion the host hears of.
    if stage == Stage::Result && (old.stage != Stage::Result || old.answers != *answers) {
        report_result(state, old, on_event);
    }
    if old.stage != stage || old.answers != *answers {
        on_event.emit(WidgetEvent::Progress {
            answers: answers.clone(),
            stage,
        });
    }
}

/// `guidepost:complete` for the result shown, saying how it came about.
fn report_result(state: &State, old: &mut Rendered, on_event: &Callback<WidgetEvent>) {
    let Some(recommendation) = &state.recommendation else {
        return;
    };
    let source = match &old.last_result {
        None => old.origin,
        Some((shown, source)) if *shown == state.answers => *source,
        Some(_) => Source::Changed,
    };
    old.last_result = Some((state.answers.clone(), source));
    on_event.emit(WidgetEvent::Complete {
        recommendation: recommendation.clone(),
        answers: state.answers.clone(),
        source,
    });
}

/// `text` escaped for a CSS string in double quotes: a content override's row id may hold
/// any character, and must still select its own row only.
fn css_string(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                escaped.push('\\');
                escaped.push(c);
            }
            // Control characters as hex escapes, each ended by a space.
            c if c.is_control() => escaped.push_str(&format!("\\{:x} ", c as u32)),
            c => escaped.push(c),
        }
    }
    escaped
}

fn move_focus(root: &NodeRef, target: &FocusTarget) {
    let Some(root) = root.cast::<web_sys::Element>() else {
        return;
    };
    let selector = match target {
        FocusTarget::Stage => "[data-autofocus]".to_owned(),
        FocusTarget::Row(row) => format!("[data-row=\"{}\"]", css_string(row)),
    };
    if let Ok(Some(element)) = root.query_selector(&selector) {
        if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            let _ = element.focus();
            if let FocusTarget::Row(_) = target {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                element.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn css_strings_escape_quotes_backslashes_and_controls() {
        assert_eq!(super::css_string("best-for"), "best-for");
        assert_eq!(super::css_string("a\"]b"), "a\\\"]b");
        assert_eq!(super::css_string("a\\b\nc"), "a\\\\b\\a c");
    }
}
