//! Two contests side by side: the facts each column of the explorer's compare view (and
//! `hustings compare`) shows, as plain strings, from the same derived numbers as `show`.

use crate::model::{Contest, Dataset, Status};
use crate::report::bars::thousands;
use crate::report::{DASH, NA, Summary};

/// The facts compared, as (label, value), the same labels in the same order for every contest.
pub fn facts(dataset: &Dataset, contest: &Contest) -> Vec<(&'static str, String)> {
    let s = Summary::new(dataset, contest);
    let valid = contest.ballots.as_ref().and_then(|b| b.valid);
    let winner = match (s.winner, contest.status) {
        (Some(w), _) => match s.winner_faction {
            Some(f) => format!("{} ({})", w.name, crate::explorer::theme::abbr(f)),
            None => w.name.clone(),
        },
        (None, Status::Pending) => "pending".to_string(),
        (None, Status::Decided) => DASH.to_string(),
    };
    let share = s
        .winner_share
        .as_ref()
        .map_or(DASH.to_string(), |x| x.label());
    vec![
        ("Date", s.date_label()),
        (
            "Region",
            s.region.map_or(DASH.to_string(), |r| r.name.clone()),
        ),
        ("Kind", contest.kind.as_str().replace('-', " ")),
        ("Status", contest.status.as_str().to_string()),
        ("Candidates", contest.candidates.len().to_string()),
        ("Valid ballots", valid.map_or(NA.to_string(), thousands)),
        ("Turnout", s.turnout_label()),
        ("Margin", s.margin_label()),
        ("Winner", winner),
        ("Winner's share", share),
    ]
}

/// The dataset positions of the contests with these ids, in the order given; ids no longer
/// in the data (after a reload) are skipped.
pub fn positions(dataset: &Dataset, ids: &[String]) -> Vec<usize> {
    ids.iter()
        .filter_map(|id| dataset.contests.iter().position(|c| &c.id == id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{DataSource, load};

    #[test]
    fn stockport_and_bury_south_facts() {
        let ds = load(&[DataSource::Embedded]).unwrap().dataset;
        let ids = [
            "stockport-selection-2019".to_string(),
            "gone".to_string(),
            "bury-south-selection-2019".to_string(),
        ];
        let at = positions(&ds, &ids);
        assert_eq!(at.len(), 2);
        let stockport = facts(&ds, &ds.contests[at[0]]);
        let get = |facts: &[(&str, String)], label: &str| {
            facts.iter().find(|(l, _)| *l == label).unwrap().1.clone()
        };
        assert_eq!(get(&stockport, "Valid ballots"), "592");
        assert_eq!(get(&stockport, "Margin"), "120 (20.3 pts)");
        assert_eq!(get(&stockport, "Winner"), "Navendu Mishra (LL)");
        assert_eq!(get(&stockport, "Winner's share"), "57.1%");
        let bury = facts(&ds, &ds.contests[at[1]]);
        assert_eq!(get(&bury, "Valid ballots"), "n/a");
        assert_eq!(get(&bury, "Winner's share"), ">70%");
        let labels = |f: &[(&'static str, String)]| f.iter().map(|x| x.0).collect::<Vec<_>>();
        assert_eq!(labels(&stockport), labels(&bury));
    }
}
