//! How a selection ran, through every `show` format: stages as a path and one by one, each
//! candidate's status, nominations with bars toward the threshold, and inferred facts marked
//! `†` with their basis (on tests/data/selection.json).

use crate::support::cli::{hustings, listed_ids, stdout};
use crate::support::data::selection_fixture;
use hustings::report::json::ShowDoc;

fn show(id: &str, format: &str) -> String {
    let file = selection_fixture();
    stdout(&[
        "show",
        id,
        "--data",
        file.to_str().unwrap(),
        "--format",
        format,
    ])
}

/// Words with single spaces between them, wherever the lines broke.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_longlist_shortlist_ballot_path_with_a_withdrawal_renders_right() {
    let text = show("anytown-selection", "text");
    insta::assert_snapshot!("show_selection_fixture", text);
    let flat = words(&text);
    assert!(flat.contains(
        "Stages longlist 6 (Sep 2019) → shortlist 3 (1 Oct 2019) → ballot 2 (24 Oct 2019)"
    ));
    assert!(flat.contains("Shortlist (3, 1 Oct 2019): Ann Able, Bob Baker, Cat Cole"));
    assert!(flat.contains("A seventh applicant, not named, was not longlisted."));
    assert!(flat.contains("Cat Cole withdrawn · not on a ballot"));
    assert!(flat.contains("Dan Dale not shortlisted · not on a ballot"));
    // Only the two on the ballot have bars and shares; the shares are of them alone.
    let chart: Vec<&str> = text
        .split("\nCandidates\n")
        .next()
        .unwrap()
        .lines()
        .filter(|l| l.contains('█'))
        .collect();
    assert_eq!(chart.len(), 2, "{chart:?}");
    assert!(chart[0].contains("Ann Able") && chart[0].contains("60.0%"));
    assert!(
        !text.contains("warning"),
        "no vote-sum warning for candidates off the ballot"
    );
}

#[test]
fn nominations_show_a_bar_toward_the_threshold_and_who_is_over_it() {
    let text = show("anytown-selection", "text");
    // The line that starts saying `what` (a name, then its count).
    let line = |what: &str| {
        let what = if what.contains(':') {
            what.to_string()
        } else {
            format!("{what}: ")
        };
        text.lines()
            .find(|l| l.contains(&what))
            .unwrap_or_else(|| panic!("{what}:\n{text}"))
    };
    assert!(text.contains("Branches: 3 needed to go forward"));
    assert!(line("Ann Able").contains("✓ Ann Able: 5 nominations, 3 needed, reached"));
    assert!(line("Bob Baker").contains("✓ Bob Baker: 3 nominations, 3 needed, reached"));
    assert!(line("Cat Cole").contains("Cat Cole: 2 nominations, 3 needed, 1 short"));
    assert!(!line("Cat Cole").contains('✓'));
    // The bar is to the threshold: full at 3 (and never longer for 5), two thirds for 2.
    let bar = |name: &str| {
        line(name)
            .chars()
            .filter(|c| "█▉▊▋▌▍▎▏".contains(*c))
            .count()
    };
    assert_eq!(bar("Ann Able"), bar("Bob Baker"));
    assert!(bar("Cat Cole") < bar("Bob Baker"));
    // Named nominators with no count are a lower bound; no threshold, no bar.
    assert!(text.contains("Unions: no threshold stated"));
    assert!(line("Ann Able: 1+").contains("Ann Able: 1+ nominations, from Unite"));
    assert!(!line("Ann Able: 1+").contains('█'));
}

#[test]
fn inferred_facts_are_marked_with_their_basis_in_every_format() {
    let text = show("anytown-selection", "text");
    assert!(text.contains("anytown-selection · selection · Labour · North West † · 24 Oct 2019"));
    assert!(text.contains("Region          North West † inferred"));
    assert!(text.contains("Labour right † inferred · 40 votes"));
    assert!(text.contains(
        "\nInferred\n  † region: The report does not place Anytown; it is in the North West.\n  † Bob Baker, faction: Read from the GMB's backing.\n"
    ));
    let md = show("anytown-selection", "markdown");
    assert!(md.contains("- **Region:** North West † inferred"));
    assert!(md.contains("| Bob Baker | Labour right † | 40 | 40.0% | GMB |"));
    assert!(md.contains("| Cat Cole (withdrawn) | — | — | — | — |"));
    assert!(md.contains("### Inferred\n\n- † region: The report does not place Anytown"));
    assert!(md.contains("### Stages\n\n- **Longlist (6, Sep 2019):** Ann Able, Bob Baker"));
    assert!(md.contains("**Branches: 3 needed to go forward.** Three branch nominations"));
    assert!(md.contains("✓ Ann Able: 5 nominations, 3 needed, reached, from North ward"));
    let doc: ShowDoc = serde_json::from_str(&show("anytown-selection", "json")).unwrap();
    assert_eq!(doc.contest.inferred[0].field, "region");
    assert_eq!(doc.contest.stages.len(), 3);
    assert_eq!(doc.contest.nominations[0].threshold, Some(3.0));
    assert_eq!(
        doc.derived.stage_path.as_deref(),
        Some("longlist 6 (Sep 2019) → shortlist 3 (1 Oct 2019) → ballot 2 (24 Oct 2019)")
    );
    let reached: Vec<Option<bool>> = doc.derived.nominations[0]
        .candidates
        .iter()
        .map(|c| c.reached)
        .collect();
    assert_eq!(reached, [Some(true), Some(true), Some(false)]);
    let on: Vec<bool> = doc.derived.candidates.iter().map(|c| c.on_ballot).collect();
    assert_eq!(on, [true, true, false, false, false, false]);
}

#[test]
fn an_imposed_candidate_and_date_bounds() {
    let text = show("othertown-selection", "text");
    assert!(text.contains("Vote shares\n  No candidate stood in a ballot.\n"));
    assert!(text.contains("  Gus Gray\n    elected · imposed · not on a ballot\n"));
    // The longlist refers to Gus Gray by id; people read the name.
    assert!(text.contains("Longlist (2): Gus Gray, Hal Hunt"));
    assert!(words(&text).contains(
        "Date bounds not before 1 Nov 2019, not after 14 Nov 2019: after nominations closed; before the report"
    ));
    let md = show("othertown-selection", "markdown");
    assert!(md.contains("| ✓ Gus Gray (imposed) (elected) |"));
    assert!(!md.contains("```text\n```"), "no empty chart");
    let doc: ShowDoc = serde_json::from_str(&show("othertown-selection", "json")).unwrap();
    assert_eq!(
        doc.contest
            .date_bounds
            .unwrap()
            .earliest
            .unwrap()
            .to_string(),
        "2019-11-01"
    );
}

#[test]
fn list_and_stats_filter_by_stage_reached_and_candidate_status() {
    let file = selection_fixture();
    let ids = |flags: &[&str]| {
        let mut args = vec!["list", "--format", "json", "--data", file.to_str().unwrap()];
        args.extend(flags);
        listed_ids(&stdout(&args))
    };
    assert_eq!(ids(&["--stage", "ballot"]), ["anytown-selection"]);
    assert_eq!(ids(&["--stage", "longlist"]).len(), 2);
    assert_eq!(
        ids(&["--stage", "ballot", "--stage", "nominations"]),
        ["anytown-selection"],
        "any of the stages"
    );
    assert_eq!(
        ids(&["--candidate-status", "imposed"]),
        ["othertown-selection"]
    );
    assert_eq!(
        ids(&["--candidate-status", "withdrawn", "--stage", "longlist"]),
        ["anytown-selection"]
    );
    assert!(ids(&["--stage", "hustings"]).is_empty());
    let doc: serde_json::Value = serde_json::from_str(&stdout(&[
        "list",
        "--format",
        "json",
        "--data",
        file.to_str().unwrap(),
        "--stage",
        "shortlist",
        "--candidate-status",
        "not-shortlisted",
    ]))
    .unwrap();
    assert_eq!(doc["query"]["stages"], serde_json::json!(["shortlist"]));
    assert_eq!(
        doc["query"]["candidate_statuses"],
        serde_json::json!(["not-shortlisted"])
    );
    let stats = stdout(&[
        "stats",
        "--data",
        file.to_str().unwrap(),
        "--candidate-status",
        "imposed",
    ]);
    assert!(
        stats.starts_with("1 contest (of 2): 1 decided, 0 pending"),
        "{stats}"
    );
}

#[test]
fn stats_by_endorser_counts_nominations_apart_from_endorsements() {
    let file = selection_fixture();
    let data = file.to_str().unwrap();
    let text = stdout(&["stats", "--by", "endorser", "--data", data]);
    let (endorsed, nominated) = text
        .split_once("Nominations (by the nominators named), counted apart:")
        .unwrap_or_else(|| panic!("{text}"));
    let row = |table: &str, name: &str| -> Vec<String> {
        let line = table
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name}:\n{table}"));
        line[name.len()..]
            .split_whitespace()
            .take(5)
            .map(str::to_string)
            .collect()
    };
    assert!(endorsed.contains("ENDORSER") && nominated.contains("NOMINATOR"));
    // Unite endorsed Ann and nominated her: one of each, counted apart.
    assert_eq!(row(endorsed, "Unite"), ["1", "1", "0", "0", "100%"]);
    assert_eq!(row(endorsed, "GMB"), ["1", "0", "1", "0", "0%"]);
    assert_eq!(row(nominated, "Unite"), ["1", "1", "0", "0", "100%"]);
    assert_eq!(row(nominated, "North ward"), ["1", "1", "0", "0", "100%"]);
    // A count with no nominators named (Bob's three branches) counts no one by name.
    assert!(!nominated.contains("Bob"));
    let json: serde_json::Value = serde_json::from_str(&stdout(&[
        "stats", "--by", "endorser", "--data", data, "--format", "json",
    ]))
    .unwrap();
    let backing: Vec<(String, String)> = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["endorser"].as_str().unwrap().to_string(),
                r["backing"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(backing.contains(&("Unite".into(), "endorsement".into())));
    assert!(backing.contains(&("Unite".into(), "nomination".into())));
    assert!(backing.contains(&("South ward".into(), "nomination".into())));
    let csv = stdout(&[
        "stats", "--by", "endorser", "--data", data, "--format", "csv",
    ]);
    assert!(csv.starts_with("endorser,endorsed,won,lost,pending,win_rate,backing\n"));
    assert!(csv.contains("\nUnite,1,1,0,0,1.00,nomination\n"), "{csv}");
    let md = stdout(&[
        "stats", "--by", "endorser", "--data", data, "--format", "markdown",
    ]);
    assert!(md.contains("| Nominator | Nominated | Won | Lost | Pending | Win rate |"));
    // --endorser finds the contests of the candidates a name nominated, too.
    let ids = listed_ids(&stdout(&[
        "list",
        "--format",
        "json",
        "--data",
        data,
        "--endorser",
        "north ward",
    ]));
    assert_eq!(ids, ["anytown-selection"]);
}

#[test]
fn the_shipped_selections_show_what_the_articles_say() {
    let bury = stdout(&["show", "bury-south-selection-2019"]);
    assert!(bury.contains("Shortlist (3): Lucy Burke, Fatima Mahmood, Gillian Oliver"));
    assert!(bury.contains("Stages           shortlist 3 → hustings 3 (24 Oct 2019)"));
    // "A turnout of 160 members": a number of voters, said as the source says it.
    assert!(
        bury.contains("Turnout          160 voted, as stated (no electorate given"),
        "{bury}"
    );
    let md = stdout(&["show", "bury-south-selection-2019", "-f", "markdown"]);
    assert!(md.contains("- **Shortlist (3):** Lucy Burke, Fatima Mahmood, Gillian Oliver"));

    let stockport = words(&stdout(&["show", "stockport-selection-2019"]));
    assert!(stockport.contains(
        "Shortlist (4, list inferred †): Navendu Mishra, Julie Reid, Mike Cain, Fiona Dent"
    ));
    assert!(stockport.contains("A local councillor endorsed by the Jewish Labour Movement, not named, did not make the shortlist."));
    assert!(stockport.contains("Branches: no threshold stated"));
    assert!(stockport.contains("Navendu Mishra: 5 nominations"));

    // The article's two conditions, both needed: one more union *and* another affiliate.
    let leadership = stdout(&["show", "labour-leadership-2020"]);
    assert!(
        leadership.contains("\nNominations received\n"),
        "{leadership}"
    );
    assert!(leadership.contains("Unions: counted toward the rule below"));
    assert!(
        words(&leadership)
            .contains("To go forward: at least 2 unions † and at least 1 affiliate †")
    );
    assert!(words(&leadership).contains("Lisa Nandy: needs 1 more union and 1 more affiliate"));
    assert!(
        words(&leadership)
            .contains("Keir Starmer: not known (1+ of 2 unions and affiliates not reported)")
    );
    assert!(
        !leadership.contains('✓'),
        "nobody is known to be over the threshold"
    );
    let md = stdout(&["show", "labour-leadership-2020", "-f", "markdown"]);
    assert!(md.contains("### Nominations received"), "{md}");
    assert!(md.contains("**To go forward: at least 2 unions † and at least 1 affiliate †.**"));
    assert!(md.contains("- Lisa Nandy: needs 1 more union and 1 more affiliate"));
    let doc: ShowDoc =
        serde_json::from_str(&stdout(&["show", "labour-leadership-2020", "-f", "json"])).unwrap();
    assert_eq!(doc.contest.nomination_routes[0].conditions[0].at_least, 2);
    let nandy = &doc.derived.nomination_routes[1];
    assert_eq!(
        (nandy.candidate.as_str(), nandy.qualified),
        ("Lisa Nandy", Some(false))
    );
    // A second union alone would not tick her: the affiliate is still missing.
    let mut data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(crate::support::data::seed_file()).unwrap())
            .unwrap();
    let contest = leadership_in(&mut data);
    contest["nominations"][0]["counts"][1]["count"] = 2.into();
    contest["nominations"][0]["counts"][1]["from"] = serde_json::json!([]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("second-union.json");
    std::fs::write(&file, data.to_string()).unwrap();
    let second = words(&stdout(&[
        "show",
        "labour-leadership-2020",
        "--data",
        file.to_str().unwrap(),
    ]));
    assert!(
        second.contains("Lisa Nandy: needs 1 more affiliate"),
        "{second}"
    );
    assert!(!second.contains('✓'), "{second}");
    // Lisa Nandy's non-union affiliates: one.
    leadership_in(&mut data)["nominations"][1]["counts"][0]["count"] = 1.into();
    std::fs::write(&file, data.to_string()).unwrap();
    let both = words(&stdout(&[
        "show",
        "labour-leadership-2020",
        "--data",
        file.to_str().unwrap(),
    ]));
    assert!(both.contains("✓ Lisa Nandy: qualified"), "{both}");

    let luton = stdout(&["show", "luton-south-selection-2019"]);
    assert!(
        luton.contains("luton-south-selection-2019 · selection · Labour · East of England † ·")
    );
    assert!(luton.contains("Region           East of England † inferred"));
    assert!(words(&luton).contains(
        "† region: The articles do not place Luton South; it is in the East of England."
    ));
    let md = stdout(&["show", "luton-south-selection-2019", "-f", "markdown"]);
    assert!(md.contains("- **Region:** East of England † inferred"));
    let doc: ShowDoc = serde_json::from_str(&stdout(&[
        "show",
        "luton-south-selection-2019",
        "-f",
        "json",
    ]))
    .unwrap();
    assert_eq!(doc.contest.region.as_deref(), Some("east-of-england"));
    assert_eq!(doc.contest.inferred.len(), 1);
    assert_eq!(doc.contest.inferred[0].field, "region");
    assert!(
        doc.contest.inferred[0]
            .basis
            .contains("do not place Luton South")
    );
}

#[test]
fn facts_once_kept_in_prose_are_found_by_the_filters() {
    let ids = |args: &[&str]| {
        let mut all = vec!["list", "--format", "json"];
        all.extend(args);
        listed_ids(&stdout(&all))
    };
    // Stockport's councillor who was not shortlisted: described, not named, never a namesake.
    assert_eq!(
        ids(&["--candidate-status", "not-shortlisted"]),
        ["stockport-selection-2019"]
    );
    let stockport = words(&stdout(&["show", "stockport-selection-2019"]));
    assert!(stockport.contains("(not named) not shortlisted · not on a ballot"));
    assert!(stockport.contains("Endorsed by Jewish Labour Movement"));
    // JSON keeps the data as it is (no name) and derives what to call them.
    let json = stdout(&["show", "stockport-selection-2019", "--format", "json"]);
    let doc: ShowDoc = serde_json::from_str(&json).unwrap();
    let unnamed = doc
        .contest
        .candidates
        .iter()
        .position(|c| c.name.is_empty());
    let derived = &doc.derived.candidates[unnamed.unwrap()];
    assert_eq!(derived.name, "(not named)");
    // Mishra's nine unions, two of them named, are a nominations count.
    assert!(stockport.contains("Navendu Mishra: 9 nominations, from Unite, Unison"));
    assert_eq!(ids(&["--stage", "hustings"]), ["bury-south-selection-2019"]);
    let ballots = ids(&["--stage", "ballot"]);
    assert!(
        ballots.contains(&"birkenhead-selection-2019".to_string()),
        "{ballots:?}"
    );
}

#[test]
fn a_candidate_without_a_name_needs_a_description_or_a_party() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("unnamed.json");
    let contest = |candidate: &str| {
        format!(
            r#"{{"schema_version": 1, "contests": [{{"id": "x", "kind": "selection", "title": "X",
               "status": "decided", "sources": [{{"outlet": "O"}}],
               "candidates": [{{"name": "Ann", "votes": 3, "elected": true}}, {candidate}, {candidate}]}}]}}"#
        )
    };
    std::fs::write(
        &file,
        contest(r#"{"status": "not-shortlisted", "description": "a councillor"}"#),
    )
    .unwrap();
    let out = hustings(&["validate"]).arg(&file).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).to_string();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        !text(&out.stdout).contains("namesake"),
        "{}",
        text(&out.stdout)
    );
    std::fs::write(&file, contest(r#"{"status": "not-shortlisted"}"#)).unwrap();
    let out = hustings(&["validate"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .contains("candidates[1].name: must not be empty (a row without a name needs a party"),
        "{}",
        text(&out.stderr)
    );
}

/// The 2020 leadership race in the dataset `data`.
fn leadership_in(data: &mut serde_json::Value) -> &mut serde_json::Value {
    data["contests"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["id"] == "labour-leadership-2020")
        .unwrap()
}

#[test]
fn a_route_needs_conditions_each_of_more_than_zero() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("routes.json");
    let text = |b: &[u8]| String::from_utf8_lossy(b).to_string();
    for (routes, message) in [
        (
            r#"[{"route": "affiliates", "conditions": [{"bodies": ["union"], "at_least": 0}]}]"#,
            "contests[0].nomination_routes[0].conditions[0].at_least: at_least 0 is not positive",
        ),
        (
            r#"[{"route": "affiliates", "conditions": []}]"#,
            "contests[0].nomination_routes[0].conditions: a route needs at least one condition",
        ),
        (
            r#"[{"route": "affiliates", "conditions": [{"bodies": [], "at_least": 2}]}]"#,
            "contests[0].nomination_routes[0].conditions[0].bodies: a condition counts",
        ),
    ] {
        std::fs::write(
            &file,
            format!(
                r#"{{"schema_version": 1, "contests": [{{"id": "x", "kind": "leadership", "title": "X",
                   "status": "pending", "sources": [{{"outlet": "O"}}],
                   "candidates": [{{"name": "Ann"}}], "nomination_routes": {routes}}}]}}"#
            ),
        )
        .unwrap();
        let out = hustings(&["validate"]).arg(&file).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{routes}");
        assert!(text(&out.stderr).contains(message), "{}", text(&out.stderr));
    }
}
