//! proptest strategies for the data model: structurally valid datasets (every id unique, every
//! reference resolving, rounds naming real candidates) with the awkward parts real data has —
//! partial dates, unknown votes, stated shares, optional fields, non-ASCII text.

use std::collections::BTreeSet;

use hustings::model::date::PartialDate;
use hustings::model::tally::Tally;
use hustings::model::{
    Ballots, Bound, Candidate, CandidateMore, CandidateStatus, Contest, ContestKind, Dataset,
    Defection, Faction, Holder, Inferred, NominatingBody, Nomination, NominationCount, Region,
    Round, RoundCount, SCHEMA_VERSION, SeatMajority, Source, Stage, StageKind, StatedShare, Status,
    Swing, Transfer,
};
use proptest::collection::{btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use thin_vec::ThinVec;

/// Letters for words: ASCII plus accented and Greek capitals, whose lowercase forms are tricky.
const LETTERS: &[char] = &[
    'a', 'b', 'c', 'd', 'e', 'k', 'm', 'n', 'o', 'r', 's', 't', 'A', 'B', 'S', 'T', 'é', 'É', 'ß',
    'Σ', 'ς', 'İ', 'ø',
];

/// An id as the format uses them: lowercase, digits and dashes.
pub fn id() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9-]{0,10}"
}

/// One word of LETTERS.
pub fn word() -> impl Strategy<Value = String> {
    vec(select(LETTERS), 1..8).prop_map(|cs| cs.into_iter().collect())
}

/// Non-blank text of a few words, sometimes with characters JSON must escape, and sometimes
/// hostile: escape sequences, C1 controls, bidi overrides and marks, BEL, CR, backspace and
/// invisible format characters.
pub fn text() -> impl Strategy<Value = String> {
    (
        vec(word(), 1..4),
        // One flat choice (a deep `prop_oneof!` overflows the test thread's stack in debug
        // builds); the empty extra is listed often so most text stays plain.
        select(vec![
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " \"quoted\"",
            " \"quoted\"",
            " back\\slash",
            " back\\slash",
            " tab\tand\nnewline",
            " tab\tand\nnewline",
            " \u{1b}]0;title\u{7}",
            " \u{1b}]52;c;ZXZpbA==\u{1b}\\",
            " \u{1b}[2J\u{1b}[H",
            " \u{9b}31m",
            " \u{202e}desrever\u{2069}",
            " cr\rbs\u{8}del\u{7f}",
            " lrm\u{200e}\u{61c}note\u{fff9}a\u{fffa}b\u{fffb}",
            " zw\u{200b}\u{2060}\u{ad}\u{feff}",
        ]),
    )
        .prop_map(|(words, extra)| format!("{}{extra}", words.join(" ")))
}

/// A date known to the year, the month or the day.
pub fn partial_date() -> impl Strategy<Value = PartialDate> {
    (1900i32..2100, 1u32..=12, 1u32..=31, 0usize..3).prop_map(|(y, m, d, precision)| {
        let text = match precision {
            0 => format!("{y:04}"),
            1 => format!("{y:04}-{m:02}"),
            _ => {
                // Clamp to the month's length so the date exists.
                let day = (1..=d)
                    .rev()
                    .find(|&d| chrono::NaiveDate::from_ymd_opt(y, m, d).is_some())
                    .unwrap_or(1);
                format!("{y:04}-{m:02}-{day:02}")
            }
        };
        PartialDate::parse(&text).expect("generated dates exist")
    })
}

/// A vote count, usually small, sometimes at the format's limit.
pub fn count() -> impl Strategy<Value = u64> {
    prop_oneof![
        8 => 0u64..50_000,
        1 => Just(hustings::model::strict_numbers::MAX_COUNT),
    ]
}

/// A percentage with one decimal, as sources state them (round-trips exactly through JSON).
pub fn percent() -> impl Strategy<Value = f64> {
    (0u32..=1000).prop_map(|tenths| f64::from(tenths) / 10.0)
}

pub fn stated_share() -> impl Strategy<Value = StatedShare> {
    (
        percent(),
        select(&[Bound::Exact, Bound::About, Bound::Over, Bound::Under][..]),
    )
        .prop_map(|(percent, bound)| StatedShare { percent, bound })
}

pub fn colour() -> impl Strategy<Value = String> {
    "#[0-9a-fA-F]{6}"
}

/// Regions with unique ids.
pub fn regions() -> impl Strategy<Value = Vec<Region>> {
    btree_set(id(), 0..5).prop_flat_map(|ids| {
        let n = ids.len();
        (Just(ids), vec(text(), n)).prop_map(|(ids, names)| {
            ids.into_iter()
                .zip(names)
                .map(|(id, name)| Region {
                    id: id.into(),
                    name: name.into(),
                    spellings: Vec::new(),
                })
                .collect()
        })
    })
}

/// Factions with unique ids.
pub fn factions() -> impl Strategy<Value = Vec<Faction>> {
    btree_set(id(), 0..5).prop_flat_map(|ids| {
        let n = ids.len();
        let details = (
            text(),
            option::of("[A-Z]{1,4}"),
            option::of(colour()),
            option::of(text()),
        );
        (Just(ids), vec(details, n)).prop_map(|(ids, details)| {
            ids.into_iter()
                .zip(details)
                .map(|(id, (name, abbr, color, description))| Faction {
                    id: id.into(),
                    name: name.into(),
                    abbr: abbr.map(Into::into),
                    color: color.map(Into::into),
                    description: description.map(Into::into),
                    group: None,
                    spellings: Vec::new(),
                })
                .collect()
        })
    })
}

/// Picks one of `ids`, or none (always none when there are no ids).
fn reference(ids: Vec<String>) -> BoxedStrategy<Option<String>> {
    if ids.is_empty() {
        Just(None).boxed()
    } else {
        option::of(select(ids)).boxed()
    }
}

/// A candidate called `name`, whose faction (if any) is one of `faction_ids`.
pub fn candidate(name: String, faction_ids: Vec<String>) -> impl Strategy<Value = Candidate> {
    (
        option::of(text()),
        reference(faction_ids),
        option::of(count()),
        option::of(stated_share()),
        any::<bool>(),
        option::of(1u32..10),
        any::<bool>(),
        option::of(text()),
        vec(text(), 0..3),
        option::of(select(&CandidateStatus::ALL[..])),
    )
        .prop_map(
            move |(
                party,
                faction,
                votes,
                share,
                elected,
                place,
                incumbent,
                description,
                endorsements,
                status,
            )| Candidate {
                name: name.clone().into(),
                party: party.map(Into::into),
                faction: faction.map(Into::into),
                votes,
                elected,
                incumbent,
                write_in: false,
                folded: false,
                endorsements: endorsements.into_iter().map(Into::into).collect(),
                more: CandidateMore {
                    id: None,
                    share,
                    status,
                    place,
                    description: description.map(Into::into),
                }
                .boxed(),
            },
        )
}

/// Rounds of a preferential count naming only `names`.
pub fn rounds(names: Vec<String>) -> BoxedStrategy<Vec<Round>> {
    if names.is_empty() {
        return Just(Vec::new()).boxed();
    }
    let n = names.len();
    let one_round = (
        subsequence(names.clone(), 1..=n),
        vec(count(), n),
        subsequence(names.clone(), 0..=n.min(2)),
        vec((select(names.clone()), select(names), count()), 0..2),
        option::of(count()),
    )
        .prop_map(
            |(continuing, votes, eliminated, transfers, exhausted)| Round {
                counts: continuing
                    .into_iter()
                    .zip(votes)
                    .map(|(candidate, votes)| RoundCount {
                        candidate: candidate.into(),
                        votes: Tally::whole_number(votes),
                    })
                    .collect(),
                elected: Vec::new(),
                eliminated: eliminated.into_iter().map(Into::into).collect(),
                transfers: transfers
                    .into_iter()
                    .map(|(from, to, votes)| Transfer {
                        from: from.into(),
                        to: to.into(),
                        votes: Tally::whole_number(votes),
                    })
                    .collect(),
                exhausted,
                set_aside: Vec::new(),
                threshold: None,
                inactive: Vec::new(),
            },
        );
    vec(one_round, 0..3).boxed()
}

/// How a selection ran, naming only `names`: stages, nominations, and facts marked inferred
/// (paths that exist in every contest, or the first candidate's name when there is one).
pub fn selection(
    names: Vec<String>,
) -> BoxedStrategy<(Vec<Stage>, Vec<Nomination>, Vec<Inferred>)> {
    let mut fields = vec!["title", "kind", "status", "sources"];
    if !names.is_empty() {
        fields.push("candidates[0].name");
    }
    let inferred = vec(
        (select(fields), text()).prop_map(|(field, basis)| Inferred {
            field: field.into(),
            basis: basis.into(),
        }),
        0..2,
    );
    if names.is_empty() {
        let stage = (
            select(&StageKind::ALL[..]),
            option::of(partial_date()),
            option::of(text()),
        )
            .prop_map(|(stage, date, notes)| Stage {
                stage,
                date,
                candidates: Vec::new(),
                notes: notes.map(Into::into),
            });
        return (vec(stage, 0..2), Just(Vec::new()), inferred).boxed();
    }
    let n = names.len();
    let stage = (
        select(&StageKind::ALL[..]),
        option::of(partial_date()),
        subsequence(names.clone(), 0..=n),
        option::of(text()),
    )
        .prop_map(|(stage, date, candidates, notes)| Stage {
            stage,
            date,
            candidates: candidates.into_iter().map(Into::into).collect(),
            notes: notes.map(Into::into),
        });
    let count = (select(names), option::of(0u64..30), vec(text(), 0..3)).prop_map(
        |(candidate, count, from)| NominationCount {
            candidate: candidate.into(),
            count,
            from: from.into_iter().map(Into::into).collect(),
        },
    );
    let nomination = (
        select(&NominatingBody::ALL[..]),
        option::of((1u32..40).prop_map(f64::from)),
        option::of(text()),
        vec(count, 0..3),
    )
        .prop_map(|(body, threshold, description, counts)| Nomination {
            body,
            threshold,
            description: description.map(Into::into),
            counts,
        });
    (vec(stage, 0..3), vec(nomination, 0..2), inferred).boxed()
}

pub fn ballots() -> impl Strategy<Value = Ballots> {
    (
        option::of(count()),
        option::of(count()),
        option::of(count()),
        option::of(count()),
    )
        .prop_map(|(valid, rejected, eligible, cast)| Ballots {
            valid,
            rejected,
            eligible,
            cast,
        })
}

pub fn source() -> impl Strategy<Value = Source> {
    (
        text(),
        option::of(text()),
        option::of(partial_date()),
        option::of("https://example\\.org/[a-z]{1,10}"),
        option::of(text()),
    )
        .prop_map(|(outlet, title, date, url, note)| Source {
            outlet: outlet.into(),
            title: title.map(Into::into),
            date,
            url: url.map(Into::into),
            note: note.map(Into::into),
        })
}

/// Context fields a contest may carry: swing, result, previous holder, defection, seat majority.
type Context = (
    Option<Swing>,
    Option<String>,
    Option<Holder>,
    Option<Defection>,
    Option<SeatMajority>,
);

fn context() -> impl Strategy<Value = Context> {
    (
        option::of((percent(), text()).prop_map(|(percent, to)| Swing {
            percent,
            to: to.into(),
        })),
        option::of(text()),
        option::of(
            (text(), option::of(text()), option::of(partial_date())).prop_map(
                |(name, party, since)| Holder {
                    name: name.into(),
                    party: party.map(Into::into),
                    since,
                },
            ),
        ),
        option::of(
            (option::of(text()), option::of(partial_date())).prop_map(|(to, date)| Defection {
                to: to.map(Into::into),
                date,
            }),
        ),
        option::of(
            (count(), option::of(text()), option::of(partial_date())).prop_map(
                |(votes, party, as_of)| SeatMajority {
                    votes,
                    party: party.map(Into::into),
                    as_of,
                },
            ),
        ),
    )
}

/// A contest with id `id`, referring only to the given regions and factions.
pub fn contest(
    id: String,
    region_ids: Vec<String>,
    faction_ids: Vec<String>,
) -> impl Strategy<Value = Contest> {
    let candidates = btree_set(vec(word(), 1..3).prop_map(|w| w.join(" ")), 0..5).prop_flat_map(
        move |names: BTreeSet<String>| {
            let names: Vec<String> = names.into_iter().collect();
            let each: Vec<_> = names
                .iter()
                .map(|n| candidate(n.clone(), faction_ids.clone()))
                .collect();
            (each, rounds(names.clone()), selection(names))
        },
    );
    let head = (
        select(&ContestKind::ALL[..]),
        text(),
        option::of(text()),
        option::of(text()),
        option::of("E14[0-9]{6}"),
        reference(region_ids),
        option::of(partial_date()),
        select(&Status::ALL[..]),
        option::of(partial_date()),
        option::of(text()),
        option::of(ballots()),
    );
    let tail = (
        option::of(count()),
        context(),
        vec(source(), 0..3),
        option::of(text()),
    );
    (head, candidates, tail).prop_map(
        move |(
            (
                kind,
                title,
                party,
                constituency,
                constituency_id,
                region,
                date,
                status,
                as_of,
                method,
                ballots,
            ),
            (candidates, rounds, (stages, nominations, inferred)),
            (majority, (swing, result, previous_holder, defection, seat_majority), sources, notes),
        )| Contest {
            id: id.clone().into(),
            seats: None,
            kind,
            title: title.into(),
            party: party.map(Into::into),
            constituency: constituency.map(Into::into),
            constituency_id: constituency_id.map(Into::into),
            region: region.map(Into::into),
            date,
            date_bounds: None,
            status,
            status_as_of: as_of,
            method: method.map(Into::into),
            ballots,
            candidates,
            stages: stages.into(),
            nominations: nominations.into(),
            nomination_routes: ThinVec::new(),
            rounds: rounds.into(),
            majority,
            swing: swing.map(Box::new),
            result: result.map(Into::into),
            previous_holder: previous_holder.map(Box::new),
            defection: defection.map(Box::new),
            seat_majority: seat_majority.map(Box::new),
            sources,
            notes: notes.map(Into::into),
            inferred: inferred.into(),
        },
    )
}

/// A whole dataset that must load: catalogues, then up to `max_contests` contests using them.
pub fn dataset(max_contests: usize) -> impl Strategy<Value = Dataset> {
    (regions(), factions(), option::of(text())).prop_flat_map(move |(regions, factions, title)| {
        let region_ids: Vec<String> = regions.iter().map(|r| r.id.to_string()).collect();
        let faction_ids: Vec<String> = factions.iter().map(|f| f.id.to_string()).collect();
        let contests = btree_set(id(), 0..=max_contests).prop_flat_map(move |ids| {
            ids.into_iter()
                .map(|id| contest(id, region_ids.clone(), faction_ids.clone()))
                .collect::<Vec<_>>()
        });
        (Just(regions), Just(factions), Just(title), contests).prop_map(
            |(regions, factions, title, contests)| Dataset {
                schema_version: SCHEMA_VERSION,
                title: title.map(Into::into),
                regions,
                factions,
                contests,
            },
        )
    })
}

/// Any JSON value, nested a few levels, with the format's own keys among the random ones.
pub fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let key = prop_oneof![
        select(
            &[
                "schema_version",
                "regions",
                "factions",
                "contests",
                "id",
                "name",
                "candidates",
                "votes",
                "share",
                "percent",
                "date",
                "rounds",
                "counts",
                "candidate",
                "kind",
                "status",
                "sources",
                "outlet",
            ][..]
        )
        .prop_map(str::to_string),
        "\\PC{0,6}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        Just(Value::from(1)),
        "\\PC{0,12}".prop_map(Value::String),
        select(
            &[
                "2019-02-30",
                "2019-10",
                "selection",
                "decided",
                "over",
                "#e4003b"
            ][..]
        )
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            vec((key.clone(), inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}
