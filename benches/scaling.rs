//! How each per-contest computation, view and export grows: every one is timed at n and at 8n
//! candidates, rounds or contests, and the ratio of the two says its order — ~8× is linear,
//! ~9–11× n log n, ~64× quadratic. Nothing may grow worse than n log n (BENCHMARKS.md has the
//! figures). Fuzzers never find a quadratic loop; this does.
//!
//!     cargo bench --bench scaling
//!
//! The contests are made as JSON and loaded as a file would be, so they are valid data.

// In a benchmark, an unwrap is an assertion: a failure should stop it loudly. Each group of
// benches (a module) uses the whole of the setup above it.
#![allow(clippy::unwrap_used, clippy::wildcard_imports)]

mod support;

use divan::{Bencher, black_box};
use hustings::explorer::action::Action;
use hustings::explorer::app::{App, Data, View};
use hustings::explorer::theme::Theme;
use hustings::load::Loaded;
use hustings::model::Dataset;
use hustings::model::arithmetic::Shares;
use hustings::model::change::Changes;
use hustings::query::{Index, Query};
use hustings::report::csv::TextCells;
use hustings::report::style::TextStyle;
use hustings::report::{self, Detail, Listing};
use serde_json::{Value, json};

fn main() {
    divan::main();
}

/// Candidates in one contest: n and 8n.
const CANDIDATES: [usize; 2] = [500, 4_000];
/// Rounds of one count: n and 8n, of the same candidates (so a round's size stays the same).
const ROUNDS: [usize; 2] = [100, 800];
/// Candidates in the count: enough for the most rounds, one eliminated a round.
const COUNTED: usize = 801;
/// Contests in a dataset: n and 8n.
const CONTESTS: [usize; 2] = [1_000, 8_000];

fn dataset(contests: Vec<Value>) -> Dataset {
    let doc = json!({
        "schema_version": 1,
        "regions": [{"id": "north", "name": "North"}],
        "factions": [{"id": "left", "name": "Left", "abbr": "L"}],
        "contests": contests,
    });
    hustings::load::parse("scaling.json", &serde_json::to_vec(&doc).unwrap()).unwrap()
}

/// A selection of `n` candidates: half counted (votes), half on the ballot paper without
/// votes; a shortlist and a ballot stage naming them all, and a nomination count for each.
fn many_candidates(n: usize) -> Dataset {
    let names: Vec<String> = (0..n).map(|k| format!("Candidate {k:05}")).collect();
    let candidates: Vec<Value> = names
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let mut c = json!({
                "name": name,
                "faction": if k % 3 == 0 { Value::from("left") } else { Value::Null },
                "elected": k == 0,
                "endorsements": [format!("Union {}", k % 7)],
            });
            if k % 2 == 0 {
                c["votes"] = json!((n - k) as u64 * 10 + 1);
            }
            c
        })
        .collect();
    dataset(vec![json!({
        "id": "many",
        "kind": "selection",
        "title": "A selection of many candidates",
        "party": "Labour",
        "region": "north",
        "date": "2019-10-01",
        "status": "decided",
        "candidates": candidates,
        "stages": [
            {"stage": "shortlist", "candidates": names},
            {"stage": "ballot", "candidates": names},
        ],
        "nominations": [{
            "body": "branch",
            "counts": names.iter().enumerate()
                .map(|(k, name)| json!({"candidate": name, "count": k % 5 + 1}))
                .collect::<Vec<_>>(),
        }],
        "sources": [{"outlet": "Example Gazette", "title": "Many candidates", "date": "2019-10-02"}],
    })])
}

/// A count of two seats over `n` rounds of [`COUNTED`] candidates: the weakest goes each
/// round, its votes split between the two strongest with a tenth inactive; the two strongest
/// are elected in the last round.
fn many_rounds(n: usize) -> Dataset {
    let names: Vec<String> = (0..COUNTED).map(|k| format!("Candidate {k:05}")).collect();
    let mut votes: Vec<(usize, u64)> = (0..COUNTED).map(|k| (k, (k as u64 + 1) * 1000)).collect();
    let mut rounds = Vec::new();
    let mut inactive = 0;
    for r in 0..n {
        votes.sort_by_key(|v| std::cmp::Reverse(v.1));
        let counts: Vec<Value> = votes
            .iter()
            .map(|&(k, v)| json!({"candidate": names[k], "votes": v}))
            .collect();
        if r + 1 == n {
            rounds.push(json!({
                "counts": counts,
                "elected": [names[votes[0].0], names[votes[1].0]],
                "threshold": votes[1].1,
            }));
            break;
        }
        let (out, had) = votes.pop().unwrap();
        let set_aside = had / 10;
        let first = (had - set_aside) / 2;
        let second = had - set_aside - first;
        rounds.push(json!({
            "counts": counts,
            "eliminated": [names[out]],
            "transfers": [
                {"from": names[out], "to": names[votes[0].0], "votes": first},
                {"from": names[out], "to": names[votes[1].0], "votes": second},
            ],
            "inactive": [{"reason": "exhausted", "ballots": inactive}],
        }));
        inactive += set_aside;
        votes[0].1 += first;
        votes[1].1 += second;
    }
    let winners = [votes[0].0, votes[1].0];
    let candidates: Vec<Value> = names
        .iter()
        .enumerate()
        .map(|(k, name)| {
            json!({"name": name, "votes": (k as u64 + 1) * 1000, "elected": winners.contains(&k)})
        })
        .collect();
    dataset(vec![json!({
        "id": "count",
        "kind": "leadership",
        "title": "A count of many rounds",
        "date": "2020-04-04",
        "status": "decided",
        "seats": 2,
        "candidates": candidates,
        "rounds": rounds,
        "sources": [{"outlet": "Example Gazette", "title": "Many rounds", "date": "2020-04-05"}],
    })])
}

/// `n` contests of the generated data (seats, by-elections, selections).
fn many_contests(n: usize) -> Dataset {
    hustings::load::parse("generated.json", &support::fresh_bytes(n)).unwrap()
}

fn loaded(dataset: Dataset) -> Loaded {
    Loaded {
        warnings: hustings::load::integrity::warnings(&dataset),
        dataset,
        sources: vec!["scaling.json".into()],
        titles: Vec::new(),
        conflicts: Vec::new(),
        notes: Vec::new(),
        versions: hustings::load::Versions::default(),
        derived: hustings::load::Derived::default(),
    }
}

/// The last contest of `loaded`, to print in full.
fn detail(loaded: &Loaded) -> Detail<'_> {
    let dataset = &loaded.dataset;
    Detail {
        dataset,
        warnings: &loaded.warnings,
        index: dataset.contests.len() - 1,
        contest: dataset.contests.last().unwrap(),
        versions: None,
        changes: loaded.changes(),
    }
}

/// Writes every contest of `loaded` with `write` (a list export).
fn bench_list(bencher: Bencher, loaded: &Loaded, write: fn(&mut Vec<u8>, &Listing)) {
    let dataset = &loaded.dataset;
    let index = Index::of(loaded);
    let rows = index.run(&Query::default());
    let changes = Changes::build(dataset);
    let listing = Listing {
        dataset,
        warnings: &loaded.warnings,
        query: &Query::default(),
        rows: &rows,
        changes: Some(&changes),
        all: index.rows_total(),
    };
    bencher.bench_local(|| {
        let mut out = Vec::new();
        write(&mut out, black_box(&listing));
        out.len()
    });
}

/// Prints the last contest with `write` (a show export).
fn bench_show(bencher: Bencher, loaded: &Loaded, write: fn(&mut Vec<u8>, &Detail)) {
    let detail = detail(loaded);
    bencher.bench_local(|| {
        let mut out = Vec::new();
        write(&mut out, black_box(&detail));
        out.len()
    });
}

fn text_style() -> TextStyle {
    TextStyle {
        width: 100,
        color: false,
        whole_lines: true,
    }
}

fn list_text(out: &mut Vec<u8>, l: &Listing) {
    report::text::list(out, &l.for_people(), &text_style()).unwrap();
}
fn list_csv(out: &mut Vec<u8>, l: &Listing) {
    report::csv::list(out, l, TextCells::FormulaSafe).unwrap();
}
fn list_json(out: &mut Vec<u8>, l: &Listing) {
    report::json::list(out, l).unwrap();
}
fn list_markdown(out: &mut Vec<u8>, l: &Listing) {
    report::markdown::list(out, &l.for_people()).unwrap();
}
fn show_text(out: &mut Vec<u8>, d: &Detail) {
    report::text::show(out, d, &text_style()).unwrap();
}
fn show_json(out: &mut Vec<u8>, d: &Detail) {
    report::json::show(out, d).unwrap();
}
fn show_markdown(out: &mut Vec<u8>, d: &Detail) {
    report::markdown::show(out, d).unwrap();
}

/// One 200×50 frame of the explorer on `loaded`, its last contest selected and the detail
/// focused, in `view`.
fn bench_frame(bencher: Bencher, loaded: Loaded, view: View) {
    let mut app = App::new(loaded.sources.clone(), Theme { color: true }, 200, 50);
    app.update(Action::Loaded(std::sync::Arc::new(Data::new(loaded))));
    app.update(Action::Bottom);
    app.update(Action::ShowView(view));
    if view == View::Contests {
        app.update(Action::Confirm);
    }
    support::bench_frame(bencher, &app);
}

mod candidates {
    use super::*;

    #[divan::bench(args = CANDIDATES)]
    fn shares(bencher: Bencher, n: usize) {
        let ds = many_candidates(n);
        let c = &ds.contests[0];
        bencher.bench(|| {
            let shares = Shares::of(black_box(c));
            c.candidates
                .iter()
                .filter_map(|k| shares.share(k).percent())
                .sum::<f64>()
        });
    }

    /// The facts a contest is summed up by: winner, margin, turnout.
    #[divan::bench(args = CANDIDATES)]
    fn margins_and_facts(bencher: Bencher, n: usize) {
        let ds = many_candidates(n);
        bencher.bench(|| report::facts::facts(black_box(&ds), &ds.contests[0]).len());
    }

    #[divan::bench(args = CANDIDATES)]
    fn chart(bencher: Bencher, n: usize) {
        let ds = many_candidates(n);
        bencher.bench(|| report::facts::chart(black_box(&ds.contests[0])).len());
    }

    #[divan::bench(args = CANDIDATES)]
    fn candidate_rows(bencher: Bencher, n: usize) {
        let ds = many_candidates(n);
        bencher.bench(|| report::candidates::candidates(black_box(&ds), &ds.contests[0]).len());
    }

    #[divan::bench(args = CANDIDATES)]
    fn stages(bencher: Bencher, n: usize) {
        let ds = many_candidates(n);
        bencher.bench(|| report::selection::stages(black_box(&ds.contests[0])).len());
    }

    #[divan::bench(args = CANDIDATES)]
    fn nominations(bencher: Bencher, n: usize) {
        let ds = many_candidates(n);
        bencher.bench(|| report::selection::nominations(black_box(&ds.contests[0])).len());
    }

    #[divan::bench(args = CANDIDATES)]
    fn show_as_text(bencher: Bencher, n: usize) {
        bench_show(bencher, &loaded(many_candidates(n)), show_text);
    }

    #[divan::bench(args = CANDIDATES)]
    fn show_as_json(bencher: Bencher, n: usize) {
        bench_show(bencher, &loaded(many_candidates(n)), show_json);
    }

    #[divan::bench(args = CANDIDATES)]
    fn show_as_markdown(bencher: Bencher, n: usize) {
        bench_show(bencher, &loaded(many_candidates(n)), show_markdown);
    }

    #[divan::bench(args = CANDIDATES)]
    fn list_as_text(bencher: Bencher, n: usize) {
        bench_list(bencher, &loaded(many_candidates(n)), list_text);
    }

    #[divan::bench(args = CANDIDATES)]
    fn list_as_csv(bencher: Bencher, n: usize) {
        bench_list(bencher, &loaded(many_candidates(n)), list_csv);
    }

    #[divan::bench(args = CANDIDATES)]
    fn list_as_json(bencher: Bencher, n: usize) {
        bench_list(bencher, &loaded(many_candidates(n)), list_json);
    }

    #[divan::bench(args = CANDIDATES)]
    fn list_as_markdown(bencher: Bencher, n: usize) {
        bench_list(bencher, &loaded(many_candidates(n)), list_markdown);
    }

    /// The explorer's detail pane (candidates table and chart) of the contest.
    #[divan::bench(args = CANDIDATES)]
    fn explorer_detail_frame(bencher: Bencher, n: usize) {
        bench_frame(bencher, loaded(many_candidates(n)), View::Contests);
    }
}

mod rounds {
    use super::*;

    #[divan::bench(args = ROUNDS)]
    fn rounds_table(bencher: Bencher, n: usize) {
        let ds = many_rounds(n);
        bencher.bench(|| report::rounds::table(black_box(&ds.contests[0])));
    }

    /// The rounds as text lines (`show`'s account of the count).
    #[divan::bench(args = ROUNDS)]
    fn rounds_text(bencher: Bencher, n: usize) {
        let ds = many_rounds(n);
        bencher.bench(|| report::rounds::lines(black_box(&ds.contests[0])).len());
    }

    #[divan::bench(args = ROUNDS)]
    fn rounds_records(bencher: Bencher, n: usize) {
        let ds = many_rounds(n);
        bencher.bench(|| report::round_records::records(black_box(&ds.contests[0])).len());
    }

    #[divan::bench(args = ROUNDS)]
    fn count_summary(bencher: Bencher, n: usize) {
        let ds = many_rounds(n);
        bencher.bench(|| report::count_summary::seats_filled(black_box(&ds.contests[0])).len());
    }

    /// `show --format csv`: every round.
    #[divan::bench(args = ROUNDS)]
    fn rounds_csv(bencher: Bencher, n: usize) {
        let ds = many_rounds(n);
        bencher.bench(|| {
            let mut out = Vec::new();
            report::csv::rounds(&mut out, black_box(&ds.contests[0]), TextCells::FormulaSafe)
                .unwrap();
            out.len()
        });
    }

    #[divan::bench(args = ROUNDS)]
    fn show_as_text(bencher: Bencher, n: usize) {
        bench_show(bencher, &loaded(many_rounds(n)), show_text);
    }

    #[divan::bench(args = ROUNDS)]
    fn show_as_json(bencher: Bencher, n: usize) {
        bench_show(bencher, &loaded(many_rounds(n)), show_json);
    }

    #[divan::bench(args = ROUNDS)]
    fn show_as_markdown(bencher: Bencher, n: usize) {
        bench_show(bencher, &loaded(many_rounds(n)), show_markdown);
    }

    #[divan::bench(args = ROUNDS)]
    fn explorer_detail_frame(bencher: Bencher, n: usize) {
        bench_frame(bencher, loaded(many_rounds(n)), View::Contests);
    }

    /// The explorer's rounds view (at the first round).
    #[divan::bench(args = ROUNDS)]
    fn explorer_rounds_frame(bencher: Bencher, n: usize) {
        bench_frame(bencher, loaded(many_rounds(n)), View::Rounds);
    }
}

mod contests {
    use super::*;

    /// The seats and parties of the dataset (model::change).
    #[divan::bench(args = CONTESTS, sample_count = 20)]
    fn changes(bencher: Bencher, n: usize) {
        let ds = many_contests(n);
        bencher.bench(|| Changes::build(black_box(&ds)));
    }

    /// The change section of the last contest (report::change).
    #[divan::bench(args = CONTESTS, sample_count = 20)]
    fn change_section(bencher: Bencher, n: usize) {
        let l = loaded(many_contests(n));
        let d = detail(&l);
        bencher.bench(|| report::change::for_detail(black_box(&d)));
    }

    #[divan::bench(args = CONTESTS, sample_count = 20)]
    fn list_as_text(bencher: Bencher, n: usize) {
        bench_list(bencher, &loaded(many_contests(n)), list_text);
    }

    #[divan::bench(args = CONTESTS, sample_count = 20)]
    fn list_as_csv(bencher: Bencher, n: usize) {
        bench_list(bencher, &loaded(many_contests(n)), list_csv);
    }

    #[divan::bench(args = CONTESTS, sample_count = 20)]
    fn list_as_json(bencher: Bencher, n: usize) {
        bench_list(bencher, &loaded(many_contests(n)), list_json);
    }

    #[divan::bench(args = CONTESTS, sample_count = 20)]
    fn list_as_markdown(bencher: Bencher, n: usize) {
        bench_list(bencher, &loaded(many_contests(n)), list_markdown);
    }

    /// One contest in full: its change since the seat's previous contest looks at the others.
    #[divan::bench(args = CONTESTS, sample_count = 20)]
    fn show_as_text(bencher: Bencher, n: usize) {
        bench_show(bencher, &loaded(many_contests(n)), show_text);
    }

    #[divan::bench(args = CONTESTS, sample_count = 20)]
    fn show_as_json(bencher: Bencher, n: usize) {
        bench_show(bencher, &loaded(many_contests(n)), show_json);
    }

    #[divan::bench(args = CONTESTS, sample_count = 20)]
    fn show_as_markdown(bencher: Bencher, n: usize) {
        bench_show(bencher, &loaded(many_contests(n)), show_markdown);
    }

    #[divan::bench(args = CONTESTS, sample_count = 20)]
    fn explorer_frame(bencher: Bencher, n: usize) {
        bench_frame(bencher, loaded(many_contests(n)), View::Contests);
    }
}
