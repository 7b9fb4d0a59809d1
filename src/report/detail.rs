//! The pieces of `show` shared by its text and Markdown forms, as plain strings: the contest's
//! facts, each candidate's particulars, the rounds, the sources and the bar chart's rows.

use super::{DASH, Detail, NA, Summary, count_label, faction_name, thousands};
use crate::model::arithmetic::{self, Share};
use crate::model::date::PartialDate;
use crate::model::{Bound, Candidate, Contest, Source, Status};
use crate::report::bars::{self, Bar};

/// The id and what kind of contest it is, to be joined with ` · `:
/// `stockport-selection-2019 · selection · Labour · North West · 2019 · decided`.
pub fn headline(detail: &Detail) -> Vec<String> {
    let s = Summary::new(detail.dataset, detail.contest);
    let c = detail.contest;
    let mut parts = vec![c.id.clone(), c.kind.as_str().to_string()];
    parts.extend(c.party.clone());
    parts.extend(s.region.map(|r| r.name.clone()));
    parts.extend(c.date.as_ref().map(PartialDate::human));
    parts.push(c.status.as_str().to_string());
    parts
}

/// The contest's facts as (label, value), in reading order. Ballots, turnout and margin are
/// always given (`n/a` when unknown); other facts only when the data has them.
pub fn facts(detail: &Detail) -> Vec<(&'static str, String)> {
    let c = detail.contest;
    let s = Summary::new(detail.dataset, c);
    let mut facts: Vec<(&'static str, String)> = Vec::new();
    let mut push = |label, value: Option<String>| {
        if let Some(v) = value {
            facts.push((label, v));
        }
    };
    push("Kind", Some(c.kind.as_str().to_string()));
    push("Party", c.party.clone());
    push(
        "Constituency",
        c.constituency
            .as_ref()
            .map(|name| match &c.constituency_id {
                Some(id) => format!("{name} ({id})"),
                None => name.clone(),
            }),
    );
    push(
        "Region",
        Some(s.region.map_or(DASH.into(), |r| r.name.clone())),
    );
    push("Date", Some(s.date_label()));
    push("Status", Some(status(c)));
    push("Method", c.method.clone());
    push("Ballots", Some(ballots(c)));
    push("Turnout", Some(turnout(c)));
    push("Margin", Some(margin(c)));
    push(
        "Majority",
        c.majority.map(|m| format!("{} (as stated)", thousands(m))),
    );
    push(
        "Swing",
        c.swing
            .as_ref()
            .map(|w| format!("{} points to {}", w.percent, w.to)),
    );
    push("Result", c.result.clone());
    push(
        "Previous holder",
        c.previous_holder.as_ref().map(|h| {
            let mut about: Vec<String> = h.party.iter().cloned().collect();
            about.extend(h.since.map(|d| format!("since {}", d.human())));
            with_aside(&h.name, &about)
        }),
    );
    push(
        "Defection",
        c.defection.as_ref().map(|d| {
            let date: Vec<String> = d.date.iter().map(PartialDate::human).collect();
            with_aside(&format!("to {}", d.to), &date)
        }),
    );
    push(
        "Seat majority",
        c.seat_majority.as_ref().map(|m| {
            let mut about: Vec<String> = m.party.iter().cloned().collect();
            about.extend(m.as_of.map(|d| d.human()));
            with_aside(&thousands(m.votes), &about)
        }),
    );
    facts
}

/// `name (a, b)`, or `name` alone.
fn with_aside(main: &str, aside: &[String]) -> String {
    if aside.is_empty() {
        main.to_string()
    } else {
        format!("{main} ({})", aside.join(", "))
    }
}

fn status(c: &Contest) -> String {
    match c.status_as_of {
        Some(d) => format!("{} (as of {})", c.status.as_str(), d.human()),
        None => c.status.as_str().to_string(),
    }
}

fn ballots(c: &Contest) -> String {
    let b = c.ballots.clone().unwrap_or_default();
    let part = |n: Option<u64>, what: &str| match n {
        Some(n) => format!("{} {what}", thousands(n)),
        None => format!("{what} {NA}"),
    };
    let cast = match (b.cast, arithmetic::cast(c)) {
        (Some(n), _) => format!("{} cast", thousands(n)),
        (None, Some(n)) => format!("{} cast (valid + rejected)", thousands(n)),
        (None, None) => format!("cast {NA}"),
    };
    [
        part(b.valid, "valid"),
        part(b.rejected, "rejected"),
        cast,
        part(b.eligible, "eligible"),
    ]
    .join(" · ")
}

fn turnout(c: &Contest) -> String {
    match (
        arithmetic::turnout(c),
        arithmetic::cast(c),
        c.ballots.as_ref().and_then(|b| b.eligible),
    ) {
        (Some(t), Some(cast), Some(eligible)) => format!(
            "{t:.1}% ({} of {} eligible)",
            thousands(cast),
            thousands(eligible)
        ),
        _ => NA.to_string(),
    }
}

fn margin(c: &Contest) -> String {
    let how = if arithmetic::computed_margin(c).is_some() {
        "computed from the counts"
    } else {
        "as stated"
    };
    match (arithmetic::margin_votes(c), arithmetic::margin_points(c)) {
        (Some(v), Some(p)) => format!("{} votes, {p:.1} points ({how})", thousands(v)),
        (Some(v), None) => format!("{} votes ({how})", thousands(v)),
        _ => NA.to_string(),
    }
}

/// What the shares are shares of, e.g. `Shares of 592 valid ballots.`
pub fn denominator_note(c: &Contest) -> Option<String> {
    let valid = c.ballots.as_ref().and_then(|b| b.valid);
    match (valid, arithmetic::denominator(c)) {
        (Some(v), Some(_)) => Some(format!("Shares of {} valid ballots.", thousands(v))),
        (None, Some(d)) => Some(format!("Shares of the {} votes counted.", thousands(d))),
        _ if c.candidates.iter().any(|k| k.share.is_some()) => {
            Some("No vote counts known: shares are as the sources state them.".into())
        }
        _ => None,
    }
}

/// Explains the marks on bars drawn to a stated bound, if any are.
pub fn legend(bars: &[Bar]) -> Vec<&'static str> {
    let has = |b: Bound| {
        bars.iter()
            .any(|bar| bar.percent.is_some() && bar.bound == b)
    };
    let mut lines = Vec::new();
    if has(Bound::Over) {
        lines.push("▸ drawn to a stated lower bound: the true share is higher");
    }
    if has(Bound::About) {
        lines.push("~ an approximate share, as stated");
    }
    if has(Bound::Under) {
        lines.push("░ drawn to a stated upper bound: the true share is lower");
    }
    if bars.iter().any(|b| b.percent.is_none()) {
        lines.push("n/a: share unknown, no bar drawn");
    }
    lines
}

/// One row of the bar chart, before layout.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartRow {
    pub elected: bool,
    pub name: String,
    /// Votes with separators, or `n/a`.
    pub votes: String,
    pub label: String,
    pub bar: Bar,
}

/// The chart's rows, longest bar first.
pub fn chart_rows(contest: &Contest) -> Vec<ChartRow> {
    bars::bars(contest)
        .into_iter()
        .map(|bar| ChartRow {
            elected: bar.elected,
            name: bar.name.clone(),
            votes: count_label(bar.votes),
            label: bar.label.clone(),
            bar,
        })
        .collect()
}

/// A candidate's particulars, one line each: faction, party, votes and share; endorsements;
/// description.
pub fn candidate_lines(detail: &Detail, candidate: &Candidate) -> Vec<String> {
    let c = detail.contest;
    let mut facts: Vec<String> = Vec::new();
    if candidate.elected {
        facts.push("elected".into());
    }
    if candidate.incumbent {
        facts.push("incumbent".into());
    }
    if let Some(f) = &candidate.faction {
        facts.push(faction_name(detail.dataset, Some(f)));
    }
    facts.extend(candidate.party.clone());
    facts.push(match candidate.votes {
        Some(v) => format!("{} votes", thousands(v)),
        None => format!("votes {NA}"),
    });
    let share = arithmetic::share(c, candidate);
    facts.push(match (&share, &candidate.share) {
        (Share::Computed(_), Some(stated)) => {
            format!(
                "{} (stated {})",
                share.label(),
                arithmetic::stated_label(stated)
            )
        }
        (Share::Stated(_), _) => format!("{} (as stated)", share.label()),
        _ => share.label(),
    });
    facts.extend(candidate.place.map(|p| format!("placed {p}")));
    let mut lines = vec![facts.join(" · ")];
    if !candidate.endorsements.is_empty() {
        lines.push(format!("Endorsed by {}", candidate.endorsements.join(", ")));
    }
    lines.extend(candidate.description.clone());
    lines
}

/// One line per round: counts, eliminations, transfers, exhausted ballots.
pub fn round_lines(c: &Contest) -> Vec<String> {
    c.rounds
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let counts: Vec<String> = r
                .counts
                .iter()
                .map(|k| format!("{} {}", k.candidate, thousands(k.votes)))
                .collect();
            let mut parts = vec![format!("Round {}: {}", i + 1, counts.join(", "))];
            if !r.eliminated.is_empty() {
                parts.push(format!("eliminated {}", r.eliminated.join(", ")));
            }
            if !r.transfers.is_empty() {
                let moves: Vec<String> = r
                    .transfers
                    .iter()
                    .map(|t| format!("{} → {} {}", t.from, t.to, thousands(t.votes)))
                    .collect();
                parts.push(format!("transfers {}", moves.join(", ")));
            }
            if let Some(x) = r.exhausted {
                parts.push(format!("{} exhausted", thousands(x)));
            }
            parts.join("; ")
        })
        .collect()
}

/// `LabourList, "Title", 25 Oct 2019 — note`, without the URL (callers place it).
pub fn source_text(s: &Source) -> String {
    let mut head = vec![s.outlet.clone()];
    head.extend(s.title.as_ref().map(|t| format!("\u{201c}{t}\u{201d}")));
    head.extend(s.date.map(|d| d.human()));
    let mut text = head.join(", ");
    if let Some(note) = &s.note {
        text.push_str(" — ");
        text.push_str(note);
    }
    text
}

/// What to say instead of a chart for a contest with no candidates.
pub fn no_candidates(c: &Contest) -> &'static str {
    match c.status {
        Status::Pending => "No candidates known yet.",
        Status::Decided => "No candidates recorded.",
    }
}
