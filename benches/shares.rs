//! The shares of every candidate of one contest with no valid-ballot count (so each share is of
//! the sum of all the votes), at n and 8n candidates: with the denominator summed once per
//! contest the time grows ~8×, where summing it per candidate grew it ~64×.
//!
//!     cargo bench --bench shares

// In a benchmark, an unwrap is an assertion: a failure should stop it loudly.
#![allow(clippy::unwrap_used)]

use divan::{Bencher, black_box};
use hustings::model::arithmetic::{self, Shares};
use hustings::model::{Candidate, Contest, ContestKind, Status};
use hustings::report::bars;

fn main() {
    divan::main();
}

/// n and 8n twice: within the core's cache (2 MB of L2 here holds ~8,000 candidates) and
/// beyond it, where each candidate is a read from memory and costs more.
const SIZES: [usize; 4] = [1_000, 8_000, 20_000, 160_000];

/// A contest of `n` candidates with votes and no ballots: shares are of the sum of the votes.
fn contest(n: usize) -> Contest {
    let candidates = (0..n)
        .map(|k| Candidate {
            votes: Some((k as u64 * 7919) % 100_003 + 1),
            elected: k == 0,
            ..Candidate::new(format!("Candidate {k:05}"))
        })
        .collect();
    Contest {
        candidates,
        ..Contest::new(
            "many",
            ContestKind::Leadership,
            "Many candidates",
            Status::Decided,
        )
    }
}

/// Every candidate's share, as the CSV and JSON writers take them.
#[divan::bench(args = SIZES)]
fn every_share(bencher: Bencher, n: usize) {
    let c = contest(n);
    bencher.bench(|| {
        let shares = Shares::of(black_box(&c));
        c.candidates
            .iter()
            .map(|k| shares.share(k).percent().unwrap())
            .sum::<f64>()
    });
}

/// The chart's bars (ranked, then a share each), as `show` and the explorer's detail draw them.
#[divan::bench(args = SIZES)]
fn chart_bars(bencher: Bencher, n: usize) {
    let c = contest(n);
    bencher.bench(|| bars::bars(black_box(&c)).len());
}

/// What each writer did before `Shares`: `arithmetic::share` per candidate, which sums the
/// votes each time (O(n²); at n and 8n only, the larger already takes tens of milliseconds).
#[divan::bench(args = [1_000, 8_000])]
fn every_share_summed_each_time(bencher: Bencher, n: usize) {
    let c = contest(n);
    bencher.bench(|| {
        let c = black_box(&c);
        c.candidates
            .iter()
            .map(|k| arithmetic::share(c, k).percent().unwrap())
            .sum::<f64>()
    });
}
