use yew::prelude::*;

use crate::content::Content;
use crate::engine::Answers;

use super::sentences::change_answer_label;
use super::{sends_moving, Action};

pub struct AnswerSummaryProps<'a> {
    pub content: &'a Content,
    pub answers: &'a Answers,
    pub dispatch: &'a Callback<Action>,
}

/// Every answer given, each with a control to go back and change it.
///
/// A plain view function rather than a component: it has no state of its own, and each
/// component costs the wasm its own copy of Yew's lifecycle code.
pub fn answer_summary(props: &AnswerSummaryProps<'_>) -> Html {
    let content = &props.content;
    let mut items = Vec::new();
    for question in content.questions.iter() {
        let mut labels = String::new();
        for id in props.answers.get(&question.id) {
            let Some(choice) = question.choice(id) else {
                continue;
            };
            if !labels.is_empty() {
                labels.push_str(" · ");
            }
            labels.push_str(&choice.label);
        }
        items.push(html! {
            <li key={question.id.to_string()}>
                <span class="gp-answer-question">{ &*question.prompt }</span>
                <span class="gp-answer-value">{ labels }</span>
                <button type="button" class="gp-link" data-edit={question.id.to_string()}
                    aria-label={change_answer_label(content, &question.prompt)}
                    onclick={sends_moving(props.dispatch, Action::Edit(question.id.to_string()))}>
                    { &*content.ui.change_answer }
                </button>
            </li>
        });
    }
    html! { <ul class="gp-answers" role="list">{ for items }</ul> }
}
