//! The footnotes under a tally (`stats`, the scoreboard) that say how many of the contests it
//! counts rest on a value the data marks inferred: "† 3 of Labour left / Momentum's 6 wins rest
//! on an inferred faction".

use crate::model::ContestKind;
use crate::model::Dataset;
use crate::report::words::{self, INFERRED_MARK, plural};
use crate::stats::inferred::InferredCounts;
use crate::stats::kinds::KindRecords;

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
        Groups::Faction(_) => {
            let mut notes = factions_by_kind(
                report.dataset,
                &crate::stats::kinds::factions_per_kind(report.dataset, report.index, report.rows),
            );
            let inferred = factions(report.dataset, &counts());
            if !notes.is_empty() && !inferred.is_empty() {
                notes.push(String::new());
            }
            notes.extend(inferred);
            notes
        }
        Groups::Region(_) => {
            let per_kind =
                crate::stats::kinds::factions_per_kind(report.dataset, report.index, report.rows);
            mixed_kinds(&per_kind)
                .into_iter()
                .chain(regions(&counts()))
                .collect()
        }
        Groups::Month(_) => dates(&counts()).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// `2 general elections`, `1 leadership election`, `14 selections`.
fn kinds_counted(kind: ContestKind, n: usize) -> String {
    let (one, many) = match kind {
        ContestKind::Selection => ("selection", "selections"),
        ContestKind::Leadership => ("leadership election", "leadership elections"),
        ContestKind::GeneralElection => ("general election", "general elections"),
        ContestKind::ByElection => ("by-election", "by-elections"),
        ContestKind::Other => ("other contest", "other contests"),
    };
    plural(n, one, many)
}

/// `Counted together: 14 selections, 1 leadership election, 2 general elections.`: said
/// whenever a tally mixes kinds of contest.
pub fn mixed_kinds(per_kind: &[KindRecords]) -> Option<String> {
    (per_kind.len() > 1).then(|| {
        let kinds: Vec<String> = per_kind
            .iter()
            .map(|k| kinds_counted(k.kind, k.contests))
            .collect();
        format!("Counted together: {}.", kinds.join(", "))
    })
}

/// Under a faction tally of mixed kinds: the line saying so, then each faction's record kind
/// by kind (`Labour left / Momentum: selections: won 6; general elections: lost 1`).
pub fn factions_by_kind(dataset: &Dataset, per_kind: &[KindRecords]) -> Vec<String> {
    let Some(mixed) = mixed_kinds(per_kind) else {
        return Vec::new();
    };
    let mut out = vec![mixed, "Each faction, kind by kind:".to_string()];
    let mut factions: Vec<Option<String>> = Vec::new();
    for record in per_kind.iter().flat_map(|k| &k.factions) {
        if !factions.contains(&record.faction) {
            factions.push(record.faction.clone());
        }
    }
    // Factions with a known name first, as the table lists them; no faction last.
    factions.sort_by_key(Option::is_none);
    for faction in &factions {
        let parts: Vec<String> = per_kind
            .iter()
            .filter_map(|k| {
                let r = k.factions.iter().find(|r| &r.faction == faction)?;
                let mut said = Vec::new();
                for (n, what) in [(r.won, "won"), (r.lost, "lost"), (r.pending, "pending")] {
                    if n > 0 {
                        said.push(format!("{what} {n}"));
                    }
                }
                let noun = kinds_counted(k.kind, 2);
                let noun = noun.trim_start_matches("2 ");
                Some(format!("{noun}: {}", said.join(", ")))
            })
            .collect();
        out.push(format!(
            "  {}: {}",
            words::faction_name(dataset, faction.as_deref()),
            parts.join("; ")
        ));
    }
    out
}
