use yew::prelude::*;

pub struct ScoreChartProps<'a> {
    pub coaching_label: &'a str,
    pub mentoring_label: &'a str,
    pub coaching: u8,
    pub mentoring: u8,
    /// Read by screen readers instead of the drawing.
    pub description: AttrValue,
}

/// The two scores as bars: native `<progress>` elements, so the bars need no inline styles
/// (a strict Content-Security-Policy) and the labels are ordinary text that follows the
/// widget's type size.
///
/// A plain view function rather than a component: it has no state of its own, and each
/// component costs the wasm its own copy of Yew's lifecycle code.
pub fn score_chart(props: &ScoreChartProps<'_>) -> Html {
    let bar = |side: &'static str, label: &str, score: u8| {
        let score = score.min(100).to_string();
        html! {
            <div class="gp-chart-side" data-side={side}>
                <span>{ label }</span>
                <b>{ score.clone() }</b>
                <progress max="100" value={score}></progress>
            </div>
        }
    };
    html! {
        <div class="gp-chart" role="img" aria-label={props.description.clone()}>
            { bar("coaching", props.coaching_label, props.coaching) }
            { bar("mentoring", props.mentoring_label, props.mentoring) }
        </div>
    }
}
