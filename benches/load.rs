//! Loading: parse + validate next to serde_json's own floor (skipping the document with
//! `IgnoredAny`), and the integrity warnings computed after.
//!
//!     cargo bench --bench load                      # 10k and 100k contests
//!     HUSTINGS_BENCH_1M=1 cargo bench --bench load  # also 1M

// In a benchmark, an unwrap is an assertion: a failure should stop it loudly.
#![allow(clippy::unwrap_used)]

mod support;

use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// The floor: serde_json walking the same bytes without building anything.
#[divan::bench(args = support::sizes(), sample_count = 10, sample_size = 1)]
fn ignored_any(bencher: Bencher, contests: usize) {
    let bytes = support::bytes(contests);
    bencher.bench(|| serde_json::from_slice::<serde::de::IgnoredAny>(black_box(bytes)).unwrap());
}

/// What `hustings validate` and the explorer do with a file's bytes: parse and check.
#[divan::bench(args = support::sizes(), sample_count = 10, sample_size = 1)]
fn parse_and_validate(bencher: Bencher, contests: usize) {
    let bytes = support::bytes(contests);
    bencher.bench(|| hustings::load::parse("generated.json", black_box(bytes)).unwrap());
}

/// Integrity warnings over a loaded dataset.
#[divan::bench(args = support::sizes(), sample_count = 10, sample_size = 1)]
fn integrity_warnings(bencher: Bencher, contests: usize) {
    let dataset = support::dataset(contests);
    bencher.bench(|| hustings::load::integrity::warnings(black_box(dataset)));
}

/// The one rule's check (`model::text::is_clean`), run on every string at load, over names
/// that are not ASCII (accents, Greek, Cyrillic, Arabic, Devanagari, CJK, an em dash, an
/// emoji): the text the ASCII fast path does not cover. 10,000 names a sample.
#[divan::bench(sample_count = 20)]
fn is_clean_non_ascii(bencher: Bencher) {
    const NAMES: [&str; 8] = [
        "Órfhlaith Begley",
        "Siân Berry — Green",
        "Αλέξης Τσίπρας",
        "Владимир Иванов",
        "محمد عبد الله",
        "नरेन्द्र मोदी",
        "李 明 (独立)",
        "Jo 👩\u{200d}👧 Smith",
    ];
    let names: Vec<String> = (0..10_000)
        .map(|i| NAMES[i % NAMES.len()].to_string())
        .collect();
    bencher.bench(|| {
        black_box(&names)
            .iter()
            .filter(|n| hustings::model::text::is_clean(n))
            .count()
    });
}
