//! Fitting text into cells: truncation with an ellipsis and padding, by display width.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

// Width and truncation are shared with the command line's text output.
pub use crate::report::style::{truncate, width};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting() {
        assert_eq!(fit("Stockport", 5), "Stoc…");
        assert_eq!(fit("Bury", 6), "Bury  ");
        assert_eq!(fit_right("338", 5), "  338");
        assert_eq!(truncate("anything", 0), "");
        assert_eq!(truncate("ab", 1), "…");
        assert_eq!(fit("日本語", 4), "日… ");
    }

    #[test]
    fn wrapping() {
        assert_eq!(
            wrap("postal ballot of local members", 13),
            vec!["postal ballot", "of local", "members"]
        );
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("a b", 0), vec!["a", "b"]);
    }
}
