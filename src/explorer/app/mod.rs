//! The explorer's state and `App::update`, the only place that state changes.
//!
//! Submodules split `update` by concern: `nav` (selection and scrolling), `filters` (filters,
//! search, sort, pickers, text fields), `paste` (pasted text), `mouse` (mouse events →
//! actions), `views` (the views beyond the contest list, marks, and their cached data),
//! `export` (files and clipboard), `messages` (what the user is told, and its log).

mod changes;
mod chips;
mod columns;
mod export;
mod filters;
mod map;
mod messages;
mod mouse;
mod nav;
mod paste;
mod picker;
mod text_input;
mod views;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveTime;
use ratatui::layout::Rect;

pub use crate::explorer::data::Data;
pub use crate::explorer::screen::{Focus, ListColumn, ListColumns, ListSort, ScrollLimits, View};
pub use chips::{Chip, chips};
pub use map::MapState;
pub use messages::{Message, MessageLog};
pub use picker::{Choice, Chosen, Picker};
pub use text_input::{Field, TextInput};
pub use views::{Freshness, ViewState};

use crate::explorer::action::Action;
use crate::explorer::effect::Effect;
use crate::explorer::keymap::Mode;
use crate::explorer::layout::{self, Areas};
use crate::explorer::theme::Theme;
use crate::model::Contest;
use crate::query::Query;
use crate::report::words::thousands;

/// What sits on top of the view (one thing at a time).
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Overlay {
    #[default]
    None,
    Help,
    Picker(Picker),
    Input(TextInput),
    /// A yes/no question in the status line: overwrite an existing file?
    Confirm(Box<crate::explorer::export::Request>),
    /// The message log (`M`): every message so far, in full, newest first.
    Messages,
    /// Stepping through the filter chips (`x`); the chip under the cursor, from 0.
    Chips(usize),
    /// The list's columns (`C`): the one under the cursor, as a position in
    /// `ListColumn::CHOOSABLE`.
    Columns(usize),
}

/// Everything the explorer shows, and nothing it does not.
#[derive(Debug)]
pub struct App {
    pub view: View,
    pub focus: Focus,
    pub overlay: Overlay,
    /// `None` until the first load finishes (or its preview arrives).
    pub data: Option<Arc<Data>>,
    /// `data` is only the first contests of a large file (`Action::Preview`) while the whole
    /// file loads: counts say so, and reloading and exporting wait.
    pub preview: bool,
    pub query: Query,
    /// The filtered, sorted contests, as indices into the dataset: shared with the view
    /// worker, which a million rows would take milliseconds to copy to.
    pub rows: Arc<Vec<usize>>,
    /// Position of the selected contest in `rows`.
    pub selected: usize,
    /// First row of `rows` shown in the list pane.
    pub offset: usize,
    /// First line of the detail pane shown.
    pub detail_scroll: u16,
    /// How far the detail can scroll, as the last frame drawn measured it (`ScrollLimits`).
    pub detail_max: u16,
    pub help_scroll: u16,
    /// How far the help can scroll, as the last frame drawn measured it (`ScrollLimits`).
    pub help_max: u16,
    pub screen: Rect,
    pub theme: Theme,
    /// Names of the sources being loaded (for the loading screen and the title).
    pub sources: Vec<String>,
    /// The last load error, shown in the status bar while older data stays on screen.
    pub error: Option<String>,
    /// A passing message in the status bar ("reloaded at ..."), cleared by the next key.
    pub notice: Option<String>,
    /// Every notice, complaint and load error shown, with its time, for the `M` popup.
    pub messages: MessageLog,
    /// The time of the action being handled, as the event loop last said (`Action::Clock`):
    /// messages are stamped with it. Midnight until told otherwise.
    pub clock: NaiveTime,
    /// Animation frame of the loading indicator.
    pub tick: usize,
    pub should_quit: bool,
    /// Quit by Ctrl-c rather than `q` (the exit status says so).
    pub interrupted: bool,
    /// State and cached data of the views other than the contest list.
    pub views: ViewState,
    /// Ids of the contests marked for comparison (two at most, oldest first).
    pub marks: Vec<String>,
    /// The columns the list may show, chosen with `C` (kept for the session).
    pub list_columns: ListColumns,
    /// The list is sorted by the change since the seat's previous contest (`s` after
    /// turnout), the query's sort breaking ties (see `ListSort`).
    pub sort_by_change: bool,
    /// Side effects `update` asked for, in order, for the event loop to carry out (see
    /// `take_effects`).
    pub outbox: Vec<Effect>,
    /// Lists of this many contests or more have their aggregate views worked out off the UI
    /// thread (`aggregates::IN_BACKGROUND_FROM`; tests lower it).
    pub work_in_background_from: usize,
    /// Datasets of this many contests or more are searched off the UI thread
    /// (`search::IN_BACKGROUND_FROM`; tests lower it).
    pub search_in_background_from: usize,
    /// The search asked of the worker and not yet answered in full, by number: the rows
    /// listed meanwhile are those of the query before it, or its first rows (`rows_in_part`).
    pub searching: Option<u64>,
    /// The rows listed are the first screenful of the search being run, found ahead of the
    /// rest: the views that count or place the listed rows wait for the whole answer.
    pub rows_in_part: bool,
    /// While a search's first rows are listed without the contest selected before them: that
    /// contest, and the one selected instead. Unless the reader has moved since, the whole
    /// answer selects the first again if it holds it.
    selected_before_search: Option<(usize, Option<usize>)>,
    /// How many searches have been asked of the worker (each one's number).
    searches: u64,
    /// The export being made off the UI thread, or asked about: what it is and where it goes
    /// (`12 contests as CSV to out.csv`), shown until it is done. One at a time.
    pub exporting: Option<String>,
    /// `q` was pressed during an export and told the export would be lost: the next `q` quits.
    quit_warned: bool,
    /// An export's file turned out to exist while another overlay was open: the question
    /// whether to replace it is asked once that closes.
    question_waiting: Option<Box<crate::explorer::export::Request>>,
}

impl App {
    /// An app with no data yet, on a screen of `width`×`height`.
    pub fn new(sources: Vec<String>, theme: Theme, width: u16, height: u16) -> App {
        App {
            view: View::default(),
            focus: Focus::default(),
            overlay: Overlay::None,
            data: None,
            preview: false,
            query: Query::default(),
            rows: Arc::default(),
            selected: 0,
            offset: 0,
            detail_scroll: 0,
            detail_max: 0,
            help_scroll: 0,
            help_max: 0,
            screen: Rect::new(0, 0, width, height),
            theme,
            sources,
            error: None,
            notice: None,
            messages: MessageLog::default(),
            clock: NaiveTime::MIN,
            tick: 0,
            should_quit: false,
            interrupted: false,
            views: ViewState::default(),
            marks: Vec::new(),
            list_columns: ListColumns::default(),
            sort_by_change: false,
            outbox: Vec::new(),
            work_in_background_from: crate::explorer::aggregates::IN_BACKGROUND_FROM,
            search_in_background_from: crate::explorer::search::IN_BACKGROUND_FROM,
            searching: None,
            rows_in_part: false,
            selected_before_search: None,
            searches: 0,
            exporting: None,
            quit_warned: false,
            question_waiting: None,
        }
    }

    /// What keys mean right now.
    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Overlay::None if self.view == View::Map && self.data.is_some() => Mode::Map,
            Overlay::None => Mode::Normal,
            Overlay::Help => Mode::Help,
            Overlay::Picker(p) if p.finding => Mode::Text,
            Overlay::Picker(_) => Mode::Picker,
            Overlay::Chips(_) => Mode::Chips,
            Overlay::Input(_) => Mode::Text,
            Overlay::Confirm(_) => Mode::Confirm,
            Overlay::Messages => Mode::Messages,
            Overlay::Columns(_) => Mode::Columns,
        }
    }

    /// The panes for the current screen size and focus.
    pub fn areas(&self) -> Areas {
        layout::areas(
            self.screen,
            self.focus == Focus::Detail,
            self.message_rows(self.screen),
        )
    }

    /// What the list is sorted by.
    pub fn list_sort(&self) -> ListSort {
        if self.sort_by_change {
            ListSort::Change
        } else {
            ListSort::Key(self.query.sort.key)
        }
    }

    /// Index into the dataset of the selected contest.
    pub fn selected_index(&self) -> Option<usize> {
        self.rows.get(self.selected).copied()
    }

    /// What the header calls the data: every loaded file's title (a file without one by its
    /// name; the same title twice once), else the names of its sources.
    pub fn header_titles(&self) -> Vec<String> {
        let Some(data) = &self.data else {
            return self.sources.clone();
        };
        let loaded = &data.loaded;
        let mut titles: Vec<String> = Vec::new();
        if loaded.titles.iter().any(Option::is_some) {
            for (title, source) in loaded.titles.iter().zip(&loaded.sources) {
                let name = title.clone().unwrap_or_else(|| source.clone());
                if !titles.contains(&name) {
                    titles.push(name);
                }
            }
            return titles;
        }
        match &data.dataset().title {
            Some(title) => vec![title.to_string()],
            None => loaded.sources.clone(),
        }
    }

    /// The header's titles joined, as they read when there is room.
    pub fn header_name(&self) -> String {
        self.header_titles().join(" · ")
    }

    /// Whether only one pane fits (the list or the detail, by focus).
    pub fn single_pane(&self) -> bool {
        let a = layout::areas(self.screen, false, 0);
        a.detail.is_empty()
    }

    /// The selected contest.
    pub fn selected_contest(&self) -> Option<&Contest> {
        let data = self.data.as_ref()?;
        self.selected_index().map(|i| &data.dataset().contests[i])
    }

    /// Total contests loaded.
    pub fn total(&self) -> usize {
        // A contest several sources give is one row.
        self.data.as_ref().map_or(0, |d| d.index.rows_total())
    }

    /// How many contests are listed: `40+` while only a search's first rows are in.
    pub fn listed(&self) -> String {
        format!("{}{}", self.rows.len(), self.more_to_come())
    }

    /// What a count of the listed contests ends with: `+` while only a search's first rows
    /// are in.
    pub fn more_to_come(&self) -> &'static str {
        if self.rows_in_part { "+" } else { "" }
    }

    /// The contests listed out of all, as pane titles say it: `12 of 300` then `noun`; while
    /// only a preview is in, `12 of the first 300`, `noun`, ` · loading…`; while a search is
    /// run off the UI thread, ` · searching…` after it (the rows are the query's before).
    pub fn listed_of_total(&self, noun: &str) -> String {
        let (n, m) = (self.listed(), self.total());
        let searching = if self.searching.is_some() {
            " · searching…"
        } else {
            ""
        };
        if self.preview {
            format!("{n} of the first {m}{noun} · loading…{searching}")
        } else {
            format!("{n} of {m}{noun}{searching}")
        }
    }

    /// The side effects asked for since the last call, oldest first (taking them, so each is
    /// carried out once).
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.outbox)
    }

    /// Applies one action. Every change of explorer state happens here; side effects are
    /// left in the outbox.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Drawn(limits) => {
                // A pane not drawn keeps its last measure, for when it is shown again.
                self.detail_max = limits.detail.unwrap_or(self.detail_max);
                self.views.scroll_max = limits.view.unwrap_or(self.views.scroll_max);
                self.help_max = limits.help.unwrap_or(self.help_max);
                self.messages.max = limits.messages.unwrap_or(self.messages.max);
                return;
            }
            Action::Clock(now) => {
                self.clock = now;
                return;
            }
            // Not the user's doing: the passing message stays, whatever is open.
            Action::ViewData(worked) => {
                self.receive_view_data(*worked);
                return;
            }
            Action::Found(found) => {
                self.receive_found(*found);
                self.refresh_views();
                return;
            }
            Action::Exported(exported) => {
                self.exported(*exported);
                self.ask_waiting_question();
                return;
            }
            _ => {}
        }
        if !matches!(
            action,
            Action::Tick
                | Action::Resize(..)
                | Action::SetQuery(_)
                | Action::Loaded(_)
                | Action::Preview(_)
                | Action::LoadFailed(_)
        ) {
            // Whatever the user does next, the passing message has been seen.
            self.notice = None;
        }
        // The column picker takes its keys; the views take their own actions next and pass
        // the rest on.
        if let Some(action) = self.update_columns(action)
            && let Some(action) = self.update_views(action)
        {
            self.update_contests(action);
        }
        self.refresh_views();
        self.ask_waiting_question();
    }

    /// The actions of the contest list and everything shared by all views.
    fn update_contests(&mut self, action: Action) {
        match action {
            Action::Quit => self.should_quit = true,
            Action::Interrupt => {
                self.should_quit = true;
                self.interrupted = true;
            }
            Action::Suspend => self.outbox.push(Effect::Suspend),
            Action::Notice(text) => self.say(text),
            Action::Reload if self.preview => {
                // Asked now, it would load the file a second time once the first is done.
                self.say("still loading the whole file: R reloads once it is in".into());
            }
            Action::Reload if self.data.is_some() => {
                self.say("reloading…".into());
                self.outbox.push(Effect::Reload);
            }
            Action::Tick => self.tick = self.tick.wrapping_add(1),
            Action::Resize(w, h) => {
                self.screen = Rect::new(0, 0, w, h);
                self.keep_selection_visible();
            }
            Action::ToggleHelp => {
                self.overlay = match self.overlay {
                    Overlay::Help => Overlay::None,
                    _ => Overlay::Help,
                };
                self.help_scroll = 0;
            }
            Action::ToggleMessages => self.toggle_messages(),
            Action::Loaded(data) => {
                let was_preview = std::mem::take(&mut self.preview);
                self.load(data);
                if was_preview {
                    self.say(format!(
                        "loaded all {} contests",
                        thousands(self.total() as u64)
                    ));
                }
            }
            Action::Preview(data) => {
                self.load(data);
                self.preview = true;
            }
            Action::LoadFailed(message) => self.load_failed(message),
            Action::SetQuery(query) => {
                self.query = *query;
                self.refilter(false);
            }
            // Nothing to browse yet; only quitting and help work while loading.
            _ if self.data.is_none() => {}
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.page(-1),
            Action::PageDown => self.page(1),
            Action::Top => self.jump(false),
            Action::Bottom => self.jump(true),
            Action::FocusNext => {
                self.focus = match self.focus {
                    Focus::List => Focus::Detail,
                    Focus::Detail => Focus::List,
                };
                self.keep_selection_visible();
            }
            Action::FocusPane(focus) => {
                self.focus = focus;
                self.keep_selection_visible();
            }
            Action::Confirm => self.confirm(),
            Action::Back => self.back(),
            Action::SelectRow(row) => self.select_row(row),
            Action::ScrollList(n) => self.scroll_list(n),
            Action::ScrollDetail(n) => self.scroll_detail(n),
            Action::Paste(text) => self.paste(&text),
            other => self.update_filters(other),
        }
    }

    /// New data: keep the filters, the sort and an open picker's marks; keep the selected
    /// contest if it is still listed, else select its nearest surviving neighbour in the old
    /// list (the one after it, else before it), so a reload never throws the reader elsewhere.
    fn load(&mut self, data: Arc<Data>) {
        self.error = None;
        let old_rows = std::mem::take(&mut self.rows);
        let (old_selected, scroll) = (self.selected, self.detail_scroll);
        let old = self.data.replace(data);
        self.views.data_changed();
        // A result filter keeps contests by position: decided again on the new data.
        if old.is_some() {
            self.resolve_results();
            self.resolve_change_cell();
        }
        self.refilter(false);
        let new = self.data.as_ref().expect("just set");
        if let Overlay::Picker(picker) = &self.overlay {
            self.overlay = Overlay::Picker(picker.refreshed(new, &self.query.filter));
        }
        let Some(old) = old else {
            return;
        };
        // Most often the selected contest is still listed: found by one pass over the rows,
        // not a map of every row's id (half a second at a million contests).
        let id_of = |i: usize| old.dataset().contests[i].id.as_str();
        if let Some(&selected) = old_rows.get(old_selected) {
            let id = id_of(selected);
            if let Some(&i) = (self.rows.iter()).find(|&&i| new.dataset().contests[i].id == id) {
                self.reselect(Some(i));
                self.detail_scroll = scroll;
                return;
            }
        }
        let position: HashMap<&str, usize> = self
            .rows
            .iter()
            .enumerate()
            .map(|(pos, &i)| (new.dataset().contests[i].id.as_str(), pos))
            .collect();
        let nearest = old_rows
            .get(old_selected..)
            .unwrap_or_default()
            .iter()
            .chain(old_rows[..old_selected.min(old_rows.len())].iter().rev())
            .enumerate()
            .find_map(|(n, &i)| Some((n, *position.get(old.dataset().contests[i].id.as_str())?)));
        if let Some((n, pos)) = nearest {
            self.reselect(self.rows.get(pos).copied());
            // The same contest (n = 0) stays where the reader had scrolled it.
            self.detail_scroll = if n == 0 { scroll } else { 0 };
        }
    }

    /// Enter outside a popup: show the selected contest's detail.
    fn confirm(&mut self) {
        match &self.overlay {
            Overlay::None => {
                if self.focus == Focus::List && !self.rows.is_empty() {
                    self.focus = Focus::Detail;
                }
            }
            _ => self.update_filters(Action::Confirm),
        }
    }

    /// Esc: close the overlay, else leave the detail, else clear the search.
    fn back(&mut self) {
        match &self.overlay {
            Overlay::None if self.focus == Focus::Detail => {
                self.focus = Focus::List;
                self.keep_selection_visible();
            }
            Overlay::None if !self.query.filter.search.is_empty() => {
                self.query.filter.search.clear();
                self.relist();
            }
            Overlay::None => {}
            _ => self.update_filters(Action::Back),
        }
    }
}
