//! A picker popup: "any" plus one row per choice (those found by what was typed after `/`),
//! marks and counts; the title says what the picker filters and the keys that work in it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::explorer::action::PickerKind;
use crate::explorer::app::{App, Picker};
use crate::explorer::layout;
use crate::explorer::ui::{popup, popup_area, scroll_marks};
use crate::query::FactionScope;
use crate::report::cells;

/// The picker's title: what it filters (for factions, whose faction), and its keys.
pub fn title(picker: &Picker) -> String {
    let what = match (picker.kind, picker.scope) {
        (PickerKind::Region, _) => "Region",
        (PickerKind::Kind, _) => "Kind",
        (PickerKind::Endorser, _) => "Endorsed by",
        (PickerKind::Stage, _) => "Stage reached",
        (PickerKind::CandidateStatus, _) => "Candidate status",
        (PickerKind::Faction, FactionScope::Winner) => "Winner's faction (a: any candidate's)",
        (PickerKind::Faction, FactionScope::AnyCandidate) => {
            "Any candidate's faction (a: the winner's)"
        }
    };
    if picker.finding || !picker.find.is_empty() {
        let cursor = if picker.finding { "▏" } else { "" };
        format!(" {what} · find: {}{cursor} ", picker.find)
    } else {
        format!(" {what} · Space marks · Enter applies · / finds · Esc ")
    }
}

/// Where `picker` is drawn over `area`, and the first row it shows (so its cursor is
/// visible): shared by drawing and the mouse.
pub fn geometry(area: Rect, picker: &Picker) -> (Rect, usize) {
    let label_w = label_width(picker);
    let width = (label_w + 14).max(cells::width(&title(picker)) + 2) as u16;
    let height = picker.choices.len() as u16 + 3;
    let popup = popup_area(area, width, height);
    let visible = usize::from(layout::inner(popup).height).max(1);
    (popup, picker.cursor.saturating_sub(visible - 1))
}

fn label_width(picker: &Picker) -> usize {
    picker
        .choices
        .iter()
        .map(|c| cells::width(&c.label))
        .max()
        .unwrap_or(0)
}

/// Draws `picker` centred over `area`, scrolled so its cursor is visible.
pub fn render(frame: &mut Frame, area: Rect, app: &App, picker: &Picker) {
    let theme = app.theme;
    let any = match picker.kind {
        PickerKind::Region => "any region",
        PickerKind::Faction => "any faction",
        PickerKind::Kind => "any kind",
        PickerKind::Endorser => "any endorser",
        PickerKind::Stage => "any stage (or none recorded)",
        PickerKind::CandidateStatus => "any (or none)",
    };
    let label_w = label_width(picker);
    let (at, first) = geometry(area, picker);
    let inner = popup(frame, app, at, title(picker));
    let visible = usize::from(inner.height);
    if visible == 0 {
        return;
    }
    scroll_marks(frame, app, at, first > 0, first + visible < picker.len());
    for (n, row) in (first..picker.len().min(first + visible)).enumerate() {
        let line = match picker.choice_at(row) {
            None => Line::from(Span::raw(format!("     {any}"))),
            Some(choice) => {
                let mark = if picker.is_marked(row) { "[x]" } else { "[ ]" };
                let label_style = if choice.none {
                    theme.dim()
                } else {
                    theme.text()
                };
                Line::from(vec![
                    Span::styled(format!(" {mark} "), theme.key()),
                    Span::styled(cells::fit(&choice.label, label_w), label_style),
                    Span::styled(format!(" {:>6}", choice.count), theme.dim()),
                ])
            }
        };
        let line = if row == picker.cursor {
            line.style(theme.selected(true))
        } else {
            line
        };
        let y = inner.y + n as u16;
        frame.render_widget(line, Rect::new(inner.x, y, inner.width, 1));
    }
    if picker.shown.is_empty() {
        let y = inner.y + 1;
        if y < inner.bottom() {
            let none = format!("     nothing holds \"{}\"", picker.find);
            frame.render_widget(
                Line::styled(none, theme.dim()),
                Rect::new(inner.x, y, inner.width, 1),
            );
        }
    }
}
