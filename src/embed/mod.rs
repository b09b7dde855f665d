use wasm_bindgen::prelude::*;
#[wasm_bindgen]
pub fn probe_export() -> u32 { 42 }
pub fn start() { web_sys::console::log_1(&"hi".into()); }
