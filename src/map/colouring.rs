//! What a hexagon's colour means, and the legend that says so: the winner's party (or
//! faction), the result against the seat's previous contest, the margin, the turnout, one
//! party's share, one party's change in share. Each scale is a few classes, each class a
//! colour, a label, a two-letter mark (for terminals without colour) and a count.

use crate::map::place::Placement;
use crate::map::swing::Swing;
use crate::model::arithmetic::{self, Shares};
use crate::model::change::{Changes, Outcome, Since};
use crate::model::colour::Rgb;
use crate::model::party::PartyKey;
use crate::model::{Candidate, Contest, Dataset, Faction};
use crate::query::fold;
use crate::query::from_input::names_party;

/// What the colours mean (`--colour`, `c` in the explorer).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Colouring {
    /// The winner's party (or faction) colour.
    #[default]
    Winner,
    /// Gains in the gainer's colour, holds dimmed.
    Result,
    /// The winning margin, closest darkest.
    Margin,
    Turnout,
    /// One party's share of the vote.
    Share(String),
    /// One party's change in share since the seat's previous contest.
    Change(String),
}

impl Colouring {
    /// `winner`, `result`, `margin`, `turnout`, `share:PARTY`, `change:PARTY`.
    ///
    /// # Errors
    /// Any other word, or `share`/`change` without a party.
    pub fn parse(text: &str) -> Result<Colouring, String> {
        let (what, party) = match text.split_once(':') {
            Some((w, p)) => (w.trim(), Some(p.trim()).filter(|p| !p.is_empty())),
            None => (text.trim(), None),
        };
        match (what.to_ascii_lowercase().as_str(), party) {
            ("winner", None) => Ok(Colouring::Winner),
            ("result", None) => Ok(Colouring::Result),
            ("margin", None) => Ok(Colouring::Margin),
            ("turnout", None) => Ok(Colouring::Turnout),
            ("share", Some(p)) => Ok(Colouring::Share(p.to_string())),
            ("change", Some(p)) => Ok(Colouring::Change(p.to_string())),
            _ => Err(format!(
                "--colour \"{text}\": give winner, result, margin, turnout, share:PARTY or change:PARTY"
            )),
        }
    }

    /// The next colouring of the cycle (`c`); `party` is the party the share and change show.
    #[must_use]
    pub fn next(&self, party: &str) -> Colouring {
        match self {
            Colouring::Winner => Colouring::Result,
            Colouring::Result => Colouring::Margin,
            Colouring::Margin => Colouring::Turnout,
            Colouring::Turnout => Colouring::Share(party.to_string()),
            Colouring::Share(p) => Colouring::Change(p.clone()),
            Colouring::Change(_) => Colouring::Winner,
        }
    }

    /// What the colours mean, in a few words.
    pub fn title(&self) -> String {
        match self {
            Colouring::Winner => "winner".into(),
            Colouring::Result => "result against the previous contest".into(),
            Colouring::Margin => "margin (closest darkest)".into(),
            Colouring::Turnout => "turnout".into(),
            Colouring::Share(p) => format!("{p} share"),
            Colouring::Change(p) => format!("{p} change in share"),
        }
    }
}

/// One class of a scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    /// `Con`, `Lab gain`, `under 2 pts`.
    pub label: String,
    /// The label in full where there is room (`Conservative`, `Labour gain`).
    pub name: String,
    /// Two characters standing for the class where there is no colour (`Co`, `M1`).
    pub mark: String,
    pub colour: Rgb,
    /// Hexagons of this class the filters keep (a class of dimmed hexagons only counts 0, and
    /// legends leave it out).
    pub count: usize,
    /// What groups the hexagons into it (a party's key; a bin's number).
    key: String,
}

impl Class {
    /// Whether the class is a party (or faction) of the winner scale, not a bin or "no figure".
    pub fn is_party(&self) -> bool {
        self.key.starts_with("f:") || self.key.starts_with("p:")
    }

    /// The class as a legend names it after its key: the label, except where the key is the
    /// two-character mark (no colour) and the mark already is the label (`LL`), when the legend
    /// says what it stands for.
    pub fn legend_label(&self, coloured_key: bool) -> &str {
        if !coloured_key && self.mark == self.label {
            &self.name
        } else {
            &self.label
        }
    }
}

/// How one hexagon is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// A seat of the map with no contest: an outline.
    Hollow,
    /// A class of the legend; `dim` when the filters leave its contest out.
    Class { class: usize, dim: bool },
}

/// The map coloured: a fill and the value in words for each hexagon, and the legend.
#[derive(Debug, Clone, PartialEq)]
pub struct Coloured {
    pub fills: Vec<Fill>,
    /// The colour's value for each hexagon's contest (`Lab gain from Con`, `12.3 pts`), empty
    /// for a hollow one.
    pub values: Vec<String>,
    /// What the colours mean (see [`Colouring::title`]), and for a projection what it is.
    pub title: String,
    /// Most hexagons first (bins: in the scale's order).
    pub classes: Vec<Class>,
    pub hollow: usize,
    pub dimmed: usize,
}

/// The colour of a party or faction the data gives none for.
const NO_COLOUR: Rgb = Rgb(0x9a, 0x9a, 0x9a);
/// Seats whose contest has no figure for the scale (no previous contest, turnout unknown).
const NO_FIGURE: Rgb = Rgb(0x5a, 0x5a, 0x5a);

/// `colour` a `fraction` of the way to `toward`.
pub fn mix(colour: Rgb, toward: Rgb, fraction: f64) -> Rgb {
    let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * fraction).round() as u8;
    Rgb(
        m(colour.0, toward.0),
        m(colour.1, toward.1),
        m(colour.2, toward.2),
    )
}

/// The margin scale, closest (darkest) first: upper bounds in points and colours.
const MARGIN: [(f64, &str, Rgb); 6] = [
    (2.0, "under 2 pts", Rgb(0x3f, 0x00, 0x7d)),
    (5.0, "2–5 pts", Rgb(0x54, 0x27, 0x8f)),
    (10.0, "5–10 pts", Rgb(0x6a, 0x51, 0xa3)),
    (20.0, "10–20 pts", Rgb(0x80, 0x7d, 0xba)),
    (30.0, "20–30 pts", Rgb(0x9e, 0x9a, 0xc8)),
    (f64::INFINITY, "30 pts or more", Rgb(0xbc, 0xbd, 0xdc)),
];

/// The turnout scale, lowest first.
const TURNOUT: [(f64, &str, Rgb); 6] = [
    (55.0, "under 55%", Rgb(0xed, 0xf8, 0xe9)),
    (60.0, "55–60%", Rgb(0xc7, 0xe9, 0xc0)),
    (65.0, "60–65%", Rgb(0xa1, 0xd9, 0x9b)),
    (70.0, "65–70%", Rgb(0x74, 0xc4, 0x76)),
    (75.0, "70–75%", Rgb(0x31, 0xa3, 0x54)),
    (f64::INFINITY, "75% or more", Rgb(0x00, 0x6d, 0x2c)),
];

/// The share scale: upper bounds and how far from white toward the party's colour.
const SHARE: [(f64, &str, f64); 6] = [
    (10.0, "under 10%", 0.15),
    (20.0, "10–20%", 0.3),
    (30.0, "20–30%", 0.45),
    (40.0, "30–40%", 0.6),
    (50.0, "40–50%", 0.8),
    (f64::INFINITY, "50% or more", 1.0),
];

/// The change scale, a diverging one (purple: fell, green: rose).
const CHANGE: [(f64, &str, Rgb); 7] = [
    (-10.0, "fell 10 pts or more", Rgb(0x76, 0x2a, 0x83)),
    (-5.0, "fell 5–10 pts", Rgb(0xaf, 0x8d, 0xc3)),
    (-2.0, "fell 2–5 pts", Rgb(0xe7, 0xd4, 0xe8)),
    (2.0, "within 2 pts", Rgb(0xf7, 0xf7, 0xf7)),
    (5.0, "rose 2–5 pts", Rgb(0xd9, 0xf0, 0xd3)),
    (10.0, "rose 5–10 pts", Rgb(0x7f, 0xbf, 0x7b)),
    (f64::INFINITY, "rose 10 pts or more", Rgb(0x1b, 0x78, 0x37)),
];

/// The first bin whose upper bound is above `value`.
fn bin<T>(scale: &[(f64, &str, T)], value: f64) -> usize {
    scale
        .iter()
        .position(|(upper, ..)| value < *upper)
        .unwrap_or(scale.len() - 1)
}

/// What a class is, before it is counted.
struct Pick {
    key: String,
    label: String,
    /// The label in full, when it differs.
    name: Option<String>,
    mark: String,
    colour: Rgb,
    /// Its place in a scale (bins keep the scale's order; parties are sorted by count).
    order: Option<usize>,
    value: String,
}

/// Colours the `placement` by `colouring` (after `swing`, a projection, when given).
pub fn colour(
    dataset: &Dataset,
    changes: &Changes,
    placement: &Placement,
    colouring: &Colouring,
    swing: Option<&Swing>,
) -> Coloured {
    let mut classes: Vec<Class> = Vec::new();
    let mut orders: Vec<Option<usize>> = Vec::new();
    let mut fills = Vec::with_capacity(placement.shown.len());
    let mut values = Vec::with_capacity(placement.shown.len());
    let (mut hollow, mut dimmed) = (0, 0);
    for shown in &placement.shown {
        let Some(shown) = shown else {
            hollow += 1;
            fills.push(Fill::Hollow);
            values.push(String::new());
            continue;
        };
        let pick = pick(dataset, changes, shown.contest, colouring, swing);
        let class = if let Some(at) = classes.iter().position(|c| c.key == pick.key) {
            at
        } else {
            classes.push(Class {
                name: pick.name.unwrap_or_else(|| pick.label.clone()),
                label: pick.label,
                mark: pick.mark,
                colour: pick.colour,
                count: 0,
                key: pick.key,
            });
            orders.push(pick.order);
            classes.len() - 1
        };
        if shown.listed {
            classes[class].count += 1;
        } else {
            dimmed += 1;
        }
        fills.push(Fill::Class {
            class,
            dim: !shown.listed,
        });
        values.push(pick.value);
    }
    // Parties most seats first; bins in their scale's order; "no figure" last.
    let mut order: Vec<usize> = (0..classes.len()).collect();
    order.sort_by_key(|&c| match orders[c] {
        Some(o) => (0, o, 0, String::new()),
        None if classes[c].key.starts_with('~') => (2, 0, 0, String::new()),
        None => (
            1,
            0,
            usize::MAX - classes[c].count,
            classes[c].label.clone(),
        ),
    });
    let mut new_place = vec![0; classes.len()];
    for (new, &old) in order.iter().enumerate() {
        new_place[old] = new;
    }
    for fill in &mut fills {
        if let Fill::Class { class, .. } = fill {
            *class = new_place[*class];
        }
    }
    let mut sorted: Vec<Class> = order.iter().map(|&c| classes[c].clone()).collect();
    unique_marks(&mut sorted);
    let title = match swing {
        Some(s) => format!("{} — {}", colouring.title(), s.describe()),
        None => colouring.title(),
    };
    Coloured {
        fills,
        values,
        title,
        classes: sorted,
        hollow,
        dimmed,
    }
}

/// Makes the two-letter marks unique (a second `Co` becomes `C2`).
fn unique_marks(classes: &mut [Class]) {
    for i in 0..classes.len() {
        let taken = |m: &str, classes: &[Class]| classes[..i].iter().any(|c| c.mark == m);
        if !taken(&classes[i].mark, classes) {
            continue;
        }
        let first: String = classes[i].mark.chars().take(1).collect();
        if let Some(mark) = (2..100)
            .map(|n| format!("{first}{n}").chars().take(2).collect::<String>())
            .find(|m| !taken(m, classes))
        {
            classes[i].mark = mark;
        }
    }
}

/// The first two characters of `label` (padded), as a mark.
fn mark_of(label: &str) -> String {
    let mut mark: String = label
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(2)
        .collect();
    while mark.chars().count() < 2 {
        mark.push(' ');
    }
    mark
}

/// A party class of the winner `candidate` (or `None` for no winner).
fn party_pick(
    dataset: &Dataset,
    changes: &Changes,
    candidate: &Candidate,
) -> (String, String, Rgb, String) {
    let faction = candidate
        .faction
        .as_deref()
        .and_then(|f| dataset.faction(f));
    let group = |f: &'_ Faction| -> Faction {
        f.group
            .as_deref()
            .and_then(|g| dataset.faction(g))
            .unwrap_or(f)
            .clone()
    };
    if let Some(f) = faction.map(group) {
        let label = f
            .abbr
            .clone()
            .filter(|a| !a.trim().is_empty())
            .unwrap_or_else(|| f.name.clone());
        let colour = f.color.as_deref().and_then(Rgb::parse).unwrap_or(NO_COLOUR);
        return (
            format!("f:{}", f.id),
            label.to_string(),
            colour,
            f.name.to_string(),
        );
    }
    match changes.parties.of_candidate(candidate) {
        Some(key) => (
            format!("p:{}", key.group),
            key.short().to_string(),
            NO_COLOUR,
            key.group_name.clone(),
        ),
        None => ("p:".into(), "no party".into(), NO_COLOUR, "no party".into()),
    }
}

/// The party's share (percent) in `contest`, when the shares are known: 0 where it did not
/// stand.
fn party_share(changes: &Changes, contest: &Contest, party: &str) -> Option<f64> {
    let shares = Shares::of(contest);
    let mut total = 0.0;
    for candidate in &contest.candidates {
        let Some(key) = changes.parties.of_candidate(candidate) else {
            continue;
        };
        if names_party(&changes.parties, party, &key) {
            total += shares.share(candidate).percent()?;
        }
    }
    Some(total)
}

/// The party's colour: the faction a candidate of it stood for in `contest`, else grey.
fn party_colour(dataset: &Dataset, changes: &Changes, contest: &Contest, party: &str) -> Rgb {
    contest
        .candidates
        .iter()
        .find(|c| {
            changes
                .parties
                .of_candidate(c)
                .is_some_and(|k| names_party(&changes.parties, party, &k))
        })
        .map_or(NO_COLOUR, |c| party_pick(dataset, changes, c).2)
}

fn no_figure(why: &str) -> Pick {
    Pick {
        key: format!("~{why}"),
        name: None,
        label: why.to_string(),
        mark: "··".into(),
        colour: NO_FIGURE,
        order: None,
        value: why.to_string(),
    }
}

fn bin_pick(letter: char, n: usize, label: &str, colour: Rgb, value: String) -> Pick {
    Pick {
        key: format!("{letter}{n}"),
        name: None,
        label: label.to_string(),
        mark: format!("{letter}{}", n + 1),
        colour,
        order: Some(n),
        value,
    }
}

/// The class of contest `i` on the scale.
fn pick(
    dataset: &Dataset,
    changes: &Changes,
    i: usize,
    colouring: &Colouring,
    swing: Option<&Swing>,
) -> Pick {
    let contest = &dataset.contests[i];
    match colouring {
        Colouring::Winner => {
            let winner = swing
                .and_then(|s| s.winner(&changes.parties, contest))
                .map(|k| &contest.candidates[k])
                .or_else(|| arithmetic::winner(contest));
            let Some(winner) = winner else {
                return no_figure("no winner yet");
            };
            let (key, label, colour, name) = party_pick(dataset, changes, winner);
            Pick {
                name: Some(name),
                mark: mark_of(&label),
                value: if swing.is_some() {
                    format!("projected {label}")
                } else {
                    label.clone()
                },
                key,
                label,
                colour,
                order: None,
            }
        }
        Colouring::Result => {
            let outcome = match changes.since(dataset, i) {
                Since::Known(change) => change.outcome,
                _ => None,
            };
            let Some(outcome) = outcome else {
                return no_figure("no previous contest");
            };
            let winner = arithmetic::winner(contest);
            let (key, label, colour, name) = match winner {
                Some(w) => party_pick(dataset, changes, w),
                None => return no_figure("no previous contest"),
            };
            match outcome {
                Outcome::Hold { .. } => Pick {
                    name: Some(format!("{name} hold")),
                    key: format!("hold {key}"),
                    mark: mark_of(&label).to_lowercase(),
                    label: format!("{label} hold"),
                    colour: mix(colour, Rgb(0x80, 0x80, 0x80), 0.65),
                    order: None,
                    value: outcome.label(),
                },
                Outcome::Gain { .. } => Pick {
                    name: Some(format!("{name} gain")),
                    key: format!("gain {key}"),
                    mark: mark_of(&label).to_uppercase(),
                    label: format!("{label} gain"),
                    colour,
                    order: None,
                    value: outcome.label(),
                },
            }
        }
        Colouring::Margin => match arithmetic::margin_points(contest) {
            Some(m) => {
                let n = bin(&MARGIN, m);
                bin_pick(
                    'M',
                    n,
                    MARGIN[n].1,
                    MARGIN[n].2,
                    format!("margin {m:.1} pts"),
                )
            }
            None => no_figure("margin unknown"),
        },
        Colouring::Turnout => match arithmetic::turnout(contest) {
            Some(t) => {
                let n = bin(&TURNOUT, t);
                bin_pick(
                    'T',
                    n,
                    TURNOUT[n].1,
                    TURNOUT[n].2,
                    format!("turnout {t:.1}%"),
                )
            }
            None => no_figure("turnout unknown"),
        },
        Colouring::Share(party) => match party_share(changes, contest, party) {
            Some(s) if s > 0.0 => {
                let n = bin(&SHARE, s);
                let colour = mix(
                    Rgb(0xff, 0xff, 0xff),
                    party_colour(dataset, changes, contest, party),
                    SHARE[n].2,
                );
                bin_pick('S', n, SHARE[n].1, colour, format!("{party} {s:.1}%"))
            }
            Some(_) => no_figure(&format!("no {party} candidate")),
            None => no_figure("shares unknown"),
        },
        Colouring::Change(party) => {
            let points = match changes.since(dataset, i) {
                Since::Known(change) => change
                    .parties
                    .iter()
                    .find(|p| {
                        !p.folded
                            && (fold(p.abbr.as_deref().unwrap_or("")) == fold(party.trim())
                                || changes.parties.key(&p.party).group
                                    == changes.parties.key(party).group)
                    })
                    .and_then(crate::model::change::PartyChange::points),
                _ => None,
            };
            match points {
                Some(p) => {
                    let n = bin(&CHANGE, p);
                    bin_pick(
                        'C',
                        n,
                        CHANGE[n].1,
                        CHANGE[n].2,
                        format!("{party} {p:+.1} pts"),
                    )
                }
                None => no_figure("no change known"),
            }
        }
    }
}

/// Whether any candidate stood for the party `party` names (a name, spelling or short label):
/// a party that stood nowhere is a typo to report, not a map of empty seats.
pub fn stands_anywhere(dataset: &Dataset, changes: &Changes, party: &str) -> bool {
    dataset
        .contests
        .iter()
        .flat_map(|c| &c.candidates)
        .any(|c| {
            changes
                .parties
                .of_candidate(c)
                .is_some_and(|k: PartyKey| names_party(&changes.parties, party, &k))
        })
}
