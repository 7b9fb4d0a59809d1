//! The presentation vocabulary: how every fact is worded, once, for the explorer and the command
//! line alike — unknowns, kinds, factions, regions, dates, counts and percentages.

use crate::model::arithmetic::Share;
use crate::model::colour::Rgb;
use crate::model::date::PartialDate;
use crate::model::fixed::Fixed;
use crate::model::{
    CandidateStatus, ContestKind, Dataset, Faction, NominatingBody, StageKind, Status,
};

/// An unknown number.
pub const NA: &str = "n/a";
/// A missing name or value where a number would not fit the sentence.
pub const DASH: &str = "—";
/// A contest with no region.
pub const NO_REGION: &str = "no region";
/// A candidate or winner with no faction.
pub const NO_FACTION: &str = "no faction";
/// A contest whose date is not known.
pub const NO_DATE: &str = "undated";
/// The unit of a difference between two percentages.
pub const POINTS: &str = "pts";
/// The mark beside a fact the data's author inferred (the sources do not state it).
pub const INFERRED_MARK: &str = "†";
/// What the mark means, said beside it where there is room.
pub const INFERRED: &str = "inferred";

/// `value` marked as inferred where there is room to say so: `East of England † inferred`.
pub fn inferred(value: &str) -> String {
    format!("{value} {INFERRED_MARK} {INFERRED}")
}

/// `value` with the bare mark, where space is short: `East of England †`.
pub fn marked(value: &str) -> String {
    format!("{value} {INFERRED_MARK}")
}

/// What `†` means under a list whose rows mark inferred values; `None` when none of `rows`
/// (indices into the dataset's contests) has any.
pub fn inferred_legend(dataset: &Dataset, rows: &[usize]) -> Option<String> {
    rows.iter()
        .any(|&i| !dataset.contests[i].inferred.is_empty())
        .then(|| format!("{INFERRED_MARK} {INFERRED}: see `show ID` for the basis"))
}

/// A stage as people say it: `longlist`, `shortlist`, `nominations`, `ballot`, `hustings`.
pub fn stage(stage: StageKind) -> &'static str {
    match stage {
        StageKind::Other => "other stage",
        s => s.as_str(),
    }
}

/// A candidate's status as people say it: `withdrawn`, `not shortlisted`, `imposed`.
pub fn candidate_status(status: CandidateStatus) -> &'static str {
    match status {
        CandidateStatus::Withdrawn => "withdrawn",
        CandidateStatus::NotShortlisted => "not shortlisted",
        CandidateStatus::Imposed => "imposed",
        CandidateStatus::Disqualified => "disqualified",
    }
}

/// The bodies that nominate, as a heading: `Branches`, `CLPs`, `Unions`.
pub fn nominating_bodies(body: NominatingBody) -> &'static str {
    match body {
        NominatingBody::Branch => "Branches",
        NominatingBody::Clp => "CLPs",
        NominatingBody::Union => "Unions",
        NominatingBody::Affiliate => "Affiliates",
        NominatingBody::Mp => "MPs",
        NominatingBody::Other => "Other nominations",
    }
}

/// One or more bodies that nominate, as counted: `union`/`unions`, `CLP`/`CLPs`.
pub fn nominating_body(body: NominatingBody, n: u64) -> &'static str {
    let one = n == 1;
    match body {
        NominatingBody::Branch if one => "branch",
        NominatingBody::Branch => "branches",
        NominatingBody::Clp if one => "CLP",
        NominatingBody::Clp => "CLPs",
        NominatingBody::Union if one => "union",
        NominatingBody::Union => "unions",
        NominatingBody::Affiliate if one => "affiliate",
        NominatingBody::Affiliate => "affiliates",
        NominatingBody::Mp if one => "MP",
        NominatingBody::Mp => "MPs",
        NominatingBody::Other if one => "other body",
        NominatingBody::Other => "other bodies",
    }
}

/// A number as written, without a needless `.0`: `2`, `2.5`.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// A count with thousands separators: `14477` → `14,477` (defined with the model's text
/// helpers, so importers word their notes the same way).
pub use crate::model::text::thousands;

/// A party's name in seat totals, with the parts of its group that won seats:
/// `Labour (incl. 26 Labour and Co-operative)`.
pub fn party_record_name(r: &crate::stats::PartyRecord) -> String {
    let name = party_name(r.party.as_deref());
    if r.parts.is_empty() {
        return name;
    }
    let parts: Vec<String> = r
        .parts
        .iter()
        .map(|(part, n)| format!("{n} {part}"))
        .collect();
    format!("{name} (incl. {})", parts.join(", "))
}

/// Who the cells of a seat strip are (`report::bars::seat_strip`), in its order: the parties
/// drawn, each with its seats, then the rest together: `Conservative 365 · Labour 202 · … ·
/// 4 others 7`.
pub fn seat_strip_key(records: &[crate::stats::PartyRecord], widths: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let (mut others, mut other_seats) = (0, 0);
    for (r, &w) in records.iter().zip(widths) {
        if r.won == 0 {
            continue;
        }
        if w > 0 {
            parts.push(format!("{} {}", party_name(r.party.as_deref()), r.won));
        } else {
            others += 1;
            other_seats += r.won;
        }
    }
    if others > 0 {
        parts.push(format!(
            "{} {other_seats}",
            plural(others, "other", "others")
        ));
    }
    parts.join(" · ")
}

/// A party's votes: `13,966,454`, `at least 1,234` when some are unknown, `n/a` when none are known.
pub fn party_votes(r: &crate::stats::PartyRecord) -> String {
    match (r.votes, r.votes_unknown) {
        (v, 0) => thousands(v),
        (0, _) => NA.to_string(),
        (v, _) => format!("at least {}", thousands(v)),
    }
}

/// A count with separators, or `n/a`.
pub fn count(n: Option<u64>) -> String {
    n.map_or_else(|| NA.to_string(), thousands)
}

/// `45.2%`, or `n/a`.
pub fn percent(p: Option<f64>) -> String {
    p.map_or_else(|| NA.to_string(), |p| format!("{}%", Fixed::new(p, 1)))
}

/// `20.3 pts`.
pub fn points(p: f64) -> String {
    format!("{p:.1} {POINTS}")
}

/// A share as its label: `57.1%`, `>70%`, `~57%`, `<5%` or `n/a`.
pub fn share(share: &Share) -> String {
    share.label()
}

/// The one label of each kind of contest, as people write it.
pub fn kind(kind: ContestKind) -> &'static str {
    match kind {
        ContestKind::Selection => "selection",
        ContestKind::Leadership => "leadership",
        ContestKind::GeneralElection => "general election",
        ContestKind::ByElection => "by-election",
        ContestKind::Other => "other",
    }
}

/// `decided` or `pending`.
pub fn status(status: Status) -> &'static str {
    status.as_str()
}

/// `24 Oct 2019`, `Oct 2019`, `2019`, or `undated`.
pub fn date(date: Option<PartialDate>) -> String {
    date.map_or_else(|| NO_DATE.to_string(), |d| d.human())
}

/// The short label of a faction: its `abbr` (at most four characters), else the initials of
/// its name. Used wherever a faction is named in a narrow column or instead of colour.
/// (The rule is the model's, so the query accepts back what is printed.)
pub fn faction_short(faction: &Faction) -> String {
    faction.short_label()
}

/// A faction's name; `no faction` for `None` or an id missing from the catalogue.
pub fn faction_name<'d>(dataset: &'d Dataset, id: Option<&str>) -> &'d str {
    id.and_then(|id| dataset.faction(id))
        .map_or(NO_FACTION, |f| &f.name)
}

/// A region's name (its id when the catalogue lacks it); `no region` for `None`.
pub fn region_name(dataset: &Dataset, id: Option<&str>) -> String {
    match id {
        Some(id) => dataset
            .region(id)
            .map_or_else(|| id.to_string(), |r| r.name.to_string()),
        None => NO_REGION.to_string(),
    }
}

/// A party's name; `no party stated` for `None`.
pub fn party_name(party: Option<&str>) -> String {
    party.map_or_else(|| "no party stated".to_string(), str::to_string)
}

/// The faction's colour, when the data gives a valid one.
pub fn faction_colour(faction: Option<&Faction>) -> Option<Rgb> {
    faction?.color.as_deref().and_then(Rgb::parse)
}

/// `one thing`/`2 things`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whether colour is allowed at all: `NO_COLOR` set to anything non-empty turns it off
/// (no-color.org). The explorer's theme and the text output both ask here.
pub fn colour_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn faction(abbr: Option<&str>) -> Faction {
        Faction {
            id: "x".into(),
            name: "Labour left / Momentum".into(),
            abbr: abbr.map(Into::into),
            color: None,
            description: None,
            group: None,
            spellings: Vec::new(),
        }
    }

    #[test]
    fn words() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(14477), "14,477");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(count(None), "n/a");
        assert_eq!(points(20.26), "20.3 pts");
        assert_eq!(kind(ContestKind::GeneralElection), "general election");
        assert_eq!(date(None), "undated");
        assert_eq!(faction_short(&faction(Some("LL"))), "LL");
        assert_eq!(faction_short(&faction(None)), "LLM");
        assert_eq!(faction_short(&faction(Some("  "))), "LLM");
        assert_eq!(plural(1, "seat", "seats"), "1 seat");
    }
}
