//! The active filters as chips: one per value — each region, faction, kind, status,
//! endorser, stage reached, candidate status and result (`--result`), the date range, the
//! search — shown in the status bar, stepped through and removed one by one (`x`, then
//! ← / →, and `x` or Delete on the chip to remove).

use crate::explorer::app::{App, Overlay};
use crate::model::{CandidateStatus, ContestKind, Dataset, StageKind, Status};
use crate::query::from_input::result_matches_with;
use crate::query::{FactionScope, Filter};
use crate::report::words;

/// One active filter value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chip {
    Region(String),
    NoRegion,
    Faction(String),
    NoFaction,
    Kind(ContestKind),
    Status(Status),
    Dates,
    /// A timeline row drilled into (Enter in the timeline).
    Period,
    /// A cell of the seats changing hands drilled into (Enter in view 8).
    ChangeCell,
    Endorser(String),
    /// A stage reached (`l`).
    Stage(StageKind),
    /// A status some candidate has (`w`).
    CandidateStatus(CandidateStatus),
    /// One value of `--result` (`gain`, `hold:Lab`, `loss:Con`), as given.
    Result(String),
    Search,
}

/// The chips of `filter`, in the order the status bar shows them.
pub fn chips(filter: &Filter) -> Vec<Chip> {
    let mut out: Vec<Chip> = filter.regions.iter().cloned().map(Chip::Region).collect();
    if filter.no_region {
        out.push(Chip::NoRegion);
    }
    out.extend(filter.factions.iter().cloned().map(Chip::Faction));
    if filter.no_faction {
        out.push(Chip::NoFaction);
    }
    out.extend(filter.kinds.iter().copied().map(Chip::Kind));
    out.extend(filter.statuses.iter().copied().map(Chip::Status));
    if filter.since.is_some() || filter.until.is_some() {
        out.push(Chip::Dates);
    }
    if filter.period.is_some() {
        out.push(Chip::Period);
    }
    if filter.change_cell.is_some() {
        out.push(Chip::ChangeCell);
    }
    out.extend(filter.endorsers.iter().cloned().map(Chip::Endorser));
    out.extend(filter.stages.iter().copied().map(Chip::Stage));
    out.extend(
        filter
            .candidate_statuses
            .iter()
            .copied()
            .map(Chip::CandidateStatus),
    );
    if let Some(results) = &filter.results {
        out.extend(results.asked.iter().cloned().map(Chip::Result));
    }
    if !filter.search.is_empty() {
        out.push(Chip::Search);
    }
    out
}

impl Chip {
    /// What the chip says, in the user's terms (names and short labels, not ids), shown by
    /// the one rule: its values come from the command line (`--search`, `--result`,
    /// `--endorser`) as much as from the data, and neither is obeyed.
    pub fn label(&self, filter: &Filter, ds: Option<&Dataset>) -> String {
        crate::report::safe::message(&self.words(filter, ds)).into_owned()
    }

    /// The chip's words, as given.
    fn words(&self, filter: &Filter, ds: Option<&Dataset>) -> String {
        let scope = match filter.faction_scope {
            FactionScope::Winner => "won by",
            FactionScope::AnyCandidate => "any candidate",
        };
        match self {
            Chip::Region(id) => {
                let name = ds
                    .and_then(|d| d.region(id))
                    .map_or(id.as_str(), |r| &r.name);
                format!("region: {name}")
            }
            Chip::NoRegion => words::NO_REGION.to_string(),
            Chip::Faction(id) => {
                let name = ds
                    .and_then(|d| d.faction(id))
                    .map_or(id.clone(), words::faction_short);
                format!("{scope}: {name}")
            }
            Chip::NoFaction => format!("{scope}: {}", words::NO_FACTION),
            Chip::Kind(k) => format!("kind: {}", words::kind(*k)),
            Chip::Status(s) => format!("status: {}", words::status(*s)),
            Chip::Dates => {
                let d = |x: Option<chrono::NaiveDate>| x.map_or(String::new(), |d| d.to_string());
                format!("dates: {}..{}", d(filter.since), d(filter.until))
            }
            Chip::Period => match filter.period {
                Some(p) => format!("timeline: {p}"),
                None => "timeline".to_string(),
            },
            Chip::ChangeCell => match &filter.change_cell {
                Some(cell) => format!("changes: {} → {}", cell.label.0, cell.label.1),
                None => "changes".to_string(),
            },
            Chip::Endorser(name) => format!("endorsed by: {name}"),
            Chip::Stage(s) => format!("stage reached: {}", words::stage(*s)),
            Chip::CandidateStatus(s) => format!("a candidate: {}", words::candidate_status(*s)),
            Chip::Result(asked) => format!("result: {}", result_words(asked)),
            Chip::Search => format!("search: \"{}\"", filter.search),
        }
    }

    /// Takes this value out of `filter`.
    pub fn remove_from(&self, filter: &mut Filter) {
        match self {
            Chip::Region(id) => filter.regions.retain(|r| r != id),
            Chip::NoRegion => filter.no_region = false,
            Chip::Faction(id) => filter.factions.retain(|f| f != id),
            Chip::NoFaction => filter.no_faction = false,
            Chip::Kind(k) => filter.kinds.retain(|x| x != k),
            Chip::Status(s) => filter.statuses.retain(|x| x != s),
            Chip::Dates => (filter.since, filter.until) = (None, None),
            Chip::Period => filter.period = None,
            Chip::ChangeCell => filter.change_cell = None,
            Chip::Endorser(name) => filter.endorsers.retain(|e| e != name),
            Chip::Stage(s) => filter.stages.retain(|x| x != s),
            Chip::CandidateStatus(s) => filter.candidate_statuses.retain(|x| x != s),
            // The contests kept are decided again by the app (`App::resolve_results`).
            Chip::Result(asked) => {
                if let Some(results) = &mut filter.results {
                    results.asked.retain(|a| a != asked);
                    if results.asked.is_empty() {
                        filter.results = None;
                    }
                }
            }
            Chip::Search => filter.search.clear(),
        }
    }
}

/// Which contests the matrix counts in the cell of seats won before by `from` and now by
/// `to` (party groups).
pub(super) fn change_cell_keep(
    data: &crate::explorer::app::Data,
    from: &str,
    to: &str,
) -> std::sync::Arc<[bool]> {
    let ds = data.dataset();
    (0..ds.contests.len())
        .map(|i| {
            crate::stats::change::seat_change(ds, &data.changes, i)
                .is_some_and(|(f, t)| f == from && t == to)
        })
        .collect()
}

/// A `--result` value in words: `gain`, `Con gain`, `Lab loss`, `SNP hold`.
fn result_words(asked: &str) -> String {
    match asked.split_once(':') {
        Some((what, party)) => format!("{} {}", party.trim(), what.trim().to_lowercase()),
        None => asked.trim().to_lowercase(),
    }
}

impl App {
    /// Decides again which contests the result filter keeps, against the data now loaded (its
    /// values are kept as given; the contests they keep are counted by position, which a
    /// reload changes). A value the data no longer allows drops the filter, and says why.
    pub(super) fn resolve_results(&mut self) {
        let (Some(data), Some(results)) = (&self.data, &self.query.filter.results) else {
            return;
        };
        let ds = data.dataset();
        match result_matches_with(ds, &data.changes, &results.asked) {
            Ok(matches) => self.query.filter.results = Some(matches),
            Err(e) => {
                self.query.filter.results = None;
                self.say(format!("result filter removed: {e}"));
            }
        }
    }

    /// Decides again which contests the changes-cell filter keeps, against the data now
    /// loaded (the parties are kept; the contests are counted by position, which a reload
    /// changes).
    pub(super) fn resolve_change_cell(&mut self) {
        let (Some(data), Some(cell)) = (&self.data, &self.query.filter.change_cell) else {
            return;
        };
        let keep = change_cell_keep(data, &cell.from, &cell.to);
        if let Some(cell) = &mut self.query.filter.change_cell {
            cell.keep = keep;
        }
    }

    /// `x`: step into the chips, on the last (the newest kind of filter), or say there are none.
    pub(super) fn edit_chips(&mut self) {
        let n = chips(&self.query.filter).len();
        if n == 0 {
            self.say("no filters to remove".into());
        } else {
            self.overlay = Overlay::Chips(n - 1);
        }
    }

    /// Moves the chip cursor by `delta`, within the chips.
    pub(super) fn step_chip(&mut self, delta: i64) {
        let n = chips(&self.query.filter).len() as i64;
        if let Overlay::Chips(at) = &mut self.overlay {
            *at = (*at as i64 + delta).clamp(0, (n - 1).max(0)) as usize;
        }
    }

    /// Removes the chip under the cursor; the cursor stays in place (on the next chip), and
    /// the chips close when none is left.
    pub(super) fn remove_chip(&mut self) {
        let Overlay::Chips(at) = self.overlay else {
            return;
        };
        let all = chips(&self.query.filter);
        let Some(chip) = all.get(at) else {
            return;
        };
        chip.remove_from(&mut self.query.filter);
        if let Chip::Result(_) = chip {
            self.resolve_results();
        }
        self.relist();
        let left = chips(&self.query.filter).len();
        self.overlay = if left == 0 {
            Overlay::None
        } else {
            Overlay::Chips(at.min(left - 1))
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_is_a_chip_and_removing_one_leaves_the_rest() {
        let mut filter = Filter {
            regions: vec!["london".into(), "north-west".into()],
            no_faction: true,
            statuses: vec![Status::Decided],
            endorsers: vec!["Unite".into()],
            search: "mishra".into(),
            ..Filter::default()
        };
        let all = chips(&filter);
        assert_eq!(all.len(), 6);
        all[1].remove_from(&mut filter);
        assert_eq!(filter.regions, vec!["london"]);
        Chip::Endorser("Unite".into()).remove_from(&mut filter);
        assert!(filter.endorsers.is_empty());
        assert_eq!(
            chips(&filter),
            vec![
                Chip::Region("london".into()),
                Chip::NoFaction,
                Chip::Status(Status::Decided),
                Chip::Search
            ]
        );
        assert_eq!(Chip::NoFaction.label(&filter, None), "won by: no faction");
    }

    #[test]
    fn stages_and_candidate_statuses_are_chips_too() {
        let mut filter = Filter {
            stages: vec![StageKind::Shortlist],
            candidate_statuses: vec![CandidateStatus::Withdrawn],
            ..Filter::default()
        };
        let all = chips(&filter);
        assert_eq!(
            all,
            vec![
                Chip::Stage(StageKind::Shortlist),
                Chip::CandidateStatus(CandidateStatus::Withdrawn)
            ]
        );
        assert!(all[0].label(&filter, None).starts_with("stage reached: "));
        all[0].remove_from(&mut filter);
        all[1].remove_from(&mut filter);
        assert!(filter.stages.is_empty() && filter.candidate_statuses.is_empty());
    }
}
