//! The candidates of a contest as every front end lists them (the explorer's detail pane,
//! `show` as text and Markdown): name, status, faction, party, votes and share, with the
//! fields the data marks inferred said to be.

use std::collections::HashMap;

use crate::model::arithmetic::{self, Share};
use crate::model::{Contest, Dataset};
use crate::report::words::{self, DASH, NA};

/// One candidate as every front end lists them, longest bar first.
#[derive(Debug, Clone, PartialEq)]
pub struct CandidateRow {
    /// Index into `contest.candidates`.
    pub index: usize,
    pub name: String,
    pub elected: bool,
    pub incumbent: bool,
    /// Written in by voters rather than printed on the ballot.
    pub write_in: bool,
    /// `withdrawn`, `not shortlisted`, `imposed` or `disqualified`, when the data says.
    pub status: Option<&'static str>,
    /// Stood in the count (see `Contest::on_ballot`); votes and share are said only then.
    pub on_ballot: bool,
    /// The faction's short label and name, when the candidate has a known faction.
    pub faction: Option<(String, String)>,
    /// The candidate's fields the data marks inferred (`faction`, `party`…), as written.
    pub inferred: Vec<String>,
    /// The party, unless it only repeats the faction's name.
    pub party: Option<String>,
    /// Votes with separators, `n/a`, or `—` for a candidate who stood in no count.
    pub votes: String,
    /// `57.1%`, `>70%`, `n/a`, or `—` for a candidate who stood in no count.
    pub share: String,
    /// The share with where it comes from: `57.1% (stated ~57%)`, `>70% (as stated)`.
    pub share_note: String,
    pub place: Option<u32>,
    pub endorsements: Vec<String>,
    pub description: Option<String>,
}

/// Every candidate of `c`, in the order of the bar chart.
pub fn candidates(dataset: &Dataset, c: &Contest) -> Vec<CandidateRow> {
    let shares = arithmetic::Shares::of(c);
    let standing = c.standing();
    let mut inferred = inferred_fields(c);
    arithmetic::ranked(c)
        .into_iter()
        .map(|i| {
            let k = &c.candidates[i];
            let faction = k.faction.as_deref().and_then(|f| dataset.faction(f));
            let share = shares.share(k);
            let share_note = match (&share, &k.share()) {
                (Share::Computed(_), Some(stated)) => {
                    format!(
                        "{} (stated {})",
                        share.label(),
                        arithmetic::stated_label(stated)
                    )
                }
                (Share::Stated(_), _) => format!("{} (as stated)", share.label()),
                _ => share.label(),
            };
            let party = k
                .party
                .clone()
                .filter(|p| faction.is_none_or(|f| !f.name.eq_ignore_ascii_case(p.trim())));
            // Votes and a share mean nothing for someone who never stood in a count.
            let (votes, share_label) = if standing[i] {
                (words::count(k.votes), share.label())
            } else {
                (DASH.to_string(), DASH.to_string())
            };
            CandidateRow {
                index: i,
                name: k.label(),
                elected: k.elected,
                incumbent: k.incumbent,
                write_in: k.write_in,
                status: k.status().map(words::candidate_status),
                on_ballot: standing[i],
                faction: faction.map(|f| (words::faction_short(f), f.name.to_string())),
                inferred: inferred.remove(&i).unwrap_or_default(),
                party: party.map(Into::into),
                votes,
                share: share_label,
                share_note,
                place: k.place(),
                endorsements: k
                    .endorsements
                    .iter()
                    .map(std::string::ToString::to_string)
                    .collect(),
                description: k.description().map(Into::into),
            }
        })
        .collect()
}

/// For each candidate `i`, the fields within `candidates[i]` the contest marks inferred:
/// `faction`, `party`, or the whole candidate (``), in the data's order. Gathered in one pass
/// over the inferred facts, not one per candidate.
fn inferred_fields(c: &Contest) -> HashMap<usize, Vec<String>> {
    let mut by_candidate: HashMap<usize, Vec<String>> = HashMap::new();
    for inf in &c.inferred {
        let Some(path) = crate::model::FieldPath::parse(&inf.field) else {
            continue;
        };
        let path = path.to_string();
        let Some((index, rest)) = path
            .strip_prefix("candidates[")
            .and_then(|p| p.split_once(']'))
        else {
            continue;
        };
        let Ok(i) = index.parse::<usize>() else {
            continue;
        };
        let field = match rest.strip_prefix('.') {
            Some(field) => field.split(['.', '[']).next().map(str::to_string),
            None if rest.is_empty() => Some(String::new()),
            None => None,
        };
        if let Some(field) = field {
            by_candidate.entry(i).or_default().push(field);
        }
    }
    by_candidate
}

impl CandidateRow {
    /// Whether the data marks this candidate's `field` inferred (`""`: the whole candidate).
    pub fn is_inferred(&self, field: &str) -> bool {
        self.inferred.iter().any(|f| f == field)
    }

    /// `value † inferred` when `field` is inferred, else `value`.
    fn said(&self, field: &str, value: String) -> String {
        if self.is_inferred(field) {
            words::inferred(&value)
        } else {
            value
        }
    }

    /// The faction's name, marked `†` when inferred (for tables, where space is short).
    pub fn faction_name(&self) -> Option<String> {
        self.faction.as_ref().map(|(_, name)| {
            if self.is_inferred("faction") {
                words::marked(name)
            } else {
                name.clone()
            }
        })
    }

    /// The name, with the status in brackets: `Cat Jones (withdrawn)`.
    pub fn name_and_status(&self) -> String {
        match self.status {
            Some(s) => format!("{} ({s})", self.name),
            None => self.name.clone(),
        }
    }

    /// The particulars on one line: `elected · Labour left / Momentum · 338 votes · 57.1%`;
    /// a candidate who never reached the ballot has no votes or share to speak of.
    pub fn particulars(&self) -> String {
        let mut facts: Vec<String> = Vec::new();
        if self.elected {
            facts.push(self.said("elected", "elected".into()));
        }
        if let Some(status) = self.status {
            facts.push(self.said("status", status.into()));
        }
        if self.incumbent {
            facts.push(self.said("incumbent", "incumbent".into()));
        }
        if self.write_in {
            facts.push(self.said("write_in", "write-in".into()));
        }
        facts.extend(
            self.faction
                .as_ref()
                .map(|(_, name)| self.said("faction", name.clone())),
        );
        facts.extend(self.party.clone().map(|p| self.said("party", p)));
        if self.on_ballot {
            facts.push(self.said(
                "votes",
                if self.votes == NA {
                    format!("votes {NA}")
                } else {
                    format!("{} votes", self.votes)
                },
            ));
            facts.push(self.said("share", self.share_note.clone()));
        } else {
            facts.push("not on a ballot".into());
        }
        facts.extend(
            self.place
                .map(|p| self.said("place", format!("placed {p}"))),
        );
        // Inferred fields not shown above are still said to be.
        let shown = [
            "elected",
            "status",
            "incumbent",
            "write_in",
            "faction",
            "party",
            "votes",
            "share",
            "place",
        ];
        let others: Vec<&str> = self
            .inferred
            .iter()
            .map(String::as_str)
            .filter(|f| !shown.contains(f))
            .map(|f| if f.is_empty() { "candidate" } else { f })
            .collect();
        if !others.is_empty() {
            facts.push(format!(
                "{} {}: {}",
                words::INFERRED_MARK,
                words::INFERRED,
                others.join(", ")
            ));
        }
        facts.join(" · ")
    }

    /// `Endorsed by A, B`, when anyone endorsed the candidate.
    pub fn endorsed(&self) -> Option<String> {
        (!self.endorsements.is_empty())
            .then(|| format!("Endorsed by {}", self.endorsements.join(", ")))
    }
}
