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

/// A place's name folded for matching one spelling of it to another (a contest's seat to a
/// map's hexagon): [`fold`], then `&` read as `and` and punctuation as a space, runs of spaces
/// one, so `Ashton-under-Lyne` is `Ashton under Lyne` and `St. Albans` is `St Albans`.
pub fn fold_place(text: &str) -> String {
    let folded = fold(text).replace('&', " and ");
    let spaced: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
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

    #[test]
    fn place_names_fold_punctuation_and_ampersands_too() {
        assert_eq!(fold_place("Ashton-under-Lyne"), "ashton under lyne");
        assert_eq!(fold_place("St. Albans"), fold_place("St Albans"));
        assert_eq!(
            fold_place("Brighton, Kemptown & Peacehaven"),
            "brighton kemptown and peacehaven"
        );
        assert_eq!(fold_place("YNYS MÔN"), "ynys mon");
    }
}
