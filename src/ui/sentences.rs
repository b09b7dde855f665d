//! Every sentence the widget composes from a template and values. Each is one whole
//! template per language (`content.ui`), never fragments joined with "and": word order and
//! suffixes differ between languages. Kept apart from the views so that a test can write
//! every distinct sentence of both languages to `docs/sentences.md` for a reader to check.
use crate::content::{Content, OutcomeText, SequenceText};
use crate::engine::{Change, Confidence, Flip, Outcome, Reason, Recommendation, Sequence, Side};

use super::{fill, CtaParam};

pub fn progress(content: &Content, index: usize) -> String {
    fill(
        &content.ui.progress,
        &[
            ("current", &(index + 1).to_string()),
            ("total", &content.questions.len().to_string()),
        ],
    )
}

/// Announced when a question shows: "3 of 8: What should your development focus on?"
pub fn question_announcement(content: &Content, index: usize) -> String {
    let prompt = content.questions.get(index).map_or("", |q| &*q.prompt);
    format!("{}: {prompt}", progress(content, index))
}

/// An outcome's texts: headline, summary, and the clause "what would change it" ends with.
pub fn outcome_text(content: &Content, outcome: Outcome) -> &OutcomeText {
    let o = &content.outcomes;
    match outcome {
        Outcome::Coaching => &o.coaching,
        Outcome::Mentoring => &o.mentoring,
        Outcome::Combined => &o.combined,
    }
}

/// Announced when the result shows: "Your recommendation: Mentoring fits you now".
pub fn result_announcement(content: &Content, outcome: Outcome) -> String {
    format!(
        "{}: {}",
        content.ui.result_label,
        outcome_text(content, outcome).headline
    )
}

/// The accessible name of an answer's "Change" control: "Change: Who would you rather …?"
pub fn change_answer_label(content: &Content, prompt: &str) -> String {
    format!("{}: {prompt}", content.ui.change_answer)
}

/// The score chart, read by screen readers instead of the drawing.
pub fn chart_description(content: &Content, coaching: u8, mentoring: u8) -> String {
    let c = &content.comparison;
    format!(
        "{}. {}.",
        score(content, &c.coaching, coaching),
        score(content, &c.mentoring, mentoring)
    )
}

pub fn score(content: &Content, name: &str, score: u8) -> String {
    fill(
        &content.ui.score_label,
        &[("name", name), ("score", &score.to_string())],
    )
}

pub fn reason_row_link(content: &Content, row_label: &str) -> String {
    fill(&content.ui.reason_row_link, &[("name", row_label)])
}

pub fn more_reasons(content: &Content, count: usize) -> String {
    fill(&content.ui.more_reasons, &[("count", &count.to_string())])
}

pub fn confidence(content: &Content, confidence: Confidence) -> &str {
    let c = &content.confidence;
    match confidence {
        Confidence::High => &c.high,
        Confidence::Medium => &c.medium,
        Confidence::Low => &c.low,
    }
}

pub fn would_lead(content: &Content, outcome: Outcome) -> &str {
    &outcome_text(content, outcome).would_lead
}

/// "With one different answer, the recommendation would be mentoring:"
pub fn flip_heading(content: &Content, flip: &Flip) -> String {
    let template = if flip.distance <= 1 {
        &content.ui.change_one
    } else {
        &content.ui.change_two
    };
    fill(template, &[("lead", would_lead(content, flip.outcome))])
}

/// When no suggestion is close: how many answers would have to change.
pub fn none_close(content: &Content, count: usize) -> String {
    fill(
        &content.ui.change_none_close,
        &[("count", &count.to_string())],
    )
}

/// One changed question: its topic, then what changed ("When you are stuck: “Advice from
/// someone who has been there” instead of “A mix of both”").
pub fn change_line(content: &Content, change: &Change) -> String {
    let topic = content.question(&change.question).map_or("", |q| &*q.topic);
    format!(
        "{topic}: {}",
        super::joined(&change_parts(content, change), "; ")
    )
}

/// One question's change, as the option labels swapped, added or dropped: "“Advice from
/// someone who has been there” instead of “A mix of both”". Never an unchanged option.
pub fn change_parts(content: &Content, change: &Change) -> Vec<String> {
    let Some(question) = content.question(&change.question) else {
        return Vec::new();
    };
    let label = |id: &String| question.choice(id).map_or("", |c| &*c.label).to_owned();
    let ui = &content.ui;
    let mut added = change.added();
    let mut dropped = change.dropped();
    let mut parts = Vec::new();
    loop {
        let part = match (added.next(), dropped.next()) {
            (Some(to), Some(from)) => fill(
                &ui.change_swap,
                &[("from", &label(from)), ("to", &label(to))],
            ),
            (Some(to), None) => fill(&ui.change_add, &[("to", &label(to))]),
            (None, Some(from)) => fill(&ui.change_drop, &[("from", &label(from))]),
            (None, None) => return parts,
        };
        parts.push(part);
    }
}

pub fn sequence_text(content: &Content, sequence: Sequence) -> &SequenceText {
    let s = &content.sequences;
    match sequence {
        Sequence::CoachingFirst => &s.coaching_first,
        Sequence::MentoringFirst => &s.mentoring_first,
        Sequence::Together => &s.together,
    }
}

/// Why this order, citing the row the leading side's strongest reason rests on (the order
/// is the widget's inference from those rows, not the article's).
pub fn sequence_reason(content: &Content, sequence: Sequence, reasons: &[Reason]) -> String {
    let leading = match sequence {
        Sequence::MentoringFirst => Side::Mentoring,
        _ => Side::Coaching,
    };
    let row = reasons
        .iter()
        .find(|reason| reason.side == leading)
        .and_then(|reason| content.row(&reason.row))
        .map_or("", |row| &*row.label);
    fill(&sequence_text(content, sequence).text, &[("row", row)])
}

/// Under a link's call to action: what the link passes on, in the order `cta-params`
/// lists it, or that it passes on nothing about the answers.
pub fn cta_shares(content: &Content, shared: &[CtaParam]) -> String {
    let ui = &content.ui;
    if shared.is_empty() {
        return ui.cta_shares_nothing.to_string();
    }
    let mut items = Vec::new();
    for &param in shared {
        if let Some(item) = ui.cta_share_items.get(param as usize) {
            items.push(item.to_string());
        }
    }
    fill(&ui.cta_shares, &[("items", &super::joined(&items, ", "))])
}

/// The subject of a `mailto:` call to action's e-mail.
pub fn mail_subject(content: &Content, outcome: Outcome) -> String {
    fill(
        &content.ui.cta_mail_subject,
        &[("headline", &outcome_text(content, outcome).headline)],
    )
}

/// That e-mail's body: the recommendation, the scores and the reasons the result shows
/// first, one per line.
pub fn mail_body(content: &Content, r: &Recommendation) -> String {
    let mut body = format!(
        "{}\r\n\r\n{}\r\n\r\n{}",
        outcome_text(content, r.outcome).headline,
        chart_description(content, r.coaching_score, r.mentoring_score),
        content.ui.cta_mail_reasons
    );
    let mut shown = 0;
    for reason in r.reasons.iter() {
        if shown == content.engine.shown_reasons {
            break;
        }
        let question = content.question(&reason.question);
        if let Some(choice) = question.and_then(|q| q.choice(&reason.option)) {
            body.push_str("\r\n- ");
            body.push_str(&choice.reason);
            shown += 1;
        }
    }
    body
}
