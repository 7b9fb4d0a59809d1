//! Faction colours as people write them: `#rgb`, `#rrggbb` and CSS names load, in any case,
//! and the explorer and the text output paint them the RGB of their hex spelling.

use hustings::explorer::theme::Theme;
use hustings::load;
use hustings::model::Dataset;
use hustings::model::colour::Rgb;
use hustings::report::style::Paint;
use hustings::report::words::faction_colour;
use ratatui::style::Color;

/// tests/data/minimal.json with its one faction's colour written as `color`.
fn with_colour(color: &str) -> Dataset {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/minimal.json");
    let doc = std::fs::read_to_string(path).unwrap();
    let from = r##""color": "#e4003b""##;
    assert_eq!(doc.matches(from).count(), 1);
    let doc = doc.replace(from, &format!(r#""color": "{color}""#));
    load::parse("t.json", doc.as_bytes()).unwrap_or_else(|e| panic!("{color}: {e}"))
}

#[test]
fn every_form_loads_and_paints_the_rgb_of_its_hex() {
    for (written, hex, rgb) in [
        ("red", "#ff0000", Rgb(255, 0, 0)),
        ("Navy", "#000080", Rgb(0, 0, 0x80)),
        ("REBECCAPURPLE", "#663399", Rgb(0x66, 0x33, 0x99)),
        ("#0a0", "#00aa00", Rgb(0, 0xaa, 0)),
        ("#00AA00", "#00aa00", Rgb(0, 0xaa, 0)),
    ] {
        let dataset = with_colour(written);
        let faction = dataset.factions.first();
        // Kept as written: the data is reported, not rewritten.
        assert_eq!(faction.unwrap().color.as_deref(), Some(written));
        assert_eq!(faction_colour(faction), Some(rgb), "{written}");
        assert_eq!(
            faction_colour(with_colour(hex).factions.first()),
            Some(rgb),
            "{hex}"
        );
        let Rgb(r, g, b) = rgb;
        assert_eq!(Paint::faction(faction), Some(Paint::Rgb(r, g, b)));
        let theme = Theme { color: true };
        assert_eq!(theme.faction_color(faction), Some(Color::Rgb(r, g, b)));
    }
}
