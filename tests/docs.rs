//! Documents written from the engine and the content, never by hand: the README's table of
//! outcomes and confidence over every answer set, and `docs/sentences.md`, every distinct
//! sentence the widget composes, in both languages, for a reader to check.
//!
//! Each test fails when its document is out of date; `GUIDEPOST_WRITE_DOCS=1 cargo test
//! --test docs` writes them again.
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;

use guidepost::content::{self, Content};
use guidepost::engine::{
    answer_set_count, for_each_complete_answers, recommend, Confidence, Outcome, Recommendation,
    Sequence,
};
use guidepost::ui::{sentences, CtaParam};

fn english() -> Content {
    content::english().clone()
}

/// Checks `path` holds `expected` (or, with `GUIDEPOST_WRITE_DOCS=1`, writes it).
fn check_or_write(path: &str, expected: &str) {
    if std::env::var_os("GUIDEPOST_WRITE_DOCS").is_some() {
        fs::write(path, expected).unwrap_or_else(|e| panic!("write {path}: {e}"));
        return;
    }
    let actual = fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "{path} is out of date: run `GUIDEPOST_WRITE_DOCS=1 cargo test --test docs` and commit it"
    );
}

fn every_recommendation(content: &Content) -> Vec<Recommendation> {
    let mut all = Vec::new();
    for_each_complete_answers(content, |answers| all.push(recommend(content, answers)));
    all
}

const START: &str = "<!-- distribution: written by tests/docs.rs -->\n";
const END: &str = "<!-- /distribution -->\n";

#[test]
fn the_readme_shows_the_distribution_of_every_answer_set() {
    let c = english();
    let all = every_recommendation(&c);
    let total = all.len();
    assert_eq!(total as u128, answer_set_count(&c));
    let share = |n: usize| format!("{n} ({:.0}%)", 100.0 * n as f64 / total as f64);
    let mut table =
        String::from("| Outcome | High confidence | Medium | Low | All |\n|---|---|---|---|---|\n");
    let count = |outcome: Option<Outcome>, confidence: Option<Confidence>| {
        all.iter()
            .filter(|r| outcome.is_none_or(|o| r.outcome == o))
            .filter(|r| confidence.is_none_or(|c| r.confidence == c))
            .count()
    };
    for (name, outcome) in [
        ("Coaching", Some(Outcome::Coaching)),
        ("Mentoring", Some(Outcome::Mentoring)),
        ("A combination", Some(Outcome::Combined)),
        ("**All**", None),
    ] {
        let cells: Vec<String> = [
            Some(Confidence::High),
            Some(Confidence::Medium),
            Some(Confidence::Low),
            None,
        ]
        .into_iter()
        .map(|confidence| share(count(outcome, confidence)))
        .collect();
        writeln!(table, "| {name} | {} |", cells.join(" | ")).unwrap();
    }
    let sequences = |s: Sequence| all.iter().filter(|r| r.sequence == Some(s)).count();
    let nearest = |f: &dyn Fn(usize) -> bool| {
        all.iter()
            .filter(|r| r.fewest_changes.is_some_and(f))
            .count()
    };
    writeln!(
        table,
        "\nOf the combinations, {} start with coaching, {} with mentoring and {} run both side by \
         side. The nearest other outcome is one changed option away for {}, two for {} and \
         three or more for {}.",
        share(sequences(Sequence::CoachingFirst)),
        share(sequences(Sequence::MentoringFirst)),
        share(sequences(Sequence::Together)),
        share(nearest(&|n| n == 1)),
        share(nearest(&|n| n == 2)),
        share(nearest(&|n| n >= 3)),
    )
    .unwrap();
    let readme = fs::read_to_string("README.md").expect("README.md");
    let (before, rest) = readme
        .split_once(START)
        .expect("README.md has the distribution marker");
    let (_, after) = rest.split_once(END).expect("README.md closes the marker");
    let expected =
        format!("{before}{START}Over all {total} complete answer sets:\n\n{table}{END}{after}");
    check_or_write("README.md", &expected);
}

/// Every distinct sentence the widget composes from a template for `content`, given every
/// recommendation it can make.
fn composed_sentences(content: &Content, all: &[Recommendation]) -> String {
    let mut out = String::new();
    let mut section = |title: &str, lines: BTreeSet<String>| {
        writeln!(out, "\n### {title}\n").unwrap();
        for line in lines {
            writeln!(out, "- {line}").unwrap();
        }
    };
    let questions = 0..content.questions.len();
    section(
        "Progress, announced with each question",
        questions
            .clone()
            .map(|i| sentences::question_announcement(content, i))
            .collect(),
    );
    section(
        "Result, announced",
        Outcome::ALL
            .iter()
            .map(|&o| sentences::result_announcement(content, o))
            .collect(),
    );
    section(
        "Scores, read instead of the chart",
        all.iter()
            .map(|r| sentences::chart_description(content, r.coaching_score, r.mentoring_score))
            .collect(),
    );
    section(
        "Confidence",
        all.iter()
            .map(|r| sentences::confidence(content, r.confidence).to_owned())
            .collect(),
    );
    section(
        "How to combine them (suggested order)",
        all.iter()
            .filter_map(|r| {
                let sequence = r.sequence?;
                Some(format!(
                    "{} — {}",
                    sentences::sequence_text(content, sequence).title,
                    sentences::sequence_reason(content, sequence, &r.reasons)
                ))
            })
            .collect(),
    );
    section(
        "More reasons",
        all.iter()
            .filter(|r| r.reasons.len() > content.engine.shown_reasons as usize)
            .map(|r| {
                sentences::more_reasons(
                    content,
                    r.reasons.len() - content.engine.shown_reasons as usize,
                )
            })
            .collect(),
    );
    section(
        "What would change it: headings",
        all.iter()
            .flat_map(|r| r.changes.iter())
            .map(|flip| sentences::flip_heading(content, flip))
            .collect(),
    );
    section(
        "What would change it: when nothing is close",
        all.iter()
            .filter(|r| r.changes.is_empty())
            .filter_map(|r| r.fewest_changes)
            .map(|n| sentences::none_close(content, n))
            .collect(),
    );
    section(
        "What would change it (and a tried suggestion): one line per changed question",
        all.iter()
            .flat_map(|r| r.changes.iter())
            .flat_map(|flip| flip.changes.iter())
            .map(|change| sentences::change_line(content, change))
            .collect(),
    );
    section(
        "Links from reasons to the comparison",
        content
            .comparison
            .rows
            .iter()
            .map(|row| sentences::reason_row_link(content, &row.label))
            .collect(),
    );
    // Every combination of what a call-to-action link can pass on, in the order listed.
    let params = [
        CtaParam::Outcome,
        CtaParam::Scores,
        CtaParam::Lang,
        CtaParam::Utm,
    ];
    section(
        "Under a web link's call to action: what it passes on (`cta-params`)",
        (0..16u8)
            .map(|mask| {
                let listed: Vec<CtaParam> = (0..4)
                    .filter(|bit| mask & (1 << bit) != 0)
                    .map(|bit| params[bit])
                    .collect();
                sentences::cta_shares(content, &listed)
            })
            .collect(),
    );
    section(
        "A `mailto:` call to action: the e-mail's subject",
        Outcome::ALL
            .iter()
            .map(|&o| sentences::mail_subject(content, o))
            .collect(),
    );
    section(
        "A `mailto:` call to action: one e-mail's body (line breaks shown as ⏎)",
        all.iter()
            .take(1)
            .map(|r| sentences::mail_body(content, r).replace("\r\n", " ⏎ "))
            .collect(),
    );
    section(
        "The answers' change controls (accessible names)",
        content
            .questions
            .iter()
            .map(|q| sentences::change_answer_label(content, &q.prompt))
            .collect(),
    );
    out
}

#[test]
fn docs_sentences_lists_every_composed_sentence_in_both_languages() {
    let english = english();
    let all = every_recommendation(&english);
    let mut doc = String::from(
        "# Every sentence the widget composes\n\n\
         Written by `tests/docs.rs` from every recommendation the engine can make (all \
         complete answer sets), filling each template of `content/<lang>.json` exactly as the \
         widget does. Regenerate with `GUIDEPOST_WRITE_DOCS=1 cargo test --test docs`. Fixed \
         strings (headlines, reasons, labels) are in the content files themselves.\n",
    );
    for lang in ["en", "tr"] {
        let content = content::builtin(lang).expect("built-in language");
        // Weights and ids are shared, so one set of recommendations serves both languages.
        writeln!(doc, "\n## {}\n", content.ui.language_name).unwrap();
        doc.push_str(&composed_sentences(content, &all));
    }
    assert!(!doc.contains('{'), "an unfilled placeholder");
    check_or_write("docs/sentences.md", &doc);
}
