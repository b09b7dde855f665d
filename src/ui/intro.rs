use yew::prelude::*;

use crate::content::Intro as IntroText;

pub struct IntroProps<'a> {
    pub intro: &'a IntroText,
}

/// The widget's header: what it is about, in one glance.
///
/// A plain view function rather than a component: it has no state of its own, and each
/// component costs the wasm its own copy of Yew's lifecycle code.
pub fn intro(props: &IntroProps<'_>) -> Html {
    let intro = props.intro;
    html! {
        <header class="gp-intro">
            <p class="gp-eyebrow">{ &*intro.eyebrow }</p>
            <h2 class="gp-title">{ &*intro.title }</h2>
            <p class="gp-lead">{ &*intro.lead }</p>
        </header>
    }
}
