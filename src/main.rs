//! The wasm entry point. `guidepost.js` calls [`guidepost::embed::mount`] for every
//! `[data-guidepost]` element; referencing it here keeps the library's exports in the binary.

/// Talc instead of the default dlmalloc: the same job in less code, on a single-threaded page.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    #[cfg(target_arch = "wasm32")]
    let _keep_exports = guidepost::embed::mount;
}
