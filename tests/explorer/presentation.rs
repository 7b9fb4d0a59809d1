//! The explorer speaks the command line's vocabulary: the detail pane's facts are `show`'s,
//! compared charts share one scale, and the endorsers' bars are the win rate at every width.

use crate::support::bars::first_bar as bar_eighths;
use crate::support::cli::{listed_ids, stdout};
use crate::support::data::import_ge2019;
use crate::support::tui::{app, app_on, pane, press, screen, select};
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

/// Every line `show` prints in the sections the detail pane must repeat — the stages, the
/// nominations, the contest's facts and the inferred notes — is in the pane, in its words.
pub fn assert_detail_shows_what_show_prints(app: &mut App, id: &str, data: &[&str]) {
    select(app, id);
    let detail = words_without_bars(&pane(&screen(app), "Detail").join(" "));
    assert!(detail.contains(&words(id)), "{id}: the id is on screen");
    let mut args = vec!["show", id];
    args.extend(data);
    let text = stdout(&args);
    let mut checked = 0;
    for section in ["Stages", "Nominations", "Contest", "Inferred"] {
        let Some(body) = text.split(&format!("\n{section}\n")).nth(1) else {
            assert_ne!(section, "Contest", "{id}: a Contest section");
            continue;
        };
        // Each line of a fact (label and value, or a value's continuation) reads the same.
        for line in body.lines().take_while(|l| !l.is_empty()) {
            let fact = words_without_bars(line);
            assert!(
                detail.contains(&fact),
                "{id}: `{fact}` ({section}) not in the detail:\n{detail}"
            );
            checked += 1;
        }
    }
    assert!(checked > 0);
}

#[test]
fn the_detail_pane_shows_the_facts_show_prints_for_every_contest() {
    let ids = listed_ids(&stdout(&["list", "--format", "json"]));
    let mut app = app(220, 160);
    for id in &ids {
        assert_detail_shows_what_show_prints(&mut app, id, &[]);
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
