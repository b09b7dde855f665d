//! Content files and their validation: the published files are valid, broken files get
//! precise messages, and no input — arbitrary or mutated JSON, share links, saved progress —
//! makes the parser, validator or engine panic.
//!
//! `make fuzz` runs the hardening properties with many more cases (PROPTEST_CASES).
use guidepost::content::{self, Content};
use guidepost::embed::{progress, share};
use guidepost::engine::{self, recommend, Answers};
use proptest::prelude::*;
use serde_json::Value;

fn en_value() -> Value {
    serde_json::from_str(content::EN_JSON).unwrap()
}

fn problems_of(value: &Value) -> Vec<String> {
    match engine::check(&value.to_string()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn published_content_files_are_valid() {
    for file in ["content/en.json", "content/tr.json"] {
        let Ok(json) = std::fs::read_to_string(file) else {
            panic!("{file} is missing")
        };
        let checked = engine::check(&json).unwrap_or_else(|p| panic!("{file}: {p:?}"));
        assert_eq!(checked.questions.len(), 8);
    }
}

#[test]
fn a_reason_pointing_at_a_missing_row_is_reported_at_its_path() {
    let mut v = en_value();
    v["questions"][1]["options"][0]["row"] = "metod".into();
    let problems = problems_of(&v);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("questions[1].options[0].row: \"metod\" is not a comparison row"),
        "{problems:?}"
    );
}

#[test]
fn duplicate_ids_missing_questions_and_options_are_reported() {
    let mut v = en_value();
    v["comparison"]["rows"][1]["id"] = "purpose".into();
    let questions = v["questions"].as_array_mut().unwrap();
    questions.retain(|q| q["id"] != "urgency");
    let problems = problems_of(&v).join("\n");
    assert!(
        problems.contains("comparison.rows[1].id: \"purpose\" is used by another row"),
        "{problems}"
    );
    assert!(
        problems.contains("the question \"urgency\" is missing"),
        "{problems}"
    );
}

#[test]
fn weights_and_thresholds_must_be_in_range() {
    let mut v = en_value();
    v["questions"][0]["options"][0]["coaching"] = (-1.0).into();
    v["engine"]["combined_margin"] = 150.0.into();
    v["engine"]["max_reasons"] = 0.into();
    let problems = problems_of(&v).join("\n");
    assert!(
        problems.contains("questions[0].options[0].coaching: must be a number of 0 or more"),
        "{problems}"
    );
    assert!(
        problems.contains("engine.combined_margin: must be between 0 and 100"),
        "{problems}"
    );
    assert!(problems.contains("engine.max_reasons"), "{problems}");
}

#[test]
fn an_unreachable_outcome_is_found_by_enumerating_every_answer_set() {
    let mut v = en_value();
    // Mentoring evidence everywhere gone: mentoring can never lead.
    for q in v["questions"].as_array_mut().unwrap() {
        for o in q["options"].as_array_mut().unwrap() {
            o["mentoring"] = 0.into();
        }
    }
    let problems = problems_of(&v).join("\n");
    assert!(
        problems.contains("no combination of answers leads to \"mentoring\""),
        "{problems}"
    );
}

#[test]
fn schema_errors_name_the_field() {
    let mut v = en_value();
    v["ui"].as_object_mut().unwrap().remove("next");
    v["intro"]["titel"] = "typo".into();
    let problems = problems_of(&v).join("\n");
    assert!(
        problems.contains("missing field `next`") || problems.contains("unknown field `titel`"),
        "{problems}"
    );
    let syntax = engine::check("{\"version\": \"x\",").unwrap_err();
    assert!(syntax[0].message.contains("not well formed"), "{syntax:?}");
}

#[test]
fn placeholders_are_required_in_templates() {
    let mut v = en_value();
    v["ui"]["progress"] = "Question {current}".into();
    let problems = problems_of(&v).join("\n");
    assert!(
        problems.contains("ui.progress: must contain the placeholder {total}"),
        "{problems}"
    );
}

// ---- hardening: nothing panics ---------------------------------------------------------

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| serde_json::json!(f)),
        any::<i64>().prop_map(|i| serde_json::json!(i)),
        ".{0,12}".prop_map(Value::String),
        Just(Value::String("<script>alert(1)</script>".into())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A path to some node of `value`, chosen by `seed`.
fn pick_path(value: &Value, seed: &[usize]) -> Vec<PathStep> {
    let mut path = Vec::new();
    let mut node = value;
    for &s in seed {
        match node {
            Value::Object(map) if !map.is_empty() => {
                let (k, v) = map.iter().nth(s % map.len()).unwrap();
                path.push(PathStep::Key(k.clone()));
                node = v;
            }
            Value::Array(items) if !items.is_empty() => {
                path.push(PathStep::Index(s % items.len()));
                node = &items[s % items.len()];
            }
            _ => break,
        }
    }
    path
}

#[derive(Debug, Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn node_at<'a>(value: &'a mut Value, path: &[PathStep]) -> &'a mut Value {
    path.iter().fold(value, |node, step| match step {
        PathStep::Key(k) => &mut node[k.as_str()],
        PathStep::Index(i) => &mut node[*i],
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    Replace(Value),
    Remove,
    Duplicate,
    Number(f64),
    Text(String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any_json().prop_map(Mutation::Replace),
        Just(Mutation::Remove),
        Just(Mutation::Duplicate),
        prop_oneof![
            Just(-1.0),
            Just(0.0),
            Just(1e300),
            Just(-1e300),
            Just(0.5),
            Just(1e9)
        ]
        .prop_map(Mutation::Number),
        prop_oneof![
            Just(String::new()),
            Just("purpose".to_owned()),
            Just("role-transition".to_owned()),
            ".{0,6}".prop_map(|s| s)
        ]
        .prop_map(Mutation::Text),
    ]
}

fn mutate(mut value: Value, path: &[PathStep], mutation: &Mutation) -> Value {
    if path.is_empty() {
        return value;
    }
    let (last, parent_path) = path.split_last().unwrap();
    let parent = node_at(&mut value, parent_path);
    match (mutation, last, parent) {
        (Mutation::Remove, PathStep::Key(k), Value::Object(map)) => {
            map.remove(k);
        }
        (Mutation::Remove, PathStep::Index(i), Value::Array(items)) => {
            items.remove(*i);
        }
        (Mutation::Duplicate, PathStep::Index(i), Value::Array(items)) => {
            let copy = items[*i].clone();
            items.push(copy);
        }
        (m, step, parent) => {
            let node = match step {
                PathStep::Key(k) => &mut parent[k.as_str()],
                PathStep::Index(i) => &mut parent[*i],
            };
            *node = match m {
                Mutation::Replace(v) => v.clone(),
                Mutation::Number(n) => serde_json::json!(n),
                Mutation::Text(t) => Value::String(t.clone()),
                _ => Value::Null,
            };
        }
    }
    value
}

/// Whatever content passes the check, the engine works on it.
fn exercise(checked: &Content) {
    let mut answers = Answers::new();
    for q in checked.questions.iter() {
        answers.set(&q.id, vec![q.options[0].id.to_string()]);
    }
    let r = recommend(checked, &answers);
    assert!(r.coaching_score <= 100 && r.mentoring_score <= 100);
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics_the_parser(text in ".{0,200}") {
        let _ = engine::check(&text);
    }

    #[test]
    fn arbitrary_json_never_panics_the_parser(value in any_json()) {
        let _ = engine::check(&value.to_string());
    }

    #[test]
    fn mutated_content_is_rejected_or_works(seed in prop::collection::vec(any::<usize>(), 1..7), m in mutation(),
                                            seed2 in prop::collection::vec(any::<usize>(), 1..7), m2 in mutation()) {
        let base = en_value();
        let path = pick_path(&base, &seed);
        let once = mutate(base, &path, &m);
        let path2 = pick_path(&once, &seed2);
        let twice = mutate(once, &path2, &m2);
        if let Ok(checked) = engine::check(&twice.to_string()) {
            exercise(&checked);
        }
    }

    #[test]
    fn arbitrary_share_fragments_and_saved_progress_never_panic(text in ".{0,40}", digits in "1\\.[0-9-]{0,24}") {
        let c = content::english();
        for input in [&text, &digits] {
            if let Ok(answers) = share::decode(input) {
                let _ = recommend(c, &answers);
            }
            let _ = share::from_fragment(input);
            if let Ok((answers, _)) = progress::decode(input) {
                let _ = recommend(c, &answers);
            }
        }
    }
}
