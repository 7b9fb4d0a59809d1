//! Faction colours as people write them: `#rgb`, `#rrggbb` or a CSS colour name. One parser,
//! so validation, the explorer and the command line agree on what a colour is and paint a
//! faction the same colour.
//!
//! Terminal colour names (`bright-red`, …) are not accepted: terminals give them different
//! RGB values, and `red` already means CSS red (#ff0000), not a terminal's red.

/// A colour as red, green and blue bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The forms a colour may take, as the loader's error message words them.
pub const ACCEPTED_FORMS: &str = "#rgb, #rrggbb or a CSS colour name (such as navy)";

/// A JSON Schema pattern for the same forms. JSON Schema patterns cannot ignore case, so
/// names are only checked to be letters; which names exist is said in the description.
pub const SCHEMA_PATTERN: &str = "^(#[0-9A-Fa-f]{3}|#[0-9A-Fa-f]{6}|[A-Za-z]+)$";

impl Rgb {
    /// `#rgb`, `#rrggbb` (hex digits in any case) or a CSS colour name in any case (`navy`,
    /// `RebeccaPurple`) → a colour; anything else → `None`, so bad data never breaks a render
    /// (the loader rejects it before that).
    pub fn parse(text: &str) -> Option<Rgb> {
        match text.strip_prefix('#') {
            Some(hex) => Rgb::hex(hex),
            None => Rgb::named(text),
        }
    }

    fn hex(hex: &str) -> Option<Rgb> {
        // Checked first: `from_str_radix` would also take a `+` sign.
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digits = |i: usize, n: usize| u8::from_str_radix(&hex[i..i + n], 16).ok();
        match hex.len() {
            // #rgb is #rrggbb with each digit doubled: 0xa → 0xaa.
            3 => Some(Rgb(
                digits(0, 1)? * 17,
                digits(1, 1)? * 17,
                digits(2, 1)? * 17,
            )),
            6 => Some(Rgb(digits(0, 2)?, digits(2, 2)?, digits(4, 2)?)),
            _ => None,
        }
    }

    fn named(name: &str) -> Option<Rgb> {
        let lower = name.bytes().map(|b| b.to_ascii_lowercase());
        CSS_NAMES
            .binary_search_by(|(css, _)| css.bytes().cmp(lower.clone()))
            .ok()
            .map(|i| CSS_NAMES[i].1)
    }
}

/// The 148 named colours of CSS Color Module Level 4, sorted by name (for the binary search).
const CSS_NAMES: [(&str, Rgb); 148] = [
    ("aliceblue", Rgb(0xf0, 0xf8, 0xff)),
    ("antiquewhite", Rgb(0xfa, 0xeb, 0xd7)),
    ("aqua", Rgb(0x00, 0xff, 0xff)),
    ("aquamarine", Rgb(0x7f, 0xff, 0xd4)),
    ("azure", Rgb(0xf0, 0xff, 0xff)),
    ("beige", Rgb(0xf5, 0xf5, 0xdc)),
    ("bisque", Rgb(0xff, 0xe4, 0xc4)),
    ("black", Rgb(0x00, 0x00, 0x00)),
    ("blanchedalmond", Rgb(0xff, 0xeb, 0xcd)),
    ("blue", Rgb(0x00, 0x00, 0xff)),
    ("blueviolet", Rgb(0x8a, 0x2b, 0xe2)),
    ("brown", Rgb(0xa5, 0x2a, 0x2a)),
    ("burlywood", Rgb(0xde, 0xb8, 0x87)),
    ("cadetblue", Rgb(0x5f, 0x9e, 0xa0)),
    ("chartreuse", Rgb(0x7f, 0xff, 0x00)),
    ("chocolate", Rgb(0xd2, 0x69, 0x1e)),
    ("coral", Rgb(0xff, 0x7f, 0x50)),
    ("cornflowerblue", Rgb(0x64, 0x95, 0xed)),
    ("cornsilk", Rgb(0xff, 0xf8, 0xdc)),
    ("crimson", Rgb(0xdc, 0x14, 0x3c)),
    ("cyan", Rgb(0x00, 0xff, 0xff)),
    ("darkblue", Rgb(0x00, 0x00, 0x8b)),
    ("darkcyan", Rgb(0x00, 0x8b, 0x8b)),
    ("darkgoldenrod", Rgb(0xb8, 0x86, 0x0b)),
    ("darkgray", Rgb(0xa9, 0xa9, 0xa9)),
    ("darkgreen", Rgb(0x00, 0x64, 0x00)),
    ("darkgrey", Rgb(0xa9, 0xa9, 0xa9)),
    ("darkkhaki", Rgb(0xbd, 0xb7, 0x6b)),
    ("darkmagenta", Rgb(0x8b, 0x00, 0x8b)),
    ("darkolivegreen", Rgb(0x55, 0x6b, 0x2f)),
    ("darkorange", Rgb(0xff, 0x8c, 0x00)),
    ("darkorchid", Rgb(0x99, 0x32, 0xcc)),
    ("darkred", Rgb(0x8b, 0x00, 0x00)),
    ("darksalmon", Rgb(0xe9, 0x96, 0x7a)),
    ("darkseagreen", Rgb(0x8f, 0xbc, 0x8f)),
    ("darkslateblue", Rgb(0x48, 0x3d, 0x8b)),
    ("darkslategray", Rgb(0x2f, 0x4f, 0x4f)),
    ("darkslategrey", Rgb(0x2f, 0x4f, 0x4f)),
    ("darkturquoise", Rgb(0x00, 0xce, 0xd1)),
    ("darkviolet", Rgb(0x94, 0x00, 0xd3)),
    ("deeppink", Rgb(0xff, 0x14, 0x93)),
    ("deepskyblue", Rgb(0x00, 0xbf, 0xff)),
    ("dimgray", Rgb(0x69, 0x69, 0x69)),
    ("dimgrey", Rgb(0x69, 0x69, 0x69)),
    ("dodgerblue", Rgb(0x1e, 0x90, 0xff)),
    ("firebrick", Rgb(0xb2, 0x22, 0x22)),
    ("floralwhite", Rgb(0xff, 0xfa, 0xf0)),
    ("forestgreen", Rgb(0x22, 0x8b, 0x22)),
    ("fuchsia", Rgb(0xff, 0x00, 0xff)),
    ("gainsboro", Rgb(0xdc, 0xdc, 0xdc)),
    ("ghostwhite", Rgb(0xf8, 0xf8, 0xff)),
    ("gold", Rgb(0xff, 0xd7, 0x00)),
    ("goldenrod", Rgb(0xda, 0xa5, 0x20)),
    ("gray", Rgb(0x80, 0x80, 0x80)),
    ("green", Rgb(0x00, 0x80, 0x00)),
    ("greenyellow", Rgb(0xad, 0xff, 0x2f)),
    ("grey", Rgb(0x80, 0x80, 0x80)),
    ("honeydew", Rgb(0xf0, 0xff, 0xf0)),
    ("hotpink", Rgb(0xff, 0x69, 0xb4)),
    ("indianred", Rgb(0xcd, 0x5c, 0x5c)),
    ("indigo", Rgb(0x4b, 0x00, 0x82)),
    ("ivory", Rgb(0xff, 0xff, 0xf0)),
    ("khaki", Rgb(0xf0, 0xe6, 0x8c)),
    ("lavender", Rgb(0xe6, 0xe6, 0xfa)),
    ("lavenderblush", Rgb(0xff, 0xf0, 0xf5)),
    ("lawngreen", Rgb(0x7c, 0xfc, 0x00)),
    ("lemonchiffon", Rgb(0xff, 0xfa, 0xcd)),
    ("lightblue", Rgb(0xad, 0xd8, 0xe6)),
    ("lightcoral", Rgb(0xf0, 0x80, 0x80)),
    ("lightcyan", Rgb(0xe0, 0xff, 0xff)),
    ("lightgoldenrodyellow", Rgb(0xfa, 0xfa, 0xd2)),
    ("lightgray", Rgb(0xd3, 0xd3, 0xd3)),
    ("lightgreen", Rgb(0x90, 0xee, 0x90)),
    ("lightgrey", Rgb(0xd3, 0xd3, 0xd3)),
    ("lightpink", Rgb(0xff, 0xb6, 0xc1)),
    ("lightsalmon", Rgb(0xff, 0xa0, 0x7a)),
    ("lightseagreen", Rgb(0x20, 0xb2, 0xaa)),
    ("lightskyblue", Rgb(0x87, 0xce, 0xfa)),
    ("lightslategray", Rgb(0x77, 0x88, 0x99)),
    ("lightslategrey", Rgb(0x77, 0x88, 0x99)),
    ("lightsteelblue", Rgb(0xb0, 0xc4, 0xde)),
    ("lightyellow", Rgb(0xff, 0xff, 0xe0)),
    ("lime", Rgb(0x00, 0xff, 0x00)),
    ("limegreen", Rgb(0x32, 0xcd, 0x32)),
    ("linen", Rgb(0xfa, 0xf0, 0xe6)),
    ("magenta", Rgb(0xff, 0x00, 0xff)),
    ("maroon", Rgb(0x80, 0x00, 0x00)),
    ("mediumaquamarine", Rgb(0x66, 0xcd, 0xaa)),
    ("mediumblue", Rgb(0x00, 0x00, 0xcd)),
    ("mediumorchid", Rgb(0xba, 0x55, 0xd3)),
    ("mediumpurple", Rgb(0x93, 0x70, 0xdb)),
    ("mediumseagreen", Rgb(0x3c, 0xb3, 0x71)),
    ("mediumslateblue", Rgb(0x7b, 0x68, 0xee)),
    ("mediumspringgreen", Rgb(0x00, 0xfa, 0x9a)),
    ("mediumturquoise", Rgb(0x48, 0xd1, 0xcc)),
    ("mediumvioletred", Rgb(0xc7, 0x15, 0x85)),
    ("midnightblue", Rgb(0x19, 0x19, 0x70)),
    ("mintcream", Rgb(0xf5, 0xff, 0xfa)),
    ("mistyrose", Rgb(0xff, 0xe4, 0xe1)),
    ("moccasin", Rgb(0xff, 0xe4, 0xb5)),
    ("navajowhite", Rgb(0xff, 0xde, 0xad)),
    ("navy", Rgb(0x00, 0x00, 0x80)),
    ("oldlace", Rgb(0xfd, 0xf5, 0xe6)),
    ("olive", Rgb(0x80, 0x80, 0x00)),
    ("olivedrab", Rgb(0x6b, 0x8e, 0x23)),
    ("orange", Rgb(0xff, 0xa5, 0x00)),
    ("orangered", Rgb(0xff, 0x45, 0x00)),
    ("orchid", Rgb(0xda, 0x70, 0xd6)),
    ("palegoldenrod", Rgb(0xee, 0xe8, 0xaa)),
    ("palegreen", Rgb(0x98, 0xfb, 0x98)),
    ("paleturquoise", Rgb(0xaf, 0xee, 0xee)),
    ("palevioletred", Rgb(0xdb, 0x70, 0x93)),
    ("papayawhip", Rgb(0xff, 0xef, 0xd5)),
    ("peachpuff", Rgb(0xff, 0xda, 0xb9)),
    ("peru", Rgb(0xcd, 0x85, 0x3f)),
    ("pink", Rgb(0xff, 0xc0, 0xcb)),
    ("plum", Rgb(0xdd, 0xa0, 0xdd)),
    ("powderblue", Rgb(0xb0, 0xe0, 0xe6)),
    ("purple", Rgb(0x80, 0x00, 0x80)),
    ("rebeccapurple", Rgb(0x66, 0x33, 0x99)),
    ("red", Rgb(0xff, 0x00, 0x00)),
    ("rosybrown", Rgb(0xbc, 0x8f, 0x8f)),
    ("royalblue", Rgb(0x41, 0x69, 0xe1)),
    ("saddlebrown", Rgb(0x8b, 0x45, 0x13)),
    ("salmon", Rgb(0xfa, 0x80, 0x72)),
    ("sandybrown", Rgb(0xf4, 0xa4, 0x60)),
    ("seagreen", Rgb(0x2e, 0x8b, 0x57)),
    ("seashell", Rgb(0xff, 0xf5, 0xee)),
    ("sienna", Rgb(0xa0, 0x52, 0x2d)),
    ("silver", Rgb(0xc0, 0xc0, 0xc0)),
    ("skyblue", Rgb(0x87, 0xce, 0xeb)),
    ("slateblue", Rgb(0x6a, 0x5a, 0xcd)),
    ("slategray", Rgb(0x70, 0x80, 0x90)),
    ("slategrey", Rgb(0x70, 0x80, 0x90)),
    ("snow", Rgb(0xff, 0xfa, 0xfa)),
    ("springgreen", Rgb(0x00, 0xff, 0x7f)),
    ("steelblue", Rgb(0x46, 0x82, 0xb4)),
    ("tan", Rgb(0xd2, 0xb4, 0x8c)),
    ("teal", Rgb(0x00, 0x80, 0x80)),
    ("thistle", Rgb(0xd8, 0xbf, 0xd8)),
    ("tomato", Rgb(0xff, 0x63, 0x47)),
    ("turquoise", Rgb(0x40, 0xe0, 0xd0)),
    ("violet", Rgb(0xee, 0x82, 0xee)),
    ("wheat", Rgb(0xf5, 0xde, 0xb3)),
    ("white", Rgb(0xff, 0xff, 0xff)),
    ("whitesmoke", Rgb(0xf5, 0xf5, 0xf5)),
    ("yellow", Rgb(0xff, 0xff, 0x00)),
    ("yellowgreen", Rgb(0x9a, 0xcd, 0x32)),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours_long_and_short_in_any_case() {
        assert_eq!(Rgb::parse("#d7191c"), Some(Rgb(0xd7, 0x19, 0x1c)));
        assert_eq!(Rgb::parse("#D7191C"), Some(Rgb(0xd7, 0x19, 0x1c)));
        assert_eq!(Rgb::parse("#00AA00"), Some(Rgb(0, 0xaa, 0)));
        assert_eq!(Rgb::parse("#0a0"), Rgb::parse("#00aa00"));
        assert_eq!(Rgb::parse("#0A0"), Rgb::parse("#00aa00"));
        assert_eq!(Rgb::parse("#fff"), Some(Rgb(255, 255, 255)));
        assert_eq!(Rgb::parse("#000"), Some(Rgb(0, 0, 0)));
    }

    #[test]
    fn css_names_in_any_case() {
        assert_eq!(Rgb::parse("red"), Rgb::parse("#ff0000"));
        assert_eq!(Rgb::parse("RED"), Rgb::parse("#f00"));
        assert_eq!(Rgb::parse("Navy"), Rgb::parse("#000080"));
        assert_eq!(Rgb::parse("rebeccapurple"), Rgb::parse("#663399"));
        assert_eq!(Rgb::parse("RebeccaPurple"), Rgb::parse("#663399"));
        assert_eq!(Rgb::parse("aliceblue"), Rgb::parse("#f0f8ff"));
        assert_eq!(Rgb::parse("yellowgreen"), Rgb::parse("#9acd32"));
        assert_eq!(Rgb::parse("grey"), Rgb::parse("gray"));
        assert_eq!(Rgb::parse("green"), Rgb::parse("#008000"));
    }

    #[test]
    fn anything_else_is_not_a_colour() {
        for text in [
            "reddish",
            "#12345",
            "#1234",
            "#1234567",
            "#ff0000ff",
            "#",
            "",
            "#zz0000",
            "#ffé000",
            "d7191c",
            "#+f+f+f",
            "#+ff",
            " red",
            "red ",
            "bright-red",
            "brightred",
            "transparent",
            "rgb(255, 0, 0)",
            "ʀed",
        ] {
            assert_eq!(Rgb::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn the_name_table_is_sorted_and_lower_case() {
        assert!(CSS_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        for (name, rgb) in CSS_NAMES {
            assert!(name.bytes().all(|b| b.is_ascii_lowercase()), "{name}");
            assert_eq!(Rgb::parse(name), Some(rgb));
        }
    }
}
