//! A contest's displayable facts, built once: the explorer's detail pane, `show` (text and
//! Markdown), `compare` (both front ends) and the exports all take them from here, so a fact
//! reads the same wherever it is shown.

use crate::model::arithmetic::{self, Share};
use crate::model::{
    Bound, Candidate, Contest, Dataset, DateBounds, Faction, Region, Source, Status,
};
use crate::report::bars::{self, Bar};
use crate::report::selection;

pub use crate::report::candidates::{CandidateRow, candidates};
use crate::report::words::{self, DASH, NA, thousands};

/// The numbers every format derives from a contest, derived once.
#[derive(Debug, Clone)]
pub struct Summary<'a> {
    pub contest: &'a Contest,
    pub region: Option<&'a Region>,
    /// The one winner (`None` when nobody is elected, or several are).
    pub winner: Option<&'a Candidate>,
    /// Everyone elected, in the order elected (a contest with several seats has winners and
    /// no single winner's share or margin).
    pub winners: Vec<&'a Candidate>,
    pub winner_faction: Option<&'a Faction>,
    /// The winner's share (`None` when there is no winner): of the final round's votes in a
    /// preferential count.
    pub winner_share: Option<Share>,
    /// In a preferential count, the winner's share of the first preferences.
    pub first_round_share: Option<Share>,
    pub margin_votes: Option<u64>,
    pub margin_points: Option<f64>,
    /// The margin is as the source states it, not computed from the counts.
    pub margin_stated: bool,
    /// Ballots cast: stated, or valid + rejected.
    pub cast: Option<u64>,
    pub turnout: Option<f64>,
}

impl<'a> Summary<'a> {
    pub fn new(dataset: &'a Dataset, contest: &'a Contest) -> Summary<'a> {
        let winner = arithmetic::winner(contest);
        let final_share = arithmetic::final_share(contest);
        // Worked out once: the margin's votes, its points and whether it was stated all ask.
        let computed_margin = arithmetic::computed_margin(contest);
        let margin_votes = computed_margin.or(contest.majority);
        Summary {
            contest,
            region: contest.region.as_deref().and_then(|r| dataset.region(r)),
            winner,
            winners: arithmetic::winners(contest).collect(),
            winner_faction: winner
                .and_then(|w| w.faction.as_deref())
                .and_then(|f| dataset.faction(f)),
            winner_share: match final_share {
                Some(p) => Some(Share::Computed(p)),
                None => winner.map(|w| arithmetic::share(contest, w)),
            },
            first_round_share: final_share
                .and(winner)
                .map(|w| arithmetic::share(contest, w))
                .filter(|s| s.percent().is_some()),
            margin_votes,
            margin_points: arithmetic::points_of(contest, margin_votes),
            margin_stated: computed_margin.is_none(),
            cast: arithmetic::cast(contest),
            turnout: arithmetic::turnout(contest),
        }
    }

    /// `24 Oct 2019`, `2019`, or `undated`.
    pub fn date_label(&self) -> String {
        words::date(self.contest.date)
    }

    /// The region's name, or `no region`.
    pub fn region_label(&self) -> String {
        self.region
            .map_or_else(|| words::NO_REGION.to_string(), |r| r.name.to_string())
    }

    /// The winning margin as a reader would say it: `120 (20.3 pts)`, `5,965 (as stated)`, or
    /// `n/a`.
    pub fn margin_label(&self) -> String {
        let stated = self.margin_stated;
        match (self.margin_votes, self.margin_points) {
            (Some(v), Some(p)) if stated => {
                format!("{} ({}, as stated)", thousands(v), words::points(p))
            }
            (Some(v), Some(p)) if arithmetic::final_round(self.contest).is_some() => {
                format!("{} ({}, final round)", thousands(v), words::points(p))
            }
            (Some(v), Some(p)) => format!("{} ({})", thousands(v), words::points(p)),
            (Some(v), None) if stated => format!("{} (as stated)", thousands(v)),
            (Some(v), None) => thousands(v),
            _ => NA.to_string(),
        }
    }

    /// The margin for a narrow column: `120 (20.3 pts)`, `5,965`, `20.3 pts` or `n/a`
    /// (whether it was stated is left to the full label).
    pub fn margin_short(&self) -> String {
        match (self.margin_votes, self.margin_points) {
            (Some(v), Some(p)) => format!("{} ({})", thousands(v), words::points(p)),
            (Some(v), None) => thousands(v),
            (None, Some(p)) => words::points(p),
            (None, None) => NA.to_string(),
        }
    }

    /// `45.2%` or `n/a`.
    pub fn turnout_label(&self) -> String {
        words::percent(self.turnout)
    }

    /// The winner with their faction's short label, `Elected: A, B, C` for several seats,
    /// `pending`, or `—`.
    pub fn winner_label(&self) -> String {
        match (self.winner, self.winner_faction) {
            (Some(w), Some(f)) => format!("{} ({})", w.label(), words::faction_short(f)),
            _ => self.winner_text(),
        }
    }

    /// The winner, `Elected: A, B, C` (in the order elected) for several seats, `pending`,
    /// or `—`: the winner column of every list.
    pub fn winner_text(&self) -> String {
        match (self.winners.as_slice(), self.contest.status) {
            ([w], _) => w.label(),
            ([], Status::Pending) => "pending".to_string(),
            ([], Status::Decided) => DASH.to_string(),
            (several, _) => format!(
                "Elected: {}",
                several
                    .iter()
                    .map(|w| w.label())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    /// The winner's share, or `—` when there is no winner.
    pub fn winner_share_label(&self) -> String {
        self.winner_share
            .as_ref()
            .map_or(DASH.to_string(), words::share)
    }

    /// The winner's share with the round it is from, in a preferential count:
    /// `54.1% in the final round (35.6% of first preferences)`.
    pub fn winner_share_fact(&self) -> String {
        let share = self.winner_share_label();
        match (
            &self.first_round_share,
            arithmetic::final_round(self.contest),
        ) {
            (Some(first), Some(_)) => format!(
                "{share} in the final round ({} of first preferences)",
                words::share(first)
            ),
            (None, Some(_)) if self.winner_share.is_some() => format!("{share} in the final round"),
            _ => share,
        }
    }
}

/// The values of a contest's row in a list (`list`, the explorer's list) that may rest on a
/// fact the data marks inferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowFact {
    Title,
    Date,
    Region,
    Winner,
    WinnerFaction,
    WinnerShare,
}

impl Summary<'_> {
    /// Whether the row's `fact` rests on a value the data marks inferred: the contest's own
    /// field, or the winner's.
    pub fn is_inferred(&self, fact: RowFact) -> bool {
        let c = self.contest;
        if c.inferred.is_empty() {
            return false;
        }
        let winner = || {
            let w = self.winner?;
            c.candidates.iter().position(|k| std::ptr::eq(k, w))
        };
        let of_winner = |fields: &[&str]| {
            winner().is_some_and(|i| {
                c.is_inferred(&format!("candidates[{i}].name"))
                    || fields
                        .iter()
                        .any(|f| c.is_inferred(&format!("candidates[{i}].{f}")))
                    || c.inferred
                        .iter()
                        .any(|x| x.field == format!("candidates[{i}]"))
            })
        };
        match fact {
            RowFact::Title => c.is_inferred("title"),
            RowFact::Date => c.is_inferred("date"),
            RowFact::Region => c.is_inferred("region"),
            RowFact::Winner => of_winner(&["elected"]),
            RowFact::WinnerFaction => of_winner(&["faction"]),
            RowFact::WinnerShare => of_winner(&["votes", "share"]),
        }
    }

    /// `label`, followed by ` †` when the row's `fact` is inferred (and is shown: a dash or
    /// `n/a` says nothing to mark).
    pub fn marked(&self, fact: RowFact, label: String) -> String {
        if self.marks(fact, &label) {
            words::marked(&label)
        } else {
            label
        }
    }

    /// [`Self::marked`] of a borrowed `label`, copied only when it is marked (a list's rows
    /// are many).
    pub fn mark<'t>(&self, fact: RowFact, label: &'t str) -> std::borrow::Cow<'t, str> {
        if self.marks(fact, label) {
            words::marked(label).into()
        } else {
            label.into()
        }
    }

    /// Whether [`Self::marked`] marks `label`: a value shown for an inferred fact.
    fn marks(&self, fact: RowFact, label: &str) -> bool {
        self.is_inferred(fact) && label != DASH && label != NA && !label.is_empty()
    }
}

/// One labelled fact.
pub type Fact = (&'static str, String);

/// The contest's title, marked `†` when the title itself is inferred.
pub fn title(c: &Contest) -> String {
    if c.is_inferred("title") {
        words::marked(&c.title)
    } else {
        c.title.to_string()
    }
}

/// The id, kind, party, region, date and status, to be joined with ` · `:
/// `stockport-selection-2019 · selection · Labour · North West · 2019 · decided`; an inferred
/// one is marked `†` (its basis is in the notes [`selection::inferred_notes`] gives).
pub fn headline(dataset: &Dataset, c: &Contest) -> Vec<String> {
    let s = Summary::new(dataset, c);
    let short = |key: &str, value: String| {
        if c.is_inferred(key) {
            words::marked(&value)
        } else {
            value
        }
    };
    let mut parts = vec![
        c.id.to_string(),
        short("kind", words::kind(c.kind).to_string()),
    ];
    parts.extend(c.party.as_deref().map(|p| short("party", p.to_string())));
    parts.push(short("region", s.region_label()));
    parts.push(short("date", s.date_label()));
    parts.push(short("status", words::status(c.status).to_string()));
    parts
}

/// `value` said to be inferred when the contest marks anything at `key` (or within it).
fn mark(c: &Contest, key: &str, value: String) -> String {
    if c.is_inferred(key) {
        words::inferred(&value)
    } else {
        value
    }
}

/// The contest's facts as (label, value), in reading order. Kind, region, date, status,
/// winner, ballots, turnout and margin are always given (worded as unknown when they are);
/// other facts only when the data has them. A fact the data marks inferred says so
/// (`East of England † inferred`); the basis is in [`selection::inferred_notes`].
pub fn facts(dataset: &Dataset, c: &Contest) -> Vec<Fact> {
    let s = Summary::new(dataset, c);
    let mut facts: Vec<Fact> = Vec::new();
    // Each fact with the data's field it shows, so an inferred one is marked.
    let mut push = |label, key: &str, value: Option<String>| {
        if let Some(v) = value {
            facts.push((label, mark(c, key, v)));
        }
    };
    push("Kind", "kind", Some(words::kind(c.kind).to_string()));
    push("Party", "party", c.party.as_deref().map(str::to_string));
    push(
        "Constituency",
        "constituency",
        c.constituency
            .as_ref()
            .map(|name| match &c.constituency_id {
                Some(id) if c.is_inferred("constituency_id") => {
                    format!("{name} ({})", words::inferred(id))
                }
                Some(id) => format!("{name} ({id})"),
                None => name.to_string(),
            }),
    );
    push("Region", "region", Some(s.region_label()));
    push("Date", "date", Some(s.date_label()));
    push(
        "Date bounds",
        "date_bounds",
        c.date_bounds.as_deref().map(date_bounds),
    );
    push("Status", "status", Some(status(c)));
    push("Method", "method", c.method.as_deref().map(str::to_string));
    let mut push = |label, value: Option<String>| {
        if let Some(v) = value {
            facts.push((label, v));
        }
    };
    // The path marks each stage that holds an inferred fact itself.
    push("Stages", selection::stage_path(c));
    let inferred_faction = c
        .candidates
        .iter()
        .position(|k| k.elected)
        .filter(|w| c.is_inferred(&format!("candidates[{w}].faction")));
    // Several seats: who was elected, in order, and no single winner's share or margin.
    let several = s.winners.len() > 1;
    push(
        "Elected",
        several.then(|| {
            s.winners
                .iter()
                .map(|w| w.label())
                .collect::<Vec<_>>()
                .join(", ")
        }),
    );
    push(
        "Winner",
        (!several).then(|| match (inferred_faction, s.winner, s.winner_faction) {
            // `Mick Whitley (LL † inferred)`: the faction is the inferred part.
            (Some(_), Some(w), Some(f)) => {
                format!(
                    "{} ({})",
                    w.label(),
                    words::inferred(&words::faction_short(f))
                )
            }
            _ => s.winner_label(),
        }),
    );
    push("Winner's share", (!several).then(|| s.winner_share_fact()));
    push("Seats", c.seats.filter(|&n| n > 1).map(|n| n.to_string()));
    push(
        "Rounds",
        (!c.rounds.is_empty()).then(|| {
            let order = crate::report::rounds::seat_order(c);
            let mut said = c.rounds.len().to_string();
            if !order.is_empty() && c.seats.unwrap_or(1) > 1 {
                let filled: Vec<String> = order
                    .iter()
                    .map(|(r, name)| format!("{name} (round {r})"))
                    .collect();
                said.push_str(&format!("; seats filled: {}", filled.join(", ")));
            }
            said
        }),
    );
    push("Ballots", Some(mark(c, "ballots", ballots(c))));
    push("Turnout", Some(turnout(c)));
    push("Margin", (!several).then(|| s.margin_label()));
    let mut push = |label, key: &str, value: Option<String>| {
        if let Some(v) = value {
            facts.push((label, mark(c, key, v)));
        }
    };
    push(
        "Majority",
        "majority",
        c.majority.map(|m| format!("{} (as stated)", thousands(m))),
    );
    push(
        "Swing",
        "swing",
        c.swing
            .as_ref()
            .map(|w| format!("{} {} to {}", w.percent, words::POINTS, w.to)),
    );
    push("Result", "result", c.result.as_deref().map(str::to_string));
    push(
        "Previous holder",
        "previous_holder",
        c.previous_holder.as_ref().map(|h| {
            let mut about: Vec<String> = h
                .party
                .iter()
                .map(std::string::ToString::to_string)
                .collect();
            about.extend(h.since.map(|d| format!("since {}", d.human())));
            with_aside(&h.name, &about)
        }),
    );
    push(
        "Defection",
        "defection",
        c.defection.as_ref().map(|d| {
            let date: Vec<String> = d
                .date
                .iter()
                .map(super::super::model::date::PartialDate::human)
                .collect();
            let to = match &d.to {
                Some(to) => format!("to {to}"),
                None => "left the party".to_string(),
            };
            with_aside(&to, &date)
        }),
    );
    push(
        "Seat majority",
        "seat_majority",
        c.seat_majority.as_ref().map(|m| {
            let mut about: Vec<String> = m
                .party
                .iter()
                .map(std::string::ToString::to_string)
                .collect();
            about.extend(m.as_of.map(|d| d.human()));
            with_aside(&thousands(m.votes), &about)
        }),
    );
    facts
}

/// The labels `compare` puts side by side, in order: the facts every contest has.
const COMPARED: [&str; 9] = [
    "Kind",
    "Region",
    "Date",
    "Status",
    "Winner",
    "Winner's share",
    "Margin",
    "Turnout",
    "Ballots",
];

/// Two contests' facts side by side: (label, [a, b]) for the facts every contest has, then
/// those either has, `—` where one lacks it.
pub fn compared(dataset: &Dataset, a: &Contest, b: &Contest) -> Vec<(&'static str, [String; 2])> {
    let (fa, fb) = (facts(dataset, a), facts(dataset, b));
    let get = |f: &[Fact], label: &str| {
        f.iter()
            .find(|(l, _)| *l == label)
            .map_or(DASH.to_string(), |(_, v)| v.clone())
    };
    let mut labels: Vec<&'static str> = COMPARED.to_vec();
    for (label, _) in fa.iter().chain(&fb) {
        if !labels.contains(label) {
            labels.push(label);
        }
    }
    labels
        .into_iter()
        .map(|label| (label, [get(&fa, label), get(&fb, label)]))
        .collect()
}

/// `name (a, b)`, or `name` alone.
fn with_aside(main: &str, aside: &[String]) -> String {
    if aside.is_empty() {
        main.to_string()
    } else {
        format!("{main} ({})", aside.join(", "))
    }
}

/// `not before 17 Jun 2019, not after 25 Oct 2019: basis`.
fn date_bounds(b: &DateBounds) -> String {
    let mut ends: Vec<String> = Vec::new();
    ends.extend(b.earliest.map(|d| format!("not before {}", d.human())));
    ends.extend(b.latest.map(|d| format!("not after {}", d.human())));
    format!("{}: {}", ends.join(", "), b.basis)
}

fn status(c: &Contest) -> String {
    match c.status_as_of {
        Some(d) => format!("{} (as of {})", words::status(c.status), d.human()),
        None => words::status(c.status).to_string(),
    }
}

fn ballots(c: &Contest) -> String {
    let b = c.ballots.clone().unwrap_or_default();
    if b.valid.or(b.rejected).or(b.eligible).or(b.cast).is_none() {
        return "not reported".to_string();
    }
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
            "{} ({} of {} eligible)",
            words::percent(Some(t)),
            thousands(cast),
            thousands(eligible)
        ),
        // A source's "turnout of 160 members" is a number of voters: said as such, not n/a.
        (None, _, None) if c.ballots.as_ref().is_some_and(|b| b.cast.is_some()) => {
            let cast = c.ballots.as_ref().and_then(|b| b.cast).unwrap_or_default();
            format!(
                "{} voted, as stated (no electorate given, so no percentage)",
                thousands(cast)
            )
        }
        _ => NA.to_string(),
    }
}

/// What the shares are shares of, e.g. `Shares of 592 valid ballots.`
pub fn denominator_note(c: &Contest) -> Option<String> {
    let valid = c.ballots.as_ref().and_then(|b| b.valid);
    match (valid, arithmetic::denominator(c)) {
        (Some(v), Some(_)) => Some(format!("Shares of {} valid ballots.", thousands(v))),
        (None, Some(d)) => Some(format!("Shares of the {} votes counted.", thousands(d))),
        _ if c.candidates.iter().any(|k| k.share().is_some()) => {
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
    // Said only beside drawn bars: a chart with no bar at all says so itself.
    if bars.iter().any(|b| b.percent.is_none()) && bars.iter().any(|b| b.percent.is_some()) {
        lines.push("n/a: share unknown, no bar drawn");
    }
    lines
}

/// The bar chart's rows for `c`, longest first (see [`bars::bars`]).
pub fn chart(c: &Contest) -> Vec<Bar> {
    bars::bars(c)
}

/// `LabourList, "Title", 25 Oct 2019 — note`, without the URL (callers place it).
pub fn source_text(s: &Source) -> String {
    let mut head = vec![s.outlet.to_string()];
    head.extend(s.title.as_ref().map(|t| format!("\u{201c}{t}\u{201d}")));
    head.extend(s.date.map(|d| d.human()));
    let mut text = head.join(", ");
    if let Some(note) = &s.note {
        text.push_str(" — ");
        text.push_str(note);
    }
    text
}

/// What to say instead of a chart when no candidate stood in a count (all withdrew, were not
/// shortlisted or were imposed without a ballot), if that is so.
pub fn no_ballot(c: &Contest) -> Option<&'static str> {
    (!c.candidates.is_empty() && c.standing().iter().all(|&on| !on))
        .then_some("No candidate stood in a ballot.")
}

/// What to say instead of a chart for a contest with no candidates.
pub fn no_candidates(c: &Contest) -> &'static str {
    match c.status {
        Status::Pending => "No candidates known yet.",
        Status::Decided => "No candidates recorded.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{DataSource, load};

    #[test]
    fn stockport_and_bury_south_compared() {
        let ds = load(&[DataSource::Embedded]).unwrap().dataset;
        let a = ds.contest("stockport-selection-2019").unwrap();
        let b = ds.contest("bury-south-selection-2019").unwrap();
        let rows = compared(&ds, a, b);
        let get = |label: &str| rows.iter().find(|(l, _)| *l == label).unwrap().1.clone();
        assert_eq!(get("Margin"), ["120 (20.3 pts)", "n/a"]);
        assert_eq!(get("Winner"), ["Navendu Mishra (LL)", "Lucy Burke (SL)"]);
        assert_eq!(get("Winner's share"), ["57.1%", ">70%"]);
        assert_eq!(
            &rows[..COMPARED.len()]
                .iter()
                .map(|r| r.0)
                .collect::<Vec<_>>(),
            &COMPARED
        );
    }
}
