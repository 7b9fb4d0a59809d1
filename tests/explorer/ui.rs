//! The explorer's screens, driven like a session (keys in, frames out) and snapshotted.
//! Nothing here depends on the clock: the loading spinner only moves on `Action::Tick`.

use crate::support::tui::{app, app_with, draw, press, screen, select, selected_id, titles};
use hustings::explorer::action::Action;
use hustings::explorer::app::App;
use hustings::explorer::theme::Theme;
use ratatui::style::{Color, Modifier};

#[test]
fn main_screen() {
    let app = app(120, 40);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn region_filter_applied() {
    let mut app = app(120, 40);
    // Regions in catalogue order after "any": North East, North West, Yorkshire and the Humber.
    press(&mut app, "r");
    insta::assert_snapshot!("region_picker", draw(&app).backend());
    press(&mut app, "jjj\n");
    assert_eq!(
        titles(&app),
        vec![
            "Penistone and Stocksbridge Labour selection",
            "Sheffield Hallam Labour selection"
        ]
    );
    let shown = screen(&app);
    assert!(
        shown.contains("region: Yorkshire and the Humber"),
        "{shown}"
    );
    assert!(shown.contains("2 of 17 contests"), "{shown}");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn faction_filter_applied() {
    let mut app = app(120, 40);
    // Factions: any, Labour left, Soft left, Labour right.
    press(&mut app, "fjj\n");
    assert_eq!(titles(&app), vec!["Bury South Labour selection"]);
    insta::assert_snapshot!(draw(&app).backend());
    // Switching the picker to "any candidate" with `a` widens nothing here, but the status
    // bar says which scope is active.
    press(&mut app, "fa\n");
    assert!(screen(&app).contains("[any candidate: SL]"));
    // Labour left won six selections and had a losing candidate in Hazel Grove.
    press(&mut app, "cfj a\n");
    assert_eq!(app.rows.len(), 7, "{:?}", titles(&app));
    press(&mut app, "fa\n");
    assert_eq!(app.rows.len(), 6, "{:?}", titles(&app));
    assert!(!titles(&app).iter().any(|t| t.contains("Hazel Grove")));
}

#[test]
fn search_narrows_as_you_type() {
    let mut app = app(120, 40);
    press(&mut app, "/stock");
    // Penistone and Stocksbridge by title, Birkenhead and Hazel Grove by their notes (which
    // mention Stockport).
    assert_eq!(
        titles(&app),
        vec![
            "Penistone and Stocksbridge Labour selection",
            "Stockport Labour selection",
            "Birkenhead Labour selection",
            "Stockport, 2017 general election",
            "Hazel Grove, 2017 general election"
        ]
    );
    insta::assert_snapshot!(draw(&app).backend());
    // Enter keeps the search; Esc clears it.
    press(&mut app, "\n");
    assert!(screen(&app).contains("search: \"stock\""));
    press(&mut app, "\x1b");
    assert_eq!(app.rows.len(), 17);
    // Searching finds endorsers and candidates too.
    press(&mut app, "/fbu\n");
    assert_eq!(titles(&app), vec!["Bury South Labour selection"]);
}

#[test]
fn help_overlay() {
    let mut app = app(120, 40);
    press(&mut app, "?");
    insta::assert_snapshot!(draw(&app).backend());
    press(&mut app, "?");
    assert!(!screen(&app).contains("Keys (Esc or ? closes)"));
}

#[test]
fn bury_south_partial_data_is_drawn_honestly() {
    let mut app = app(120, 40);
    select(&mut app, "bury-south-selection-2019");
    let shown = screen(&app);
    assert!(shown.contains(">70%"), "{shown}");
    assert!(shown.contains("▸"), "the bar is marked as a bound");
    assert!(shown.contains("Fatima Mahmood"));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn stockport_detail_shows_the_counts_and_the_warning() {
    // Tall enough for the stages and nominations above the facts and the sources below them.
    let mut app = app(120, 150);
    select(&mut app, "stockport-selection-2019");
    let shown = screen(&app);
    for needle in ["338", "218", "23", "12", "57.1%", "591", "Morning Star"] {
        assert!(shown.contains(needle), "{needle} missing:\n{shown}");
    }
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn pending_contest_says_so() {
    let mut app = app(120, 40);
    select(&mut app, "enfield-north-selection-2019");
    let shown = screen(&app);
    // Worded as `show` words it.
    assert!(
        shown.contains("Status          pending (as of 25 Oct 2019)"),
        "{shown}"
    );
    assert!(shown.contains("Winner          pending"), "{shown}");
    assert!(shown.contains("No candidates known yet."), "{shown}");
}

#[test]
fn tiny_terminal() {
    let app = app(40, 10);
    insta::assert_snapshot!(draw(&app).backend());
    let mut detail = app_on(40, 10);
    press(&mut detail, "jjj\n");
    insta::assert_snapshot!("tiny_terminal_detail", draw(&detail).backend());
}

fn app_on(w: u16, h: u16) -> App {
    app(w, h)
}

#[test]
fn no_color_keeps_factions_apart_by_letters() {
    let mut app = app_with(100, 30, Theme { color: false });
    select(&mut app, "stockport-selection-2019");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let coloured = buffer
        .content()
        .iter()
        .filter(|c| c.fg != Color::Reset || c.bg != Color::Reset)
        .count();
    assert_eq!(coloured, 0, "NO_COLOR: no cell is coloured");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_selected_row_is_highlighted_edge_to_edge_and_no_other() {
    let mut app = app(120, 40);
    select(&mut app, "stockport-selection-2019");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let list = app.areas().list;
    let reversed_cells = |y: u16| {
        (list.x + 1..list.right() - 1)
            .filter(|&x| buffer[(x, y)].modifier.contains(Modifier::REVERSED))
            .count()
    };
    let row = (list.y..list.bottom())
        .find(|&y| {
            (list.x..list.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .contains("Stockport Labour se")
        })
        .expect("Stockport's row is on screen");
    assert_eq!(reversed_cells(row), usize::from(list.width - 2));
    for y in (list.y..list.bottom()).filter(|&y| y != row) {
        assert_eq!(reversed_cells(y), 0, "row {y} is not selected");
    }
}

#[test]
fn bars_take_the_faction_colour() {
    let mut app = app(120, 40);
    select(&mut app, "stockport-selection-2019");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let labour_left = Color::Rgb(0xd7, 0x19, 0x1c);
    let bar_cells = buffer
        .content()
        .iter()
        .filter(|c| c.symbol() == "█" && c.fg == labour_left)
        .count();
    // Mishra's 57.1% bar is dozens of cells; list marks add one per Labour-left winner.
    assert!(bar_cells > 20, "{bar_cells}");
}

#[test]
fn every_size_down_to_1x1_draws_without_panicking() {
    let mut app = app(1, 1);
    // `press` draws after every key, so every state on the way is drawn at every size.
    // The smallest sizes and each side of every size where the layout changes (a pane needs
    // 12 × 4, the header 12 rows, the log 24 columns, two panes 100 columns, tall 30 rows).
    let widths = [1, 2, 3, 5, 8, 11, 12, 13, 23, 24, 60, 99, 100];
    let heights = [1, 2, 3, 4, 6, 11, 12, 13, 24, 30];
    for overlay in ["", "?", "r", "f", "/sto", "d"] {
        for w in widths {
            for h in heights {
                app.update(Action::Resize(w, h));
                press(&mut app, "\x1b\x1b");
                press(&mut app, overlay);
                press(&mut app, "jG\n");
            }
        }
    }
}

#[test]
fn loading_screen_before_data() {
    let mut app = App::new(vec!["big.json".into()], Theme { color: true }, 60, 12);
    app.update(Action::Tick);
    insta::assert_snapshot!(draw(&app).backend());
    // Keys that need data do nothing yet; q still quits.
    press(&mut app, "jr/");
    assert_eq!(selected_id(&app), None);
    press(&mut app, "q");
    assert!(app.should_quit);
}

/// The help's descriptions as the popup shows them, continuation lines joined (the text after
/// the keys' column of each row between its borders).
fn help_text(app: &App) -> String {
    use hustings::explorer::keymap::HELP;
    let keys_w = HELP.iter().map(|(k, _)| k.chars().count()).max().unwrap();
    let shown = screen(app);
    let mut rows = shown
        .lines()
        .skip_while(|l| !l.contains("Keys (j / k scroll"))
        .skip(1);
    let mut text = Vec::new();
    for row in rows.by_ref() {
        if row.starts_with('└') {
            break;
        }
        let cells: Vec<char> = row.chars().collect();
        let inner: String = cells[1..cells.len() - 1].iter().collect();
        let description: String = inner.chars().skip(keys_w + 2).collect();
        text.push(description.trim().to_string());
    }
    text.join(" ")
}

#[test]
fn the_help_wraps_its_descriptions_under_themselves_at_80_and_60_columns() {
    use hustings::explorer::keymap::HELP;
    for width in [80, 60] {
        // Tall enough for every wrapped line.
        let mut app = app(width, 120);
        press(&mut app, "?");
        let text = help_text(&app);
        let whole: Vec<&str> = HELP.iter().map(|(_, what)| *what).collect();
        assert_eq!(text, whole.join(" "), "at {width} columns");
        // A continuation line starts under the description, not under the keys.
        let shown = screen(&app);
        let continued = shown
            .lines()
            .find(|l| l.starts_with("│    ") && l.trim_end_matches('│').trim().len() > 1)
            .is_some();
        assert!(continued, "some description wraps at {width}:\n{shown}");
    }
}
