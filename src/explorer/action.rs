//! Everything that can happen to the explorer, as values: keys, pastes and mouse events are
//! turned into these (see `keymap` and `App::mouse_action`), and so are finished loads and
//! drawn frames; `App::update` is the only place they take effect.

use std::sync::Arc;

use crate::explorer::aggregates::Worked;
use crate::explorer::data::Data;
use crate::explorer::export::{ExportTarget, Exported};
use crate::explorer::screen::{Focus, ScrollLimits, View};
use crate::explorer::search::Found;
use crate::map::Direction;
use crate::query::Query;

/// A popup list of choices for one filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    Region,
    Faction,
    /// The contest kind (selection, leadership, ...).
    Kind,
    /// The endorser of any candidate.
    Endorser,
    /// A stage the contest reached (longlist, shortlist, ballot, ...).
    Stage,
    /// A status some candidate has (withdrawn, not shortlisted, imposed, disqualified).
    CandidateStatus,
}

/// A line-editing key in a prompt, at its cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Text typed or pasted at the cursor.
    Insert(String),
    /// The character before the cursor.
    Backspace,
    /// The character at the cursor.
    Delete,
    Left,
    Right,
    /// Ctrl-A or Home: the start of the line.
    Home,
    /// Ctrl-E or End: its end.
    End,
    /// Ctrl-U: everything before the cursor.
    ClearToStart,
    /// Ctrl-W: the word before the cursor (and the spaces after it).
    DeleteWord,
}

/// One thing the user (or the loader) asked for.
#[derive(Debug)]
pub enum Action {
    Quit,
    /// Ctrl-c: quit, reporting an interruption (exit status 130, as for SIGINT).
    Interrupt,
    /// Ctrl-z (or SIGTSTP): give the terminal back and stop until the shell's `fg`.
    Suspend,
    /// Move the cursor of whatever has focus: list selection, detail scroll, picker cursor.
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Switch focus between the list and the detail pane.
    FocusNext,
    /// Give this pane the focus (a mouse click in it).
    FocusPane(Focus),
    /// Enter: open the selected contest's detail, or confirm a popup or text field.
    Confirm,
    /// Esc: close a popup, leave the detail, or clear the search.
    Back,
    ToggleHelp,
    /// `M`: open or close the message log.
    ToggleMessages,
    /// Start typing a search (in a picker: type-to-find among its choices).
    StartSearch,
    /// Start typing a date range.
    StartDates,
    /// A character typed into the active text field.
    Input(char),
    /// A line-editing key in the active text field (Backspace, Delete, ← / →, Home / End,
    /// Ctrl-U, Ctrl-W, Ctrl-A, Ctrl-E).
    Edit(Edit),
    /// Text pasted (bracketed paste): typed into the prompt, or a new search outside one; never
    /// read as keys. Line breaks and tabs become spaces, other control characters are dropped.
    Paste(String),
    OpenPicker(PickerKind),
    /// `C`: open the picker of the list's columns.
    OpenColumns,
    /// Mark or unmark the choice under the picker's cursor.
    PickerToggle,
    /// Faction filter: match the winner only, or any candidate.
    ToggleFactionScope,
    /// Status filter: any → decided → pending → any.
    CycleStatus,
    ClearFilters,
    /// `x`: step into the status bar's filter chips, to remove them one by one.
    EditChips,
    /// Remove the filter chip under the cursor.
    RemoveChip,
    /// Step into the chips with this one (from 0) under the cursor (a click on it).
    SelectChip(usize),
    CycleSort,
    ReverseSort,
    /// Select the row at this position in the filtered list (a mouse click).
    SelectRow(usize),
    /// Select this row of a full-body view's list: an endorser, a timeline row (a click).
    SelectViewRow(usize),
    /// Put the picker's cursor on this row and mark or unmark it (a click).
    PickRow(usize),
    /// Scroll the list by this many rows (mouse wheel; negative is up).
    ScrollList(i32),
    /// Scroll the detail pane by this many lines (mouse wheel; negative is up).
    ScrollDetail(i32),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// Time passed (animates the loading indicator).
    Tick,
    /// The wall-clock time now, from the event loop before each action it hands over: the
    /// messages that action logs are stamped with it (`update` itself never reads the clock).
    Clock(chrono::NaiveTime),
    /// A frame was drawn: how far its scrolling panes can scroll.
    Drawn(ScrollLimits),
    /// Replace the query (filters and sort), e.g. from command-line flags.
    SetQuery(Box<Query>),
    /// New data arrived (first load, or a reload): filters and the selected contest are kept.
    Loaded(Arc<Data>),
    /// The first contests of a large file, to browse while the whole file loads (`Loaded`
    /// replaces them, keeping what the user did meanwhile).
    Preview(Arc<Data>),
    /// Loading failed: the last good data stays on screen and the error shows in the status bar.
    LoadFailed(String),
    /// `R`: reload the data files now (the explorer does the loading; the app says it is busy).
    Reload,
    /// A view's data, worked out off the UI thread (`Effect::WorkOut`) for a version of the
    /// listed rows: kept only if the rows are still that version.
    ViewData(Box<Worked>),
    /// The rows a search of a large dataset found off the UI thread (`Effect::Search`):
    /// listed only if no other search or filter has been asked for since.
    Found(Box<Found>),
    /// A passing message for the status bar (e.g. "reloaded at 14:03:07"), gone at the next key.
    Notice(String),
    /// Show this view (the number keys).
    ShowView(View),
    /// Mark or unmark the selected contest for comparison.
    ToggleMark,
    /// Rounds view: go this many rounds on (negative: back).
    StepRound(i32),
    /// Rounds view: go to the first round (`false`) or the last (`true`); in the seats
    /// changing hands, to the first or last party column.
    EdgeRound(bool),
    /// Ask for a file name, then export the selected contest or the listed contests there.
    StartExport(ExportTarget),
    /// Send the selected contest or the listed contests to the clipboard as Markdown (OSC 52).
    Copy(ExportTarget),
    /// The answer to a yes/no question (replace an existing file?).
    Answer(bool),
    /// How an export made off the UI thread went (`Effect::Export`).
    Exported(Box<Exported>),
    /// Map: move the cursor to the nearest hexagon in this direction (arrows, h j k l).
    MapMove(Direction),
    /// Map: `c`, the next meaning of the colours (winner, result, margin, turnout, share,
    /// change).
    CycleColouring,
    /// Map: `+` / `-`, the swing by this many half points toward the chosen party (a
    /// projection).
    StepSwing(i32),
    /// Map: `[` / `]`, the previous or next party for the share, the change and the swing.
    CycleMapParty(i32),
    /// Map: put the cursor on this hexagon (a click).
    SelectHex(usize),
}
