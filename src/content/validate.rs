//! Checks content (built-in or a site owner's override) before it is used, with messages a
//! web person understands, each at the exact JSON path of the problem. Shared by the widget
//! and the `check-content` command-line tool.
use std::collections::HashSet;
use std::fmt;

use super::contract;
use super::Content;

/// Sections every content file has (DESIGN.md).
pub const SECTION_IDS: [&str; 5] = [
    "common-ground",
    "why-it-matters",
    "combined",
    "organization",
    "timing",
];

/// One problem, at a JSON path such as `questions[2].options[1].row`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn text(&mut self, path: impl Into<String>, value: &str) {
        if value.trim().is_empty() {
            self.add(path, "is empty; write the text to show here");
        }
    }

    fn placeholders(&mut self, path: &str, value: &str, names: &[&str]) {
        for name in names {
            if !value.contains(&format!("{{{name}}}")) {
                self.add(path, format!("must contain the placeholder {{{name}}}"));
            }
        }
    }
}

/// Every problem with the structure of `content` (ids, texts, weights, thresholds); what the
/// engine makes of the weights is checked by `crate::engine::validate`, which also runs this.
pub fn validate(content: &Content) -> Vec<Problem> {
    let mut p = Problems(Vec::new());
    p.text("version", &content.version);
    p.text("lang", &content.lang);
    p.text("intro.title", &content.intro.title);

    // Comparison rows: unique ids, text on both sides.
    let mut row_ids = HashSet::new();
    for (i, row) in content.comparison.rows.iter().enumerate() {
        let at = format!("comparison.rows[{i}]");
        if row.id.trim().is_empty() {
            p.add(format!("{at}.id"), "is empty; every row needs an id");
        } else if !row_ids.insert(&*row.id) {
            p.add(
                format!("{at}.id"),
                format!("\"{}\" is used by another row; ids must be unique", row.id),
            );
        }
        p.text(format!("{at}.label"), &row.label);
        p.text(format!("{at}.coaching"), &row.coaching);
        p.text(format!("{at}.mentoring"), &row.mentoring);
    }
    if content.comparison.rows.is_empty() {
        p.add("comparison.rows", "is empty; the comparison needs rows");
    }

    // Shared sections: unique ids, and the ones the widget shows.
    let mut section_ids = HashSet::new();
    for (i, section) in content.sections.iter().enumerate() {
        if !section_ids.insert(&*section.id) {
            p.add(
                format!("sections[{i}].id"),
                format!("\"{}\" is used by another section", section.id),
            );
        }
        p.text(format!("sections[{i}].title"), &section.title);
    }
    for id in SECTION_IDS {
        if !section_ids.contains(id) {
            p.add("sections", format!("the section \"{id}\" is missing"));
        }
    }

    check_questions(&mut p, content, &row_ids);
    check_engine(&mut p, content);

    let ui = &content.ui;
    p.placeholders("ui.progress", &ui.progress, &["current", "total"]);
    p.placeholders("ui.score_label", &ui.score_label, &["name", "score"]);
    p.placeholders("ui.reason_row_link", &ui.reason_row_link, &["name"]);
    for (path, value, names) in [
        ("ui.change_one", &ui.change_one, &["lead"][..]),
        ("ui.change_two", &ui.change_two, &["lead"]),
        ("ui.change_swap", &ui.change_swap, &["from", "to"]),
        ("ui.change_add", &ui.change_add, &["to"]),
        ("ui.change_drop", &ui.change_drop, &["from"]),
        ("ui.change_none_close", &ui.change_none_close, &["count"]),
        ("ui.more_reasons", &ui.more_reasons, &["count"]),
        ("ui.cta_shares", &ui.cta_shares, &["items"]),
        ("ui.cta_mail_subject", &ui.cta_mail_subject, &["headline"]),
        (
            "sequences.coaching_first.text",
            &content.sequences.coaching_first.text,
            &["row"],
        ),
        (
            "sequences.mentoring_first.text",
            &content.sequences.mentoring_first.text,
            &["row"],
        ),
    ] {
        p.placeholders(path, value, names);
    }
    if ui.cta_share_items.len() != 4 {
        p.add(
            "ui.cta_share_items",
            "must name four things, in order: the outcome, the scores, the language, the campaign parameters",
        );
    }
    for (path, value) in [
        ("ui.start", &ui.start),
        ("ui.next", &ui.next),
        ("ui.back", &ui.back),
        ("ui.see_result", &ui.see_result),
        ("ui.restart", &ui.restart),
        (
            "outcomes.coaching.headline",
            &content.outcomes.coaching.headline,
        ),
        (
            "outcomes.mentoring.headline",
            &content.outcomes.mentoring.headline,
        ),
        (
            "outcomes.combined.headline",
            &content.outcomes.combined.headline,
        ),
    ] {
        p.text(path, value);
    }

    p.0
}

fn check_questions(p: &mut Problems, content: &Content, row_ids: &HashSet<&str>) {
    let mut seen = HashSet::new();
    for (i, question) in content.questions.iter().enumerate() {
        let at = format!("questions[{i}]");
        if !seen.insert(&*question.id) {
            p.add(
                format!("{at}.id"),
                format!("\"{}\" is asked twice", question.id),
            );
        }
        let Some(contract_options) = contract::options_of(&question.id) else {
            let known: Vec<&str> = contract::QUESTIONS.iter().map(|(q, _)| *q).collect();
            p.add(
                format!("{at}.id"),
                format!(
                    "\"{}\" is not a question of the contract ({})",
                    question.id,
                    known.join(", ")
                ),
            );
            continue;
        };
        p.text(format!("{at}.prompt"), &question.prompt);
        p.text(format!("{at}.topic"), &question.topic);
        let max_allowed: u8 = if question.id == "situation" { 2 } else { 1 };
        if question.max_choices != max_allowed {
            p.add(
                format!("{at}.max_choices"),
                format!("must be {max_allowed} for \"{}\"", question.id),
            );
        }
        let mut option_ids = HashSet::new();
        for (j, option) in question.options.iter().enumerate() {
            let at = format!("{at}.options[{j}]");
            if !option_ids.insert(&*option.id) {
                p.add(
                    format!("{at}.id"),
                    format!("\"{}\" appears twice in this question", option.id),
                );
            }
            if !contract_options.contains(&&*option.id) {
                p.add(
                    format!("{at}.id"),
                    format!(
                        "\"{}\" is not an option of \"{}\" (expected one of {})",
                        option.id,
                        question.id,
                        contract_options.join(", ")
                    ),
                );
            }
            p.text(format!("{at}.label"), &option.label);
            for (field, weight) in [
                ("coaching", option.coaching),
                ("mentoring", option.mentoring),
                ("combined", option.combined),
            ] {
                if !weight.is_finite() || weight < 0.0 {
                    p.add(
                        format!("{at}.{field}"),
                        format!("must be a number of 0 or more (found {weight})"),
                    );
                } else if weight > 100.0 {
                    p.add(
                        format!("{at}.{field}"),
                        format!("{weight} is far too large; use weights between 0 and 100"),
                    );
                }
            }
            // Evidence for a side rests on a comparison row; widening the combined band
            // rests on a section (the article's `organization` and `combined`).
            let widens_only =
                option.combined > 0.0 && option.coaching == 0.0 && option.mentoring == 0.0;
            match &option.row {
                Some(row) if widens_only && !SECTION_IDS.contains(&&**row) => {
                    p.add(format!("{at}.row"), format!("\"{row}\" is not a section (sections: {})", SECTION_IDS.join(", ")));
                }
                Some(row) if !widens_only && !row_ids.contains(&**row) => {
                    let mut known: Vec<&str> = row_ids.iter().copied().collect();
                    known.sort_unstable();
                    p.add(format!("{at}.row"), format!("\"{row}\" is not a comparison row (rows: {})", known.join(", ")));
                }
                Some(_) => p.text(format!("{at}.reason"), &option.reason),
                None if option.coaching > 0.0 || option.mentoring > 0.0 || option.combined > 0.0 => p.add(
                    format!("{at}.row"),
                    "is null, but this answer counts as evidence; name the comparison row (or, for combined, the section) it rests on",
                ),
                None => {}
            }
        }
        for id in contract_options {
            if !option_ids.contains(id) {
                p.add(
                    format!("{at}.options"),
                    format!("the option \"{id}\" of \"{}\" is missing", question.id),
                );
            }
        }
    }
    for (id, _) in contract::QUESTIONS {
        if !seen.contains(id) {
            p.add("questions", format!("the question \"{id}\" is missing"));
        }
    }
}

fn check_engine(p: &mut Problems, content: &Content) {
    let e = &content.engine;
    if !(0.0..=100.0).contains(&e.combined_margin) {
        p.add(
            "engine.combined_margin",
            format!("must be between 0 and 100 (found {})", e.combined_margin),
        );
    }
    if !(0.0..=100.0).contains(&e.together_band) || e.together_band > e.combined_margin {
        p.add(
            "engine.together_band",
            format!(
                "must be between 0 and combined_margin (found {})",
                e.together_band
            ),
        );
    }
    if !(0.0..=100.0).contains(&e.medium_confidence_clearance)
        || e.medium_confidence_clearance > e.high_confidence_clearance
    {
        p.add(
            "engine.medium_confidence_clearance",
            "must be between 0 and high_confidence_clearance",
        );
    }
    if !(0.0..=100.0).contains(&e.high_confidence_clearance) {
        p.add(
            "engine.high_confidence_clearance",
            format!(
                "must be between 0 and 100 (found {})",
                e.high_confidence_clearance
            ),
        );
    }
    if !(1..=3).contains(&e.max_suggested_changes) {
        p.add(
            "engine.max_suggested_changes",
            format!("must be 1, 2 or 3 (found {})", e.max_suggested_changes),
        );
    }
    if !(1..=e.max_reasons.max(1)).contains(&e.shown_reasons) {
        p.add(
            "engine.shown_reasons",
            format!(
                "must be between 1 and max_reasons (found {})",
                e.shown_reasons
            ),
        );
    }
    if !(1..=10).contains(&e.max_reasons) {
        p.add(
            "engine.max_reasons",
            format!("must be between 1 and 10 (found {})", e.max_reasons),
        );
    }
}
