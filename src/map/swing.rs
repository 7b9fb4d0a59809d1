//! The swingometer: a uniform national swing of so many points from one party to another,
//! applied to every seat's shares, and the winner each seat would then have. A projection, not
//! a result: whatever shows it says so.

use crate::model::arithmetic::{self, Shares};
use crate::model::change::elects_a_seat;
use crate::model::party::{Parties, PartyKey};
use crate::model::{Candidate, Contest, Dataset};
use crate::query::from_input::names_party;

/// `FROM:TO:POINTS`: FROM loses POINTS of share in every seat and TO gains them.
#[derive(Debug, Clone, PartialEq)]
pub struct Swing {
    pub from: String,
    pub to: String,
    pub points: f64,
}

impl Swing {
    /// `Con:Lab:5` → 5 points from Con to Lab.
    ///
    /// # Errors
    /// Not three parts, an empty party, or points that are not a number from -100 to 100.
    pub fn parse(text: &str) -> Result<Swing, String> {
        let parts: Vec<&str> = text.split(':').map(str::trim).collect();
        let [from, to, points] = parts[..] else {
            return Err(format!(
                "--swing \"{text}\": give FROM:TO:POINTS, e.g. Con:Lab:5"
            ));
        };
        let points: f64 = points
            .parse()
            .ok()
            .filter(|p: &f64| p.is_finite() && p.abs() <= 100.0)
            .ok_or_else(|| {
                format!("--swing \"{text}\": POINTS must be a number from -100 to 100")
            })?;
        if from.is_empty() || to.is_empty() {
            return Err(format!(
                "--swing \"{text}\": name both parties, e.g. Con:Lab:5"
            ));
        }
        Ok(Swing {
            from: from.to_string(),
            to: to.to_string(),
            points,
        })
    }

    /// `Con:Lab:5` again (the form it is given in).
    pub fn spec(&self) -> String {
        format!("{}:{}:{}", self.from, self.to, self.points)
    }

    /// The swing in words, saying it is a projection.
    pub fn describe(&self) -> String {
        format!(
            "projection: uniform swing of {:.1} points from {} to {}",
            self.points, self.from, self.to
        )
    }

    /// The candidate (a position in `contest.candidates`) who would win `contest` after the
    /// swing; `None` when the contest elects no seat or a share is unknown (it keeps its
    /// winner).
    pub fn winner(&self, parties: &Parties, contest: &Contest) -> Option<usize> {
        self.winner_by(contest, |candidate| {
            self.side(parties, parties.of_candidate(candidate).as_ref())
        })
    }

    /// Which way the swing moves the share of a candidate of party `key`.
    fn side(&self, parties: &Parties, key: Option<&PartyKey>) -> Side {
        match key {
            Some(key) if names_party(parties, &self.from, key) => Side::From,
            Some(key) if names_party(parties, &self.to, key) => Side::To,
            _ => Side::Neither,
        }
    }

    /// [`Swing::winner`], each candidate's side given by `side`.
    fn winner_by<'c>(
        &self,
        contest: &'c Contest,
        mut side: impl FnMut(&'c Candidate) -> Side,
    ) -> Option<usize> {
        if !elects_a_seat(contest.kind) || contest.candidates.is_empty() {
            return None;
        }
        let shares = Shares::of(contest);
        let mut best: Option<(f64, usize)> = None;
        for (k, candidate) in contest.candidates.iter().enumerate() {
            let mut share = shares.share(candidate).percent()?;
            match side(candidate) {
                Side::From => share = (share - self.points).max(0.0),
                Side::To => share = (share + self.points).max(0.0),
                Side::Neither => {}
            }
            if best.is_none_or(|(most, _)| share > most) {
                best = Some((share, k));
            }
        }
        best.map(|(_, k)| k)
    }
}

/// Which way a swing moves a candidate's share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    From,
    To,
    Neither,
}

/// The party of each candidate's party as written, and the swing's side of it, each worked out
/// once: a million contests name some dozens of parties, and working a party out folds names.
struct Known<'d> {
    ids: foldhash::HashMap<(bool, Option<&'d str>), usize>,
    parties: Vec<(Option<PartyKey>, Side)>,
}

impl<'d> Known<'d> {
    fn id(&mut self, parties: &Parties, swing: &Swing, candidate: &'d Candidate) -> usize {
        let known = &mut self.parties;
        *self
            .ids
            .entry((candidate.folded, candidate.party.as_deref()))
            .or_insert_with(|| {
                let key = parties.of_candidate(candidate);
                let side = swing.side(parties, key.as_ref());
                known.push((key, side));
                known.len() - 1
            })
    }
}

/// What a swing does to the seats among `rows`: each party's seats before and after, and how
/// many seats change hands.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// (party's short name, seats won, seats projected), most projected first.
    pub parties: Vec<(String, usize, usize)>,
    /// Seats whose projected winner's party differs from the actual winner's.
    pub changing: usize,
}

/// The projection of `swing` over the seats at `rows`.
pub fn project(dataset: &Dataset, parties: &Parties, swing: &Swing, rows: &[usize]) -> Projection {
    let mut seats: Vec<(String, String, usize, usize)> = Vec::new();
    let mut changing = 0;
    let mut count = |key: Option<&PartyKey>, now: bool| {
        let Some(key) = key else { return };
        let at = if let Some(at) = seats.iter().position(|s| s.0 == key.group) {
            at
        } else {
            seats.push((key.group.clone(), key.short().to_string(), 0, 0));
            seats.len() - 1
        };
        if now {
            seats[at].3 += 1;
        } else {
            seats[at].2 += 1;
        }
    };
    let mut known = Known {
        ids: foldhash::HashMap::default(),
        parties: Vec::new(),
    };
    for &i in rows {
        let contest = &dataset.contests[i];
        if !elects_a_seat(contest.kind) {
            continue;
        }
        let Some(actual) = arithmetic::winner(contest) else {
            continue;
        };
        let projected = swing
            .winner_by(contest, |c| {
                let id = known.id(parties, swing, c);
                known.parties[id].1
            })
            .map_or(actual, |k| &contest.candidates[k]);
        let (was, will) = (
            known.id(parties, swing, actual),
            known.id(parties, swing, projected),
        );
        let (was, will) = (&known.parties[was].0, &known.parties[will].0);
        if was.as_ref().map(|k| &k.group) != will.as_ref().map(|k| &k.group) {
            changing += 1;
        }
        count(was.as_ref(), false);
        count(will.as_ref(), true);
    }
    seats.sort_by(|a, b| b.3.cmp(&a.3).then(b.2.cmp(&a.2)).then(a.1.cmp(&b.1)));
    Projection {
        parties: seats
            .into_iter()
            .map(|(_, name, won, now)| (name, won, now))
            .collect(),
        changing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swing_is_from_to_and_points() {
        let swing = Swing::parse("Con:Lab:5").unwrap();
        assert_eq!(
            (swing.from.as_str(), swing.to.as_str(), swing.points),
            ("Con", "Lab", 5.0)
        );
        assert!((Swing::parse("Con:Lab:-2.5").unwrap().points + 2.5).abs() < 1e-9);
        assert!(
            Swing::parse("Con:Lab")
                .unwrap_err()
                .contains("FROM:TO:POINTS")
        );
        assert!(
            Swing::parse("Con:Lab:x")
                .unwrap_err()
                .contains("from -100 to 100")
        );
        assert!(Swing::parse("Con:Lab:NaN").is_err());
        assert!(Swing::parse(":Lab:1").is_err());
    }
}
