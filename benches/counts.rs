//! The rounds view on a synthetic count of 1,000 candidates over 999 rounds (one eliminated a
//! round, transfers and inactive ballots each round): one round's view, the table of every
//! candidate across every round (built once per contest), and one frame of the view.
//!
//!     cargo bench --bench counts

// In a benchmark, an unwrap is an assertion: a failure should stop it loudly.
#![allow(clippy::unwrap_used)]

use divan::{Bencher, black_box};
use hustings::explorer::action::Action;
use hustings::explorer::app::{App, Data, View};
use hustings::explorer::theme::Theme;
use hustings::explorer::ui;
use hustings::load::Loaded;
use hustings::model::tally::Tally;
use hustings::model::{
    Candidate, Contest, ContestKind, Dataset, Inactive, Round, RoundCount, SCHEMA_VERSION, Status,
    Transfer,
};
use hustings::report::rounds;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use thin_vec::ThinVec;

fn main() {
    divan::main();
}

const CANDIDATES: usize = 1_000;

/// Candidate `k` starts with `k + 1` thousand votes; the weakest goes each round, its votes
/// split between the two strongest with a tenth set aside.
fn count() -> Contest {
    let names: Vec<String> = (0..CANDIDATES)
        .map(|k| format!("Candidate {k:04}"))
        .collect();
    let mut votes: Vec<(usize, u64)> = (0..CANDIDATES)
        .map(|k| (k, (k as u64 + 1) * 1000))
        .collect();
    let mut rounds = Vec::new();
    let mut exhausted = 0u64;
    while votes.len() > 1 {
        votes.sort_by_key(|v| std::cmp::Reverse(v.1));
        let counts = votes
            .iter()
            .map(|&(k, v)| RoundCount {
                candidate: names[k].clone().into(),
                votes: Tally::whole_number(v),
            })
            .collect();
        let (out, had) = votes.pop().unwrap();
        let set_aside = had / 10;
        let to_first = (had - set_aside) / 2;
        let to_second = had - set_aside - to_first;
        let transfers = if votes.len() >= 2 {
            vec![
                Transfer {
                    from: names[out].clone().into(),
                    to: names[votes[0].0].clone().into(),
                    votes: Tally::whole_number(to_first),
                },
                Transfer {
                    from: names[out].clone().into(),
                    to: names[votes[1].0].clone().into(),
                    votes: Tally::whole_number(to_second),
                },
            ]
        } else {
            Vec::new()
        };
        rounds.push(Round {
            counts,
            elected: Vec::new(),
            eliminated: vec![names[out].clone().into()],
            transfers,
            exhausted: None,
            set_aside: Vec::new(),
            threshold: None,
            inactive: vec![Inactive {
                reason: "exhausted".into(),
                ballots: Tally::whole_number(exhausted),
            }],
        });
        exhausted += set_aside;
        votes[0].1 += to_first;
        if votes.len() > 1 {
            votes[1].1 += to_second;
        }
    }
    let candidates = names
        .iter()
        .enumerate()
        .map(|(k, name)| Candidate {
            votes: Some((k as u64 + 1) * 1000),
            elected: k == votes[0].0,
            ..Candidate::new(name.as_str())
        })
        .collect();
    Contest {
        id: "big-count".into(),
        kind: ContestKind::Leadership,
        title: "A count of a thousand candidates".into(),
        party: None,
        constituency: None,
        constituency_id: None,
        region: None,
        date: None,
        status: Status::Decided,
        status_as_of: None,
        method: None,
        ballots: None,
        candidates,
        seats: None,
        date_bounds: None,
        stages: ThinVec::new(),
        nominations: ThinVec::new(),
        nomination_routes: ThinVec::new(),
        inferred: ThinVec::new(),
        rounds: rounds.into(),
        majority: None,
        swing: None,
        result: None,
        previous_holder: None,
        defection: None,
        seat_majority: None,
        sources: Vec::new(),
        notes: None,
    }
}

/// One round's view (each ← / → in the rounds view).
#[divan::bench(sample_count = 20)]
fn one_round(bencher: Bencher) {
    let c = count();
    assert_eq!(c.rounds.len(), 999);
    bencher.bench(|| rounds::round(black_box(&c), black_box(500)));
}

/// The table of every candidate across every round (once per contest selected).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn whole_table(bencher: Bencher) {
    let c = count();
    bencher.bench(|| rounds::table(black_box(&c)));
}

/// One 200×50 frame of the rounds view, at round 500.
#[divan::bench(sample_count = 20)]
fn frame_rounds(bencher: Bencher) {
    let dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        title: None,
        regions: Vec::new(),
        factions: Vec::new(),
        contests: vec![count()],
    };
    let loaded = Loaded {
        warnings: hustings::load::integrity::warnings(&dataset),
        dataset,
        sources: vec!["count.json".into()],
        titles: Vec::new(),
        conflicts: Vec::new(),
        notes: Vec::new(),
        versions: hustings::load::Versions::default(),
        derived: hustings::load::Derived::default(),
    };
    let mut app = App::new(loaded.sources.clone(), Theme { color: true }, 200, 50);
    app.update(Action::Loaded(std::sync::Arc::new(Data::new(loaded))));
    app.update(Action::ShowView(View::Rounds));
    for _ in 0..500 {
        app.update(Action::StepRound(1));
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    bencher.bench_local(|| {
        terminal
            .draw(|frame| {
                ui::render(frame, &app);
            })
            .unwrap();
    });
}
