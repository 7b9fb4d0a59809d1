//! A loaded dataset together with everything the explorer precomputes from it, built off the
//! UI thread so a large file never blocks a keystroke.

use std::fmt;
use std::sync::OnceLock;

use crate::load::Loaded;
use crate::load::integrity::Warning;
use crate::model::change::Changes;
use crate::model::{CandidateStatus, ContestKind, Dataset, StageKind};
use crate::query::{Index, NONE};
use crate::report::safe;
use crate::stats;

/// Data ready to browse: the loaded dataset, its query index and the counts pickers show.
pub struct Data {
    /// The data as shown: text cleaned for the terminal (see `report::safe`).
    pub loaded: Loaded,
    /// The data exactly as loaded, kept only when cleaning changed it: CSV exports carry the
    /// exact strings, as `list --format csv` does.
    pub exact: Option<Dataset>,
    pub index: Index,
    /// The seats and party identities of the dataset, built once per load: the change since a
    /// seat's previous contest is asked of it for the contests on screen (`Changes::since`).
    pub changes: Changes,
    /// Contests per region, in catalogue order, then the contests with no region.
    pub region_counts: Vec<usize>,
    /// Contests won by each faction, in catalogue order, then those won by a candidate with
    /// no faction.
    pub faction_wins: Vec<usize>,
    /// Contests with at least one candidate of each faction, in catalogue order, then those
    /// with a candidate with no faction.
    pub faction_any: Vec<usize>,
    /// Every endorser, A→Z, with the contests where someone they endorsed stood.
    pub endorsers: Vec<(String, usize)>,
    /// Contests of each kind, in the order of `ContestKind::ALL`.
    pub kind_counts: [usize; ContestKind::ALL.len()],
    /// Contests that reached each stage, in the order of `StageKind::ALL`.
    pub stage_counts: [usize; StageKind::ALL.len()],
    /// Contests with a candidate of each status, in the order of `CandidateStatus::ALL`.
    pub status_counts: [usize; CandidateStatus::ALL.len()],
    /// Each contest's change as the list sorts by it (the winner's party's ± share; NaN when
    /// not known), worked out for every contest the first time the list is sorted so.
    change_keys: OnceLock<Box<[f32]>>,
}

impl fmt::Debug for Data {
    // The whole dataset would drown any debug output.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Data")
            .field("contests", &self.loaded.dataset.contests.len())
            .field("sources", &self.loaded.sources)
            .finish_non_exhaustive()
    }
}

impl Data {
    /// Indexes and counts a loaded dataset (linear in its size; call it off the UI thread).
    pub fn new(loaded: Loaded) -> Data {
        // Everything the explorer shows, copies or exports as Markdown is for people: cleaned
        // once here.
        let exact = (!safe::is_clean(&loaded)).then(|| loaded.dataset.clone());
        let loaded = safe::for_display(loaded);
        let ds = &loaded.dataset;
        // A contest several sources give is one row: the other versions are never listed.
        let index = Index::of(&loaded);
        let changes = Changes::build(ds);
        let facts = index.facts();
        // Counted from the index's interned ids (loaded data uses only the catalogue's).
        // The last slot of each is "none" (no region, no faction).
        let mut region_counts = vec![0; ds.regions.len() + 1];
        let mut faction_wins = vec![0; ds.factions.len() + 1];
        let mut faction_any = vec![0; ds.factions.len() + 1];
        let mut kind_counts = [0; ContestKind::ALL.len()];
        let mut seen = vec![false; ds.factions.len() + 1];
        for (i, contest) in facts.contests.iter().enumerate() {
            if !index.is_row(i) {
                continue;
            }
            if contest.region == NONE {
                region_counts[ds.regions.len()] += 1;
            } else if let Some(r) = facts.regions.catalogue_position(contest.region) {
                region_counts[r] += 1;
            }
            match facts.winner_faction(i) {
                Some(NONE) => faction_wins[ds.factions.len()] += 1,
                Some(f) => {
                    if let Some(f) = facts.factions.catalogue_position(f) {
                        faction_wins[f] += 1;
                    }
                }
                None => {}
            }
            seen.fill(false);
            for c in &facts.candidates[facts.candidates_of(i)] {
                if c.faction == NONE {
                    seen[ds.factions.len()] = true;
                } else if let Some(f) = facts.factions.catalogue_position(c.faction) {
                    seen[f] = true;
                }
            }
            for (count, hit) in faction_any.iter_mut().zip(&seen) {
                *count += usize::from(*hit);
            }
            if let Some(k) = ContestKind::ALL.iter().position(|k| *k == contest.kind) {
                kind_counts[k] += 1;
            }
        }
        let endorsers = stats::contests_per_endorser(&index);
        let mut stage_counts = [0; StageKind::ALL.len()];
        let mut status_counts = [0; CandidateStatus::ALL.len()];
        for (i, contest) in ds.contests.iter().enumerate() {
            if !index.is_row(i) {
                continue;
            }
            for (n, stage) in StageKind::ALL.iter().enumerate() {
                stage_counts[n] += usize::from(contest.stages.iter().any(|s| s.stage == *stage));
            }
            for (n, status) in CandidateStatus::ALL.iter().enumerate() {
                status_counts[n] +=
                    usize::from(contest.candidates.iter().any(|c| c.status == Some(*status)));
            }
        }
        Data {
            loaded,
            exact,
            index,
            changes,
            region_counts,
            faction_wins,
            faction_any,
            endorsers,
            kind_counts,
            stage_counts,
            status_counts,
            change_keys: OnceLock::new(),
        }
    }

    /// The data exactly as loaded (for CSV exports).
    pub fn exact_dataset(&self) -> &Dataset {
        self.exact.as_ref().unwrap_or(&self.loaded.dataset)
    }

    pub fn dataset(&self) -> &Dataset {
        &self.loaded.dataset
    }

    /// Works out ahead what the explorer would otherwise work out the first time it is asked,
    /// on the UI thread: the loading thread calls this once it has delivered the data. (The
    /// change of every contest takes over a second at 200k contests; a sort by change asked
    /// for meanwhile waits for it rather than doing it twice.)
    pub fn warm(&self) {
        self.change_keys();
    }

    fn change_keys(&self) -> &[f32] {
        self.change_keys
            .get_or_init(|| stats::change::change_keys(self.dataset(), &self.changes))
    }

    /// Sorts `rows` by the change since each seat's previous contest: the winner's party's ±
    /// share, the largest rise first (`reverse`: the largest fall first), contests with no
    /// change known last; stable, so rows tied keep their order.
    pub fn sort_by_change(&self, rows: &mut [usize], reverse: bool) {
        stats::change::sort_by_change(rows, self.change_keys(), reverse);
    }

    /// The integrity warnings of contest `i` (warnings are stored in contest order).
    pub fn warnings_for(&self, i: usize) -> &[Warning] {
        let w = &self.loaded.warnings;
        let start = w.partition_point(|x| x.contest < i);
        let end = w.partition_point(|x| x.contest <= i);
        &w[start..end]
    }
}
