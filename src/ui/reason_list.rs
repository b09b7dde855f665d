use yew::prelude::*;

use crate::content::ContentRef;
use crate::engine::{Reason, Side};

use super::{fill, sends, Action};

pub struct ReasonListProps {
    pub content: ContentRef,
    pub reasons: Vec<Reason>,
    /// Whether the comparison is on the page to link to.
    pub can_link: bool,
    pub dispatch: Callback<Action>,
}

/// Each reason: the answer that caused it, in the article's words, the comparison row it
/// rests on, and a link that highlights that row.
///
/// A plain view function rather than a component: it has no state of its own, and each
/// component costs the wasm its own copy of Yew's lifecycle code.
pub fn reason_list(props: &ReasonListProps) -> Html {
    let content = &props.content;
    let items = props.reasons.iter().filter_map(|reason| {
        let choice = content.question(&reason.question)?.choice(&reason.option)?;
        let row = content.row(&reason.row)?;
        let (approach, row_text) = match reason.side {
            Side::Coaching => (&content.comparison.coaching, &row.coaching),
            Side::Mentoring => (&content.comparison.mentoring, &row.mentoring),
        };
        let link = props.can_link.then(|| {
            html! {
                <button type="button" class="gp-link" data-reason-row={row.id.to_string()}
                    onclick={sends(&props.dispatch, Action::HighlightRow(row.id.to_string()))}>
                    { fill(&content.ui.reason_row_link, &[("name", &row.label)]) }
                </button>
            }
        });
        Some(html! {
            <li key={format!("{}:{}", reason.question, reason.option)}
                class="gp-reason" data-side={match reason.side { Side::Coaching => "coaching", Side::Mentoring => "mentoring" }}
                data-reason-question={reason.question.clone()}>
                <p class="gp-reason-text">{ &*choice.reason }</p>
                <p class="gp-reason-row">
                    <span class="gp-reason-source">{ format!("{} · {}", row.label, approach) }</span>
                    { format!(" “{row_text}”") }
                </p>
                { for link }
            </li>
        })
    });
    html! { <ul class="gp-reasons" role="list">{ for items }</ul> }
}
