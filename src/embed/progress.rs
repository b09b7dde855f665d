//! Saved progress for resume: what is kept in `localStorage`, as text. Pure, so it is tested
//! natively; the storage itself is touched only by the mount code.
use crate::engine::Answers;
use crate::ui::Stage;

use super::share;

/// The storage key of a widget: `guidepost:<namespace>`.
pub fn storage_key(namespace: &str) -> String {
    format!("guidepost:{namespace}")
}

/// `<share-link encoding>|<stage>` where stage is `s` (start), `q<index>` or `r` (result).
pub fn encode(answers: &Answers, stage: Stage) -> String {
    let stage = match stage {
        Stage::Start => "s".to_owned(),
        Stage::Question(i) => format!("q{i}"),
        Stage::Result => "r".to_owned(),
    };
    format!("{}|{stage}", share::encode(answers))
}

/// Reads saved progress; anything corrupt is an error (and the caller starts fresh).
pub fn decode(saved: &str) -> Result<(Answers, Stage), &'static str> {
    let (answers, stage) = saved.split_once('|').ok_or("no stage in saved progress")?;
    let answers = share::decode(answers)?;
    let stage = match stage {
        "s" => Stage::Start,
        "r" => Stage::Result,
        other => {
            let index = other
                .strip_prefix('q')
                .and_then(|i| i.parse::<usize>().ok());
            Stage::Question(index.ok_or("an unknown stage")?)
        }
    };
    Ok((answers, stage))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_round_trips() {
        let answers = Answers::new()
            .with("situation", &["style-change"])
            .with("support", &["advice"]);
        for stage in [Stage::Start, Stage::Question(2), Stage::Result] {
            assert_eq!(
                decode(&encode(&answers, stage)),
                Ok((answers.clone(), stage))
            );
        }
    }

    #[test]
    fn corrupt_progress_is_refused() {
        for bad in [
            "",
            "garbage",
            "1.0-0-0-0-0-0-0-0",
            "1.0-0-0-0-0-0-0-0|q",
            "1.0-0-0-0-0-0-0-0|x9",
            "{\"a\":1}|s",
            "1.9-0-0-0-0-0-0-0|s",
        ] {
            assert!(decode(bad).is_err(), "{bad}");
        }
    }
}
