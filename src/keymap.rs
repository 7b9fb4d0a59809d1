//! Keys → actions, per input mode: one pure function, and the help text that documents it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::{Action, PickerKind};
use crate::app::View;
use crate::export::ExportTarget;

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
}

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
    ("/", "search titles, seats, candidates, endorsers, notes"),
    ("r", "filter by region (picker)"),
    (
        "f",
        "filter by faction (picker; a: winner or any candidate)",
    ),
    ("t", "filter by kind of contest (picker)"),
    ("p", "filter by status: any → decided → pending"),
    ("d", "filter by date range, e.g. 2019-06..2019-12"),
    ("c", "clear all filters and the search"),
    (
        "s / S",
        "cycle sort: date, title, region, margin, turnout / reverse",
    ),
    ("R", "reload the data files now"),
    ("in a picker", "Space marks, Enter applies, Esc cancels"),
    (
        "1 2 3 4",
        "views: contests, scoreboard, endorsers, timeline",
    ),
    ("5 6 7", "views: rounds, seat history, compare"),
    (
        "Enter, s / S",
        "endorsers: list their contests; order / reverse",
    ),
    ("← / →, [ / ]", "rounds: previous / next round"),
    ("m", "mark or unmark a contest for comparison (two)"),
    (
        "e / E",
        "export the contest / the list to a file (.md, .csv)",
    ),
    ("y / Y", "copy the contest / the list as Markdown (OSC 52)"),
    ("mouse", "click a row to select it, wheel to scroll"),
    ("?", "show or hide this help"),
    ("q, Ctrl-c", "quit"),
];

/// The action for a key press in `mode`, if the key means anything there.
pub fn action_for(key: KeyEvent, mode: Mode) -> Option<Action> {
    // Repeats and releases (reported by some terminals) must not act twice.
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Interrupt),
            _ => None,
        };
    }
    if let Some(action) = movement(key.code, mode) {
        return Some(action);
    }
    match mode {
        Mode::Normal => normal(key.code),
        Mode::Text => text(key.code),
        Mode::Picker => picker(key.code),
        Mode::Help => match key.code {
            KeyCode::Esc | KeyCode::Char('?' | 'q') | KeyCode::Enter => Some(Action::ToggleHelp),
            _ => None,
        },
        Mode::Confirm => match key.code {
            KeyCode::Char('y' | 'Y') => Some(Action::Answer(true)),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::Answer(false)),
            _ => None,
        },
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
        KeyCode::Home => Action::Top,
        KeyCode::End => Action::Bottom,
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
        KeyCode::Char('p') => Action::CycleStatus,
        KeyCode::Char('d') => Action::StartDates,
        KeyCode::Char('c') => Action::ClearFilters,
        KeyCode::Char('s') => Action::CycleSort,
        KeyCode::Char('S') => Action::ReverseSort,
        KeyCode::Char('R') => Action::Reload,
        KeyCode::Char(c @ '1'..='7') => Action::ShowView(View::ALL[c as usize - '1' as usize]),
        KeyCode::Char('m') => Action::ToggleMark,
        KeyCode::Left | KeyCode::Char('[') => Action::StepRound(-1),
        KeyCode::Right | KeyCode::Char(']') => Action::StepRound(1),
        KeyCode::Char('e') => Action::StartExport(ExportTarget::Selected),
        KeyCode::Char('E') => Action::StartExport(ExportTarget::List),
        KeyCode::Char('y') => Action::Copy(ExportTarget::Selected),
        KeyCode::Char('Y') => Action::Copy(ExportTarget::List),
        _ => return None,
    })
}

fn text(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Enter => Action::Confirm,
        KeyCode::Esc => Action::Back,
        KeyCode::Backspace => Action::Backspace,
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
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn name(action: Option<Action>) -> String {
        format!("{action:?}")
    }

    #[test]
    fn letters_move_when_browsing_but_are_text_while_typing() {
        assert_eq!(
            name(action_for(key(KeyCode::Char('j')), Mode::Normal)),
            "Some(Down)"
        );
        assert_eq!(
            name(action_for(key(KeyCode::Char('k')), Mode::Picker)),
            "Some(Up)"
        );
        assert_eq!(
            name(action_for(key(KeyCode::Char('j')), Mode::Text)),
            "Some(Input('j'))"
        );
        assert_eq!(
            name(action_for(key(KeyCode::Char('q')), Mode::Text)),
            "Some(Input('q'))"
        );
        assert_eq!(
            name(action_for(key(KeyCode::Down), Mode::Text)),
            "Some(Down)"
        );
    }

    #[test]
    fn quitting_and_escaping() {
        assert_eq!(
            name(action_for(key(KeyCode::Char('q')), Mode::Normal)),
            "Some(Quit)"
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in [Mode::Normal, Mode::Text, Mode::Picker, Mode::Help] {
            assert_eq!(
                name(action_for(ctrl_c, mode)),
                "Some(Interrupt)",
                "{mode:?}"
            );
        }
        assert_eq!(
            name(action_for(key(KeyCode::Esc), Mode::Normal)),
            "Some(Back)"
        );
        assert_eq!(
            name(action_for(key(KeyCode::Esc), Mode::Text)),
            "Some(Back)"
        );
        assert_eq!(
            name(action_for(key(KeyCode::Esc), Mode::Help)),
            "Some(ToggleHelp)"
        );
        assert_eq!(
            name(action_for(key(KeyCode::Char('q')), Mode::Picker)),
            "Some(Back)"
        );
    }

    #[test]
    fn filter_and_sort_keys() {
        let cases = [
            ('/', "Some(StartSearch)"),
            ('r', "Some(OpenPicker(Region))"),
            ('f', "Some(OpenPicker(Faction))"),
            ('t', "Some(OpenPicker(Kind))"),
            ('p', "Some(CycleStatus)"),
            ('d', "Some(StartDates)"),
            ('c', "Some(ClearFilters)"),
            ('s', "Some(CycleSort)"),
            ('S', "Some(ReverseSort)"),
            ('?', "Some(ToggleHelp)"),
            ('g', "Some(Top)"),
            ('G', "Some(Bottom)"),
        ];
        for (c, want) in cases {
            assert_eq!(
                name(action_for(key(KeyCode::Char(c)), Mode::Normal)),
                want,
                "{c}"
            );
        }
        assert_eq!(
            name(action_for(key(KeyCode::Tab), Mode::Normal)),
            "Some(FocusNext)"
        );
        assert_eq!(
            name(action_for(key(KeyCode::Enter), Mode::Normal)),
            "Some(Confirm)"
        );
        assert_eq!(
            name(action_for(key(KeyCode::Char('x')), Mode::Normal)),
            "None"
        );
    }

    #[test]
    fn picker_keys() {
        assert_eq!(
            name(action_for(key(KeyCode::Char(' ')), Mode::Picker)),
            "Some(PickerToggle)"
        );
        assert_eq!(
            name(action_for(key(KeyCode::Char('a')), Mode::Picker)),
            "Some(ToggleFactionScope)"
        );
        assert_eq!(
            name(action_for(key(KeyCode::Enter), Mode::Picker)),
            "Some(Confirm)"
        );
    }

    #[test]
    fn view_mark_round_export_and_answer_keys() {
        let cases = [
            ('1', "Some(ShowView(Contests))"),
            ('2', "Some(ShowView(Scoreboard))"),
            ('7', "Some(ShowView(Compare))"),
            ('m', "Some(ToggleMark)"),
            ('[', "Some(StepRound(-1))"),
            (']', "Some(StepRound(1))"),
            ('e', "Some(StartExport(Selected))"),
            ('E', "Some(StartExport(List))"),
            ('y', "Some(Copy(Selected))"),
            ('Y', "Some(Copy(List))"),
        ];
        for (c, want) in cases {
            assert_eq!(
                name(action_for(key(KeyCode::Char(c)), Mode::Normal)),
                want,
                "{c}"
            );
        }
        assert_eq!(
            name(action_for(key(KeyCode::Char('8')), Mode::Normal)),
            "None"
        );
        assert_eq!(
            name(action_for(key(KeyCode::Right), Mode::Normal)),
            "Some(StepRound(1))"
        );
        // While typing a file name, digits and letters are text.
        assert_eq!(
            name(action_for(key(KeyCode::Char('2')), Mode::Text)),
            "Some(Input('2'))"
        );
        assert_eq!(
            name(action_for(key(KeyCode::Char('y')), Mode::Confirm)),
            "Some(Answer(true))"
        );
        assert_eq!(
            name(action_for(key(KeyCode::Esc), Mode::Confirm)),
            "Some(Answer(false))"
        );
        assert_eq!(
            name(action_for(key(KeyCode::Char('x')), Mode::Confirm)),
            "None"
        );
    }

    #[test]
    fn releases_are_ignored() {
        let mut release = key(KeyCode::Char('q'));
        release.kind = KeyEventKind::Release;
        assert!(action_for(release, Mode::Normal).is_none());
    }
}
