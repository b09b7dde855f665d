//! The wasm entry point. `guidepost.js` calls [`guidepost::embed::mount`] for every
//! `[data-guidepost]` element; referencing it here keeps the library's exports in the binary.
fn main() {
    #[cfg(target_arch = "wasm32")]
    let _keep_exports = guidepost::embed::mount;
}
