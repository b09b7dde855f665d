//! A stand-in for `console_error_panic_hook` 0.1.7, which Yew installs as the panic hook
//! when the app has set none. Guidepost always sets its own first (`embed::mount`, before any
//! app renders), so the original's formatting and console code would only be dead weight in
//! every visitor's download. Same API; nothing happens.
use std::panic::PanicHookInfo;

/// Never installed by Guidepost (its own hook comes first); does nothing.
pub fn hook(_info: &PanicHookInfo) {}

/// Does nothing: Guidepost installs its own hook.
pub fn set_once() {}
