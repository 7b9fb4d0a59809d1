//! A deterministic generator of precinct-level results CSVs in the OpenElections layout
//! (`county,precinct,office,district,party,candidate,votes`), the shape `hustings import csv`
//! recognises with no flags, for the import benchmark (BENCHMARKS.md).
//!
//! Shapes as the published files have them: a state's counties one after another, each with its
//! precincts, and in every precinct a row per candidate of every contest on its ballot — four
//! statewide offices (thousands of precincts per contest), a U.S. House and a State Senate
//! district shared by several counties, a State House district of a few dozen precincts.
//! Some counties write votes of 1,000 and more with a thousands separator (quoted, as it holds
//! a comma), some write names `Last, First` (quoted), some quote every text field; precinct
//! names vary from `0012` to `Ward 3, Precinct 2`; there are Write-ins, Over Votes and Under
//! Votes rows, and now and then an empty vote cell. The same rows and seed always give the
//! same bytes.

#![allow(dead_code)] // Each user of this module needs only part of it.

use std::collections::HashMap;
use std::io::{self, Write};

use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

// The name pools of the dataset generator (its sibling module wherever this one is used).
use super::synth::pools::{FIRST_NAMES, PLACE_ENDINGS, PLACE_STEMS, SURNAMES};

/// The header of every file.
pub const HEADER: &str = "county,precinct,office,district,party,candidate,votes";

const STATEWIDE: [&str; 4] = ["President", "U.S. Senate", "Governor", "Attorney General"];
const PARTIES: [&str; 6] = ["DEM", "REP", "LIB", "GRN", "IND", "CON"];

/// How a county's clerk writes the file.
#[derive(Clone, Copy)]
struct Style {
    /// `1,234` rather than `1234`.
    thousands: bool,
    /// `"Smith, Ann"` rather than `Ann Smith`.
    last_first: bool,
    /// Every text field in quotes.
    quote_all: bool,
    /// Over Votes and Under Votes rows after each contest's candidates.
    over_under: bool,
}

/// Writes `rows` data rows (and the header) to `out`.
pub fn write_csv(rows: usize, seed: u64, out: &mut impl Write) -> io::Result<()> {
    let mut r = ChaCha8Rng::seed_from_u64(seed);
    let mut candidates: HashMap<(String, u32), Vec<(String, String)>> = HashMap::new();
    writeln!(out, "{HEADER}")?;
    let mut written = 0usize;
    let mut county_no = 0u32;
    let mut precinct_total = 0u32;
    let mut line = String::with_capacity(128);
    while written < rows {
        county_no += 1;
        let county = format!(
            "{}{}",
            PLACE_STEMS.choose(&mut r).unwrap(),
            PLACE_ENDINGS.choose(&mut r).unwrap()
        );
        let county = format!("{county} {county_no}");
        let style = Style {
            thousands: r.random_bool(0.5),
            last_first: r.random_bool(0.3),
            quote_all: r.random_bool(0.2),
            over_under: r.random_bool(0.4),
        };
        let precincts = r.random_range(10..=120);
        let house = county_no / 8 + 1;
        let senate = county_no / 3 + 1;
        for p in 0..precincts {
            precinct_total += 1;
            let precinct = match r.random_range(0..4) {
                0 => format!("{:04}", p + 1),
                1 => format!("Ward {}, Precinct {}", p / 5 + 1, p % 5 + 1),
                2 => format!("{}-{}", p / 3 + 1, ['A', 'B', 'C'][p as usize % 3]),
                _ => format!("{} {}", PLACE_STEMS.choose(&mut r).unwrap(), p + 1),
            };
            // Bigger and smaller precincts: some pass 1,000 votes for a candidate.
            let size = r.random_range(0.2..4.0f64);
            let ballot: Vec<(&str, u32)> = STATEWIDE
                .iter()
                .map(|&o| (o, 0))
                .chain([
                    ("U.S. House", house),
                    ("State Senate", senate),
                    ("State House", precinct_total / 40 + 1),
                ])
                .collect();
            for (office, district) in ballot {
                let names = candidates
                    .entry((office.to_string(), district))
                    .or_insert_with(|| contest_candidates(&mut r));
                for (i, (party, name)) in names.iter().enumerate() {
                    let strength = if party.is_empty() {
                        0.02 // Write-ins
                    } else {
                        1.0 / (i as f64 + 1.0)
                    };
                    let votes = (r.random_range(0.0..600.0) * strength * size) as u64;
                    let votes = if r.random_ratio(1, 2000) {
                        String::new()
                    } else {
                        number(votes, style.thousands)
                    };
                    let name = if style.last_first {
                        match name.split_once(' ') {
                            Some((first, last)) if !party.is_empty() => format!("{last}, {first}"),
                            _ => name.clone(),
                        }
                    } else {
                        name.clone()
                    };
                    row(
                        &mut line, &county, &precinct, office, district, party, &name, &votes,
                        style,
                    );
                    out.write_all(line.as_bytes())?;
                    written += 1;
                    if written == rows {
                        return Ok(());
                    }
                }
                if style.over_under {
                    for what in ["Over Votes", "Under Votes"] {
                        let votes =
                            number((r.random_range(0.0..30.0) * size) as u64, style.thousands);
                        row(
                            &mut line, &county, &precinct, office, district, "", what, &votes,
                            style,
                        );
                        out.write_all(line.as_bytes())?;
                        written += 1;
                        if written == rows {
                            return Ok(());
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

/// Two to five candidates with parties, then Write-ins half the time.
fn contest_candidates(r: &mut ChaCha8Rng) -> Vec<(String, String)> {
    let n = r.random_range(2..=5);
    let mut names: Vec<(String, String)> = (0..n)
        .map(|i| {
            let party = if i < 2 {
                PARTIES[i]
            } else {
                PARTIES.choose(r).unwrap()
            };
            let name = format!(
                "{} {}",
                FIRST_NAMES.choose(r).unwrap(),
                SURNAMES.choose(r).unwrap()
            );
            (party.to_string(), name)
        })
        .collect();
    if r.random_bool(0.5) {
        names.push((String::new(), "Write-ins".to_string()));
    }
    names
}

/// `1234`, or `1,234` with thousands separators.
fn number(n: u64, thousands: bool) -> String {
    let digits = n.to_string();
    if !thousands || digits.len() <= 3 {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// One CSV line into `line`, fields quoted where they need it (or always, in that style).
#[allow(clippy::too_many_arguments)]
fn row(
    line: &mut String,
    county: &str,
    precinct: &str,
    office: &str,
    district: u32,
    party: &str,
    candidate: &str,
    votes: &str,
    style: Style,
) {
    line.clear();
    let district = if district == 0 {
        String::new()
    } else {
        district.to_string()
    };
    let fields = [county, precinct, office, &district, party, candidate, votes];
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        let text = i != 3 && i != 6;
        if field.contains([',', '"']) || (style.quote_all && text && !field.is_empty()) {
            line.push('"');
            line.push_str(&field.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(field);
        }
    }
    line.push('\n');
}
