//! `prerender LANG`: the widget's first view (intro, start panel, comparison) in `LANG`,
//! rendered by Yew's server renderer into a declarative shadow root with the widget's
//! stylesheet: markup for a page's widget element that a browser shows before any script
//! runs, and with scripting off.
//!
//! `prerender --css`: the widget's stylesheet alone (dist/guidepost.css, which guidepost.js
//! fetches for a widget that was not prerendered).
//!
//! scripts/postbuild.sh runs both; postbuild.mjs puts the English view into the offline file.
use std::process::ExitCode;
use std::task::{Context, Poll, Waker};

use guidepost::content::{self, ContentRef};
use guidepost::ui::{App, AppProps};
use yew::LocalServerRenderer;

/// Minified by build.rs from styles/widget.css.
const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

fn main() -> ExitCode {
    let arg = std::env::args().nth(1).unwrap_or_default();
    if arg == "--css" {
        print!("{WIDGET_CSS}");
        return ExitCode::SUCCESS;
    }
    let Some(content) = content::builtin(&arg) else {
        eprintln!("usage: prerender LANG | --css\n\nLANG: one of the built-in languages.");
        return ExitCode::from(2);
    };
    // What a page's widget shows before its visitor does anything: every option at its
    // default, every built-in language on offer.
    let props = yew::props!(AppProps {
        content: ContentRef::from(content),
        languages: content::builtin_languages(),
    });
    let view = block_on(
        LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render(),
    );
    // The stylesheet goes into a `<style>` element as it is: it must not end it early.
    if WIDGET_CSS.contains("</") {
        eprintln!("prerender: styles/widget.css holds \"</\", which would end its <style> early");
        return ExitCode::FAILURE;
    }
    print!(
        "<template shadowrootmode=\"open\"><style>{WIDGET_CSS}</style>\
         <div class=\"gp-host\" data-prerender>{view}</div></template>"
    );
    ExitCode::SUCCESS
}

/// The local server renderer finishes without waiting on anything (no suspense, no
/// timers), so polling it is all the executor it needs.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    for _ in 0..10_000 {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
    panic!("the server renderer waited on something: prerender has no executor for that");
}
