//! Orders for the endorsement record, as the explorer cycles through them.

use std::cmp::{Ordering, Reverse};

use super::EndorserRecord;

/// What to order endorsers by. Each has a natural direction (most first, A→Z); reversing
/// flips it, but endorsers with no decided candidate (no win rate) stay last by rate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EndorserSort {
    /// Most candidates elected first (the order of `stats --by endorser`).
    #[default]
    Won,
    /// Most candidates backed first.
    Endorsed,
    /// Highest share of decided candidates elected first.
    WinRate,
    /// A to Z, ignoring case.
    Name,
}

impl EndorserSort {
    pub const ALL: [EndorserSort; 4] = [
        EndorserSort::Won,
        EndorserSort::Endorsed,
        EndorserSort::WinRate,
        EndorserSort::Name,
    ];

    /// A short name for the screen.
    pub fn as_str(self) -> &'static str {
        match self {
            EndorserSort::Won => "won",
            EndorserSort::Endorsed => "backed",
            EndorserSort::WinRate => "win rate",
            EndorserSort::Name => "name",
        }
    }

    /// The order after this one when cycling.
    #[must_use]
    pub fn next(self) -> EndorserSort {
        let i = Self::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// Sorts `records` by `sort` (reversed when asked); ties keep the `stats --by endorser` order
/// (most won, most endorsed, name, endorsements before nominations), so sorting is stable
/// from any starting order.
pub fn sort_endorsers(records: &mut [EndorserRecord], sort: EndorserSort, reverse: bool) {
    let base = |r: &EndorserRecord| {
        (
            Reverse(r.won),
            Reverse(r.endorsed),
            r.name.to_lowercase(),
            r.backing,
        )
    };
    records.sort_by(|a, b| {
        let primary = match sort {
            EndorserSort::Won => b.won.cmp(&a.won),
            EndorserSort::Endorsed => b.endorsed.cmp(&a.endorsed),
            EndorserSort::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            EndorserSort::WinRate => match (a.win_rate(), b.win_rate()) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
        };
        let primary = if reverse { primary.reverse() } else { primary };
        primary.then_with(|| base(a).cmp(&base(b)))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(name: &str, endorsed: usize, won: usize, lost: usize) -> EndorserRecord {
        EndorserRecord {
            name: name.into(),
            backing: super::super::Backing::Endorsement,
            endorsed,
            won,
            lost,
            pending: endorsed - won - lost,
        }
    }

    fn names(records: &[EndorserRecord]) -> Vec<&str> {
        records.iter().map(|r| r.name.as_str()).collect()
    }

    #[test]
    fn each_order_and_its_reverse() {
        let mut r = vec![
            record("unite", 3, 1, 2),
            record("GMB", 2, 2, 0),
            record("Pending only", 4, 0, 0),
            record("Aslef", 1, 1, 0),
        ];
        sort_endorsers(&mut r, EndorserSort::Won, false);
        assert_eq!(names(&r), ["GMB", "unite", "Aslef", "Pending only"]);
        sort_endorsers(&mut r, EndorserSort::Endorsed, false);
        assert_eq!(names(&r), ["Pending only", "unite", "GMB", "Aslef"]);
        sort_endorsers(&mut r, EndorserSort::WinRate, false);
        assert_eq!(names(&r), ["GMB", "Aslef", "unite", "Pending only"]);
        // Reversed, the unknown rate still comes last.
        sort_endorsers(&mut r, EndorserSort::WinRate, true);
        assert_eq!(names(&r), ["unite", "GMB", "Aslef", "Pending only"]);
        sort_endorsers(&mut r, EndorserSort::Name, false);
        assert_eq!(names(&r), ["Aslef", "GMB", "Pending only", "unite"]);
        sort_endorsers(&mut r, EndorserSort::Name, true);
        assert_eq!(names(&r), ["unite", "Pending only", "GMB", "Aslef"]);
        assert_eq!(EndorserSort::Name.next(), EndorserSort::Won);
    }
}
