//! Guidepost: an embeddable self-assessment that recommends executive coaching, mentoring,
//! or a combination of both, and explains why.
pub mod content;
pub mod engine;
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod embed;
