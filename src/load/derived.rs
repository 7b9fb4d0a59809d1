//! What the load's own checks work out from a dataset and every front end needs again — the
//! seats (`Changes`) and whether all its contests' text can be shown as it is — kept with the
//! data, so a command or the explorer does not work it out a second time (at a million
//! contests, each is seconds).

use std::sync::OnceLock;

use crate::model::Dataset;
use crate::model::change::Changes;
use crate::model::strings;
use crate::side_by_side::both;

/// Facts of one dataset, each worked out when first asked for unless the load already had it.
/// They describe the dataset they were made with: a changed dataset needs a new `Derived`
/// (`Derived::default()`, which knows nothing yet).
#[derive(Debug, Clone, Default)]
pub struct Derived {
    changes: OnceLock<Changes>,
    /// Whether no string of any contest holds a character the display rule replaces.
    contests_clean: OnceLock<bool>,
}

impl Derived {
    /// What the load's checks found in `dataset`: its seats, if they were built, and whether
    /// its contests' text is all clean.
    pub(super) fn known(changes: Option<Changes>, contests_clean: bool) -> Derived {
        Derived {
            changes: changes.map(OnceLock::from).unwrap_or_default(),
            contests_clean: OnceLock::from(contests_clean),
        }
    }

    pub(super) fn changes(&self, dataset: &Dataset) -> &Changes {
        self.changes.get_or_init(|| Changes::build(dataset))
    }

    pub(super) fn take_changes(&mut self) -> Option<Changes> {
        self.changes.take()
    }

    pub(super) fn contests_clean(&self, dataset: &Dataset) -> bool {
        *self.contests_clean.get_or_init(|| {
            // A pass over every string of every contest: on two threads, each half.
            let (first, second) = dataset.contests.split_at(dataset.contests.len() / 2);
            let all_clean = |part: &[crate::model::Contest]| part.iter().all(strings::all_clean);
            let (first, second) = both(|| all_clean(first), || all_clean(second));
            first && second
        })
    }
}
