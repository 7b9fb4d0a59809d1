//! Faction colours as the data writes them. One parser, so the explorer and the command line
//! paint a faction the same colour, or both leave it plain.

/// A colour as red, green and blue bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb` → a colour; anything else → `None`, so bad data never breaks a render.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours_only() {
        assert_eq!(Rgb::parse("#d7191c"), Some(Rgb(0xd7, 0x19, 0x1c)));
        assert_eq!(Rgb::parse("#zz0000"), None);
        assert_eq!(Rgb::parse("#ffé000"), None);
        assert_eq!(Rgb::parse("d7191c"), None);
    }
}
