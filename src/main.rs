fn main() {
    #[cfg(target_arch = "wasm32")]
    guidepost::embed::start();
}
