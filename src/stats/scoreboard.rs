//! Everything the explorer's scoreboard shows, in one value: the same records `stats --by
//! faction`, `--by region` and `--by party` print, so the two always agree.

use super::party::{parties, seat_totals_of};
use super::{FactionRecord, GroupRecord, PartyRecord, Totals, Visit, factions, regions, totals_of};
use crate::query::Index;

/// Wins per faction and region, decided and pending counts, and seats per party.
#[derive(Debug, Clone, PartialEq)]
pub struct Scoreboard {
    /// Over all the contests given.
    pub totals: Totals,
    pub factions: Vec<FactionRecord>,
    pub regions: Vec<GroupRecord<Option<String>>>,
    /// Over the general elections and by-elections among them.
    pub seats: Totals,
    pub parties: Vec<PartyRecord>,
    /// The date of the one general election the seats are, if they are one and the caller
    /// said so (`stats::one_general_election`; the index alone cannot tell): the seats strip.
    pub election: Option<crate::model::date::PartialDate>,
    /// How many of the counted contests rest on an inferred value (`stats::inferred`; the
    /// caller fills it in, as the index holds no inferred marks).
    pub inferred: super::inferred::InferredCounts,
    /// The faction records kind by kind when the contests are of several kinds
    /// (`stats::kinds`; the caller fills it in, as the index holds no kinds).
    pub kinds: Vec<super::kinds::KindRecords>,
}

/// The scoreboard of the contests at `rows`.
pub fn scoreboard(index: &Index, rows: &[usize]) -> Scoreboard {
    // One visit for all five aggregates.
    let visit = Visit::new(index, rows);
    Scoreboard {
        totals: totals_of(&visit, |_| true),
        factions: factions(&visit),
        regions: regions(&visit),
        seats: seat_totals_of(&visit),
        parties: parties(&visit),
        election: None,
        inferred: super::inferred::InferredCounts::default(),
        kinds: Vec::new(),
    }
}
