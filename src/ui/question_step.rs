use yew::prelude::*;

use crate::content::Content;
use crate::engine::Answers;

use super::sentences::progress;
use super::{sends, sends_moving, Action};

pub struct QuestionStepProps<'a> {
    pub content: &'a Content,
    pub index: usize,
    pub answers: &'a Answers,
    pub missing_answer: bool,
    /// A third option was chosen on a question that takes two.
    pub choice_limit: bool,
    pub dispatch: &'a Callback<Action>,
}

/// One question per step: native radios (or checkboxes for a question that takes two), so
/// arrow keys, Space and Enter work as every keyboard user expects.
///
/// A plain view function: see [`super::intro::intro`] for why.
pub fn question_step(props: &QuestionStepProps<'_>) -> Html {
    let content = &props.content;
    let ui = &content.ui;
    let question = &content.questions[props.index];
    let total = content.questions.len();
    let chosen = props.answers.get(&question.id);
    let multiple = question.max_choices > 1;
    let full = multiple && chosen.len() >= usize::from(question.max_choices);
    let progress = progress(content, props.index);
    // The question's own hint; without one, the interface's generic instruction.
    let hint = match (question.hint.trim().is_empty(), multiple) {
        (false, _) => &*question.hint,
        (true, true) => &*ui.choose_up_to_two,
        (true, false) => &*ui.choose_one,
    };
    let all_answered = props.answers.is_complete(content);
    // With every question answered the main button goes (back) to the result.
    let to_result = props.index + 1 == total || all_answered;

    // Next moves on once this question is answered; until then it says so, and keeps focus.
    let next = if chosen.is_empty() {
        sends(props.dispatch, Action::Next)
    } else {
        sends_moving(props.dispatch, Action::Next)
    };
    let mut options = Vec::new();
    for option in question.options.iter() {
        let checked = chosen.iter().any(|c| *c == option.id);
        let action = Action::Choose {
            question: question.id.to_string(),
            option: option.id.to_string(),
        };
        // A full question keeps its options enabled, so a third tap is heard and answered
        // (the reducer says why nothing changed) instead of silently ignored; `sends` stops
        // the click's default, so the box does not tick.
        let onclick = (full && !checked).then(|| sends(props.dispatch, action.clone()));
        // The label wraps its input: that associates them, with no ids to keep unique.
        options.push(html! {
            <li key={option.id.to_string()}>
                <label class="gp-option">
                    <input
                        type={if multiple { "checkbox" } else { "radio" }}
                        name={question.id.to_string()}
                        data-option={option.id.to_string()}
                        checked={checked}
                        onclick={onclick}
                        onchange={sends(props.dispatch, action)}
                    />
                    <span>{ &*option.label }</span>
                </label>
            </li>
        });
    }

    html! {
        <form class="gp-quiz" data-question={question.id.to_string()} novalidate=true>
            <div class="gp-progress">
                <span class="gp-progress-label">{ progress }</span>
                <progress max={total.to_string()} value={(props.index + 1).to_string()} aria-hidden="true"></progress>
            </div>
            <fieldset aria-describedby={if props.missing_answer { "gp-hint gp-error" } else { "gp-hint" }}>
                <legend>
                    <h3 class="gp-question" tabindex="-1" data-autofocus="">{ &*question.prompt }</h3>
                </legend>
                <p class="gp-muted" id="gp-hint">{ hint }</p>
                <ul class="gp-options" role="list">{ for options }</ul>
            </fieldset>
            <p class="gp-error" id="gp-error" role="alert">
                { if props.missing_answer { &*ui.answer_required } else if props.choice_limit { &*ui.choice_limit } else { "" } }
            </p>
            <div class="gp-nav">
                <button type="button" class="gp-button gp-secondary" data-action="back" onclick={sends_moving(props.dispatch, Action::Back)}>{ &*ui.back }</button>
                // The click, not the form's submission: Enter on an option clicks this default
                // button too, and cancelling the click means no submission, which a sandboxed
                // frame without `allow-forms` would block (the visitor stuck on question 1).
                <button type="submit" class="gp-button" data-action="next" onclick={next}>
                    { if to_result { &*ui.see_result } else { &*ui.next } }
                </button>
            </div>
        </form>
    }
}
