//! Text from a data file is untrusted: a title may hold an escape sequence that clears the
//! screen, sets the window title or writes the clipboard, a C1 control that terminals read as
//! one, or a bidi override that reorders what the reader sees. [`clean`] is the one rule for
//! showing such text; [`each_text`] visits every string of a record with its JSON path, so
//! `validate` can say where such characters are.
//!
//! The rule, by Unicode property rather than a hand list: every control character (general
//! category Cc: C0, DEL, C1), line and paragraph separator (Zl, Zp) and format character (Cf —
//! the bidi controls among them, with U+200E/U+200F/U+061C, the invisible U+200B/U+2060/U+FEFF,
//! the interlinear annotation marks U+FFF9–U+FFFB, tags) is replaced by one visible character —
//! C0 and DEL by their Unicode Control Picture (`␛` for ESC, `␍` for CR, `␇` for BEL), the rest
//! by `�` (U+FFFD) — except a tab or a line feed, which every output here treats as a space
//! between words, and so becomes a space. Two format characters stay inside words: the
//! zero-width joiner and non-joiner ([`JOINERS`]), which emoji sequences and some scripts need
//! between two letters, marks, numbers or symbols; one anywhere else (at an end, beside a
//! space, punctuation or another joiner) joins nothing and is replaced like the rest
//! ([`is_stray_joiner`]).

use std::borrow::Cow;

use serde::Serialize;
use serde::ser;

/// The format characters (Cf) text needs inside words, kept: the zero-width non-joiner
/// (Persian, Indic scripts) and joiner (emoji sequences such as 👩‍⚕️, Indic conjuncts).
pub const JOINERS: [char; 2] = ['\u{200c}', '\u{200d}'];

/// Whether `c` would act on a terminal, reorder text or hide in it, rather than show.
pub fn is_unsafe(c: char) -> bool {
    use unicode_general_category::{GeneralCategory, get_general_category};
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    match get_general_category(c) {
        GeneralCategory::Control
        | GeneralCategory::LineSeparator
        | GeneralCategory::ParagraphSeparator => true,
        GeneralCategory::Format => !JOINERS.contains(&c),
        _ => false,
    }
}

/// Whether `c` is a joiner that joins nothing: not between two characters a joiner can join
/// (letters, marks, numbers, symbols — emoji among them), given the characters around it.
pub fn is_stray_joiner(before: Option<char>, c: char, after: Option<char>) -> bool {
    use unicode_general_category::{GeneralCategory::*, get_general_category};
    let joins = |side: Option<char>| {
        side.is_some_and(|s| {
            matches!(
                get_general_category(s),
                UppercaseLetter
                    | LowercaseLetter
                    | TitlecaseLetter
                    | ModifierLetter
                    | OtherLetter
                    | NonspacingMark
                    | SpacingMark
                    | EnclosingMark
                    | DecimalNumber
                    | LetterNumber
                    | OtherNumber
                    | MathSymbol
                    | CurrencySymbol
                    | ModifierSymbol
                    | OtherSymbol
            )
        })
    };
    JOINERS.contains(&c) && !(joins(before) && joins(after))
}

/// Each character of `s` with whether the rule replaces it.
fn judged(s: &str) -> impl Iterator<Item = (char, bool)> + '_ {
    let mut before = None;
    let mut chars = s.chars().peekable();
    std::iter::from_fn(move || {
        let c = chars.next()?;
        let replaced = is_unsafe(c) || is_stray_joiner(before, c, chars.peek().copied());
        before = Some(c);
        Some((c, replaced))
    })
}

/// A quick test that `s` holds no unsafe character: printable ASCII (most text in most
/// files) costs one pass over its bytes; only text with other characters is looked up
/// character by character.
pub fn is_clean(s: &str) -> bool {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return true;
    }
    let mut joiner = false;
    for c in s.chars() {
        if is_unsafe(c) {
            return false;
        }
        joiner |= JOINERS.contains(&c);
    }
    // Joiners are judged by their neighbours, in the few strings that have one.
    !joiner || !judged(s).any(|(_, replaced)| replaced)
}

/// The visible stand-in for an unsafe character (see the module doc).
pub fn stand_in(c: char) -> char {
    match c {
        '\t' | '\n' => ' ',
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        _ => '\u{fffd}',
    }
}

/// `s` safe to show on a terminal or in a document: every unsafe character replaced by its
/// visible stand-in. Borrowed, at no cost, when there is nothing to replace.
pub fn clean(s: &str) -> Cow<'_, str> {
    if is_clean(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        judged(s)
            .map(|(c, replaced)| if replaced { stand_in(c) } else { c })
            .collect(),
    )
}

/// A count with thousands separators: `14477` → `14,477`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Longest quoted value kept in a message, in characters.
pub const MAX_QUOTED: usize = 60;
/// Longest message kept, in bytes; past that it is cut. Bytes, not characters: a stand-in
/// (`␡`) takes three and other text up to four, and the whole line must stay short.
pub const MAX_MESSAGE: usize = 600;

/// Makes text safe for a one-line message: control characters shown as stand-ins, long quoted values
/// shortened, and the whole cut at a sane length.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4 * MAX_MESSAGE));
    let mut rest = text;
    let mut kept = 0usize;
    let mut open: Option<char> = None;
    let mut before: Option<char> = None;
    let mut quoted = 0usize;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        if kept >= MAX_MESSAGE {
            out.push('…');
            break;
        }
        match open {
            Some(q) if c == q => open = None,
            Some(q) => {
                quoted += 1;
                if quoted > MAX_QUOTED {
                    // Jump to the closing quote in one step: a value may be hundreds of megabytes.
                    out.push('…');
                    rest = rest.find(q).map_or("", |end| &rest[end..]);
                    continue;
                }
            }
            None if c == '"' || c == '`' => {
                open = Some(c);
                quoted = 0;
            }
            None => {}
        }
        // Shown by the one rule for text from a file (`model::text`), on one line.
        let replaced = is_unsafe(c) || is_stray_joiner(before, c, rest.chars().next());
        before = Some(c);
        let shown = if replaced { stand_in(c) } else { c };
        out.push(shown);
        kept += shown.len_utf8();
    }
    out
}

/// One step of a JSON path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Key(&'static str),
    Index(usize),
}

/// `candidates[2].name` for the steps `candidates`, 2, `name`.
pub fn path_text(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Calls `f` with the path and text of every string in `value` as serde would write it
/// (map keys included), without writing anything.
pub fn each_text<T: Serialize + ?Sized>(value: &T, f: &mut dyn FnMut(&[Step], &str)) {
    let mut walker = Walker {
        path: Vec::new(),
        f,
    };
    // Walking cannot fail: every method below returns Ok.
    let _ = value.serialize(&mut walker);
}

struct Walker<'f> {
    path: Vec<Step>,
    f: &'f mut dyn FnMut(&[Step], &str),
}

/// The walker's only error: never raised, required by serde.
#[derive(Debug)]
struct Never;

impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("never")
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Never
    }
}

type Done = Result<(), Never>;

impl Walker<'_> {
    fn at<T: Serialize + ?Sized>(&mut self, step: Step, value: &T) -> Done {
        self.path.push(step);
        let done = value.serialize(&mut *self);
        self.path.pop();
        done
    }
}

impl<'a, 'f> ser::Serializer for &'a mut Walker<'f> {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Seq<'a, 'f>;
    type SerializeTuple = Seq<'a, 'f>;
    type SerializeTupleStruct = Seq<'a, 'f>;
    type SerializeTupleVariant = Seq<'a, 'f>;
    type SerializeMap = Map<'a, 'f>;
    type SerializeStruct = &'a mut Walker<'f>;
    type SerializeStructVariant = &'a mut Walker<'f>;

    fn serialize_bool(self, _: bool) -> Done {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Done {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Done {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Done {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Done {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Done {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Done {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Done {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Done {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Done {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> Done {
        Ok(())
    }
    fn serialize_char(self, c: char) -> Done {
        (self.f)(&self.path, c.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, s: &str) -> Done {
        (self.f)(&self.path, s);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Done {
        Ok(())
    }
    fn serialize_none(self) -> Done {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Done {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Done {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Done {
        self.at(Step::Key(variant), v)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a, 'f>, Never> {
        Ok(Seq {
            walker: self,
            next: 0,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'f>, Never> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'a, 'f>, Never> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Seq<'a, 'f>, Never> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Map<'a, 'f>, Never> {
        Ok(Map { walker: self })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Never> {
        Ok(self)
    }
}

/// The elements of a sequence, each at its index.
struct Seq<'a, 'f> {
    walker: &'a mut Walker<'f>,
    next: usize,
}

impl Seq<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        let i = self.next;
        self.next += 1;
        self.walker.at(Step::Index(i), value)
    }
}

impl ser::SerializeSeq for Seq<'_, '_> {
    type Ok = ();
    type Error = Never;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl ser::SerializeTuple for Seq<'_, '_> {
    type Ok = ();
    type Error = Never;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Seq<'_, '_> {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Seq<'_, '_> {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

/// A map's entries: keys are text too (reported at the map's path), values at a `*` step
/// (map keys are not `'static`, so the path names no key).
struct Map<'a, 'f> {
    walker: &'a mut Walker<'f>,
}

impl ser::SerializeMap for Map<'_, '_> {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        key.serialize(&mut *self.walker)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.walker.at(Step::Key("*"), value)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Walker<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.at(Step::Key(key), value)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut Walker<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.at(Step::Key(key), value)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

/// Every text of at most `longest` characters from `letters`, the empty one too: for tests
/// that hold a fast path to its rule on every short input.
#[cfg(test)]
pub(crate) fn every_text(letters: &[char], longest: usize) -> Vec<String> {
    let mut all = vec![String::new()];
    let mut last = all.clone();
    for _ in 0..longest {
        last = (last.iter())
            .flat_map(|t| letters.iter().map(move |c| format!("{t}{c}")))
            .collect();
        all.extend(last.iter().cloned());
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_visible_stand_in_per_character() {
        assert_eq!(clean("Harbour\u{1b}[2J\u{1b}[H"), "Harbour␛[2J␛[H");
        assert_eq!(clean("a\u{7}b\u{8}c\rd"), "a␇b␈c␍d");
        assert_eq!(clean("x\u{7f}\u{9b}2J"), "x␡\u{fffd}2J");
        assert_eq!(clean("abc\u{202e}fed\u{2066}"), "abc\u{fffd}fed\u{fffd}");
        assert_eq!(clean("two\nlines\tand tab"), "two lines and tab");
        assert!(matches!(clean("Siân Berry — “quoted”"), Cow::Borrowed(_)));
        assert!(is_clean("Órfhlaith Begley\u{2014}"));
        assert!(!is_clean("\u{85}"));
    }

    #[test]
    fn invisible_format_characters_are_shown_and_joiners_kept() {
        // Bidi marks, the Arabic letter mark, interlinear annotations, a soft hyphen, a
        // zero-width space, a byte-order mark and a tag: each one visible stand-in.
        for c in [
            '\u{200e}',
            '\u{200f}',
            '\u{61c}',
            '\u{fff9}',
            '\u{fffa}',
            '\u{fffb}',
            '\u{ad}',
            '\u{200b}',
            '\u{feff}',
            '\u{e0041}',
        ] {
            assert!(is_unsafe(c), "{c:?}");
            assert_eq!(clean(&format!("a{c}b")), "a\u{fffd}b", "{c:?}");
        }
        // Every Bidi_Control character (UCD PropList.txt) is unsafe.
        let bidi_controls = ['\u{61c}', '\u{200e}', '\u{200f}']
            .into_iter()
            .chain('\u{202a}'..='\u{202e}')
            .chain('\u{2066}'..='\u{2069}');
        for c in bidi_controls {
            assert!(is_unsafe(c), "{c:?}");
        }
        // A family emoji (ZWJ sequence) and a Persian word with a ZWNJ are text; a joiner
        // that joins nothing (at an end, beside a space or another joiner) is not.
        assert!(matches!(clean("👩\u{200d}👩\u{200d}👧"), Cow::Borrowed(_)));
        assert!(matches!(clean("می\u{200c}خواهم"), Cow::Borrowed(_)));
        // A Devanagari half form: virama (a mark), ZWJ, a letter.
        assert!(is_clean("क्\u{200d}ष"));
        assert!(is_clean("🏳\u{fe0f}\u{200d}🌈"));
        assert_eq!(
            clean("\u{200d}Jo Smith\u{200c}"),
            "\u{fffd}Jo Smith\u{fffd}"
        );
        assert_eq!(clean("Jo \u{200d}Smith"), "Jo \u{fffd}Smith");
        assert_eq!(clean("Jo\u{200d}\u{200d}Smith"), "Jo\u{fffd}\u{fffd}Smith");
        assert!(!is_clean("Smith\u{200d}"));
        assert_eq!(one_line("named \"Jo\u{200d}\""), "named \"Jo\u{fffd}\"");
        assert!(is_clean("नमस्ते ሰላም ﷽ 😀"));
    }

    #[test]
    fn every_string_is_visited_with_its_path() {
        #[derive(Serialize)]
        struct Inner {
            name: String,
            tags: Vec<String>,
        }
        #[derive(Serialize)]
        struct Outer {
            id: String,
            count: u64,
            inner: Vec<Inner>,
            note: Option<String>,
        }
        let value = Outer {
            id: "a".into(),
            count: 3,
            inner: vec![Inner {
                name: "b".into(),
                tags: vec!["c".into(), "d".into()],
            }],
            note: Some("e".into()),
        };
        let mut seen = Vec::new();
        each_text(&value, &mut |path, s| {
            seen.push((path_text(path), s.to_string()));
        });
        let want = [
            ("id", "a"),
            ("inner[0].name", "b"),
            ("inner[0].tags[0]", "c"),
            ("inner[0].tags[1]", "d"),
            ("note", "e"),
        ];
        assert_eq!(
            seen,
            want.map(|(p, s)| (p.to_string(), s.to_string())).to_vec()
        );
    }
}
