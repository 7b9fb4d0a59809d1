//! `hustings map` as text: a heading, the whole map (coloured, or two-letter marks without
//! colour), the legend with its counts, and the contests not placed.

use std::io::{self, Write};

use crate::map::{Picture, Swing};
use crate::model::Dataset;
use crate::model::colour::Rgb;
use crate::report::map::canvas::{self, Canvas, Look, Window};
use crate::report::map::projection;
use crate::report::style::{Paint, TextStyle};

/// The not-placed contests named at most (the rest are counted).
const NAMED_AT_MOST: usize = 20;

/// The contests the map has no hexagon for, the first named and the rest counted: `not placed
/// (3): Aberdeen South; …` (`None` when every one is placed). A million contests on the wrong
/// map would otherwise be a message of tens of megabytes.
pub fn unplaced(picture: &Picture, dataset: &Dataset) -> Option<String> {
    let unplaced = &picture.placement.unplaced;
    if unplaced.is_empty() {
        return None;
    }
    let mut names: Vec<String> = unplaced
        .iter()
        .take(NAMED_AT_MOST)
        .map(|&i| dataset.contests[i].title.to_string())
        .collect();
    if unplaced.len() > NAMED_AT_MOST {
        names.push(format!(
            "and {} more",
            crate::report::words::thousands((unplaced.len() - NAMED_AT_MOST) as u64)
        ));
    }
    Some(format!(
        "not placed ({}): {}",
        crate::report::words::thousands(unplaced.len() as u64),
        names.join("; ")
    ))
}

/// Writes the map, its legend, what was not placed, and a swing's projection.
///
/// # Errors
/// Only those of `out`.
pub fn write(
    picture: &Picture,
    dataset: &Dataset,
    swing: Option<&Swing>,
    style: &TextStyle,
    out: &mut impl Write,
) -> io::Result<()> {
    writeln!(out, "{}", style.paint(&heading(picture), Paint::Bold))?;
    writeln!(out)?;
    let window = Window::whole(&picture.geometry);
    let look = Look {
        colour: style.color,
        dense: false,
    };
    let canvas = canvas::draw(picture, window, look, None);
    for y in 0..canvas.height {
        writeln!(out, "{}", line(&canvas, y, style).trim_end())?;
    }
    writeln!(out)?;
    for line in legend_lines(picture, style) {
        writeln!(out, "{line}")?;
    }
    if let Some(unplaced) = unplaced(picture, dataset) {
        writeln!(out, "{unplaced}")?;
    }
    if let (Some(projection), Some(swing)) = (&picture.projection, swing) {
        writeln!(
            out,
            "{}",
            style.paint(&projection::headline(swing, projection), Paint::Warn)
        )?;
        writeln!(out, "{}", projection::seats(projection))?;
    }
    Ok(())
}

/// `Map uk-2010 · winner · placed 650 of 650 contests`.
pub fn heading(picture: &Picture) -> String {
    format!(
        "Map {} · {} · {}",
        picture.map.name,
        picture.coloured.title,
        picture.placement_words()
    )
}

/// The legend, a line of classes (`██ Con 365 · ██ Lab 202 …`, or `Co Con 365 …` without
/// colour), then what hollow and faded hexagons are.
pub fn legend_lines(picture: &Picture, style: &TextStyle) -> Vec<String> {
    let coloured = &picture.coloured;
    let classes: Vec<String> = coloured
        .classes
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| {
            let key = if style.color {
                style.paint("██", paint(c.colour))
            } else {
                c.mark.clone()
            };
            format!("{key} {} {}", c.legend_label(style.color), c.count)
        })
        .collect();
    let mut lines = vec![classes.join(" · ")];
    let mut notes = Vec::new();
    if coloured.hollow > 0 {
        let key = if style.color {
            style.paint("░░", paint(canvas::HOLLOW))
        } else {
            canvas::HOLLOW_MARK.to_string()
        };
        notes.push(format!("{key} no contest {}", coloured.hollow));
    }
    if coloured.dimmed > 0 {
        let key = if style.color {
            "faded".to_string()
        } else {
            canvas::LEFT_OUT_MARK.to_string()
        };
        notes.push(format!("{key} left out by the filters {}", coloured.dimmed));
    }
    if !notes.is_empty() {
        lines.push(notes.join(" · "));
    }
    lines
}

fn paint(colour: Rgb) -> Paint {
    Paint::Rgb(colour.0, colour.1, colour.2)
}

/// Line `y` of the canvas, runs of one colour painted together.
fn line(canvas: &Canvas, y: u16, style: &TextStyle) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let mut run_paint: Option<Paint> = None;
    for x in 0..canvas.width {
        let cell = canvas.get(x, y);
        let cell_paint = match cell.fg {
            Some(c) if style.color => Some(paint(c)),
            _ if cell.dim && style.color => Some(Paint::Dim),
            _ => None,
        };
        if cell_paint != run_paint {
            out.push_str(&flush(&run, run_paint, style));
            run.clear();
            run_paint = cell_paint;
        }
        run.push(cell.symbol);
    }
    out.push_str(&flush(&run, run_paint, style));
    out
}

fn flush(run: &str, paint: Option<Paint>, style: &TextStyle) -> String {
    match paint {
        Some(p) if !run.trim().is_empty() => style.paint(run, p),
        _ => run.to_string(),
    }
}
