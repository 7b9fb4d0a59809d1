//! The command line as a journalist types it (issue 17): searches that ignore accents and
//! case, factions by the short label the output prints, "no region" / "no faction", mistakes
//! that are errors with a hint (exit 2), and text piped to a file printed whole.

use std::path::PathBuf;

use crate::support::cli::{hustings, listed_ids, stdout};
use crate::support::data;
use predicates::prelude::*;

fn accents() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/accents.json")
        .display()
        .to_string()
}

fn ids(args: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    listed_ids(&stdout(&all))
}

#[test]
fn search_ignores_accents_and_case_typed_either_way() {
    let file = accents();
    for search in ["sian", "SIAN", "Siân", "siân gwenllian"] {
        let found = ids(&["list", "--data", &file, "--search", search]);
        assert!(
            found.contains(&"ceredigion-selection".to_string()),
            "{search}: {found:?}"
        );
    }
    // Both spellings are found by either.
    assert_eq!(
        ids(&[
            "list", "--data", &file, "--search", "sian", "--sort", "title"
        ]),
        ["ceredigion-selection", "paris-selection"]
    );
    assert_eq!(
        ids(&["list", "--data", &file, "--search", "zoe dupre"]),
        ["paris-selection"]
    );
}

#[test]
fn orfhlaith_finds_orfhlaith_begley_in_the_ge2019_import() {
    let ge2019 = data::ge2019();
    let ge2019 = ge2019.to_str().unwrap();
    let found = ids(&["list", "--data", ge2019, "--search", "orfhlaith"]);
    assert_eq!(found.len(), 1, "{found:?}");
    let shown = stdout(&["show", &found[0], "--data", ge2019]);
    assert!(shown.starts_with("West Tyrone"), "{shown}");
    assert!(shown.contains("Órfhlaith Begley"), "{shown}");
}

#[test]
fn factions_by_the_short_label_the_output_prints() {
    // The seed's factions have an `abbr`: the FACTION column prints it.
    assert_eq!(
        ids(&["list", "--faction", "LL", "--status", "decided"]),
        ids(&["list", "--faction", "labour-left", "--status", "decided"])
    );
    assert_eq!(
        ids(&["list", "--faction", "sl"]),
        ["bury-south-selection-2019"]
    );
    // Without one, the initials it is printed by.
    assert_eq!(
        ids(&["list", "--data", &accents(), "--faction", "GP"]),
        ["paris-selection"]
    );
    // Regions ignore accents as names do.
    assert_eq!(
        ids(&["list", "--data", &accents(), "--region", "ile-de-france"]),
        ["paris-selection"]
    );
    assert_eq!(
        ids(&["list", "--data", &accents(), "--region", "ILE-DE-FRANCE"]),
        ["paris-selection"]
    );
}

#[test]
fn con_ll_and_sf_on_the_ge2019_import() {
    let ge2019 = data::ge2019();
    let ge2019 = ge2019.to_str().unwrap();
    let text = stdout(&["list", "--data", ge2019, "--faction", "Con"]);
    assert!(text.contains("365 contests (of 650)"), "{text}");
    let text = stdout(&["list", "--data", ge2019, "--faction", "SF"]);
    assert!(text.contains("7 contests (of 650)"), "{text}");
    let text = stdout(&["list", "--data", ge2019, "--faction", "lab"]);
    assert!(text.contains("202 contests (of 650)"), "{text}");
}

#[test]
fn no_region_and_no_faction_are_filters_too() {
    assert_eq!(
        ids(&["list", "--region", "no region"]),
        ["labour-leadership-2020"]
    );
    // Hazel Grove 2017 was won by a candidate with no faction in the seed.
    let none = ids(&["list", "--faction", "no faction"]);
    assert!(
        none.contains(&"hazel-grove-ge-2017".to_string()),
        "{none:?}"
    );
    let json = stdout(&["list", "--region", "no region", "--format", "json"]);
    assert!(json.contains("\"no_region\": true"), "{json}");
}

#[test]
fn backwards_dates_are_an_error_with_the_fix() {
    hustings(&["list", "--since", "2020", "--until", "2019"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "--since 2020 is after --until 2019, so no contest could match; swap them (--since 2019 --until 2020)",
        ));
    // The same for stats and the explorer's flags.
    hustings(&["stats", "--since", "2020", "--until", "2019"])
        .assert()
        .code(2);
    hustings(&["--since", "2020-03", "--until", "2020-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is after --until"));
}

#[test]
fn an_unknown_endorser_is_an_error_naming_the_closest() {
    hustings(&["list", "--endorser", "Unitee"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "unknown endorser \"Unitee\"; did you mean \"Unite\"?",
        ));
    hustings(&["list", "--endorser", "zzzz"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("hustings stats --by endorser"));
    // Case and accents are forgiven, as the filter forgives them.
    assert_eq!(ids(&["list", "--endorser", "UNITE"]).len(), 3);
    assert_eq!(
        ids(&[
            "list",
            "--data",
            &accents(),
            "--endorser",
            "amis de la terre"
        ]),
        ["paris-selection"]
    );
}

#[test]
fn a_dataset_file_without_data_gets_a_tip() {
    let file = accents();
    hustings(&["list", &file])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unexpected argument"))
        .stderr(predicate::str::contains(format!(
            "tip: a dataset file is given with --data: 'hustings list --data {file}'"
        )));
    // A name that is no file and no .json gets clap's usual error alone.
    hustings(&["list", "stockport"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--data").not());
}

#[test]
fn an_id_from_another_file_suggests_data() {
    for args in [
        vec!["show", "ge2019-e14000559"],
        vec!["history", "ge2019-e14000559"],
        vec!["compare", "stockport-selection-2019", "ge2019-e14000559"],
    ] {
        hustings(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "unknown contest \"ge2019-e14000559\"",
            ))
            .stderr(predicate::str::contains("looked in (built-in dataset)"))
            .stderr(predicate::str::contains(format!(
                "a contest in another file needs --data FILE: hustings {} --data FILE",
                args.join(" ")
            )));
    }
}

#[test]
fn a_file_where_the_id_goes_says_to_load_it_with_data() {
    let file = accents();
    hustings(&["show", &file])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "\"{file}\" is a file, not a contest id: load it with --data {file}"
        )));
}

#[test]
fn piped_text_is_printed_whole() {
    let whole = |args: &[&str]| -> String {
        let out = hustings(args)
            .env_remove("COLUMNS")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let stats = whole(&["stats", "--by", "region"]);
    let north_west = stats
        .lines()
        .find(|l| l.starts_with("North West"))
        .expect("a North West row");
    assert!(
        north_west.contains("LL 3, SL 1, LR 1, no faction 1"),
        "{north_west}"
    );
    assert!(!stats.contains('…'), "{stats}");
    let compare = whole(&["compare", "stockport-selection-2019", "stockport-ge-2017"]);
    assert!(
        compare.contains("Stockport, 2017 general election"),
        "{compare}"
    );
    assert!(!compare.contains('…'), "{compare}");
    let list = whole(&["list"]);
    assert!(list.lines().next().unwrap().contains("CONTEST"), "{list}");
    assert!(list.contains("Penistone and Stocksbridge Labour selection"));
    assert!(!list.contains('…'), "{list}");
    // With COLUMNS set, it is honoured, and the seat name is kept all the same.
    let narrow = hustings(&["list"])
        .env("COLUMNS", "80")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let narrow = String::from_utf8(narrow).unwrap();
    assert!(narrow.lines().all(|l| l.chars().count() <= 80), "{narrow}");
    assert!(
        narrow.lines().next().unwrap().contains("CONTEST"),
        "{narrow}"
    );
}

#[test]
fn history_help_offers_no_sort_it_would_ignore() {
    let help = stdout(&["history", "--help"]);
    assert!(!help.contains("--sort"), "{help}");
    assert!(!help.contains("--reverse"), "{help}");
    assert!(help.contains("--region"), "{help}");
    hustings(&["history", "stockport-selection-2019", "--sort", "title"])
        .assert()
        .code(2);
    // list still sorts.
    assert!(stdout(&["list", "--help"]).contains("--sort"));
}
