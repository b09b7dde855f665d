//! `prerender LANG`: the widget's first view (intro, start panel, comparison) in `LANG`,
//! rendered by Yew's server renderer into a declarative shadow root with the widget's
//! stylesheet: markup for a page's widget element that a browser shows before any script
//! runs, and with scripting off.
//!
//! `prerender --css`: the widget's stylesheet alone.
//!
//! Not yet used by `make dist`: putting it into the standalone page waits on room under the
//! size budget (issue 12).
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
    let props = AppProps {
        content: ContentRef::from(content),
        options: Default::default(),
        initial_answers: Default::default(),
        initial_stage: guidepost::ui::Stage::Start,
        origin: Default::default(),
        on_event: Default::default(),
        share_base: None,
        languages: content::builtin_languages(),
        load_language: Default::default(),
        session: 0,
    };
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
