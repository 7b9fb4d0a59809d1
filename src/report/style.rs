//! How text output looks on this terminal: its width and whether to colour. Decided once, in
//! `TextStyle::detect`, so every text report is a pure function of its data and a `TextStyle`.

use std::io::IsTerminal;

use ratatui::crossterm::style::{Attribute, Color, Stylize};

use crate::model::Faction;
use crate::model::colour::Rgb;
use crate::report::words;

/// Width text wraps at when stdout is not a terminal and `$COLUMNS` is unset (tables are
/// then printed whole, whatever their width).
pub const DEFAULT_WIDTH: usize = 80;
/// Below this, tables stop shrinking and overflow instead of becoming unreadable.
pub const MIN_WIDTH: usize = 40;
/// The widest text is drawn: a wider `$COLUMNS` (`4294967296`) is taken as this, and said so,
/// rather than drawing bars billions of cells long.
pub const MAX_WIDTH: usize = 10_000;

/// `$COLUMNS` as a width: a positive whole number, capped at [`MAX_WIDTH`] (one too large to
/// hold in a `usize` too); with, when it was capped, the warning that says so. Anything else
/// (empty, `0`, `abc`) is no width.
pub fn columns(value: &str) -> Option<(usize, Option<String>)> {
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let asked = value.parse::<usize>().unwrap_or(usize::MAX);
    if asked == 0 {
        return None;
    }
    if asked <= MAX_WIDTH {
        return Some((asked, None));
    }
    let note = format!("COLUMNS={value} is wider than hustings draws; using {MAX_WIDTH} columns");
    Some((MAX_WIDTH, Some(note)))
}

/// Width and colour for text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextStyle {
    /// Columns available: paragraphs wrap here and bar charts are drawn to it.
    pub width: usize,
    /// Emit ANSI colour and bold.
    pub color: bool,
    /// Tables keep every cell whole instead of fitting `width`: output going to a file or a
    /// pipe (with no `$COLUMNS` to say how wide) must not lose what it was asked to print.
    pub whole_lines: bool,
}

impl Default for TextStyle {
    fn default() -> Self {
        TextStyle {
            width: DEFAULT_WIDTH,
            color: false,
            whole_lines: false,
        }
    }
}

/// A way to paint a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Bold,
    Dim,
    Warn,
    Good,
    /// A faction's colour, as red, green and blue bytes.
    Rgb(u8, u8, u8),
}

impl Paint {
    /// The paint for a faction's colour, when the data gives a valid one.
    pub fn faction(faction: Option<&Faction>) -> Option<Paint> {
        words::faction_colour(faction).map(|Rgb(r, g, b)| Paint::Rgb(r, g, b))
    }
}

impl TextStyle {
    /// The style for stdout: the terminal's width when stdout is a terminal, else `$COLUMNS`;
    /// neither (a file or a pipe): tables whole, text wrapped at 80. Colour as `force`d, or by
    /// default when stdout is a terminal and `NO_COLOR` is unset.
    ///
    /// With the style, a warning for stderr when a `$COLUMNS` it uses was wider than
    /// [`MAX_WIDTH`] and was capped.
    pub fn detect(force: Option<bool>) -> (TextStyle, Option<String>) {
        let tty = std::io::stdout().is_terminal();
        let asked = std::env::var("COLUMNS").ok().and_then(|c| columns(&c));
        let terminal = tty
            .then(|| ratatui::crossterm::terminal::size().ok())
            .flatten()
            .map(|(w, _)| usize::from(w))
            .filter(|&w| w > 0);
        let (columns, note) = match asked {
            // A terminal's own width wins; `$COLUMNS` (and its note) is not used.
            Some((width, note)) if terminal.is_none() => (Some(width), note),
            _ => (None, None),
        };
        let style = TextStyle {
            width: terminal.or(columns).unwrap_or(DEFAULT_WIDTH),
            color: force.unwrap_or(tty && words::colour_allowed()),
            whole_lines: terminal.is_none() && columns.is_none(),
        };
        (style, note)
    }

    /// The width tables are fitted to: `width`, or unlimited when lines are printed whole.
    pub fn table_width(&self) -> usize {
        if self.whole_lines {
            usize::MAX
        } else {
            self.width
        }
    }

    /// `text` painted, or unchanged without colour.
    pub fn paint(&self, text: &str, paint: Paint) -> String {
        if !self.color || text.is_empty() {
            return text.to_string();
        }
        let styled = match paint {
            Paint::Bold => text.attribute(Attribute::Bold),
            Paint::Dim => text.attribute(Attribute::Dim),
            Paint::Warn => text.with(Color::Yellow),
            Paint::Good => text.with(Color::Green),
            Paint::Rgb(r, g, b) => text.with(Color::Rgb { r, g, b }),
        };
        styled.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paint_only_with_colour() {
        let plain = TextStyle::default();
        assert_eq!(plain.paint("x", Paint::Bold), "x");
        let colour = TextStyle {
            color: true,
            ..plain
        };
        assert!(colour.paint("x", Paint::Bold).contains('\x1b'));
    }

    #[test]
    fn columns_are_a_positive_width_capped_at_the_most_drawn() {
        assert_eq!(columns("100"), Some((100, None)));
        assert_eq!(columns(" 10000 "), Some((10_000, None)));
        for none in ["", "0", "abc", "-5", "1e3", "80x"] {
            assert_eq!(columns(none), None, "{none:?}");
        }
        for huge in ["10001", "4294967296", "99999999999999999999999"] {
            let (width, note) = columns(huge).unwrap();
            assert_eq!(width, MAX_WIDTH);
            assert_eq!(
                note.as_deref(),
                Some(
                    format!("COLUMNS={huge} is wider than hustings draws; using 10000 columns")
                        .as_str()
                )
            );
        }
    }
}
