//! Round-by-round results as counting software writes them: the RCTab detailed report (and its
//! older `*_summary.json`) and the Universal Tabulator format that rcvis reads. Both are
//! `{"config": {...}, "results": [{"round", "tally", "tallyResults"}]}`; RCTab adds
//! `jsonFormatVersion`, per-round `threshold` and `inactiveBallots`, other tools omit parts of
//! `config`. Read leniently — what is not understood is named in the notes, never guessed.
//!
//! Mapping (docs/FORMATS.md says the same):
//! - one contest; title from `config.contest`, else office and jurisdiction, else the file
//!   name; date from `config.date`; a contest named as a primary is a selection, with its
//!   party when the name says Democratic or Republican;
//! - candidates: every name in a tally that is not a pseudo-row; `votes` the first round's
//!   tally; `elected` from `tallyResults[].elected`; names like `Write-in` are write-ins;
//! - rounds: the tallies (digits kept), the threshold, elected and eliminated (several at once
//!   in a batch elimination), transfers to candidates;
//! - pseudo-rows — `exhausted`, `residual surplus`, `Inactive Ballots`, RCTab's
//!   `inactiveBallots` (overvotes, undervotes, skipped and repeated rankings) — become the
//!   round's inactive ballots by reason, as running totals;
//! - seats: the number of candidates elected, when more than one.

use serde_json::Value;

use crate::import::{ImportError, Read};
use crate::model::date::PartialDate;
use crate::model::json_path::{self, JsonPath};
use crate::model::tally::Tally;
use crate::model::{
    Candidate, Contest, ContestKind, Dataset, Inactive, Round, RoundCount, SCHEMA_VERSION, Source,
    Status, Transfer,
};

/// Whether `doc` looks like a count file: an object with `config` and `results`.
pub fn recognise(doc: &Value) -> bool {
    doc.get("results").is_some_and(Value::is_array)
        && doc.get("config").is_some_and(Value::is_object)
}

/// A tally row or transfer target that is not a candidate, and the reason it stands for.
fn pseudo_row(name: &str) -> Option<&'static str> {
    match name.trim().to_ascii_lowercase().as_str() {
        "exhausted" | "exhausted choices" | "exhaustedchoices" => Some("exhausted"),
        "residual surplus" | "residualsurplus" => Some("residual surplus"),
        "inactive ballots" | "inactive" => Some("inactive ballots"),
        "overvotes" | "overvote" => Some("overvotes"),
        "undervotes" | "undervote" => Some("undervotes"),
        "skipped rankings" | "skippedrankings" => Some("skipped rankings"),
        "repeated rankings" | "repeatedrankings" => Some("repeated rankings"),
        "final round surplus" | "finalroundsurplus" => Some("final round surplus"),
        _ => None,
    }
}

fn is_write_in(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.contains("write-in") || n.contains("write in") || n.contains("writein")
}

/// Reads a count file; `doc` is its parsed JSON, `bytes` the text (for line:column).
pub fn read(file: &str, bytes: &[u8], doc: &Value) -> Result<Read, ImportError> {
    let at = |path: &JsonPath, message: String| {
        let (line, column) = json_path::locate(bytes, path);
        ImportError::At {
            file: file.to_string(),
            line,
            column,
            path: path.to_string(),
            message,
        }
    };
    let root = JsonPath::root();
    let mut notes: Vec<String> = Vec::new();
    let Value::Object(top) = doc else {
        return Err(at(
            &root,
            "expected a JSON object with config and results".into(),
        ));
    };
    for key in top.keys() {
        if !["config", "results", "jsonFormatVersion"].contains(&key.as_str()) {
            notes.push(format!("ignored `{key}`"));
        }
    }
    let config = top
        .get("config")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let text = |key: &str| {
        config
            .get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    for key in config.keys() {
        if ![
            "contest",
            "date",
            "jurisdiction",
            "office",
            "generatedBy",
            "threshold",
        ]
        .contains(&key.as_str())
        {
            notes.push(format!("ignored `config.{key}`"));
        }
    }
    let stem = std::path::Path::new(file)
        .file_stem()
        .map_or_else(|| file.to_string(), |s| s.to_string_lossy().into_owned());
    let title = text("contest")
        .or_else(|| match (text("office"), text("jurisdiction")) {
            (Some(o), Some(j)) => Some(format!("{j} {o}")),
            (o, j) => o.or(j),
        })
        .unwrap_or_else(|| stem.clone());
    let date = match text("date") {
        Some(d) => Some(
            PartialDate::parse(&d)
                .map_err(|e| at(&root.clone().key("config").key("date"), e.to_string()))?,
        ),
        None => None,
    };
    let count_at = |v: &Value, path: &JsonPath| -> Result<Tally, ImportError> {
        match v {
            Value::Number(n) => match (n.as_u64(), n.as_f64()) {
                (Some(u), _) => Tally::parse(&u.to_string()),
                (None, Some(f)) => Tally::from_f64(f),
                _ => Err(format!("{n} is not a count")),
            },
            Value::String(s) => Tally::parse(s.trim()),
            other => Err(format!(
                "expected a count (a number or digits in a string), found {}",
                kind(other)
            )),
        }
        .map_err(|m| at(path, m))
    };
    let default_threshold = match config.get("threshold") {
        Some(v) => Some(count_at(v, &root.clone().key("config").key("threshold"))?),
        None => None,
    };
    let results_path = root.clone().key("results");
    let Some(results) = top.get("results").and_then(Value::as_array) else {
        return Err(at(&results_path, "expected a list of rounds".into()));
    };
    if results.is_empty() {
        return Err(at(&results_path, "the count has no rounds".into()));
    }

    let mut names: Vec<String> = Vec::new();
    let mut first_tallies: Vec<(String, Tally)> = Vec::new();
    let mut elected_all: Vec<String> = Vec::new();
    let mut rounds: Vec<Round> = Vec::new();
    // Running inactive totals built from transfers, for files that give no `inactiveBallots`.
    let mut running: Vec<Inactive> = Vec::new();
    for (r, round) in results.iter().enumerate() {
        let rpath = results_path.clone().index(r);
        let Value::Object(round) = round else {
            return Err(at(
                &rpath,
                format!("expected a round (an object), found {}", kind(round)),
            ));
        };
        for key in round.keys() {
            if ![
                "round",
                "tally",
                "tallyResults",
                "threshold",
                "inactiveBallots",
            ]
            .contains(&key.as_str())
            {
                notes.push(format!("ignored `results[{r}].{key}`"));
            }
        }
        if let Some(n) = round.get("round")
            && n.as_u64() != Some(r as u64 + 1)
        {
            return Err(at(
                &rpath.clone().key("round"),
                format!("round {n} out of order (expected {})", r + 1),
            ));
        }
        let tpath = rpath.clone().key("tally");
        let tally = match round.get("tally") {
            Some(Value::Object(t)) => t,
            Some(other) => {
                return Err(at(
                    &tpath,
                    format!(
                        "expected the round's tally (an object), found {}",
                        kind(other)
                    ),
                ));
            }
            None => return Err(at(&rpath, "a round needs a tally".into())),
        };
        let mut counts = Vec::new();
        // Ballots set aside at the end of earlier rounds are inactive from this round's tally
        // on; a file that states them (a tally row, `inactiveBallots`) is taken at its word.
        let mut inactive: Vec<Inactive> = running.clone();
        for (name, v) in tally {
            let votes = count_at(v, &tpath.clone().key(name))?;
            match pseudo_row(name) {
                Some(reason) => set(&mut inactive, reason, votes),
                None => {
                    if !names.contains(name) {
                        names.push(name.clone());
                    }
                    if r == 0 {
                        first_tallies.push((name.clone(), votes.clone()));
                    }
                    counts.push(RoundCount {
                        candidate: name.clone(),
                        votes,
                    });
                }
            }
        }
        if let Some(Value::Object(by)) = round.get("inactiveBallots") {
            inactive.clear();
            for (reason, v) in by {
                let votes = count_at(v, &rpath.clone().key("inactiveBallots").key(reason))?;
                let reason = pseudo_row(reason).unwrap_or(reason.as_str()).to_string();
                set(&mut inactive, &reason, votes);
            }
        }
        let threshold = match round.get("threshold") {
            Some(v) => Some(count_at(v, &rpath.clone().key("threshold"))?),
            None => default_threshold.clone(),
        };
        let mut this = Round {
            counts,
            elected: Vec::new(),
            eliminated: Vec::new(),
            transfers: Vec::new(),
            exhausted: None,
            threshold,
            inactive: Vec::new(),
        };
        let rrpath = rpath.clone().key("tallyResults");
        let results = match round.get("tallyResults") {
            Some(Value::Array(list)) => list.as_slice(),
            Some(other) => {
                return Err(at(
                    &rrpath,
                    format!("expected a list, found {}", kind(other)),
                ));
            }
            None => &[],
        };
        for (k, result) in results.iter().enumerate() {
            let kpath = rrpath.clone().index(k);
            let Value::Object(result) = result else {
                return Err(at(
                    &kpath,
                    format!("expected an object, found {}", kind(result)),
                ));
            };
            let from = match (result.get("elected"), result.get("eliminated")) {
                (Some(Value::String(e)), _) => {
                    this.elected.push(e.clone());
                    if !elected_all.contains(e) {
                        elected_all.push(e.clone());
                    }
                    Some(e.clone())
                }
                (_, Some(Value::String(e))) => {
                    this.eliminated.push(e.clone());
                    Some(e.clone())
                }
                (None, None) => None,
                (Some(v), _) | (_, Some(v)) => {
                    return Err(at(
                        &kpath,
                        format!("expected a candidate's name, found {}", kind(v)),
                    ));
                }
            };
            for key in result.keys() {
                if !["elected", "eliminated", "transfers"].contains(&key.as_str()) {
                    notes.push(format!("ignored `results[{r}].tallyResults[{k}].{key}`"));
                }
            }
            if let Some(transfers) = result.get("transfers") {
                let Value::Object(transfers) = transfers else {
                    return Err(at(
                        &kpath.clone().key("transfers"),
                        format!("expected an object, found {}", kind(transfers)),
                    ));
                };
                for (to, v) in transfers {
                    let votes = count_at(v, &kpath.clone().key("transfers").key(to))?;
                    match (pseudo_row(to), &from) {
                        (Some(reason), _) => add(&mut running, reason, &votes),
                        (None, Some(from)) => this.transfers.push(Transfer {
                            from: from.clone(),
                            to: to.clone(),
                            votes,
                        }),
                        (None, None) => {
                            return Err(at(
                                &kpath,
                                "transfers without an elected or eliminated candidate to come from"
                                    .into(),
                            ));
                        }
                    }
                }
            }
        }
        this.inactive = inactive;
        rounds.push(this);
    }

    let elected = |n: &str| elected_all.iter().any(|e| e == n);
    let candidates: Vec<Candidate> = names
        .iter()
        .map(|name| {
            let first = first_tallies
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, t)| t);
            Candidate {
                votes: first.and_then(Tally::whole),
                elected: elected(name),
                write_in: is_write_in(name),
                ..Candidate::new(name.clone())
            }
        })
        .collect();
    let seats = elected_all.len();
    let lower = title.to_ascii_lowercase();
    let primary = lower.contains("primary");
    let party = if lower.contains("democratic") || lower.contains(" dem ") {
        Some("Democratic".to_string())
    } else if lower.contains("republican") || lower.contains(" rep ") {
        Some("Republican".to_string())
    } else {
        None
    };
    let software = text("generatedBy");
    let method = match (seats > 1, &software) {
        (true, _) => format!(
            "single transferable vote, {seats} seats, {} rounds",
            rounds.len()
        ),
        (false, _) => format!("ranked-choice voting, {} rounds", rounds.len()),
    };
    let year = date.map(|d| d.year());
    let mut id = slug(&title);
    if let Some(y) = year
        && !id.contains(&y.to_string())
    {
        id = format!("{id}-{y}");
    }
    let mut note = format!("Imported from the count file {stem}");
    if let Some(s) = &software {
        note.push_str(&format!(" written by {s}"));
    }
    note.push('.');
    if seats > 1 {
        note.push_str(&format!(
            " Seats: {seats}, the number of candidates the count elects."
        ));
    }
    let contest = Contest {
        party: if primary { party } else { None },
        date,
        method: Some(method),
        candidates,
        seats: (seats > 1).then_some(seats as u32),
        rounds,
        sources: vec![Source {
            outlet: software.unwrap_or_else(|| "counting software".to_string()),
            title: Some(stem),
            date: None,
            url: None,
            note: Some("round-by-round results file".to_string()),
        }],
        notes: Some(note),
        ..Contest::new(
            id,
            if primary {
                ContestKind::Selection
            } else {
                ContestKind::Other
            },
            title.clone(),
            if elected_all.is_empty() {
                Status::Pending
            } else {
                Status::Decided
            },
        )
    };
    Ok(Read {
        dataset: Dataset {
            schema_version: SCHEMA_VERSION,
            title: Some(title),
            regions: Vec::new(),
            factions: Vec::new(),
            contests: vec![contest],
        },
        format: "count file (RCTab / Universal Tabulator JSON)",
        notes,
    })
}

fn set(list: &mut Vec<Inactive>, reason: &str, ballots: Tally) {
    match list.iter_mut().find(|x| x.reason == reason) {
        Some(x) => x.ballots = ballots,
        None => list.push(Inactive {
            reason: reason.to_string(),
            ballots,
        }),
    }
}

fn add(list: &mut Vec<Inactive>, reason: &str, ballots: &Tally) {
    match list.iter_mut().find(|x| x.reason == reason) {
        Some(x) => {
            let places = x.ballots.decimals().max(ballots.decimals());
            let sum = x.ballots.value() + ballots.value();
            x.ballots =
                Tally::parse(&format!("{sum:.places$}")).unwrap_or_else(|_| ballots.clone());
        }
        None => list.push(Inactive {
            reason: reason.to_string(),
            ballots: ballots.clone(),
        }),
    }
}

/// `Maine 2018 Democratic Governor Primary race` → `maine-2018-democratic-governor-primary-race`.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-').to_string();
    if trimmed.is_empty() {
        "count".to_string()
    } else {
        trimmed
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
