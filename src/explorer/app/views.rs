//! The views beyond the contest list — scoreboard, endorsement record, timeline, rounds, seat
//! history, compare — their keys, the marks for comparison, and their data. The data comes
//! from the query layer (`stats`, `timeline`, `history`, `rounds`), computed here in `update`
//! (for a large list, the aggregates off the UI thread: `Effect::WorkOut`) and kept until the
//! listed contests change, so drawing a frame never aggregates.

use std::sync::Arc;

use crate::explorer::action::Action;
use crate::explorer::aggregates::{self, Aggregate, Request, ViewData, Worked};
use crate::explorer::app::{App, Focus, Overlay};
use crate::explorer::effect::Effect;
use crate::explorer::layout;
use crate::explorer::screen::View;
use crate::report::change;
use crate::report::rounds::{self, RoundTable};
use crate::stats::change::ChangeMatrix;
use crate::stats::timeline::Span;
use crate::stats::{self, EndorserRecord, EndorserSort, GroupRecord, Scoreboard};

/// The views' state and the data they show, computed for a version of the listed rows.
#[derive(Debug, Default)]
pub struct ViewState {
    /// First line shown of a scrolling view (scoreboard, timeline, compare).
    pub scroll: u16,
    /// How far that view can scroll, as the last frame drawn measured it (`ScrollLimits`).
    pub scroll_max: u16,
    /// The endorser under the cursor, as a position in `endorsers`.
    pub endorser_cursor: usize,
    pub endorser_sort: EndorserSort,
    pub endorser_reverse: bool,
    /// The round shown (from 0) and the id of the contest it belongs to; another contest
    /// starts at its first round.
    pub round: Option<(String, usize)>,
    /// The scoreboard of the listed contests.
    pub board: Option<Scoreboard>,
    /// The seats changing hands among the listed contests (`stats --by change`).
    pub matrix: Option<ChangeMatrix>,
    /// The first party column the matrix shows (scrolled to keep the cursor on screen when
    /// they do not all fit).
    pub matrix_column: usize,
    /// The matrix's cell under the cursor: (the party before, the party now), as positions
    /// in its parties.
    pub matrix_cursor: (usize, usize),
    /// The endorsement record of the listed contests, in the chosen order.
    pub endorsers: Vec<EndorserRecord>,
    /// Contests per month of the listed contests, long empty stretches folded.
    pub timeline: Vec<GroupRecord<Span>>,
    /// The timeline row under the cursor (never a gap, when there is another row).
    pub timeline_cursor: usize,
    /// How many of the listed contests' dates are inferred (`stats::inferred`), for the
    /// timeline's footnote.
    pub timeline_inferred: crate::stats::inferred::InferredCounts,
    /// The selected contest's seat history among the listed contests, oldest first.
    pub history: Vec<usize>,
    /// Contests of that seat the filters hide.
    pub history_hidden: usize,
    /// Each history row's change since the seat's previous contest, in a few words
    /// (`report::change::short`: `Lab hold, +13.4 pts`), worked out once per selection.
    pub history_change: Vec<String>,
    /// The selected contest's count as a table of every candidate across every round (for
    /// the rounds view; built once per contest, a count may have 1,000 × 1,000 cells).
    pub round_table: Option<RoundTable>,
    /// The same count's seats filled, in order (a count of several seats).
    pub seats_filled: Vec<crate::report::count_summary::Filled>,
    /// The map view's picture, cursor, colouring and swing.
    pub map: super::MapState,
    round_table_for: Option<(u64, usize)>,
    pub(super) rows_version: u64,
    pub(super) data_version: u64,
    board_for: Option<u64>,
    matrix_for: Option<u64>,
    endorsers_for: Option<u64>,
    timeline_for: Option<u64>,
    history_for: Option<(u64, Option<usize>)>,
    /// The aggregate last asked of the worker, and for which version of the rows (asked
    /// once).
    requested: Option<(u64, Aggregate)>,
    /// The last aggregate the worker could not work out, and for which version of the rows.
    failed: Option<(u64, Aggregate)>,
}

/// How the data an aggregate view holds stands against the listed rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// Worked out for the rows listed now.
    Current,
    /// Worked out for rows listed before; the current rows' is being worked out.
    Updating,
    /// None yet: it is being worked out.
    Missing,
}

impl ViewState {
    /// The listed contests changed: cached view data is out of date.
    pub(super) fn rows_changed(&mut self) {
        self.rows_version += 1;
    }

    /// The version of the rows `which`'s data was worked out for, if it has any.
    fn data_for(&self, which: Aggregate) -> Option<u64> {
        match which {
            Aggregate::Scoreboard => self.board_for,
            Aggregate::Endorsers => self.endorsers_for,
            Aggregate::Timeline => self.timeline_for,
            Aggregate::Changes => self.matrix_for,
            Aggregate::Map => self.map.made_for,
        }
    }

    /// Whether `which`'s data is of the rows listed now, of rows listed before, or not there.
    pub fn freshness(&self, which: Aggregate) -> Freshness {
        match self.data_for(which) {
            Some(v) if v == self.rows_version => Freshness::Current,
            Some(_) => Freshness::Updating,
            None => Freshness::Missing,
        }
    }

    /// Whether the worker is working out data the view shown is waiting for (the event loop
    /// then looks for it every frame).
    pub fn awaiting(&self) -> bool {
        self.requested.is_some_and(|(v, which)| {
            v == self.rows_version && self.data_for(which) != Some(v) && !self.failed(which)
        })
    }

    /// Whether working out `which` for the rows listed now failed (a bug): there is nothing
    /// to wait for.
    pub fn failed(&self, which: Aggregate) -> bool {
        self.failed == Some((self.rows_version, which))
    }

    /// New data was loaded: indexes built from the old data are out of date too.
    pub(super) fn data_changed(&mut self) {
        self.data_version += 1;
        self.rows_changed();
    }
}

impl App {
    /// The actions that belong to a view, marks and exports; the rest are handed back.
    pub(super) fn update_views(&mut self, action: Action) -> Option<Action> {
        let action = self.update_export(action)?;
        if self.data.is_none() || !matches!(self.overlay, Overlay::None) {
            return Some(action);
        }
        match action {
            Action::ShowView(view) => {
                if view != self.view {
                    self.view = view;
                    self.views.scroll = 0;
                    // Rounds and history take the detail's place: where only one pane fits,
                    // that pane is the one to show (Esc goes back to the list).
                    if matches!(view, View::Rounds | View::History) && self.single_pane() {
                        self.focus = Focus::Detail;
                    }
                    self.keep_selection_visible();
                }
                None
            }
            Action::ToggleMark => {
                self.toggle_mark();
                None
            }
            action @ (Action::StepRound(_)
            | Action::EdgeRound(_)
            | Action::Up
            | Action::Down
            | Action::Top
            | Action::Bottom
            | Action::Confirm)
                if self.view == View::Changes =>
            {
                self.changes_keys(action)
                    .and_then(|other| self.scroll_view(other))
            }
            Action::StepRound(delta) => {
                self.step_round(delta);
                None
            }
            Action::EdgeRound(last) => {
                let far = if last { i32::MAX } else { -i32::MAX };
                // The same clamping as a step, all the way.
                self.update_views(Action::StepRound(far))
            }
            Action::SelectViewRow(row) => {
                match self.view {
                    View::Endorsements => {
                        let last = self.views.endorsers.len().saturating_sub(1);
                        self.views.endorser_cursor = row.min(last);
                    }
                    View::Timeline => self.move_timeline(row as i64, 1),
                    _ => {}
                }
                None
            }
            other => match self.view {
                View::Contests => Some(other),
                View::Map => self.map_keys(other),
                View::Scoreboard | View::Compare | View::Changes => self.scroll_view(other),
                View::Timeline => self.timeline_keys(other),
                View::Endorsements => self.endorser_keys(other),
                View::Rounds | View::History => match other {
                    // Esc leaves the pane, then the view.
                    Action::Back if self.focus == Focus::List => {
                        self.view = View::Contests;
                        None
                    }
                    other => Some(other),
                },
            },
        }
    }

    /// Lines of the body's content area (for paging a full-body view).
    fn body_height(&self) -> i32 {
        i32::from(layout::inner(self.areas().body()).height.max(2)) - 1
    }

    /// Movement keys scroll the scoreboard, timeline and compare views; Esc leaves them.
    fn scroll_view(&mut self, action: Action) -> Option<Action> {
        let max = self.views.scroll_max;
        let by = |scroll: u16, d: i32| (i32::from(scroll) + d).clamp(0, i32::from(max)) as u16;
        let s = self.views.scroll;
        self.views.scroll = match action {
            Action::Up => by(s, -1),
            Action::Down => by(s, 1),
            Action::PageUp => by(s, -self.body_height()),
            Action::PageDown => by(s, self.body_height()),
            Action::Top => 0,
            Action::Bottom => max,
            Action::Back => {
                self.view = View::Contests;
                s
            }
            Action::Confirm => s,
            other => return Some(other),
        };
        None
    }

    /// Movement keys move the endorser cursor, s / S order the table, Enter lists the
    /// contests of the endorser's candidates.
    fn endorser_keys(&mut self, action: Action) -> Option<Action> {
        let len = self.views.endorsers.len();
        let last = len.saturating_sub(1) as i64;
        let page = i64::from(self.body_height() - 1).max(1);
        let cursor = self.views.endorser_cursor as i64;
        let to = |c: i64| c.clamp(0, last) as usize;
        match action {
            Action::Up => self.views.endorser_cursor = to(cursor - 1),
            Action::Down => self.views.endorser_cursor = to(cursor + 1),
            Action::PageUp => self.views.endorser_cursor = to(cursor - page),
            Action::PageDown => self.views.endorser_cursor = to(cursor + page),
            Action::Top => self.views.endorser_cursor = 0,
            Action::Bottom => self.views.endorser_cursor = to(last),
            Action::CycleSort => {
                self.views.endorser_sort = self.views.endorser_sort.next();
                self.sort_endorsers();
            }
            Action::ReverseSort => {
                self.views.endorser_reverse = !self.views.endorser_reverse;
                self.sort_endorsers();
            }
            Action::Confirm => self.list_endorsed(),
            Action::Back => self.view = View::Contests,
            other => return Some(other),
        }
        None
    }

    /// Movement keys move the timeline's cursor (over its months, never onto a gap), Enter
    /// lists the contests of the month under it, Esc goes back to the list.
    fn timeline_keys(&mut self, action: Action) -> Option<Action> {
        let page = i64::from(self.body_height() - 3).max(1);
        let cursor = self.views.timeline_cursor as i64;
        match action {
            Action::Up => self.move_timeline(cursor - 1, -1),
            Action::Down => self.move_timeline(cursor + 1, 1),
            Action::PageUp => self.move_timeline(cursor - page, -1),
            Action::PageDown => self.move_timeline(cursor + page, 1),
            Action::Top => self.move_timeline(0, 1),
            Action::Bottom => self.move_timeline(i64::MAX / 2, -1),
            Action::Confirm => self.list_period(),
            Action::Back => self.view = View::Contests,
            other => return Some(other),
        }
        None
    }

    /// Puts the timeline cursor on row `to` (clamped), or the nearest month from there in
    /// `direction` (a gap is no month to list), else the other way.
    pub(super) fn move_timeline(&mut self, to: i64, direction: i64) {
        let rows = &self.views.timeline;
        if rows.is_empty() {
            self.views.timeline_cursor = 0;
            return;
        }
        let last = rows.len() as i64 - 1;
        let start = to.clamp(0, last);
        let month = |i: i64| matches!(rows[i as usize].key, Span::One(_));
        let found = (0..=last)
            .map(|k| start + k * direction)
            .take_while(|i| (0..=last).contains(i))
            .chain(
                (0..=last)
                    .map(|k| start - k * direction)
                    .take_while(|i| (0..=last).contains(i)),
            )
            .find(|&i| month(i));
        self.views.timeline_cursor = found.unwrap_or(start) as usize;
    }

    /// Filters the list to the contests the timeline counts in the row under the cursor (a
    /// month; a year's "month unknown"; undated) and shows it.
    fn list_period(&mut self) {
        let Some(Span::One(period)) = self
            .views
            .timeline
            .get(self.views.timeline_cursor)
            .map(|g| g.key)
        else {
            return;
        };
        self.query.filter.period = Some(period);
        self.relist();
        self.view = View::Contests;
        self.focus = Focus::List;
        // The status bar shows the new filter ("timeline: Oct 2019").
        self.keep_selection_visible();
    }

    /// Re-sorts the endorsement record, keeping the cursor on the same endorser.
    fn sort_endorsers(&mut self) {
        let v = &mut self.views;
        let keep = v
            .endorsers
            .get(v.endorser_cursor)
            .map(|r| (r.name.clone(), r.backing));
        stats::sort_endorsers(&mut v.endorsers, v.endorser_sort, v.endorser_reverse);
        v.endorser_cursor = keep
            .and_then(|(name, backing)| {
                (v.endorsers.iter()).position(|r| r.name == name && r.backing == backing)
            })
            .unwrap_or(0);
    }

    /// Filters the list to the contests of the endorser under the cursor and shows it.
    fn list_endorsed(&mut self) {
        let Some(record) = self.views.endorsers.get(self.views.endorser_cursor) else {
            return;
        };
        let name = record.name.clone();
        self.query.filter.endorsers = vec![name.clone()];
        self.relist();
        self.view = View::Contests;
        self.focus = Focus::List;
        // The status bar shows the new filter ("endorsed by: …").
        self.keep_selection_visible();
    }

    /// Marks the selected contest for comparison, or unmarks it; a third mark replaces the
    /// oldest.
    fn toggle_mark(&mut self) {
        let Some(contest) = self.selected_contest() else {
            return;
        };
        let (id, title) = (contest.id.clone(), contest.title.clone());
        if let Some(at) = self.marks.iter().position(|m| *m == id) {
            self.marks.remove(at);
            self.say(format!("unmarked {title}"));
            return;
        }
        self.marks.push(id.to_string());
        if self.marks.len() > 2 {
            self.marks.remove(0);
        }
        let text = match self.marks.len() {
            1 => format!("marked {title}: mark one more with m, then 7 compares"),
            _ => format!("marked {title}: 7 compares the two marked contests"),
        };
        self.say(text);
    }

    /// The letter a marked contest is shown with (`A` for the older mark, `B`), if marked.
    pub fn mark_of(&self, id: &str) -> Option<char> {
        let at = self.marks.iter().position(|m| m == id)?;
        Some(char::from(b'A' + at as u8))
    }

    /// The round the rounds view shows for the selected contest (from 0).
    pub fn current_round(&self) -> usize {
        let Some(contest) = self.selected_contest() else {
            return 0;
        };
        match &self.views.round {
            Some((id, k)) if *id == contest.id => (*k).min(contest.rounds.len().saturating_sub(1)),
            _ => 0,
        }
    }

    /// ← / → in the rounds view: the previous or next round of the selected contest.
    fn step_round(&mut self, delta: i32) {
        if self.view != View::Rounds {
            return;
        }
        let Some(contest) = self.selected_contest() else {
            return;
        };
        let last = contest.rounds.len().saturating_sub(1) as i64;
        let id = contest.id.clone();
        let k = (self.current_round() as i64 + i64::from(delta)).clamp(0, last) as usize;
        self.views.round = Some((id.to_string(), k));
    }

    /// Recomputes the data of the view shown if the listed contests (or the selection, for
    /// the seat history) changed since it was computed; a large list's aggregate is asked of
    /// the worker instead (`refresh_aggregate`).
    pub(super) fn refresh_views(&mut self) {
        // A search's first rows are not the rows it lists: what counts or places them (an
        // aggregate marked as updating meanwhile, a seat's history among them, the map) waits
        // for the whole answer.
        let counts_rows =
            matches!(self.view, View::History | View::Map) || Aggregate::of(self.view).is_some();
        if self.rows_in_part && counts_rows {
            return;
        }
        if let Some(which) = Aggregate::of(self.view) {
            self.refresh_aggregate(which);
            if which == Aggregate::Map {
                self.sync_map_cursor();
            }
            return;
        }
        let Some(data) = &self.data else {
            return;
        };
        let ds = data.dataset();
        let v = &mut self.views;
        let version = v.rows_version;
        match self.view {
            View::History => {
                let anchor = self.rows.get(self.selected).copied();
                if v.history_for == Some((version, anchor)) {
                    return;
                }
                // The seats were indexed once, with the data (`Data::changes`).
                let index = data.changes.seats();
                let mut listed = vec![false; ds.contests.len()];
                for &i in self.rows.iter() {
                    listed[i] = true;
                }
                (v.history, v.history_hidden) = match anchor {
                    Some(a) => {
                        let all = index.history(ds, a, |_| true);
                        let shown: Vec<usize> =
                            all.iter().copied().filter(|&i| listed[i]).collect();
                        let hidden = all.len() - shown.len();
                        (shown, hidden)
                    }
                    None => (Vec::new(), 0),
                };
                v.history_change = v
                    .history
                    .iter()
                    .map(|&i| change::short(&data.changes.headline(ds, i)))
                    .collect();
                v.history_for = Some((version, anchor));
            }
            View::Rounds => {
                let anchor = self.rows.get(self.selected).copied();
                let key = anchor.map(|a| (v.data_version, a));
                if key != v.round_table_for {
                    v.round_table = anchor
                        .map(|a| &ds.contests[a])
                        .filter(|c| !c.rounds.is_empty())
                        .map(rounds::table);
                    v.seats_filled = anchor
                        .map(|a| crate::report::count_summary::seats_filled(&ds.contests[a]))
                        .unwrap_or_default();
                    v.round_table_for = key;
                }
            }
            _ => {}
        }
    }

    /// Brings the aggregate view's data up to the listed rows: at once for a small list (or
    /// rows whose data was worked out ahead), else through the outbox, once per version of
    /// the rows, while the view shows what it has marked as updating.
    fn refresh_aggregate(&mut self, which: Aggregate) {
        let version = self.views.rows_version;
        let Some(data) = &self.data else {
            return;
        };
        if self.views.data_for(which) == Some(version) {
            return;
        }
        // Only the map reads the maps (the built-in ones are read when first wanted).
        let maps = if which == Aggregate::Map {
            self.views.map.maps()
        } else {
            Arc::default()
        };
        let ready = if self.rows.len() < self.work_in_background_from {
            Some(aggregates::work_out(data, which, &self.rows, &maps))
        } else {
            aggregates::worked_out_ahead(data, which, &self.rows)
        };
        if let Some(ready) = ready {
            self.keep_view_data(version, ready);
        } else if self.views.requested != Some((version, which)) {
            self.views.requested = Some((version, which));
            self.outbox.push(Effect::WorkOut(Request {
                version,
                which,
                data: Arc::clone(data),
                rows: Arc::clone(&self.rows),
                maps,
            }));
        }
    }

    /// A view's data worked out off the UI thread: kept if the rows are still those it was
    /// worked out for (a result for rows since changed is dropped; they have been asked
    /// for again, or will be when their view is shown).
    pub(super) fn receive_view_data(&mut self, worked: Worked) {
        if worked.version == self.views.rows_version {
            self.keep_view_data(worked.version, worked.data);
        }
    }

    /// Stores a view's data for version `version` of the rows, keeping its cursor on the
    /// same row where that row is still there.
    fn keep_view_data(&mut self, version: u64, data: ViewData) {
        let v = &mut self.views;
        match data {
            ViewData::Scoreboard(board) => {
                v.board = Some(board);
                v.board_for = Some(version);
            }
            ViewData::Changes(matrix) => {
                let n = matrix.parties.len();
                v.matrix = Some(matrix);
                v.matrix_for = Some(version);
                v.matrix_column = 0;
                let (from, to) = v.matrix_cursor;
                v.matrix_cursor = (from.min(n.saturating_sub(1)), to.min(n.saturating_sub(1)));
            }
            ViewData::Endorsers(endorsers) => {
                let keep = v.endorsers.get(v.endorser_cursor).map(|r| r.name.clone());
                v.endorsers = endorsers;
                v.endorsers_for = Some(version);
                stats::sort_endorsers(&mut v.endorsers, v.endorser_sort, v.endorser_reverse);
                v.endorser_cursor = keep
                    .and_then(|name| v.endorsers.iter().position(|r| r.name == name))
                    .unwrap_or(0);
            }
            ViewData::Failed(which) => v.failed = Some((version, which)),
            ViewData::Map(picture) => self.keep_map(version, picture.map(|p| *p)),
            ViewData::Timeline(timeline, inferred) => {
                let keep = v.timeline.get(v.timeline_cursor).map(|g| g.key);
                v.timeline = timeline;
                v.timeline_inferred = inferred;
                v.timeline_for = Some(version);
                let at = keep
                    .and_then(|k| v.timeline.iter().position(|g| g.key == k))
                    .unwrap_or(0);
                self.move_timeline(at as i64, 1);
            }
        }
    }
}
