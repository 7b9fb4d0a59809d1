//! The conformance corpus (tests/corpus): real results files that counting, reporting and
//! election-night software published, each beside a manifest of what it says, written without
//! hustings (from the file's own summary fields, or a separate small reader). Every file opens
//! as its manifest says: the number of contests, each checked contest's winners in the order
//! elected, the winner's final count and the ballots where the file states them. A file that
//! hustings does not read is listed as refused on purpose, and must be refused in one line
//! that names the file.

use std::path::{Path, PathBuf};

use hustings::load::{self, DataSource};
use hustings::model::{Contest, Dataset};
use hustings::query::{Index, Query, fold};

use serde_json::Value;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Every manifest under `dir`, sorted.
fn manifests(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            manifests(&path, out);
        } else if path.to_string_lossy().ends_with(".expected.json") {
            out.push(path);
        }
    }
    out.sort();
}

/// Text compared as a reader would: case, accents, punctuation and spacing aside.
fn plain(text: &str) -> String {
    fold(text)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the words of `part` occur, in order and whole, in `whole`. No words (a manifest's
/// `"contest": ""` for a file that is one contest, named only by the file) are in everything.
fn mentions(whole: &str, part: &str) -> bool {
    let (whole, part) = (plain(whole), plain(part));
    if part.is_empty() {
        return true;
    }
    format!(" {whole} ").contains(&format!(" {part} "))
}

/// The contests a check names: its title (and district, and party, when given) in the
/// contest's title, constituency or party.
fn named<'d>(ds: &'d Dataset, check: &Value) -> Vec<&'d Contest> {
    let text = |key: &str| check.get(key).and_then(Value::as_str);
    let name = text("contest").expect("a check names its contest");
    ds.contests
        .iter()
        .filter(|c| {
            let about = format!(
                "{} {} {}",
                c.title,
                c.constituency.as_deref().unwrap_or(""),
                c.party.as_deref().unwrap_or("")
            );
            mentions(&about, name)
                && text("district").is_none_or(|d| mentions(&about, d))
                && text("party").is_none_or(|p| mentions(&about, p))
        })
        .collect()
}

/// The elected, in the order elected: by the round that elected each (a count), else as
/// listed (and compared in no order: a single count elects all its winners at once).
fn elected_in_order(c: &Contest) -> Vec<String> {
    let mut elected: Vec<(usize, usize, &str)> = c
        .candidates
        .iter()
        .enumerate()
        .filter(|(_, cand)| cand.elected)
        .map(|(i, cand)| {
            let round = c
                .rounds
                .iter()
                .position(|r| r.elected.contains(&cand.name))
                .unwrap_or(usize::MAX);
            (round, i, cand.name.as_str())
        })
        .collect();
    elected.sort_unstable();
    elected.into_iter().map(|(_, _, n)| n.to_string()).collect()
}

/// The winner's final count: the last round's tally in a count, else the candidate's votes.
fn final_count(c: &Contest, winner: &str) -> Option<f64> {
    let last = c.rounds.iter().rev().find_map(|r| {
        r.counts
            .iter()
            .find(|k| k.candidate == winner)
            .map(|k| k.votes.value())
    });
    last.or_else(|| {
        c.candidates
            .iter()
            .find(|k| k.name == winner)
            .and_then(|k| k.votes)
            .map(|v| v as f64)
    })
}

/// What is wrong with `contest` against `check`, if anything.
fn disagreement(contest: &Contest, check: &Value) -> Option<String> {
    let names = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| a.iter().filter_map(Value::as_str).map(plain).collect())
            .unwrap_or_default()
    };
    if let Some(expected) = check.get("winners") {
        // A manifest names a write-in with no candidate `(write-in ID)`; hustings `Write-in`.
        let mut got: Vec<String> = elected_in_order(contest).iter().map(|n| plain(n)).collect();
        let mut expected: Vec<String> = names(expected)
            .into_iter()
            .map(|n| {
                if n.starts_with("write in ") {
                    "write in".into()
                } else {
                    n
                }
            })
            .collect();
        // A single count elects its winners at once: no order to compare.
        if contest.rounds.is_empty() {
            got.sort();
            expected.sort();
        }
        if got != expected {
            return Some(format!("winners {got:?}, expected {expected:?}"));
        }
    }
    // The winner: the first elected in a count; the one with most votes in a single count.
    let mut elected = elected_in_order(contest);
    if contest.rounds.is_empty() {
        elected.sort_by(|a, b| {
            let votes = |n: &String| final_count(contest, n).unwrap_or(0.0);
            votes(b).total_cmp(&votes(a))
        });
    }
    if let (Some(votes), Some(first)) = (
        check.get("winner_votes").and_then(Value::as_str),
        elected.first(),
    ) {
        let expected: f64 = votes.parse().expect("winner_votes is a number");
        match final_count(contest, first) {
            Some(got) if (got - expected).abs() < 1e-6 => {}
            got => return Some(format!("{first} has {got:?}, expected {votes}")),
        }
    }
    if let Some(ballots) = check.get("ballots").and_then(Value::as_u64) {
        let b = contest.ballots.as_ref();
        let stated = [b.and_then(|b| b.cast), b.and_then(|b| b.valid)];
        if !stated.contains(&Some(ballots)) {
            return Some(format!("ballots {stated:?}, expected {ballots}"));
        }
    }
    None
}

/// Everything in the file at `manifest` that hustings gets wrong, or nothing.
fn conformance(manifest: &Path) -> Vec<String> {
    let expected: Value = serde_json::from_slice(&std::fs::read(manifest).unwrap()).unwrap();
    let file = PathBuf::from(
        manifest
            .to_string_lossy()
            .trim_end_matches(".expected.json"),
    );
    let loaded = load::load(&[DataSource::File(file.clone())]);
    if let Some(why) = expected.get("refuse").and_then(Value::as_str) {
        return match loaded {
            Ok(_) => vec![format!("opened, but should be refused: {why}")],
            Err(e) => {
                let said = e.to_string();
                let name = file.file_name().unwrap().to_string_lossy().into_owned();
                if said.contains('\n') || !said.contains(&name) {
                    vec![format!(
                        "refused, but not in one line naming the file: {said}"
                    )]
                } else {
                    Vec::new()
                }
            }
        };
    }
    let loaded = match loaded {
        Ok(l) => l,
        Err(e) => return vec![format!("refused: {e}")],
    };
    let ds = &loaded.dataset;
    let mut wrong = Vec::new();
    let left_out = |kind: &str| expected["contest_types"][kind].as_u64().unwrap_or(0) as usize;
    let questions = left_out("BallotMeasureContest") + left_out("RetentionContest");
    if questions > 0
        && !loaded
            .notes
            .iter()
            .any(|n| n.contains(&format!("left out {questions} ballot-measure")))
    {
        wrong.push(format!(
            "the notes do not say {questions} questions were left out"
        ));
    }
    let contests = expected["contests"].as_u64().unwrap() as usize - questions;
    // Counted as the front ends count: each contest several sources give is one row.
    let counted = Index::of(&loaded).run(&Query::default()).len();
    if counted != contests {
        wrong.push(format!("{counted} contests counted, expected {contests}"));
    }
    let is_question = |check: &Value| {
        matches!(
            check["type"].as_str(),
            Some("BallotMeasureContest" | "RetentionContest")
        )
    };
    for check in expected["checks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| !is_question(c))
    {
        let candidates = named(ds, check);
        let what = check["contest"].as_str().unwrap_or_default();
        if candidates.is_empty() {
            wrong.push(format!("no contest named {check}"));
            continue;
        }
        // Same-named contests (a party's primary in two districts): one of them is it.
        let found: Vec<String> = candidates
            .iter()
            .filter_map(|c| disagreement(c, check).map(|d| format!("{}: {d}", c.id)))
            .collect();
        if found.len() == candidates.len() {
            wrong.push(format!("{what}: {}", found.join("; ")));
        }
    }
    wrong
}

/// The files listed as still read wrong (`path  why`, `#` comments).
fn known_failures() -> Vec<String> {
    std::fs::read_to_string(corpus().join("known-failures.txt"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_corpus_file_reads_as_its_manifest_says() {
    let mut all = Vec::new();
    manifests(&corpus(), &mut all);
    assert!(all.len() >= 60, "the corpus has {} files", all.len());
    let known = known_failures();
    let mut failures: Vec<String> = Vec::new();
    for m in &all {
        let wrong = conformance(m);
        let name = m.strip_prefix(corpus()).unwrap().display().to_string();
        let name = name.trim_end_matches(".expected.json").to_string();
        match (wrong.is_empty(), known.contains(&name)) {
            (false, false) => failures.push(format!("{name}:\n    {}", wrong.join("\n    "))),
            (true, true) => failures.push(format!(
                "{name}: reads right now: take it off known-failures.txt"
            )),
            _ => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus files disagree with their manifests:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}
