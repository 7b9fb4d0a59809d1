//! A seat of the map in words — its name, the winner, their share, the margin and what its
//! colour stands for — the one wording of the explorer's seat line and the SVG's tooltips.

use crate::map::{Fill, Picture};
use crate::model::Dataset;
use crate::model::arithmetic::{self, Shares};
use crate::report::words;

/// `Stockport: Navendu Mishra (Labour) 52.0% · margin 21.3 pts · Lab`; a seat with no
/// contest says so, one the filters leave out says that too.
pub fn describe(picture: &Picture, dataset: &Dataset, hex: usize) -> String {
    let Some(seat) = picture.map.hexes.get(hex) else {
        return String::new();
    };
    let Some(shown) = picture.placement.shown.get(hex).copied().flatten() else {
        return format!("{}: no contest", seat.name);
    };
    let contest = &dataset.contests[shown.contest];
    let mut parts = vec![];
    match arithmetic::winner(contest) {
        Some(w) => {
            let party = w.party.as_deref().unwrap_or("no party");
            let share = words::share(&Shares::of(contest).share(w));
            parts.push(format!("{} ({party}) {share}", w.name));
        }
        None => parts.push(words::status(contest.status).to_string()),
    }
    if let Some(m) = arithmetic::margin_points(contest) {
        parts.push(format!("margin {m:.1} pts"));
    }
    if let Some(value) = picture.coloured.values.get(hex).filter(|v| !v.is_empty()) {
        parts.push(value.clone());
    }
    let left_out = if matches!(
        picture.coloured.fills.get(hex),
        Some(Fill::Class { dim: true, .. })
    ) {
        " (left out by the filters)"
    } else {
        ""
    };
    format!("{}: {}{left_out}", seat.name, parts.join(" · "))
}
