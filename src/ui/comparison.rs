use yew::prelude::*;

use crate::content::Content;
use crate::engine::Reason;

pub struct ComparisonProps<'a> {
    pub content: &'a Content,
    /// The row a reason pointed at.
    pub highlighted: Option<&'a str>,
    /// The result's reasons: the rows they rest on are marked (printed with the result).
    pub cited: &'a [Reason],
    /// Shown in the highlighted row to jump back to the result; `None` outside the result.
    pub on_back_to_result: Option<Callback<MouseEvent>>,
}

/// The side-by-side comparison: a true two-column table on wide containers, stacked cards
/// on a phone (the CSS switches on the container's width, not the page's).
///
/// A plain view function: see [`super::intro::intro`] for why.
pub fn comparison(props: &ComparisonProps<'_>) -> Html {
    let comparison = &props.content.comparison;
    let back_label = &*props.content.ui.see_result;
    let mut rows = Vec::new();
    for row in comparison.rows.iter() {
        let highlighted = props.highlighted == Some(&*row.id);
        let cited = props.cited.iter().any(|reason| reason.row == row.id);
        let back = match (&props.on_back_to_result, highlighted) {
            (Some(on_back), true) => {
                html! {
                    <button type="button" class="gp-link gp-row-back" onclick={on_back.clone()}>
                        { back_label }
                    </button>
                }
            }
            _ => html! {},
        };
        rows.push(html! {
            <tr key={row.id.to_string()} data-row={row.id.to_string()} tabindex="-1"
                class="gp-row" data-highlighted={highlighted.then_some("")} data-cited={cited.then_some("")}>
                <th scope="row">{ &*row.label }{ back }</th>
                <td>
                    <span class="gp-cell-label" aria-hidden="true">{ &*comparison.coaching }</span>
                    { &*row.coaching }
                </td>
                <td>
                    <span class="gp-cell-label" aria-hidden="true">{ &*comparison.mentoring }</span>
                    { &*row.mentoring }
                </td>
            </tr>
        });
    }
    html! {
        <section class="gp-compare" aria-labelledby="gp-compare-title">
            <h3 id="gp-compare-title" class="gp-section-title">{ &*comparison.title }</h3>
            <p class="gp-muted">{ &*comparison.lead }</p>
            <table class="gp-table">
                <thead>
                    <tr>
                        <td class="gp-corner"></td>
                        <th scope="col" class="gp-col-coaching">{ &*comparison.coaching }</th>
                        <th scope="col" class="gp-col-mentoring">{ &*comparison.mentoring }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </section>
    }
}
