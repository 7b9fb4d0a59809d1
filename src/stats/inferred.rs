//! How many of the contests a tally counts rest on a value the data marks inferred: a win
//! whose winner's faction is inferred, a contest placed in an inferred region, a result on an
//! inferred date. `stats` and the scoreboard say so under their tables.

use foldhash::HashMap;

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
    // Each catalogue faction by id (the first of an id, as `Dataset::faction` finds it); the
    // slot after them is "no known faction".
    let none = dataset.factions.len();
    let mut slot_of_id: HashMap<&str, usize> = HashMap::default();
    for (slot, f) in dataset.factions.iter().enumerate() {
        slot_of_id.entry(f.id.as_str()).or_insert(slot);
    }
    // Where each slot's record is in `out.factions` (first-seen order), and the last row
    // that counted it (each faction once per contest).
    let mut record_of: Vec<Option<usize>> = vec![None; none + 1];
    let mut counted_in: Vec<usize> = vec![usize::MAX; none + 1];
    let mut slots: Vec<usize> = Vec::new();
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
        slots.clear();
        slots.extend(c.candidates.iter().map(|k| {
            (k.faction.as_deref())
                .and_then(|f| slot_of_id.get(f).copied())
                .unwrap_or(none)
        }));
        // Each faction standing here, once: whether it won, and whether that rests on an
        // inferred faction (of its winner, or of everyone it stood with when it lost).
        let slots = &slots;
        for &slot in slots {
            if counted_in[slot] == row {
                continue;
            }
            counted_in[slot] = row;
            let members = || (0..slots.len()).filter(move |&j| slots[j] == slot);
            let won = members().any(|j| c.candidates[j].elected);
            let inferred = !c.inferred.is_empty()
                && if won {
                    members()
                        .filter(|&j| c.candidates[j].elected)
                        .all(|j| faction_inferred(c, j))
                } else {
                    members().all(|j| faction_inferred(c, j))
                };
            let at = *record_of[slot].get_or_insert_with(|| {
                out.factions.push(FactionInferred {
                    faction: (slot != none)
                        .then(|| dataset.factions[slot].id.clone())
                        .map(Into::into),
                    won: 0,
                    won_inferred: 0,
                    lost: 0,
                    lost_inferred: 0,
                });
                out.factions.len() - 1
            });
            let record = &mut out.factions[at];
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
