//! A loaded dataset together with everything the explorer precomputes from it, built off the
//! UI thread so a large file never blocks a keystroke.

use std::fmt;
use std::sync::OnceLock;

use crate::load::Loaded;
use crate::load::integrity::Warning;
use crate::model::change::Changes;
use crate::model::{CandidateStatus, ContestKind, Dataset, StageKind};
use crate::query::{Index, NONE, Query, Sort, SortKey};
use crate::report::safe;
use crate::side_by_side::both;
use crate::stats;
use crate::stats::Scoreboard;
use crate::stats::change::ChangeMatrix;

/// Data ready to browse: the loaded dataset, its query index and the counts pickers show.
pub struct Data {
    /// The data as shown: text cleaned for the terminal (see `report::safe`).
    pub loaded: Loaded,
    /// What cleaning for display changed, as loaded (none when nothing needed it): CSV exports
    /// carry the exact strings, as `list --format csv` does.
    pub exact: Option<safe::Replaced>,
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
    /// Whether some contest's region is inferred (the list's region column then keeps room
    /// for the mark): known here, not looked for in every contest at every frame.
    pub some_region_inferred: bool,
    /// Each contest's change as the list sorts by it (the winner's party's ± share; NaN when
    /// not known), worked out for every contest the first time the list is sorted so.
    change_keys: OnceLock<Box<[f32]>>,
    /// Every row in the order the list sorts by change, the largest rise first and (second)
    /// the largest fall first, ties by date as the list breaks them: the rows of a query
    /// sorted by change are picked out of it, as the index's own orders are.
    change_orders: [OnceLock<Box<[u32]>>; 2],
    /// The rows the list starts with (the command line's query), and their scoreboard and
    /// changes matrix (views 2 and 8), worked out once the data is delivered, like
    /// `change_keys`. The views depend on the rows' order (a party is named as first met).
    first_rows: OnceLock<Vec<usize>>,
    first_board: OnceLock<Scoreboard>,
    first_matrix: OnceLock<ChangeMatrix>,
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

/// The most contests [`Data::first_listed`] tests for a search's first screenful: a few
/// milliseconds' work at a million contests, against tens for a pass over all the text.
const FIRST_ROWS_TESTED: usize = 20_000;

impl Data {
    /// Indexes and counts a loaded dataset (linear in its size; call it off the UI thread).
    pub fn new(loaded: Loaded) -> Data {
        // Everything the explorer shows, copies or exports as Markdown is for people: cleaned
        // once here.
        let (mut loaded, exact) = safe::for_display_keeping_exact(loaded);
        // The load's seats, unless cleaning changed the names they hold. A contest several
        // sources give is one row: the other versions are never listed. Independent, and
        // each a good part of the work: side by side.
        let built = loaded.take_built_changes();
        let ds = &loaded.dataset;
        let (index, changes) = both(
            || Index::of(&loaded),
            || built.unwrap_or_else(|| Changes::build(ds)),
        );
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
        let some_region_inferred = ds.contests.iter().any(|c| c.is_inferred("region"));
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
                status_counts[n] += usize::from(
                    contest
                        .candidates
                        .iter()
                        .any(|c| c.status() == Some(*status)),
                );
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
            some_region_inferred,
            change_keys: OnceLock::new(),
            change_orders: [OnceLock::new(), OnceLock::new()],
            first_rows: OnceLock::new(),
            first_board: OnceLock::new(),
            first_matrix: OnceLock::new(),
        }
    }

    pub fn dataset(&self) -> &Dataset {
        &self.loaded.dataset
    }

    /// Works out ahead what the explorer would otherwise work out the first time it is asked,
    /// on the UI thread: the loading thread calls this once it has delivered the data, with
    /// the query the list starts with. (The change of every contest takes over a second at
    /// 200k contests; the UI asking meanwhile waits for it rather than doing it twice.)
    pub fn warm(&self, query: &Query) {
        self.change_keys();
        // The first sort by each key asked for is then a pass, not a sort of every contest.
        self.index.warm_orders(false);
        let rows = self.first_rows.get_or_init(|| self.list(query, false));
        self.first_board.get_or_init(|| self.scoreboard_of(rows));
        self.first_matrix
            .get_or_init(|| stats::change::change_matrix(self.dataset(), &self.changes, rows));
        self.index.warm_orders(true);
        for reverse in [false, true] {
            self.change_order(reverse);
        }
    }

    /// The rows `query` lists, in its order (`by_change`: sorted by the change instead).
    pub fn list(&self, query: &Query, by_change: bool) -> Vec<usize> {
        let mut rows = self.index.run(query);
        if by_change {
            self.order_by_change(&mut rows, query);
        }
        rows
    }

    /// The first `n` rows `query` lists (`by_change`: sorted by the change instead), exactly
    /// as [`Data::list`] begins, if they can be had at once: the list's order is made already
    /// and `n` rows are found among its first contests ([`Index::first_in_order`]).
    pub fn first_listed(&self, query: &Query, by_change: bool, n: usize) -> Option<Vec<usize>> {
        // The change order breaks ties by date; sorted by another key, the ties are in that
        // key's order, which no whole-dataset order holds.
        if n == 0 || by_change && query.sort.key != SortKey::Date {
            return None;
        }
        let order: &[u32] = if by_change {
            self.change_orders[usize::from(query.sort.reverse)].get()?
        } else {
            self.index.made_order(query.sort)?
        };
        self.index
            .first_in_order(&query.filter, order, n, FIRST_ROWS_TESTED)
    }

    /// `rows`, the rows of `query`'s filter in some order, put in the order `query` (and
    /// `by_change`) lists them, as [`Data::list`] would, without running the filter again.
    pub fn resort(&self, rows: &mut [usize], query: &Query, by_change: bool) {
        self.index.resort(rows, query.sort);
        if by_change {
            self.order_by_change(rows, query);
        }
    }

    /// Whether `rows` are the rows the list started with (whose views `warm` works out).
    fn is_first(&self, rows: &[usize]) -> bool {
        self.first_rows.get().is_some_and(|first| first == rows)
    }

    /// The scoreboard of `rows` (view 2).
    pub fn scoreboard(&self, rows: &[usize]) -> Scoreboard {
        if self.is_first(rows) {
            return (self.first_board)
                .get_or_init(|| self.scoreboard_of(rows))
                .clone();
        }
        self.scoreboard_of(rows)
    }

    /// The scoreboard of `rows` if it is worked out already (the first rows', once `warm` has
    /// done them), without waiting.
    pub fn scoreboard_if_ready(&self, rows: &[usize]) -> Option<Scoreboard> {
        self.first_board
            .get()
            .filter(|_| self.is_first(rows))
            .cloned()
    }

    fn scoreboard_of(&self, rows: &[usize]) -> Scoreboard {
        let (ds, index) = (self.dataset(), &self.index);
        let mut board = stats::scoreboard(index, rows);
        stats::add_previous_shares(ds, &self.changes, rows, &mut board.parties);
        board.election = stats::one_general_election(ds, rows);
        board.inferred = stats::inferred::inferred_counts(ds, rows);
        board.kinds = stats::kinds::factions_per_kind(ds, index, rows);
        board
    }

    /// The seats changing hands among `rows` (view 8).
    pub fn change_matrix(&self, rows: &[usize]) -> ChangeMatrix {
        let matrix = || stats::change::change_matrix(self.dataset(), &self.changes, rows);
        if self.is_first(rows) {
            return self.first_matrix.get_or_init(matrix).clone();
        }
        matrix()
    }

    /// The seats changing hands among `rows` if worked out already (the first rows', once
    /// `warm` has done them), without waiting.
    pub fn change_matrix_if_ready(&self, rows: &[usize]) -> Option<ChangeMatrix> {
        self.first_matrix
            .get()
            .filter(|_| self.is_first(rows))
            .cloned()
    }

    fn change_keys(&self) -> &[f32] {
        self.change_keys
            .get_or_init(|| stats::change::change_keys(self.dataset(), &self.changes))
    }

    /// `rows`, in `query`'s order, put in the order of the change (see `sort_by_change`):
    /// picked out of the change order when the ties are by date, as the list breaks them.
    fn order_by_change(&self, rows: &mut [usize], query: &Query) {
        let reverse = query.sort.reverse;
        if query.sort.key == SortKey::Date && self.index.pick(rows, self.change_order(reverse)) {
            return;
        }
        self.sort_by_change(rows, reverse);
    }

    /// Every row, in the order of the change (`reverse`: the largest fall first), ties by
    /// date: worked out once (by `warm`, ahead of the first sort by change).
    fn change_order(&self, reverse: bool) -> &[u32] {
        self.change_orders[usize::from(reverse)].get_or_init(|| {
            let mut rows: Vec<usize> = (0..self.index.len())
                .filter(|&i| self.index.is_row(i))
                .collect();
            let by_date = Sort {
                key: SortKey::Date,
                reverse,
            };
            self.index.sort(&mut rows, by_date);
            self.sort_by_change(&mut rows, reverse);
            rows.into_iter().map(|i| i as u32).collect()
        })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{self, DataSource};

    /// Two general elections, so seats change hands and the previous shares are known.
    fn two_elections() -> Data {
        let file = |name: &str| {
            DataSource::File(
                [env!("CARGO_MANIFEST_DIR"), "tests/data/real", name]
                    .iter()
                    .collect(),
            )
        };
        let sources = [
            file("HoC-GE2017-results-by-candidate.csv"),
            file("HoC-GE2019-results-by-candidate.csv"),
        ];
        Data::new(load::load(&sources).unwrap())
    }

    /// The first rows' views are worked out ahead, and are what the views show for them; any
    /// other rows' are worked out for those rows.
    #[test]
    fn views_of_the_first_rows_are_worked_out_ahead() {
        let data = two_elections();
        let query = Query::default();
        data.warm(&query);
        let rows = data.list(&query, false);
        assert_eq!(data.first_rows.get(), Some(&rows));
        let board = data.scoreboard(&rows);
        assert_eq!(board, data.scoreboard_of(&rows));
        assert_eq!(board.totals.contests, 1300);
        let matrix = data.change_matrix(&rows);
        assert_eq!(
            matrix,
            stats::change::change_matrix(data.dataset(), &data.changes, &rows)
        );
        assert!(matrix.compared > 100, "{}", matrix.compared);
        // Other rows, or the same in another order, are worked out for what they are.
        let mut reversed = rows.clone();
        reversed.reverse();
        assert_eq!(data.scoreboard(&reversed), data.scoreboard_of(&reversed));
        assert_ne!(data.scoreboard(&rows[1..]), board);
    }

    /// A search's first screenful is the beginning of what the list lists, in the query's
    /// order or by the change (ties by date), once those orders are made; by the change with
    /// ties in another key's order there is none to take it from.
    #[test]
    fn the_first_rows_listed_begin_the_list() {
        let data = two_elections();
        let mut query = Query::default();
        query.filter.search = "lab".into();
        query.sort.key = SortKey::Title;
        assert_eq!(data.first_listed(&query, false, 20), None, "no order yet");
        data.warm(&Query::default());
        let mut early = 0;
        for key in SortKey::ALL {
            for reverse in [false, true] {
                for by_change in [false, true] {
                    query.sort = Sort { key, reverse };
                    let first = data.first_listed(&query, by_change, 20);
                    if by_change && key != SortKey::Date {
                        assert_eq!(first, None, "{key:?}");
                        continue;
                    }
                    let listed = data.list(&query, by_change);
                    assert!(listed.len() > 100, "{}", listed.len());
                    assert_eq!(first.as_deref(), Some(&listed[..20]), "{key:?} {reverse}");
                    early += 1;
                }
            }
        }
        assert_eq!(early, SortKey::ALL.len() * 2 + 2);
    }
}
