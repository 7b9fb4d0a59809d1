//! Finding a contest by the id a user typed, and suggesting the closest ids when it is not there.

use std::fmt;

use crate::model::Dataset;

/// At most this many suggestions.
const MAX_SUGGESTIONS: usize = 3;
/// Ids less similar than this (0–1, Jaro–Winkler) are not suggested.
const MIN_SIMILARITY: f64 = 0.75;

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

/// The ids most like `given`: those containing it as a whole first, then by similarity.
pub fn closest<'a>(given: &str, ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    let given = given.trim().to_lowercase();
    let mut scored: Vec<(f64, &str)> = ids
        .filter_map(|id| {
            let lower = id.to_lowercase();
            let contains = !given.is_empty() && lower.contains(&given);
            let score = strsim::jaro_winkler(&given, &lower) + if contains { 1.0 } else { 0.0 };
            (score >= MIN_SIMILARITY).then_some((score, id))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, id)| id.to_string())
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
