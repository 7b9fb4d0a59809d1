//! How many of the contests a tally counts rest on a value the data marks inferred: a win
//! whose winner's faction is inferred, a contest placed in an inferred region, a result on an
//! inferred date. `stats` and the scoreboard say so under their tables.

use crate::model::{Contest, Dataset, Status};

/// Counted contests resting on inferred values, over some rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InferredCounts {
    /// Per faction (`None`: no known faction) with a decided result: (faction, wins resting
    /// on an inferred faction, wins, losses resting on one, losses), in first-seen order.
    pub factions: Vec<FactionInferred>,
    /// Contests with a region, and how many of those regions are inferred.
    pub with_region: usize,
    pub region_inferred: usize,
    /// Dated contests, and how many of those dates are inferred.
    pub dated: usize,
    pub date_inferred: usize,
}

/// One faction's decided record and the part of it resting on an inferred faction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactionInferred {
    pub faction: Option<String>,
    pub won: usize,
    pub won_inferred: usize,
    pub lost: usize,
    pub lost_inferred: usize,
}

/// Whether candidate `i`'s faction in `c` is marked inferred.
fn faction_inferred(c: &Contest, i: usize) -> bool {
    !c.inferred.is_empty() && c.is_inferred(&format!("candidates[{i}].faction"))
}

/// The inferred values under the contests at `rows` (indices into `dataset.contests`).
/// Factions are counted as `stats --by faction` counts them: once per contest a faction
/// stands in, won when one of its candidates is elected.
pub fn inferred_counts(dataset: &Dataset, rows: &[usize]) -> InferredCounts {
    let mut out = InferredCounts::default();
    for &row in rows {
        let c = &dataset.contests[row];
        if c.region.is_some() {
            out.with_region += 1;
            out.region_inferred += usize::from(c.is_inferred("region"));
        }
        if c.date.is_some() {
            out.dated += 1;
            out.date_inferred += usize::from(c.is_inferred("date"));
        }
        if c.status != Status::Decided {
            continue;
        }
        // Each faction standing here, once: whether it won, and whether that rests on an
        // inferred faction (of its winner, or of everyone it stood with when it lost).
        let known = |k: &crate::model::Candidate| {
            k.faction.clone().filter(|f| dataset.faction(f).is_some())
        };
        let mut seen: Vec<Option<String>> = Vec::new();
        for k in &c.candidates {
            let faction = known(k);
            if seen.contains(&faction) {
                continue;
            }
            seen.push(faction.clone());
            let members: Vec<usize> = (0..c.candidates.len())
                .filter(|&j| known(&c.candidates[j]) == faction)
                .collect();
            let winners: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&j| c.candidates[j].elected)
                .collect();
            let won = !winners.is_empty();
            let inferred = if won {
                winners.iter().all(|&j| faction_inferred(c, j))
            } else {
                members.iter().all(|&j| faction_inferred(c, j))
            };
            if !out.factions.iter().any(|r| r.faction == faction) {
                out.factions.push(FactionInferred {
                    faction: faction.clone(),
                    won: 0,
                    won_inferred: 0,
                    lost: 0,
                    lost_inferred: 0,
                });
            }
            let Some(record) = out.factions.iter_mut().find(|r| r.faction == faction) else {
                continue;
            };
            if won {
                record.won += 1;
                record.won_inferred += usize::from(inferred);
            } else {
                record.lost += 1;
                record.lost_inferred += usize::from(inferred);
            }
        }
    }
    out
}
