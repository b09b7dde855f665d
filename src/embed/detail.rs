//! The `detail` of the host events, as JSON text. The wasm says what happened; guidepost.js
//! turns it into a `guidepost:<name>` event on the host element (and a message to a framing
//! parent). The details are a few strings, numbers and lists, so they are written here field
//! by field: a JSON library, or building JS objects property by property, would cost the
//! wasm more.

pub use super::facts::EVENT_VERSION;

/// A JSON object under construction; every detail starts with `"version"`.
#[derive(Debug)]
pub struct Detail(String);

impl Default for Detail {
    fn default() -> Self {
        Self::new()
    }
}

impl Detail {
    pub fn new() -> Self {
        let mut json = String::from("{");
        json.push_str("\"version\":");
        json.push_str(&EVENT_VERSION.to_string());
        Detail(json)
    }

    fn key(&mut self, key: &str) {
        self.0.push(',');
        quote(&mut self.0, key);
        self.0.push(':');
    }

    pub fn text(mut self, key: &str, value: &str) -> Self {
        self.key(key);
        quote(&mut self.0, value);
        self
    }

    pub fn number(mut self, key: &str, value: u32) -> Self {
        self.key(key);
        self.0.push_str(&value.to_string());
        self
    }

    /// A string, or `null`.
    pub fn optional_text(self, key: &str, value: Option<&str>) -> Self {
        match value {
            Some(value) => self.text(key, value),
            None => self.json(key, "null"),
        }
    }

    pub fn texts(mut self, key: &str, values: &[String]) -> Self {
        self.key(key);
        self.0.push_str(&quoted_list(values));
        self
    }

    /// A value that is JSON already (a nested [`Detail`], a list from [`list`]).
    pub fn json(mut self, key: &str, json: &str) -> Self {
        self.key(key);
        self.0.push_str(json);
        self
    }

    pub fn finish(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

// Slices rather than iterators: one copy of each function in the wasm, whatever the caller.

/// A nested object without the `"version"` field.
pub fn object(fields: &[(&str, String)]) -> String {
    let mut json = String::from("{");
    for (i, (key, value)) in fields.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        quote(&mut json, key);
        json.push(':');
        json.push_str(value);
    }
    json.push('}');
    json
}

/// A JSON array of values that are JSON already.
pub fn list(items: &[String]) -> String {
    let mut json = String::from("[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str(item);
    }
    json.push(']');
    json
}

/// A JSON array of strings.
pub fn quoted_list(texts: &[String]) -> String {
    let mut json = String::from("[");
    for (i, text) in texts.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        quote(&mut json, text);
    }
    json.push(']');
    json
}

pub fn quoted(text: &str) -> String {
    let mut json = String::with_capacity(text.len() + 2);
    quote(&mut json, text);
    json
}

/// `text` as a JSON string: quotes, backslashes and control characters escaped.
fn quote(json: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    json.push('"');
    for c in text.chars() {
        match c {
            '"' => json.push_str("\\\""),
            '\\' => json.push_str("\\\\"),
            c if c < ' ' => {
                json.push_str("\\u00");
                json.push(char::from(HEX[(c as usize) >> 4]));
                json.push(char::from(HEX[(c as usize) & 15]));
            }
            c => json.push(c),
        }
    }
    json.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> serde_json::Value {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{json} is not JSON: {e}"))
    }

    #[test]
    fn a_detail_is_json_with_its_version_first() {
        let json = Detail::new()
            .text("lang", "tr")
            .number("score", 73)
            .optional_text("sequence", None)
            .optional_text("outcome", Some("combined"))
            .texts("options", &["a".into(), "b".into()])
            .json(
                "scores",
                &object(&[("coaching", "1".into()), ("mentoring", "2".into())]),
            )
            .finish();
        assert!(json.starts_with("{\"version\":1,"), "{json}");
        assert_eq!(
            parse(&json),
            serde_json::json!({
                "version": 1, "lang": "tr", "score": 73, "sequence": null, "outcome": "combined",
                "options": ["a", "b"], "scores": {"coaching": 1, "mentoring": 2}
            })
        );
        assert_eq!(parse(&list(&[])), serde_json::json!([]));
        assert_eq!(parse(&object(&[])), serde_json::json!({}));
        assert_eq!(parse(&quoted_list(&[])), serde_json::json!([]));
    }

    #[test]
    fn any_text_survives_the_round_trip() {
        for text in [
            "plain",
            "\"quoted\" and \\back\\slashed",
            "line\nbreak\ttab\r\u{0}\u{1f}\u{7f}",
            "</script><img src=x onerror=alert(1)>",
            "İstanbul ılık, çağrı 🙂",
            "",
        ] {
            let json = Detail::new().text(text, text).finish();
            assert_eq!(parse(&json)[text], serde_json::json!(text), "{json}");
        }
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_text_survives_the_round_trip(text in "\\PC*|[\\x00-\\x7f]*") {
            let json = Detail::new().text("t", &text).finish();
            proptest::prop_assert_eq!(&parse(&json)["t"], &serde_json::json!(text));
        }
    }
}
