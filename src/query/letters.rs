//! Which bytes occur in a contest's search text, as one 64-bit mask per contest: a search
//! word can only be in a contest whose mask has every bit of the word's, so most contests are
//! ruled out (or, for a one-letter word, decided) by one integer test instead of a search of
//! their text. Letters and digits have a bit each (the folded text is lowercase); every
//! other byte shares one of the remaining bits.

/// The bit of byte `b`.
const fn bit(b: u8) -> u64 {
    1 << match b {
        b'a'..=b'z' => b - b'a',
        b'0'..=b'9' => 26 + b - b'0',
        0x80.. => 63,
        _ => 36 + b % 27,
    }
}

/// Every byte's bit, looked up.
static BITS: [u64; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = bit(b as u8);
        b += 1;
    }
    table
};

/// The bits of every byte in `text`.
pub(super) fn mask(text: &[u8]) -> u64 {
    text.iter().fold(0, |m, &b| m | BITS[b as usize])
}

/// Whether a text's mask alone says if it holds `word`: the word is one letter or digit,
/// whose bit is its own.
pub(super) fn decides(word: &[u8]) -> bool {
    matches!(word, [b'a'..=b'z' | b'0'..=b'9'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_words_mask_is_within_the_mask_of_any_text_holding_it() {
        let text = "stockport selection 2019\nnavendu mishra\nunite — ünïcode\n".as_bytes();
        let all = mask(text);
        for word in ["stock", "2019", "unite", "—", " ", "ü", "a\n"] {
            let w = mask(word.as_bytes());
            assert_eq!(all & w, w, "{word}");
        }
        // A letter the text lacks rules it out.
        assert_eq!(all & mask(b"z"), 0);
        // Only single letters and digits are decided by the mask: it has `s` and lacks `z`.
        assert!(decides(b"s") && all & mask(b"s") != 0);
        assert!(decides(b"z") && all & mask(b"z") == 0);
        assert!(!decides(b"st"));
        assert!(!decides("—".as_bytes()));
    }
}
