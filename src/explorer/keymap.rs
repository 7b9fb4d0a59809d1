//! Keys → actions, per input mode: one pure function, and the help text that documents it.
//! A paste (bracketed paste) has its own function beside it: it is text, never keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::explorer::action::{Action, Edit, PickerKind};
use crate::explorer::export::ExportTarget;
use crate::explorer::screen::View;
use crate::map::Direction;

/// What keys mean right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Browsing the list or the detail.
    Normal,
    /// Typing into a text field (search, date range).
    Text,
    /// A picker popup is open.
    Picker,
    /// The help overlay is open.
    Help,
    /// A yes/no question in the status line.
    Confirm,
    /// The message log popup is open.
    Messages,
    /// Stepping through the filter chips in the status bar (`x`).
    Chips,
    /// The picker of the list's columns is open (`C`).
    Columns,
    /// Browsing the map (view 9): the cursor moves over the hexagons.
    Map,
}

/// The key that opens (and closes) the message log, named where a message is cut short.
pub const MESSAGES_KEY: char = 'M';

/// Every key, as shown by the `?` overlay (and the README): (keys, what they do).
pub const HELP: &[(&str, &str)] = &[
    (
        "j / k, ↓ / ↑",
        "move down / up (scroll the detail when it has focus)",
    ),
    ("g / G, Home / End", "first / last"),
    ("PgDn / PgUp", "page down / up"),
    ("Tab", "switch focus between list and detail"),
    ("Enter", "open the selected contest's detail"),
    ("Esc", "close a popup, leave the detail, clear the search"),
    (
        "/",
        "search titles, seats, candidates, endorsers, nominators, notes (any case or accents)",
    ),
    ("r", "filter by region (picker)"),
    (
        "f",
        "filter by faction (picker; a: winner or any candidate)",
    ),
    ("t", "filter by kind of contest (picker)"),
    ("n", "filter by endorser (picker)"),
    (
        "l",
        "filter by stage reached: longlist, shortlist… (picker)",
    ),
    (
        "w",
        "filter by candidate status: withdrawn, imposed… (picker)",
    ),
    ("p", "filter by status: any → decided → pending"),
    ("d", "filter by date range, e.g. 2019-06..2019-12"),
    (
        "x",
        "filters one by one: ← / → step, x or Delete removes, Esc",
    ),
    ("c", "clear all filters and the search"),
    (
        "C",
        "list columns: party, result, change… (Space shows / hides)",
    ),
    (
        "s / S",
        "cycle sort: date, title, region, margin, turnout, change / reverse",
    ),
    ("R", "reload the data files now"),
    (
        "M",
        "messages: every notice and error in full, newest first",
    ),
    (
        "in a picker",
        "Space marks, Enter applies, Esc cancels, / finds by typing",
    ),
    (
        "1 2 3 4",
        "views: contests, scoreboard, endorsers, timeline",
    ),
    (
        "5 6 7 8 9",
        "views: rounds, seat history, compare, seats changing hands, map",
    ),
    (
        "Enter, s / S",
        "endorsers: list their contests; order / reverse",
    ),
    ("Enter", "timeline: list the month's contests"),
    ("← / →, [ / ]", "rounds: previous / next round"),
    ("{ / }", "rounds: first / last round"),
    (
        "arrows, Enter",
        "seats changing hands: move over the cells; list the cell's seats",
    ),
    (
        "h j k l, Enter",
        "map: (or arrows) move to the nearest seat that way; open its detail",
    ),
    (
        "c, [ / ]",
        "map: colour by winner, result, margin, turnout, share, change; choose the party",
    ),
    (
        "+ / -",
        "map: swing half a point to / from the chosen party (a projection)",
    ),
    ("m", "mark or unmark a contest for comparison (two)"),
    (
        "e / E",
        "export the contest / the list to a file (.md, .csv)",
    ),
    ("y / Y", "copy the contest / the list as Markdown (OSC 52)"),
    (
        "mouse",
        "click a row, tab, chip or choice to select it, wheel to scroll",
    ),
    (
        "in a prompt",
        "← / →, Home / End or Ctrl-A / Ctrl-E move; Backspace / Delete; Ctrl-W: word; Ctrl-U: to the start",
    ),
    ("paste", "into a prompt: text; outside one: a new search"),
    ("?", "show or hide this help"),
    ("q, Ctrl-c", "quit"),
    (
        "Ctrl-z",
        "suspend to the shell (its fg command brings it back)",
    ),
];

/// The action for a key press in `mode`, if the key means anything there.
pub fn action_for(key: KeyEvent, mode: Mode) -> Option<Action> {
    // Terminals that report releases (the kitty keyboard protocol) would otherwise act twice
    // per key; a repeat, though, is the key held down and acts again (holding j scrolls).
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match (key.code, mode) {
            (KeyCode::Char('c'), _) => Some(Action::Interrupt),
            // Raw mode turns off the terminal's own Ctrl-z (no SIGTSTP comes), so it is a key.
            (KeyCode::Char('z'), _) => Some(Action::Suspend),
            (KeyCode::Char('u'), Mode::Text) => Some(Action::Edit(Edit::ClearToStart)),
            (KeyCode::Char('w'), Mode::Text) => Some(Action::Edit(Edit::DeleteWord)),
            (KeyCode::Char('a'), Mode::Text) => Some(Action::Edit(Edit::Home)),
            (KeyCode::Char('e'), Mode::Text) => Some(Action::Edit(Edit::End)),
            _ => None,
        };
    }
    if let Some(action) = movement(key.code, mode) {
        return Some(action);
    }
    match mode {
        Mode::Normal => normal(key.code),
        Mode::Map => map(key.code).or_else(|| normal(key.code)),
        Mode::Text => text(key.code),
        Mode::Picker => picker(key.code),
        Mode::Help => match key.code {
            KeyCode::Esc | KeyCode::Char('?' | 'q') | KeyCode::Enter => Some(Action::ToggleHelp),
            _ => None,
        },
        Mode::Messages => match key.code {
            KeyCode::Esc | KeyCode::Char(MESSAGES_KEY | 'q') | KeyCode::Enter => {
                Some(Action::ToggleMessages)
            }
            _ => None,
        },
        Mode::Chips => chips(key.code),
        Mode::Columns => match key.code {
            KeyCode::Char(' ') => Some(Action::PickerToggle),
            KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q' | 'C') => Some(Action::Back),
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            _ => None,
        },
        Mode::Confirm => match key.code {
            KeyCode::Char('y' | 'Y') => Some(Action::Answer(true)),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::Answer(false)),
            _ => None,
        },
    }
}

/// The action for text pasted in `mode` (bracketed paste): text in a prompt, a new search
/// outside one, nothing in a popup. Whatever it holds (`q`, Enter, Esc), it is never keys.
pub fn action_for_paste(text: String, mode: Mode) -> Option<Action> {
    match mode {
        Mode::Normal | Mode::Map | Mode::Text => Some(Action::Paste(text)),
        Mode::Picker
        | Mode::Help
        | Mode::Confirm
        | Mode::Messages
        | Mode::Chips
        | Mode::Columns => None,
    }
}

/// Cursor keys, the same in every mode except while typing (where letters are text).
fn movement(code: KeyCode, mode: Mode) -> Option<Action> {
    let letters = mode != Mode::Text;
    Some(match code {
        KeyCode::Down => Action::Down,
        KeyCode::Up => Action::Up,
        KeyCode::Char('j') if letters => Action::Down,
        KeyCode::Char('k') if letters => Action::Up,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        // While typing, Home and End move the cursor in the line.
        KeyCode::Home if letters => Action::Top,
        KeyCode::End if letters => Action::Bottom,
        KeyCode::Char('g') if letters => Action::Top,
        KeyCode::Char('G') if letters => Action::Bottom,
        _ => return None,
    })
}

fn normal(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Tab | KeyCode::BackTab => Action::FocusNext,
        KeyCode::Enter => Action::Confirm,
        KeyCode::Esc => Action::Back,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Char('/') => Action::StartSearch,
        KeyCode::Char('r') => Action::OpenPicker(PickerKind::Region),
        KeyCode::Char('f') => Action::OpenPicker(PickerKind::Faction),
        KeyCode::Char('t') => Action::OpenPicker(PickerKind::Kind),
        KeyCode::Char('n') => Action::OpenPicker(PickerKind::Endorser),
        KeyCode::Char('x') => Action::EditChips,
        KeyCode::Char('l') => Action::OpenPicker(PickerKind::Stage),
        KeyCode::Char('w') => Action::OpenPicker(PickerKind::CandidateStatus),
        KeyCode::Char('p') => Action::CycleStatus,
        KeyCode::Char('d') => Action::StartDates,
        KeyCode::Char('c') => Action::ClearFilters,
        KeyCode::Char('s') => Action::CycleSort,
        KeyCode::Char('S') => Action::ReverseSort,
        KeyCode::Char('C') => Action::OpenColumns,
        KeyCode::Char('R') => Action::Reload,
        KeyCode::Char(MESSAGES_KEY) => Action::ToggleMessages,
        KeyCode::Char(c @ '1'..='9') => Action::ShowView(View::ALL[c as usize - '1' as usize]),
        KeyCode::Char('m') => Action::ToggleMark,
        KeyCode::Left | KeyCode::Char('[') => Action::StepRound(-1),
        KeyCode::Right | KeyCode::Char(']') => Action::StepRound(1),
        KeyCode::Char('{') => Action::EdgeRound(false),
        KeyCode::Char('}') => Action::EdgeRound(true),
        KeyCode::Char('e') => Action::StartExport(ExportTarget::Selected),
        KeyCode::Char('E') => Action::StartExport(ExportTarget::List),
        KeyCode::Char('y') => Action::Copy(ExportTarget::Selected),
        KeyCode::Char('Y') => Action::Copy(ExportTarget::List),
        _ => return None,
    })
}

/// The map's own keys; the rest are the browsing keys (`normal`).
fn map(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Left | KeyCode::Char('h') => Action::MapMove(Direction::Left),
        KeyCode::Right | KeyCode::Char('l') => Action::MapMove(Direction::Right),
        KeyCode::Char('c') => Action::CycleColouring,
        KeyCode::Char('+' | '=') => Action::StepSwing(1),
        KeyCode::Char('-') => Action::StepSwing(-1),
        KeyCode::Char('[') => Action::CycleMapParty(-1),
        KeyCode::Char(']') => Action::CycleMapParty(1),
        _ => return None,
    })
}

fn text(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Enter => Action::Confirm,
        KeyCode::Esc => Action::Back,
        KeyCode::Backspace => Action::Edit(Edit::Backspace),
        KeyCode::Delete => Action::Edit(Edit::Delete),
        KeyCode::Left => Action::Edit(Edit::Left),
        KeyCode::Right => Action::Edit(Edit::Right),
        KeyCode::Home => Action::Edit(Edit::Home),
        KeyCode::End => Action::Edit(Edit::End),
        KeyCode::Char(c) => Action::Input(c),
        _ => return None,
    })
}

fn picker(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Char(' ') => Action::PickerToggle,
        KeyCode::Enter => Action::Confirm,
        KeyCode::Esc | KeyCode::Char('q') => Action::Back,
        KeyCode::Char('a') | KeyCode::Tab => Action::ToggleFactionScope,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Char('/') => Action::StartSearch,
        _ => return None,
    })
}

/// In the chips: ← / → (and h / l) step, `x`, Delete or Backspace removes, Esc or Enter
/// leaves, `c` clears them all. (j / k and the arrows up and down step too, as `movement`.)
fn chips(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Left | KeyCode::Char('h') | KeyCode::BackTab => Action::Up,
        KeyCode::Right | KeyCode::Char('l') | KeyCode::Tab => Action::Down,
        KeyCode::Char('x') | KeyCode::Delete | KeyCode::Backspace => Action::RemoveChip,
        KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q') => Action::Back,
        KeyCode::Char('c') => Action::ClearFilters,
        KeyCode::Char('?') => Action::ToggleHelp,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each key, pressed in `mode`, gives the action printed as `want` (`None` for nothing).
    fn assert_keys(mode: Mode, cases: &[(KeyCode, &str)]) {
        for &(code, want) in cases {
            let got = action_for(KeyEvent::new(code, KeyModifiers::NONE), mode);
            assert_eq!(format!("{got:?}"), want, "{code:?} in {mode:?}");
        }
    }

    #[test]
    fn letters_move_when_browsing_but_are_text_while_typing() {
        assert_keys(Mode::Normal, &[(KeyCode::Char('j'), "Some(Down)")]);
        assert_keys(Mode::Picker, &[(KeyCode::Char('k'), "Some(Up)")]);
        assert_keys(
            Mode::Text,
            &[
                (KeyCode::Char('j'), "Some(Input('j'))"),
                (KeyCode::Char('q'), "Some(Input('q'))"),
                (KeyCode::Down, "Some(Down)"),
            ],
        );
    }

    #[test]
    fn quitting_and_escaping() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in [Mode::Normal, Mode::Text, Mode::Picker, Mode::Help] {
            assert_eq!(
                format!("{:?}", action_for(ctrl_c, mode)),
                "Some(Interrupt)",
                "{mode:?}"
            );
        }
        assert_keys(
            Mode::Normal,
            &[
                (KeyCode::Char('q'), "Some(Quit)"),
                (KeyCode::Esc, "Some(Back)"),
            ],
        );
        assert_keys(Mode::Text, &[(KeyCode::Esc, "Some(Back)")]);
        assert_keys(Mode::Help, &[(KeyCode::Esc, "Some(ToggleHelp)")]);
        assert_keys(Mode::Picker, &[(KeyCode::Char('q'), "Some(Back)")]);
    }

    #[test]
    fn filter_and_sort_keys() {
        assert_keys(
            Mode::Normal,
            &[
                (KeyCode::Char('/'), "Some(StartSearch)"),
                (KeyCode::Char('r'), "Some(OpenPicker(Region))"),
                (KeyCode::Char('f'), "Some(OpenPicker(Faction))"),
                (KeyCode::Char('t'), "Some(OpenPicker(Kind))"),
                (KeyCode::Char('p'), "Some(CycleStatus)"),
                (KeyCode::Char('d'), "Some(StartDates)"),
                (KeyCode::Char('c'), "Some(ClearFilters)"),
                (KeyCode::Char('s'), "Some(CycleSort)"),
                (KeyCode::Char('S'), "Some(ReverseSort)"),
                (KeyCode::Char('?'), "Some(ToggleHelp)"),
                (KeyCode::Char('g'), "Some(Top)"),
                (KeyCode::Char('G'), "Some(Bottom)"),
                (KeyCode::Tab, "Some(FocusNext)"),
                (KeyCode::Enter, "Some(Confirm)"),
                (KeyCode::Char('n'), "Some(OpenPicker(Endorser))"),
                (KeyCode::Char('x'), "Some(EditChips)"),
                (KeyCode::Char('l'), "Some(OpenPicker(Stage))"),
                (KeyCode::Char('w'), "Some(OpenPicker(CandidateStatus))"),
                (KeyCode::Char('C'), "Some(OpenColumns)"),
                (KeyCode::Char('z'), "None"),
            ],
        );
    }

    #[test]
    fn chip_keys_step_remove_and_leave() {
        assert_keys(
            Mode::Chips,
            &[
                (KeyCode::Left, "Some(Up)"),
                (KeyCode::Right, "Some(Down)"),
                (KeyCode::Char('h'), "Some(Up)"),
                (KeyCode::Char('l'), "Some(Down)"),
                (KeyCode::Char('x'), "Some(RemoveChip)"),
                (KeyCode::Delete, "Some(RemoveChip)"),
                (KeyCode::Backspace, "Some(RemoveChip)"),
                (KeyCode::Esc, "Some(Back)"),
                (KeyCode::Char('c'), "Some(ClearFilters)"),
                (KeyCode::Char('z'), "None"),
            ],
        );
        // In a picker, / starts type-to-find.
        assert_keys(Mode::Picker, &[(KeyCode::Char('/'), "Some(StartSearch)")]);
    }

    #[test]
    fn column_picker_keys() {
        assert_keys(
            Mode::Columns,
            &[
                (KeyCode::Char(' '), "Some(PickerToggle)"),
                (KeyCode::Char('j'), "Some(Down)"),
                (KeyCode::Up, "Some(Up)"),
                (KeyCode::Enter, "Some(Back)"),
                (KeyCode::Esc, "Some(Back)"),
                (KeyCode::Char('C'), "Some(Back)"),
                (KeyCode::Char('?'), "Some(ToggleHelp)"),
                (KeyCode::Char('2'), "None"),
                (KeyCode::Char('/'), "None"),
            ],
        );
        assert_eq!(
            format!("{:?}", action_for_paste("x".into(), Mode::Columns)),
            "None"
        );
    }

    #[test]
    fn picker_keys() {
        assert_keys(
            Mode::Picker,
            &[
                (KeyCode::Char(' '), "Some(PickerToggle)"),
                (KeyCode::Char('a'), "Some(ToggleFactionScope)"),
                (KeyCode::Enter, "Some(Confirm)"),
            ],
        );
    }

    #[test]
    fn view_mark_round_export_and_answer_keys() {
        assert_keys(
            Mode::Normal,
            &[
                (KeyCode::Char('1'), "Some(ShowView(Contests))"),
                (KeyCode::Char('2'), "Some(ShowView(Scoreboard))"),
                (KeyCode::Char('7'), "Some(ShowView(Compare))"),
                (KeyCode::Char('8'), "Some(ShowView(Changes))"),
                (KeyCode::Char('9'), "Some(ShowView(Map))"),
                (KeyCode::Char('0'), "None"),
                (KeyCode::Char('m'), "Some(ToggleMark)"),
                (KeyCode::Char('['), "Some(StepRound(-1))"),
                (KeyCode::Char(']'), "Some(StepRound(1))"),
                (KeyCode::Right, "Some(StepRound(1))"),
                (KeyCode::Char('{'), "Some(EdgeRound(false))"),
                (KeyCode::Char('}'), "Some(EdgeRound(true))"),
                (KeyCode::Char('e'), "Some(StartExport(Selected))"),
                (KeyCode::Char('E'), "Some(StartExport(List))"),
                (KeyCode::Char('y'), "Some(Copy(Selected))"),
                (KeyCode::Char('Y'), "Some(Copy(List))"),
            ],
        );
        // On the map, h / l and the arrows move the cursor, c, [ ], + and - are its own; the
        // other browsing keys are as ever.
        assert_keys(
            Mode::Map,
            &[
                (KeyCode::Char('h'), "Some(MapMove(Left))"),
                (KeyCode::Right, "Some(MapMove(Right))"),
                (KeyCode::Char('k'), "Some(Up)"),
                (KeyCode::Char('c'), "Some(CycleColouring)"),
                (KeyCode::Char('['), "Some(CycleMapParty(-1))"),
                (KeyCode::Char('+'), "Some(StepSwing(1))"),
                (KeyCode::Char('-'), "Some(StepSwing(-1))"),
                (KeyCode::Char('/'), "Some(StartSearch)"),
                (KeyCode::Char('1'), "Some(ShowView(Contests))"),
            ],
        );
        // While typing a file name, digits and letters are text.
        assert_keys(Mode::Text, &[(KeyCode::Char('2'), "Some(Input('2'))")]);
        assert_keys(
            Mode::Confirm,
            &[
                (KeyCode::Char('y'), "Some(Answer(true))"),
                (KeyCode::Esc, "Some(Answer(false))"),
                (KeyCode::Char('x'), "None"),
            ],
        );
    }

    #[test]
    fn a_paste_is_text_in_a_prompt_or_the_list_and_nothing_in_a_popup() {
        for (mode, want) in [
            (Mode::Normal, "Some(Paste(\"qqqq\"))"),
            (Mode::Text, "Some(Paste(\"qqqq\"))"),
            (Mode::Picker, "None"),
            (Mode::Help, "None"),
            (Mode::Confirm, "None"),
            (Mode::Messages, "None"),
        ] {
            let got = action_for_paste("qqqq".into(), mode);
            assert_eq!(format!("{got:?}"), want, "{mode:?}");
        }
    }

    #[test]
    fn the_message_log_opens_closes_and_scrolls() {
        assert_keys(
            Mode::Normal,
            &[(KeyCode::Char(MESSAGES_KEY), "Some(ToggleMessages)")],
        );
        assert_keys(
            Mode::Messages,
            &[
                (KeyCode::Char(MESSAGES_KEY), "Some(ToggleMessages)"),
                (KeyCode::Esc, "Some(ToggleMessages)"),
                (KeyCode::Char('q'), "Some(ToggleMessages)"),
                (KeyCode::Char('j'), "Some(Down)"),
                (KeyCode::Char('k'), "Some(Up)"),
                (KeyCode::PageDown, "Some(PageDown)"),
                (KeyCode::PageUp, "Some(PageUp)"),
                (KeyCode::Char('G'), "Some(Bottom)"),
                (KeyCode::Char('r'), "None"),
            ],
        );
        // While typing it is a letter like any other; a picker or the help ignores it.
        assert_keys(
            Mode::Text,
            &[(KeyCode::Char(MESSAGES_KEY), "Some(Input('M'))")],
        );
        assert_keys(Mode::Picker, &[(KeyCode::Char(MESSAGES_KEY), "None")]);
        assert_keys(Mode::Help, &[(KeyCode::Char(MESSAGES_KEY), "None")]);
        // The help names it, so the `?` overlay and the README do.
        let key = MESSAGES_KEY.to_string();
        assert!(HELP.iter().any(|(keys, _)| *keys == key), "{key} in HELP");
    }

    #[test]
    fn prompts_take_the_line_editing_keys() {
        assert_keys(
            Mode::Text,
            &[
                (KeyCode::Home, "Some(Edit(Home))"),
                (KeyCode::End, "Some(Edit(End))"),
                (KeyCode::Left, "Some(Edit(Left))"),
                (KeyCode::Right, "Some(Edit(Right))"),
                (KeyCode::Delete, "Some(Edit(Delete))"),
                (KeyCode::Backspace, "Some(Edit(Backspace))"),
                (KeyCode::Up, "Some(Up)"),
            ],
        );
        for (c, want) in [
            ('u', "Some(Edit(ClearToStart))"),
            ('w', "Some(Edit(DeleteWord))"),
            ('a', "Some(Edit(Home))"),
            ('e', "Some(Edit(End))"),
            ('c', "Some(Interrupt)"),
            ('z', "Some(Suspend)"),
        ] {
            let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
            assert_eq!(
                format!("{:?}", action_for(key, Mode::Text)),
                want,
                "Ctrl-{c}"
            );
            // Outside a prompt only Ctrl-c and Ctrl-z mean anything.
            let normal = format!("{:?}", action_for(key, Mode::Normal));
            assert_eq!(normal == "None", !"cz".contains(c), "Ctrl-{c}: {normal}");
        }
        // Home and End still go to the first / last row outside a prompt.
        assert_keys(Mode::Normal, &[(KeyCode::Home, "Some(Top)")]);
    }

    #[test]
    fn releases_are_ignored() {
        let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert!(action_for(release, Mode::Normal).is_none());
    }
}
