//! Native microbenchmarks of the engine (`make bench`): one recommendation (which includes
//! what-would-change-it), and what-would-change-it alone.
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use guidepost::content;
use guidepost::engine::{recommend, what_would_change, Answers};

fn combined_executive() -> Answers {
    Answers::new()
        .with("situation", &["role-transition", "new-industry"])
        .with("support", &["both"])
        .with("time-focus", &["present-future"])
        .with("horizon", &["both"])
        .with("relationship", &["senior-guide"])
        .with("outcome", &["clarity"])
        .with("urgency", &["this-year"])
        .with("organization", &["program"])
}

fn engine(c: &mut Criterion) {
    let content = content::english();
    let answers = combined_executive();
    c.bench_function("recommend", |b| {
        b.iter(|| recommend(black_box(content), black_box(&answers)))
    });
    c.bench_function("what_would_change", |b| {
        b.iter(|| what_would_change(black_box(content), black_box(&answers)))
    });
}

criterion_group!(benches, engine);
criterion_main!(benches);
