//! JSON output: a stable, versioned document per command (described field by field in
//! docs/OUTPUT.md). Contests appear exactly as in the data format, next to the numbers derived
//! from them; an unknown number is `null`, never 0.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use super::facts::{self, Summary};
use super::{Detail, Listing, StatsReport, WarningIndex, selection, warnings_of};
use crate::model::arithmetic::{self, Share};
use crate::model::change::{self, Since};
use crate::model::selection::Known;
use crate::model::{
    Bound, CandidateStatus, Contest, ContestKind, Dataset, Faction, Region, StageKind, Status,
};
use crate::query::{FactionScope, Query};
use crate::stats::{EndorserRecord, FactionRecord, GroupRecord, Groups, Totals};

/// Version of the output documents; bumped only when a field changes meaning or is removed.
pub const OUTPUT_VERSION: u32 = 1;

/// `list --format json`. Written, its contests are a [`ContestDocs`] (made one at a time as
/// they are written); read back, a `Vec<ContestDoc>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListDoc<C = Vec<ContestDoc>> {
    /// Always `hustings.list`.
    pub schema: String,
    pub version: u32,
    /// `hustings <version>`.
    pub generator: String,
    pub query: QueryDoc,
    pub count: usize,
    /// The dataset's catalogues, so ids in `contests` can be looked up.
    pub regions: Vec<Region>,
    pub factions: Vec<Faction>,
    pub contests: C,
}

/// `show --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShowDoc {
    /// Always `hustings.show`.
    pub schema: String,
    pub version: u32,
    pub generator: String,
    pub contest: Contest,
    pub derived: Derived,
    /// The contest's region, if any.
    pub region: Option<Region>,
    /// The factions its candidates belong to, in catalogue order.
    pub factions: Vec<Faction>,
    /// Change since the seat's previous contest; `null` for a contest that elects no seat.
    #[serde(default)]
    pub change: Option<ChangeDoc>,
    /// Every source's version of the contest when several give it (it is listed once);
    /// `null` when one does.
    #[serde(default)]
    pub versions: Option<VersionsDoc>,
    /// A preferential count round by round; `null` for a contest without rounds.
    #[serde(default)]
    pub count: Option<CountDoc>,
}

/// A preferential count as derived: the seats filled and every candidate of every round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountDoc {
    /// In a count of several seats, each seat in the order filled; empty otherwise.
    pub seats_filled: Vec<SeatDoc>,
    /// One record per candidate per round, as `show --format csv` writes them.
    pub rounds: Vec<crate::report::round_records::RoundRecord>,
}

/// One seat filled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeatDoc {
    pub round: usize,
    pub candidate: String,
    pub votes: crate::model::tally::Tally,
    pub quota: Option<crate::model::tally::Tally>,
    pub surplus: Option<crate::model::tally::Tally>,
    pub transferred: Option<crate::model::tally::Tally>,
    /// Of their ballots, those that went to nobody, by reason.
    pub set_aside: Vec<crate::model::Inactive>,
}

impl CountDoc {
    fn new(c: &Contest) -> Option<CountDoc> {
        if c.rounds.is_empty() {
            return None;
        }
        Some(CountDoc {
            seats_filled: crate::report::count_summary::seats_filled(c)
                .into_iter()
                .map(|s| SeatDoc {
                    round: s.round,
                    candidate: s.account.name,
                    votes: s.votes,
                    quota: s.quota,
                    surplus: s.surplus,
                    transferred: s.account.transferred,
                    set_aside: s
                        .account
                        .set_aside
                        .into_iter()
                        .map(|(reason, ballots)| crate::model::Inactive {
                            reason: reason.into(),
                            ballots,
                        })
                        .collect(),
                })
                .collect(),
            rounds: crate::report::round_records::records(c),
        })
    }
}

/// The versions of a contest several sources give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionsDoc {
    /// The id of the version listed (the most complete).
    pub listed: String,
    /// Every version, the listed one first.
    pub all: Vec<VersionDoc>,
}

/// One source's version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionDoc {
    pub id: String,
    /// The file it was read from.
    pub file: String,
    /// Whether it is the version listed.
    pub listed: bool,
    /// What it reports differently from the listed version (`Ann's votes: 34299 and 39937`,
    /// the listed version's value first); empty when it agrees.
    pub differences: Vec<String>,
}

impl VersionsDoc {
    fn new(ds: &Dataset, of: &crate::load::same_contest::VersionsOf) -> VersionsDoc {
        let id = |i: usize| {
            ds.contests
                .get(i)
                .map_or_else(String::new, |c| c.id.to_string())
        };
        VersionsDoc {
            listed: id(of.group.row().contest),
            all: of
                .group
                .versions
                .iter()
                .enumerate()
                .map(|(n, v)| VersionDoc {
                    id: id(v.contest),
                    file: v.file.clone(),
                    listed: n == 0,
                    differences: v.differences.clone(),
                })
                .collect(),
        }
    }
}

/// Change since the previous general election or by-election in the same seat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeDoc {
    /// `known`; `no-previous` (none loaded); `partial` (a side's figures are incomplete:
    /// nothing below is computed).
    pub status: String,
    /// The previous contest's id (`null` when none is loaded).
    pub previous: Option<String>,
    /// Why nothing is computed, for `no-previous` and `partial`.
    pub reason: Option<String>,
    /// `id` (same constituency id) or `name` (the name only: boundaries may differ).
    pub matched_by: Option<String>,
    /// `Lab hold`, `Con gain from Lab`; `null` when either winner is unknown.
    pub result: Option<String>,
    /// Two-party (Butler) swing between the top two parties now.
    pub swing: Option<SwingDoc>,
    pub majority: Option<ThenNow<u64>>,
    pub turnout_percent: Option<ThenNow<f64>>,
    /// Each party (by group) that stood either time, most votes now first; folded groups last.
    pub parties: Vec<PartyChangeDoc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SwingDoc {
    pub to: String,
    pub from: String,
    pub points: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ThenNow<T> {
    pub then: Option<T>,
    pub now: Option<T>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartyChangeDoc {
    pub party: String,
    /// A folded group of small parties, not a party.
    pub folded: bool,
    pub then: Option<FigureDoc>,
    pub now: Option<FigureDoc>,
    /// ± share in percentage points; `null` unless it stood both times.
    pub share_points: Option<f64>,
    /// ± votes; `null` unless it stood both times.
    pub votes: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FigureDoc {
    pub votes: u64,
    pub share_percent: f64,
}

impl ChangeDoc {
    fn new(dataset: &Dataset, since: &Since) -> Option<ChangeDoc> {
        let empty = |status: &str, previous: Option<usize>, reason: String| ChangeDoc {
            status: status.into(),
            previous: previous.map(|p| dataset.contests[p].id.to_string()),
            reason: Some(reason),
            matched_by: None,
            result: None,
            swing: None,
            majority: None,
            turnout_percent: None,
            parties: Vec::new(),
        };
        let figure = |f: Option<change::Figure>| {
            f.map(|f| FigureDoc {
                votes: f.votes,
                share_percent: f.share,
            })
        };
        Some(match since {
            Since::NotASeat => return None,
            Since::NoPrevious => empty(
                "no-previous",
                None,
                crate::report::change::NO_PREVIOUS.into(),
            ),
            Since::Partial { previous, reason } => {
                empty("partial", Some(*previous), reason.clone())
            }
            Since::Known(c) => ChangeDoc {
                status: "known".into(),
                previous: Some(dataset.contests[c.previous].id.to_string()),
                reason: None,
                matched_by: Some(if c.by_name { "name" } else { "id" }.into()),
                result: c
                    .outcome
                    .as_ref()
                    .map(super::super::model::change::Outcome::label),
                swing: c.swing.as_ref().map(|s| SwingDoc {
                    to: s.to.clone(),
                    from: s.from.clone(),
                    points: s.points,
                }),
                majority: Some(ThenNow {
                    then: c.majority.then,
                    now: c.majority.now,
                }),
                turnout_percent: Some(ThenNow {
                    then: c.turnout.then,
                    now: c.turnout.now,
                }),
                parties: c
                    .parties
                    .iter()
                    .map(|p| PartyChangeDoc {
                        party: p.party.clone(),
                        folded: p.folded,
                        then: figure(p.then),
                        now: figure(p.now),
                        share_points: p.points(),
                        votes: p.votes(),
                    })
                    .collect(),
            },
        })
    }
}

/// `stats --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatsDoc {
    /// Always `hustings.stats`.
    pub schema: String,
    pub version: u32,
    pub generator: String,
    pub query: QueryDoc,
    /// What the rows are grouped by: `faction`, `region`, `kind`, `endorser`, `party`, `month`.
    pub by: String,
    /// Over every contest the filters keep.
    pub totals: TotalsDoc,
    /// With `--by party`: over the general elections and by-elections among them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat_totals: Option<TotalsDoc>,
    /// One object per group; the fields depend on `by` (docs/OUTPUT.md).
    pub rows: serde_json::Value,
    /// With `--by change`: how many of the seats compared were matched to their previous
    /// contest by the constituency's name only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matched_by_name: Option<usize>,
    /// The notes text and Markdown print under the table, line by line: the kinds of contest
    /// counted together, and how many counted contests rest on an inferred value (`† …`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Counts over a set of contests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotalsDoc {
    pub contests: usize,
    pub decided: usize,
    pub pending: usize,
    /// Decided contests in which no candidate is marked elected.
    pub decided_without_winner: usize,
}

impl TotalsDoc {
    fn new(t: &Totals) -> TotalsDoc {
        TotalsDoc {
            contests: t.contests,
            decided: t.decided,
            pending: t.pending,
            decided_without_winner: t.decided_without_winner,
        }
    }
}

/// `compare --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompareDoc {
    /// Always `hustings.compare`.
    pub schema: String,
    pub version: u32,
    pub generator: String,
    /// A and B, each as in `list`.
    pub contests: Vec<ContestDoc>,
    pub facts: Vec<FactDoc>,
}

/// One row of the comparison, as display strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactDoc {
    pub label: String,
    pub a: String,
    pub b: String,
}

/// One contest as in the data format, with what hustings derives from it. Written, the
/// contest is borrowed (`ContestDoc<&Contest>`, see [`ContestDocs`]); read back, owned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContestDoc<C = Contest> {
    pub contest: C,
    pub derived: Derived,
    /// In `history` only: the change since the seat's previous contest (as in `show`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<ChangeDoc>,
}

/// Numbers and names derived from a contest; `null` where the data does not allow them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Derived {
    pub region_name: Option<String>,
    /// The date as a reader would say it (`24 Oct 2019`, `Oct 2019`, `2019`).
    pub date_label: Option<String>,
    /// The one candidate elected; `null` when nobody is, or several are (see `winners`).
    pub winner: Option<String>,
    pub winner_faction: Option<String>,
    /// Everyone elected, in the order elected (the round that elected each, then votes).
    #[serde(default)]
    pub winners: Vec<String>,
    /// Winning margin in votes: computed from complete counts, else as the source states it.
    pub margin_votes: Option<u64>,
    /// That margin in percentage points of the valid ballots (or of all votes).
    pub margin_points: Option<f64>,
    /// Ballots cast: stated, or valid + rejected.
    pub ballots_cast: Option<u64>,
    /// Ballots cast over those eligible, in percent.
    pub turnout_percent: Option<f64>,
    /// One entry per candidate, in the same order as `contest.candidates`.
    pub candidates: Vec<CandidateDoc>,
    /// The stages as a path, `shortlist 3 → ballot 3 (24 Oct 2019)`; `null` when none are recorded.
    pub stage_path: Option<String>,
    /// Each of `contest.nominations`, in order, with who is over its threshold.
    pub nominations: Vec<NominationDoc>,
    /// Each nominated candidate against `contest.nomination_routes` (a rule of several
    /// conditions, or several routes): empty when the contest states none.
    #[serde(default)]
    pub nomination_routes: Vec<RouteDoc>,
    /// The paths of the values the contest's author inferred (`region`,
    /// `candidates[0].faction`): each is marked `†` in text.
    #[serde(default)]
    pub inferred: Vec<String>,
    /// This contest's integrity warnings, as sentences.
    pub warnings: Vec<String>,
}

/// What is derived for one candidate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CandidateDoc {
    pub name: String,
    /// Position in display order, from 1 (most votes, or elected, first).
    pub rank: usize,
    /// The share of the vote, or `null` when unknown.
    pub share: Option<ShareDoc>,
    /// `57.1%`, `>70%`, `~57%`, `<5%` or `n/a`.
    pub share_label: String,
    /// Stood in a count (see docs/FORMAT.md): false for a candidate who withdrew, was not
    /// shortlisted, was imposed or was left off a `ballot` stage, and has no votes.
    pub on_ballot: bool,
}

/// One kind of body's nominations, as derived.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NominationDoc {
    /// `branch`, `clp`, `union`, `affiliate`, `mp` or `other`.
    pub body: String,
    pub threshold: Option<f64>,
    /// One entry per count, in the data's order.
    pub candidates: Vec<NominatedDoc>,
}

/// One candidate against the nomination routes, as derived.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RouteDoc {
    pub candidate: String,
    /// Every condition of some route met: `true`, `false` (every route short), or `null`
    /// when not known.
    pub qualified: Option<bool>,
    /// `qualified`, `needs 1 more union and 1 more affiliate`, `not known (…)`.
    pub verdict: String,
}

/// One candidate's nominations from one kind of body, as derived.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NominatedDoc {
    /// The candidate's name (the count may refer to them by id).
    pub candidate: String,
    /// The count, or when only nominators are named, how many are named.
    pub nominations: Option<u64>,
    /// True when `nominations` is only a lower bound (the nominators named, no count given).
    pub at_least: bool,
    /// Over the threshold: `true`, `false`, or `null` when unknown (no threshold, or a lower
    /// bound short of it).
    pub reached: Option<bool>,
}

/// A share of the vote and how it is known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShareDoc {
    /// Percent, rounded to two decimals when computed.
    pub percent: f64,
    /// `exact` for a computed share; for a stated one, the source's qualifier.
    pub bound: Bound,
    /// `votes` (computed from the counts) or `stated` (as a source reports it).
    pub basis: ShareBasis,
}

/// Where a share comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ShareBasis {
    Votes,
    Stated,
}

/// The query as resolved against the dataset (ids, not the names typed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueryDoc {
    pub regions: Vec<String>,
    /// Contests with no region are kept too (`--region "no region"`); absent when false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub no_region: bool,
    pub factions: Vec<String>,
    /// A winner (or candidate) with no faction matches too (`--faction "no faction"`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub no_faction: bool,
    /// `winner` or `any-candidate`.
    pub faction_scope: String,
    pub kinds: Vec<ContestKind>,
    pub statuses: Vec<Status>,
    /// First day kept, `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Last day kept, `YYYY-MM-DD`.
    pub until: Option<String>,
    pub endorsers: Vec<String>,
    /// Stages reached (`shortlist`, `ballot`…); empty for any.
    #[serde(default)]
    pub stages: Vec<StageKind>,
    /// Candidate statuses (`withdrawn`, `imposed`…); empty for any.
    #[serde(default)]
    pub candidate_statuses: Vec<CandidateStatus>,
    pub search: String,
    pub sort: String,
    pub reverse: bool,
}

// serde's `skip_serializing_if` passes a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !b
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

fn generator() -> String {
    format!("hustings {}", env!("CARGO_PKG_VERSION"))
}

impl QueryDoc {
    pub fn new(q: &Query) -> QueryDoc {
        let f = &q.filter;
        QueryDoc {
            regions: f.regions.clone(),
            no_region: f.no_region,
            factions: f.factions.clone(),
            no_faction: f.no_faction,
            faction_scope: match f.faction_scope {
                FactionScope::Winner => "winner",
                FactionScope::AnyCandidate => "any-candidate",
            }
            .to_string(),
            kinds: f.kinds.clone(),
            statuses: f.statuses.clone(),
            since: f.since.map(|d| d.to_string()),
            until: f.until.map(|d| d.to_string()),
            endorsers: f.endorsers.clone(),
            stages: f.stages.clone(),
            candidate_statuses: f.candidate_statuses.clone(),
            search: f.search.clone(),
            sort: q.sort.key.as_str().to_string(),
            reverse: q.sort.reverse,
        }
    }
}

impl ShareDoc {
    /// `None` for an unknown share.
    pub fn new(share: &Share) -> Option<ShareDoc> {
        match share {
            Share::Computed(p) => Some(ShareDoc {
                percent: round2(*p),
                bound: Bound::Exact,
                basis: ShareBasis::Votes,
            }),
            Share::Stated(s) => Some(ShareDoc {
                percent: s.percent,
                bound: s.bound,
                basis: ShareBasis::Stated,
            }),
            Share::Unknown => None,
        }
    }
}

impl Derived {
    /// Contest `i`'s derived fields, with its warnings as sentences.
    pub fn new(dataset: &Dataset, warnings: Vec<String>, i: usize) -> Derived {
        let contest = &dataset.contests[i];
        let s = Summary::new(dataset, contest);
        let shares = arithmetic::Shares::of(contest);
        let mut rank = vec![0; contest.candidates.len()];
        for (place, i) in arithmetic::ranked(contest).into_iter().enumerate() {
            rank[i] = place + 1;
        }
        // Resolved once for the contest: a per-candidate or per-count lookup by scanning the
        // candidates made a contest of thousands quadratic.
        let standing = contest.standing();
        let references = crate::model::references::References::of(contest);
        Derived {
            region_name: s.region.map(|r| r.name.to_string()),
            date_label: contest
                .date
                .as_ref()
                .map(super::super::model::date::PartialDate::human),
            winner: s.winner.map(super::super::model::Candidate::label),
            winner_faction: s
                .winner
                .and_then(|w| w.faction.as_deref())
                .map(str::to_string),
            winners: s.winners.iter().map(|w| w.label()).collect(),
            margin_votes: s.margin_votes,
            margin_points: s.margin_points.map(round2),
            ballots_cast: s.cast,
            turnout_percent: s.turnout.map(round2),
            candidates: contest
                .candidates
                .iter()
                .zip(rank)
                .enumerate()
                .map(|(i, (c, rank))| {
                    let share = shares.share(c);
                    CandidateDoc {
                        name: c.label(),
                        rank,
                        share: ShareDoc::new(&share),
                        share_label: share.label(),
                        on_ballot: standing[i],
                    }
                })
                .collect(),
            stage_path: selection::stage_path(contest),
            nominations: contest
                .nominations
                .iter()
                .map(|n| NominationDoc {
                    body: n.body.as_str().to_string(),
                    threshold: n.threshold,
                    candidates: n
                        .counts
                        .iter()
                        .map(|count| {
                            let known = count.known();
                            NominatedDoc {
                                candidate: selection::name_of(
                                    contest,
                                    &references,
                                    &count.candidate,
                                )
                                .to_string(),
                                nominations: known.map(Known::value),
                                at_least: matches!(known, Some(Known::AtLeast(_))),
                                reached: match (known, n.threshold) {
                                    (Some(k), Some(t)) => k.reaches(t),
                                    _ => None,
                                },
                            }
                        })
                        .collect(),
                })
                .collect(),
            nomination_routes: crate::report::routes::routes(contest)
                .map(|r| r.candidates)
                .unwrap_or_default()
                .into_iter()
                .map(|v| RouteDoc {
                    candidate: v.name,
                    qualified: v.qualified,
                    verdict: v.verdict,
                })
                .collect(),
            inferred: contest
                .inferred
                .iter()
                .map(|x| x.field.to_string())
                .collect(),
            warnings,
        }
    }
}

/// The `list` document.
fn list_doc<'a>(listing: &'a Listing<'a>) -> ListDoc<ContestDocs<'a>> {
    let ds = listing.dataset;
    ListDoc {
        schema: "hustings.list".into(),
        version: OUTPUT_VERSION,
        generator: generator(),
        query: QueryDoc::new(listing.query),
        count: listing.rows.len(),
        regions: ds.regions.clone(),
        factions: ds.factions.clone(),
        contests: ContestDocs(listing),
    }
}

/// The listed contests of a `list` or `history` document, each made as it is written: a
/// million contests never stand in memory twice (once as data, once as a document).
pub struct ContestDocs<'a>(&'a Listing<'a>);

impl Serialize for ContestDocs<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let (listing, ds) = (self.0, self.0.dataset);
        let mut seq = serializer.serialize_seq(Some(listing.rows.len()))?;
        let warnings = WarningIndex::new(listing.warnings);
        for i in crate::query::ahead::rows(ds, listing.rows) {
            seq.serialize_element(&ContestDoc {
                contest: &ds.contests[i],
                derived: Derived::new(ds, warnings.of(i), i),
                change: listing
                    .changes
                    .and_then(|changes| ChangeDoc::new(ds, &changes.since(ds, i))),
            })?;
        }
        seq.end()
    }
}

/// The `show` document.
pub fn show_doc(detail: &Detail) -> ShowDoc {
    let ds = detail.dataset;
    let c = detail.contest;
    ShowDoc {
        schema: "hustings.show".into(),
        version: OUTPUT_VERSION,
        generator: generator(),
        contest: c.clone(),
        derived: Derived::new(ds, warnings_of(detail.warnings, detail.index), detail.index),
        region: c.region.as_deref().and_then(|r| ds.region(r)).cloned(),
        factions: ds
            .factions
            .iter()
            .filter(|f| {
                c.candidates
                    .iter()
                    .any(|k| k.faction.as_deref() == Some(&f.id))
            })
            .cloned()
            .collect(),
        change: ChangeDoc::new(ds, &detail.changes.since(ds, detail.index)),
        versions: detail.versions.map(|of| VersionsDoc::new(ds, &of)),
        count: CountDoc::new(c),
    }
}

/// `list --format json`.
pub fn list(out: &mut impl Write, listing: &Listing) -> io::Result<()> {
    write_doc(out, &list_doc(listing))
}

/// `history --format json`: a `list` document whose `schema` is `hustings.history` (the
/// contests of one constituency, oldest first).
pub fn history(out: &mut impl Write, listing: &Listing) -> io::Result<()> {
    let mut doc = list_doc(listing);
    doc.schema = "hustings.history".into();
    write_doc(out, &doc)
}

/// `compare --format json`: both contests as in `list`, and the facts compared.
pub fn compare(out: &mut impl Write, pair: &[Detail; 2]) -> io::Result<()> {
    let doc = CompareDoc {
        schema: "hustings.compare".into(),
        version: OUTPUT_VERSION,
        generator: generator(),
        contests: pair
            .iter()
            .map(|d| ContestDoc {
                contest: d.contest.clone(),
                derived: Derived::new(d.dataset, warnings_of(d.warnings, d.index), d.index),
                change: None,
            })
            .collect(),
        facts: facts::compared(pair[0].dataset, pair[0].contest, pair[1].contest)
            .into_iter()
            .map(|(label, [a, b])| FactDoc {
                label: label.into(),
                a,
                b,
            })
            .collect(),
    };
    write_doc(out, &doc)
}

/// `show --format json`.
pub fn show(out: &mut impl Write, detail: &Detail) -> io::Result<()> {
    write_doc(out, &show_doc(detail))
}

/// `stats --format json`.
pub fn stats(out: &mut impl Write, report: &StatsReport) -> io::Result<()> {
    let doc = StatsDoc {
        schema: "hustings.stats".into(),
        version: OUTPUT_VERSION,
        generator: generator(),
        query: QueryDoc::new(report.query),
        by: report.groups.by().as_str().into(),
        totals: TotalsDoc::new(&report.totals),
        seat_totals: report.seat_totals.as_ref().map(TotalsDoc::new),
        rows: stats_rows(report.dataset, &report.groups),
        matched_by_name: match &report.groups {
            Groups::Change(m) => Some(m.by_name),
            _ => None,
        },
        notes: crate::report::footnotes::for_stats(report)
            .into_iter()
            .map(|line| line.trim().to_string())
            .filter(|line| !line.is_empty())
            .collect(),
    };
    write_doc(out, &doc)
}

fn stats_rows(ds: &Dataset, groups: &Groups) -> serde_json::Value {
    use serde_json::{Value, json};
    let faction_name = |id: Option<&str>| id.and_then(|f| ds.faction(f)).map(|f| f.name.clone());
    let wins = |wins: &[(Option<String>, usize)]| -> Value {
        wins.iter()
            .map(|(f, n)| json!({"faction": f, "faction_name": faction_name(f.as_deref()), "won": n}))
            .collect()
    };
    let group = |key: (&str, Value),
                 name: Option<String>,
                 g: (usize, usize, usize),
                 w: &[(Option<String>, usize)]| {
        let mut row = serde_json::Map::new();
        row.insert(key.0.into(), key.1);
        row.insert("name".into(), json!(name));
        row.insert("contests".into(), json!(g.0));
        row.insert("decided".into(), json!(g.1));
        row.insert("pending".into(), json!(g.2));
        row.insert("wins".into(), wins(w));
        Value::Object(row)
    };
    match groups {
        Groups::Faction(records) => records
            .iter()
            .map(|r: &FactionRecord| {
                json!({
                    "faction": r.faction,
                    "name": faction_name(r.faction.as_deref()),
                    "stood": r.stood, "won": r.won, "lost": r.lost, "pending": r.pending,
                })
            })
            .collect(),
        Groups::Region(records) => records
            .iter()
            .map(|g: &GroupRecord<Option<String>>| {
                let name = g
                    .key
                    .as_deref()
                    .and_then(|r| ds.region(r))
                    .map(|r| r.name.clone());
                group(
                    ("region", json!(g.key)),
                    name.map(Into::into),
                    (g.contests, g.decided, g.pending),
                    &g.wins,
                )
            })
            .collect(),
        Groups::Kind(records) => records
            .iter()
            .map(|g: &GroupRecord<ContestKind>| {
                group(
                    ("kind", json!(g.key)),
                    Some(g.key.as_str().to_string()),
                    (g.contests, g.decided, g.pending),
                    &g.wins,
                )
            })
            .collect(),
        Groups::Endorser(records) => records
            .iter()
            .map(|r: &EndorserRecord| {
                json!({
                    "endorser": r.name,
                    "backing": r.backing.as_str(),
                    "endorsed": r.endorsed, "won": r.won, "lost": r.lost, "pending": r.pending,
                    "win_rate": r.win_rate().map(round2),
                })
            })
            .collect(),
        Groups::Party(records) => records
            .iter()
            .map(|r| {
                json!({
                    "party": r.party, "faction": r.faction,
                    "stood": r.stood, "won": r.won, "lost": r.lost, "pending": r.pending,
                    "parts": r.parts.iter().map(|(party, won)| json!({"party": party, "won": won})).collect::<Vec<_>>(),
                    "votes": r.votes, "votes_unknown": r.votes_unknown,
                    "share_percent": r.share,
                    "share_then_percent": r.share_then.map(|(share, _)| share),
                    "share_points": r.share_points(),
                    "share_since": r.share_then.map(|(_, date)| date.to_string()),
                })
            })
            .collect(),
        Groups::Change(m) => m
            .parties
            .iter()
            .enumerate()
            .flat_map(|(f, from)| {
                m.parties
                    .iter()
                    .enumerate()
                    .filter(move |&(t, _)| m.seats[f][t] > 0)
                    .map(move |(t, to)| {
                        json!({
                            "from": from.name, "from_short": from.short,
                            "to": to.name, "to_short": to.short,
                            "seats": m.seats[f][t], "held": f == t,
                        })
                    })
            })
            .collect(),
        Groups::Swing(seats) => seats
            .iter()
            .map(|s| {
                let (now, then) = (&ds.contests[s.contest], &ds.contests[s.previous]);
                json!({
                    "contest": now.id, "constituency": now.constituency,
                    "previous": then.id,
                    "matched_by": if s.by_name { "name" } else { "id" },
                    "result": s.result,
                    "swing": {"from": s.swing.from, "to": s.swing.to, "points": s.swing.points},
                    "winner_share_points": s.winner_points,
                })
            })
            .collect(),
        Groups::Month(records) => records
            .iter()
            .map(|g| {
                group(
                    ("period", json!(g.key)),
                    Some(g.key.to_string()),
                    (g.contests, g.decided, g.pending),
                    &g.wins,
                )
            })
            .collect(),
    }
}

fn write_doc(out: &mut impl Write, doc: &impl Serialize) -> io::Result<()> {
    super::pretty::write(&mut *out, doc).map_err(io::Error::from)?;
    writeln!(out)
}
