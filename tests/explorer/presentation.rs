//! The explorer speaks the command line's vocabulary: the detail pane's facts are `show`'s,
//! compared charts share one scale, and the endorsers' bars are the win rate at every width.

use crate::support::bars::first_bar as bar_eighths;
use crate::support::cli::{listed_ids, stdout};
use crate::support::data::import_ge2019;
use crate::support::tui::{app, app_on, pane, press, screen, select, selected_id};
use hustings::explorer::app::App;
use hustings::load::{self, DataSource};

/// Words with single spaces between them, wherever the lines broke.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words with bar characters dropped (a bar's length depends on the width it is drawn at).
fn words_without_bars(text: &str) -> String {
    words(&text.replace(|c: char| "█▉▊▋▌▍▎▏".contains(c), " "))
}

/// The bullet `show` starts a line with (`- ` a source or version, `! ` a warning): the pane
/// draws its own (`•`, `⚠`).
fn without_bullet(line: &str) -> &str {
    let line = line.trim_start();
    ["- ", "! "]
        .iter()
        .find_map(|b| line.strip_prefix(b))
        .unwrap_or(line)
}

/// Every fact `show` prints is in the detail pane, in its words: every line of every section —
/// the title and headline, the candidates with every field, the stages, nominations, the
/// contest's facts, the change, the inferred notes, the rounds, warnings, versions, sources
/// and notes. Only the drawings are left to each front end: the chart's rows and the rounds'
/// table (the same figures, checked by their own tests).
pub fn assert_detail_shows_what_show_prints(app: &mut App, id: &str, data: &[&str]) {
    if selected_id(app).as_deref() != Some(id) {
        select(app, id);
    }
    let detail = words_without_bars(&pane(&screen(app), "Detail").join(" "));
    assert!(detail.contains(&words(id)), "{id}: the id is on screen");
    let mut args = vec!["show", id];
    args.extend(data);
    let text = stdout(&args);
    let mut section = String::new();
    let mut previous_blank = true;
    let mut checked = 0;
    for line in text.lines() {
        if line.is_empty() {
            previous_blank = true;
            continue;
        }
        if previous_blank && !line.starts_with(' ') && checked > 0 {
            section = line.to_string();
            previous_blank = false;
            continue;
        }
        previous_blank = false;
        let drawing = match section.as_str() {
            // A chart row: the mark and name, then the figures and the bar.
            "Vote shares" => line.starts_with("  ✓") || line.starts_with("    "),
            // The table of every round: a grid of the figures the lines below it say.
            "Rounds" => {
                line.starts_with("  ") && !line.starts_with("  Round") && {
                    let first = line.split_whitespace().next().unwrap_or("");
                    first.starts_with('R') && first[1..].chars().all(|c| c.is_ascii_digit())
                        || line.split_whitespace().last().is_some_and(|w| {
                            w.chars()
                                .next()
                                .is_some_and(|c| c.is_ascii_digit() || c == '·')
                        })
                }
            }
            _ => false,
        };
        if drawing {
            continue;
        }
        let fact = words_without_bars(without_bullet(line));
        assert!(
            detail.contains(&fact),
            "{id}: `{fact}` ({section}) not in the detail:\n{detail}"
        );
        checked += 1;
    }
    assert!(checked > 2, "{id}: {text}");
}

/// A detail pane tall enough for any contest's every line.
fn tall_app() -> App {
    app(220, 600)
}

#[test]
fn the_detail_pane_shows_the_facts_show_prints_for_every_contest() {
    let ids = listed_ids(&stdout(&["list", "--format", "json"]));
    let mut app = tall_app();
    // In the list's order, one step at a time: each step draws the tall screen.
    for id in &ids {
        assert_detail_shows_what_show_prints(&mut app, id, &[]);
        press(&mut app, "j");
    }
}

/// The first contests of a file of each format hustings reads, with every fact `show` prints
/// of them in the detail pane.
#[test]
fn the_detail_pane_shows_the_facts_show_prints_for_every_import_format() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // The Library's party-level history, cut to one seat's rows (the whole file is slow to
    // show twice).
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("aberavon.tsv");
    let whole =
        std::fs::read_to_string(root.join("tests/data/real/uk-history/GE_results.tsv")).unwrap();
    let seat: Vec<&str> = whole
        .lines()
        .enumerate()
        .filter(|(n, l)| *n == 0 || l.starts_with("W07000049|"))
        .map(|(_, l)| l)
        .collect();
    std::fs::write(&history, seat.join("\n") + "\n").unwrap();
    let files = [
        history,
        root.join("tests/data/real/rcv/2018_maine_governor_primary.json"),
        root.join("tests/data/real/rcv/eastpointe_mi_2019_council_stv.json"),
        root.join("tests/data/nist/maine-2018-governor-primary.xml"),
        root.join("tests/data/nist/ge2019-seats.json"),
        root.join("tests/data/real/results/kentucky_greenup_2014_gop_senate_primary_precinct.xml"),
        root.join(
            "tests/corpus/openelections-csv/openelections-ga/20021105__ga__general__write-in.csv",
        ),
        crate::support::data::ge2019(),
    ];
    for file in &files {
        let loaded = load::load(&[DataSource::File(file.clone())]).unwrap();
        let ids: Vec<String> = loaded
            .dataset
            .contests
            .iter()
            .take(2)
            .map(|c| c.id.to_string())
            .collect();
        let mut app = app_on(loaded, 220, 600);
        for id in &ids {
            assert_detail_shows_what_show_prints(&mut app, id, &["--data", file.to_str().unwrap()]);
        }
    }
}

#[test]
fn compare_draws_both_charts_to_one_scale() {
    let dir = tempfile::tempdir().unwrap();
    let file = import_ge2019(dir.path());
    let loaded = load::load(&[DataSource::File(file)]).unwrap();
    let mut app = app_on(loaded, 160, 50);
    press(&mut app, "/aberavon\n");
    select(&mut app, "ge2019-w07000049");
    press(
        &mut app,
        "m/\x08\x08\x08\x08\x08\x08\x08\x08aberdeen north\n",
    );
    select(&mut app, "ge2019-s14000001");
    press(&mut app, "m7");
    let shown = screen(&app);
    let line = |name: &str| {
        shown
            .lines()
            .find(|l| l.contains(&format!("✓ {name}")))
            .unwrap_or_else(|| panic!("no {name}:\n{shown}"))
            .to_string()
    };
    // Side by side on one row each; cut each at its own mark.
    let kinnock = line("Stephen Kinnock");
    let kinnock = &kinnock[kinnock.find("✓ Stephen").unwrap()..];
    let blackman = line("Kirsty Blackman");
    let blackman = &blackman[blackman.find("✓ Kirsty").unwrap()..];
    let (a, b) = (bar_eighths(kinnock), bar_eighths(blackman));
    assert!(a > 0 && b > 0, "{shown}");
    // 53.8% against 54.0%: drawn within an eighth or two of each other, Kinnock not longer.
    assert!(a <= b && b - a <= 2, "{a} vs {b} eighths:\n{shown}");
}

#[test]
fn endorser_bars_are_the_win_rate_and_fit_at_80_columns() {
    for width in [80, 120, 200] {
        let mut app = app(width, 30);
        press(&mut app, "3");
        let rows = pane(&screen(&app), "Endorsers");
        let rate = |l: &str| -> Option<u32> {
            l.split_whitespace()
                .find_map(|w| w.strip_suffix('%')?.parse().ok())
        };
        let full: Vec<usize> = rows
            .iter()
            .filter(|l| rate(l) == Some(100))
            .map(|l| bar_eighths(l))
            .collect();
        assert!(full.len() >= 3, "{width}: {rows:#?}");
        assert!(
            full.iter().all(|&b| b == full[0] && b > 0),
            "{width}: equal rates, equal bars: {full:?}"
        );
        for l in &rows {
            // The bar ends before the pane's edge: shrunk to fit, never cut.
            assert!(
                l.ends_with(' ') || l.trim().is_empty(),
                "{width}: cut at the edge: {l}"
            );
            if let Some(r) = rate(l) {
                let expected = full[0] as f64 * f64::from(r) / 100.0;
                assert!(
                    (bar_eighths(l) as f64 - expected).abs() <= 1.0,
                    "{width}: {l}"
                );
            }
        }
    }
}
