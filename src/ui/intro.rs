use yew::prelude::*;

use crate::content::Intro as IntroText;

#[derive(Properties, PartialEq)]
pub struct IntroProps {
    pub intro: IntroText,
}

/// The widget's header: what it is about, in one glance.
#[function_component]
pub fn Intro(props: &IntroProps) -> Html {
    let intro = &props.intro;
    html! {
        <header class="gp-intro">
            <p class="gp-eyebrow">{ &*intro.eyebrow }</p>
            <h2 class="gp-title">{ &*intro.title }</h2>
            <p class="gp-lead">{ &*intro.lead }</p>
        </header>
    }
}
