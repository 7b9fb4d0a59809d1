//! A deterministic generator of realistic synthetic datasets in hustings' data format.
//!
//! The same seed and size always give the same bytes (ChaCha8 is specified to be reproducible
//! across platforms and rand versions). Contests are built as the model's own types and
//! serialised one at a time, so the output always loads and a million contests never sit in
//! memory at once. Shared by `examples/generate` and the benches.

#![allow(dead_code)] // Each user of this module needs only part of it.

use std::io::{self, Write};

use chrono::NaiveDate;
use hustings::model::date::PartialDate;
use hustings::model::tally::Tally;
use hustings::model::{
    Ballots, Bound, Candidate, CandidateMore, Contest, ContestKind, Defection, Faction, Holder,
    Region, Round, RoundCount, SCHEMA_VERSION, SeatMajority, Source, StatedShare, Status, Swing,
    Transfer,
};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use thin_vec::ThinVec;

#[path = "pools.rs"]
pub mod pools;
use pools::{
    DEFECTION_DESTINATIONS, FACTIONS, FIRST_NAMES, GE_PARTIES, GROUPS, NOTES, OUTLETS,
    PLACE_ENDINGS, PLACE_STEMS, REGIONS, SEAT_PREFIXES, SELECTING_PARTIES, SELECTION_METHODS,
    SURNAMES, UNIONS,
};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub contests: usize,
    pub seed: u64,
    /// Indent the JSON as an editor would (larger files); compact by default.
    pub pretty: bool,
}

/// The whole dataset as bytes (for benches and tests; the example streams instead).
pub fn dataset_bytes(contests: usize, seed: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(contests * 1200);
    write_dataset(
        Options {
            contests,
            seed,
            pretty: false,
        },
        &mut out,
    )
    .expect("writing to memory cannot fail");
    out
}

/// Streams a dataset to `out`: the catalogues, then each contest as it is made.
pub fn write_dataset(options: Options, out: &mut impl Write) -> io::Result<()> {
    let mut g = Generator::new(options.seed);
    let regions: Vec<Region> = REGIONS
        .iter()
        .map(|(id, name)| Region {
            id: id.to_string().into(),
            name: name.to_string().into(),
            spellings: Vec::new(),
        })
        .collect();
    let factions: Vec<Faction> = FACTIONS
        .iter()
        .map(|(id, name, abbr, color, party)| Faction {
            id: id.to_string().into(),
            name: name.to_string().into(),
            abbr: Some(abbr.to_string().into()),
            color: Some(color.to_string().into()),
            description: Some(format!("A faction or grouping within or beside {party}.").into()),
            group: None,
            spellings: Vec::new(),
        })
        .collect();
    let (newline, indent) = if options.pretty {
        ("\n", "  ")
    } else {
        ("", "")
    };
    let title = format!(
        "Synthetic contests (seed {}, {} contests)",
        options.seed, options.contests
    );
    write!(
        out,
        "{{{newline}{indent}\"schema_version\":{SCHEMA_VERSION},{newline}{indent}\"title\":"
    )?;
    serde_json::to_writer(&mut *out, &title)?;
    write!(out, ",{newline}{indent}\"regions\":")?;
    serialise(out, &regions, options.pretty)?;
    write!(out, ",{newline}{indent}\"factions\":")?;
    serialise(out, &factions, options.pretty)?;
    write!(out, ",{newline}{indent}\"contests\":[")?;
    for i in 0..options.contests {
        if i > 0 {
            out.write_all(b",")?;
        }
        write!(out, "{newline}")?;
        serialise(out, &g.contest(i), options.pretty)?;
    }
    write!(out, "{newline}{indent}]{newline}}}{newline}")?;
    out.flush()
}

fn serialise<T: serde::Serialize>(out: &mut impl Write, value: &T, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(out, value)?;
    } else {
        serde_json::to_writer(out, value)?;
    }
    Ok(())
}

/// The random state plus pools derived once from the seed.
pub struct Generator {
    rng: ChaCha8Rng,
    /// Politicians who endorse candidates, drawn once so the same names recur across contests.
    politicians: Vec<String>,
}

impl Generator {
    pub fn new(seed: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let politicians = (0..400).map(|_| person(&mut rng)).collect();
        Generator { rng, politicians }
    }

    /// Contest number `i` (the number keeps ids unique).
    // One recipe, field by field in the format's order: split, it would only be harder to see
    // which draws of the random stream make which field.
    #[allow(clippy::too_many_lines)]
    pub fn contest(&mut self, i: usize) -> Contest {
        let r = &mut self.rng;
        let kind = match r.random_range(0..100) {
            0..45 => ContestKind::Selection,
            45..75 => ContestKind::GeneralElection,
            75..87 => ContestKind::ByElection,
            87..93 => ContestKind::Leadership,
            _ => ContestKind::Other,
        };
        let region_index = r.random_range(0..REGIONS.len());
        let seat = seat_name(r);
        let date = random_date(r);
        let year = date.as_ref().map_or(2019, PartialDate::year);
        let pending = r.random_bool(0.08) && kind != ContestKind::GeneralElection;
        let (party, title, candidates_range) = match kind {
            ContestKind::Selection => {
                let (party, _) = SELECTING_PARTIES[weighted(r, &[6, 3, 1])];
                (Some(party), format!("{seat} {party} selection"), 2..=6)
            }
            ContestKind::Leadership => {
                let (party, _) = SELECTING_PARTIES[weighted(r, &[5, 4, 1])];
                let post = if r.random_bool(0.2) {
                    "deputy leadership"
                } else {
                    "leadership"
                };
                (
                    Some(party),
                    format!("{party} {post} election {year}"),
                    2..=8,
                )
            }
            ContestKind::GeneralElection => (
                None,
                format!("{seat} at the {year} general election"),
                3..=12,
            ),
            ContestKind::ByElection => (None, format!("{seat} by-election"), 3..=12),
            ContestKind::Other => (
                Some("Labour"),
                format!("{seat} council group leader"),
                2..=4,
            ),
        };
        let national = kind == ContestKind::Leadership;
        let n = r.random_range(candidates_range);
        let mut candidates = self.candidates(kind, party, region_index, n);
        let r = &mut self.rng;
        let id = if national {
            format!("{}-{i:x}", slugify(&title))
        } else {
            format!("{}-{}-{year}-{i:x}", slugify(&seat), kind.as_str())
        };

        // How much of the result is known: full counts, some gaps, a stated share only, the winner only.
        let detail = r.random_range(0..100);
        let total: u64 = match kind {
            ContestKind::Selection => r.random_range(40..2_500),
            ContestKind::Leadership => r.random_range(20_000..550_000),
            ContestKind::GeneralElection | ContestKind::ByElection => {
                r.random_range(18_000..75_000)
            }
            ContestKind::Other => r.random_range(8..80),
        };
        let votes = split_votes(r, total, n);
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&k| std::cmp::Reverse(votes[k]));
        let winner = order[0];
        let mut ballots = None;
        let mut rounds = Vec::new();
        if !pending {
            candidates[winner].elected = true;
            match detail {
                0..72 => {
                    for (c, v) in candidates.iter_mut().zip(&votes) {
                        c.votes = Some(*v);
                    }
                    // A few sources misadd: the reported valid ballots are one off the sum.
                    let misadded = r.random_bool(0.02);
                    let valid = total + u64::from(misadded);
                    let rejected = r
                        .random_bool(0.6)
                        .then(|| r.random_range(0..=total / 50 + 3));
                    let eligible = (kind != ContestKind::Other && r.random_bool(0.6))
                        .then(|| (total as f64 / r.random_range(0.25..0.8)) as u64);
                    ballots = Some(Ballots {
                        valid: Some(valid),
                        rejected,
                        eligible,
                        cast: None,
                    });
                    if matches!(kind, ContestKind::Leadership | ContestKind::Selection)
                        && n >= 3
                        && r.random_bool(0.25)
                    {
                        rounds = preferential_rounds(r, &candidates, &votes);
                        // The first-round leader does not always win on transfers; here they do.
                    }
                }
                72..84 => {
                    // Some counts missing: minor candidates' figures were not reported.
                    for (rank, &k) in order.iter().enumerate() {
                        if rank < 2 || r.random_bool(0.5) {
                            candidates[k].votes = Some(votes[k]);
                        }
                    }
                }
                84..93 => {
                    // Only a stated share for the winner ("over 70%").
                    let pct = votes[winner] as f64 * 100.0 / total as f64;
                    let bound = *[Bound::Over, Bound::About, Bound::Exact].choose(r).unwrap();
                    let percent = match bound {
                        Bound::Over => (pct / 10.0).floor() * 10.0,
                        Bound::About => pct.round(),
                        _ => (pct * 10.0).round() / 10.0,
                    };
                    candidates[winner].more_mut().share = Some(StatedShare { percent, bound });
                }
                _ => {} // Winner only.
            }
        }
        let status = if pending {
            Status::Pending
        } else {
            Status::Decided
        };
        let majority = (!pending && detail < 72 && r.random_bool(0.3) && n >= 2)
            .then(|| votes[order[0]] - votes[order[1]]);
        let ge_like = matches!(kind, ContestKind::GeneralElection | ContestKind::ByElection);
        let winner_party = candidates[winner].party.clone();
        Contest {
            id: id.into(),
            seats: None,
            kind,
            party: party.map(Into::into),
            constituency: (!national).then(|| seat.clone()).map(Into::into),
            constituency_id: (ge_like && r.random_bool(0.7))
                .then(|| format!("E{:08}", r.random_range(14_000_000..14_001_200)).into()),
            region: (!national)
                .then(|| REGIONS[region_index].0.to_string())
                .map(Into::into),
            date,
            date_bounds: None,
            status,
            status_as_of: pending.then(|| random_date(r)).flatten(),
            method: match kind {
                ContestKind::GeneralElection | ContestKind::ByElection => {
                    Some("first past the post".into())
                }
                _ if r.random_bool(0.6) => {
                    Some(SELECTION_METHODS.choose(r).unwrap().to_string().into())
                }
                _ => None,
            },
            ballots,
            candidates,
            stages: ThinVec::new(),
            nominations: ThinVec::new(),
            nomination_routes: ThinVec::new(),
            rounds: rounds.into(),
            majority,
            swing: (ge_like && !pending && r.random_bool(0.4)).then(|| {
                Box::new(Swing {
                    percent: (r.random_range(0.0..15.0f64) * 10.0).round() / 10.0,
                    to: winner_party.as_deref().unwrap_or("Labour").into(),
                })
            }),
            result: (ge_like && !pending).then(|| {
                let abbr = GE_PARTIES
                    .iter()
                    .find(|p| Some(p.0) == winner_party.as_deref())
                    .map_or("Ind", |p| p.1);
                if r.random_bool(0.75) {
                    format!("{abbr} hold").into()
                } else {
                    format!("{abbr} gain").into()
                }
            }),
            previous_holder: (r.random_bool(0.3)).then(|| {
                Box::new(Holder {
                    name: person(r).into(),
                    party: Some(GE_PARTIES.choose(r).unwrap().0.to_string().into()),
                    since: r
                        .random_bool(0.5)
                        .then(|| year_date(r.random_range(1970..year.max(1971)))),
                })
            }),
            defection: (kind == ContestKind::Selection && r.random_bool(0.05)).then(|| {
                Box::new(Defection {
                    to: Some(DEFECTION_DESTINATIONS.choose(r).unwrap().to_string().into()),
                    date: random_date(r),
                })
            }),
            seat_majority: (kind == ContestKind::Selection && r.random_bool(0.3)).then(|| {
                Box::new(SeatMajority {
                    votes: r.random_range(50..25_000),
                    party: party.map(Into::into),
                    as_of: Some(year_date(year - 2)),
                })
            }),
            sources: (0..weighted(r, &[0, 6, 3, 1]))
                .map(|_| source(r, &seat, year))
                .collect(),
            notes: r
                .random_bool(0.25)
                .then(|| (*NOTES.choose(r).unwrap()).into()),
            inferred: ThinVec::new(),
            title: title.into(),
        }
    }

    fn candidates(
        &mut self,
        kind: ContestKind,
        party: Option<&str>,
        region: usize,
        n: usize,
    ) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = Vec::with_capacity(n);
        let ge_like = matches!(kind, ContestKind::GeneralElection | ContestKind::ByElection);
        // Parties standing in this seat: the big ones everywhere, the SNP and Plaid only at home.
        let standing: Vec<_> = GE_PARTIES
            .iter()
            .filter(|p| match p.0 {
                "SNP" => REGIONS[region].0 == "scotland",
                "Plaid Cymru" => REGIONS[region].0 == "wales",
                _ => true,
            })
            .collect();
        while out.len() < n {
            let r = &mut self.rng;
            let name = person(r);
            if out.iter().any(|c| c.name == name) {
                continue;
            }
            let (cand_party, faction) = if ge_like {
                match standing.get(out.len()) {
                    Some(p) => (Some(p.0.to_string()), Some(p.2)),
                    None => (Some("Independent".to_string()), Some("independent")),
                }
            } else {
                let factions = SELECTING_PARTIES
                    .iter()
                    .find(|p| Some(p.0) == party)
                    .map_or(&[][..], |p| p.1);
                (
                    None,
                    r.random_bool(0.7)
                        .then(|| factions.choose(r).copied())
                        .flatten(),
                )
            };
            let endorsements = if ge_like {
                if r.random_bool(0.05) {
                    vec![UNIONS.choose(r).unwrap().to_string()]
                } else {
                    vec![]
                }
            } else {
                let count = weighted(r, &[5, 3, 3, 2, 1, 1]);
                let mut list: Vec<String> = Vec::with_capacity(count);
                while list.len() < count {
                    let backer = match r.random_range(0..3) {
                        0 => UNIONS.choose(r).unwrap().to_string(),
                        1 => GROUPS.choose(r).unwrap().to_string(),
                        _ => self.politicians.choose(r).unwrap().clone(),
                    };
                    if !list.contains(&backer) {
                        list.push(backer);
                    }
                }
                list
            };
            let r = &mut self.rng;
            out.push(Candidate {
                name: name.into(),
                party: cand_party.map(Into::into),
                faction: faction.map(Into::into),
                votes: None,
                elected: false,
                incumbent: ge_like && out.is_empty() && r.random_bool(0.5),
                write_in: false,
                folded: false,
                // Made after `incumbent`, as before: the same seed makes the same data.
                more: CandidateMore {
                    description: r.random_bool(0.15).then(|| {
                        format!(
                            "{} councillor; {}",
                            seat_name(r),
                            [
                                "trade unionist",
                                "former teacher",
                                "NHS nurse",
                                "solicitor",
                                "charity worker"
                            ]
                            .choose(r)
                            .unwrap()
                        )
                        .into()
                    }),
                    ..CandidateMore::default()
                }
                .boxed(),
                endorsements: endorsements.into_iter().map(Into::into).collect(),
            });
        }
        out
    }
}

/// Elimination rounds: the last candidate goes each round and their votes move to the leaders.
fn preferential_rounds(r: &mut ChaCha8Rng, candidates: &[Candidate], votes: &[u64]) -> Vec<Round> {
    let mut standing: Vec<(String, u64)> = candidates
        .iter()
        .zip(votes)
        .map(|(c, v)| (c.name.to_string(), *v))
        .collect();
    let total: u64 = votes.iter().sum();
    let mut rounds = Vec::new();
    loop {
        standing.sort_by_key(|s| std::cmp::Reverse(s.1));
        let counts = standing
            .iter()
            .map(|(name, votes)| RoundCount {
                candidate: name.clone().into(),
                votes: Tally::whole_number(*votes),
            })
            .collect();
        let leader_won = standing[0].1 * 2 > total || standing.len() <= 2;
        if leader_won {
            rounds.push(Round {
                counts,
                elected: vec![],
                eliminated: vec![],
                transfers: vec![],
                exhausted: None,
                set_aside: Vec::new(),
                threshold: None,
                inactive: vec![],
            });
            return rounds;
        }
        let (out_name, out_votes) = standing.pop().unwrap();
        let exhausted = out_votes / r.random_range(5..20);
        let moved = out_votes - exhausted;
        let to_first = moved * r.random_range(30..70) / 100;
        standing[0].1 += to_first;
        standing[1].1 += moved - to_first;
        rounds.push(Round {
            counts,
            eliminated: vec![out_name.clone().into()],
            transfers: vec![
                Transfer {
                    from: out_name.clone().into(),
                    to: standing[0].0.clone().into(),
                    votes: Tally::whole_number(to_first),
                },
                Transfer {
                    from: out_name.into(),
                    to: standing[1].0.clone().into(),
                    votes: Tally::whole_number(moved - to_first),
                },
            ],
            exhausted: Some(exhausted),
            set_aside: vec![],
            elected: vec![],
            threshold: None,
            inactive: vec![],
        });
    }
}

/// `total` votes split unevenly among `n` candidates (a few strong, a long tail).
fn split_votes(r: &mut ChaCha8Rng, total: u64, n: usize) -> Vec<u64> {
    let weights: Vec<f64> = (0..n)
        .map(|_| r.random_range(0.02f64..1.0).powi(2))
        .collect();
    let sum: f64 = weights.iter().sum();
    let mut votes: Vec<u64> = weights
        .iter()
        .map(|w| (w / sum * total as f64) as u64)
        .collect();
    let given: u64 = votes.iter().sum();
    votes[0] += total - given;
    votes
}

fn source(r: &mut ChaCha8Rng, seat: &str, year: i32) -> Source {
    let (outlet, domain) = *OUTLETS.choose(r).unwrap();
    let headline = format!(
        "{seat}: {}",
        [
            "result in full",
            "members choose their candidate",
            "the count",
            "who won and by how much",
            "shortlist announced"
        ]
        .choose(r)
        .unwrap()
    );
    Source {
        outlet: outlet.to_string().into(),
        url: r
            .random_bool(0.8)
            .then(|| format!("https://www.{domain}/{year}/{}", slugify(&headline)).into()),
        title: r.random_bool(0.7).then_some(headline.into()),
        date: {
            let published = year + r.random_range(0..2);
            date_in(r, published)
        },
        note: None,
    }
}

/// A person's name: first name, sometimes a middle initial, surname (now and then double-barrelled).
fn person(r: &mut ChaCha8Rng) -> String {
    let first = FIRST_NAMES.choose(r).unwrap();
    let last = SURNAMES.choose(r).unwrap();
    match r.random_range(0..20) {
        0 => format!(
            "{first} {}. {last}",
            (b'A' + r.random_range(0..26u8)) as char
        ),
        1 => format!("{first} {}-{last}", SURNAMES.choose(r).unwrap()),
        _ => format!("{first} {last}"),
    }
}

/// A seat: "Ashford", "North Bradley", "Stockport and Wimborough".
fn seat_name(r: &mut ChaCha8Rng) -> String {
    let place = |r: &mut ChaCha8Rng| {
        format!(
            "{}{}",
            PLACE_STEMS.choose(r).unwrap(),
            PLACE_ENDINGS.choose(r).unwrap()
        )
    };
    match r.random_range(0..10) {
        0..2 => format!("{}{}", SEAT_PREFIXES.choose(r).unwrap(), place(r)),
        2..4 => format!("{} and {}", place(r), place(r)),
        _ => place(r),
    }
}

/// A date between 1945 and 2024, known to the day (70%), month (18%) or year (10%), or unknown (2%).
fn random_date(r: &mut ChaCha8Rng) -> Option<PartialDate> {
    let year = r.random_range(1945..=2024);
    date_in(r, year)
}

/// A date in `year` at mixed precision, or (rarely) unknown.
fn date_in(r: &mut ChaCha8Rng, year: i32) -> Option<PartialDate> {
    let day = NaiveDate::from_ymd_opt(year, r.random_range(1..=12), r.random_range(1..=28))?;
    match r.random_range(0..100) {
        0..70 => Some(PartialDate::day(day)),
        70..88 => PartialDate::parse(&day.format("%Y-%m").to_string()).ok(),
        88..98 => Some(year_date(year)),
        _ => None,
    }
}

fn year_date(year: i32) -> PartialDate {
    PartialDate::parse(&format!("{year:04}")).expect("a four-digit year parses")
}

/// An index drawn with the given relative weights.
fn weighted(r: &mut ChaCha8Rng, weights: &[u32]) -> usize {
    let mut pick = r.random_range(0..weights.iter().sum::<u32>());
    for (i, w) in weights.iter().enumerate() {
        if pick < *w {
            return i;
        }
        pick -= w;
    }
    weights.len() - 1
}

fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for ch in text.chars() {
        if ch.is_ascii_alphanumeric() {
            slug.push(ch.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}
