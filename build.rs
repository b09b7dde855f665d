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
#[path = "src/embed/facts.rs"]
mod facts;
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
            skeleton.clone().with_texts(&mut texts.iter().cloned().map(Into::into)).as_ref() == Some(&content),
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

    write_js_facts();

    // The widget's stylesheet (src/bin/prerender.rs: dist/guidepost.css and the prerendered
    // views' <style>): without comments and layout whitespace.
    println!("cargo:rerun-if-changed=styles/widget.css");
    let css = fs::read_to_string("styles/widget.css").expect("read styles/widget.css");
    fs::write(Path::new(&out_dir).join("widget.min.css"), minify_css(&css))
        .expect("write minified CSS");
}

/// `target/guidepost-facts.js`: what guidepost.js must know before any wasm is loaded (the
/// tag, the option attributes, which build carries which language, the events' version),
/// from the same constants the wasm reads. The post-build step inlines it into guidepost.js.
fn write_js_facts() {
    println!("cargo:rerun-if-changed=src/embed/facts.rs");
    // What a widget says when it cannot start or stopped, drawn by guidepost.js without the
    // wasm: one entry per built-in language, each a message and a retry label.
    println!("cargo:rerun-if-changed=content/fallback.json");
    let fallback = fs::read_to_string("content/fallback.json").expect("read content/fallback.json");
    let fallback: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>> =
        serde_json::from_str(&fallback).expect("content/fallback.json: {lang: {key: text}}");
    for lang in LANGS {
        let keys: Vec<&str> = fallback
            .get(*lang)
            .unwrap_or_else(|| panic!("content/fallback.json has no \"{lang}\""))
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            ["message", "retry"],
            "content/fallback.json: {lang}'s keys"
        );
    }
    let fallback = serde_json::to_string(&fallback).expect("fallback texts as JSON");
    let quoted = |items: &mut dyn Iterator<Item = String>| {
        items
            .map(|item| format!("{item:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let pairs = |pairs: &mut dyn Iterator<Item = (String, String)>| {
        let pairs: Vec<String> = pairs.map(|(k, v)| format!("{k:?}: {v:?}")).collect();
        format!("{{ {} }}", pairs.join(", "))
    };
    // The first language is compiled into `guidepost-core`, each other into
    // `guidepost-core-<lang>` (scripts/postbuild.sh).
    let builds = LANGS.iter().enumerate().map(|(i, lang)| {
        let build = if i == 0 {
            "core".to_owned()
        } else {
            format!("core-{lang}")
        };
        (lang.to_string(), build)
    });
    let js =
        format!(
        "// Written by build.rs from src/embed/facts.rs, its list of languages and content/fallback.json: do not edit.\n\
         export const TAG = {tag:?};\n\
         export const DATA_PREFIX = {prefix:?};\n\
         export const LANGUAGES = [{languages}];\n\
         export const BUILDS = {builds};\n\
         export const OPTIONS = {options};\n\
         export const PER_LANGUAGE = [{per_language}];\n\
         export const CONTENT = {content:?};\n\
         export const EVENT_VERSION = {version};\n\
         export const FALLBACK = {fallback};\n",
        tag = facts::TAG,
        prefix = facts::DATA_PREFIX,
        languages = quoted(&mut LANGS.iter().map(|l| l.to_string())),
        builds = pairs(&mut builds.into_iter()),
        options = pairs(&mut facts::OPTIONS.iter().map(|(k, v)| (k.to_string(), v.to_string()))),
        per_language = quoted(&mut facts::PER_LANGUAGE.iter().map(|l| l.to_string())),
        content = facts::CONTENT,
        version = facts::EVENT_VERSION,
    );
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("target");
    let path = dir.join("guidepost-facts.js");
    // A missing file makes cargo run this script again.
    println!("cargo:rerun-if-changed={}", path.display());
    if fs::read_to_string(&path).ok().as_deref() != Some(js.as_str()) {
        fs::create_dir_all(&dir).expect("create target/");
        // Written whole, then renamed: builds running side by side never read half a file.
        let partial = dir.join(format!("guidepost-facts.js.{}", std::process::id()));
        fs::write(&partial, js).expect("write guidepost-facts.js");
        fs::rename(&partial, &path).expect("write guidepost-facts.js");
    }
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
/// and none around `{ } ; , > ~`, after `:` in declarations, and around `*` `/` between
/// operands in `calc()`. Also drops a number's leading zero (`0.8` to `.8`) and the quotes of
/// an attribute selector's identifier value (`[data-side=both]`). Other strings are copied
/// verbatim.
fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    let mut parens = 0u32;
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
                let mut text = String::new();
                for d in chars.by_ref() {
                    if d == c {
                        break;
                    }
                    text.push(d);
                }
                let unquoted = out.ends_with('=') && chars.peek() == Some(&']') && is_ident(&text);
                if pending_space
                    && !out.is_empty()
                    && !out.ends_with(['{', '}', ';', ',', '(', ':'])
                {
                    out.push(' ');
                }
                pending_space = false;
                if unquoted {
                    out.push_str(&text);
                } else {
                    out.push(c);
                    out.push_str(&text);
                    out.push(c);
                }
            }
            '{' | '}' | ';' | ',' | '>' | '~' => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                pending_space = false;
            }
            // Multiplication and division in calc() need no spaces (unlike + and -).
            '*' | '/'
                if parens > 0
                    && out
                        .ends_with(|p: char| p.is_ascii_alphanumeric() || p == ')' || p == '%')
                    && operand_follows(chars.clone()) =>
            {
                while chars.peek().is_some_and(|d| d.is_whitespace()) {
                    chars.next();
                }
                out.push(c);
                pending_space = false;
            }
            _ => {
                // No space after an operator inside calc() either.
                let after_operator = parens > 0 && out.ends_with(['*', '/']);
                if pending_space
                    && !out.is_empty()
                    && !out.ends_with(['{', '}', ';', ',', '(', ':', '>', '~'])
                    && !after_operator
                    && c != ')'
                {
                    out.push(' ');
                }
                pending_space = false;
                match c {
                    '(' => parens += 1,
                    ')' => parens = parens.saturating_sub(1),
                    _ => {}
                }
                // A leading zero before the point, where a number starts: `0.8` as `.8`.
                let mut ahead = chars.clone();
                let starts_number = out.ends_with([':', ' ', '(', ',', '*', '/'])
                    || (out.ends_with('-')
                        && !out[..out.len() - 1]
                            .ends_with(|p: char| p.is_ascii_alphanumeric() || p == '-'));
                if c == '0'
                    && starts_number
                    && ahead.next() == Some('.')
                    && ahead.next().is_some_and(|d| d.is_ascii_digit())
                {
                    continue;
                }
                out.push(c);
            }
        }
    }
    out
}

/// Whether a number, `var(` or `(` comes next: `*` between operands, not a selector's `*`.
fn operand_follows(mut ahead: impl Iterator<Item = char>) -> bool {
    ahead
        .find(|d| !d.is_whitespace())
        .is_some_and(|d| d.is_ascii_digit() || d == 'v' || d == '(')
}

/// Whether an attribute selector's value can go unquoted: a CSS identifier.
fn is_ident(text: &str) -> bool {
    let mut chars = text.chars();
    let first_ok = match chars.next() {
        Some('-') => text[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'),
        Some(c) => c.is_ascii_alphabetic() || c == '_',
        None => false,
    };
    first_ok
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
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
