//! Finding a contest by the id a user typed, and suggesting the closest ids when it is not there.

use std::fmt;

use crate::load::suggest::closest;
use crate::model::Dataset;

/// No contest has the id given.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct UnknownContest {
    pub given: String,
    /// The closest ids, best first; may be empty.
    pub suggestions: Vec<String>,
}

impl fmt::Display for UnknownContest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown contest \"{}\"", self.given)?;
        match self.suggestions.as_slice() {
            [] => write!(f, "; `hustings list` shows every contest's id"),
            [one] => write!(f, "; did you mean {one}?"),
            many => write!(f, "; did you mean one of {}?", many.join(", ")),
        }
    }
}

/// The index of the contest with id `given` (ignoring case and surrounding spaces).
pub fn contest(dataset: &Dataset, given: &str) -> Result<usize, UnknownContest> {
    let wanted = given.trim().to_lowercase();
    dataset
        .contests
        .iter()
        .position(|c| c.id.to_lowercase() == wanted)
        .ok_or_else(|| UnknownContest {
            given: given.to_string(),
            suggestions: closest(&wanted, dataset.contests.iter().map(|c| c.id.as_str())),
        })
}

/// The dataset positions of the contests with these ids, in the order given; ids no longer
/// in the data (after a reload) are skipped.
pub fn positions(dataset: &Dataset, ids: &[String]) -> Vec<usize> {
    ids.iter()
        .filter_map(|id| dataset.contests.iter().position(|c| c.id == id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{DataSource, load};

    fn seed() -> Dataset {
        load(&[DataSource::Embedded]).unwrap().dataset
    }

    #[test]
    fn finds_ids_in_any_case() {
        let ds = seed();
        let i = contest(&ds, " Stockport-Selection-2019 ").unwrap();
        assert_eq!(ds.contests[i].id, "stockport-selection-2019");
    }

    #[test]
    fn suggests_the_closest_ids() {
        let ds = seed();
        let err = contest(&ds, "stockport-selection-2020").unwrap_err();
        assert_eq!(err.suggestions[0], "stockport-selection-2019");
        assert!(
            err.to_string()
                .starts_with("unknown contest \"stockport-selection-2020\"; did you mean")
        );
        let err = contest(&ds, "stockport").unwrap_err();
        assert_eq!(
            err.suggestions[..2],
            ["stockport-ge-2017", "stockport-selection-2019"]
        );
        let err = contest(&ds, "zzzz").unwrap_err();
        assert!(err.suggestions.is_empty());
        assert!(err.to_string().contains("hustings list"));
    }
}
