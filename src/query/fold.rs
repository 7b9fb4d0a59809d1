//! Folding text for matching what people type: the one folding of the search index, every
//! search typed, the endorser filter and a picker's type-to-find.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Text folded for matching what people type: lowercased letter by letter, so a letter folds
/// the same wherever it stands (`str::to_lowercase` writes a word-final capital sigma as `ς`
/// but one inside a word as `σ`, so "ΟΔΟΣ" would not find itself; both sigmas fold to `σ`),
/// then decomposed (NFD) with its accents dropped, so `orfhlaith` finds Órfhlaith and `sian`
/// finds Siân. The one folding of the search index, every search typed (explorer, `list
/// --search`), the endorser filter and a picker's type-to-find.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

/// Appends `text` folded. Most text is ASCII, where folding is a byte-wise lowercase (ASCII has
/// no accents to drop) — far cheaper than case-mapping and decomposing a million contests'
/// text character by character.
pub(super) fn fold_into(out: &mut String, text: &str) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
    } else {
        out.extend(fold_chars(text));
    }
}

/// Lowercase first (`İ` lowercases to `i` and a combining dot), then decompose and drop every
/// combining mark, so no accent survives whichever step makes it.
fn fold_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ς' { 'σ' } else { c })
        .nfd()
        .filter(|&c| !is_combining_mark(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_accents_and_case_alike() {
        assert_eq!(fold("Órfhlaith Begley"), "orfhlaith begley");
        assert_eq!(fold("Siân"), "sian");
        assert_eq!(fold("SIÂN"), "sian");
        assert_eq!(fold("Zoë Ćwiek-Øster"), "zoe cwiek-øster");
        assert_eq!(fold("İstanbul"), "istanbul");
        // Already decomposed text folds the same as composed text.
        assert_eq!(fold("Sia\u{302}n"), fold("Siân"));
        assert_eq!(fold("Plain ASCII"), "plain ascii");
    }
}
