//! The index of one dataset: everything a keystroke needs precomputed once (folded search
//! text, the winner's faction, sort keys), so running a query never re-reads the model's
//! strings.

use std::cmp::Ordering;

use chrono::NaiveDate;

use super::facts::{self, Facts, NONE};
use super::fold::{fold, fold_into};
use super::order::{self, dense_ranks};
use super::{FactionScope, Filter, Query, Sort, SortKey};
use super::{letters, scan};
use crate::model::arithmetic;
use crate::model::date::{PartialDate, Precision};
use crate::model::{Candidate, CandidateStatus, Contest, Dataset, StageKind};
use crate::side_by_side::both;

/// Per-contest sort and date keys precomputed for fast filtering and sorting.
#[derive(Debug, Clone)]
struct Entry {
    /// The sort key of the date.
    date: Option<(NaiveDate, Precision)>,
    /// The first and last day the contest may have been (see [`date_range`]).
    date_from: Option<NaiveDate>,
    date_end: Option<NaiveDate>,
    /// A bit per stage reached (by place in `StageKind::ALL`).
    stages: u8,
    /// A bit per status some candidate has (by place in `CandidateStatus::ALL`).
    statuses: u8,
    margin: Option<f64>,
    turnout: Option<f64>,
}

/// Search text and sort keys for one dataset; rebuild it when the dataset changes.
#[derive(Debug, Clone)]
pub struct Index {
    entries: Vec<Entry>,
    /// Kind, status, region, winner, factions, parties, endorsers as interned numbers (when
    /// made: see [`Parts`]).
    facts: Option<Facts>,
    /// Lowercased searchable text of every contest, one after another.
    text: String,
    /// `text[bounds[i]..bounds[i + 1]]` belongs to contest i.
    bounds: Vec<usize>,
    /// The bytes in each contest's text (`letters`): a search rules most contests out, or a
    /// one-letter search decides, without reading their text.
    letters: Vec<u64>,
    /// Each contest's place in the A→Z order of lowercased titles (equal titles share one), so
    /// sorting by title compares integers instead of chasing strings across the heap (when
    /// made: see [`Parts`]).
    title_rank: Option<Vec<u32>>,
    /// Each contest's region's place in the A→Z order of region names (`u32::MAX`: none), kept
    /// apart from `entries` so a region sort reads two compact arrays (made with the facts).
    region_order: Option<Vec<u32>>,
    /// Whole-dataset orders per sort, made on first use.
    orders: order::Orders,
    /// A bit per contest that is another source's version of a listed row (`hide`): never
    /// kept by a query; empty when none is.
    hidden: Box<[u64]>,
    hidden_count: usize,
}

/// The parts of an index beyond every contest's filter and sort keys. The explorer runs any
/// query and makes them all; a command runs one, and makes only what it uses: at a million
/// contests each is seconds of work and a few hundred megabytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    /// The folded search text: without it a search word matches nothing.
    pub search: bool,
    /// The interned facts: for filters by region, faction, endorser, period, kind or status,
    /// the region sort, and every count ([`Index::facts`]).
    pub facts: bool,
    /// The titles' A→Z ranks: for the title and region sorts.
    pub titles: bool,
}

impl Parts {
    pub const ALL: Parts = Parts {
        search: true,
        facts: true,
        titles: true,
    };

    /// The parts `query` uses; with `counts`, the facts too, for aggregates over its rows.
    pub fn of(query: &Query, counts: bool) -> Parts {
        let by = |key: SortKey| query.sort.key == key;
        Parts {
            search: !query.filter.search.trim().is_empty(),
            facts: counts || query.filter.needs_facts() || by(SortKey::Region),
            titles: by(SortKey::Title) || by(SortKey::Region),
        }
    }
}

impl Index {
    /// Precomputes search text and keys for every contest.
    pub fn build(dataset: &Dataset) -> Index {
        Index::build_parts(dataset, Parts::ALL)
    }

    /// The index with only `parts` beyond the keys: only a caller that knows every query it
    /// will run uses no other part may leave one out.
    fn build_parts(dataset: &Dataset, parts: Parts) -> Index {
        // The interned facts and the searched text are independent: built side by side.
        let ((text, bounds, letters, entries, titles), facts) = both(
            || Index::text_and_entries(dataset, parts),
            || parts.facts.then(|| Facts::build(dataset)),
        );
        let region_order = facts.as_ref().map(|facts| {
            // Regions the catalogue lacks (only in unvalidated data) sort as no region.
            let region_rank = dense_ranks(
                &facts.regions.ids[..facts.regions.catalogue]
                    .iter()
                    .map(|id| dataset.region(id).map(|r| r.name.to_lowercase()))
                    .collect::<Vec<_>>(),
            );
            (facts.contests.iter())
                .map(|c| match facts.regions.catalogue_position(c.region) {
                    Some(r) => region_rank[r],
                    None => u32::MAX,
                })
                .collect()
        });
        let index = Index {
            entries,
            facts,
            text,
            bounds,
            letters,
            title_rank: parts.titles.then(|| dense_ranks(&titles)),
            region_order,
            orders: order::Orders::default(),
            hidden: Box::default(),
            hidden_count: 0,
        };
        // The default order is needed at once; making it here keeps it off the UI thread.
        index.order(Sort::default());
        index
    }

    /// Every contest's folded search text (one buffer, with each contest's bounds and the
    /// letters in it), its filter and sort keys, and its lowercased title.
    #[allow(clippy::type_complexity)]
    fn text_and_entries(
        dataset: &Dataset,
        parts: Parts,
    ) -> (String, Vec<usize>, Vec<u64>, Vec<Entry>, Vec<Box<str>>) {
        let mut text = String::new();
        let mut bounds = Vec::with_capacity(dataset.contests.len() + 1);
        let mut letters = Vec::with_capacity(dataset.contests.len());
        let mut entries = Vec::with_capacity(dataset.contests.len());
        let mut titles = Vec::with_capacity(if parts.titles {
            dataset.contests.len()
        } else {
            0
        });
        for contest in &dataset.contests {
            entries.push(Index::entry(contest));
            if parts.titles {
                titles.push(contest.title.as_str().to_lowercase().into_boxed_str());
            }
            if !parts.search {
                continue;
            }
            bounds.push(text.len());
            let mut push = |s: &str| {
                fold_into(&mut text, s);
                text.push('\n');
            };
            push(&contest.title);
            push(&contest.id);
            for field in [
                contest.constituency.as_deref(),
                contest.party.as_deref(),
                contest.notes.as_deref(),
                contest.result.as_deref(),
            ]
            .into_iter()
            .flatten()
            {
                push(field);
            }
            for c in &contest.candidates {
                push(&c.name);
                if let Some(party) = &c.party {
                    push(party);
                }
                for e in &c.endorsements {
                    push(e);
                }
            }
            // How the selection ran is searched as the contest's notes are: stage notes,
            // the nominating rules and the nominators named.
            for stage in &contest.stages {
                if let Some(notes) = &stage.notes {
                    push(notes);
                }
            }
            for nomination in &contest.nominations {
                if let Some(description) = &nomination.description {
                    push(description);
                }
                for name in nomination.counts.iter().flat_map(|c| &c.from) {
                    push(name);
                }
            }
            let start = bounds[bounds.len() - 1];
            letters.push(letters::mask(&text.as_bytes()[start..]));
        }
        if parts.search {
            bounds.push(text.len());
        }
        (text, bounds, letters, entries, titles)
    }

    /// A contest's filter and sort keys.
    fn entry(contest: &Contest) -> Entry {
        let (from, to) = date_range(contest);
        Entry {
            date: contest.date.as_ref().map(PartialDate::sort_key),
            date_from: from,
            date_end: to,
            stages: bits(contest.stages.iter().map(|s| s.stage), &StageKind::ALL),
            statuses: bits(
                contest.candidates.iter().filter_map(Candidate::status),
                &CandidateStatus::ALL,
            ),
            margin: arithmetic::margin_points(contest),
            turnout: arithmetic::turnout(contest),
        }
    }

    /// The index of a loaded dataset as every front end queries it: each contest several
    /// sources give is one row (its other versions hidden).
    pub fn of(loaded: &crate::load::Loaded) -> Index {
        Index::build(&loaded.dataset).hide(loaded.versions.hidden())
    }

    /// The index of a loaded dataset for one query (a command's): as [`Index::of`], but with
    /// only the parts `query` uses (and the facts for aggregates when `counts`); it answers
    /// that query and no other.
    pub fn for_one(loaded: &crate::load::Loaded, query: &Query, counts: bool) -> Index {
        Index::build_parts(&loaded.dataset, Parts::of(query, counts)).hide(loaded.versions.hidden())
    }

    /// Never keeps the contests `hidden` (ascending indices; the other versions of a contest
    /// given by several sources, `load::Versions::hidden`), so a contest is one row in every
    /// list and count.
    #[must_use]
    pub fn hide(mut self, hidden: &[usize]) -> Index {
        let mut bits = vec![0u64; self.len().div_ceil(64)];
        for &i in hidden.iter().filter(|&&i| i < self.len()) {
            bits[i / 64] |= 1 << (i % 64);
        }
        self.hidden_count = hidden.iter().filter(|&&i| i < self.len()).count();
        self.hidden = if self.hidden_count == 0 {
            Box::default()
        } else {
            bits.into_boxed_slice()
        };
        self
    }

    /// Whether contest `i` is a row (not another source's version of one).
    pub fn is_row(&self, i: usize) -> bool {
        self.hidden
            .get(i / 64)
            .is_none_or(|w| w & (1 << (i % 64)) == 0)
    }

    /// How many rows there are: the contests, each given by several sources counted once.
    pub fn rows_total(&self) -> usize {
        self.len() - self.hidden_count
    }

    /// The interned facts of every contest (for aggregates).
    pub(crate) fn facts(&self) -> &Facts {
        self.facts
            .as_ref()
            .expect("an index for aggregates is made with its facts (`Parts::facts`)")
    }

    /// The titles' A→Z ranks.
    fn title_rank(&self) -> &[u32] {
        (self.title_rank.as_deref()).expect("an index sorted by title is made with its titles")
    }

    /// Each contest's region's place in the A→Z order of region names.
    fn region_order(&self) -> &[u32] {
        (self.region_order.as_deref()).expect("an index sorted by region is made with its facts")
    }

    /// Every contest in `sort`'s order (computed once, then reused).
    fn order(&self, sort: Sort) -> &[u32] {
        self.orders.get(sort, || {
            let mut all: Vec<usize> = (0..self.len()).collect();
            self.compare_sort(&mut all, sort);
            all
        })
    }

    /// Every contest in `sort`'s order, if that order has been made (see [`Index::sort`]);
    /// `None` rather than making it, a sort of every contest.
    pub fn made_order(&self, sort: Sort) -> Option<&[u32]> {
        self.orders.made(sort)
    }

    /// The first `n` rows `filter` keeps in `order` (a whole-dataset order), found by testing
    /// contests in that order until `n` pass: a search's first screenful, long before one pass
    /// over all the text has found every row. `None` if fewer than `n` pass among the first
    /// `tested` contests (a rare word, better found by that pass).
    pub fn first_in_order(
        &self,
        filter: &Filter,
        order: &[u32],
        n: usize,
        tested: usize,
    ) -> Option<Vec<usize>> {
        let compiled = Compiled::new(self, filter);
        let first: Vec<usize> = (order.iter().take(tested))
            .map(|&i| i as usize)
            .filter(|&i| compiled.matches(self, i))
            .take(n)
            .collect();
        (first.len() == n).then_some(first)
    }

    /// Works out every sort order ahead (each is a sort of every contest, made the first
    /// time it is asked for): `reverse` picks the direction.
    pub fn warm_orders(&self, reverse: bool) {
        for key in SortKey::ALL {
            self.order(Sort { key, reverse });
        }
    }

    /// Number of contests indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The contests matching `query`, as indices into the dataset, in the query's order.
    pub fn run(&self, query: &Query) -> Vec<usize> {
        if query.filter.is_empty() {
            // Every row: the whole-dataset order (made once) is the answer, no filter to run
            // over a million contests nor rows to pick out of it.
            let order = self.order(query.sort).iter().map(|&i| i as usize);
            return order.filter(|&i| self.is_row(i)).collect();
        }
        let mut rows = self.filter(&query.filter, None);
        self.sort(&mut rows, query.sort);
        rows
    }

    /// The contests matching `filter`. With `within`, only those candidates are tested — the
    /// explorer passes the previous result when a filter only narrows (a longer search word).
    pub fn filter(&self, filter: &Filter, within: Option<&[usize]>) -> Vec<usize> {
        let compiled = Compiled::new(self, filter);
        match within {
            // Many rows and a word to find: one pass over all the text, then the rows kept
            // in their order, beats a search in each row's text scattered across it.
            Some(rows) if !compiled.finders.is_empty() && rows.len() * 8 >= self.len() => {
                let mut found = vec![0u64; self.len().div_ceil(64)];
                for i in self.every_match(&compiled) {
                    found[i / 64] |= 1 << (i % 64);
                }
                (rows.iter().copied())
                    .filter(|&i| found.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0))
                    .collect()
            }
            Some(rows) => rows
                .iter()
                .copied()
                .filter(|&i| compiled.matches(self, i))
                .collect(),
            None => self.every_match(&compiled),
        }
    }

    /// Every contest `compiled` matches, ascending. A search word is found by one pass over
    /// all the text, not contest by contest; one-letter words by each contest's letters,
    /// reading no text.
    fn every_match(&self, compiled: &Compiled) -> Vec<usize> {
        let longest = (compiled.finders.iter().enumerate()).max_by_key(|(_, f)| f.needle().len());
        match longest {
            Some((at, word)) if !compiled.decided_by_letters => {
                // A contest the scan finds holds that word: only the others are looked for.
                scan::find_all(&self.text, &self.bounds, word, |i| {
                    compiled.matches_holding(self, i, Some(at))
                })
            }
            _ => (0..self.entries.len())
                .filter(|&i| compiled.matches(self, i))
                .collect(),
        }
    }

    /// Sorts contest indices in place (stable: ties keep data order).
    pub fn sort(&self, rows: &mut [usize], sort: Sort) {
        if order::worth_picking(rows, self.len()) {
            order::pick(rows, self.order(sort));
        } else {
            self.compare_sort(rows, sort);
        }
    }

    /// Puts the rows of one filter, in any order, in the order of `sort`, exactly as
    /// [`Index::run`] would list them: when only the sort changes, the filter need not run
    /// again. Many rows are picked out of the whole-dataset order; few are put back in data
    /// order (the ties' order) and sorted.
    pub fn resort(&self, rows: &mut [usize], sort: Sort) {
        if order::worth_picking_any(rows, self.len()) {
            order::pick(rows, self.order(sort));
        } else {
            rows.sort_unstable();
            self.compare_sort(rows, sort);
        }
    }

    /// Puts `rows` (distinct rows, in any order) in the order of `order`, a whole-dataset order
    /// made elsewhere (the explorer's by change), if they are many enough for a pass over it
    /// to beat sorting them; says whether it did.
    pub fn pick(&self, rows: &mut [usize], order: &[u32]) -> bool {
        let worth = order::worth_picking_any(rows, self.len());
        if worth {
            order::pick(rows, order);
        }
        worth
    }

    /// Sorts by comparing keys: for few rows, rows in any order, and to make the orders.
    fn compare_sort(&self, rows: &mut [usize], sort: Sort) {
        let e = &self.entries;
        let direction = |o: Ordering| if sort.reverse { o.reverse() } else { o };
        // Unknown keys go last whatever the direction.
        fn known_first<T>(
            a: Option<&T>,
            b: Option<&T>,
            cmp: impl Fn(&T, &T) -> Ordering,
        ) -> Ordering {
            match (a, b) {
                (Some(x), Some(y)) => cmp(x, y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }
        match sort.key {
            SortKey::Date => rows.sort_by(|&a, &b| {
                known_first(e[a].date.as_ref(), e[b].date.as_ref(), |x, y| {
                    direction(y.cmp(x))
                })
            }),
            SortKey::Title => {
                let rank = self.title_rank();
                rows.sort_by(|&a, &b| direction(rank[a].cmp(&rank[b])));
            }
            SortKey::Region => {
                // Unknown regions (u32::MAX) stay last whichever the direction; the title
                // tie-break is always A→Z, and equal keys keep data order.
                let (rank, region) = (self.title_rank(), self.region_order());
                let place = |i: usize| match region[i] {
                    u32::MAX => u32::MAX,
                    r if sort.reverse => u32::MAX - 1 - r,
                    r => r,
                };
                rows.sort_unstable_by_key(|&i| (place(i), rank[i], i));
            }
            SortKey::Margin => rows.sort_by(|&a, &b| {
                known_first(e[a].margin.as_ref(), e[b].margin.as_ref(), |x, y| {
                    direction(x.total_cmp(y))
                })
            }),
            SortKey::Turnout => rows.sort_by(|&a, &b| {
                known_first(e[a].turnout.as_ref(), e[b].turnout.as_ref(), |x, y| {
                    direction(y.total_cmp(x))
                })
            }),
        }
    }

    /// The lowercased search text of contest `i`.
    fn text_of(&self, i: usize) -> &str {
        &self.text[self.bounds[i]..self.bounds[i + 1]]
    }
}

/// A bit for each of `values` by its place in `all` (at most 8 places).
fn bits<T: PartialEq + Copy>(values: impl Iterator<Item = T>, all: &[T]) -> u8 {
    values.fold(0, |acc, v| {
        acc | all.iter().position(|a| *a == v).map_or(0, |p| 1 << p)
    })
}

/// The first and last day a contest may have been: its date's, narrowed by any bounds the
/// sources put on it (a contest dated "2019" that concluded by 25 October is not in November).
/// A contest with bounds and no date keeps the open side open.
fn date_range(contest: &crate::model::Contest) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let bounds = contest.date_bounds.as_ref();
    let earliest = bounds.and_then(|b| b.earliest).map(|d| d.start());
    let latest = bounds.and_then(|b| b.latest).map(|d| d.end());
    match contest.date {
        Some(d) => (
            Some(earliest.map_or(d.start(), |e| e.max(d.start()))),
            Some(latest.map_or(d.end(), |l| l.min(d.end()))),
        ),
        None if bounds.is_some() => (
            Some(earliest.unwrap_or(NaiveDate::MIN)),
            Some(latest.unwrap_or(NaiveDate::MAX)),
        ),
        None => (None, None),
    }
}

/// A filter translated into the index's terms once, before testing every contest.
struct Compiled<'f> {
    filter: &'f Filter,
    regions: Option<Vec<u32>>,
    factions: Option<Vec<u32>>,
    /// Ids of the endorsers' folded names (`None`: any endorser).
    endorsers: Option<Vec<u32>>,
    /// The stages wanted, as bits (see `Entry::stages`).
    stages: u8,
    /// The candidate statuses wanted, as bits (see `Entry::statuses`).
    statuses: u8,
    /// One searcher per search word, built once per filter rather than once per contest.
    finders: Vec<memchr::memmem::Finder<'static>>,
    /// The bits every search word needs in a contest's `letters`.
    needed: u64,
    /// Every word is one letter or digit: the `letters` decide the search alone.
    decided_by_letters: bool,
    /// Something besides the search words narrows (most keystrokes have only words).
    beyond_words: bool,
    /// The period's number in the index (`Some(NONE)`: no contest is in it).
    period: Option<u32>,
    /// Some part of the filter tests the contests' interned facts.
    by_facts: bool,
}

impl<'f> Compiled<'f> {
    fn new(index: &Index, filter: &'f Filter) -> Self {
        let (by_facts, by_keys) = filter.narrowing();
        // A filter that tests no fact looks none up (and its index may have none).
        let facts = by_facts.then(|| index.facts());
        let words: Vec<String> = filter.search.split_whitespace().map(fold).collect();
        let finders = (words.iter())
            .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
            .collect();
        // An id the index does not know matches nothing (rather than everything). "None" is
        // the facts' own `NONE`, so a contest without a region matches it as any id would.
        let ids = |wanted: &[String], none: bool, known: &facts::Ids| {
            (!wanted.is_empty() || none).then(|| {
                let mut ids: Vec<u32> = wanted.iter().filter_map(|w| known.find(w)).collect();
                if none {
                    ids.push(NONE);
                }
                ids
            })
        };
        Compiled {
            filter,
            regions: facts.and_then(|f| ids(&filter.regions, filter.no_region, &f.regions)),
            factions: facts.and_then(|f| ids(&filter.factions, filter.no_faction, &f.factions)),
            endorsers: facts.filter(|_| !filter.endorsers.is_empty()).map(|f| {
                (filter.endorsers.iter())
                    .filter_map(|e| f.fold_id(&fold(e)))
                    .collect()
            }),
            period: facts.and_then(|f| {
                let p = filter.period?;
                Some(
                    f.periods
                        .iter()
                        .position(|x| *x == p)
                        .map_or(NONE, |at| at as u32),
                )
            }),
            stages: bits(filter.stages.iter().copied(), &StageKind::ALL),
            statuses: bits(
                filter.candidate_statuses.iter().copied(),
                &CandidateStatus::ALL,
            ),
            finders,
            needed: words.iter().fold(0, |m, w| m | letters::mask(w.as_bytes())),
            decided_by_letters: words.iter().all(|w| letters::decides(w.as_bytes())),
            beyond_words: by_facts || by_keys,
            by_facts,
        }
    }

    fn matches(&self, index: &Index, i: usize) -> bool {
        self.matches_holding(index, i, None)
    }

    /// Whether contest `i` matches, known to hold search word `held` (by its place in
    /// `finders`), if given.
    fn matches_holding(&self, index: &Index, i: usize, held: Option<usize>) -> bool {
        if !index.is_row(i) || self.beyond_words && !self.passes_the_rest(index, i) {
            return false;
        }
        // Words still to look for (a held word needs no looking).
        if self.finders.len() > usize::from(held.is_some()) {
            let letters = index.letters[i];
            if letters & self.needed != self.needed {
                return false;
            }
            if self.decided_by_letters {
                return true;
            }
            let text = index.text_of(i).as_bytes();
            return (self.finders.iter().enumerate())
                .all(|(n, f)| Some(n) == held || f.find(text).is_some());
        }
        true
    }

    /// Whether contest `i` passes every part of the filter but its search words.
    fn passes_the_rest(&self, index: &Index, i: usize) -> bool {
        if let Some(results) = &self.filter.results
            && !results.keep.get(i).copied().unwrap_or(false)
        {
            return false;
        }
        if let Some(cell) = &self.filter.change_cell
            && !cell.keep.get(i).copied().unwrap_or(false)
        {
            return false;
        }
        let e = &index.entries[i];
        let f = self.filter;
        if let Some(since) = f.since
            && e.date_end.is_none_or(|end| end < since)
        {
            return false;
        }
        if let Some(until) = f.until
            && e.date_from.is_none_or(|start| start > until)
        {
            return false;
        }
        if !f.stages.is_empty() && e.stages & self.stages == 0 {
            return false;
        }
        if !f.candidate_statuses.is_empty() && e.statuses & self.statuses == 0 {
            return false;
        }
        !self.by_facts || self.passes_by_facts(index.facts(), i)
    }

    /// Whether contest `i` passes the parts of the filter that test its interned facts.
    fn passes_by_facts(&self, facts: &Facts, i: usize) -> bool {
        let c = &facts.contests[i];
        let f = self.filter;
        if let Some(regions) = &self.regions
            && !regions.contains(&c.region)
        {
            return false;
        }
        if let Some(factions) = &self.factions {
            let hit = match f.faction_scope {
                FactionScope::Winner => facts
                    .winner_faction(i)
                    .is_some_and(|w| factions.contains(&w)),
                FactionScope::AnyCandidate => facts.candidates[facts.candidates_of(i)]
                    .iter()
                    .any(|x| factions.contains(&x.faction)),
            };
            if !hit {
                return false;
            }
        }
        if self.period.is_some_and(|p| p != c.period) {
            return false;
        }
        if !f.kinds.is_empty() && !f.kinds.contains(&c.kind) {
            return false;
        }
        if !f.statuses.is_empty() && !f.statuses.contains(&c.status) {
            return false;
        }
        if let Some(endorsers) = &self.endorsers {
            let wanted = |g: u32| endorsers.contains(&facts.endorser_fold[g as usize]);
            if !facts.endorsements[facts.endorsements_of_contest(i)]
                .iter()
                .any(|&g| wanted(g))
                && !facts.nominations_of(i).iter().any(|n| wanted(n.group))
            {
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One-letter searches are decided by the contests' letters, longer ones ruled in or out
    /// by them first: both find exactly the contests whose text holds the words.
    #[test]
    fn letters_find_what_the_text_holds() {
        let dataset: Dataset = serde_json::from_slice(crate::load::EMBEDDED).unwrap();
        let index = Index::build(&dataset);
        let words = ('a'..='z').chain('0'..='9').map(String::from);
        for search in words.chain(["st".into(), "q 9".into(), "é".into(), "x z".into()]) {
            let filter = Filter {
                search: search.clone(),
                ..Filter::default()
            };
            let want: Vec<usize> = (0..index.len())
                .filter(|&i| {
                    (search.split_whitespace()).all(|w| index.text_of(i).contains(fold(w).as_str()))
                })
                .collect();
            assert_eq!(index.filter(&filter, None), want, "{search}");
            let every: Vec<usize> = (0..index.len()).rev().collect();
            let narrowed: Vec<usize> = want.iter().rev().copied().collect();
            assert_eq!(index.filter(&filter, Some(&every)), narrowed, "{search}");
        }
    }

    /// Re-sorting the rows of a filter, from any order, lists them exactly as running the
    /// query does: picked out of the whole-dataset order for many rows, sorted for few.
    #[test]
    fn resorting_lists_as_running_the_query_does() {
        let mut dataset: Dataset = serde_json::from_slice(crate::load::EMBEDDED).unwrap();
        let one = dataset.contests.clone();
        for copy in 1..10 {
            dataset.contests.extend(one.iter().map(|c| {
                let mut c = c.clone();
                c.id = format!("{}-{copy}", c.id).into();
                c
            }));
        }
        let index = Index::build(&dataset);
        let region = |id: &str| Filter {
            regions: vec![id.into()],
            ..Filter::default()
        };
        // Every contest and 80 of 170 are picked; 20 are sorted.
        for filter in [
            Filter::default(),
            region("north-west"),
            region("yorkshire-and-the-humber"),
        ] {
            for from in SortKey::ALL {
                for key in SortKey::ALL {
                    for reverse in [false, true] {
                        let sort = Sort { key, reverse };
                        let was = Query {
                            filter: filter.clone(),
                            sort: Sort {
                                key: from,
                                reverse: !reverse,
                            },
                        };
                        let mut rows = index.run(&was);
                        index.resort(&mut rows, sort);
                        let want = index.run(&Query {
                            filter: filter.clone(),
                            sort,
                        });
                        assert_eq!(rows, want, "{from:?} → {key:?} {reverse}");
                    }
                }
            }
        }
    }

    /// A command's index makes only the parts its one query uses (the search text for words,
    /// the facts for a filter by fact or the region sort, the titles for the title and region
    /// sorts), and answers that query as the full index does.
    #[test]
    fn a_commands_index_makes_only_the_parts_its_query_uses() {
        let loaded = crate::load::load(&[crate::load::DataSource::Embedded]).unwrap();
        let full = Index::of(&loaded);
        let filters = [("", None), ("  ", Some("north-west")), ("labour", None)].map(
            |(search, region): (&str, Option<&str>)| Filter {
                search: search.into(),
                regions: region.into_iter().map(String::from).collect(),
                ..Filter::default()
            },
        );
        let dated = Filter {
            since: chrono::NaiveDate::from_ymd_opt(2019, 1, 1),
            ..Filter::default()
        };
        for filter in filters.into_iter().chain([dated]) {
            for key in SortKey::ALL {
                for reverse in [false, true] {
                    let query = Query {
                        filter: filter.clone(),
                        sort: Sort { key, reverse },
                    };
                    let one = Index::for_one(&loaded, &query, false);
                    let by_region = key == SortKey::Region;
                    assert_eq!(one.text.is_empty(), filter.search.trim().is_empty());
                    assert_eq!(one.facts.is_some(), filter.needs_facts() || by_region);
                    assert_eq!(one.title_rank.is_some(), by_region || key == SortKey::Title);
                    assert_eq!(one.run(&query), full.run(&query), "{query:?}");
                }
            }
        }
        // Aggregates count the facts, whatever the query.
        let counted = Index::for_one(&loaded, &Query::default(), true);
        assert_eq!(
            counted.facts().contests.len(),
            loaded.dataset.contests.len()
        );
    }

    #[test]
    fn search_folds_every_sigma_alike() {
        let dataset: Dataset = serde_json::from_str(
            r#"{"schema_version": 1, "contests": [{"id": "x", "kind": "other",
                "title": "ΟΔΟΣ selection", "status": "pending", "sources": []}]}"#,
        )
        .unwrap();
        let index = Index::build(&dataset);
        for search in ["ΟΔΟΣ", "οδος", "Οδοσ", "οΔοΣ selection"] {
            let filter = Filter {
                search: search.into(),
                ..Filter::default()
            };
            assert_eq!(index.filter(&filter, None), vec![0], "{search}");
        }
        assert_eq!(fold("ΣΑΣ"), "σασ");
    }

    #[test]
    fn a_search_finds_accented_text_typed_plain_and_plain_text_typed_accented() {
        let dataset: Dataset = serde_json::from_str(
            r#"{"schema_version": 1, "contests": [
                {"id": "a", "kind": "other", "title": "Órfhlaith Begley's seat", "status": "pending", "sources": []},
                {"id": "b", "kind": "other", "title": "Sian Berry", "status": "pending", "sources": []}]}"#,
        )
        .unwrap();
        let index = Index::build(&dataset);
        for (search, want) in [
            ("orfhlaith", vec![0]),
            ("ÓRFHLAITH begley", vec![0]),
            ("sian", vec![1]),
            ("Siân", vec![1]),
        ] {
            let filter = Filter {
                search: search.into(),
                ..Filter::default()
            };
            assert_eq!(index.filter(&filter, None), want, "{search}");
            let all = [0, 1];
            assert_eq!(
                index.filter(&filter, Some(&all)),
                want,
                "{search} (narrowing)"
            );
        }
    }

    /// The seed ten times over (ids made unique): large enough for the fast paths, with
    /// many equal titles, dates and margins to test that ties keep data order.
    fn repeated_seed() -> Index {
        let mut dataset = crate::load::load(&[crate::load::DataSource::Embedded])
            .unwrap()
            .dataset;
        let base = dataset.contests.clone();
        for n in 1..10 {
            dataset.contests.extend(base.iter().cloned().map(|mut c| {
                c.id = format!("{}-{n}", c.id).into();
                c
            }));
        }
        Index::build(&dataset)
    }

    #[test]
    fn picking_from_a_whole_order_equals_a_comparison_sort() {
        let index = repeated_seed();
        for filter in [
            Filter::default(),
            Filter {
                search: "s".into(),
                ..Filter::default()
            },
        ] {
            let rows = index.filter(&filter, None);
            assert!(order::worth_picking(&rows, index.len()));
            for key in SortKey::ALL {
                for reverse in [false, true] {
                    let sort = Sort { key, reverse };
                    let mut picked = rows.clone();
                    index.sort(&mut picked, sort);
                    let mut compared = rows.clone();
                    index.compare_sort(&mut compared, sort);
                    assert_eq!(picked, compared, "{sort:?}");
                }
            }
        }
        // Rows not in data order keep the comparison sort (ties keep their given order).
        assert!(!order::worth_picking(&[3, 1, 2], 3));
    }

    #[test]
    fn a_whole_text_scan_equals_testing_each_contest() {
        let index = repeated_seed();
        let all: Vec<usize> = (0..index.len()).collect();
        for search in ["s", "stock", "mishra", "unite mishra", "zzz", "ΟΔΟΣ", "a b"] {
            let filter = Filter {
                search: search.into(),
                regions: if search.len() > 3 {
                    vec!["north-west".into()]
                } else {
                    vec![]
                },
                ..Filter::default()
            };
            assert_eq!(
                index.filter(&filter, None),
                index.filter(&filter, Some(&all)),
                "{search}"
            );
        }
    }
}
