//! Filters, search, sort, pickers and text fields: everything that changes which contests are
//! listed. The selected contest is kept (by identity) whenever it is still listed.

use std::sync::Arc;

use crate::explorer::action::{Action, Edit, PickerKind};
use crate::explorer::app::{App, Field, Overlay, Picker, TextInput};
use crate::explorer::effect::Effect;
use crate::explorer::search::{self, Found};
use crate::model::date::PartialDate;
use crate::model::{CandidateStatus, ContestKind, StageKind, Status};
use crate::query::SortKey;
use crate::query::{FactionScope, Filter};

impl App {
    /// The filter and sort actions (and Enter/Esc inside a popup or text field).
    pub(super) fn update_filters(&mut self, action: Action) {
        match action {
            Action::StartSearch if matches!(self.overlay, Overlay::Picker(_)) => {
                if let Overlay::Picker(p) = &mut self.overlay {
                    p.finding = true;
                }
            }
            Action::StartSearch => {
                self.overlay = Overlay::Input(TextInput::new(
                    Field::Search,
                    self.query.filter.search.clone(),
                ));
            }
            Action::StartDates => {
                self.overlay = Overlay::Input(TextInput::new(
                    Field::Dates,
                    date_range_text(&self.query.filter),
                ));
            }
            Action::Input(c) => self.edit(&Edit::Insert(c.to_string())),
            Action::Edit(edit) => self.edit(&edit),
            Action::Confirm => self.confirm_overlay(),
            Action::Back => self.cancel_overlay(),
            Action::OpenPicker(kind) => {
                if let Some(data) = &self.data {
                    self.overlay = Overlay::Picker(Picker::open(kind, data, &self.query.filter));
                }
            }
            Action::PickerToggle => {
                if let Overlay::Picker(p) = &mut self.overlay {
                    p.toggle();
                }
            }
            Action::PickRow(row) => {
                if let Overlay::Picker(p) = &mut self.overlay
                    && row < p.len()
                {
                    p.cursor = row;
                    p.toggle();
                }
            }
            Action::ToggleFactionScope => self.toggle_scope(),
            Action::CycleStatus => {
                self.query.filter.statuses = match self.query.filter.statuses.as_slice() {
                    [] => vec![Status::Decided],
                    [Status::Decided] => vec![Status::Pending],
                    _ => vec![],
                };
                self.relist();
            }
            Action::ClearFilters => {
                self.query.filter = Filter::default();
                if let Overlay::Chips(_) = self.overlay {
                    self.overlay = Overlay::None;
                }
                self.relist();
            }
            Action::EditChips => self.edit_chips(),
            Action::RemoveChip => self.remove_chip(),
            Action::SelectChip(at)
                if at < crate::explorer::app::chips(&self.query.filter).len() =>
            {
                self.overlay = Overlay::Chips(at);
            }
            // Date, title, region, margin, turnout, then the change (ties newest first).
            Action::CycleSort => {
                let last = SortKey::ALL[SortKey::ALL.len() - 1];
                if self.sort_by_change {
                    self.sort_by_change = false;
                    self.query.sort.key = SortKey::ALL[0];
                } else if self.query.sort.key == last {
                    self.sort_by_change = true;
                    self.query.sort.key = SortKey::Date;
                } else {
                    self.query.sort.key = self.query.sort.key.next();
                }
                self.resort();
                self.center_selection();
            }
            Action::ReverseSort => {
                self.query.sort.reverse = !self.query.sort.reverse;
                self.resort();
                self.center_selection();
            }
            _ => {}
        }
    }

    /// Edits the open text field at its cursor; a search applies at once (narrowing when text
    /// was added at its end).
    pub(super) fn edit(&mut self, edit: &Edit) {
        if let Overlay::Picker(p) = &mut self.overlay {
            // Type-to-find in a picker: the choices narrow as it is typed (its cursor is
            // always at the end).
            let mut find = TextInput::new(Field::Search, std::mem::take(&mut p.find));
            find.apply(edit);
            p.set_find(find.text);
            return;
        }
        let Overlay::Input(input) = &mut self.overlay else {
            return;
        };
        let adds = input.apply(edit);
        input.error = None;
        if input.field == Field::Search {
            // Appending to every word can only narrow: "sto" ⊇ "stoc". A new word can too.
            let narrowing = adds && !self.query.filter.search.is_empty();
            self.query.filter.search = input.text.clone();
            if self.searches_in_background() {
                self.ask_search();
            } else {
                self.refilter(narrowing);
            }
        }
    }

    fn confirm_overlay(&mut self) {
        match std::mem::take(&mut self.overlay) {
            // Enter ends the typing: Space marks among what was found, Enter applies.
            Overlay::Picker(mut p) if p.finding => {
                p.finding = false;
                self.overlay = Overlay::Picker(p);
            }
            Overlay::Picker(p) => self.apply_picker(&p),
            Overlay::Input(input) if input.field == Field::Dates => {
                match parse_range(&input.text) {
                    Ok((since, until)) => {
                        self.query.filter.since = since.map(|d| d.start());
                        self.query.filter.until = until.map(|d| d.end());
                        self.relist();
                    }
                    Err(error) => {
                        self.overlay = Overlay::Input(input);
                        self.refuse(error);
                    }
                }
            }
            // The search is already applied; Enter just stops typing.
            Overlay::Input(_)
            | Overlay::Help
            | Overlay::None
            | Overlay::Confirm(_)
            | Overlay::Chips(_)
            | Overlay::Columns(_)
            | Overlay::Messages => {}
        }
    }

    fn cancel_overlay(&mut self) {
        match std::mem::take(&mut self.overlay) {
            Overlay::Input(input) if input.field == Field::Search => {
                self.query.filter.search.clear();
                self.refilter(false);
            }
            // Esc while finding forgets what was typed; the picker stays open.
            Overlay::Picker(mut p) if p.finding => {
                p.finding = false;
                p.set_find(String::new());
                self.overlay = Overlay::Picker(p);
            }
            _ => {}
        }
    }

    fn apply_picker(&mut self, picker: &Picker) {
        let chosen = picker.chosen();
        let filter = &mut self.query.filter;
        match picker.kind {
            PickerKind::Region => (filter.regions, filter.no_region) = (chosen.ids, chosen.none),
            PickerKind::Faction => {
                (filter.factions, filter.no_faction) = (chosen.ids, chosen.none);
                filter.faction_scope = picker.scope;
            }
            PickerKind::Kind => {
                filter.kinds = ContestKind::ALL
                    .into_iter()
                    .filter(|k| chosen.ids.iter().any(|c| c == k.as_str()))
                    .collect();
            }
            PickerKind::Endorser => filter.endorsers = chosen.ids,
            PickerKind::Stage => {
                filter.stages = StageKind::ALL
                    .into_iter()
                    .filter(|s| chosen.ids.iter().any(|c| c == s.as_str()))
                    .collect();
            }
            PickerKind::CandidateStatus => {
                filter.candidate_statuses = CandidateStatus::ALL
                    .into_iter()
                    .filter(|s| chosen.ids.iter().any(|c| c == s.as_str()))
                    .collect();
            }
        }
        self.relist();
    }

    /// In the faction picker, switches whose faction counts: the winner's or any candidate's.
    /// Other pickers have no scope and ignore it.
    fn toggle_scope(&mut self) {
        let flip = |s: FactionScope| match s {
            FactionScope::Winner => FactionScope::AnyCandidate,
            FactionScope::AnyCandidate => FactionScope::Winner,
        };
        if let (Overlay::Picker(p), Some(data)) = (&mut self.overlay, &self.data) {
            if p.kind == PickerKind::Faction {
                p.scope = flip(p.scope);
                p.recount(data);
            }
        }
    }

    /// Lists the rows of the query as it stands after the reader changed a filter: at once,
    /// or for a large dataset by the search worker, as a search is (a filter by a fact took
    /// 10–55 ms of the UI thread at a million contests), the first screenful at once.
    pub(super) fn relist(&mut self) {
        if self.searches_in_background() {
            self.ask_search();
        } else {
            self.refilter(false);
        }
    }

    /// Lists the rows of the query as it stands, at once. `narrowing` promises the new filter
    /// only removes contests, so only the current rows are tested (and their order kept). A
    /// search still being run off the UI thread is for a query no longer current: its answer
    /// will be dropped.
    pub(super) fn refilter(&mut self, narrowing: bool) {
        let Some(data) = &self.data else {
            return;
        };
        self.searching = None;
        let rows = if narrowing {
            data.index
                .filter(&self.query.filter, Some(self.rows.as_slice()))
        } else {
            data.list(&self.query, self.sort_by_change)
        };
        self.list_rows(rows);
    }

    /// Lists `rows`, keeping the selected contest when it is among them.
    fn list_rows(&mut self, rows: Vec<usize>) {
        let keep = self.selection_to_keep();
        self.views.rows_changed();
        self.rows = Arc::new(rows);
        self.rows_in_part = false;
        self.selected_before_search = None;
        self.reselect(keep);
    }

    /// Lists a search's first rows, found ahead of the rest (`Found::complete` false).
    fn list_first_rows(&mut self, first: Vec<usize>) {
        let keep = self.selection_to_keep();
        self.list_rows(first);
        self.rows_in_part = true;
        let instead = self.selected_index();
        if let Some(keep) = keep
            && instead != Some(keep)
        {
            self.selected_before_search = Some((keep, instead));
        }
    }

    /// The contest a new list keeps selected: the one selected, or the one selected before a
    /// search's first rows lacked it, if the reader has not moved since.
    fn selection_to_keep(&self) -> Option<usize> {
        match self.selected_before_search {
            Some((before, instead)) if self.selected_index() == instead => Some(before),
            _ => self.selected_index(),
        }
    }

    /// Whether the data is large enough for a search to run off the UI thread.
    fn searches_in_background(&self) -> bool {
        (self.data.as_ref()).is_some_and(|d| d.index.len() >= self.search_in_background_from)
    }

    /// Asks the search worker for the rows of the query as it stands (`Effect::Search`). The
    /// rows listed stay, the list saying it is searching, until the answer (`Action::Found`).
    fn ask_search(&mut self) {
        let Some(data) = &self.data else {
            return;
        };
        self.searches += 1;
        self.searching = Some(self.searches);
        self.outbox.push(Effect::Search(Box::new(search::Request {
            version: self.searches,
            data: Arc::clone(data),
            query: self.query.clone(),
            by_change: self.sort_by_change,
            // The list never shows more rows than the screen has lines.
            first: usize::from(self.screen.height),
        })));
    }

    /// The rows a search found off the UI thread: listed if it is the search last asked for
    /// and nothing has listed rows since. Its first rows are listed while it goes on.
    pub(super) fn receive_found(&mut self, found: Found) {
        if self.searching != Some(found.version) {
            return;
        }
        if !found.complete {
            if let Some(first) = found.rows {
                self.list_first_rows(first);
            }
            return;
        }
        self.searching = None;
        if let Some(rows) = found.rows {
            self.list_rows(rows);
        } else {
            // Rows of another query would pass for its answer: none are listed.
            self.list_rows(Vec::new());
            self.complain(
                "could not run the search: a bug in hustings (please report it); \
                 nothing is listed for it"
                    .into(),
            );
        }
    }

    /// Puts the rows in the order of the query's new sort: the filter is the same, so it does
    /// not run again (a million rows re-sort in milliseconds, where filtering them takes tens).
    /// While a search is being run, it is asked again in the new order.
    fn resort(&mut self) {
        let Some(data) = &self.data else {
            return;
        };
        if self.searching.is_some() {
            self.ask_search();
            return;
        }
        let keep = self.selected_index();
        self.views.rows_changed();
        // A copy only if the view worker still holds the rows.
        let rows = Arc::make_mut(&mut self.rows).as_mut_slice();
        data.resort(rows, &self.query, self.sort_by_change);
        self.reselect(keep);
    }

    /// Selects contest `keep` if it is listed, else the first row (with the detail at its top).
    pub(super) fn reselect(&mut self, keep: Option<usize>) {
        if let Some(pos) = keep.and_then(|i| self.rows.iter().position(|&r| r == i)) {
            self.selected = pos;
        } else {
            self.selected = 0;
            self.detail_scroll = 0;
        }
        self.keep_selection_visible();
    }
}

/// The current date range as the user would type it.
fn date_range_text(filter: &Filter) -> String {
    match (filter.since, filter.until) {
        (None, None) => String::new(),
        (since, until) => format!(
            "{}..{}",
            since.map(|d| d.to_string()).unwrap_or_default(),
            until.map(|d| d.to_string()).unwrap_or_default()
        ),
    }
}

/// `FROM..TO`, either side optional, each `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a single date
/// means that whole year, month or day.
pub fn parse_range(text: &str) -> Result<(Option<PartialDate>, Option<PartialDate>), String> {
    let text = text.trim();
    let one = |s: &str| -> Result<Option<PartialDate>, String> {
        let s = s.trim();
        if s.is_empty() {
            Ok(None)
        } else {
            PartialDate::parse(s).map(Some)
        }
    };
    let (since, until) = if let Some((a, b)) = text.split_once("..") {
        (one(a)?, one(b)?)
    } else {
        let d = one(text)?;
        (d, d)
    };
    if let (Some(a), Some(b)) = (since, until)
        && a.start() > b.end()
    {
        return Err(format!("the range starts after it ends ({a} > {b})"));
    }
    Ok((since, until))
}
