use yew::prelude::*;

use crate::content::Content;
use crate::engine::Recommendation;

use super::sentences::{cta_shares, mail_body, mail_subject};
use super::{Cta, CtaParam};

/// The call to action for one result in one language: where it goes, with what, and what
/// the visitor is told it passes on.
#[derive(Debug, Clone, PartialEq)]
pub struct CtaLink {
    pub href: String,
    pub label: String,
    /// What the link passes on, shown under it; `None` for a phone number.
    pub note: Option<String>,
    pub target: Option<String>,
}

impl CtaLink {
    /// The link for `r` in `content`'s language, if the host gave one for it. A web link
    /// carries exactly what `cta-params` lists, after the URL's own query; a `mailto:` link
    /// gets a subject and a body summarizing the result (the URL's own win); `tel:` nothing.
    pub fn new(content: &Content, cta: &Cta, r: &Recommendation) -> Option<Self> {
        let lang = &*content.lang;
        let url = cta.url(lang)?;
        let scheme = url
            .split(':')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        // `key=value&…`, every value encoded.
        let mut query = String::new();
        let mut add = |key: &str, value: &str| {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(key);
            if !value.is_empty() {
                query.push('=');
                query.push_str(value);
            }
        };
        let note = match scheme.as_str() {
            "tel" => None,
            "mailto" => {
                let own = url
                    .split_once('?')
                    .map_or("", |(_, q)| q)
                    .to_ascii_lowercase();
                let has = |key: &str| own.split('&').any(|p| p.starts_with(key));
                if !has("subject=") {
                    add("subject", &encode(&mail_subject(content, r.outcome)));
                }
                if !has("body=") {
                    add("body", &encode(&mail_body(content, r)));
                }
                Some(content.ui.cta_mail_note.to_string())
            }
            _ => {
                let mut shared = Vec::new();
                for &param in &cta.params {
                    match param {
                        CtaParam::Outcome => add("gp_outcome", r.outcome.id()),
                        CtaParam::Lang => add("gp_lang", &encode(lang)),
                        CtaParam::Scores => {
                            add("gp_coaching", &r.coaching_score.to_string());
                            add("gp_mentoring", &r.mentoring_score.to_string());
                        }
                        // As written in the page's address: encoded already.
                        CtaParam::Utm if !cta.utm.is_empty() => add(&cta.utm, ""),
                        CtaParam::Utm => continue,
                    }
                    shared.push(param);
                }
                Some(cta_shares(content, &shared))
            }
        };
        Some(CtaLink {
            href: with_query(url, &query),
            label: cta
                .label(lang)
                .unwrap_or(&content.ui.cta_default_label)
                .to_owned(),
            note,
            target: cta.target.clone(),
        })
    }
}

/// `url` with `query` (`key=value&…`, encoded already) added to its own, before any fragment.
fn with_query(url: &str, query: &str) -> String {
    let (base, fragment) = url.split_once('#').unwrap_or((url, ""));
    let mut href = base.to_owned();
    if !query.is_empty() {
        if !href.contains('?') {
            href.push('?');
        } else if !href.ends_with(['?', '&']) {
            href.push('&');
        }
        href.push_str(query);
    }
    if url.contains('#') {
        href.push('#');
        href.push_str(fragment);
    }
    href
}

/// Percent-encodes everything but the unreserved characters (RFC 3986).
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[(byte >> 4) as usize] as char);
            out.push(HEX[(byte & 15) as usize] as char);
        }
    }
    out
}

/// The call-to-action button and what it passes on. `place` names where it sits
/// (`scores`, `end`), for the `guidepost:cta` event `on_follow` sends before the browser
/// follows the link.
pub fn cta_button(link: &CtaLink, place: &'static str, on_follow: &Callback<&'static str>) -> Html {
    let on_follow = on_follow.clone();
    let rel = (link.target.as_deref() == Some("_blank")).then_some("noopener");
    html! {
        <>
            <a class="gp-button" href={link.href.clone()} target={link.target.clone()} rel={rel}
                data-action="cta" data-cta-place={place}
                onclick={Callback::from(move |_: MouseEvent| on_follow.emit(place))}>
                { &link.label }
            </a>
            if let Some(note) = &link.note {
                <p class="gp-small gp-muted" data-cta-note="">{ note }</p>
            }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{builtin, Content};
    use crate::engine::{code, recommend};

    /// The coaching story of tests/views.rs, by its answer code.
    fn coaching_story(content: &Content) -> Recommendation {
        let answers = code::decode("1.0-0-0-0-0-0-0-1").expect("a valid code");
        recommend(content, &answers)
    }

    fn cta(url: &str, params: &[CtaParam]) -> Cta {
        Cta {
            urls: vec![("".into(), url.into())],
            params: params.to_vec(),
            utm: "utm_source=news%20letter".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_web_link_carries_exactly_what_is_listed_and_says_so() {
        let content = builtin("tr").unwrap();
        let r = coaching_story(content);
        let plain = CtaLink::new(content, &cta("https://x.y/c?ref=1#f", &[]), &r).unwrap();
        assert_eq!(plain.href, "https://x.y/c?ref=1#f", "nothing by default");
        assert_eq!(
            plain.label, &*content.ui.cta_default_label,
            "the content's own label"
        );
        assert_eq!(plain.note.as_deref(), Some(&*content.ui.cta_shares_nothing));

        let all = [
            CtaParam::Outcome,
            CtaParam::Lang,
            CtaParam::Scores,
            CtaParam::Utm,
        ];
        let link = CtaLink::new(content, &cta("https://x.y/c?ref=1#f", &all), &r).unwrap();
        assert_eq!(
            link.href,
            format!(
                "https://x.y/c?ref=1&gp_outcome=coaching&gp_lang=tr&gp_coaching={}&gp_mentoring={}&utm_source=news%20letter#f",
                r.coaching_score, r.mentoring_score
            )
        );
        let note = link.note.unwrap();
        for item in content.ui.cta_share_items.iter() {
            assert!(note.contains(&**item), "{note} names {item}");
        }
    }

    #[test]
    fn a_mail_link_gets_a_subject_and_a_summary_in_the_visitors_language() {
        let content = builtin("tr").unwrap();
        let r = coaching_story(content);
        let link = CtaLink::new(
            content,
            &cta("mailto:info@example.com", &[CtaParam::Outcome]),
            &r,
        )
        .unwrap();
        let (to, query) = link.href.split_once('?').unwrap();
        assert_eq!(to, "mailto:info@example.com");
        assert!(!query.contains("gp_"), "{query}");
        let decoded = |key: &str| {
            let value = query.split('&').find_map(|p| p.strip_prefix(key)).unwrap();
            let bytes = value.as_bytes();
            let mut out = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b'%' {
                    let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
                    out.push(u8::from_str_radix(hex, 16).unwrap());
                    i += 3;
                } else {
                    out.push(bytes[i]);
                    i += 1;
                }
            }
            String::from_utf8(out).unwrap()
        };
        let headline = &content.outcomes.coaching.headline;
        assert_eq!(
            decoded("subject="),
            format!("Öz değerlendirme sonucum: {headline}")
        );
        let body = decoded("body=");
        assert!(body.starts_with(&**headline), "{body}");
        assert!(
            body.contains(&format!("100 üzerinden {}", r.coaching_score)),
            "{body}"
        );
        let first_reason = &r.reasons[0];
        let reason = &content
            .question(&first_reason.question)
            .unwrap()
            .choice(&first_reason.option)
            .unwrap()
            .reason;
        assert!(body.contains(&format!("\r\n- {reason}")), "{body}");
        assert_eq!(link.note.as_deref(), Some(&*content.ui.cta_mail_note));

        let own = CtaLink::new(content, &cta("mailto:a@b.c?Subject=Hello", &[]), &r).unwrap();
        assert!(
            own.href.starts_with("mailto:a@b.c?Subject=Hello&body="),
            "{}",
            own.href
        );
        let phone =
            CtaLink::new(content, &cta("tel:+902120000000", &[CtaParam::Scores]), &r).unwrap();
        assert_eq!(
            (phone.href.as_str(), phone.note),
            ("tel:+902120000000", None)
        );
    }

    #[test]
    fn query_pairs_follow_the_urls_own_query_and_precede_its_fragment() {
        let pairs = "a=1&b=2";
        let cases = [
            ("https://x.y/c", pairs, "https://x.y/c?a=1&b=2"),
            ("https://x.y/c?k=v#f", pairs, "https://x.y/c?k=v&a=1&b=2#f"),
            ("/c?", pairs, "/c?a=1&b=2"),
            ("/c?k=v&", pairs, "/c?k=v&a=1&b=2"),
            ("/c#", pairs, "/c?a=1&b=2#"),
            ("/c#f", "", "/c#f"),
        ];
        for (url, query, expected) in cases {
            assert_eq!(with_query(url, query), expected, "{url} + {query}");
        }
    }

    #[test]
    fn encoding_keeps_only_unreserved_characters() {
        assert_eq!(encode("a b&c=ç\r\n"), "a%20b%26c%3D%C3%A7%0D%0A");
        assert_eq!(encode("A-z_0.9~"), "A-z_0.9~");
    }
}
