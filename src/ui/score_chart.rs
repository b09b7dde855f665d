use yew::prelude::*;

pub struct ScoreChartProps {
    pub coaching_label: AttrValue,
    pub mentoring_label: AttrValue,
    pub coaching: u8,
    pub mentoring: u8,
    /// Read by screen readers instead of the drawing.
    pub description: AttrValue,
}

/// The two scores as horizontal bars. Sizes are SVG attributes, not inline styles, so the
/// chart draws under a strict Content-Security-Policy.
///
/// A plain view function rather than a component: it has no state of its own, and each
/// component costs the wasm its own copy of Yew's lifecycle code.
pub fn score_chart(props: &ScoreChartProps) -> Html {
    const BAR_X: u32 = 0;
    const BAR_WIDTH: u32 = 300;
    let bar = |y: u32, score: u8, side: &'static str, label: &AttrValue| {
        let width = BAR_WIDTH * u32::from(score.min(100)) / 100;
        html! {
            <g class="gp-chart-side" data-side={side}>
                <text x={BAR_X.to_string()} y={(y - 8).to_string()} class="gp-chart-label">{ label.clone() }</text>
                <text x={BAR_WIDTH.to_string()} y={(y - 8).to_string()} class="gp-chart-value" text-anchor="end">{ score.to_string() }</text>
                <rect x={BAR_X.to_string()} y={y.to_string()} width={BAR_WIDTH.to_string()} height="14" rx="7" class="gp-chart-track" />
                <rect x={BAR_X.to_string()} y={y.to_string()} width={width.to_string()} height="14" rx="7" class="gp-chart-bar" />
            </g>
        }
    };
    html! {
        <svg class="gp-chart" viewBox="0 0 300 96" role="img" aria-label={props.description.clone()} focusable="false">
            { bar(26, props.coaching, "coaching", &props.coaching_label) }
            { bar(74, props.mentoring, "mentoring", &props.mentoring_label) }
        </svg>
    }
}
