use std::rc::Rc;

use yew::prelude::*;

use crate::content::Content;

pub struct LanguageSwitchProps {
    pub current: String,
    pub label: String,
    pub languages: Vec<Rc<Content>>,
    pub on_select: Callback<Rc<Content>>,
}

/// English | Türkçe. Each name is marked with its own language so screen readers say it
/// right; the current one is pressed.
///
/// A plain view function rather than a component: it has no state of its own, and each
/// component costs the wasm its own copy of Yew's lifecycle code.
pub fn language_switch(props: &LanguageSwitchProps) -> Html {
    let buttons = props.languages.iter().map(|content| {
        let pressed = content.lang == props.current;
        let on_select = props.on_select.clone();
        let choice = content.clone();
        html! {
            <button type="button" key={content.lang.to_string()} class="gp-lang" lang={content.lang.to_string()}
                data-lang-option={content.lang.clone()} aria-pressed={if pressed { "true" } else { "false" }}
                onclick={move |_| if !pressed { on_select.emit(choice.clone()) }}>
                { &*content.ui.language_name }
            </button>
        }
    });
    html! {
        <div class="gp-langs" role="group" aria-label={props.label.clone()}>{ for buttons }</div>
    }
}
