//! Compiles the built-in content into the widget: each `content/<lang>.json` is parsed here,
//! at build time, with the same schema the widget uses, and written out as Rust code that
//! constructs it. The widget then starts with no fetch, no JSON parser and no parse time, and
//! broken built-in content fails the build with the JSON path of the mistake.
#[allow(dead_code)]
#[path = "src/content/model.rs"]
mod model;

use std::{env, fs, path::Path};

/// Languages compiled in; each needs `content/<lang>.json`.
const LANGS: &[&str] = &["en", "tr"];

fn main() {
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for lang in LANGS {
        let path = format!("content/{lang}.json");
        println!("cargo:rerun-if-changed={path}");
        let json = fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let deserializer = &mut serde_json::Deserializer::from_str(&json);
        let content: model::Content = serde_path_to_error::deserialize(deserializer)
            .unwrap_or_else(|e| panic!("{path}: at {}: {}", e.path(), e.inner()));
        let code = rust_expression(&format!("{content:?}"));
        fs::write(Path::new(&out_dir).join(format!("builtin_{lang}.rs")), code)
            .expect("write generated content");
    }
    println!("cargo:rerun-if-changed=src/content/model.rs");
}

/// Turns the `Debug` form of the model (struct literals, `"…"` strings with Rust escapes,
/// `[…]` lists, `Some(…)`/`None`, numbers) into a constant expression: strings and lists
/// become borrowed `Cow`s, so the content is static data in the binary with no code to build
/// it. Everything inside string literals is copied verbatim.
fn rust_expression(debug: &str) -> String {
    let mut out = String::with_capacity(debug.len() * 3 / 2);
    let mut chars = debug.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push_str("Cow::Borrowed(\"");
                while let Some(s) = chars.next() {
                    out.push(s);
                    match s {
                        '\\' => out.extend(chars.next()),
                        '"' => break,
                        _ => {}
                    }
                }
                out.push(')');
            }
            '[' => out.push_str("Cow::Borrowed(&["),
            ']' => out.push_str("])"),
            _ => out.push(c),
        }
    }
    out
}
