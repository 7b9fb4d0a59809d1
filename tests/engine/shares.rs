//! Shares on the real files: one denominator per contest (`arithmetic::Shares`) gives each
//! candidate the share the definition gives — votes over the valid ballots, else over the sum
//! of the votes of the candidates on the ballot — in the bars and the candidate rows too.

use hustings::model::arithmetic::{self, Share, Shares};
use hustings::model::{Contest, Dataset};
use hustings::report::{bars, candidates};

use crate::support::data::{dataset, ge2019, real_data, seed_file};

/// The share of candidate `i` worked out from the definition, independently of the library.
fn expected(c: &Contest, i: usize) -> Share {
    let valid = c.ballots.as_ref().and_then(|b| b.valid);
    let sum: Option<u64> = (0..c.candidates.len())
        .filter(|&k| c.on_ballot(k))
        .map(|k| c.candidates[k].votes)
        .sum();
    let candidate = &c.candidates[i];
    match (candidate.votes, valid.or(sum).filter(|&d| d > 0)) {
        (Some(votes), Some(total)) => Share::Computed(votes as f64 * 100.0 / total as f64),
        _ => candidate
            .share()
            .map_or(Share::Unknown, |s| Share::Stated(s.clone())),
    }
}

fn check(ds: &Dataset, c: &Contest) -> usize {
    let shares = Shares::of(c);
    for (i, k) in c.candidates.iter().enumerate() {
        assert_eq!(shares.share(k), expected(c, i), "{} / {}", c.id, k.name);
        assert_eq!(
            arithmetic::share(c, k),
            expected(c, i),
            "{} / {}",
            c.id,
            k.name
        );
    }
    for bar in bars::bars(c) {
        assert_eq!(bar.share, expected(c, bar.candidate), "{} bar", c.id);
    }
    let rows = candidates::candidates(ds, c);
    assert_eq!(rows.len(), c.candidates.len());
    c.candidates.len()
}

#[test]
fn one_denominator_per_contest_gives_the_same_shares_on_the_real_files() {
    let mut files = vec![
        ge2019(),
        seed_file(),
        real_data("HoC-GE2017-results-by-candidate.csv"),
    ];
    for name in [
        "nyc_2021_dem_mayor_primary.json",
        "2018_maine_governor_primary.json",
    ] {
        files.push(real_data(&format!("rcv/{name}")));
    }
    let mut summed = 0;
    for path in files {
        let mut ds = dataset(&path);
        let mut candidates = 0;
        for c in &ds.contests {
            candidates += check(&ds, c);
        }
        assert!(candidates > 0, "{}", path.display());
        // Without valid ballots every share is of the sum of the votes.
        for c in &mut ds.contests {
            if let Some(b) = c.ballots.as_mut() {
                b.valid = None;
            }
        }
        for c in &ds.contests {
            summed += check(&ds, c);
        }
    }
    assert!(summed > 6000, "{summed} candidates checked against the sum");
}
