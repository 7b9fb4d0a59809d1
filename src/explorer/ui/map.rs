//! The map view (9): every seat a hexagon, coloured as `c` chooses, with the seat under the
//! cursor named on the first line and the legend (with its counts) at the foot.
//!
//! ```text
//! ┌ Map · uk-2010 · winner · placed 650 of 650 contests ─────────┐
//! │ Stockport: Navendu Mishra (Lab) 52.0% · margin 21.3 pts · Lab │
//! │             ████[]██                                          │
//! │            ██████████                                         │
//! │ ██ Con 365 · ██ Lab 202 · ██ SNP 48 …                         │
//! └───────────────────────────────────────────────────────────────┘
//! ```
//! The whole map shows where it fits; in colour a taller map is drawn two rows to a line;
//! still too large, the window follows the cursor.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::explorer::aggregates::Aggregate;
use crate::explorer::app::App;
use crate::explorer::layout;
use crate::explorer::ui::{pane_block, working};
use crate::map::Picture;
use crate::model::colour::Rgb;
use crate::report::cells;
use crate::report::map::canvas::{self, Look, Window};
use crate::report::map::{projection, seat};

/// The smallest map area drawn; below it the view says what size it needs.
const MIN_WIDTH: u16 = 16;
const MIN_HEIGHT: u16 = 4;

/// Where the map is drawn on screen and which part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    /// The screen cells the drawing takes.
    pub area: Rect,
    pub window: Window,
    pub look: Look,
}

/// The parts of the view: the seat line, the map, the legend.
fn parts(app: &App, body: Rect) -> (Rect, Rect, Rect) {
    let inner = layout::inner(body);
    let legend_h = legend(app)
        .map_or(0, |p| p.line_count(inner.width) as u16)
        .min(inner.height.saturating_sub(1) / 3);
    let seat = Rect {
        height: inner.height.min(1),
        ..inner
    };
    let map_h = inner.height.saturating_sub(1 + legend_h);
    let map = Rect {
        y: inner.y + seat.height,
        height: map_h,
        ..inner
    };
    let legend = Rect {
        y: map.y + map.height,
        height: legend_h,
        ..inner
    };
    (seat, map, legend)
}

/// Where and how the map is drawn in `area`: whole if it fits, dense (colour) if that fits,
/// else a window centred on the cursor.
pub fn placed(app: &App, area: Rect) -> Option<Placed> {
    let picture = app.views.map.picture.as_ref()?;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let g = &picture.geometry;
    let colour = app.theme.color;
    let dense = colour && g.height > area.height;
    let look = Look { colour, dense };
    let (width, height) = (g.width, canvas::lines_needed(g, dense));
    let cursor = app
        .views
        .map
        .cursor
        .and_then(|c| g.spots.get(c))
        .map_or((0, 0), |s| (s.x, if dense { s.y / 2 } else { s.y }));
    // Centred on the cursor where the map is larger than the area; whole rows of hexagons
    // start on even cells, so the window moves two cells at a time.
    let start = |size: u16, room: u16, at: u16, even: bool| {
        if size <= room {
            return 0;
        }
        let s = at.saturating_sub(room / 2).min(size - room);
        if even { s & !1 } else { s }
    };
    let window = Window {
        x: start(width, area.width, cursor.0, true),
        y: start(height, area.height, cursor.1, false),
        width: width.min(area.width),
        height: height.min(area.height),
    };
    // A map smaller than the area stands in its middle, across.
    let left = area.x + (area.width - window.width) / 2;
    Some(Placed {
        area: Rect::new(left, area.y, window.width, window.height),
        window,
        look,
    })
}

/// The hexagon at screen cell (`column`, `row`) of the map view in `body`, if any (a click).
pub fn hex_at(app: &App, body: Rect, column: u16, row: u16) -> Option<usize> {
    let (_, map_area, _) = parts(app, body);
    let p = placed(app, map_area)?;
    if !p.area.contains(Position::new(column, row)) {
        return None;
    }
    let g = &app.views.map.picture.as_ref()?.geometry;
    let x = p.window.x + (column - p.area.x);
    let line = p.window.y + (row - p.area.y);
    if p.look.dense {
        g.hex_at(x, line * 2).or_else(|| g.hex_at(x, line * 2 + 1))
    } else {
        g.hex_at(x, line)
    }
}

/// Draws the view over the whole body.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let Some(picture) = &app.views.map.picture else {
        return;
    };
    let title = format!(
        " Map · {} · {} · {} {}",
        picture.map.name,
        picture.coloured.title,
        picture.placement_words(),
        working::title_mark(app, Aggregate::Map)
    );
    frame.render_widget(pane_block(app, area, title, true), area);
    let (seat, map_area, legend_area) = parts(app, area);
    frame.render_widget(
        Paragraph::new(Line::styled(seat_line(app, picture), app.theme.title())),
        seat,
    );
    if let Some(p) = placed(app, map_area) {
        draw(frame, app, picture, p);
    } else {
        let need = format!(
            "The map needs at least {MIN_WIDTH}×{MIN_HEIGHT} cells here; this window gives {}×{}.",
            map_area.width, map_area.height
        );
        frame.render_widget(Paragraph::new(need).wrap(Wrap { trim: true }), map_area);
    }
    if let Some(legend) = legend(app) {
        frame.render_widget(legend, legend_area);
    }
}

fn colour(rgb: Rgb) -> Color {
    Color::Rgb(rgb.0, rgb.1, rgb.2)
}

/// Copies the drawing onto the frame's cells.
fn draw(frame: &mut Frame, app: &App, picture: &Picture, p: Placed) {
    let drawn = canvas::draw(picture, p.window, p.look, app.views.map.cursor);
    let buffer = frame.buffer_mut();
    for y in 0..drawn.height {
        for x in 0..drawn.width {
            let cell = drawn.get(x, y);
            if cell.symbol == ' ' && cell.bg.is_none() {
                continue;
            }
            let mut style = Style::new();
            if let Some(fg) = cell.fg {
                style = style.fg(colour(fg));
            }
            if let Some(bg) = cell.bg {
                style = style.bg(colour(bg));
            }
            if cell.dim {
                style = style.add_modifier(Modifier::DIM);
            }
            if cell.reversed {
                style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
            }
            if let Some(c) = buffer.cell_mut((p.area.x + x, p.area.y + y)) {
                c.set_char(cell.symbol).set_style(style);
            }
        }
    }
}

/// The seat under the cursor: its name, winner, share, margin and the colour's value.
fn seat_line(app: &App, picture: &Picture) -> String {
    match (app.views.map.cursor, &app.data) {
        (Some(cursor), Some(data)) => seat::describe(picture, data.dataset(), cursor),
        _ => "no seat".into(),
    }
}

/// The legend: each class's colour (or mark) with its label and count, hollow and faded
/// seats, and a projection's seats and changes, said to be a projection.
fn legend(app: &App) -> Option<Paragraph<'static>> {
    let m = &app.views.map;
    let picture = m.picture.as_ref()?;
    let coloured = &picture.coloured;
    let theme = app.theme;
    let mut spans: Vec<Span<'static>> = Vec::new();
    let key = |rgb: Rgb, mark: &str| {
        if theme.color {
            Span::styled("██", Style::new().fg(colour(rgb)))
        } else {
            Span::raw(mark.to_string())
        }
    };
    for (n, class) in coloured.classes.iter().filter(|c| c.count > 0).enumerate() {
        if n > 0 {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        spans.push(key(class.colour, &class.mark));
        spans.push(Span::raw(format!(
            " {} {}",
            class.legend_label(theme.color),
            class.count
        )));
    }
    if coloured.hollow > 0 {
        spans.push(Span::styled(" · ", theme.dim()));
        spans.push(if theme.color {
            Span::styled("░░", Style::new().fg(colour(canvas::HOLLOW)))
        } else {
            Span::raw(canvas::HOLLOW_MARK)
        });
        spans.push(Span::raw(format!(" no contest {}", coloured.hollow)));
    }
    if coloured.dimmed > 0 {
        spans.push(Span::styled(
            format!(" · {} left out by the filters", coloured.dimmed),
            theme.dim(),
        ));
    }
    let mut lines = vec![Line::from(spans)];
    if let (Some(projection), Some(swing)) = (&picture.projection, m.swing()) {
        for line in [
            projection::headline(&swing, projection),
            projection::seats(projection),
        ] {
            lines.push(Line::styled(line, theme.warning()));
        }
    }
    let hint = format!(
        "c: colour · [ ]: party {} · + -: swing · Enter: detail",
        cells::fit(m.party_name().unwrap_or("—"), 12).trim_end()
    );
    lines.push(Line::styled(hint, theme.dim()));
    Some(Paragraph::new(lines).wrap(Wrap { trim: true }))
}
