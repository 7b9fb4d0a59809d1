//! The map view (9) on the real GE2019 results: every seat a hexagon coloured as the results
//! (counted in the drawn buffer), the cursor moving hexagon to hexagon and keeping the list's
//! selection with it, Enter opening the detail, filters dimming what they leave out, `c`
//! cycling the colouring, a click selecting, NO_COLOR marks, and too small a window said so.

use std::collections::HashMap;
use std::path::PathBuf;

use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::style::Color;

use crate::support::data::candidates_import;
use crate::support::tui::{draw, press, screen, selected_id, step};
use hustings::explorer::action::Action;
use hustings::explorer::app::{App, Data, Focus, View};
use hustings::explorer::theme::Theme;
use hustings::load::{self, DataSource};
use hustings::map::builtin;

fn ge2019(width: u16, height: u16, color: bool) -> App {
    let files: Vec<PathBuf> = vec![candidates_import(2019)];
    let sources: Vec<DataSource> = files.into_iter().map(DataSource::File).collect();
    let loaded = load::load(&sources).expect("GE2019 loads");
    let mut app = App::new(vec!["(test data)".into()], Theme { color }, width, height);
    step(
        &mut app,
        Action::Loaded(std::sync::Arc::new(Data::new(loaded))),
    );
    app
}

/// The parties' colours in the GE2019 import's catalogue, and the seats each won.
const RESULTS: [(&str, (u8, u8, u8), usize); 11] = [
    ("Con", (0x00, 0x87, 0xdc), 365),
    ("Lab", (0xe4, 0x00, 0x3b), 202),
    ("SNP", (0xfd, 0xf3, 0x8e), 48),
    ("LD", (0xfa, 0xa6, 0x1a), 11),
    ("DUP", (0xd4, 0x6a, 0x4c), 8),
    ("SF", (0x32, 0x67, 0x60), 7),
    ("PC", (0x00, 0x5b, 0x54), 4),
    ("Green", (0x02, 0xa9, 0x5b), 1),
    ("SDLP", (0x2a, 0xa8, 0x2c), 2),
    ("Alliance", (0xf6, 0xcb, 0x2f), 1),
    ("Speaker", (0x5e, 0x5e, 0x5e), 1),
];

/// Hexagons of each colour on the map's rows (see [`half_cells_by_colour`]).
fn hexes_by_colour(app: &App) -> HashMap<(u8, u8, u8), usize> {
    (half_cells_by_colour(app).into_iter())
        .map(|(c, n)| (c, n / 2))
        .collect()
}

/// Half-hexagons of each colour on the map's rows (rows with letters — the seat line, the
/// legend, the borders' titles — left out): a hexagon is two cells, or in the dense drawing
/// two half-cells of a line (`▀`: top in the foreground, bottom in the background).
fn half_cells_by_colour(app: &App) -> HashMap<(u8, u8, u8), usize> {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let mut halves: HashMap<(u8, u8, u8), usize> = HashMap::new();
    let mut add = |c: Color| {
        if let Color::Rgb(r, g, b) = c {
            *halves.entry((r, g, b)).or_insert(0) += 1;
        }
    };
    for y in 0..buffer.area.height {
        let row: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        if row.chars().any(char::is_alphanumeric) {
            continue;
        }
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            match cell.symbol() {
                "█" | "▄" => add(cell.fg),
                "[" | "]" => add(cell.bg),
                "▀" => {
                    add(cell.fg);
                    add(cell.bg);
                }
                _ => {}
            }
        }
    }
    halves
}

#[test]
fn ge2019_every_seat_drawn_in_its_winners_colour() {
    // Tall enough for a line a row: each hexagon two full cells.
    let mut app = ge2019(100, 56, true);
    press(&mut app, "9");
    assert_eq!(app.view, View::Map);
    let counted = hexes_by_colour(&app);
    for (party, colour, seats) in RESULTS {
        assert_eq!(counted.get(&colour), Some(&seats), "{party}");
    }
    assert_eq!(counted.values().sum::<usize>(), 650);
    let shown = screen(&app);
    assert!(shown.contains("placed 650 of 650 contests"), "{shown}");
    assert!(
        shown.contains("Con 365 · ██ Lab 202 · ██ SNP 48"),
        "{shown}"
    );
}

#[test]
fn at_160_by_45_the_whole_uk_map_fits_two_rows_to_a_line() {
    let mut app = ge2019(160, 45, true);
    press(&mut app, "9");
    let halves = half_cells_by_colour(&app);
    // Every hexagon is on screen: the cursor's (Lab, the first listed) is marked in black or
    // white in its left half and keeps Labour's colour in its right; the rest are in their
    // party's colour.
    assert_eq!(halves.values().sum::<usize>(), 2 * 650);
    let lab = (0xe4, 0x00, 0x3b);
    assert_eq!(halves.get(&lab), Some(&(2 * 201 + 1)));
    assert_eq!(halves.get(&(0x00, 0x87, 0xdc)), Some(&(2 * 365)));
    let marked = halves.get(&(0, 0, 0)).or(halves.get(&(0xff, 0xff, 0xff)));
    assert_eq!(marked, Some(&1), "{halves:?}");
}

#[test]
fn the_cursor_walks_the_hexagons_with_the_selection_and_enter_opens_the_detail() {
    let mut app = ge2019(120, 40, true);
    // Found by a search, which Esc clears with the selection kept.
    press(&mut app, "/stockport\n\x1b9");
    let seat_line = |app: &App| screen(app).lines().nth(2).unwrap().to_string();
    assert!(
        seat_line(&app).contains("Stockport: Navendu Mishra"),
        "{}",
        seat_line(&app)
    );
    // → and ← are neighbours on the map: the list's selection follows the cursor.
    press(&mut app, "l");
    let east = selected_id(&app).unwrap();
    assert_ne!(east, "ge2019-e14000969");
    assert!(
        !seat_line(&app).starts_with("│Stockport"),
        "{}",
        seat_line(&app)
    );
    press(&mut app, "h");
    assert_eq!(selected_id(&app).as_deref(), Some("ge2019-e14000969"));
    // Up is up-right (Manchester, Gorton), down from there down-left: back.
    press(&mut app, "k");
    assert!(
        seat_line(&app).contains("│Manchester, Gorton:"),
        "{}",
        seat_line(&app)
    );
    press(&mut app, "j");
    assert_eq!(
        selected_id(&app).as_deref(),
        Some("ge2019-e14000969"),
        "{}",
        seat_line(&app)
    );
    // Enter opens the seat's detail.
    press(&mut app, "\n");
    assert_eq!((app.view, app.focus), (View::Contests, Focus::Detail));
    assert!(screen(&app).contains("Navendu Mishra"));
    // Selecting another contest in the list puts the cursor on its seat.
    press(&mut app, "\x1bj9");
    let selected = selected_id(&app).unwrap();
    let contest = app
        .selected_contest()
        .unwrap()
        .constituency
        .clone()
        .unwrap();
    assert!(
        seat_line(&app).contains(&format!("│{contest}:")),
        "{selected}: {}",
        seat_line(&app)
    );
}

#[test]
fn filters_dim_the_seats_they_leave_out_and_c_cycles_the_colours() {
    let mut app = ge2019(100, 56, true);
    press(&mut app, "9/stockport\n");
    let shown = screen(&app);
    assert!(shown.contains("1 of 650 contests"), "{shown}");
    assert!(shown.contains("649 left out by the filters"), "{shown}");
    assert!(shown.contains("│Stockport: Navendu Mishra"), "{shown}");
    // The one listed seat keeps its colour; the rest are faded.
    let counted = hexes_by_colour(&app);
    assert_eq!(counted.get(&(0xe4, 0x00, 0x3b)), Some(&1));
    // Esc leaves the view, a second clears the search.
    press(&mut app, "\x1b\x1b9");
    assert!(screen(&app).contains("650 of 650 contests"));
    // c: result (no previous contest loaded), then margin, with its bins and counts.
    press(&mut app, "c");
    assert!(screen(&app).contains("no previous contest 650"));
    press(&mut app, "c");
    let shown = screen(&app);
    assert!(shown.contains("margin (closest darkest)"), "{shown}");
    assert!(shown.contains("under 2 pts"), "{shown}");
    press(&mut app, "cc");
    assert!(screen(&app).contains("Lab share"), "{}", screen(&app));
}

#[test]
fn a_click_on_a_hexagon_selects_its_seat() {
    let mut app = ge2019(100, 56, true);
    press(&mut app, "9");
    // The first cell of Stockport's hexagon, found on screen by its colour is hard: find the
    // hexagon's cells through the view's own geometry instead.
    let body = app.areas().body();
    let mut clicked = None;
    'search: for y in body.y..body.bottom() {
        for x in body.x..body.right() {
            let click = MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column: x,
                row: y,
                modifiers: KeyModifiers::NONE,
            };
            if let Some(Action::SelectHex(h)) = app.mouse_action(click) {
                if app.views.map.picture.as_ref().unwrap().map.hexes[h].name == "Stockport" {
                    clicked = Some(click);
                    break 'search;
                }
            }
        }
    }
    let click = clicked.expect("Stockport is on screen");
    let action = app.mouse_action(click).unwrap();
    step(&mut app, action);
    assert_eq!(selected_id(&app).as_deref(), Some("ge2019-e14000969"));
    assert!(screen(&app).contains("│Stockport: Navendu Mishra"));
}

#[test]
fn without_colour_each_hexagon_shows_its_partys_letters() {
    let mut app = ge2019(100, 56, false);
    press(&mut app, "9");
    let shown = screen(&app);
    assert!(shown.contains("CoCoCo"), "{shown}");
    assert!(shown.contains("SNSN"), "{shown}");
    assert!(shown.contains("Co Con 365 · La Lab 202"), "{shown}");
}

#[test]
fn too_small_a_window_says_what_the_map_needs() {
    let mut app = ge2019(40, 8, true);
    press(&mut app, "9");
    let shown = screen(&app);
    assert!(shown.contains("The map needs at least 16×4"), "{shown}");
}

#[test]
fn plus_and_minus_swing_half_a_point_and_say_it_is_a_projection() {
    let mut app = ge2019(120, 40, true);
    press(&mut app, "9++");
    let shown = screen(&app);
    assert!(
        shown.contains("PROJECTION, not a result — uniform swing of 1.0 points from Con to Lab"),
        "{shown}"
    );
    // As `stats --swing Con:Lab:1` counts them.
    assert!(shown.contains("8 seats change hands"), "{shown}");
    assert!(shown.contains("Con 357 (-8) · Lab 210 (+8)"), "{shown}");
    press(&mut app, "--");
    assert!(!screen(&app).contains("PROJECTION"));
}

#[test]
fn a_map_given_with_dash_dash_map_is_the_one_drawn() {
    let mut app = ge2019(100, 56, true);
    // `hustings --map uk-2024 ge2019.json`: the 2024 boundaries, where GE2019's seats stand
    // only where a name is unchanged; the rest are listed as not placed.
    app.views.map.use_map(builtin::named("uk-2024").unwrap());
    press(&mut app, "9");
    let shown = screen(&app);
    assert!(
        shown.contains("Map · uk-2024 · winner · placed "),
        "{shown}"
    );
    assert!(!shown.contains("placed 650 of 650"), "{shown}");
    // The first twenty named and the rest counted: a million contests on the wrong map
    // would be a message of tens of megabytes, wrapped again at every frame.
    let said = app.messages.newest_first().next().unwrap().text.clone();
    let (count, names) = said
        .split_once("not placed (")
        .and_then(|(_, rest)| rest.split_once("): "))
        .expect("the contests not placed are said");
    let count: usize = count.replace(',', "").parse().unwrap();
    let names: Vec<&str> = names.split("; ").collect();
    assert!(count > 20, "{said}");
    assert_eq!(names.len(), 21, "{said}");
    assert_eq!(names[20], format!("and {} more", count - 20));
    press(&mut app, "M");
    assert!(screen(&app).contains("not placed ("), "{}", screen(&app));
}

#[test]
fn at_80_by_24_the_map_pans_with_the_cursor() {
    let mut app = ge2019(80, 24, true);
    press(&mut app, "9");
    // The map's rows: below the seat line, above the legend.
    let map_rows = |app: &App| -> Vec<String> {
        screen(app)
            .lines()
            .skip(3)
            .take(14)
            .map(str::to_string)
            .collect()
    };
    let south = map_rows(&app);
    press(&mut app, &"k".repeat(25));
    let north = map_rows(&app);
    assert_ne!(south, north, "the window followed the cursor north");
    let shown = screen(&app);
    assert!(shown.contains("│Tynemouth: "), "{shown}");
    // The legend and the seat line stay whole.
    assert!(shown.contains("██ Con 365 · ██ Lab 202"), "{shown}");
}

#[test]
fn the_shipped_selections_say_once_which_contest_is_not_placed() {
    let mut app = crate::support::tui::app(120, 40);
    let before = app.messages.len();
    press(&mut app, "9");
    let shown = screen(&app);
    assert!(shown.contains("placed 16 of 17 contests"), "{shown}");
    assert_eq!(app.messages.len(), before + 1);
    let said = app.messages.newest_first().next().unwrap().text.clone();
    assert_eq!(
        said,
        "map uk-2010: placed 16 of 17 contests; not placed (1): Labour leadership election 2020"
    );
    // A search that leaves the same contest out does not say it again at every keystroke.
    press(&mut app, "/lab");
    assert_eq!(app.messages.len(), before + 1);
}
