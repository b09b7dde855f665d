//! The public contract of DESIGN.md: question ids, in the order they are asked, and each
//! question's option ids. Share links, saved progress, host events and analytics carry
//! these; wording may change and be translated, ids never do.

/// `(question id, option ids)` in contract order.
pub const QUESTIONS: &[(&str, &[&str])] = &[
    (
        "situation",
        &[
            "role-transition",
            "decision-complexity",
            "style-change",
            "new-industry",
            "career-direction",
            "strategic-perspective",
        ],
    ),
    ("support", &["questions", "advice", "both"]),
    ("time-focus", &["present-future", "past-lessons", "both"]),
    ("horizon", &["defined", "ongoing", "both"]),
    ("relationship", &["peer-partner", "senior-guide"]),
    ("outcome", &["behavior", "clarity", "know-how", "direction"]),
    ("urgency", &["now", "this-year", "long-run"]),
    (
        "organization",
        &["program", "case-by-case", "nothing-formal"],
    ),
];

/// The option ids of a contract question.
pub fn options_of(question: &str) -> Option<&'static [&'static str]> {
    QUESTIONS
        .iter()
        .find(|(q, _)| *q == question)
        .map(|(_, options)| *options)
}
