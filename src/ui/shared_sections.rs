use yew::prelude::*;

use crate::content::Content;

use super::text_items;

pub struct SharedSectionsProps<'a> {
    pub content: &'a Content,
}

/// What both approaches share, why the choice matters, combining them, and timing.
///
/// A plain view function rather than a component: it has no state of its own, and each
/// component costs the wasm its own copy of Yew's lifecycle code.
pub fn shared_sections(props: &SharedSectionsProps<'_>) -> Html {
    let content = &props.content;
    let mut cards = Vec::new();
    for section in content.sections.iter() {
        cards.push(html! {
            <article key={section.id.to_string()} class="gp-card" data-section={section.id.to_string()}>
                <h4>{ &*section.title }</h4>
                <p>{ &*section.text }</p>
                <ul>{ text_items(&section.points) }</ul>
            </article>
        });
    }
    html! {
        <section class="gp-shared" aria-labelledby="gp-shared-title">
            <h3 id="gp-shared-title" class="gp-section-title">{ &*content.ui.shared_title }</h3>
            <div class="gp-cards">
                { for cards }
            </div>
        </section>
    }
}
