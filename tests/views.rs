//! The views, rendered to HTML with Yew's server renderer: the contract's test hooks are
//! present, and every content string is rendered as text.
use guidepost::content::{self, ContentRef};
use guidepost::engine::Answers;
use guidepost::ui::{App, AppProps, Stage};
use guidepost::ui::{Cta, ViewMode, WidgetOptions};
use yew::{AttrValue, LocalServerRenderer};

fn content() -> ContentRef {
    content::english().into()
}

async fn render(
    content: ContentRef,
    options: WidgetOptions,
    answers: Answers,
    stage: Stage,
) -> String {
    let props = yew::props!(AppProps {
        content,
        options,
        initial_answers: answers,
        initial_stage: stage,
        share_base: Some(AttrValue::from("https://example.com/page#guidepost=")),
        languages: content::builtin_languages(),
    });
    LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn coaching_story() -> Answers {
    Answers::new()
        .with("situation", &["role-transition"])
        .with("support", &["questions"])
        .with("time-focus", &["present-future"])
        .with("horizon", &["defined"])
        .with("relationship", &["peer-partner"])
        .with("outcome", &["behavior"])
        .with("urgency", &["now"])
        .with("organization", &["case-by-case"])
}

#[tokio::test]
async fn start_view_shows_every_comparison_row_and_shared_section() {
    let c = content();
    let html = render(
        c.clone(),
        WidgetOptions::default(),
        Answers::new(),
        Stage::Start,
    )
    .await;
    for row in c.comparison.rows.iter() {
        assert!(
            html.contains(&format!("data-row=\"{}\"", row.id)),
            "row {}",
            row.id
        );
    }
    for id in [
        "common-ground",
        "why-it-matters",
        "combined",
        "organization",
        "timing",
    ] {
        assert!(
            html.contains(&format!("data-section=\"{id}\"")),
            "section {id}"
        );
    }
    assert!(html.contains("data-action=\"start\""));
    assert!(html.contains("lang=\"en\""));
    assert!(!html.contains("data-question"), "no question before start");
}

#[tokio::test]
async fn a_question_step_has_progress_options_and_navigation() {
    let html = render(
        content(),
        WidgetOptions::default(),
        Answers::new(),
        Stage::Question(2),
    )
    .await;
    assert!(html.contains("data-question=\"time-focus\""));
    assert!(html.contains(">3 of 8<"), "progress text");
    assert!(
        html.contains("data-option=\"present-future\"")
            && html.contains("data-option=\"past-lessons\"")
    );
    assert!(html.contains("type=\"radio\""));
    assert!(html.contains("data-action=\"back\"") && html.contains("data-action=\"next\""));
}

#[tokio::test]
async fn situation_takes_checkboxes_and_keeps_a_third_choice_answerable() {
    let answers = Answers::new().with("situation", &["role-transition", "new-industry"]);
    let html = render(
        content(),
        WidgetOptions::default(),
        answers,
        Stage::Question(0),
    )
    .await;
    assert_eq!(html.matches("type=\"checkbox\"").count(), 6);
    assert_eq!(html.matches("<input checked ").count(), 2, "{html}");
    // A third tap is answered with a message (the reducer's `choice_limit`), so the other
    // options stay enabled rather than silently dead.
    assert_eq!(html.matches("disabled").count(), 0, "{html}");
    assert!(html.contains("role=\"alert\""));
}

#[tokio::test]
async fn result_view_carries_outcome_scores_reasons_and_cta() {
    let options = WidgetOptions {
        cta: Some(Cta {
            urls: vec![("".into(), "https://example.com/contact".into())],
            labels: vec![("".into(), "Talk to us".into())],
            ..Cta::default()
        }),
        ..WidgetOptions::default()
    };
    let html = render(content(), options, coaching_story(), Stage::Result).await;
    assert!(html.contains("data-outcome=\"coaching\""), "{html}");
    assert!(html.contains("data-score-coaching=\"87\""));
    assert!(html.contains("data-score-mentoring=\"0\""));
    assert!(
        html.contains("data-reason-row=\"best-for\""),
        "reason links to its row"
    );
    assert!(
        html.contains("Question-driven: the coach facilitates awareness"),
        "quotes the article's idea"
    );
    assert!(html.contains("href=\"https://example.com/contact\"") && html.contains("Talk to us"));
    assert_eq!(
        html.matches("data-action=\"cta\"").count(),
        2,
        "after the scores and again at the end"
    );
    assert_eq!(
        html.matches("This link passes on nothing about your answers.")
            .count(),
        2,
        "each says what it passes on: {html}"
    );
    assert!(html.contains("data-action=\"restart\""));
    assert!(
        html.contains("role=\"img\"") && html.contains("<progress max=\"100\" value=\"87\""),
        "scores drawn as bars"
    );
    assert!(html.contains("data-confidence=\"high\""));
    // Far from any other outcome: said plainly, not as a long sentence.
    assert!(!html.contains("data-flip="), "{html}");
    assert!(
        html.contains(
            "data-flip-none=\"\">Your answers point clearly: it would take 3 different answers"
        ),
        "{html}"
    );
    assert!(
        html.contains("value=\"https://example.com/page#guidepost=1.0-0-0-0-0-0-0-1~2.2.0\""),
        "share link: the answer code, then the content version without its language"
    );
}

#[tokio::test]
async fn result_without_complete_answers_falls_back_to_start() {
    let partial = Answers::new().with("situation", &["role-transition"]);
    let html = render(content(), WidgetOptions::default(), partial, Stage::Result).await;
    assert!(!html.contains("data-outcome"));
    assert!(html.contains("data-action=\"start\""));
}

#[tokio::test]
async fn view_modes_show_only_their_part() {
    let compare = render(
        content(),
        WidgetOptions {
            view: ViewMode::Compare,
            ..Default::default()
        },
        Answers::new(),
        Stage::Start,
    )
    .await;
    assert!(compare.contains("data-row=\"purpose\"") && !compare.contains("data-action=\"start\""));
    let quiz = render(
        content(),
        WidgetOptions {
            view: ViewMode::Quiz,
            ..Default::default()
        },
        Answers::new(),
        Stage::Start,
    )
    .await;
    assert!(!quiz.contains("data-row=") && quiz.contains("data-action=\"start\""));
    // Neither mode mentions the half it does not show, in either language.
    for lang in ["en", "tr"] {
        let c: ContentRef = content::builtin(lang).unwrap().into();
        for (view, missing) in [
            (
                ViewMode::Quiz,
                ["below", "aşağıda", "compare them", "karşılaştırın"],
            ),
            (
                ViewMode::Compare,
                ["self-assessment", "öz değerlendirme", "take a", "yapın"],
            ),
        ] {
            let options = WidgetOptions {
                view,
                ..Default::default()
            };
            let html = render(c.clone(), options, Answers::new(), Stage::Start).await;
            let text = html.to_lowercase();
            for word in missing {
                assert!(!text.contains(word), "{view:?} ({lang}) mentions “{word}”");
            }
        }
    }
}

#[tokio::test]
async fn content_strings_are_text_never_html() {
    let mut c = (*content()).clone();
    c.intro.title = "<img src=x onerror=alert(1)>".into();
    c.comparison.rows.to_mut()[0].coaching = "<script>alert(1)</script>".into();
    let html = render(
        c.into(),
        WidgetOptions::default(),
        Answers::new(),
        Stage::Start,
    )
    .await;
    assert!(!html.contains("<img src=x") && !html.contains("<script>"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("&lt;script&gt;"));
}

#[tokio::test]
async fn the_language_switch_marks_each_language_and_the_current_one() {
    let html = render(
        content(),
        WidgetOptions::default(),
        Answers::new(),
        Stage::Start,
    )
    .await;
    assert!(html.contains("data-lang-option=\"en\""), "{html}");
    assert!(html.contains("data-lang-option=\"tr\""));
    assert!(
        html.contains("lang=\"tr\""),
        "Türkçe is marked as Turkish for screen readers"
    );
    assert!(html.contains("aria-pressed=\"true\""));
}

#[tokio::test]
async fn a_question_shows_its_own_hint_or_else_the_generic_instruction() {
    let mut c = (*content()).clone();
    c.questions.to_mut()[0].hint = "Pick what weighs most on you.".into();
    c.questions.to_mut()[1].hint = "".into();
    let c = content::ContentRef::from(c);
    let own = render(
        c.clone(),
        WidgetOptions::default(),
        Answers::new(),
        Stage::Question(0),
    )
    .await;
    assert!(
        own.contains("<p id=\"gp-hint\" class=\"gp-muted\">Pick what weighs most on you.</p>"),
        "{own}"
    );
    let generic = render(
        c.clone(),
        WidgetOptions::default(),
        Answers::new(),
        Stage::Question(1),
    )
    .await;
    let expected = format!(
        "<p id=\"gp-hint\" class=\"gp-muted\">{}</p>",
        c.ui.choose_one
    );
    assert!(generic.contains(&expected), "{generic}");
}

fn near_the_line() -> Answers {
    Answers::new()
        .with(
            "situation",
            &["decision-complexity", "strategic-perspective"],
        )
        .with("support", &["questions"])
        .with("time-focus", &["present-future"])
        .with("horizon", &["ongoing"])
        .with("relationship", &["senior-guide"])
        .with("outcome", &["clarity"])
        .with("urgency", &["this-year"])
        .with("organization", &["case-by-case"])
}

#[tokio::test]
async fn what_would_change_it_names_exactly_the_options_swapped() {
    let c = content();
    let answers = near_the_line();
    let r = guidepost::engine::recommend(&c, &answers);
    assert!(!r.changes.is_empty(), "{r:?}");
    let html = render(
        c.clone(),
        WidgetOptions::default(),
        answers.clone(),
        Stage::Result,
    )
    .await;
    for flip in &r.changes {
        assert!(html.contains(&format!("data-flip=\"{}\"", flip.outcome.id())));
        for change in &flip.changes {
            let hook = format!(
                "data-change=\"{}\" data-from=\"{}\" data-to=\"{}\"",
                change.question,
                change.from.join(" "),
                change.to.join(" ")
            );
            assert!(html.contains(&hook), "{hook} in {html}");
            // Each line names what is added and what is dropped, never an unchanged option.
            let q = c.question(&change.question).unwrap();
            let start = html.find(&hook).unwrap();
            let line = &html[start..start + html[start..].find("</li>").unwrap()];
            for option in q.options.iter() {
                let quoted = format!("“{}”", option.label);
                let touched = change
                    .added()
                    .chain(change.dropped())
                    .any(|o| *o == option.id);
                assert_eq!(line.contains(&quoted), touched, "{} in {line}", option.id);
            }
        }
    }
    assert!(html.contains("data-action=\"apply-change\""));
    let one = r.changes.iter().any(|f| f.distance == 1);
    assert_eq!(
        html.contains("With one different answer, the recommendation would be"),
        one
    );
    assert!(!html.contains(" and you "), "no chained clauses");
}

#[tokio::test]
async fn the_strongest_three_reasons_show_and_the_rest_are_one_tap_away() {
    let c = content();
    let answers = near_the_line();
    let r = guidepost::engine::recommend(&c, &answers);
    assert!(r.reasons.len() > 3, "{r:?}");
    let html = render(c, WidgetOptions::default(), answers, Stage::Result).await;
    let more = html
        .find("<details class=\"gp-more\">")
        .expect("a disclosure for the rest");
    assert_eq!(html[..more].matches("data-reason-question=").count(), 3);
    assert_eq!(
        html[more..].matches("data-reason-question=").count(),
        r.reasons.len() - 3
    );
    assert!(html.contains(&format!("More reasons ({})", r.reasons.len() - 3)));
}

#[tokio::test]
async fn a_program_that_tips_the_result_is_shown_as_a_reason_citing_its_section() {
    let answers = Answers::new()
        .with("situation", &["role-transition", "new-industry"])
        .with("support", &["questions"])
        .with("time-focus", &["present-future"])
        .with("horizon", &["ongoing"])
        .with("relationship", &["senior-guide"])
        .with("outcome", &["clarity"])
        .with("urgency", &["now"])
        .with("organization", &["program"]);
    let html = render(content(), WidgetOptions::default(), answers, Stage::Result).await;
    assert!(html.contains("data-outcome=\"combined\""));
    assert!(
        html.contains("data-reason-question=\"organization\""),
        "{html}"
    );
    assert!(html.contains("A sign of organizational maturity"));
}

#[tokio::test]
async fn both_languages_render_every_result_sentence_from_whole_templates() {
    for lang in ["en", "tr"] {
        let c: ContentRef = content::builtin(lang).unwrap().into();
        let html = render(c, WidgetOptions::default(), near_the_line(), Stage::Result).await;
        assert!(
            !html.contains('{'),
            "an unfilled placeholder in {lang}: {html}"
        );
    }
}

/// `prerender LANG` (markup for a page's widget element):
/// a declarative shadow root holding the stylesheet and the start view, with every comparison
/// row and the start control, in the language asked for, without Yew's hydration markers.
#[test]
fn prerender_writes_the_first_view_into_a_declarative_shadow_root() {
    let prerender = |arg: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_prerender"))
            .arg(arg)
            .output()
            .expect("run prerender")
    };
    for lang in ["en", "tr"] {
        let out = prerender(lang);
        assert!(out.status.success(), "prerender {lang} failed");
        let html = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(
            html.starts_with("<template shadowrootmode=\"open\"><style>:host{"),
            "{lang}: {}",
            &html[..80]
        );
        assert!(html.ends_with("</div></template>"));
        assert!(html.contains("<div class=\"gp-host\" data-prerender>"));
        assert!(html.contains(&format!("lang=\"{lang}\"")));
        assert!(html.contains("data-action=\"start\""));
        assert!(!html.contains("<!--"), "{lang}: hydration markers");
        let content = content::builtin(lang).expect("built in");
        for row in content.comparison.rows.iter() {
            assert!(
                html.contains(&format!("data-row=\"{}\"", row.id)),
                "{lang}: row {}",
                row.id
            );
        }
        assert!(
            html.contains(&*content.intro.title),
            "{lang}: the intro's title"
        );
    }
    let css = prerender("--css");
    assert!(css.status.success() && css.stdout.starts_with(b":host{"));
    assert_eq!(prerender("xx").status.code(), Some(2));
}
