//! Fitting text into terminal cells, by display width: truncation with an ellipsis, padding,
//! and the one word wrap (long words split, continuation lines indented) used by every pane
//! and every text report.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::words::INFERRED_MARK;

/// The cells ` †` takes after a value marked inferred.
const MARK_WIDTH: usize = 2;

/// Display width of `text` in terminal cells.
pub fn width(text: &str) -> usize {
    // Most text is printable ASCII, a cell a byte: a scan of the bytes, where a lookup per
    // character was a tenth of a text list's rows.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        text.len()
    } else {
        text.width()
    }
}

/// `text` cut to at most `max` cells, ending in `…` when cut. A value marked inferred keeps its
/// mark, with or without its space: `Labour leadership election 2020 †` cut to 16 cells is
/// `Labour leader… †`, and `…2020†` (where a column had no room for the space) ends `…†`.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    if let Some(rest) = text.strip_suffix(INFERRED_MARK) {
        let (value, mark) = match rest.strip_suffix(' ') {
            Some(value) => (value, MARK_WIDTH),
            None => (rest, MARK_WIDTH - 1),
        };
        if max > mark + 1 {
            let mut out = truncate(value, max - mark);
            if mark == MARK_WIDTH {
                out.push(' ');
            }
            out.push_str(INFERRED_MARK);
            return out;
        }
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = ch.width().unwrap_or(0);
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

/// The end of `text` that fits in `max` cells (whole characters; for a line that must show its
/// end, such as a prompt's cursor).
pub fn keep_end(text: &str, max: usize) -> String {
    let mut used = 0;
    let mut start = text.len();
    for (i, ch) in text.char_indices().rev() {
        let w = ch.width().unwrap_or(0);
        if used + w > max {
            break;
        }
        used += w;
        start = i;
    }
    text[start..].to_string()
}

/// `s` cut or padded with spaces to exactly `cells` cells, left-aligned.
pub fn fit(s: &str, cells: usize) -> String {
    let mut out = truncate(s, cells);
    let w = out.width();
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// `s` cut or padded to exactly `cells` cells, right-aligned (for numbers).
pub fn fit_right(s: &str, cells: usize) -> String {
    let cut = truncate(s, cells);
    let pad = cells.saturating_sub(cut.width());
    format!("{}{cut}", " ".repeat(pad))
}

/// Greedy word wrap of `s` into lines of at most `width` cells; words longer than a line are
/// split. Always at least one line.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in s.split_whitespace() {
        let w = word.width();
        if used > 0 && used + 1 + w > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        for ch in word.chars() {
            let cw = ch.width().unwrap_or(0);
            if used + cw > width && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(ch);
            used += cw;
        }
    }
    lines.push(line);
    lines
}

/// `s` wrapped to `width` cells with `first` before its first line and `rest` before the
/// others (a hanging indent: continuation lines never start at column 0 unless `rest` is empty).
pub fn hanging(s: &str, first: &str, rest: &str, width: usize) -> Vec<String> {
    let room = width.saturating_sub(self::width(first).max(self::width(rest)));
    wrap(s, room.max(10))
        .into_iter()
        .enumerate()
        .map(|(i, line)| format!("{}{line}", if i == 0 { first } else { rest }))
        .collect()
}

/// Rows of cells as lines: the first column left-aligned, the others right-aligned, two
/// spaces apart, every column as wide as its widest cell (short tables of names and numbers:
/// nothing is cut), trailing spaces trimmed.
pub fn grid_lines(rows: &[Vec<String>]) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; columns];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (k, (cell, &w)) in row.iter().zip(&widths).enumerate() {
                let pad = " ".repeat(w - width(cell));
                if k == 0 {
                    line.push_str(cell);
                    line.push_str(&pad);
                } else {
                    line.push_str("  ");
                    line.push_str(&pad);
                    line.push_str(cell);
                }
            }
            line.trim_end().to_string()
        })
        .collect()
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
        assert_eq!(truncate("anything", 0), "");
        assert_eq!(truncate("ab", 1), "…");
        // A mark of an inferred value stays when the value is cut, where there is room.
        assert_eq!(MARK_WIDTH, width(&format!(" {INFERRED_MARK}")));
        let marked = "Labour leadership election 2020 †";
        assert_eq!(truncate(marked, 16), "Labour leader… †");
        assert_eq!(width(&truncate(marked, 16)), 16);
        assert_eq!(truncate(marked, 4), "L… †");
        assert_eq!(truncate(marked, 3), "La…");
        assert_eq!(truncate(marked, 40), marked);
        // Without its space (a narrow column's `LL†`), it stays without.
        assert_eq!(
            truncate("Labour leadership election 2020†", 16),
            "Labour leaders…†"
        );
        assert_eq!(truncate("Labour leadership election 2020†", 2), "L…");
    }

    /// The fast path for printable ASCII gives what the Unicode tables give, for every byte
    /// and for text that leaves it.
    #[test]
    fn width_is_unicode_width() {
        for b in 0..=0x7f_u8 {
            let text = format!("ab{}c", char::from(b));
            assert_eq!(width(&text), text.width(), "byte {b:#04x}");
        }
        for text in [
            "",
            "Stockport",
            "Sián Berry",
            "漢字",
            "a\u{200b}b",
            "x\u{7f}",
            "tab\there",
        ] {
            assert_eq!(width(text), text.width(), "{text:?}");
        }
    }

    #[test]
    fn the_end_of_a_line() {
        assert_eq!(keep_end("2019-06..2019-12", 7), "2019-12");
        assert_eq!(keep_end("漢字漢字", 5), "漢字");
        assert_eq!(keep_end("ab", 5), "ab");
        assert_eq!(keep_end("ab", 0), "");
    }

    #[test]
    fn fitting() {
        assert_eq!(fit("Stockport", 5), "Stoc…");
        assert_eq!(fit("Bury", 6), "Bury  ");
        assert_eq!(fit_right("338", 5), "  338");
        assert_eq!(fit("日本語", 4), "日… ");
    }

    #[test]
    fn wrapping() {
        assert_eq!(
            wrap("postal ballot of local members", 13),
            vec!["postal ballot", "of local", "members"]
        );
        assert_eq!(
            wrap("one two three four", 9),
            vec!["one two", "three", "four"]
        );
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("a b", 0), vec!["a", "b"]);
    }

    #[test]
    fn continuation_lines_are_indented() {
        assert_eq!(
            hanging("one two three four five six", "  - ", "    ", 16),
            vec!["  - one two", "    three four", "    five six"]
        );
    }
}
