//! The engine against the built-in content: stories of realistic executives, and properties
//! that must hold for every answer set.
use guidepost::content::{self, Content};
use guidepost::engine::{
    for_each_complete_answers, option_distance, recommend, what_would_change, Answers, Confidence,
    Outcome, Sequence, Side,
};
use proptest::prelude::*;

fn content() -> Content {
    content::english().clone()
}

fn answers(pairs: &[(&str, &[&str])]) -> Answers {
    pairs.iter().fold(Answers::new(), |a, (q, o)| a.with(q, o))
}

// ---- stories ------------------------------------------------------------------------------

#[test]
fn newly_promoted_coo_who_wants_to_find_her_own_answers_gets_coaching() {
    let a = answers(&[
        ("situation", &["role-transition"]),
        ("support", &["questions"]),
        ("time-focus", &["present-future"]),
        ("horizon", &["defined"]),
        ("relationship", &["peer-partner"]),
        ("outcome", &["behavior"]),
        ("urgency", &["now"]),
        ("organization", &["case-by-case"]),
    ]);
    let r = recommend(&content(), &a);
    assert_eq!(r.outcome, Outcome::Coaching);
    assert_eq!(r.sequence, None);
    assert_eq!(r.mentoring_score, 0);
    assert!(r.coaching_score >= 80, "{}", r.coaching_score);
    assert_eq!(r.confidence, Confidence::High);
    // The strongest reason is the situation the article names for coaching.
    assert_eq!(
        (r.reasons[0].question.as_str(), r.reasons[0].row.as_str()),
        ("situation", "best-for")
    );
    assert!(
        r.reasons.iter().any(|reason| reason.row == "method"),
        "question-driven is named"
    );
}

#[test]
fn banker_moving_into_healthcare_who_wants_advice_gets_mentoring() {
    let a = answers(&[
        ("situation", &["new-industry"]),
        ("support", &["advice"]),
        ("time-focus", &["past-lessons"]),
        ("horizon", &["ongoing"]),
        ("relationship", &["senior-guide"]),
        ("outcome", &["know-how"]),
        ("urgency", &["long-run"]),
        ("organization", &["nothing-formal"]),
    ]);
    let r = recommend(&content(), &a);
    assert_eq!(r.outcome, Outcome::Mentoring);
    assert_eq!(
        r.confidence,
        Confidence::High,
        "every answer points one way"
    );
    assert_eq!(r.coaching_score, 0);
    assert!(r.mentoring_score >= 80);
    assert!(r
        .reasons
        .iter()
        .all(|reason| reason.side == guidepost::engine::Side::Mentoring));
    assert!(
        r.reasons.iter().any(|reason| reason.row == "purpose"),
        "advice is central to mentoring"
    );
}

#[test]
fn cfo_becoming_ceo_in_a_new_sector_with_a_program_gets_both() {
    let a = answers(&[
        ("situation", &["role-transition", "new-industry"]),
        ("support", &["both"]),
        ("time-focus", &["present-future"]),
        ("horizon", &["both"]),
        ("relationship", &["senior-guide"]),
        ("outcome", &["clarity"]),
        ("urgency", &["this-year"]),
        ("organization", &["program"]),
    ]);
    let r = recommend(&content(), &a);
    assert_eq!(r.outcome, Outcome::Combined);
    assert_ne!(
        r.confidence,
        Confidence::Low,
        "balanced answers: a clear combination"
    );
    assert!(r.sequence.is_some());
    let sides: Vec<_> = r.reasons.iter().map(|reason| reason.side).collect();
    assert!(
        sides.contains(&guidepost::engine::Side::Coaching)
            && sides.contains(&guidepost::engine::Side::Mentoring)
    );
}

#[test]
fn leader_changing_style_but_wanting_a_seasoned_guide_is_close_to_the_line() {
    // Coaching situation and goal, but mentoring's relationship, time focus and advice.
    let a = answers(&[
        ("situation", &["style-change"]),
        ("support", &["advice"]),
        ("time-focus", &["past-lessons"]),
        ("horizon", &["defined"]),
        ("relationship", &["senior-guide"]),
        ("outcome", &["behavior"]),
        ("urgency", &["now"]),
        ("organization", &["case-by-case"]),
    ]);
    let r = recommend(&content(), &a);
    assert_eq!(r.outcome, Outcome::Combined, "{r:?}");
    // Balanced scores make the combination fairly clear, yet one answer would change it,
    // and the result says so.
    assert_eq!(r.confidence, Confidence::Medium, "{r:?}");
    assert_eq!(r.fewest_changes, Some(1));
    assert_eq!(r.changes[0].distance, 1);
}

#[test]
fn answers_that_all_point_one_way_get_high_confidence() {
    let c = content();
    for side in [Side::Coaching, Side::Mentoring] {
        let mut a = Answers::new();
        for q in c.questions.iter() {
            let pick: Vec<String> = q
                .options
                .iter()
                .filter(|o| match side {
                    Side::Coaching => o.coaching > 0.0 && o.mentoring == 0.0,
                    _ => o.mentoring > 0.0 && o.coaching == 0.0,
                })
                .take(usize::from(q.max_choices))
                .map(|o| o.id.to_string())
                .collect();
            let pick = if pick.is_empty() {
                vec![q.options[q.options.len() - 1].id.to_string()]
            } else {
                pick
            };
            a.set(&q.id, pick);
        }
        let r = recommend(&c, &a);
        assert_eq!(r.confidence, Confidence::High, "{side:?}: {r:?}");
        assert!(r.changes.is_empty(), "nothing close to suggest: {r:?}");
        assert!(r.fewest_changes.unwrap() > 2, "{r:?}");
    }
}

#[test]
fn a_clear_coaching_result_two_changes_from_a_combination_is_not_low() {
    // The example: 60 against 27 is a clear lead, not "we don't know".
    let a = answers(&[
        ("situation", &["role-transition", "decision-complexity"]),
        ("support", &["questions"]),
        ("time-focus", &["past-lessons"]),
        ("horizon", &["both"]),
        ("relationship", &["senior-guide"]),
        ("outcome", &["clarity"]),
        ("urgency", &["this-year"]),
        ("organization", &["case-by-case"]),
    ]);
    let r = recommend(&content(), &a);
    assert_eq!(
        (r.outcome, r.coaching_score, r.mentoring_score),
        (Outcome::Coaching, 60, 33)
    );
    assert_ne!(r.confidence, Confidence::Low, "{r:?}");
}

#[test]
fn a_program_that_makes_it_a_combination_is_named_as_the_first_reason() {
    let c = content();
    let with = |organization: &str| {
        answers(&[
            ("situation", &["role-transition", "new-industry"]),
            ("support", &["questions"]),
            ("time-focus", &["present-future"]),
            ("horizon", &["ongoing"]),
            ("relationship", &["senior-guide"]),
            ("outcome", &["clarity"]),
            ("urgency", &["now"]),
            ("organization", &[organization]),
        ])
    };
    let without = recommend(&c, &with("case-by-case"));
    assert_eq!(
        (
            without.outcome,
            without.coaching_score,
            without.mentoring_score
        ),
        (Outcome::Coaching, 60, 40),
        "{without:?}"
    );
    assert!(without.reasons.iter().all(|r| r.question != "organization"));
    let program = recommend(&c, &with("program"));
    assert_eq!(program.outcome, Outcome::Combined, "{program:?}");
    let first = &program.reasons[0];
    assert_eq!(
        (first.question.as_str(), first.row.as_str(), first.side),
        ("organization", "organization", Side::Both)
    );
    // Where the program changes nothing, it is not a reason.
    let clear = answers(&[
        ("situation", &["role-transition"]),
        ("support", &["questions"]),
        ("time-focus", &["present-future"]),
        ("horizon", &["defined"]),
        ("relationship", &["peer-partner"]),
        ("outcome", &["behavior"]),
        ("urgency", &["now"]),
        ("organization", &["program"]),
    ]);
    let r = recommend(&c, &clear);
    assert_eq!(r.outcome, Outcome::Coaching);
    assert!(r.reasons.iter().all(|r| r.question != "organization"));
}

#[test]
fn a_suggestion_names_one_swap_not_every_option_of_the_new_answer() {
    // The example: decision complexity and strategic perspective.
    let a = answers(&[
        (
            "situation",
            &["decision-complexity", "strategic-perspective"],
        ),
        ("support", &["questions"]),
        ("time-focus", &["present-future"]),
        ("horizon", &["ongoing"]),
        ("relationship", &["senior-guide"]),
        ("outcome", &["clarity"]),
        ("urgency", &["this-year"]),
        ("organization", &["case-by-case"]),
    ]);
    let r = recommend(&content(), &a);
    for flip in &r.changes {
        for change in &flip.changes {
            assert!(
                change.added().all(|o| !change.from.contains(o)),
                "{change:?}"
            );
            assert!(change.distance() >= 1);
        }
        assert!(flip.distance <= 2, "{flip:?}");
    }
    let to_coaching = r.changes.iter().find(|f| f.outcome == Outcome::Coaching);
    if let Some(flip) = to_coaching {
        if let [change] = flip.changes.as_slice() {
            if change.question == "situation" {
                assert_eq!(change.added().count(), 1, "{change:?}");
                assert_eq!(change.dropped().count(), 1, "{change:?}");
            }
        }
    }
}

#[test]
fn a_combined_result_leans_towards_the_stronger_side_first() {
    let c = content();
    let coaching_leaning = answers(&[
        ("situation", &["decision-complexity", "career-direction"]),
        ("support", &["questions"]),
        ("time-focus", &["present-future"]),
        ("horizon", &["defined"]),
        ("relationship", &["senior-guide"]),
        ("outcome", &["direction"]),
        ("urgency", &["now"]),
        ("organization", &["program"]),
    ]);
    let r = recommend(&c, &coaching_leaning);
    assert_eq!(r.outcome, Outcome::Combined, "{r:?}");
    assert_eq!(r.sequence, Some(Sequence::CoachingFirst), "{r:?}");
}

#[test]
fn what_would_change_it_names_advice_for_a_coaching_result_near_the_line() {
    let a = answers(&[
        ("situation", &["role-transition"]),
        ("support", &["questions"]),
        ("time-focus", &["present-future"]),
        ("horizon", &["ongoing"]),
        ("relationship", &["senior-guide"]),
        ("outcome", &["behavior"]),
        ("urgency", &["this-year"]),
        ("organization", &["case-by-case"]),
    ]);
    let c = content();
    let r = recommend(&c, &a);
    assert_eq!(r.outcome, Outcome::Coaching, "{r:?}");
    let first = &r.changes[0];
    assert_eq!(first.changes.len(), 1, "{first:?}");
    assert_eq!(first.distance, 1, "{first:?}");
    assert_eq!(first.outcome, Outcome::Combined);
}

#[test]
fn unknown_ids_and_extra_choices_are_ignored() {
    let c = content();
    let clean = answers(&[
        ("situation", &["role-transition"]),
        ("support", &["questions"]),
    ]);
    let noisy = answers(&[
        ("situation", &["role-transition", "not-an-option"]),
        ("support", &["questions"]),
        ("favourite-colour", &["blue"]),
    ]);
    assert_eq!(recommend(&c, &clean), recommend(&c, &noisy));
    let three = answers(&[(
        "situation",
        &["role-transition", "style-change", "new-industry"],
    )]);
    assert_eq!(three.normalized(&c).get("situation").len(), 2);
}

// ---- properties over every answer set ------------------------------------------------------

/// Any answer set, complete or partial, using only the contract's ids.
fn any_answers() -> impl Strategy<Value = Answers> {
    let c = content();
    let questions: Vec<(String, Vec<String>, u8)> = c
        .questions
        .iter()
        .map(|q| {
            (
                q.id.to_string(),
                q.options.iter().map(|o| o.id.to_string()).collect(),
                q.max_choices,
            )
        })
        .collect();
    let per_question: Vec<_> = questions
        .into_iter()
        .map(|(id, options, max)| {
            proptest::sample::subsequence(options.clone(), 0..=usize::from(max))
                .prop_map(move |chosen| (id.clone(), chosen))
        })
        .collect();
    per_question.prop_map(|pairs| {
        let mut a = Answers::new();
        for (q, chosen) in pairs {
            a.set(&q, chosen);
        }
        a
    })
}

fn complete_answers() -> impl Strategy<Value = Answers> {
    any_answers().prop_filter("complete", |a| a.is_complete(&content()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn scores_stay_within_0_to_100(a in any_answers()) {
        let r = recommend(&content(), &a);
        prop_assert!(r.coaching_score <= 100 && r.mentoring_score <= 100);
    }

    #[test]
    fn the_same_answers_give_the_same_result(a in any_answers()) {
        let c = content();
        prop_assert_eq!(recommend(&c, &a), recommend(&c, &a.clone()));
    }

    #[test]
    fn answering_more_for_a_side_never_lowers_its_score(a in any_answers(), q in 0usize..8, o in 0usize..6) {
        let c = content();
        let question = &c.questions[q];
        let option = &question.options[o % question.options.len()];
        let mut more = a.clone();
        let mut chosen = a.get(&question.id).to_vec();
        if chosen.iter().any(|c| *c == option.id) || chosen.len() >= usize::from(question.max_choices) && !chosen.is_empty() && question.max_choices == 1 && a.is_answered(&question.id) {
            return Ok(());
        }
        if chosen.len() >= usize::from(question.max_choices) {
            return Ok(());
        }
        chosen.push(option.id.to_string());
        more.set(&question.id, chosen);
        let before = recommend(&c, &a);
        let after = recommend(&c, &more);
        if option.coaching > 0.0 {
            prop_assert!(after.coaching_score >= before.coaching_score);
        }
        if option.mentoring > 0.0 {
            prop_assert!(after.mentoring_score >= before.mentoring_score);
        }
        prop_assert!(after.coaching_score >= before.coaching_score && after.mentoring_score >= before.mentoring_score,
            "adding an answer never removes evidence");
    }

    #[test]
    fn every_reason_refers_to_an_answer_given_and_a_row_that_exists(a in any_answers()) {
        let c = content();
        let r = recommend(&c, &a);
        for reason in &r.reasons {
            prop_assert!(a.get(&reason.question).contains(&reason.option), "{:?}", reason);
            if reason.side == Side::Both {
                prop_assert!(c.section(&reason.row).is_some(), "{:?}", reason);
            } else {
                prop_assert!(c.row(&reason.row).is_some(), "{:?}", reason);
            }
        }
        prop_assert!(r.reasons.len() <= c.engine.max_reasons as usize);
    }

    #[test]
    fn the_sequence_is_given_exactly_for_combined(a in any_answers()) {
        let r = recommend(&content(), &a);
        prop_assert_eq!(r.sequence.is_some(), r.outcome == Outcome::Combined);
    }
}

/// The fewest changed options from `a` to any complete answer set with each outcome, by
/// trying every one (what the engine's search must agree with).
fn brute_force_fewest(c: &Content, a: &Answers) -> [Option<usize>; 3] {
    let mut fewest = [None; 3];
    let current = recommend(c, a).outcome;
    for_each_complete_answers(c, |b| {
        let outcome = guidepost::engine::decide(&c.engine, &guidepost::engine::tally(c, b)).outcome;
        if outcome == current {
            return;
        }
        let d: usize = c
            .questions
            .iter()
            .map(|q| option_distance(a.get(&q.id), b.get(&q.id)))
            .sum();
        let slot = &mut fewest[outcome as usize];
        if slot.is_none_or(|f| d < f) {
            *slot = Some(d);
        }
    });
    fewest
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn what_would_change_it_is_the_nearest_change(a in complete_answers()) {
        let c = content();
        let r = recommend(&c, &a);
        let fewest = brute_force_fewest(&c, &a);
        prop_assert_eq!(r.fewest_changes, fewest.iter().flatten().min().copied());
        let shown = c.engine.max_suggested_changes as usize;
        for outcome in Outcome::ALL {
            let flip = r.changes.iter().find(|f| f.outcome == outcome);
            match fewest[outcome as usize] {
                Some(d) if d <= shown => prop_assert_eq!(flip.map(|f| f.distance), Some(d)),
                _ => prop_assert!(flip.is_none()),
            }
        }
    }
}

/// Over every complete answer set: each suggestion lists exactly the difference between the
/// answers and the suggested ones (the whole answer before and after, per changed question,
/// nothing unchanged), at most one per other outcome and within the shown distance, and
/// applying it gives the outcome it names. Confidence says "low" only one change away.
#[test]
fn every_suggestion_is_exactly_the_difference_and_reaches_its_outcome() {
    let c = content();
    let shown = c.engine.max_suggested_changes as usize;
    let mut sets = 0;
    for_each_complete_answers(&c, |a| {
        sets += 1;
        let r = recommend(&c, a);
        let mut outcomes = Vec::new();
        for flip in &r.changes {
            assert_ne!(flip.outcome, r.outcome, "{a:?}");
            assert!(!outcomes.contains(&flip.outcome), "one per outcome: {r:?}");
            outcomes.push(flip.outcome);
            assert!((1..=shown).contains(&flip.distance), "{flip:?}");
            let summed: usize = flip.changes.iter().map(|c| c.distance()).sum();
            assert_eq!(flip.distance, summed, "{flip:?}");
            let mut changed = a.clone();
            for change in &flip.changes {
                assert_eq!(a.get(&change.question), change.from.as_slice(), "{flip:?}");
                assert_ne!(
                    change.from, change.to,
                    "an unchanged answer is listed: {flip:?}"
                );
                changed.set(&change.question, change.to.clone());
            }
            assert!(changed.is_complete(&c));
            let differing = c
                .questions
                .iter()
                .filter(|q| a.get(&q.id) != changed.get(&q.id))
                .count();
            assert_eq!(differing, flip.changes.len());
            let after = recommend(&c, &changed);
            assert_eq!(after.outcome, flip.outcome, "{a:?} → {flip:?}");
            assert_eq!(after.sequence, flip.sequence);
        }
        let nearest = r.changes.iter().map(|f| f.distance).min();
        match r.fewest_changes {
            Some(f) if f <= shown => assert_eq!(nearest, Some(f), "{r:?}"),
            _ => assert!(r.changes.is_empty(), "{r:?}"),
        }
        if r.confidence == Confidence::Low {
            assert_eq!(r.fewest_changes, Some(1), "{r:?}");
        }
    });
    assert_eq!(sets, guidepost::engine::answer_set_count(&c));
}

#[test]
fn every_outcome_and_sequence_is_reachable_and_changes_are_minimal() {
    let c = content();
    let mut outcomes = std::collections::BTreeSet::new();
    let mut sequences = std::collections::HashSet::new();
    // A sample of the 27,216 complete answer sets, walked deterministically.
    let mut seen = 0;
    guidepost_walk(&c, &mut |a| {
        seen += 1;
        if seen % 41 != 0 {
            return;
        }
        let r = recommend(&c, a);
        outcomes.insert(r.outcome);
        if let Some(s) = r.sequence {
            sequences.insert(s);
        }
        // Minimal: no single-answer change reaches an outcome claimed to need two or more.
        if let Some(flip) = r.changes.iter().find(|f| f.distance > 1) {
            for q in c.questions.iter() {
                for o in q.options.iter() {
                    let mut one = a.clone();
                    one.set(&q.id, vec![o.id.to_string()]);
                    assert_ne!(recommend(&c, &one).outcome, flip.outcome, "{a:?} → {q:?}");
                }
            }
        }
    });
    assert_eq!(outcomes.len(), 3, "{outcomes:?}");
    assert_eq!(sequences.len(), 3, "{sequences:?}");
}

/// Walks every complete single-choice answer set (situation with one choice).
fn guidepost_walk(c: &Content, visit: &mut dyn FnMut(&Answers)) {
    fn go(c: &Content, i: usize, a: &mut Answers, visit: &mut dyn FnMut(&Answers)) {
        if i == c.questions.len() {
            visit(a);
            return;
        }
        let q = &c.questions[i];
        for o in q.options.iter() {
            a.set(&q.id, vec![o.id.to_string()]);
            go(c, i + 1, a, visit);
        }
    }
    go(c, 0, &mut Answers::new(), visit);
}

#[test]
fn partial_answers_still_get_a_recommendation_and_changes() {
    let c = content();
    let r = recommend(&c, &answers(&[("situation", &["new-industry"])]));
    assert_eq!(r.mentoring_score, 13);
    // Every unanswered question must be answered, so the nearest change is far.
    assert!(r.fewest_changes.unwrap() >= 7, "{r:?}");
    assert!(r.changes.is_empty());
    let nearly = answers(&[
        ("situation", &["style-change"]),
        ("support", &["advice"]),
        ("time-focus", &["past-lessons"]),
        ("horizon", &["defined"]),
        ("relationship", &["senior-guide"]),
        ("outcome", &["behavior"]),
        ("urgency", &["now"]),
    ]);
    assert!(!what_would_change(&c, &nearly).is_empty());
}
