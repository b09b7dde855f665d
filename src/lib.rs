//! Guidepost: an embeddable self-assessment that recommends executive coaching, mentoring,
//! or a combination of both, and explains why.
//!
//! Four parts: [`content`] (the article as data), [`engine`] (pure scoring and explanation),
//! [`ui`] (Yew function components) and [`embed`] (the boundary with the host page).
pub mod content;
pub mod embed;
pub mod engine;
pub mod ui;
