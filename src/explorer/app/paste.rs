//! Pasted text (bracketed paste). A paste is text and never keys: pasting `qqqq` does not
//! quit, and a line break in it does not press Enter. Into a prompt (search, dates, file name)
//! it is typed, as one piece; outside a prompt it starts a new search for it; a picker, the
//! help, the message log and a yes/no question ignore it.

use crate::explorer::action::Edit;
use crate::explorer::app::{App, Field, Overlay, TextInput};
use crate::model::text;

impl App {
    /// `Action::Paste`: `raw` is what the terminal sent between the paste brackets.
    pub(super) fn paste(&mut self, raw: &str) {
        let text = as_text(raw);
        match &self.overlay {
            // Exactly as typing it would: a search narrows as it grows.
            Overlay::Input(_) => self.edit(&Edit::Insert(text)),
            // Type-to-find in a picker takes a paste as typing.
            Overlay::Picker(p) if p.finding => self.edit(&Edit::Insert(text)),
            // Nothing to search for: a stray newline changes nothing.
            Overlay::None if text.trim().is_empty() => {}
            // The pasted text replaces any search: what was pasted is what is looked for.
            Overlay::None => {
                self.query.filter.search.clone_from(&text);
                self.overlay = Overlay::Input(TextInput::new(Field::Search, text));
                self.relist();
            }
            Overlay::Help
            | Overlay::Picker(_)
            | Overlay::Confirm(_)
            | Overlay::Messages
            | Overlay::Chips(_)
            | Overlay::Columns(_) => {}
        }
    }
}

/// Pasted text made fit for a one-line prompt: each line break (LF, CR, CRLF, U+2028, U+2029)
/// and tab becomes one space; other control characters (escape sequences' ESC among them) are
/// dropped.
pub fn as_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                // CRLF is one line break.
                chars.next_if_eq(&'\n');
                out.push(' ');
            }
            '\n' | '\t' | '\u{2028}' | '\u{2029}' => out.push(' '),
            // Controls and bidi overrides (`model::text`) would act, not show: dropped.
            c if text::is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::as_text;

    #[test]
    fn line_breaks_and_tabs_are_spaces_and_other_controls_go() {
        assert_eq!(as_text("stock\nport"), "stock port");
        assert_eq!(as_text("stock\rport"), "stock port");
        assert_eq!(as_text("stock\r\nport\r\n"), "stock port ");
        assert_eq!(as_text("a\n\nb\tc"), "a  b c");
        assert_eq!(as_text("a\u{2028}b"), "a b");
        assert_eq!(as_text("\x1b[31mred\x1b[0m\x07\x7f\u{9b}"), "[31mred[0m");
        assert_eq!(as_text("Sián Berry 漢字"), "Sián Berry 漢字");
        assert_eq!(as_text("abc\u{202e}fed"), "abcfed");
        assert_eq!(as_text(""), "");
    }
}
