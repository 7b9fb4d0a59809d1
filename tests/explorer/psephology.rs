//! Psephology in the explorer (issue 16): the change since a seat's previous contest in the
//! detail pane, the ± of each contest in the seat history, votes and shares per party and the
//! seats changing hands (`8`), the list's party, result and change columns (`C`), and a
//! `--result` filter as a chip — on the real House of Commons Library files, imported through
//! the library.

use std::path::PathBuf;

use crate::support::cli::stdout;
use crate::support::data::{candidates_import, history_import, seed_file};
use crate::support::tui::{app_on, draw, key, pane, press, screen, select, status_bar};
use hustings::explorer::action::Action;
use hustings::explorer::app::{App, Data, ListColumn, ListSort, View};
use hustings::explorer::theme::Theme;
use hustings::load::{self, DataSource, Loaded};
use hustings::query::from_input::QuerySpec;
use hustings::query::{Filter, Index, Query, Sort, SortKey};
use hustings::stats::{self, GroupBy, Groups};
use ratatui::crossterm::event::KeyCode;
use serde_json::Value;

fn load_files(files: &[PathBuf]) -> Loaded {
    let sources: Vec<DataSource> = files.iter().cloned().map(DataSource::File).collect();
    load::load(&sources).expect("the imports load")
}

/// The shipped dataset with the history import (1997–2019), narrowed to Stockport.
fn stockport(width: u16, height: u16) -> App {
    let mut app = app_on(load_files(&[seed_file(), history_import()]), width, height);
    press(&mut app, "/stockport\n");
    app
}

/// GE2017 and GE2019, each imported from the Library's candidate-level file.
fn ge2017_and_ge2019() -> Vec<PathBuf> {
    vec![candidates_import(2017), candidates_import(2019)]
}

/// The pane titled `title`, its rows trimmed at the right.
fn pane_rows(app: &App, title: &str) -> Vec<String> {
    pane(&screen(app), title)
        .into_iter()
        .map(|r| r.trim_end().to_string())
        .collect()
}

/// Text wrapped over lines, as one line (runs of spaces and line breaks as one space).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The rows of `rows` that contain every one of `words`.
fn rows_with<'r>(rows: &'r [String], words: &[&str]) -> Vec<&'r String> {
    rows.iter()
        .filter(|r| words.iter().all(|w| r.contains(w)))
        .collect()
}

/// The change section of the detail pane: from its heading to the line before the next.
fn change_section(app: &App) -> Vec<String> {
    let rows = pane_rows(app, "Detail");
    let start = rows
        .iter()
        .position(|r| r == "Change")
        .unwrap_or_else(|| panic!("no Change section:\n{}", rows.join("\n")));
    rows[start..]
        .iter()
        .take_while(|r| !r.starts_with("Warnings") && !r.starts_with("Sources"))
        .cloned()
        .collect()
}

#[test]
fn the_detail_shows_stockport_2017_against_2015_in_the_words_of_show() {
    // Tall enough for the whole detail: the change section is on screen without scrolling.
    let mut app = stockport(120, 90);
    select(&mut app, "ge2017-e14000969");
    let section = change_section(&app);
    let text = section.join("\n");
    assert!(
        text.contains("Since general election (ge2015-e14000969, 7 May 2015)"),
        "{text}"
    );
    assert_eq!(
        rows_with(&section, &["Result", "Lab hold"]).len(),
        1,
        "{text}"
    );
    assert_eq!(
        rows_with(&section, &["Majority", "14,477 (was 10,061)"]).len(),
        1,
        "{text}"
    );
    assert_eq!(
        rows_with(&section, &["Swing", "4.7 pts from Conservative to Labour"]).len(),
        1,
        "{text}"
    );
    // The party table: Labour up 13.4 points and 6,511 votes on 2015.
    let header = rows_with(&section, &["Party", "2015", "2017", "± share", "± votes"]);
    assert_eq!(header.len(), 1, "{text}");
    let labour = rows_with(
        &section,
        &["Labour", "49.9%", "63.3%", "+13.4 pts", "+6,511"],
    );
    assert_eq!(labour.len(), 1, "{text}");
    assert!(text.contains("did not stand"), "{text}");
    insta::assert_snapshot!("stockport_2017_change", text);

    // The same words as `hustings show` prints under "Change".
    let shown = stdout(&[
        "show",
        "ge2017-e14000969",
        "--data",
        &history_import().display().to_string(),
    ]);
    for words in [
        "Since general election (ge2015-e14000969, 7 May 2015)",
        "14,477 (was 10,061)",
        "+13.4 pts",
        "+6,511",
    ] {
        assert!(shown.contains(words), "show says {words}:\n{shown}");
    }
}

#[test]
fn the_detail_says_why_nothing_is_computed() {
    let mut app = stockport(120, 90);
    // 1997 is the first election in the file: no earlier result is loaded.
    select(&mut app, "ge1997-stockport");
    let text = flat(&change_section(&app).join("\n"));
    assert!(
        text.contains("No previous result: no earlier general election or by-election"),
        "{text}"
    );
    // A selection elects no seat: no change section at all.
    select(&mut app, "stockport-selection-2019");
    assert!(!pane_rows(&app, "Detail").contains(&"Change".to_string()));
}

#[test]
fn bolsover_2019_is_a_con_gain_from_lab() {
    let mut app = app_on(load_files(&ge2017_and_ge2019()), 120, 90);
    press(&mut app, "/bolsover\n");
    select(&mut app, "ge2019-e14000577");
    let section = change_section(&app);
    let text = section.join("\n");
    assert_eq!(
        rows_with(&section, &["Result", "Con gain from Lab"]).len(),
        1,
        "{text}"
    );
    assert!(
        flat(&text).contains("Since general election (ge2017-e14000577"),
        "{text}"
    );
    // In the list, with the result column chosen.
    choose(&mut app, &[ListColumn::Result]);
    let list = pane_rows(&app, "Contests 2 of 1300");
    assert_eq!(
        rows_with(&list, &["Bolsover, 2019", "Con gain from Lab"]).len(),
        1,
        "{}",
        list.join("\n")
    );
    assert_eq!(
        rows_with(&list, &["Bolsover, 2017", "no previous result"]).len(),
        1,
        "{}",
        list.join("\n")
    );
}

#[test]
fn the_seat_history_has_a_change_column_for_stockport_1997_to_2019() {
    let mut app = stockport(120, 70);
    select(&mut app, "ge2017-e14000969");
    press(&mut app, "6");
    let rows = pane_rows(&app, "Seat history: Stockport");
    let text = rows.join("\n");
    assert!(
        flat(&text).contains("± is the change since the seat's previous contest: the result, and the winner's party's ± share"),
        "{text}"
    );
    // One ± per contest, in order, oldest first: 1997 has nothing before it; each later
    // general election is a Labour hold; the seed's 2017 contest (partial figures) is the
    // same contest as the Library's, one row; the selection elects no seat.
    let changes: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.strip_prefix("    ± "))
        .collect();
    assert_eq!(
        changes,
        [
            "no previous result",
            "Lab hold, -4.3 pts",
            "Lab hold, -8.1 pts",
            "Lab hold, -7.8 pts",
            "Lab hold, +7.2 pts",
            "Lab hold, +13.4 pts",
            "—",
            "Lab hold, -11.3 pts",
        ],
        "{text}"
    );
    insta::assert_snapshot!("stockport_history", text);
}

#[test]
fn seats_per_party_have_votes_share_and_parts_as_stats_by_party_says() {
    let mut app = app_on(load_files(&[candidates_import(2019)]), 140, 60);
    press(&mut app, "2");
    let rows = pane_rows(&app, "Scoreboard: 650 of 650 contests");
    let text = rows.join("\n");
    assert!(
        rows_with(&rows, &["seats", "lost", "stood", "votes", "share"]).len() == 1,
        "{text}"
    );
    // The numbers of `stats --by party`, in its words.
    let printed: Value = serde_json::from_str(&stdout(&[
        "stats",
        "--by",
        "party",
        "--format",
        "json",
        "--data",
        &candidates_import(2019).display().to_string(),
    ]))
    .expect("stats prints JSON");
    let record = &printed["rows"][1];
    assert_eq!(record["party"], "Labour");
    assert_eq!(
        (
            &record["won"],
            &record["lost"],
            &record["stood"],
            &record["votes"]
        ),
        (
            &Value::from(202),
            &Value::from(429),
            &Value::from(631),
            &Value::from(10_269_071)
        )
    );
    assert_eq!(record["parts"][0]["party"], "Labour and Co-operative");
    assert_eq!(record["parts"][0]["won"], 26);
    let labour = rows_with(
        &rows,
        &[
            "Labour (incl. 26 Labour and Co-operative)",
            "202",
            "429",
            "631",
            "10,269,071",
            "32.1%",
        ],
    );
    assert_eq!(labour.len(), 1, "{text}");
    assert_eq!(
        rows_with(&rows, &["Conservative", "365", "13,966,454", "43.6%"]).len(),
        1,
        "{text}"
    );
    // Narrow, the parts go on a line of their own under the party.
    app.update(Action::Resize(80, 60));
    press(&mut app, "2");
    let rows = pane_rows(&app, "Scoreboard: 650 of 650 contests");
    let at = rows
        .iter()
        .position(|r| r.contains("Labour  ") && r.contains("10,269,071"))
        .unwrap_or_else(|| panic!("{}", rows.join("\n")));
    assert_eq!(rows[at + 1].trim(), "incl. 26 Labour and Co-operative");
}

/// The matrix of `stats --by change --format json`: (from, to) → seats.
fn printed_matrix(files: &[PathBuf]) -> Vec<(String, String, u64)> {
    let mut args: Vec<String> = ["stats", "--by", "change", "--format", "json"]
        .map(String::from)
        .to_vec();
    for f in files {
        args.extend(["--data".to_string(), f.display().to_string()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let json: Value = serde_json::from_str(&stdout(&args)).expect("stats prints JSON");
    let mut cells: Vec<(String, String, u64)> = json["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r["from_short"].as_str().unwrap().to_string(),
                r["to_short"].as_str().unwrap().to_string(),
                r["seats"].as_u64().unwrap(),
            )
        })
        .collect();
    cells.sort();
    cells
}

#[test]
fn seats_changing_hands_2017_to_2019_are_the_numbers_of_stats_by_change() {
    let files = ge2017_and_ge2019();
    let mut app = app_on(load_files(&files), 120, 40);
    press(&mut app, "8");
    assert_eq!(app.view, View::Changes);
    let matrix = app.views.matrix.clone().expect("the matrix is worked out");
    assert_eq!(matrix.get("Lab", "Con"), Some(54));
    assert_eq!(matrix.get("Con", "Con"), Some(307));
    assert_eq!(matrix.changed(), 81);
    // The same matrix as the library's `stats --by change` over the same contests …
    let data = app.data.as_ref().unwrap();
    let rows: Vec<usize> = (0..data.dataset().contests.len()).collect();
    let Groups::Change(stats_matrix) = stats::group_by(
        data.dataset(),
        &Index::build(data.dataset()),
        &rows,
        GroupBy::Change,
    ) else {
        panic!("a change matrix");
    };
    assert_eq!(matrix, stats_matrix);
    // … and as the command prints.
    let mut shown: Vec<(String, String, u64)> = Vec::new();
    for (f, from) in matrix.parties.iter().enumerate() {
        for (t, to) in matrix.parties.iter().enumerate() {
            if matrix.seats[f][t] > 0 {
                shown.push((
                    from.short.clone(),
                    to.short.clone(),
                    matrix.seats[f][t] as u64,
                ));
            }
        }
    }
    shown.sort();
    assert_eq!(shown, printed_matrix(&files));

    // On screen: the summary, the Lab row with 54 under Con and 201 held, and the totals.
    let rows = pane_rows(&app, "Seats changing hands: 1300 of 1300 contests");
    let text = rows.join("\n");
    assert!(
        text.contains("650 seats compared with the seat's previous contest (2017 → 2019: 650); 81 changed hands."),
        "{text}"
    );
    let header = rows_with(
        &rows,
        &["FROM \\ TO", "Con", "Lab", "HELD", "GAINED", "LOST"],
    );
    assert_eq!(header.len(), 1, "{text}");
    let lab: Vec<&str> = rows
        .iter()
        .find(|r| r.trim_start().starts_with("Lab "))
        .expect("a Lab row")
        .split_whitespace()
        .collect();
    assert_eq!(lab[..3], ["Lab", "54", "201"], "{text}");
    assert_eq!(lab[lab.len() - 3..], ["201", "1", "61"], "{text}");
    insta::assert_snapshot!("ge2017_ge2019_changes", text);

    // Narrower, the parties that do not fit scroll across with the cursor (→ and ←).
    app.update(Action::Resize(80, 40));
    press(&mut app, "8");
    let text = pane_rows(&app, "Seats changing hands: 1300 of 1300 contests").join("\n");
    assert!(text.contains("More parties: 3 to the right (→)."), "{text}");
    press(&mut app, "}");
    let text = pane_rows(&app, "Seats changing hands: 1300 of 1300 contests").join("\n");
    assert!(
        text.contains(" to the left (←).") && !text.contains("to the right"),
        "{text}"
    );
    assert!(
        text.contains("FROM \\ TO ←") && text.contains("APNI  Ind"),
        "{text}"
    );
}

/// The matrix's header row on screen.
fn matrix_header(app: &App) -> String {
    let rows = pane_rows(app, "Seats changing hands: 1300 of 1300 contests");
    rows.iter()
        .find(|r| r.contains("FROM \\ TO"))
        .unwrap_or_else(|| panic!("no header:\n{}", rows.join("\n")))
        .clone()
}

#[test]
fn seats_changing_hands_fit_at_160_mark_what_is_off_to_the_side_at_80_and_list_a_cell() {
    let parties = [
        "Con", "Lab", "SNP", "LD", "DUP", "SF", "PC", "SDLP", "Grn", "Spk", "APNI", "Ind",
    ];
    // 160 columns: every party, whatever the arrow keys do.
    let mut app = app_on(load_files(&ge2017_and_ge2019()), 160, 40);
    press(&mut app, "8");
    for keys in ["", "}", "{", "llll"] {
        press(&mut app, keys);
        for _ in 0..3 {
            key(&mut app, KeyCode::Right);
        }
        let header = matrix_header(&app);
        for party in parties {
            assert!(header.contains(&format!(" {party} ")), "{party}: {header}");
        }
        assert!(!header.contains('←') && !header.contains('→'), "{header}");
    }
    // 80 columns: APNI and Ind are off to the right, and the header says so.
    let mut app = app_on(load_files(&ge2017_and_ge2019()), 80, 40);
    press(&mut app, "8");
    let header = matrix_header(&app);
    assert!(header.contains(" →  HELD"), "{header}");
    assert!(
        !header.contains("APNI") && !header.contains('←'),
        "{header}"
    );
    // The cursor walks across; the columns follow it.
    for _ in 0..11 {
        key(&mut app, KeyCode::Right);
    }
    let header = matrix_header(&app);
    assert!(header.contains("Ind") && header.contains('←'), "{header}");
    assert!(!header.contains(" →"), "{header}");
    assert!(screen(&app).contains("Con → Ind: 0 seats changed hands"));
    // Back to Con, down to Lab: Enter lists the 54 seats Labour lost to the Conservatives.
    press(&mut app, "{j");
    assert!(screen(&app).contains("Lab → Con: 54 seats changed hands"));
    press(&mut app, "\n");
    assert_eq!(app.view, View::Contests);
    assert!(
        status_bar(&app).contains("changes: Lab → Con"),
        "{}",
        status_bar(&app)
    );
    assert_eq!(app.rows.len(), 54);
    let data = app.data.as_ref().unwrap();
    let ds = data.dataset();
    let matrix = app.views.matrix.clone().unwrap();
    let (lab, con) = (&matrix.parties[1], &matrix.parties[0]);
    assert_eq!((lab.short.as_str(), con.short.as_str()), ("Lab", "Con"));
    for &i in app.rows.iter() {
        let change = hustings::stats::change::seat_change(ds, &data.changes, i);
        assert_eq!(
            change,
            Some((lab.group.clone(), con.group.clone())),
            "{}",
            ds.contests[i].id
        );
    }
    assert!(titles_of(&app).iter().any(|t| t.starts_with("Bolsover")));
    // The view agrees: one cell, 54 seats.
    press(&mut app, "8");
    assert_eq!(app.views.matrix.as_ref().unwrap().changed(), 54);
    // x removes the chip like any other.
    press(&mut app, "\x1bxx");
    assert_eq!(app.rows.len(), 1300);
    assert!(!status_bar(&app).contains("changes:"));
    // An empty cell lists nothing and says so.
    press(&mut app, "8g}\n");
    assert_eq!(app.view, View::Changes);
    let said = crate::support::tui::status(&app);
    assert!(
        said.contains("Con → Ind: 0 seats changed hands: nothing to list"),
        "{said}"
    );
}

fn titles_of(app: &App) -> Vec<String> {
    let ds = app.data.as_ref().unwrap().dataset();
    app.rows
        .iter()
        .map(|&i| ds.contests[i].title.to_string())
        .collect()
}

#[test]
fn seats_changing_hands_with_one_election_loaded_says_what_to_load() {
    let mut app = app_on(load_files(&[candidates_import(2019)]), 100, 30);
    press(&mut app, "8");
    let text = pane_rows(&app, "Seats changing hands: 650 of 650 contests").join("\n");
    assert!(
        text.contains("Not compared (no previous result: 650)."),
        "{text}"
    );
    assert!(text.contains("Load two elections"), "{text}");
}

/// Opens the column picker and toggles `columns`, then closes it.
fn choose(app: &mut App, columns: &[ListColumn]) {
    press(app, "C");
    for column in columns {
        let at = ListColumn::CHOOSABLE
            .iter()
            .position(|c| c == column)
            .unwrap();
        press(app, "g");
        for _ in 0..at {
            press(app, "j");
        }
        press(app, " ");
    }
    press(app, "\n");
}

/// The list pane's column titles (its first row), whatever its title says.
fn list_titles(app: &App) -> String {
    let shown = screen(app);
    let title = format!("Contests {} of {}", app.rows.len(), app.total());
    pane(&shown, &title)[0].clone()
}

#[test]
fn the_sorted_column_is_visible_at_60_80_and_120_columns() {
    let files = ge2017_and_ge2019();
    let loaded = load_files(&files);
    let mut app = app_on(loaded, 120, 30);
    let extras = [ListColumn::Party, ListColumn::Result, ListColumn::Change];
    // With the columns as they start, and with every column chosen (the party, result and
    // change crowd the narrow list most).
    for chosen in [&[][..], &extras[..]] {
        choose(&mut app, chosen);
        for width in [60, 80, 120] {
            app.update(Action::Resize(width, 30));
            let sorts = SortKey::ALL
                .into_iter()
                .map(ListSort::Key)
                .chain([ListSort::Change]);
            for sort in sorts {
                while app.list_sort() != sort {
                    press(&mut app, "s");
                }
                let name = match sort {
                    ListSort::Key(SortKey::Date) => "Date↓",
                    ListSort::Key(SortKey::Title) => "Contest↓",
                    ListSort::Key(SortKey::Region) => "Region↓",
                    ListSort::Key(SortKey::Margin) => "Margin↓",
                    ListSort::Key(SortKey::Turnout) => "Turnout↓",
                    ListSort::Change => "± share↓",
                };
                let titles = list_titles(&app);
                assert!(
                    titles.contains(name),
                    "{sort:?} at {width} with {chosen:?}: {titles}"
                );
            }
        }
        // Undo the choice for the next round.
        choose(&mut app, chosen);
    }
}

#[test]
fn the_column_picker_chooses_party_result_and_change_for_the_session() {
    let mut app = app_on(load_files(&ge2017_and_ge2019()), 160, 16);
    press(&mut app, "/stockport\n");
    assert!(!list_titles(&app).contains("Result"));
    press(&mut app, "C");
    let shown = screen(&app);
    assert!(shown.contains("List columns"), "{shown}");
    assert!(
        shown.contains("[ ] result: hold, or gain from the party before"),
        "{shown}"
    );
    assert!(
        shown.contains("[x] date  (sorted by: always shown)"),
        "{shown}"
    );
    press(&mut app, "\x1b");
    choose(
        &mut app,
        &[ListColumn::Party, ListColumn::Result, ListColumn::Change],
    );
    let titles = list_titles(&app);
    for name in ["Party", "Result", "± share"] {
        assert!(titles.contains(name), "{name}: {titles}");
    }
    let rows = pane_rows(&app, "Contests 2 of 1300");
    assert_eq!(
        rows_with(
            &rows,
            &["Stockport, 2019", "Labour", "Lab hold", "-11.3 pts"]
        )
        .len(),
        1,
        "{}",
        rows.join("\n")
    );
    insta::assert_snapshot!("stockport_result_and_change_columns", rows.join("\n"));
    // Kept for the session: across views and a reload.
    press(&mut app, "21");
    assert!(list_titles(&app).contains("Result"));
    let data = Data::new(load_files(&ge2017_and_ge2019()));
    app.update(Action::Loaded(std::sync::Arc::new(data)));
    assert!(list_titles(&app).contains("Result"));
    // Space on it again hides it.
    choose(&mut app, &[ListColumn::Result]);
    assert!(!list_titles(&app).contains("Result"));
    assert!(list_titles(&app).contains("± share"));
}

/// The explorer started with `--result` values, resolved against the data as the loader
/// does, on GE2017 and GE2019.
fn with_result_filter(results: &[&str]) -> App {
    let files = ge2017_and_ge2019();
    let loaded = load_files(&files);
    let spec = QuerySpec {
        results: results
            .iter()
            .map(std::string::ToString::to_string)
            .collect(),
        ..QuerySpec::default()
    };
    let query = spec
        .resolve(&loaded.dataset)
        .expect("the result filter resolves");
    let mut app = App::new(vec![], Theme { color: true }, 140, 30);
    app.update(Action::SetQuery(Box::new(query)));
    app.update(Action::Loaded(std::sync::Arc::new(Data::new(loaded))));
    app
}

#[test]
fn a_result_filter_from_the_command_line_is_a_chip_that_clears() {
    let mut app = with_result_filter(&["gain:Con", "loss:SNP"]);
    // 58 seats gained by the Conservatives, 1 lost by the SNP (to the Liberal Democrats).
    assert_eq!(app.rows.len(), 59);
    let bar = status_bar(&app);
    assert!(bar.contains("[result: Con gain]"), "{bar}");
    assert!(bar.contains("[result: SNP loss]"), "{bar}");
    // A reload decides again which contests the filter keeps.
    let data = Data::new(load_files(&ge2017_and_ge2019()));
    app.update(Action::Loaded(std::sync::Arc::new(data)));
    assert_eq!(app.rows.len(), 59);
    // x steps into the chips on the last; x removes it: the Conservative gains are left.
    press(&mut app, "xx");
    assert_eq!(app.rows.len(), 58);
    let bar = status_bar(&app);
    assert!(
        bar.contains("[result: Con gain]") && !bar.contains("SNP loss"),
        "{bar}"
    );
    press(&mut app, "x\x1b");
    assert_eq!(app.rows.len(), 1300);
    assert!(status_bar(&app).contains("no filters"));
    // c clears it too.
    let mut app = with_result_filter(&["hold"]);
    assert_eq!(app.rows.len(), 650 - 81);
    press(&mut app, "c");
    assert_eq!(app.rows.len(), 1300);
    let _ = draw(&app);
}

#[test]
fn s_after_turnout_sorts_by_the_change_largest_rise_first() {
    let mut app = app_on(load_files(&ge2017_and_ge2019()), 120, 30);
    press(&mut app, "sssss");
    assert_eq!(app.list_sort(), ListSort::Change);
    assert!(status_bar(&app).contains("sort: change"));
    // The change column shows though not chosen, marked as sorted by.
    assert!(list_titles(&app).contains("± share↓"));
    // The winner's party's ± share, as the detail words it, never rises down the list; the
    // contests with none (the 2017 seats: no previous result loaded) come last.
    let data = app.data.as_ref().unwrap();
    let ds = data.dataset();
    let points: Vec<Option<f64>> = app
        .rows
        .iter()
        .map(|&i| match data.changes.since(ds, i) {
            hustings::model::change::Since::Known(c) => hustings::model::change::winner_points(&c),
            _ => None,
        })
        .collect();
    // (Two 2019 seats have a result but no ± share: their winner's party did not stand in
    // 2017, as the Speaker's.)
    let known = points.iter().filter(|p| p.is_some()).count();
    assert_eq!(known, 648);
    assert!(points[..known].iter().all(Option::is_some));
    assert!(
        points[..known].windows(2).all(|w| w[0] >= w[1]),
        "{points:?}"
    );
    // S: the largest fall first.
    press(&mut app, "S");
    let first = app.rows[0];
    let last_known = app.rows[known - 1];
    let at = |i| match data_points(&app, i) {
        Some(p) => p,
        None => panic!("a change for {i}"),
    };
    assert!(at(first) <= at(last_known));
    // And s again goes back to the date.
    press(&mut app, "s");
    assert_eq!(app.list_sort(), ListSort::Key(SortKey::Date));
    assert!(status_bar(&app).contains("sort: date"));
}

/// The winner's party's ± share of contest `i`, if known.
fn data_points(app: &App, i: usize) -> Option<f64> {
    let data = app.data.as_ref().unwrap();
    match data.changes.since(data.dataset(), i) {
        hustings::model::change::Since::Known(c) => hustings::model::change::winner_points(&c),
        _ => None,
    }
}

#[test]
fn on_a_narrow_terminal_each_party_s_figures_go_under_its_name() {
    // 40 columns: one pane, the detail after Enter; too narrow for the party table.
    let mut app = stockport(40, 130);
    select(&mut app, "ge2017-e14000969");
    press(&mut app, "\n");
    let section = change_section(&app);
    let text = section.join("\n");
    let at = section
        .iter()
        .position(|r| r.trim() == "Labour")
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(
        section[at + 1].trim(),
        "49.9% → 63.3%, +13.4 pts, +6,511",
        "{text}"
    );
    assert!(section.iter().all(|r| r.chars().count() <= 38), "{text}");
}

#[test]
fn a_click_in_the_column_picker_shows_or_hides_that_column() {
    use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut app = stockport(160, 30);
    press(&mut app, "C");
    // The row that offers the result column.
    let shown = screen(&app);
    let (row, line) = shown
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("[ ] result: hold"))
        .unwrap_or_else(|| panic!("{shown}"));
    let column = line.chars().position(|c| c == '[').unwrap() as u16;
    let event = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row: row as u16,
        modifiers: KeyModifiers::NONE,
    };
    let action = app.mouse_action(event).expect("the click picks the row");
    crate::support::tui::step(&mut app, action);
    assert!(app.list_columns.shows(ListColumn::Result));
    assert!(screen(&app).contains("[x] result: hold"));
    press(&mut app, "\x1b");
    assert!(list_titles(&app).contains("Result"));
}

#[test]
fn the_title_bar_names_every_file_loaded() {
    let wide = app_on(load_files(&ge2017_and_ge2019()), 250, 30);
    let titles = wide.header_titles();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles[0].contains("8 Jun 2017") && titles[1].contains("12 Dec 2019"));
    let joined = titles.join(" · ");
    let top = screen(&wide).lines().next().unwrap().to_string();
    assert!(top.contains(&joined), "{top}");
    // Too long for the width: how many files, then whole words and a marker.
    for width in [100, 120, 160] {
        let narrow = app_on(load_files(&ge2017_and_ge2019()), width, 30);
        let top = screen(&narrow).lines().next().unwrap().to_string();
        assert!(top.contains(" hustings 2 files: UK"), "{top}");
        let shown = top.split("2 files: ").nth(1).unwrap();
        let title = shown.split("  ").next().unwrap().trim_end();
        assert!(title.ends_with('…'), "{top}");
        let words = title.trim_end_matches('…');
        assert!(joined.starts_with(words), "{top}");
        let next = joined[words.len()..].chars().next();
        assert_eq!(next, Some(' '), "cut between words: {top}");
    }
}

#[test]
fn the_winner_never_gives_way_to_the_status_with_or_without_colour() {
    for files in [vec![seed_file()], ge2017_and_ge2019()] {
        for color in [true, false] {
            for width in [60, 80, 100, 120, 160] {
                let mut app = app_on(load_files(&files), width, 30);
                app.theme = Theme { color };
                let shown = screen(&app);
                let header = shown
                    .lines()
                    .find(|l| l.contains("Contest "))
                    .unwrap_or_else(|| panic!("no column titles:\n{shown}"));
                let at = format!("{width} columns, colour {color}, {files:?}");
                assert!(header.contains("Winner"), "{at}:\n{shown}");
                assert!(!header.contains("Status"), "{at}:\n{shown}");
            }
        }
    }
}

/// Stockport 2017 is in the shipped dataset (a news report: the winner's votes only) and in
/// the Library's history: one row — the Library's, the more complete — whose detail names the
/// other version, its file and that the two agree; the list, its header and the scoreboard
/// count it once.
#[test]
fn a_contest_from_two_sources_is_one_row_whose_detail_names_the_other() {
    let mut app = stockport(120, 90);
    let ids: Vec<&str> = app
        .rows
        .iter()
        .map(|&i| app.data.as_ref().unwrap().dataset().contests[i].id.as_str())
        .collect();
    assert!(ids.contains(&"ge2017-e14000969"), "{ids:?}");
    assert!(!ids.contains(&"stockport-ge-2017"), "{ids:?}");
    select(&mut app, "ge2017-e14000969");
    let detail = flat(&pane_rows(&app, "Detail").join("\n"));
    let seed = seed_file().display().to_string();
    for words in [
        "Versions",
        "Listed as one contest from 2 sources: this version (",
        &format!("stockport-ge-2017 ({seed}): agrees with the listed version"),
    ] {
        assert!(detail.contains(words), "missing {words:?} in:\n{detail}");
    }
    // The list's header counts rows: every contest given by both files once.
    let data = app.data.as_ref().unwrap();
    let hidden = data.loaded.versions.hidden();
    let seed_stockport = (data.dataset().contests.iter())
        .position(|c| c.id == "stockport-ge-2017")
        .unwrap();
    assert!(hidden.contains(&seed_stockport), "{hidden:?}");
    assert_eq!(app.total(), data.dataset().contests.len() - hidden.len());
    let header = format!("Contests {} of {}", app.rows.len(), app.total());
    assert!(screen(&app).contains(&header), "{}", screen(&app));
}

#[test]
fn bolsover_2019_detail_chart_has_each_partys_change_beside_its_bar() {
    let mut app = app_on(load_files(&ge2017_and_ge2019()), 120, 90);
    press(&mut app, "/bolsover\n");
    select(&mut app, "ge2019-e14000577");
    let rows = pane_rows(&app, "Detail");
    let text = rows.join("\n");
    for (name, share, mark) in [
        ("Mark Fletcher", "47.4%", "+6.9"),
        ("Dennis Skinner", "35.9%", "-16.0"),
        ("Kevin Harper", "9.0%", "new"),
        ("David Hancock", "3.8%", "+0.9"),
    ] {
        let row = rows_with(&rows, &[name, share]);
        assert!(
            row.first()
                .is_some_and(|r| r.ends_with(&format!("{share}  {mark}"))
                    || r.ends_with(&format!("{share} {mark}"))
                    || r.trim_end().ends_with(mark)),
            "{name}: {text}"
        );
    }
    // Two Independents: nothing said beside either.
    for name in ["Ross Walker", "Natalie Hoy"] {
        let row = rows_with(&rows, &[name, "%"]);
        assert!(
            row.first().is_some_and(|r| r.trim_end().ends_with('%')),
            "{text}"
        );
    }
    assert!(
        flat(&text).contains("± share since the general election of 8 Jun 2017"),
        "{text}"
    );
    // The 2017 contest has no earlier one loaded: no marks, no note.
    select(&mut app, "ge2017-e14000577");
    let text = pane_rows(&app, "Detail").join("\n");
    assert!(!text.contains("± share since"), "{text}");
}

#[test]
fn the_scoreboard_has_2019s_shares_against_2017_and_the_seats_strip_as_stats_prints_them() {
    let loaded = load_files(&ge2017_and_ge2019());
    let spec = QuerySpec {
        since: Some(serde_json::from_value(Value::from("2019")).expect("a date")),
        ..QuerySpec::default()
    };
    let query = spec.resolve(&loaded.dataset).expect("the query resolves");
    let mut app = App::new(vec![], Theme { color: false }, 140, 200);
    app.update(Action::SetQuery(Box::new(query)));
    app.update(Action::Loaded(std::sync::Arc::new(Data::new(loaded))));
    press(&mut app, "2");
    let rows = pane_rows(&app, "Scoreboard: 650 of 1300 contests");
    let text = rows.join("\n");
    assert_eq!(
        rows_with(&rows, &["seats", "lost", "stood", "share", "± share"]).len(),
        1,
        "{text}"
    );
    // The words of `stats --by party --since 2019` (tests/cli/psephology.rs checks them
    // against the candidate files).
    for words in [
        ["Conservative", "365", "43.6%", "+1.3 pts"],
        [
            "Labour (incl. 26 Labour and Co-operative)",
            "202",
            "32.1%",
            "-7.9 pts",
        ],
        ["Brexit Party", "0", "2.0%", "new"],
    ] {
        assert_eq!(rows_with(&rows, &words).len(), 1, "{words:?}: {text}");
    }
    assert!(
        flat(&text).contains("since the general election of 8 Jun 2017"),
        "{text}"
    );
    assert!(
        text.contains(
            "Seats won in the general election of 12 Dec 2019: 650 seats, one cell for every 7"
        ),
        "{text}"
    );
    // Without colour, Conservative's 52 cells, then Labour's 29 shaded.
    let at = rows
        .iter()
        .position(|r| r.contains("Seats won in"))
        .unwrap_or_else(|| panic!("no strip: {text}"));
    let strip = &rows[at + 1];
    assert!(
        strip.contains(&format!("{}{}▒", "█".repeat(52), "▒".repeat(28))),
        "{strip}"
    );
}

/// Sorted by change, the list is the rows in date order stably sorted by each one's change,
/// whether picked out of the whole change order (many rows) or sorted (few), either way
/// round, and after re-sorting from another order.
#[test]
fn rows_sorted_by_change_are_the_stable_sort_by_each_change() {
    let data = Data::new(load_files(&ge2017_and_ge2019()));
    let ds = data.dataset();
    let keys = hustings::stats::change::change_keys(ds, &data.changes);
    let region = |id: &str| Filter {
        regions: vec![id.into()],
        ..Filter::default()
    };
    // All 1,300 contests and London's 146 are picked; the North East's 58 are sorted.
    for filter in [Filter::default(), region("london"), region("north-east")] {
        for reverse in [false, true] {
            let sort = Sort {
                key: SortKey::Date,
                reverse,
            };
            let query = Query {
                filter: filter.clone(),
                sort,
            };
            let mut want = data.index.filter(&query.filter, None);
            data.index.sort(&mut want, sort);
            hustings::stats::change::sort_by_change(&mut want, &keys, reverse);
            assert_eq!(
                data.list(&query, true),
                want,
                "{:?} {reverse}",
                filter.regions
            );
            let mut resorted = data.list(
                &Query {
                    filter: filter.clone(),
                    sort: Sort {
                        key: SortKey::Title,
                        reverse: !reverse,
                    },
                },
                false,
            );
            data.resort(&mut resorted, &query, true);
            assert_eq!(resorted, want, "{:?} {reverse}, re-sorted", filter.regions);
        }
    }
}
