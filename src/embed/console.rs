//! The browser console, where the widget explains what it refused or could not do.

pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

pub fn error(message: &str) {
    web_sys::console::error_1(&message.into());
}
