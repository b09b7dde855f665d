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
    // The drawing is 300 wide; each bar is 14 high under its label (constant positions are
    // literal attributes, only the widths vary).
    let bar = |label_y: &'static str,
               bar_y: &'static str,
               score: u8,
               side: &'static str,
               label: &AttrValue| {
        let width = 3 * u32::from(score.min(100));
        html! {
            <g class="gp-chart-side" data-side={side}>
                <text x="0" y={label_y} class="gp-chart-label">{ label.clone() }</text>
                <text x="300" y={label_y} class="gp-chart-value" text-anchor="end">{ score.to_string() }</text>
                <rect x="0" y={bar_y} width="300" height="14" rx="7" class="gp-chart-track" />
                <rect x="0" y={bar_y} width={width.to_string()} height="14" rx="7" class="gp-chart-bar" />
            </g>
        }
    };
    html! {
        <svg class="gp-chart" viewBox="0 0 300 96" role="img" aria-label={props.description.clone()} focusable="false">
            { bar("18", "26", props.coaching, "coaching", &props.coaching_label) }
            { bar("66", "74", props.mentoring, "mentoring", &props.mentoring_label) }
        </svg>
    }
}
