//! CSV is formula-safe by default: every text cell taken from the data that a spreadsheet
//! would run as a formula gets a leading `'`, numbers never do, and `--csv-raw` writes the
//! data exactly — for `list`, `history` and every `stats` grouping.

use crate::support::cli::stdout;
use crate::support::data::formula;

/// What makes a spreadsheet treat a cell as a formula (OWASP "CSV injection").
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV document read back with the csv crate.
struct Table {
    header: csv::StringRecord,
    rows: Vec<csv::StringRecord>,
}

impl Table {
    /// `hustings ARGS --data tests/data/formula.json --format csv`, read back.
    fn of(args: &[&str]) -> Table {
        let data = formula();
        let mut all = args.to_vec();
        all.extend(["--data", data.to_str().unwrap(), "--format", "csv"]);
        let text = stdout(&all);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header = reader.headers().unwrap().clone();
        let rows = reader.records().map(Result::unwrap).collect();
        Table { header, rows }
    }

    /// Every row's cell in column `name`, top to bottom.
    fn column(&self, name: &str) -> Vec<&str> {
        let i = self.header.iter().position(|h| h == name);
        let i = i.unwrap_or_else(|| panic!("no column {name} in {:?}", self.header));
        self.rows.iter().map(|r| &r[i]).collect()
    }

    /// The row whose cell in column `key` is `value`, as (column name, cell) pairs.
    fn row(&self, key: &str, value: &str) -> Vec<(&str, &str)> {
        let i = self.header.iter().position(|h| h == key).unwrap();
        let row = self.rows.iter().find(|r| &r[i] == value);
        let row = row.unwrap_or_else(|| panic!("no row with {key} = {value:?}"));
        self.header.iter().zip(row.iter()).collect()
    }
}

/// The cells of the default output and of `--csv-raw` differ exactly where the raw text
/// starts as a formula, by the one leading `'`.
fn assert_only_formulas_differ(safe: &Table, raw: &Table) {
    assert_eq!(safe.header, raw.header);
    assert_eq!(safe.rows.len(), raw.rows.len());
    for (s, r) in safe.rows.iter().zip(&raw.rows) {
        assert_eq!(s.len(), r.len());
        for (s, r) in s.iter().zip(r) {
            if r.starts_with(FORMULA_STARTS) {
                assert_eq!(s, format!("'{r}"));
            } else {
                assert_eq!(s, r);
            }
        }
    }
    let risky = |t: &Table| {
        t.rows
            .iter()
            .flat_map(|r| r.iter())
            .filter(|c| c.starts_with(FORMULA_STARTS))
            .count()
    };
    assert_eq!(risky(safe), 0, "a formula cell is left in the default CSV");
    assert!(risky(raw) > 0, "the fixture has formula text");
}

#[test]
fn list_neutralises_each_formula_cell_by_default() {
    let t = Table::of(&["list"]);
    assert_eq!(
        t.column("candidate_name"),
        [
            r#"'=HYPERLINK("http://x","y")"#,
            "'\tTab",
            "'\rReturn",
            "'-Minus",
            "Plain"
        ]
    );
    assert_eq!(
        t.column("title"),
        [
            "'@SUM(A1)",
            "'@SUM(A1)",
            "'@SUM(A1)",
            "'+Town, 2017",
            "'+Town, 2017"
        ]
    );
    assert_eq!(t.column("party"), ["'-x", "'-x", "'-x", "", ""]);
    assert_eq!(
        t.column("candidate_party"),
        ["'-x", "'@party", "", "'-x", "Plain party"]
    );
    assert_eq!(
        t.column("candidate_endorsements"),
        ["'+cmd; Union", "'-dash", "", "", ""]
    );
    let hyperlink = t.row("candidate_votes", "60");
    for (column, cell) in [
        ("constituency", "'+Town"),
        ("region_id", "north"),
        ("region", "'=North"),
        ("method", "'=1+1"),
        ("winner", r#"'=HYPERLINK("http://x","y")"#),
        ("candidate_faction_id", "left"),
        ("candidate_faction", "'-Left"),
    ] {
        assert!(
            hyperlink.contains(&(column, cell)),
            "{column}: {hyperlink:?}"
        );
    }
    assert!(
        t.row("candidate_votes", "500")
            .contains(&("result", "'+result"))
    );
}

#[test]
fn numbers_stay_numbers() {
    let t = Table::of(&["list"]);
    assert_eq!(
        t.column("candidate_votes"),
        ["60", "30", "10", "500", "400"]
    );
    assert_eq!(t.column("candidate_rank"), ["1", "2", "3", "1", "2"]);
    assert_eq!(
        t.column("candidate_share_percent"),
        ["60.00", "30.00", "10.00", "55.56", "44.44"]
    );
    assert_eq!(t.column("margin_votes"), ["30", "30", "30", "100", "100"]);
    assert_eq!(
        t.column("ballots_valid"),
        ["100", "100", "100", "900", "900"]
    );
    assert_eq!(
        t.column("turnout_percent"),
        ["51.00", "51.00", "51.00", "", ""]
    );
    assert_eq!(
        t.column("date"),
        [
            "2021-03-05",
            "2021-03-05",
            "2021-03-05",
            "2017-06-08",
            "2017-06-08"
        ]
    );
}

#[test]
fn csv_raw_writes_the_exact_strings() {
    let raw = Table::of(&["list", "--csv-raw"]);
    assert_eq!(
        raw.column("candidate_name"),
        [
            r#"=HYPERLINK("http://x","y")"#,
            "\tTab",
            "\rReturn",
            "-Minus",
            "Plain"
        ]
    );
    assert_eq!(raw.column("title")[0], "@SUM(A1)");
    assert_eq!(raw.column("party")[0], "-x");
    assert_eq!(raw.column("candidate_endorsements")[0], "+cmd; Union");
    assert_eq!(raw.column("region")[0], "=North");
    assert_eq!(raw.column("candidate_faction")[0], "-Left");
    assert_only_formulas_differ(&Table::of(&["list"]), &raw);
}

#[test]
fn history_is_formula_safe_like_list() {
    let safe = Table::of(&["history", "formula-2021"]);
    assert_eq!(
        safe.column("contest_id"),
        [
            "formula-2017",
            "formula-2017",
            "formula-2021",
            "formula-2021",
            "formula-2021"
        ]
    );
    assert_eq!(safe.column("constituency"), ["'+Town"; 5]);
    assert_eq!(
        safe.column("candidate_votes"),
        ["500", "400", "60", "30", "10"]
    );
    let raw = Table::of(&["history", "formula-2021", "--csv-raw"]);
    assert_eq!(raw.column("constituency"), ["+Town"; 5]);
    assert_only_formulas_differ(&safe, &raw);
}

#[test]
fn every_stats_grouping_is_formula_safe() {
    for by in ["faction", "region", "endorser", "kind", "party", "month"] {
        let safe = Table::of(&["stats", "--by", by]);
        let raw = Table::of(&["stats", "--by", by, "--csv-raw"]);
        match by {
            // Kinds and months are the program's words: nothing there to neutralise.
            "kind" | "month" => assert_eq!(safe.rows, raw.rows, "{by}"),
            _ => assert_only_formulas_differ(&safe, &raw),
        }
    }
    let endorsers = Table::of(&["stats", "--by", "endorser"]);
    assert_eq!(endorsers.column("endorser"), ["'+cmd", "Union", "'-dash"]);
    assert_eq!(endorsers.column("won"), ["1", "1", "0"]);
    let parties = Table::of(&["stats", "--by", "party"]);
    assert_eq!(parties.column("party"), ["'-x", "Plain party"]);
    assert_eq!(parties.column("won"), ["1", "0"]);
    let factions = Table::of(&["stats", "--by", "faction"]);
    assert_eq!(factions.column("faction"), ["'-Left", "no faction"]);
    assert_eq!(factions.column("stood"), ["2", "2"]);
    let regions = Table::of(&["stats", "--by", "region"]);
    assert_eq!(regions.column("region"), ["'=North"]);
    assert_eq!(regions.column("won:left"), ["2"]);
}

#[test]
fn csv_raw_leaves_other_formats_alone() {
    let data = formula();
    let data = data.to_str().unwrap();
    for format in ["text", "json", "markdown"] {
        let plain = stdout(&["list", "--data", data, "--format", format]);
        let raw = stdout(&["list", "--data", data, "--format", format, "--csv-raw"]);
        assert_eq!(plain, raw, "{format}");
    }
}

/// Two general elections in one seat, won in 2017 by `=HYPERLINK(…)` and in 2019 by `+Blue`
/// (gaining it), with text that hides a formula behind leading whitespace, NBSP, ZWSP or a BOM.
const GAIN: &str = r#"{
  "schema_version": 1,
  "title": "A gain by a formula",
  "contests": [
    {"id": "seat-2017", "kind": "general-election", "title": "Seat, 2017", "constituency": "Seat",
     "constituency_id": "E14000001", "date": "2017-06-08", "status": "decided", "sources": [{"outlet": "x"}],
     "candidates": [
       {"name": "Ann", "party": "=HYPERLINK(\"http://x\",\"y\")", "votes": 600, "elected": true},
       {"name": "Bob", "party": "+Blue", "votes": 400, "elected": false}]},
    {"id": "seat-2019", "kind": "general-election", "title": " =1+1", "constituency": "Seat",
     "constituency_id": "E14000001", "date": "2019-12-12", "status": "decided", "sources": [{"outlet": "x"}],
     "method": "\u00a0@SUM(A1)", "result": "\u200b+cmd",
     "candidates": [
       {"name": "\ufeff-x", "party": "+Blue", "votes": 700, "elected": true},
       {"name": "Ann", "party": "=HYPERLINK(\"http://x\",\"y\")", "votes": 300, "elected": false}]}
  ]
}"#;

/// `hustings ARGS --data GAIN --format csv`, read back (csv crate), as rows of cells.
fn gain_csv(args: &[&str]) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("gain.json");
    std::fs::write(&data, GAIN).unwrap();
    let mut all = args.to_vec();
    all.extend(["--data", data.to_str().unwrap(), "--format", "csv"]);
    let text = stdout(&all);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    (header, reader.records().map(Result::unwrap).collect())
}

/// Whether a spreadsheet would run `cell` as a formula: it starts with `= + - @`, a tab or a
/// carriage return, or with one of `= + - @` after whitespace, NBSP, ZWSP or a BOM. A number
/// (`-2.50`) is not text and is left alone.
fn runs_as_formula(cell: &str) -> bool {
    if cell.parse::<f64>().is_ok() {
        return false;
    }
    let rest = cell
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}'));
    cell.starts_with(['\t', '\r']) || rest.starts_with(['=', '+', '-', '@'])
}

#[test]
fn csv_safety_every_cell_of_history_and_list_is_formula_safe_whatever_builds_it() {
    for args in [&["history", "seat-2019"][..], &["list"]] {
        let (header, rows) = gain_csv(args);
        let change = header.iter().position(|h| h == "change").unwrap();
        let gain = rows.iter().find(|r| r[change].contains("gain")).unwrap();
        assert!(
            gain[change].starts_with("'+Blue gain from"),
            "{args:?}: {:?}",
            &gain[change]
        );
        for row in &rows {
            for (name, cell) in header.iter().zip(row) {
                assert!(!runs_as_formula(cell), "{args:?}: {name} = {cell:?}");
            }
        }
        // Text hidden behind leading whitespace, NBSP, ZWSP or a BOM gets the `'` too.
        let cells: Vec<&str> = rows.iter().flat_map(|r| r.iter()).collect();
        for hidden in [" =1+1", "\u{a0}@SUM(A1)", "\u{200b}+cmd", "\u{feff}-x"] {
            assert!(
                cells.contains(&format!("'{hidden}").as_str()),
                "{args:?}: {hidden:?}"
            );
        }
    }
    // --csv-raw is still exact.
    let (header, rows) = gain_csv(&["history", "seat-2019", "--csv-raw"]);
    let change = header.iter().position(|h| h == "change").unwrap();
    assert!(
        rows.iter()
            .any(|r| r[change].starts_with("+Blue gain from"))
    );
}
