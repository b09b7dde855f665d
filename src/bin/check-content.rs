//! `check-content FILE...`: checks content files (a translation, or a site owner's override)
//! before they are published, with the same validation the widget runs.
//!
//! Exit status 0 when every file is valid, 1 when any has problems, 2 on a usage error.
use std::process::ExitCode;

use guidepost::engine::{self, answer_set_count};

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f == "-h" || f == "--help") {
        eprintln!("usage: check-content FILE...\n\nChecks Guidepost content JSON (same schema as content/en.json).");
        return ExitCode::from(2);
    }
    let mut all_valid = true;
    for file in &files {
        let json = match std::fs::read_to_string(file) {
            Ok(json) => json,
            Err(error) => {
                eprintln!("✗ {file}: cannot be read: {error}");
                all_valid = false;
                continue;
            }
        };
        match engine::check(&json) {
            Ok(checked) => println!(
                "✓ {file}: valid — {} content, {} questions, all {} answer sets give one outcome and every outcome is reachable",
                checked.lang,
                checked.questions.len(),
                answer_set_count(&checked)
            ),
            Err(problems) => {
                all_valid = false;
                eprintln!("✗ {file}: {} problem{}", problems.len(), if problems.len() == 1 { "" } else { "s" });
                for problem in problems {
                    eprintln!("  - {problem}");
                }
            }
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
