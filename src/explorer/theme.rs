//! Colours and styles in one place. With `NO_COLOR` set, nothing is coloured: emphasis uses
//! bold, reverse and underline only, and factions are told apart by their `abbr` letters.

use ratatui::style::{Color, Modifier, Style};

use crate::model::Faction;
use crate::model::colour::Rgb;
use crate::report::words;

/// The explorer's styles; `color: false` is the NO_COLOR variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless the `NO_COLOR` environment variable is set to anything non-empty.
    pub fn from_env() -> Theme {
        Theme {
            color: words::colour_allowed(),
        }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// Plain text.
    pub fn text(self) -> Style {
        Style::new()
    }

    /// Titles and headings.
    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Labels and secondary facts.
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    /// Column titles of a table.
    pub fn column_title(self) -> Style {
        self.dim().add_modifier(Modifier::UNDERLINED)
    }

    /// The selected list row: reversed when the list has focus, bold otherwise.
    pub fn selected(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// A pane's border: highlighted when the pane has the keys.
    pub fn border(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::Cyan),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => self.dim(),
        }
    }

    /// A pending contest's status.
    pub fn pending(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::ITALIC)
    }

    /// The elected mark and winner's name.
    pub fn elected(self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    /// Integrity warnings.
    pub fn warning(self) -> Style {
        self.fg(Color::Yellow)
    }

    /// Errors (a failed reload, a malformed date).
    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// Key names in the help and the status bar.
    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// An active filter in the status bar.
    pub fn filter(self) -> Style {
        self.fg(Color::Magenta)
    }

    /// The status bar's background.
    pub fn status_bar(self) -> Style {
        if self.color {
            Style::new().bg(Color::Indexed(236))
        } else {
            Style::new()
        }
    }

    /// The colour of a faction's marks and bars, when colour is on and the data gives one.
    pub fn faction_color(self, faction: Option<&Faction>) -> Option<Color> {
        if !self.color {
            return None;
        }
        words::faction_colour(faction).map(|Rgb(r, g, b)| Color::Rgb(r, g, b))
    }

    /// A faction's bar or mark.
    pub fn faction(self, faction: Option<&Faction>) -> Style {
        match self.faction_color(faction) {
            Some(c) => Style::new().fg(c),
            None => Style::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn faction(abbr: Option<&str>, color: Option<&str>) -> Faction {
        Faction {
            id: "x".into(),
            name: "Labour left / Momentum".into(),
            abbr: abbr.map(Into::into),
            color: color.map(Into::into),
            description: None,
            group: None,
            spellings: Vec::new(),
        }
    }

    #[test]
    fn colours_come_from_the_data_unless_no_color() {
        let f = faction(Some("LL"), Some("#d7191c"));
        let colour = Theme { color: true };
        let plain = Theme { color: false };
        assert_eq!(
            colour.faction_color(Some(&f)),
            Some(Color::Rgb(0xd7, 0x19, 0x1c))
        );
        assert_eq!(plain.faction_color(Some(&f)), None);
        assert_eq!(plain.pending().fg, None);
    }
}
