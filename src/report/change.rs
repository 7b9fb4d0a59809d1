//! Change since the previous contest in the seat, worded once for `show` (text, Markdown),
//! `history`, the explorer's detail pane and History view: the heading, the result, swing,
//! majority and turnout then and now, and one row per party.

use crate::model::change::{Change, Changes, Headline, PartyChange, Since, Unknown, winner_points};
use crate::model::{Candidate, Contest, Dataset, arithmetic, party};
use crate::report::bars::Bar;
use crate::report::facts::Fact;
use crate::report::words::{self, DASH, thousands};
use crate::stats::change::ChangeMatrix;

/// What is said when nothing can be computed.
pub const NO_PREVIOUS: &str = "no previous result";

/// What a column says when there is a previous contest but the figures of one of the two are
/// partial (so nothing is computed): not "no previous result", which would read as if the
/// seat had never been fought before.
pub const PARTIAL: &str = "partial figures";

/// The result of a contest against the previous one when its winner is not known.
pub const WINNER_NOT_KNOWN: &str = "winner not known";

/// The change section of one contest.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeSection {
    /// `Since 2015 general election (ge2015-e14000969, 7 May 2015)`, or `No previous result`
    /// with why.
    pub heading: String,
    /// Result, swing, majority, turnout.
    pub facts: Vec<Fact>,
    /// One row per party: party, share then, share now, ± share, ± votes.
    pub rows: Vec<[String; 5]>,
    /// The years heading the share columns: then, now.
    pub columns: [String; 2],
    /// Said under the table, e.g. that the seats share only a name.
    pub notes: Vec<String>,
}

/// The change section of the contest a `Detail` shows (computed over its whole dataset).
pub fn for_detail(d: &crate::report::Detail) -> Option<ChangeSection> {
    section(d.dataset, d.index, &d.changes.since(d.dataset, d.index))
}

/// The change section for a contest, `None` when the contest elects no seat.
pub fn section(dataset: &Dataset, i: usize, since: &Since) -> Option<ChangeSection> {
    match since {
        Since::NotASeat => None,
        Since::NoPrevious => Some(unknown(
            "no earlier general election or by-election in this seat is loaded".into(),
        )),
        Since::Partial { reason, .. } => {
            Some(unknown(format!("{reason}, so no change is computed")))
        }
        Since::Known(change) => Some(known(dataset, i, change)),
    }
}

fn unknown(why: String) -> ChangeSection {
    ChangeSection {
        heading: format!("{}: {why}", capitalised(NO_PREVIOUS)),
        facts: Vec::new(),
        rows: Vec::new(),
        columns: [String::new(), String::new()],
        notes: Vec::new(),
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn known(dataset: &Dataset, i: usize, change: &Change) -> ChangeSection {
    let before = &dataset.contests[change.previous];
    let now = &dataset.contests[i];
    let year = |d: Option<crate::model::date::PartialDate>| {
        d.map_or_else(|| words::NO_DATE.to_string(), |d| d.year().to_string())
    };
    let heading = format!(
        "Since {} ({}, {})",
        words::kind(before.kind),
        before.id,
        words::date(before.date)
    );
    let mut facts: Vec<Fact> = Vec::new();
    facts.push((
        "Result",
        change.outcome.as_ref().map_or_else(
            || "n/a (a winner is not known)".to_string(),
            super::super::model::change::Outcome::label,
        ),
    ));
    if let Some(s) = &change.swing {
        facts.push(("Swing", format!("{} (two-party)", swing_words(s))));
    }
    facts.push((
        "Majority",
        format!(
            "{} (was {})",
            words::count(change.majority.now),
            words::count(change.majority.then)
        ),
    ));
    facts.push((
        "Turnout",
        match (change.turnout.now, change.turnout.then) {
            (Some(now), Some(then)) => format!(
                "{} (was {}, {})",
                words::percent(Some(now)),
                words::percent(Some(then)),
                signed_points(now - then)
            ),
            (now, then) => format!("{} (was {})", words::percent(now), words::percent(then)),
        },
    ));
    let rows = change.parties.iter().map(row).collect();
    let mut notes = Vec::new();
    if change.by_name {
        notes.push(
            "Matched by the constituency's name only (no common id): the boundaries may differ."
                .to_string(),
        );
    }
    if change.parties.iter().any(|p| p.folded) {
        notes.push(
            "A folded group of small parties is not a party: a party shown only one time may be inside it the other."
                .to_string(),
        );
    }
    ChangeSection {
        heading,
        facts,
        rows,
        columns: [year(before.date), year(now.date)],
        notes,
    }
}

fn row(p: &PartyChange) -> [String; 5] {
    let share = |f: Option<crate::model::change::Figure>| {
        f.map_or(DASH.to_string(), |f| words::percent(Some(f.share)))
    };
    let name = if p.folded {
        format!("{} (several parties)", p.party)
    } else {
        p.party.clone()
    };
    let (points, votes) = match (p.points(), p.votes()) {
        (Some(pts), Some(v)) => (signed_points(pts), signed_count(v)),
        _ if p.then.is_none() => ("new".to_string(), DASH.to_string()),
        _ => ("did not stand".to_string(), DASH.to_string()),
    };
    [name, share(p.then), share(p.now), points, votes]
}

/// Each bar's ± share since the seat's previous contest, as the BBC shows it beside the bar
/// (`+13.4`, `-2.1`, `new`), and the note that says since when.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChanges {
    /// One per bar, in the bars' order: empty where nothing can honestly be said (a folded
    /// group, a party with two candidates in one of the contests, or one that may have stood
    /// inside a folded group before).
    pub marks: Vec<String>,
    /// `± share since the general election of 8 Jun 2017 (ge2017-e14000577), in points; new: did not stand then.`
    pub note: String,
}

impl BarChanges {
    /// Cells of the widest mark (0: no column).
    pub fn width(&self) -> usize {
        self.marks
            .iter()
            .map(|m| crate::report::cells::width(m))
            .max()
            .unwrap_or(0)
    }

    /// The mark of bar `k`, or nothing.
    pub fn mark(&self, k: usize) -> &str {
        self.marks.get(k).map_or("", String::as_str)
    }
}

/// The bars' ± marks of the contest a `Detail` shows (see [`bar_changes`]).
pub fn for_bars(d: &crate::report::Detail, bars: &[Bar]) -> Option<BarChanges> {
    bar_changes(d.dataset, d.changes, d.index, bars)
}

/// Each of `bars` (of contest `i`) with its party's ± share since the seat's previous
/// contest; `None` unless that change is known (both contests complete), so a chart over
/// partial figures says nothing rather than invent.
pub fn bar_changes(
    dataset: &Dataset,
    changes: &Changes,
    i: usize,
    bars: &[Bar],
) -> Option<BarChanges> {
    let Since::Known(change) = changes.since(dataset, i) else {
        return None;
    };
    let now = dataset.contests.get(i)?;
    let before = dataset.contests.get(change.previous)?;
    let key = |c: &Candidate| -> Option<String> {
        if c.folded {
            return None;
        }
        Some(match changes.parties.of_candidate(c) {
            Some(p) => p.group,
            None => party::fold(&c.party.clone().unwrap_or_else(|| c.label().into())),
        })
    };
    let standing = |contest: &Contest, k: &str| {
        arithmetic::on_ballot(contest)
            .filter(|c| key(c).as_deref() == Some(k))
            .count()
    };
    // A party missing last time may have been inside a folded group (`Other`) then.
    let folded_then = before.candidates.iter().any(|c| c.folded);
    let marks = bars
        .iter()
        .map(|bar| {
            let Some(k) = now.candidates.get(bar.candidate).and_then(key) else {
                return String::new();
            };
            if standing(now, &k) != 1 || standing(before, &k) > 1 {
                return String::new();
            }
            let row = change
                .parties
                .iter()
                .find(|p| !p.folded && party::fold(&p.party) == k);
            match row.map(|p| (p.points(), p.then.is_none())) {
                Some((Some(points), _)) => signed_share(points),
                Some((None, true)) if !folded_then => NEW.to_string(),
                _ => String::new(),
            }
        })
        .collect();
    let note = format!(
        "± share since the {} of {} ({}), in points; {NEW}: did not stand then.",
        words::kind(before.kind),
        words::date(before.date),
        before.id
    );
    Some(BarChanges { marks, note })
}

/// What a bar's ± says of a party that did not stand in the previous contest.
pub const NEW: &str = "new";

/// `+13.4`, `-2.1`, `±0.0`: a share's change in points, as the chart shows it beside a bar.
pub fn signed_share(p: f64) -> String {
    let words = signed_points(p);
    words
        .strip_suffix(&format!(" {}", words::POINTS))
        .unwrap_or(&words)
        .to_string()
}

/// A party's ± share of the national vote since the previous election (`stats --by party`,
/// the scoreboard): `+1.3 pts`, `new` (it did not stand then), or `—` where not known.
pub fn party_points(r: &crate::stats::PartyRecord) -> String {
    match (r.share_then, r.share_points()) {
        (Some((0.0, _)), Some(_)) => NEW.to_string(),
        (_, Some(points)) => signed_points(points),
        _ => DASH.to_string(),
    }
}

/// What the ± share column of seats per party is against: `± share: since the general
/// election of 8 Jun 2017 (the same seats, every one loaded).`, when any record has one.
pub fn party_points_note(records: &[crate::stats::PartyRecord]) -> Option<String> {
    let (_, date) = records.iter().find_map(|r| r.share_then)?;
    Some(format!(
        "± share: in points since the general election of {} (the same seats, every one loaded); {NEW}: did not stand then.",
        words::date(Some(date))
    ))
}

/// `+13.4 pts`, `-2.0 pts`, `±0.0 pts`.
pub fn signed_points(p: f64) -> String {
    let rounded = (p * 10.0).round() / 10.0;
    let sign = if rounded > 0.0 {
        "+"
    } else if rounded < 0.0 {
        "-"
    } else {
        "±"
    };
    format!("{sign}{:.1} {}", rounded.abs(), words::POINTS)
}

/// `+6,511`, `-320`, `±0`.
pub fn signed_count(n: i64) -> String {
    let sign = match n.signum() {
        1 => "+",
        -1 => "-",
        _ => "±",
    };
    format!("{sign}{}", thousands(n.unsigned_abs()))
}

impl ChangeSection {
    /// The columns' headings: `Party`, `2015`, `2017`, `± share`, `± votes`.
    pub fn header(&self) -> [String; 5] {
        [
            "Party".into(),
            self.columns[0].clone(),
            self.columns[1].clone(),
            "± share".into(),
            "± votes".into(),
        ]
    }
}

/// The change of one contest in a few words, for a column (`list`'s and `history`'s ±, the
/// explorer's History view): `Lab hold, +13.4 pts` (the winner's party's ± share), `Con gain
/// from Lab, +6.9 pts`, or the `result` alone where there are no points to add.
pub fn short(headline: &Result<Headline, Unknown>) -> String {
    match headline {
        Err(Unknown::NotASeat) => DASH.to_string(),
        Err(Unknown::NoPrevious) => NO_PREVIOUS.to_string(),
        Err(Unknown::Partial) => PARTIAL.to_string(),
        Ok(Headline { outcome: None, .. }) => WINNER_NOT_KNOWN.to_string(),
        Ok(Headline {
            outcome: Some(outcome),
            winner_points,
            ..
        }) => match winner_points {
            Some(p) => format!("{}, {}", outcome.label(), signed_points(*p)),
            None => outcome.label(),
        },
    }
}

/// The result against the seat's previous contest (the explorer list's result column):
/// `Lab hold`, `Con gain from Lab`, `winner not known`, `no previous result`, `partial figures`
/// (a previous contest is loaded but one side's votes are incomplete), or `—` for a contest
/// that elects no seat.
pub fn result(since: &Since) -> String {
    match since {
        Since::NotASeat => DASH.to_string(),
        Since::NoPrevious => NO_PREVIOUS.to_string(),
        Since::Partial { .. } => PARTIAL.to_string(),
        Since::Known(change) => change.outcome.as_ref().map_or_else(
            || WINNER_NOT_KNOWN.to_string(),
            super::super::model::change::Outcome::label,
        ),
    }
}

/// The winner's party's ± share alone (the explorer list's change column): `+13.4 pts`, `—`
/// for a contest that elects no seat, `n/a` where it is not known.
pub fn points_column(since: &Since) -> String {
    match since {
        Since::NotASeat => DASH.to_string(),
        Since::Known(change) => {
            winner_points(change).map_or_else(|| words::NA.to_string(), signed_points)
        }
        _ => words::NA.to_string(),
    }
}

/// `4.7 pts from Conservative to Labour`: a two-party swing, as `show` and `stats --by swing`
/// word it.
pub fn swing_words(s: &crate::model::change::Swing) -> String {
    format!("{} from {} to {}", words::points(s.points), s.from, s.to)
}

/// What `stats --by swing` lists, in a sentence.
pub fn swing_summary(seats: &[crate::stats::change::SeatSwing]) -> String {
    format!(
        "{} with a two-party swing since the seat's previous contest, largest first (seats with no previous result, partial figures, or a top two that did not both stand last time are left out).",
        words::plural(seats.len(), "seat", "seats")
    )
}

/// The largest swings (`stats --by swing`) as a grid of text: a header (`SEAT`, `SINCE`,
/// `RESULT`, `SWING`, `WINNER ± SHARE`) and one row per seat, in the words of `show`'s change.
pub fn swing_grid(
    dataset: &Dataset,
    seats: &[crate::stats::change::SeatSwing],
) -> Vec<Vec<String>> {
    let mut grid = vec![
        ["SEAT", "SINCE", "RESULT", "SWING", "WINNER ± SHARE"]
            .map(String::from)
            .to_vec(),
    ];
    for s in seats {
        let (now, then) = (&dataset.contests[s.contest], &dataset.contests[s.previous]);
        let seat = now
            .constituency
            .clone()
            .unwrap_or_else(|| now.title.clone());
        let since = then
            .date
            .map_or_else(|| then.id.clone(), |d| d.year().to_string().into());
        grid.push(vec![
            if s.by_name {
                format!("{seat} (by name)")
            } else {
                seat.to_string()
            },
            since.to_string(),
            s.result
                .clone()
                .unwrap_or_else(|| WINNER_NOT_KNOWN.to_string()),
            swing_words(&s.swing),
            s.winner_points
                .map_or_else(|| words::NA.to_string(), signed_points),
        ]);
    }
    grid
}

/// The seats-changing-hands matrix as a grid of text: a header (`FROM \\ TO`, the parties'
/// short labels, `HELD`, `GAINED`, `LOST`) and one row per previous winner's party.
pub fn matrix_grid(m: &ChangeMatrix) -> Vec<Vec<String>> {
    let mut header = vec!["FROM \\ TO".to_string()];
    header.extend(m.parties.iter().map(|p| p.short.clone()));
    header.extend(["HELD", "GAINED", "LOST"].map(String::from));
    let mut grid = vec![header];
    for (f, party) in m.parties.iter().enumerate() {
        let mut row = vec![party.short.clone()];
        row.extend(m.seats[f].iter().map(|&n| match n {
            0 => "·".to_string(),
            n => n.to_string(),
        }));
        row.extend([m.held(f), m.gained(f), m.lost(f)].map(|n| n.to_string()));
        grid.push(row);
    }
    grid
}

/// One cell of the matrix in words: `Lab → Con: 54 seats changed hands` or `Con held 307
/// seats`.
pub fn matrix_cell(m: &ChangeMatrix, from: usize, to: usize) -> String {
    let n = m.seats[from][to];
    let (f, t) = (&m.parties[from].short, &m.parties[to].short);
    if from == to {
        format!("{f} held {}", words::plural(n, "seat", "seats"))
    } else {
        format!(
            "{f} → {t}: {} changed hands",
            words::plural(n, "seat", "seats")
        )
    }
}

/// What the matrix counts, in sentences: `650 seats compared with their previous contest
/// (2017 → 2019: 650); 81 changed hands.` and, when some could not be, how many and why.
pub fn matrix_summary(m: &ChangeMatrix) -> Vec<String> {
    let elections: Vec<String> = m
        .elections
        .iter()
        .map(|((then, now), n)| format!("{then} → {now}: {}", thousands(*n as u64)))
        .collect();
    let mut lines = vec![format!(
        "{} compared with the seat's previous contest{}; {} changed hands.",
        words::plural(m.compared, "seat", "seats"),
        if elections.is_empty() {
            String::new()
        } else {
            format!(" ({})", elections.join(", "))
        },
        thousands(m.changed() as u64)
    )];
    if m.by_name > 0 {
        lines.push(format!(
            "{} of them matched to the previous contest by the constituency's name only (no common id): where boundaries changed, they may not be the same seat.",
            thousands(m.by_name as u64)
        ));
    }
    if !m.unknown.is_empty() {
        let why: Vec<String> = m
            .unknown
            .iter()
            .map(|(why, n)| format!("{why}: {}", thousands(*n as u64)))
            .collect();
        lines.push(format!("Not compared ({}).", why.join("; ")));
    }
    if m.elections.len() > 1 {
        lines.push(
            "The seats span several elections: filter to one (e.g. --since 2019 --until 2019) to read a single change."
                .to_string(),
        );
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::change::Then;

    #[test]
    fn signs() {
        assert_eq!(signed_points(13.397), "+13.4 pts");
        assert_eq!(signed_points(-0.04), "±0.0 pts");
        assert_eq!(signed_points(-2.0), "-2.0 pts");
        assert_eq!(signed_count(6511), "+6,511");
        assert_eq!(signed_count(-320), "-320");
        assert_eq!(signed_count(0), "±0");
    }

    #[test]
    fn short_tells_no_previous_contest_from_partial_figures() {
        assert_eq!(short(&Since::NotASeat.headline()), DASH);
        assert_eq!(short(&Since::NoPrevious.headline()), NO_PREVIOUS);
        let partial = Since::Partial {
            previous: 0,
            reason: "this contest has votes for 0 of 1 candidates".into(),
        };
        assert_eq!(short(&partial.headline()), PARTIAL);
    }

    #[test]
    fn an_unknown_winner_is_said_alike_in_every_column() {
        let unknown = Since::Known(Box::new(Change {
            previous: 0,
            by_name: false,
            parties: Vec::new(),
            majority: Then {
                then: None,
                now: None,
            },
            turnout: Then {
                then: None,
                now: None,
            },
            outcome: None,
            swing: None,
        }));
        assert_eq!(short(&unknown.headline()), WINNER_NOT_KNOWN);
        assert_eq!(result(&unknown), WINNER_NOT_KNOWN);
        assert_eq!(points_column(&unknown), words::NA);
    }
}
