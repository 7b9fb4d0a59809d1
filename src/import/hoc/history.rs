//! `hustings import hoc-history`: the House of Commons Library's party-level results of every
//! UK general election (briefing CBP-8647, as a long TSV: `location`, `date`, `party`,
//! `votes`, where `location` is `ONS id|NAME|county|region|country|electorate`).
//!
//! One general-election contest per seat per election, with ids and constituency ids as the
//! candidate-level import makes them (`ge2017-e14000969`), so the two line up and are
//! recognised as the same contest when both are loaded. Decisions, so nothing is invented:
//! - a row is a party's votes, not a person's: candidates have a party and no name;
//! - `Other` (small parties folded together) is a folded group: it never wins, and a seat
//!   where it polled at least as many as the leading party has no winner marked;
//! - seats before the 2010 (2005 in Scotland) boundaries carry the Library's own numeric code,
//!   not an ONS id: they get no constituency id (they match later seats by name only) and
//!   an id made from the name (`ge2005-stockport`);
//! - names are in capitals in the file: they are written in title case (`Penistone and
//!   Stocksbridge`), `&` as `and`;
//! - party spellings are unified by the built-in UK table (`Conservative Party` →
//!   `Conservative`; `PC/SNP` by country), each unification named in the notes;
//! - electorate from the location field, valid votes as the sum of the rows; nothing else.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::parties::{self, OTHER, PARTIES};
use super::regions::Regions;
use crate::import::common::{base_name, unique};
use crate::import::{ImportError, Read};
use crate::model::date::PartialDate;
use crate::model::strict_numbers::MAX_COUNT;
use crate::model::{
    Ballots, Candidate, Contest, ContestKind, Dataset, SCHEMA_VERSION, Source, Status,
};

/// The header the file starts with.
pub const HEADER: [&str; 4] = ["location", "date", "party", "votes"];

/// The label of the folded group of small parties.
const FOLDED: &str = "Other";

/// Whether `bytes` start with the file's header (tab-separated).
pub fn recognise(bytes: &[u8]) -> bool {
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let first = String::from_utf8_lossy(first);
    first.trim_end_matches('\r').split('\t').eq(HEADER)
}

/// One party's votes in one seat at one election.
struct Row {
    votes: u64,
    party: String,
}

/// A seat at one election, as the location field describes it.
struct Seat {
    code: String,
    name: String,
    region: String,
    country: String,
    electorate: Option<u64>,
    date: PartialDate,
    rows: Vec<Row>,
    line: u64,
}

/// Reads the file at `path`.
pub fn read_path(path: &std::path::Path) -> Result<Read, ImportError> {
    let file = path.display().to_string();
    let bytes = crate::input::read(path).map_err(|e| ImportError::File {
        file: file.clone(),
        message: e.to_string(),
    })?;
    read(&file, &bytes)
}

/// Reads the file's contents; `file` names it in messages and in the sources.
pub fn read(file: &str, bytes: &[u8]) -> Result<Read, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(true)
        .flexible(true)
        .quoting(false)
        .from_reader(bytes);
    let row_error = |line: u64, message: String| ImportError::Row {
        file: file.to_string(),
        line,
        message,
    };
    let header = reader
        .byte_headers()
        .map_err(|e| row_error(1, format!("cannot read the header: {e}")))?
        .clone();
    if !header.iter().eq(HEADER.iter().map(|h| h.as_bytes())) {
        return Err(row_error(
            1,
            format!(
                "the header is not `{}` (the Library's party-level results)",
                HEADER.join("\\t")
            ),
        ));
    }
    let mut seats: Vec<Seat> = Vec::new();
    let mut by_location: HashMap<(Vec<u8>, Vec<u8>), usize> = HashMap::new();
    let mut spellings: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut record = csv::ByteRecord::new();
    let mut rows = 0usize;
    loop {
        let line = reader.position().line();
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(row_error(line, format!("cannot read the row: {e}"))),
        }
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        if record.len() != HEADER.len() {
            return Err(row_error(
                line,
                format!("{} fields, expected {}", record.len(), HEADER.len()),
            ));
        }
        let text = |i: usize| -> Result<&str, ImportError> {
            std::str::from_utf8(&record[i])
                .map_err(|_| row_error(line, format!("column {}: not UTF-8 text", HEADER[i])))
        };
        let (location, date, party, votes) = (text(0)?, text(1)?, text(2)?.trim(), text(3)?);
        let votes: u64 = votes.trim().parse().map_err(|_| {
            row_error(
                line,
                format!(
                    "column votes: {:?} is not a whole number",
                    crate::model::text::one_line(votes)
                ),
            )
        })?;
        if votes > MAX_COUNT {
            return Err(row_error(
                line,
                format!("column votes: {votes} is too large (the limit is {MAX_COUNT})"),
            ));
        }
        if party.is_empty() {
            return Err(row_error(line, "column party: empty".into()));
        }
        rows += 1;
        let key = (record[0].to_vec(), record[1].to_vec());
        let at = if let Some(&at) = by_location.get(&key) {
            at
        } else {
            let seat = parse_location(location, date).map_err(|m| row_error(line, m))?;
            seats.push(Seat { line, ..seat });
            by_location.insert(key, seats.len() - 1);
            seats.len() - 1
        };
        let seat = &mut seats[at];
        let name = canonical_party(party, &seat.country);
        if name != party {
            *spellings
                .entry((party.to_string(), name.clone()))
                .or_default() += 1;
        }
        // The seat's valid votes are the rows' sum: it must stay a count too.
        if seat.rows.iter().map(|r| r.votes).sum::<u64>() + votes > MAX_COUNT {
            return Err(row_error(
                line,
                format!(
                    "column votes: the seat's votes come to more than the limit of {MAX_COUNT}"
                ),
            ));
        }
        if let Some(same) = seat.rows.iter_mut().find(|r| r.party == name) {
            // Two rows of one party in a seat (e.g. two spellings): one party, votes summed.
            same.votes += votes;
        } else {
            seat.rows.push(Row { votes, party: name });
        }
    }
    if seats.is_empty() {
        return Err(ImportError::File {
            file: file.to_string(),
            message: "no result rows after the header".into(),
        });
    }
    Ok(assemble(file, seats, rows, spellings))
}

/// `E14000969|STOCKPORT|Greater Manchester|North West|England|62879` and the date.
fn parse_location(location: &str, date: &str) -> Result<Seat, String> {
    let parts: Vec<&str> = location.split('|').map(str::trim).collect();
    let [code, name, _county, region, country, electorate] = parts[..] else {
        return Err(format!(
            "column location: {} parts, expected 6 (ONS id|NAME|county|region|country|electorate)",
            parts.len()
        ));
    };
    if code.is_empty() || name.is_empty() {
        return Err("column location: the seat's code and name must not be empty".into());
    }
    // Ids are made from these: a name such as `-` would make an empty one.
    for (what, text) in [("seat name", name), ("region", region)] {
        if !text.is_empty() && super::regions::slug(text).is_empty() {
            return Err(format!(
                "column location: {what} {:?} has no letters or digits",
                crate::model::text::one_line(text)
            ));
        }
    }
    let electorate = match electorate {
        "" => None,
        e => Some(
            e.parse::<u64>()
                .ok()
                .filter(|&n| n <= MAX_COUNT)
                .ok_or_else(|| {
                    format!(
                        "column location: electorate {:?} is not a whole number up to {MAX_COUNT}",
                        crate::model::text::one_line(e)
                    )
                })?,
        ),
    };
    let date = PartialDate::parse(date.trim()).map_err(|e| format!("column date: {e}"))?;
    Ok(Seat {
        code: code.to_string(),
        name: title_case(name),
        region: region.to_string(),
        country: country.to_string(),
        electorate,
        date,
        rows: Vec::new(),
        line: 0,
    })
}

/// Whether a seat code is an ONS id (`E14000969`), not the Library's older numeric code.
fn is_ons_id(code: &str) -> bool {
    let mut chars = code.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.as_str().len() >= 6
        && chars.all(|c| c.is_ascii_digit())
}

/// The party as the built-in table names it; `PC/SNP` (one column for both in early years)
/// by the seat's country.
fn canonical_party(party: &str, country: &str) -> String {
    if party.eq_ignore_ascii_case(FOLDED) {
        return FOLDED.to_string();
    }
    if party.eq_ignore_ascii_case("PC/SNP") {
        match country {
            "Wales" => return "Plaid Cymru".into(),
            "Scotland" => return "Scottish National Party".into(),
            _ => return party.to_string(),
        }
    }
    let faction = parties::faction_of(party, party);
    if std::ptr::eq(faction, &raw const OTHER) {
        party.to_string()
    } else if parties::is_labour_co_op(party) {
        parties::LABOUR_CO_OP.name.to_string()
    } else {
        faction.name.to_string()
    }
}

/// `PENISTONE AND STOCKSBRIDGE` → `Penistone and Stocksbridge`; `ASHTON-UNDER-LYNE` →
/// `Ashton-under-Lyne`; `&` → `and`; `ALDRIDGE - BROWNHILLS` → `Aldridge-Brownhills`.
pub fn title_case(name: &str) -> String {
    const SMALL: [&str; 10] = [
        "and", "of", "the", "upon", "on", "under", "in", "by", "super", "le",
    ];
    let name = name.replace(" - ", "-").replace('&', " and ");
    let mut out = String::with_capacity(name.len());
    for (w, word) in name.split_whitespace().enumerate() {
        if w > 0 {
            out.push(' ');
        }
        for (p, piece) in word.split('-').enumerate() {
            if p > 0 {
                out.push('-');
            }
            let lower = piece.to_lowercase();
            let first_word = w == 0 && p == 0;
            if !first_word && SMALL.contains(&lower.trim_end_matches(',')) {
                out.push_str(&lower);
                continue;
            }
            let mut chars = lower.chars();
            if let Some(c) = chars.next() {
                out.extend(c.to_uppercase());
                // `O'Neill`-like names; `Mc` names stay as the file's capitals cannot tell.
                let rest = chars.as_str();
                match rest.split_once('\'') {
                    Some((a, b)) if !b.is_empty() => {
                        out.push_str(a);
                        out.push('\'');
                        let mut b = b.chars();
                        out.extend(b.next().into_iter().flat_map(char::to_uppercase));
                        out.push_str(b.as_str());
                    }
                    _ => out.push_str(rest),
                }
            }
        }
    }
    out
}

fn assemble(
    file: &str,
    mut seats: Vec<Seat>,
    rows: usize,
    spellings: BTreeMap<(String, String), usize>,
) -> Read {
    seats.sort_by(|a, b| (a.date.sort_key(), &a.name).cmp(&(b.date.sort_key(), &b.name)));
    let source_name = base_name(file);
    let mut regions = Regions::default();
    let mut taken = HashSet::new();
    let mut no_winner = Vec::new();
    let mut old_codes = 0usize;
    let mut contests = Vec::with_capacity(seats.len());
    for seat in seats {
        let year = seat.date.year();
        let ons = is_ons_id(&seat.code);
        let id = if ons {
            format!("ge{year}-{}", seat.code.to_lowercase())
        } else {
            old_codes += 1;
            format!("ge{year}-{}", super::regions::slug(&seat.name))
        };
        let id = unique(id, &mut taken);
        let region = (!seat.region.is_empty()).then(|| regions.resolve("", &seat.region, file));
        let mut candidates: Vec<Candidate> = seat
            .rows
            .iter()
            .map(|row| party_row(&row.party, row.votes))
            .collect();
        candidates.sort_by_key(|c| (c.folded, std::cmp::Reverse(c.votes)));
        let folded = candidates
            .iter()
            .filter(|c| c.folded)
            .filter_map(|c| c.votes)
            .max()
            .unwrap_or(0);
        let top = candidates
            .iter()
            .filter(|c| !c.folded)
            .filter_map(|c| c.votes)
            .max();
        let leaders: Vec<usize> = (0..candidates.len())
            .filter(|&i| !candidates[i].folded && top.is_some() && candidates[i].votes == top)
            .collect();
        let mut notes = None;
        match leaders.as_slice() {
            [one] if candidates[*one].votes.unwrap_or(0) > folded => {
                candidates[*one].elected = true;
            }
            _ => {
                no_winner.push(id.clone());
                notes = Some(if leaders.len() > 1 {
                    "Two parties tie for most votes: the file does not say who won, so nobody is marked elected.".to_string()
                } else {
                    format!(
                        "The folded group \"{FOLDED}\" polled at least as many votes as any party named: the winner may be among its parties, so nobody is marked elected."
                    )
                });
            }
        }
        let valid: u64 = seat.rows.iter().map(|r| r.votes).sum();
        contests.push(Contest {
            constituency: Some(seat.name.clone().into()),
            constituency_id: ons.then(|| seat.code.clone()).map(Into::into),
            region: region.map(Into::into),
            date: Some(seat.date),
            method: Some("first past the post".into()),
            ballots: Some(Ballots {
                valid: Some(valid),
                rejected: None,
                eligible: seat.electorate,
                cast: None,
            }),
            candidates,
            sources: vec![Source {
                outlet: "House of Commons Library".into(),
                title: Some(source_name.clone().into()),
                date: None,
                url: Some("https://commonslibrary.parliament.uk/research-briefings/cbp-8647/".into()),
                note: Some(format!(
                    "Party-level results (line {} of the file); small parties folded into \"{FOLDED}\". Contains Parliamentary information licensed under the Open Parliament Licence v3.0.",
                    seat.line
                ).into()),
            }],
            notes: notes.map(Into::into),
            ..Contest::new(id, ContestKind::GeneralElection, format!("{}, {year} general election", seat.name), Status::Decided)
        });
    }
    let dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        title: Some("UK general elections by party (House of Commons Library)".into()),
        regions: regions.catalogue(),
        factions: factions(&contests),
        contests,
    };
    let mut notes = vec![
        format!(
            "{rows} party rows read into {} seat contests; candidates are parties (no names), valid votes are the rows' sum, electorate from the location field",
            dataset.contests.len()
        ),
        format!("\"{FOLDED}\" is a folded group of small parties: it never wins or changes hands"),
    ];
    if old_codes > 0 {
        notes.push(format!(
            "{old_codes} seats carry the Library's older numeric code, not an ONS id: they have no constituency id and match later seats by name"
        ));
    }
    for ((from, to), n) in &spellings {
        notes.push(format!("party \"{from}\" read as \"{to}\" ({n} rows)"));
    }
    if !no_winner.is_empty() {
        notes.push(format!(
            "{} seats have no winner marked (a tie, or \"{FOLDED}\" ahead): {}",
            no_winner.len(),
            no_winner.join(", ")
        ));
    }
    Read {
        dataset,
        format: "House of Commons Library party-level results file (CBP-8647)",
        notes,
    }
}

fn party_row(party: &str, votes: u64) -> Candidate {
    let folded = party == FOLDED;
    let faction = if folded {
        OTHER.id
    } else {
        parties::faction_of(party, party).id
    };
    Candidate {
        party: Some(party.into()),
        faction: Some(faction.into()),
        votes: Some(votes),
        folded,
        ..Candidate::new(String::new())
    }
}

/// The catalogue entries of the factions used, and Labour and Co-operative's when Labour's.
fn factions(contests: &[Contest]) -> Vec<crate::model::Faction> {
    let used: HashSet<&str> = contests
        .iter()
        .flat_map(|c| &c.candidates)
        .filter_map(|c| c.faction.as_deref())
        .collect();
    PARTIES
        .iter()
        .chain([&OTHER])
        .filter(|p| used.contains(p.id))
        .map(super::parties::PartyFaction::faction)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_title_case() {
        assert_eq!(title_case("STOCKPORT"), "Stockport");
        assert_eq!(
            title_case("PENISTONE AND STOCKSBRIDGE"),
            "Penistone and Stocksbridge"
        );
        assert_eq!(title_case("ASHTON-UNDER-LYNE"), "Ashton-under-Lyne");
        assert_eq!(title_case("ALDRIDGE - BROWNHILLS"), "Aldridge-Brownhills");
        assert_eq!(title_case("ARGYLL & BUTE"), "Argyll and Bute");
        assert_eq!(
            title_case("BIRMINGHAM, HALL GREEN"),
            "Birmingham, Hall Green"
        );
        assert_eq!(title_case("WESTON-SUPER-MARE"), "Weston-super-Mare");
        assert_eq!(title_case("THE WREKIN"), "The Wrekin");
    }

    #[test]
    fn parties_unify_by_the_table_and_country() {
        assert_eq!(
            canonical_party("Conservative Party", "England"),
            "Conservative"
        );
        assert_eq!(
            canonical_party("Liberal Democrat", "England"),
            "Liberal Democrats"
        );
        assert_eq!(canonical_party("SF", "Northern Ireland"), "Sinn Féin");
        assert_eq!(
            canonical_party("UU", "Northern Ireland"),
            "Ulster Unionist Party"
        );
        assert_eq!(canonical_party("PC/SNP", "Wales"), "Plaid Cymru");
        assert_eq!(
            canonical_party("PC/SNP", "Scotland"),
            "Scottish National Party"
        );
        assert_eq!(canonical_party("UKUP", "Northern Ireland"), "UKUP");
        assert_eq!(canonical_party("Other", "England"), "Other");
    }

    #[test]
    fn a_small_file_reads_with_winners_and_folded_groups() {
        let tsv = "location\tdate\tparty\tvotes\n\
            E14000001|A SEAT|c|North West|England|100\t2019-12-12\tLabour\t40\n\
            E14000001|A SEAT|c|North West|England|100\t2019-12-12\tOther\t10\n\
            E14000001|A SEAT|c|North West|England|100\t2019-12-12\tConservative Party\t30\n\
            9|B SEAT|c|Wales|Wales|50\t2005-05-05\tOther\t20\n\
            9|B SEAT|c|Wales|Wales|50\t2005-05-05\tPC/SNP\t20\n";
        let read = read("h.tsv", tsv.as_bytes()).unwrap();
        let ids: Vec<&str> = read
            .dataset
            .contests
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids, ["ge2005-b-seat", "ge2019-e14000001"]);
        let b = &read.dataset.contests[0];
        assert!(
            b.candidates.iter().all(|c| !c.elected),
            "Other ties the leader"
        );
        assert_eq!(b.constituency_id, None);
        let a = &read.dataset.contests[1];
        assert_eq!(a.candidates[0].party.as_deref(), Some("Labour"));
        assert!(a.candidates[0].elected && a.candidates[0].name.is_empty());
        assert!(a.candidates[2].folded);
        assert_eq!(a.ballots.as_ref().unwrap().valid, Some(80));
        assert_eq!(a.ballots.as_ref().unwrap().eligible, Some(100));
        assert!(
            read.notes
                .iter()
                .any(|n| n.contains("\"Conservative Party\" read as \"Conservative\" (1 rows)"))
        );
    }

    #[test]
    fn bad_rows_name_the_line() {
        let bad = "location\tdate\tparty\tvotes\nE1|A|c|r|England|100\t2019-12-12\tLabour\tmany\n";
        let err = read("h.tsv", bad.as_bytes()).unwrap_err().to_string();
        assert_eq!(err, "h.tsv:2: column votes: \"many\" is not a whole number");
        let bad = "location\tdate\tparty\tvotes\nE1|A|c\t2019-12-12\tLabour\t5\n";
        let err = read("h.tsv", bad.as_bytes()).unwrap_err().to_string();
        assert!(
            err.starts_with("h.tsv:2: column location: 3 parts"),
            "{err}"
        );
        // A region or seat name an id cannot be made from (found by fuzzing).
        let bad = "location\tdate\tparty\tvotes\nE1|A|c|-|England|5\t2019-12-12\tLabour\t5\n";
        let err = read("h.tsv", bad.as_bytes()).unwrap_err().to_string();
        assert_eq!(
            err,
            "h.tsv:2: column location: region \"-\" has no letters or digits"
        );
        // Numbers beyond what the format holds (found by fuzzing): refused at their row.
        let big =
            "location\tdate\tparty\tvotes\nE1|A|c|r|England|6759999999913\t2019-12-12\tLabour\t5\n";
        let err = read("h.tsv", big.as_bytes()).unwrap_err().to_string();
        assert!(
            err.starts_with(
                "h.tsv:2: column location: electorate \"6759999999913\" is not a whole number up to"
            ),
            "{err}"
        );
        let big = "location\tdate\tparty\tvotes\nE1|A|c|r|England|5\t2019-12-12\tLabour\t1099511627776\nE1|A|c|r|England|5\t2019-12-12\tGreen\t1\n";
        let err = read("h.tsv", big.as_bytes()).unwrap_err().to_string();
        assert!(
            err.starts_with("h.tsv:3: column votes: the seat's votes come to more than the limit"),
            "{err}"
        );
        let err = read("h.tsv", b"a,b\n").unwrap_err().to_string();
        assert!(err.starts_with("h.tsv:1: the header is not"), "{err}");
    }
}
