//! A picker popup: "any" plus one row per choice, marks and counts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::explorer::action::PickerKind;
use crate::explorer::app::{App, Picker};
use crate::explorer::ui::{popup, popup_area};
use crate::query::FactionScope;
use crate::report::cells;

/// Draws `picker` centred over `area`, scrolled so its cursor is visible.
pub fn render(frame: &mut Frame, area: Rect, app: &App, picker: &Picker) {
    let theme = &app.theme;
    let (what, any) = match picker.kind {
        PickerKind::Region => ("Region", "any region"),
        PickerKind::Faction => ("Faction", "any faction"),
        PickerKind::Kind => ("Kind", "any kind"),
        PickerKind::Stage => ("Stage reached", "any stage (or none recorded)"),
        PickerKind::CandidateStatus => ("Candidate status", "any (or none)"),
    };
    let mut title = format!(" {what}: Space marks · Enter applies · Esc cancels ");
    if picker.kind == PickerKind::Faction {
        let scope = match picker.scope {
            FactionScope::Winner => "the winner's",
            FactionScope::AnyCandidate => "any candidate's",
        };
        title = format!(" Faction of {scope} (a switches) · Space · Enter · Esc ");
    }
    let label_w = picker
        .choices
        .iter()
        .map(|c| cells::width(&c.label))
        .max()
        .unwrap_or(0);
    let width = (label_w + 14).max(cells::width(&title) + 2) as u16;
    let height = picker.len() as u16 + 2;
    let inner = popup(frame, app, popup_area(area, width, height), title);
    let visible = usize::from(inner.height);
    if visible == 0 {
        return;
    }
    let first = picker.cursor.saturating_sub(visible - 1);
    for (n, row) in (first..picker.len().min(first + visible)).enumerate() {
        let line = if row == 0 {
            Line::from(Span::raw(format!("     {any}")))
        } else {
            let choice = &picker.choices[row - 1];
            let mark = if picker.marked[row - 1] { "[x]" } else { "[ ]" };
            Line::from(vec![
                Span::styled(format!(" {mark} "), theme.key()),
                Span::raw(cells::fit(&choice.label, label_w)),
                Span::styled(format!(" {:>6}", choice.count), theme.dim()),
            ])
        };
        let line = if row == picker.cursor {
            line.style(theme.selected(true))
        } else {
            line
        };
        let y = inner.y + n as u16;
        frame.render_widget(line, Rect::new(inner.x, y, inner.width, 1));
    }
}
