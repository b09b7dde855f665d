use yew::prelude::*;

use crate::content::Language;

pub struct LanguageSwitchProps<'a> {
    pub current: &'a str,
    pub label: &'a str,
    pub languages: &'a [Language],
    /// Why the language last chosen is not shown, when it could not be loaded; else empty.
    pub failed: &'a str,
    /// Receives the tag of the language chosen.
    pub on_select: Callback<String>,
}

/// English | Türkçe. Each name is marked with its own language so screen readers say it
/// right; the current one is pressed.
///
/// A plain view function rather than a component: it has no state of its own, and each
/// component costs the wasm its own copy of Yew's lifecycle code.
pub fn language_switch(props: &LanguageSwitchProps<'_>) -> Html {
    let mut buttons = Vec::new();
    for language in props.languages.iter() {
        let pressed = language.lang == props.current;
        let on_select = props.on_select.clone();
        let lang = language.lang.to_string();
        buttons.push(html! {
            <button type="button" key={lang.clone()} class="gp-lang" lang={lang.clone()}
                data-lang-option={lang.clone()} aria-pressed={if pressed { "true" } else { "false" }}
                onclick={move |_| if !pressed { on_select.emit(lang.clone()) }}>
                { &*language.name }
            </button>
        });
    }
    html! {
        <div class="gp-langs" role="group" aria-label={props.label.to_owned()}>
            { for buttons }
            <p class="gp-muted gp-lang-status" role="status" data-language-status="">{ props.failed }</p>
        </div>
    }
}
