//! The boundary with the host page: attributes, the shadow root, events, storage.
pub mod detail;
pub mod facts;
mod options;
pub mod progress;
pub mod share;

pub use options::is_safe_url;

#[cfg(target_arch = "wasm32")]
mod console;
#[cfg(target_arch = "wasm32")]
mod content_source;
#[cfg(target_arch = "wasm32")]
mod mount;
#[cfg(target_arch = "wasm32")]
pub use mount::*;
