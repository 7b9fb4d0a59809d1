//! Nothing from a data file reaches the terminal as a control sequence: for arbitrary datasets
//! whose text holds escape sequences, C1 controls and bidi overrides, every view the explorer
//! draws and every text and Markdown report holds no control or bidi character.

use hustings::explorer::action::Action;
use hustings::explorer::app::{App, Data};
use hustings::explorer::theme::Theme;
use hustings::load::Loaded;
use hustings::load::integrity;
use hustings::model::Dataset;
use hustings::query::{Index, Query};
use hustings::report::style::TextStyle;
use hustings::report::{self, Detail, Listing, StatsReport, safe};
use hustings::stats::{self, GroupBy};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use crate::support::strategies;
use crate::support::tui::{press, screen, step};

fn loaded(dataset: Dataset) -> Loaded {
    Loaded {
        warnings: integrity::warnings(&dataset),
        dataset,
        sources: vec!["arbitrary.json".into()],
        titles: Vec::new(),
        conflicts: Vec::new(),
        notes: Vec::new(),
        versions: hustings::load::Versions::default(),
        derived: hustings::load::Derived::default(),
    }
}

/// The first character in `text` the one rule would not show as it is (a line feed is fine
/// in a report).
fn first_unsafe(text: &str) -> Option<char> {
    text.chars()
        .find(|&c| c != '\n' && hustings::model::text::is_unsafe(c))
}

fn reports(loaded: &Loaded) -> Vec<(String, String)> {
    let ds = &loaded.dataset;
    let query = Query::default();
    let index = Index::build(ds);
    let rows = index.run(&query);
    let listing = Listing {
        dataset: ds,
        warnings: &loaded.warnings,
        query: &query,
        rows: &rows,
        changes: None,
        all: index.rows_total(),
    };
    let style = TextStyle {
        width: 100,
        ..TextStyle::default()
    };
    let mut out = Vec::new();
    let mut keep = |what: String, bytes: Vec<u8>| {
        out.push((what, String::from_utf8(bytes).expect("reports are UTF-8")));
    };
    let mut buf = Vec::new();
    report::text::list(&mut buf, &listing, &style).unwrap();
    keep("text list".into(), std::mem::take(&mut buf));
    report::markdown::list(&mut buf, &listing).unwrap();
    keep("markdown list".into(), std::mem::take(&mut buf));
    for (index, contest) in ds.contests.iter().enumerate() {
        let detail = Detail {
            dataset: ds,
            warnings: &loaded.warnings,
            index,
            contest,
            versions: None,
            changes: loaded.changes(),
        };
        report::text::show(&mut buf, &detail, &style).unwrap();
        keep(
            format!("text show {}", contest.id),
            std::mem::take(&mut buf),
        );
        report::markdown::show(&mut buf, &detail).unwrap();
        keep(
            format!("markdown show {}", contest.id),
            std::mem::take(&mut buf),
        );
    }
    for by in [
        GroupBy::Faction,
        GroupBy::Region,
        GroupBy::Kind,
        GroupBy::Endorser,
        GroupBy::Party,
        GroupBy::Month,
        GroupBy::Change,
        GroupBy::Swing,
    ] {
        let report = StatsReport {
            dataset: ds,
            query: &query,
            rows: &rows,
            index: &index,
            totals: stats::totals(&index, &rows),
            groups: stats::group_by(ds, &index, &rows, by),
            seat_totals: (by == GroupBy::Party).then(|| stats::seat_totals(&index, &rows)),
            all: index.rows_total(),
            election: stats::one_general_election(ds, &rows),
        };
        report::text::stats(&mut buf, &report, &style).unwrap();
        keep(format!("text stats {by:?}"), std::mem::take(&mut buf));
        report::markdown::stats(&mut buf, &report).unwrap();
        keep(format!("markdown stats {by:?}"), std::mem::take(&mut buf));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn reports_for_people_hold_no_control_character(dataset in strategies::dataset(4)) {
        let shown = safe::for_display(loaded(dataset));
        for (what, text) in reports(&shown) {
            prop_assert!(first_unsafe(&text).is_none(), "{}: {:?}\n{}", what, first_unsafe(&text), text);
        }
    }

}

proptest! {
    // Each case draws every view for every row (some sixty frames), so fewer cases than the
    // reports' test: every field of every contest is still hostile text in each.
    #![proptest_config(ProptestConfig {
        cases: 16,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_view_of_the_explorer_holds_a_control_character(dataset in strategies::dataset(4)) {
        let mut app = App::new(vec!["arbitrary.json".into()], Theme { color: true }, 120, 40);
        step(&mut app, Action::Loaded(std::sync::Arc::new(Data::new(loaded(dataset)))));
        let n = app.rows.len();
        for k in 0..n.max(1) {
            for keys in ["1", "\t", "\t2", "3", "4", "5", "6", "m7", "1?", "?"] {
                press(&mut app, keys);
                let drawn = screen(&app);
                prop_assert!(first_unsafe(&drawn).is_none(), "row {} after {:?}:\n{}", k, keys, drawn);
            }
            press(&mut app, "1j");
        }
    }
}

/// Text from the command line is untrusted too: `--search` and `--result` values holding bidi
/// controls are drawn in the chips (and the search line) by the one rule, as stand-ins.
#[test]
fn untrusted_command_line_text_in_the_chips_is_shown_by_the_one_rule() {
    use hustings::query::from_input::QuerySpec;
    let mut loaded = crate::support::tui::seed();
    // A party whose name holds a bidi override, so `--result gain:Z\u{202e}` names one.
    for c in &mut loaded.dataset.contests {
        for candidate in &mut c.candidates {
            if candidate.party.as_deref() == Some("Labour") {
                candidate.party = Some("Z\u{202e}".into());
            }
        }
    }
    loaded.recheck();
    let spec = QuerySpec {
        search: "a\u{202e}\u{2067}X".into(),
        results: vec!["gain:Z\u{202e}".into()],
        ..QuerySpec::default()
    };
    let query = spec.resolve(&loaded.dataset).expect("the filters resolve");
    let mut app = App::new(vec![], Theme { color: true }, 160, 30);
    app.update(Action::SetQuery(Box::new(query)));
    app.update(Action::Loaded(std::sync::Arc::new(Data::new(loaded))));
    let shown = screen(&app);
    assert_eq!(first_unsafe(&shown), None, "{shown}");
    // Stepping into the chips draws them too, the selected one highlighted.
    press(&mut app, "x");
    let shown = screen(&app);
    assert_eq!(first_unsafe(&shown), None, "{shown}");
    assert!(shown.contains("search: \"a\u{fffd}\u{fffd}X\""), "{shown}");
    assert!(shown.contains("result: Z\u{fffd}"), "{shown}");
    // Out of the chips and into the search line, the search as typed so far.
    press(&mut app, "\x1b/");
    let shown = screen(&app);
    assert_eq!(first_unsafe(&shown), None, "{shown}");
}
