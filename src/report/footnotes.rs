//! The footnotes under a tally (`stats`, the scoreboard) that say how many of the contests it
//! counts rest on a value the data marks inferred: "† 3 of Labour left / Momentum's 6 wins rest
//! on an inferred faction".

use crate::model::Dataset;
use crate::report::words::{self, INFERRED_MARK, plural};
use crate::stats::inferred::InferredCounts;

/// `3 of 6 wins`, `the 1 loss`, `both losses`.
fn part(inferred: usize, of: usize, one: &str, many: &str) -> String {
    let noun = if of == 1 { one } else { many };
    if inferred == of {
        match of {
            1 => format!("its {of} {noun}"),
            2 => format!("both its {noun}"),
            _ => format!("all {of} of its {noun}"),
        }
    } else {
        format!("{inferred} of its {of} {noun}")
    }
}

/// One line per faction whose wins or losses rest on an inferred faction.
pub fn factions(dataset: &Dataset, counts: &InferredCounts) -> Vec<String> {
    counts
        .factions
        .iter()
        .filter(|r| r.won_inferred + r.lost_inferred > 0)
        .map(|r| {
            let name = words::faction_name(dataset, r.faction.as_deref());
            let mut parts = Vec::new();
            if r.won_inferred > 0 {
                parts.push(part(r.won_inferred, r.won, "win", "wins"));
            }
            if r.lost_inferred > 0 {
                parts.push(part(r.lost_inferred, r.lost, "loss", "losses"));
            }
            let verb = if r.won_inferred + r.lost_inferred == 1 {
                "rests"
            } else {
                "rest"
            };
            format!(
                "{INFERRED_MARK} {name}: {} {verb} on an inferred faction",
                parts.join(" and ")
            )
        })
        .collect()
}

/// `† 13 of the 16 contests with a region rest on an inferred region`.
pub fn regions(counts: &InferredCounts) -> Option<String> {
    (counts.region_inferred > 0).then(|| {
        format!(
            "{INFERRED_MARK} {} of the {} with a region {} on an inferred region",
            counts.region_inferred,
            plural(counts.with_region, "contest", "contests"),
            if counts.region_inferred == 1 {
                "rests"
            } else {
                "rest"
            }
        )
    })
}

/// `† 6 of the 9 dated contests rest on an inferred date`.
pub fn dates(counts: &InferredCounts) -> Option<String> {
    (counts.date_inferred > 0).then(|| {
        format!(
            "{INFERRED_MARK} {} of the {} dated {} on an inferred date",
            counts.date_inferred,
            counts.dated,
            if counts.date_inferred == 1 {
                "contest rests"
            } else {
                "contests rest"
            }
        )
    })
}

/// The footnotes under `stats` grouped as `report` is: per faction, region or month.
pub fn for_stats(report: &crate::report::StatsReport) -> Vec<String> {
    use crate::stats::Groups;
    let counts = || crate::stats::inferred::inferred_counts(report.dataset, report.rows);
    match &report.groups {
        Groups::Faction(_) => factions(report.dataset, &counts()),
        Groups::Region(_) => regions(&counts()).into_iter().collect(),
        Groups::Month(_) => dates(&counts()).into_iter().collect(),
        _ => Vec::new(),
    }
}
