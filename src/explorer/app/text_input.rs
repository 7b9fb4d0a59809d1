//! A prompt's line of text and its cursor — the search, the date range, an export's file
//! name — and the usual line-editing keys on it (`Edit`). A suggested text (the file name an
//! export offers) starts selected: the first character typed replaces it.

use crate::explorer::action::Edit;

/// A text field being typed into, shown in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextInput {
    pub field: Field,
    pub text: String,
    /// Where the cursor is: a byte offset into `text`, at the start of a character.
    pub cursor: usize,
    /// The whole text is selected (a suggestion): typing or pasting replaces it, Backspace,
    /// Delete, Ctrl-U or Ctrl-W clear it, a key that moves the cursor keeps it.
    pub selected: bool,
    /// Why the last Enter was refused (e.g. a malformed date).
    pub error: Option<String>,
}

/// What a text field edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The search, applied as it is typed.
    Search,
    /// A date range `FROM..TO`, applied on Enter.
    Dates,
    /// The file to export to, written on Enter.
    Export(crate::explorer::export::ExportTarget),
}

impl TextInput {
    /// A field holding `text` (what is already in force: typing adds to it), the cursor at its
    /// end.
    pub fn new(field: Field, text: String) -> TextInput {
        TextInput {
            field,
            cursor: text.len(),
            text,
            selected: false,
            error: None,
        }
    }

    /// A field offering `text`, selected: the first character typed replaces it.
    pub fn suggested(field: Field, text: String) -> TextInput {
        TextInput {
            selected: true,
            ..TextInput::new(field, text)
        }
    }

    /// The text before the cursor, and from it on.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.cursor.min(self.text.len()))
    }

    /// Applies `edit`; true when it only added text at the end of what was there (so a search
    /// can only narrow).
    pub fn apply(&mut self, edit: &Edit) -> bool {
        self.cursor = self.cursor.min(self.text.len());
        let selected = std::mem::take(&mut self.selected);
        if selected {
            match edit {
                Edit::Insert(_)
                | Edit::Backspace
                | Edit::Delete
                | Edit::ClearToStart
                | Edit::DeleteWord => {
                    self.text.clear();
                    self.cursor = 0;
                    if !matches!(edit, Edit::Insert(_)) {
                        return false;
                    }
                }
                // Moving the cursor keeps the suggestion, to be edited.
                Edit::Left | Edit::Right | Edit::Home | Edit::End => {}
            }
        }
        let at = self.cursor;
        match edit {
            Edit::Insert(typed) => {
                let at_end = at == self.text.len() && !selected;
                self.text.insert_str(at, typed);
                self.cursor += typed.len();
                return at_end;
            }
            Edit::Backspace => {
                if let Some(before) = previous(&self.text, at) {
                    self.text.replace_range(before..at, "");
                    self.cursor = before;
                }
            }
            Edit::Delete => {
                if let Some(after) = next(&self.text, at) {
                    self.text.replace_range(at..after, "");
                }
            }
            Edit::Left => self.cursor = previous(&self.text, at).unwrap_or(at),
            Edit::Right => self.cursor = next(&self.text, at).unwrap_or(at),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::ClearToStart => {
                self.text.replace_range(..at, "");
                self.cursor = 0;
            }
            Edit::DeleteWord => {
                // Back over spaces, then over the word before them (as a shell's Ctrl-W).
                let before = &self.text[..at];
                let word_end = before.trim_end().len();
                let start = before[..word_end]
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                self.text.replace_range(start..at, "");
                self.cursor = start;
            }
        }
        false
    }
}

/// The start of the character before byte `at`, if any.
fn previous(text: &str, at: usize) -> Option<usize> {
    text[..at].char_indices().next_back().map(|(i, _)| i)
}

/// The end of the character at byte `at`, if any.
fn next(text: &str, at: usize) -> Option<usize> {
    text[at..].chars().next().map(|c| at + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(text: &str) -> TextInput {
        TextInput::new(Field::Search, text.into())
    }

    fn shown(i: &TextInput) -> String {
        let (before, after) = i.split();
        format!("{before}|{after}")
    }

    #[test]
    fn the_usual_line_editing_keys() {
        let mut i = input("bury south");
        i.apply(&Edit::Left);
        i.apply(&Edit::Left);
        assert_eq!(shown(&i), "bury sou|th");
        assert!(!i.apply(&Edit::Insert("X".into())), "not at the end");
        assert_eq!(shown(&i), "bury souX|th");
        i.apply(&Edit::Backspace);
        i.apply(&Edit::Delete);
        assert_eq!(shown(&i), "bury sou|h");
        i.apply(&Edit::Home);
        assert_eq!(shown(&i), "|bury souh");
        i.apply(&Edit::Backspace);
        i.apply(&Edit::Right);
        assert_eq!(shown(&i), "b|ury souh");
        i.apply(&Edit::End);
        assert!(i.apply(&Edit::Insert("!".into())), "at the end");
        i.apply(&Edit::DeleteWord);
        assert_eq!(shown(&i), "bury |");
        i.apply(&Edit::DeleteWord);
        assert_eq!(shown(&i), "|");
        let mut i = input("2019-06..2019-12");
        for _ in 0..7 {
            i.apply(&Edit::Left);
        }
        i.apply(&Edit::ClearToStart);
        assert_eq!(shown(&i), "|2019-12");
        // Characters wider than a byte are stepped over whole.
        let mut i = input("Siân");
        i.apply(&Edit::Left);
        i.apply(&Edit::Left);
        i.apply(&Edit::Backspace);
        assert_eq!(shown(&i), "S|ân");
        i.apply(&Edit::Delete);
        assert_eq!(shown(&i), "S|n");
    }

    #[test]
    fn a_suggestion_is_replaced_by_what_is_typed() {
        let field = Field::Export(crate::explorer::export::ExportTarget::Selected);
        let mut i = TextInput::suggested(field, "ge2019-e14000612.md".into());
        i.apply(&Edit::Insert("b".into()));
        assert_eq!(shown(&i), "b|");
        let mut i = TextInput::suggested(field, "ge2019.md".into());
        i.apply(&Edit::ClearToStart);
        assert_eq!(shown(&i), "|");
        // A movement key keeps it, to be edited.
        let mut i = TextInput::suggested(field, "ge2019.md".into());
        i.apply(&Edit::Home);
        i.apply(&Edit::Insert("x-".into()));
        assert_eq!(shown(&i), "x-|ge2019.md");
    }
}
