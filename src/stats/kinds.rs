//! A tally over contests of several kinds, counted kind by kind: a faction's record in
//! selections apart from its record in general elections, so neither is read as the other.

use super::{FactionRecord, by_faction};
use crate::model::{ContestKind, Dataset};
use crate::query::Index;

/// The contests of one kind among those counted, and each faction's record in them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindRecords {
    pub kind: ContestKind,
    pub contests: usize,
    pub factions: Vec<FactionRecord>,
}

/// Each kind of contest among `rows`, in the order of `ContestKind::ALL`, with the faction
/// records `stats --by faction` gives for its contests alone; empty when all are of one kind
/// (the tally then needs no breakdown).
pub fn factions_per_kind(dataset: &Dataset, index: &Index, rows: &[usize]) -> Vec<KindRecords> {
    let per_kind: Vec<(ContestKind, Vec<usize>)> = ContestKind::ALL
        .iter()
        .map(|&kind| {
            let of_kind = rows
                .iter()
                .copied()
                .filter(|&i| dataset.contests[i].kind == kind)
                .collect();
            (kind, of_kind)
        })
        .filter(|(_, of_kind): &(ContestKind, Vec<usize>)| !of_kind.is_empty())
        .collect();
    if per_kind.len() < 2 {
        return Vec::new();
    }
    per_kind
        .into_iter()
        .map(|(kind, of_kind)| KindRecords {
            kind,
            contests: of_kind.len(),
            factions: by_faction(index, &of_kind),
        })
        .collect()
}
