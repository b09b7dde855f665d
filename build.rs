//! Compiles the built-in content into the widget: each `content/<lang>.json` is parsed here,
//! at build time, with the same schema the widget uses, and written out as
//!  - `skeleton.rs`: Rust code constructing English's structure (ids, weights, thresholds,
//!    list lengths) with every string empty, shared by every language, and
//!  - `texts_<lang>.txt`: the language's strings in schema order, separated by NUL, which the
//!    widget lays over the skeleton on first use, borrowing each string from the binary.
//!
//! The widget then starts with no fetch, no JSON parser and no parse time; one run of text
//! also packs smaller than strings scattered among the structure. Broken built-in content
//! fails the build with the JSON path of the mistake.
#[allow(dead_code)]
#[path = "src/content/model.rs"]
mod model;

use std::{env, fs, path::Path};

/// Languages compiled in; each needs `content/<lang>.json`.
const LANGS: &[&str] = &["en", "tr"];

fn main() {
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut skeleton: Option<model::Content> = None;
    for lang in LANGS {
        let path = format!("content/{lang}.json");
        println!("cargo:rerun-if-changed={path}");
        let json = fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let deserializer = &mut serde_json::Deserializer::from_str(&json);
        let mut content: model::Content = serde_path_to_error::deserialize(deserializer)
            .unwrap_or_else(|e| panic!("{path}: at {}: {}", e.path(), e.inner()));
        let texts = texts_of(&mut content);
        let skeleton = skeleton.get_or_insert_with(|| {
            let mut empty = content.clone();
            empty.for_each_text_mut(&mut |text| *text = "".into());
            let code = rust_expression(&format!("{empty:?}"));
            fs::write(Path::new(&out_dir).join("skeleton.rs"), code).expect("write skeleton");
            empty
        });
        assert!(
            skeleton.with_texts(&mut texts.iter().cloned().map(Into::into)).as_ref() == Some(&content),
            "{path} must have the structure of content/en.json: the same ids, weights and list lengths"
        );
        check_document_order(&path, &json, &texts);
        assert!(
            !texts.iter().any(|t| t.contains('\0')),
            "{path}: a string contains a NUL character"
        );
        fs::write(
            Path::new(&out_dir).join(format!("texts_{lang}.txt")),
            texts.join("\0"),
        )
        .expect("write texts");
    }
    println!("cargo:rerun-if-changed=src/content/model.rs");

    // The widget's stylesheet ships inside the wasm: drop comments and layout whitespace.
    println!("cargo:rerun-if-changed=styles/widget.css");
    let css = fs::read_to_string("styles/widget.css").expect("read styles/widget.css");
    fs::write(Path::new(&out_dir).join("widget.min.css"), minify_css(&css))
        .expect("write minified CSS");
}

/// Every string of `content`, in schema order.
fn texts_of(content: &mut model::Content) -> Vec<String> {
    let mut texts = Vec::new();
    content.for_each_text_mut(&mut |text| texts.push(text.to_string()));
    texts
}

/// The lean wasm carries English only and loads another language as the list of its
/// strings in document order (`make dist` writes `guidepost-texts-<lang>.json` from the JSON
/// file), laid over the skeleton in schema order: check that the two orders agree, so a
/// file with its keys in another order fails the build instead of garbling a language.
fn check_document_order(path: &str, json: &str, texts: &[String]) {
    let value: serde_json::Value = serde_json::from_str(json).expect("parsed above");
    let mut in_document_order = Vec::new();
    strings_in_document_order(&value, &mut in_document_order);
    assert!(
        in_document_order == texts,
        "{path} must have its keys in the order of the schema (as in content/en.json)"
    );
}

fn strings_in_document_order(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => {
            items.iter().for_each(|v| strings_in_document_order(v, out))
        }
        serde_json::Value::Object(map) => {
            map.values().for_each(|v| strings_in_document_order(v, out))
        }
        _ => {}
    }
}

/// A conservative CSS minifier: removes comments and collapses whitespace, keeping one space
/// wherever whitespace separated two tokens (so selectors and values keep their meaning),
/// and none around `{ } ; ,` and after `:` in declarations. Strings are copied verbatim.
fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = ' ';
                for d in chars.by_ref() {
                    if previous == '*' && d == '/' {
                        break;
                    }
                    previous = d;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                if pending_space && !out.is_empty() && !out.ends_with(['{', '}', ';', ',', '(']) {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == c {
                        break;
                    }
                }
            }
            '{' | '}' | ';' | ',' => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                pending_space = false;
            }
            _ => {
                if pending_space
                    && !out.is_empty()
                    && !out.ends_with(['{', '}', ';', ',', '(', ':'])
                    && c != ')'
                {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
    }
    out
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
