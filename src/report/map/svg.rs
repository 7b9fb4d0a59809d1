//! The map as a standalone SVG, for publishing: a title and what the colours mean above, one
//! real hexagon per seat in its class's colour (a `<title>` tooltip with the seat's name,
//! winner and value), and the legend with its counts beside the map, never over it. Every
//! text from the data is escaped (and stripped of characters XML cannot hold).

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::map::{Fill, Picture, Swing};
use crate::model::Dataset;
use crate::model::colour::Rgb;
use crate::report::map::{projection, seat};

/// A hexagon's circumradius, in pixels.
const RADIUS: f64 = 9.0;
/// Space around the drawing.
const MARGIN: f64 = 24.0;
/// The title and subtitle take this much at the top.
const HEADER: f64 = 76.0;
/// The legend's least width beside the map (wider for long party names).
const LEGEND_WIDTH: f64 = 200.0;
/// About how wide a character of the legend's type is, to fit its longest label.
const LEGEND_CHAR: f64 = 7.4;
/// A legend row's height.
const LEGEND_ROW: f64 = 22.0;
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const INK: &str = "#1a1a1a";
const GREY: &str = "#666666";

/// `text` safe inside XML text and attributes: the five special characters escaped, and the
/// control characters XML 1.0 cannot hold dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn hex_colour(Rgb(r, g, b): Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The corners of a hexagon centred on (`x`, `y`): pointy-topped for a map of rows,
/// flat-topped for one of columns.
fn corners(x: f64, y: f64, pointy: bool) -> String {
    let mut points = String::new();
    for k in 0..6 {
        let degrees = f64::from(k) * 60.0 + if pointy { 30.0 } else { 0.0 };
        let (sin, cos) = degrees.to_radians().sin_cos();
        let _ = write!(
            points,
            "{}{:.1},{:.1}",
            if k > 0 { " " } else { "" },
            x + RADIUS * cos,
            y + RADIUS * sin
        );
    }
    points
}

/// Each hexagon's centre, relative to the map's top-left, and the map's size.
fn centres(picture: &Picture) -> (Vec<(f64, f64)>, f64, f64) {
    let map = &picture.map;
    let pointy = map.layout.in_rows();
    let (min_q, max_r) = (
        map.hexes.iter().map(|h| h.q).min().unwrap_or(0),
        map.hexes.iter().map(|h| h.r).max().unwrap_or(0),
    );
    let root3 = 3f64.sqrt();
    let centres: Vec<(f64, f64)> = map
        .hexes
        .iter()
        .map(|h| {
            let column = f64::from(h.q - min_q);
            let row = f64::from(max_r - h.r);
            if pointy {
                let shift = if map.layout.shifted(h.r) { 0.5 } else { 0.0 };
                (
                    root3 * RADIUS * (column + shift + 0.5),
                    RADIUS * (1.5 * row + 1.0),
                )
            } else {
                let shift = if map.layout.shifted(h.q) { 0.5 } else { 0.0 };
                (
                    RADIUS * (1.5 * column + 1.0),
                    root3 * RADIUS * (row + shift + 0.5),
                )
            }
        })
        .collect();
    let width = centres.iter().map(|c| c.0).fold(0.0, f64::max) + RADIUS;
    let height = centres.iter().map(|c| c.1).fold(0.0, f64::max) + RADIUS;
    (centres, width, height)
}

/// Writes the SVG of `picture`, headed `title`.
///
/// # Errors
/// Only those of `out`.
pub fn write(
    picture: &Picture,
    dataset: &Dataset,
    title: &str,
    swing: Option<&Swing>,
    out: &mut impl Write,
) -> io::Result<()> {
    let coloured = &picture.coloured;
    let (centres, map_w, map_h) = centres(picture);
    let legend_rows = coloured.classes.len() + 2;
    let legend_h = LEGEND_ROW * legend_rows as f64;
    let labels = legend_labels(picture);
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let legend_w = LEGEND_WIDTH.max(longest as f64 * LEGEND_CHAR + 80.0);
    let width = MARGIN * 2.0 + map_w + 30.0 + legend_w;
    let height = MARGIN + HEADER + map_h.max(legend_h) + MARGIN + 18.0;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"{FONT}\" role=\"img\">"
    );
    let _ = writeln!(svg, "<title>{}</title>", escape(title));
    let _ = writeln!(
        svg,
        "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
    );
    let _ = writeln!(
        svg,
        "<text x=\"{MARGIN}\" y=\"{:.0}\" font-size=\"22\" font-weight=\"700\" fill=\"{INK}\">{}</text>",
        MARGIN + 20.0,
        escape(title)
    );
    let subtitle = match (&picture.projection, swing) {
        (Some(projection), Some(swing)) => format!(
            "{} · {}",
            projection::headline(swing, projection),
            projection::seats(projection)
        ),
        _ => format!(
            "Coloured by {} · {}",
            coloured.title,
            picture.placement_words()
        ),
    };
    let _ = writeln!(
        svg,
        "<text x=\"{MARGIN}\" y=\"{:.0}\" font-size=\"14\" fill=\"{}\">{}</text>",
        MARGIN + 44.0,
        if swing.is_some() { "#b00020" } else { GREY },
        escape(&subtitle)
    );
    let (left, top) = (MARGIN, MARGIN + HEADER);
    let pointy = picture.map.layout.in_rows();
    let _ = writeln!(
        svg,
        "<g id=\"seats\" stroke=\"#ffffff\" stroke-width=\"1\">"
    );
    for (h, &(x, y)) in centres.iter().enumerate() {
        let (fill, extra) = match coloured.fills[h] {
            Fill::Hollow => (
                "#ffffff".to_string(),
                " stroke=\"#c8c8c8\" stroke-dasharray=\"2 2\"".to_string(),
            ),
            Fill::Class { class, dim } => (
                hex_colour(coloured.classes[class].colour),
                if dim {
                    " fill-opacity=\"0.22\"".into()
                } else {
                    String::new()
                },
            ),
        };
        let _ = writeln!(
            svg,
            "<polygon class=\"seat\" data-id=\"{}\" points=\"{}\" fill=\"{fill}\"{extra}><title>{}</title></polygon>",
            escape(&picture.map.hexes[h].id),
            corners(left + x, top + y, pointy),
            escape(&seat::describe(picture, dataset, h))
        );
    }
    let _ = writeln!(svg, "</g>");
    legend(
        &mut svg,
        picture,
        &labels,
        (left + map_w + 30.0, top, legend_w),
    );
    let _ = writeln!(
        svg,
        "<text x=\"{MARGIN}\" y=\"{:.0}\" font-size=\"11\" fill=\"{GREY}\">{}</text>",
        height - MARGIN / 2.0,
        escape(&format!(
            "Hex map {} by Open Innovations (MIT licence) · drawn by hustings",
            picture.map.name
        ))
    );
    let _ = writeln!(svg, "</svg>");
    out.write_all(svg.as_bytes())
}

/// Each class's label in the legend, in full where the short one differs (`Labour (Lab)`).
fn legend_labels(picture: &Picture) -> Vec<String> {
    let coloured = &picture.coloured;
    let mut labels: Vec<String> = coloured
        .classes
        .iter()
        .filter(|c| c.count > 0)
        .map(|class| {
            if class.name == class.label {
                class.label.clone()
            } else {
                format!("{} ({})", class.name, class.label)
            }
        })
        .collect();
    if coloured.hollow > 0 {
        labels.push("no contest".into());
    }
    if coloured.dimmed > 0 {
        labels.push("left out by the filters (faded)".into());
    }
    labels
}

/// The legend at (`x`, `y`), `width` wide: a swatch, label and count per class, then hollow
/// and faded seats (`labels` in that order).
fn legend(svg: &mut String, picture: &Picture, labels: &[String], (x, y, width): (f64, f64, f64)) {
    let coloured = &picture.coloured;
    let mut swatches: Vec<(String, usize)> = coloured
        .classes
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| (format!("fill=\"{}\"", hex_colour(c.colour)), c.count))
        .collect();
    if coloured.hollow > 0 {
        swatches.push((
            "fill=\"#ffffff\" stroke=\"#c8c8c8\" stroke-dasharray=\"2 2\"".into(),
            coloured.hollow,
        ));
    }
    if coloured.dimmed > 0 {
        swatches.push((
            "fill=\"#888888\" fill-opacity=\"0.22\"".into(),
            coloured.dimmed,
        ));
    }
    let _ = writeln!(svg, "<g id=\"legend\" font-size=\"13\" fill=\"{INK}\">");
    for (row, ((swatch, count), label)) in swatches.iter().zip(labels).enumerate() {
        let top = y + row as f64 * LEGEND_ROW;
        let _ = writeln!(
            svg,
            "<rect x=\"{x:.1}\" y=\"{top:.1}\" width=\"16\" height=\"16\" rx=\"3\" {swatch}/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{}</text>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{count}</text>",
            x + 24.0,
            top + 12.5,
            escape(label),
            x + width - 10.0,
            top + 12.5
        );
    }
    let _ = writeln!(svg, "</g>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_text_is_escaped_and_control_characters_dropped() {
        assert_eq!(
            escape("A & B <c> \"d\" 'e'\u{1b}[31m\u{7}"),
            "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;[31m"
        );
    }
}
