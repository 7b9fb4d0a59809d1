//! Everything the explorer's scoreboard shows, in one value: the same records `stats --by
//! faction`, `--by region` and `--by party` print, so the two always agree.

use super::{FactionRecord, GroupRecord, PartyRecord, Totals, by_faction, by_party, by_region};
use super::{seat_totals, totals};
use crate::model::Dataset;

/// Wins per faction and region, decided and pending counts, and seats per party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scoreboard {
    /// Over all the contests given.
    pub totals: Totals,
    pub factions: Vec<FactionRecord>,
    pub regions: Vec<GroupRecord<Option<String>>>,
    /// Over the general elections and by-elections among them.
    pub seats: Totals,
    pub parties: Vec<PartyRecord>,
}

/// The scoreboard of the contests at `rows`.
pub fn scoreboard(dataset: &Dataset, rows: &[usize]) -> Scoreboard {
    Scoreboard {
        totals: totals(dataset, rows),
        factions: by_faction(dataset, rows),
        regions: by_region(dataset, rows),
        seats: seat_totals(dataset, rows),
        parties: by_party(dataset, rows),
    }
}
