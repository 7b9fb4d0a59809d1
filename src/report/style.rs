//! How text output looks on this terminal: its width and whether to colour. Decided once, in
//! `TextStyle::detect`, so every text report is a pure function of its data and a `TextStyle`.

use std::io::IsTerminal;

use ratatui::crossterm::style::{Attribute, Color, Stylize};
use unicode_width::UnicodeWidthStr;

/// Width used when stdout is not a terminal and `$COLUMNS` is unset.
pub const DEFAULT_WIDTH: usize = 80;
/// Below this, tables stop shrinking and overflow instead of becoming unreadable.
pub const MIN_WIDTH: usize = 40;

/// Width and colour for text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextStyle {
    /// Columns available.
    pub width: usize,
    /// Emit ANSI colour and bold.
    pub color: bool,
}

impl Default for TextStyle {
    fn default() -> Self {
        TextStyle {
            width: DEFAULT_WIDTH,
            color: false,
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
    /// A faction's `#rrggbb` colour.
    Rgb(u8, u8, u8),
}

impl Paint {
    /// The paint for a `#rrggbb` colour; `None` for anything else.
    pub fn hex(color: &str) -> Option<Paint> {
        let hex = color.strip_prefix('#')?;
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Paint::Rgb(byte(0)?, byte(2)?, byte(4)?))
    }
}

impl TextStyle {
    /// The style for stdout: the terminal's width when stdout is a terminal, else `$COLUMNS`
    /// or 80. Colour as `force`d, or by default when stdout is a terminal and `NO_COLOR` is unset.
    pub fn detect(force: Option<bool>) -> TextStyle {
        let tty = std::io::stdout().is_terminal();
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|&c| c > 0);
        let terminal = tty
            .then(|| ratatui::crossterm::terminal::size().ok())
            .flatten()
            .map(|(w, _)| usize::from(w))
            .filter(|&w| w > 0);
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        TextStyle {
            width: terminal.or(columns).unwrap_or(DEFAULT_WIDTH),
            color: force.unwrap_or(tty && !no_color),
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

/// Display width of `text` in terminal cells.
pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` cut to at most `max` cells, ending in `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// Words of `text` laid out in lines of at most `max` cells (a longer word gets a line of its own).
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && width(&line) + 1 + width(word) > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_cells_not_bytes() {
        assert_eq!(truncate("Navendu Mishra", 20), "Navendu Mishra");
        assert_eq!(truncate("Navendu Mishra", 8), "Navendu…");
        assert_eq!(truncate("Sián Berry", 5), "Sián…");
        assert_eq!(width(&truncate("漢字漢字", 5)), 5);
    }

    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(
            wrap("one two three four", 9),
            vec!["one two", "three", "four"]
        );
        assert_eq!(wrap("abcdefghijk x", 5), vec!["abcdefghijk", "x"]);
        assert!(wrap("   ", 5).is_empty());
    }

    #[test]
    fn paint_only_with_colour() {
        let plain = TextStyle::default();
        assert_eq!(plain.paint("x", Paint::Bold), "x");
        let colour = TextStyle {
            color: true,
            ..plain
        };
        assert!(colour.paint("x", Paint::Bold).contains('\x1b'));
        assert_eq!(Paint::hex("#d7191c"), Some(Paint::Rgb(0xd7, 0x19, 0x1c)));
        assert_eq!(Paint::hex("red"), None);
    }
}
