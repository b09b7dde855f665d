//! What a content file may be at most, checked on its text before it is parsed, so that an
//! override too large or too deeply nested to read is refused at once, with a clear problem,
//! instead of exhausting the page's memory or stack. The built-in content is about 20 KB,
//! nested 5 deep, with lists of at most 9 items: the limits leave ample room.
use super::Problem;

/// At most this many bytes of JSON text.
pub const MAX_BYTES: usize = 128 * 1024;
/// Objects and lists nested at most this deep.
pub const MAX_DEPTH: usize = 8;
/// No object or list holds more than this many entries.
pub const MAX_ITEMS: usize = 100;

/// Checks the text against the limits. Only the brackets outside strings are counted; what
/// is not well formed is left to the parser to name.
pub fn check(json: &str) -> Result<(), Problem> {
    let refuse = |message: String| {
        Err(Problem {
            path: "(document)".to_owned(),
            message,
        })
    };
    if json.len() > MAX_BYTES {
        return refuse(format!(
            "is {} KB; a content file may be at most {} KB",
            json.len().div_ceil(1024),
            MAX_BYTES / 1024
        ));
    }
    // The commas seen so far in each open object or list (its entries, less one).
    let mut open: Vec<usize> = Vec::new();
    let (mut in_string, mut escaped) = (false, false);
    for byte in json.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'{' | b'[' => {
                if open.len() == MAX_DEPTH {
                    return refuse(format!(
                        "is nested more than {MAX_DEPTH} levels deep; content needs at most 5"
                    ));
                }
                open.push(0);
            }
            b'}' | b']' => {
                open.pop();
            }
            b',' => {
                if let Some(top) = open.last_mut() {
                    *top += 1;
                    if *top >= MAX_ITEMS {
                        return refuse(format!(
                            "has a list or object with more than {MAX_ITEMS} entries"
                        ));
                    }
                }
            }
            b'"' => in_string = true,
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_content_is_well_within_the_limits() {
        assert_eq!(check(super::super::EN_JSON), Ok(()));
        assert_eq!(check(super::super::TR_JSON), Ok(()));
    }

    #[test]
    fn too_large_too_deep_or_too_long_is_refused() {
        let large = format!("{{\"a\":\"{}\"}}", "x".repeat(MAX_BYTES));
        assert!(check(&large)
            .unwrap_err()
            .message
            .contains("at most 128 KB"));
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        assert!(check(&deep)
            .unwrap_err()
            .message
            .contains("nested more than 8"));
        let long = format!("[{}]", vec!["1"; MAX_ITEMS + 1].join(","));
        assert!(check(&long)
            .unwrap_err()
            .message
            .contains("more than 100 entries"));
        let exactly = format!("[{}]", vec!["1"; MAX_ITEMS].join(","));
        assert_eq!(check(&exactly), Ok(()));
    }

    #[test]
    fn brackets_and_commas_inside_strings_do_not_count() {
        let text = format!("{{\"a\":\"{}\\\"{}\"}}", "[".repeat(50), ",".repeat(500));
        assert_eq!(check(&text), Ok(()));
    }
}
