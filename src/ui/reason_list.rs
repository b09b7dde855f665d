use yew::prelude::*;

use crate::content::Content;
use crate::engine::{Reason, Side};

use super::sentences::{more_reasons, reason_row_link};
use super::{sends, Action};

pub struct ReasonListProps<'a> {
    pub content: &'a Content,
    pub reasons: &'a [Reason],
    /// Whether the comparison is on the page to link to.
    pub can_link: bool,
    pub dispatch: &'a Callback<Action>,
}

/// Each reason: the answer that caused it, in the article's words, the comparison row (or
/// section) it rests on, and a link that highlights that row. The strongest few show; the
/// rest are one tap away.
///
/// A plain view function rather than a component: it has no state of its own, and each
/// component costs the wasm its own copy of Yew's lifecycle code.
pub fn reason_list(props: &ReasonListProps<'_>) -> Html {
    let content = &props.content;
    let item = |reason: &Reason| {
        let choice = content.question(&reason.question)?.choice(&reason.option)?;
        let (source, quote, link) = if reason.side == Side::Both {
            let section = content.section(&reason.row)?;
            (section.title.to_string(), &section.text, None)
        } else {
            let row = content.row(&reason.row)?;
            let (approach, text) = if reason.side == Side::Coaching {
                (&content.comparison.coaching, &row.coaching)
            } else {
                (&content.comparison.mentoring, &row.mentoring)
            };
            let link = props.can_link.then(|| {
                html! {
                    <button type="button" class="gp-link" data-reason-row={row.id.to_string()}
                        onclick={sends(props.dispatch, Action::HighlightRow(row.id.to_string()))}>
                        { reason_row_link(content, &row.label) }
                    </button>
                }
            });
            (format!("{} · {}", row.label, approach), text, link)
        };
        let side = match reason.side {
            Side::Coaching => "coaching",
            Side::Mentoring => "mentoring",
            Side::Both => "both",
        };
        Some(html! {
            <li class="gp-reason" data-side={side} data-reason-question={reason.question.clone()}>
                <p class="gp-reason-text">{ &*choice.reason }</p>
                <p class="gp-reason-row">
                    <span class="gp-reason-source">{ source }</span>
                    { format!(" “{quote}”") }
                </p>
                { for link }
            </li>
        })
    };
    // A plain loop (see `super`): shown first, the rest behind the disclosure.
    let (mut first, mut rest) = (Vec::new(), Vec::new());
    for reason in props.reasons {
        if let Some(item) = item(reason) {
            if first.len() < content.engine.shown_reasons as usize {
                first.push(item);
            } else {
                rest.push(item);
            }
        }
    }
    html! {
        <>
            <ul class="gp-reasons" role="list">{ for first }</ul>
            if !rest.is_empty() {
                <details class="gp-more">
                    <summary>{ more_reasons(content, rest.len()) }</summary>
                    <ul class="gp-reasons" role="list">{ for rest }</ul>
                </details>
            }
        </>
    }
}
