//! The top line: what is open, and the views as tabs (the number keys pick one, and so does a
//! click: `layout::tabs` says where each is).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::explorer::app::App;
use crate::explorer::layout;
use crate::report::cells;

/// Draws the header line (hidden on short terminals, when `area` is empty).
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    if area.is_empty() {
        return;
    }
    let theme = app.theme;
    let name = app.header_name();
    let tabs = layout::tabs(area, cells::width(&name), app.view);
    let tabs_w: usize = tabs.iter().map(|(_, l, _)| cells::width(l)).sum();
    let room = usize::from(area.width).saturating_sub(tabs_w + 11);
    let mut spans = vec![
        Span::styled(" hustings ", theme.title()),
        Span::styled(
            cells::fit(&titles(&app.header_titles(), room), room),
            theme.dim(),
        ),
        Span::raw(" "),
    ];
    for (view, label, _) in tabs {
        let style = if view == app.view {
            theme.selected(true)
        } else {
            theme.dim()
        };
        spans.push(Span::styled(label, style));
    }
    frame.render_widget(Line::from(spans), area);
}

/// The loaded files' titles in at most `room` cells: all of them joined by ` · ` where they
/// fit, else `N files: ` and as many whole words as fit, ending in `…` (never cut mid-word
/// without it).
fn titles(titles: &[String], room: usize) -> String {
    let joined = titles.join(" · ");
    if cells::width(&joined) <= room || titles.len() < 2 {
        return joined;
    }
    let lead = format!("{} files: ", titles.len());
    let left = room.saturating_sub(cells::width(&lead) + 1);
    if left < 4 {
        return cells::truncate(&lead, room);
    }
    let mut words = String::new();
    for word in joined.split(' ') {
        let next = if words.is_empty() {
            word.to_string()
        } else {
            format!("{words} {word}")
        };
        if cells::width(&next) > left {
            break;
        }
        words = next;
    }
    let words = words.trim_end_matches([' ', '·', ',']);
    if words.is_empty() {
        // Not even the first word fits whole: cut it, marked.
        return format!("{lead}{}", cells::truncate(&joined, left + 1));
    }
    format!("{lead}{words}…")
}

#[cfg(test)]
mod tests {
    use super::titles;

    #[test]
    fn every_title_shows_or_the_count_and_whole_words_with_a_marker() {
        let two = [
            "UK general election, 8 Jun 2017".to_string(),
            "UK general election, 12 Dec 2019".to_string(),
        ];
        assert_eq!(
            titles(&two, 80),
            "UK general election, 8 Jun 2017 · UK general election, 12 Dec 2019"
        );
        assert_eq!(titles(&two, 40), "2 files: UK general election, 8 Jun…");
        for room in 10..66 {
            let got = titles(&two, room);
            assert!(crate::report::cells::width(&got) <= room, "{room}: {got}");
            assert!(got.starts_with("2 files") || got.starts_with('2'), "{got}");
        }
        let one = ["UK general election, 8 Jun 2017".to_string()];
        assert_eq!(titles(&one, 80), one[0]);
    }
}
