use yew::prelude::*;

pub struct ScoreChartProps {
    pub coaching_label: AttrValue,
    pub mentoring_label: AttrValue,
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
pub fn score_chart(props: &ScoreChartProps) -> Html {
    let bar = |side: &'static str, label: &AttrValue, score: u8| {
        let score = score.min(100).to_string();
        html! {
            <div class="gp-chart-side" data-side={side}>
                <span>{ label.clone() }</span>
                <b>{ score.clone() }</b>
                <progress max="100" value={score}></progress>
            </div>
        }
    };
    html! {
        <div class="gp-chart" role="img" aria-label={props.description.clone()}>
            { bar("coaching", &props.coaching_label, props.coaching) }
            { bar("mentoring", &props.mentoring_label, props.mentoring) }
        </div>
    }
}
