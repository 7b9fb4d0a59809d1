//! Psephology on the real files: the party-level history import, change since the previous
//! contest (show, history), seats changing hands, national votes and party groups, and the
//! result filter.

use serde_json::Value;

use crate::support::cli::{hustings, stdout};
use crate::support::data::{candidates_import, ge2019, history_import, real_data, seed_file};

fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("JSON output")
}

/// `show ID --format json` over the history import.
fn show_history(id: &str) -> Value {
    let history = history_import();
    json(&["show", id, "--data", path(&history), "--format", "json"])
}

/// The change of one party in a `show` document's `change`.
fn party<'a>(doc: &'a Value, name: &str) -> &'a Value {
    doc["change"]["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["party"] == name)
        .unwrap_or_else(|| panic!("no {name} in {}", doc["change"]))
}

#[test]
fn the_history_import_has_every_seat_of_seven_elections() {
    let out = hustings(&[])
        .args(["import", "hoc-history"])
        .arg(real_data("uk-history/GE_results.tsv"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let dataset: Value = serde_json::from_slice(&out.stdout).unwrap();
    let contests = dataset["contests"].as_array().unwrap();
    assert_eq!(contests.len(), 4_564);
    let summary = String::from_utf8_lossy(&out.stderr);
    for line in [
        "4564 contests",
        "party \"Conservative Party\" read as \"Conservative\" (1273 rows)",
        "party \"Sinn Fein\" read as \"Sinn Féin\" (104 rows)",
        "party \"PC/SNP\" read as \"Plaid Cymru\" (40 rows)",
        "\"Other\" is a folded group of small parties",
    ] {
        assert!(summary.contains(line), "missing {line:?} in:\n{summary}");
    }
    // Ids line up with the candidate-level import; rows are parties, not people.
    let stockport = contests
        .iter()
        .find(|c| c["id"] == "ge2017-e14000969")
        .unwrap();
    assert_eq!(stockport["constituency"], "Stockport");
    assert_eq!(stockport["constituency_id"], "E14000969");
    assert_eq!(stockport["ballots"]["eligible"], 64_236);
    assert_eq!(stockport["ballots"]["valid"], 41_544);
    let labour = &stockport["candidates"][0];
    assert_eq!(labour["party"], "Labour");
    assert!(labour.get("name").is_none(), "{labour}");
    assert_eq!(labour["elected"], true);
    // Seats before the 2010 boundaries have no ONS id: they link by name.
    let old = contests
        .iter()
        .find(|c| c["id"] == "ge1997-stockport")
        .unwrap();
    assert!(old.get("constituency_id").is_none_or(Value::is_null));
}

#[test]
fn stockport_2017_against_2015() {
    let doc = show_history("ge2017-e14000969");
    let change = &doc["change"];
    assert_eq!(change["status"], "known");
    assert_eq!(change["previous"], "ge2015-e14000969");
    assert_eq!(change["matched_by"], "id");
    assert_eq!(change["result"], "Lab hold");
    assert_eq!(change["majority"]["now"], 14_477);
    assert_eq!(change["majority"]["then"], 10_061);
    let labour = party(&doc, "Labour");
    assert_eq!(labour["votes"], 6_511);
    let points = labour["share_points"].as_f64().unwrap();
    assert_eq!(format!("{points:.1}"), "13.4");
    assert_eq!(doc["derived"]["margin_votes"], 14_477);
    // Two-party swing between the top two (Labour and Conservative), not the share change.
    let swing = &change["swing"];
    assert_eq!(
        (swing["from"].as_str(), swing["to"].as_str()),
        (Some("Conservative"), Some("Labour"))
    );
    assert_eq!(format!("{:.1}", swing["points"].as_f64().unwrap()), "4.7");

    let history = history_import();
    let text = stdout(&["show", "ge2017-e14000969", "--data", path(&history)]);
    for line in [
        "Change",
        "Since general election (ge2015-e14000969, 7 May 2015)",
        "Result    Lab hold",
        "Swing     4.7 pts from Conservative to Labour (two-party)",
        "Majority  14,477 (was 10,061)",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with("Labour "))
        .unwrap();
    assert!(row.contains("49.9%") && row.contains("63.3%"), "{row}");
    assert!(row.contains("+13.4 pts") && row.contains("+6,511"), "{row}");
    let md = stdout(&[
        "show",
        "ge2017-e14000969",
        "--data",
        path(&history),
        "--format",
        "markdown",
    ]);
    assert!(md.contains("### Change"), "{md}");
    assert!(
        md.contains("| Labour | 49.9% | 63.3% | +13.4 pts | +6,511 |"),
        "{md}"
    );
}

#[test]
fn majorities_of_the_seeds_marginal_seats() {
    for (id, majority) in [("ge2017-e14000876", 1_322), ("ge2017-e14000612", 5_965)] {
        let doc = show_history(id);
        assert_eq!(doc["derived"]["margin_votes"], majority, "{id}");
        assert_eq!(doc["change"]["majority"]["now"], majority, "{id}");
    }
}

#[test]
fn bolsover_2019_is_a_conservative_gain_from_labour() {
    let ge2019 = ge2019();
    let doc = json(&[
        "show",
        "ge2019-e14000577",
        "--data",
        path(&candidates_import(2017)),
        "--data",
        path(&ge2019),
        "--format",
        "json",
    ]);
    assert_eq!(doc["change"]["result"], "Con gain from Lab");
    assert_eq!(
        show_history("ge2019-e14000577")["change"]["result"],
        "Con gain from Lab"
    );
}

#[test]
fn a_partial_previous_result_is_not_computed_from() {
    // The seed's 2017 Stockport has one candidate and no votes, and no 2015 contest.
    let seed = seed_file();
    let doc = json(&["show", "stockport-ge-2017", "--format", "json"]);
    assert_eq!(doc["change"]["status"], "no-previous");
    assert_eq!(doc["change"]["parties"], serde_json::json!([]));
    let text = stdout(&["show", "stockport-ge-2017"]);
    assert!(
        text.contains(
            "No previous result: no earlier general election or by-election in this seat is loaded"
        ),
        "{text}"
    );
    // With 2015 loaded the seed's own figures are partial: still nothing computed.
    let history = history_import();
    let doc = json(&[
        "show",
        "stockport-ge-2017",
        "--data",
        path(&seed),
        "--data",
        path(&history),
        "--format",
        "json",
    ]);
    assert_eq!(doc["change"]["status"], "partial");
    assert_eq!(doc["change"]["previous"], "ge2015-e14000969");
    assert_eq!(
        doc["change"]["reason"],
        "this contest has votes for 0 of 1 candidates"
    );
    assert!(doc["change"]["result"].is_null());
}

#[test]
fn history_has_a_change_column_from_1997_to_2019_with_the_selections() {
    let (seed, history) = (seed_file(), history_import());
    let out = hustings(&[])
        .env("COLUMNS", "220")
        .args(["history", "stockport-selection-2019"])
        .args(["--data", path(&seed), "--data", path(&history)])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("± SINCE PREVIOUS"), "{text}");
    let row = |id: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("no {id} in:\n{text}"))
            .to_string()
    };
    assert!(row("ge1997-stockport").ends_with("no previous result"));
    assert!(row("ge2017-e14000969").ends_with("Lab hold, +13.4 pts"));
    assert!(row("ge2019-e14000969").ends_with("Lab hold, -11.3 pts"));
    assert!(row("stockport-selection-2019").ends_with("—"));
    // The seed's 2017 contest (only the winner's votes) is the same contest as the Library's:
    // one row, the Library's, which names it among its versions.
    assert!(!text.contains("stockport-ge-2017"), "{text}");
    let ids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.starts_with("ge") || w.starts_with("stockport-"))
        .collect();
    assert_eq!(
        ids,
        [
            "ge1997-stockport",
            "ge2001-stockport",
            "ge2005-stockport",
            "ge2010-e14000969",
            "ge2015-e14000969",
            "ge2017-e14000969",
            "stockport-selection-2019",
            "ge2019-e14000969"
        ]
    );
    // Every format carries it.
    let doc = json(&[
        "history",
        "ge2017-e14000969",
        "--data",
        path(&history),
        "--format",
        "json",
    ]);
    let last = doc["contests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["contest"]["id"] == "ge2017-e14000969")
        .unwrap();
    assert_eq!(last["change"]["result"], "Lab hold");
    let csv = stdout(&[
        "history",
        "ge2017-e14000969",
        "--data",
        path(&history),
        "--format",
        "csv",
    ]);
    assert!(
        csv.lines().next().unwrap().contains(
            ",winner_faction_id,warnings,change,result_computed,change_points,candidate_rank,"
        ),
        "{csv}"
    );
    assert!(csv.contains("\"Lab hold, +13.4 pts\""), "{csv}");
}

#[test]
fn labour_seats_include_the_co_operative_ones() {
    for (file, won, co_op) in [(candidates_import(2017), 262, 38), (ge2019(), 202, 26)] {
        let doc = json(&[
            "stats",
            "--by",
            "party",
            "--data",
            path(&file),
            "--format",
            "json",
        ]);
        let labour = doc["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["party"] == "Labour")
            .unwrap();
        assert_eq!(labour["won"], won, "{file:?}");
        assert_eq!(
            labour["parts"],
            serde_json::json!([{"party": "Labour and Co-operative", "won": co_op}])
        );
        let out = hustings(&[])
            .env("COLUMNS", "200")
            .args(["stats", "--by", "party", "--data", path(&file)])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains(&format!("Labour (incl. {co_op} Labour and Co-operative)")),
            "{text}"
        );
    }
}

#[test]
fn national_votes_beside_seats() {
    let doc = json(&[
        "stats",
        "--by",
        "party",
        "--data",
        path(&ge2019()),
        "--format",
        "json",
    ]);
    let con = &doc["rows"][0];
    assert_eq!(con["party"], "Conservative");
    assert_eq!(
        (con["won"].as_u64(), con["votes"].as_u64()),
        (Some(365), Some(13_966_454))
    );
    assert_eq!(
        format!("{:.1}", con["share_percent"].as_f64().unwrap()),
        "43.6"
    );
    let text = stdout(&["stats", "--by", "party", "--data", path(&ge2019())]);
    let row = text
        .lines()
        .find(|l| l.starts_with("Conservative"))
        .unwrap();
    assert!(row.contains("13,966,454") && row.contains("43.6%"), "{row}");
}

#[test]
fn seats_changing_hands_from_2017_to_2019() {
    let (a, b) = (candidates_import(2017), ge2019());
    let doc = json(&[
        "stats",
        "--by",
        "change",
        "--data",
        path(&a),
        "--data",
        path(&b),
        "--since",
        "2019",
        "--format",
        "json",
    ]);
    let seats = |from: &str, to: &str| {
        doc["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["from"] == from && r["to"] == to)
            .map_or(0, |r| r["seats"].as_u64().unwrap())
    };
    assert_eq!(seats("Labour", "Conservative"), 54);
    assert_eq!(seats("Conservative", "Conservative"), 307);
    assert_eq!(seats("Labour", "Labour"), 201);
    let text = stdout(&[
        "stats",
        "--by",
        "change",
        "--data",
        path(&a),
        "--data",
        path(&b),
        "--since",
        "2019",
    ]);
    assert!(text.contains("650 seats compared with the seat's previous contest (2017 → 2019: 650); 81 changed hands."), "{text}");
    assert!(text.contains("FROM \\ TO  Con  Lab"), "{text}");
    // The same from the party-level history: spellings ("Conservative Party" in 2017 and
    // 2019, "Liberal Democrat(s)") make no false changes.
    let history = history_import();
    let doc = json(&[
        "stats",
        "--by",
        "change",
        "--data",
        path(&history),
        "--since",
        "2019",
        "--format",
        "json",
    ]);
    let lab_con = doc["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["from"] == "Labour" && r["to"] == "Conservative")
        .unwrap();
    assert_eq!(lab_con["seats"], 54);
    let csv = stdout(&[
        "stats",
        "--by",
        "change",
        "--data",
        path(&a),
        "--data",
        path(&b),
        "--since",
        "2019",
        "--format",
        "csv",
    ]);
    assert!(csv.contains("Labour,Lab,Conservative,Con,54\n"), "{csv}");
}

#[test]
fn computed_results_agree_with_the_librarys_stated_ones() {
    // The constituency file states each 2019 result ("Con gain from Lab Coop"): not one
    // disagrees with the result computed from the 2017 and 2019 winners.
    let out = hustings(&[])
        .args(["validate", path(&candidates_import(2017)), path(&ge2019())])
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(!text.contains("result stated as"), "{text}");
    // And a stated result that says otherwise is a warning naming both.
    let mut doc: Value = serde_json::from_slice(&std::fs::read(ge2019()).unwrap()).unwrap();
    let bolsover = doc["contests"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["id"] == "ge2019-e14000577")
        .unwrap();
    assert_eq!(bolsover["result"], "Con gain from Lab");
    bolsover["result"] = "Lab hold".into();
    let dir = tempfile::tempdir().unwrap();
    let edited = dir.path().join("edited.json");
    std::fs::write(&edited, serde_json::to_vec(&doc).unwrap()).unwrap();
    let out = hustings(&[])
        .args(["validate", path(&candidates_import(2017)), path(&edited)])
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("ge2019-e14000577: result stated as \"Lab hold\", but the winners here and at ge2017-e14000577 make it \"Con gain from Lab\""),
        "{text}"
    );
    assert_eq!(text.matches("result stated as").count(), 1, "{text}");
}

#[test]
fn the_result_filter() {
    let (a, b) = (candidates_import(2017), ge2019());
    let count = |extra: &[&str]| {
        let mut args = vec![
            "list",
            "--data",
            path(&a),
            "--data",
            path(&b),
            "--format",
            "json",
        ];
        args.extend(extra);
        json(&args)["count"].as_u64().unwrap()
    };
    assert_eq!(count(&["--result", "gain"]), 81);
    assert_eq!(count(&["--result", "hold"]), 569);
    assert_eq!(count(&["--result", "gain:Con"]), 58);
    assert_eq!(count(&["--result", "loss:Lab"]), 61);
    assert_eq!(
        count(&["--result", "gain:conservative", "--result", "hold:Con"]),
        365
    );
    let out = hustings(&[])
        .args(["list", "--result", "won"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: --result \"won\": expected gain, hold, gain:PARTY, loss:PARTY or hold:PARTY (e.g. gain:Con)\n"
    );
    // A party nobody stood for is an error naming those who did, as for --faction.
    let out = hustings(&[])
        .args(["list", "--data", path(&b), "--result", "gain:Foo"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: unknown party \"Foo\"; valid parties: "),
        "{err}"
    );
    assert!(err.contains("Conservative (Con)"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn both_sources_of_a_seat_line_up_and_count_once() {
    let (candidates, history) = (candidates_import(2017), history_import());
    let out = hustings(&[])
        .args(["validate", path(&candidates), path(&history)])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        text.matches("counted once: confirmed by 2 sources").count(),
        649,
        "{text}"
    );
    // The one seat where the two files differ is said, with both numbers.
    assert!(
        text.contains("ge2017-e14000608~2: the same contest as ge2017-e14000608 ("),
        "{text}"
    );
    assert!(
        text.contains("they disagree on Speaker's votes: 34299 and 39937"),
        "{text}"
    );
    let doc = json(&[
        "stats",
        "--by",
        "party",
        "--data",
        path(&candidates),
        "--data",
        path(&history),
        "--since",
        "2017",
        "--until",
        "2017",
        "--format",
        "json",
    ]);
    assert_eq!(doc["seat_totals"]["contests"], 650);
    let labour = doc["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["party"] == "Labour")
        .unwrap();
    assert_eq!(labour["won"], 262);
}

/// Every aggregate that rests on seats matched by name says how many: 2005 → 2010 crosses the
/// English, Welsh and Northern Irish boundary changes, and only Scotland's 59 seats (redrawn in
/// 2005) carry an id both times.
#[test]
fn seats_matched_by_name_only_are_counted_in_stats_by_change() {
    let history = history_import();
    let args = [
        "stats",
        "--by",
        "change",
        "--data",
        path(&history),
        "--since",
        "2010",
        "--until",
        "2010",
    ];
    let text = stdout(&args);
    assert!(
        text.contains("557 seats compared with the seat's previous contest (2005 → 2010: 557)"),
        "{text}"
    );
    assert!(
        text.contains(
            "498 of them matched to the previous contest by the constituency's name only"
        ),
        "{text}"
    );
    let json = stdout(&[&args[..], &["--format", "json"]].concat());
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["matched_by_name"], 498);
}

/// The Library's candidate file calls the region `East`; the import unifies it with `East of
/// England` and keeps `East` as another spelling, so `--region East` still finds its 58 seats.
#[test]
fn a_region_is_found_by_every_spelling_it_was_imported_under() {
    let data = ge2019();
    let count = |region: &str| {
        let json = stdout(&[
            "list",
            "--data",
            path(&data),
            "--region",
            region,
            "--format",
            "json",
        ]);
        serde_json::from_str::<Value>(&json).unwrap()["count"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(count("East"), 58);
    assert_eq!(count("east of england"), 58);
}

/// The history import and GE2019 both give the 650 seats of 2019: one row each in `list`
/// (every format) as in `stats`; the row names the other version, which `show ID~2` prints.
#[test]
fn a_contest_from_two_sources_is_one_row_in_list_and_stats() {
    let (history, ge2019) = (history_import(), ge2019());
    let args = |extra: &[&'static str]| -> Vec<String> {
        let mut args: Vec<String> = ["--data", path(&history), "--data", path(&ge2019)]
            .map(String::from)
            .to_vec();
        args.extend(["--since", "2019", "--until", "2019-12"].map(String::from));
        args.extend(extra.iter().map(|s| (*s).to_string()));
        args
    };
    let run = |sub: &str, extra: &[&'static str]| {
        let mut all = vec![sub.to_string()];
        all.extend(args(extra));
        stdout(&all.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let list = run("list", &[]);
    assert!(
        list.trim_end()
            .ends_with("650 contests (of 4564): 650 decided, 0 pending"),
        "{}",
        list.lines().last().unwrap()
    );
    let stats = run("stats", &[]);
    assert!(stats.starts_with("650 contests (of 4564)"), "{stats}");
    let doc: Value = serde_json::from_str(&run("list", &["--format", "json"])).unwrap();
    assert_eq!(doc["count"], 650);
    let csv = run("list", &["--format", "csv"]);
    let mut ids: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .collect();
    ids.dedup();
    assert_eq!(ids.len(), 650);
    // Stockport 2019: both files have it under one id; the candidate file's, with names and
    // valid ballots, is the row; the history's loads as `~2` and is shown by that id.
    let doc = json(&[
        "show",
        "ge2019-e14000969",
        "--data",
        path(&history),
        "--data",
        path(&ge2019),
        "--format",
        "json",
    ]);
    let versions = &doc["versions"];
    assert_eq!(versions["all"].as_array().unwrap().len(), 2, "{versions}");
    let listed = versions["listed"].as_str().unwrap().to_string();
    let other = versions["all"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["listed"] == false)
        .unwrap();
    assert!(ids.contains(&listed.as_str()), "{listed}");
    let other_id = other["id"].as_str().unwrap();
    assert!(!ids.contains(&other_id), "{other_id}");
    let text = stdout(&[
        "show",
        other_id,
        "--data",
        path(&history),
        "--data",
        path(&ge2019),
    ]);
    assert!(
        text.contains(&format!("Another source's version of {listed} (")),
        "{text}"
    );
}

/// `list` carries each seat's result and change in every format: Bolsover 2019, won by the
/// Conservatives from Labour.
#[test]
fn list_carries_the_result_and_change_of_each_seat() {
    let (a, b) = (candidates_import(2017), ge2019());
    let base = [
        "list",
        "--data",
        path(&a),
        "--data",
        path(&b),
        "--search",
        "bolsover",
    ];
    let csv = stdout(&[&base[..], &["--format", "csv"]].concat());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == "ge2019-e14000577")
        .unwrap();
    assert_eq!(&row[col("result_computed")], "Con gain from Lab");
    assert!(
        row[col("change_points")].parse::<f64>().unwrap() > 0.0,
        "{row:?}"
    );
    let doc = json(&[&base[..], &["--format", "json"]].concat());
    let bolsover = doc["contests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["contest"]["id"] == "ge2019-e14000577")
        .unwrap();
    assert_eq!(bolsover["change"]["result"], "Con gain from Lab");
    let text = stdout(&base);
    assert!(text.contains("Con gain from Lab"), "{text}");
}

/// The chart's line for `name` in `show`'s text.
fn chart_row<'t>(text: &'t str, name: &str) -> &'t str {
    text.lines()
        .find(|l| {
            l.trim_start()
                .trim_start_matches('✓')
                .trim_start()
                .starts_with(name)
        })
        .unwrap_or_else(|| panic!("no chart row for {name} in:\n{text}"))
}

#[test]
fn bolsover_2019_bars_carry_each_partys_change_since_2017() {
    // The Library's own `change` column for Bolsover 2019: Con +6.88, Lab -16.02, LD +0.88 pts;
    // Brexit Party and Green blank (they did not stand in 2017).
    let (ge2017, ge2019) = (candidates_import(2017), ge2019());
    let args = [
        "show",
        "ge2019-e14000577",
        "--data",
        path(&ge2017),
        "--data",
        path(&ge2019),
    ];
    let text = stdout(&args);
    let bar_column = |row: &str| {
        row.chars()
            .position(|c| matches!(c, '█' | '▏' | '▎' | '▍' | '▌' | '▋' | '▊' | '▉'))
    };
    let mut columns = Vec::new();
    for (name, mark) in [
        ("Mark Fletcher", "47.4%   +6.9  █"),
        ("Dennis Skinner", "35.9%  -16.0  █"),
        ("Kevin Harper", "9.0%    new  █"),
        ("David Hancock", "3.8%   +0.9  █"),
        ("David Kesteven", "1.7%    new  █"),
    ] {
        let row = chart_row(&text, name);
        assert!(row.contains(mark), "{row}");
        columns.push(bar_column(row));
    }
    // Two Independents: their summed change would belong to neither, so nothing is said.
    for name in ["Ross Walker", "Natalie Hoy"] {
        let row = chart_row(&text, name);
        assert!(!row.contains("new") && !row.contains('+'), "{row}");
        columns.push(bar_column(row));
    }
    // Every bar starts in one column: one scale.
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{text}");
    assert!(
        flat(&text).contains(
            "± share since the general election of 8 Jun 2017 (ge2017-e14000577), in points"
        ),
        "{text}"
    );
    // Markdown's chart says the same.
    let mut md_args = args.to_vec();
    md_args.extend(["--format", "markdown"]);
    let md = stdout(&md_args);
    assert!(md.contains("47.4%   +6.9  "), "{md}");

    // GE2019 alone: no previous contest, so no ± column and no note.
    let alone = stdout(&["show", "ge2019-e14000577", "--data", path(&ge2019)]);
    assert!(!chart_row(&alone, "Mark Fletcher").contains("+6.9"));
    assert!(!alone.contains("± share since"), "{alone}");
}

#[test]
fn stockport_2017_over_partial_figures_has_no_marks_beside_its_bars() {
    // The seed's 2017 Stockport has the winner's votes only: nothing is invented.
    let history = history_import();
    let text = stdout(&[
        "show",
        "stockport-ge-2017",
        "--data",
        path(&seed_file()),
        "--data",
        path(&history),
    ]);
    assert!(!text.contains("± share since"), "{text}");
    assert!(!text.contains(" new "), "{text}");
}

/// Text wrapped over lines, as one line.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `stats --by party` over GE2017 + GE2019, narrowed to 2019, in `format`.
fn national(format: &str) -> String {
    let (ge2017, ge2019) = (candidates_import(2017), ge2019());
    stdout(&[
        "stats",
        "--by",
        "party",
        "--since",
        "2019",
        "--data",
        path(&ge2017),
        "--data",
        path(&ge2019),
        "--format",
        format,
    ])
}

#[test]
fn national_shares_2019_against_2017_with_the_seats_strip() {
    // Worked from the Library's candidate files alone (summing `votes` by `party_name`, Labour
    // with Labour and Co-operative): 2019 Con 13,966,454 of 32,014,850 = 43.62%, 2017
    // 13,636,684 of 32,204,184 = 42.34% (+1.28 pts; the often quoted 42.4% is of a different
    // total); Lab 10,269,071 = 32.08%, 2017 12,877,918 = 39.99% (-7.91 pts).
    let doc: Value = serde_json::from_str(&national("json")).unwrap();
    let row = |name: &str| {
        doc["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["party"] == name)
            .unwrap_or_else(|| panic!("no {name}"))
            .clone()
    };
    let round2 = |v: &Value| format!("{:.2}", v.as_f64().unwrap());
    let con = row("Conservative");
    assert_eq!(con["won"], 365);
    assert_eq!(round2(&con["share_percent"]), "43.62");
    assert_eq!(round2(&con["share_then_percent"]), "42.34");
    assert_eq!(round2(&con["share_points"]), "1.28");
    assert_eq!(con["share_since"], "2017-06-08");
    let lab = row("Labour");
    assert_eq!(lab["won"], 202);
    assert_eq!(round2(&lab["share_percent"]), "32.08");
    assert_eq!(round2(&lab["share_then_percent"]), "39.99");
    assert_eq!(round2(&lab["share_points"]), "-7.91");
    // The Brexit Party did not stand in 2017.
    assert_eq!(round2(&row("Brexit Party")["share_then_percent"]), "0.00");

    let text = national("text");
    let line = |start: &str| {
        text.lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no {start} in:\n{text}"))
    };
    let con = line("Conservative ");
    assert!(
        con.contains("365") && con.contains("43.6%  +1.3 pts"),
        "{con}"
    );
    let lab = line("Labour ");
    assert!(
        lab.contains("202") && lab.contains("32.1%  -7.9 pts"),
        "{lab}"
    );
    assert!(line("Brexit Party ").contains("2.0%       new"), "{text}");
    assert!(
        text.contains("since the general election of 8 Jun 2017"),
        "{text}"
    );
    // The strip: 650 seats at one cell for every 7 (the width of a pipe's 100 cells), in
    // the parties' order, to scale: Con 365 → 52 cells, Lab (365 + 202 = 567 → 81) 29.
    assert!(
        text.contains(
            "Seats won in the general election of 12 Dec 2019: 650 seats, one cell for every 7"
        ),
        "{text}"
    );
    let strip = text
        .lines()
        .find(|l| l.starts_with('█'))
        .unwrap_or_else(|| panic!("no strip in:\n{text}"));
    let runs: Vec<usize> = strip
        .chars()
        .collect::<Vec<_>>()
        .chunk_by(|a, b| a == b)
        .map(<[char]>::len)
        .collect();
    assert_eq!(&runs[..2], &[52, 29], "{strip}");
    assert_eq!(runs.iter().sum::<usize>(), 93, "{strip}");
    assert!(
        text.contains("Conservative 365 · Labour 202 · Scottish National Party 48"),
        "{text}"
    );

    let csv = national("csv");
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(",parts,share_then_percent,share_points"),
        "{header}"
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("Conservative,") && l.ends_with(",42.34,1.28")),
        "{csv}"
    );
}

#[test]
fn national_shares_need_both_elections_whole() {
    // Both elections at once: the share is over two elections, so no ± at all.
    let (ge2017, ge2019) = (candidates_import(2017), ge2019());
    let both = stdout(&[
        "stats",
        "--by",
        "party",
        "--data",
        path(&ge2017),
        "--data",
        path(&ge2019),
    ]);
    assert!(!both.contains("± SHARE"), "{both}");
    // Nor a strip: 1,300 seats of two elections are no parliament.
    assert!(!both.contains("Seats won"), "{both}");
    // Part of 2019: its previous contests are not the whole 2017 election.
    let doc = json(&[
        "stats",
        "--by",
        "party",
        "--since",
        "2019",
        "--region",
        "London",
        "--data",
        path(&ge2017),
        "--data",
        path(&ge2019),
        "--format",
        "json",
    ]);
    assert!(
        doc["rows"][0]["won"].as_u64() > Some(0),
        "{}",
        doc["rows"][0]
    );
    assert!(
        doc["rows"][0]["share_points"].is_null(),
        "{}",
        doc["rows"][0]
    );
    // 2019 alone: no previous election loaded.
    let alone = stdout(&["stats", "--by", "party", "--data", path(&ge2019)]);
    assert!(
        !alone.contains("± SHARE")
            && alone.contains("Seats won in the general election of 12 Dec 2019: 650 seats"),
        "{alone}"
    );
}

#[test]
fn largest_swings_2017_to_2019_largest_first() {
    // From the Library's `change` column: Bassetlaw Con +11.94, Lab -24.90 pts, a two-party
    // swing of 18.42 pts from Labour to Conservative; Bolsover Con +6.88, Lab -16.02: 11.45.
    let (ge2017, ge2019) = (candidates_import(2017), ge2019());
    let args = |format: &'static str| {
        vec![
            "stats",
            "--by",
            "swing",
            "--since",
            "2019",
            "--data",
            path(&ge2017),
            "--data",
            path(&ge2019),
            "--format",
            format,
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<String>>()
    };
    let run = |format| {
        let a = args(format);
        stdout(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let doc: Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(doc["by"], "swing");
    let rows = doc["rows"].as_array().unwrap();
    // Seats whose top two both stood in 2017 (Speaker's seats and new parties' seconds drop out).
    assert!(rows.len() > 600 && rows.len() < 650, "{}", rows.len());
    let points: Vec<f64> = rows
        .iter()
        .map(|r| r["swing"]["points"].as_f64().unwrap())
        .collect();
    assert!(points.windows(2).all(|w| w[0] >= w[1]), "largest first");
    let seat = |id: &str| {
        rows.iter()
            .find(|r| r["contest"] == id)
            .unwrap_or_else(|| panic!("no {id}"))
    };
    let bassetlaw = seat("ge2019-e14000546");
    assert_eq!(bassetlaw["constituency"], "Bassetlaw");
    assert_eq!(bassetlaw["result"], "Con gain from Lab");
    assert_eq!(
        (&bassetlaw["swing"]["from"], &bassetlaw["swing"]["to"]),
        (&Value::from("Labour"), &Value::from("Conservative"))
    );
    let two = |v: &Value| format!("{:.2}", v.as_f64().unwrap());
    assert_eq!(two(&bassetlaw["swing"]["points"]), "18.42");
    assert_eq!(two(&bassetlaw["winner_share_points"]), "11.94");
    assert_eq!(two(&seat("ge2019-e14000577")["swing"]["points"]), "11.45");

    let text = run("text");
    let row = text
        .lines()
        .find(|l| l.starts_with("Bassetlaw "))
        .unwrap_or_else(|| panic!("{text}"));
    for words in [
        "2017",
        "Con gain from Lab",
        "18.4 pts from Labour to Conservative",
        "+11.9 pts",
    ] {
        assert!(row.contains(words), "{words}: {row}");
    }
    let csv = run("csv");
    assert!(
        csv.lines().any(|l| l
            == "ge2019-e14000546,Bassetlaw,ge2017-e14000546,Con gain from Lab,Labour,Conservative,18.42,11.94"),
        "{csv}"
    );
}

/// `--sort change` orders by the winner's party's ± share since the seat's previous contest,
/// as the explorer's `s` does: North Down 2019 (APNI gain, +35.9 pts) first; `--reverse`,
/// Wentworth and Dearne (Lab hold, −24.7) first; contests with no change known last.
#[test]
fn list_sorts_by_the_change_since_the_previous_contest() {
    let (a, b) = (candidates_import(2017), ge2019());
    let order = |extra: &[&str]| {
        let mut args = vec!["list", "--data", path(&a), "--data", path(&b)];
        args.extend(["--sort", "change", "--format", "json"]);
        args.extend(extra);
        crate::support::cli::listed_ids(&stdout(&args))
    };
    // Last either way: the 650 seats of 2017 (nothing before them is loaded) and the two
    // Speaker's seats of 2019 (Buckingham, Chorley: the Speaker stands for no party).
    let unknown_last = |ids: &[String]| {
        ids[ids.len() - 652..].iter().all(|id| {
            id.starts_with("ge2017-") || id == "ge2019-e14000608" || id == "ge2019-e14000637"
        })
    };
    let rising = order(&[]);
    assert_eq!(rising[..2], ["ge2019-n06000013", "ge2019-n06000003"]);
    assert!(unknown_last(&rising));
    let falling = order(&["--reverse"]);
    assert_eq!(falling[..2], ["ge2019-e14001028", "ge2019-e14000541"]);
    assert!(unknown_last(&falling));
}
