//! The state of a picker popup: a list of choices for one filter, some marked.

use crate::explorer::action::PickerKind;
use crate::explorer::app::Data;
use crate::model::{CandidateStatus, ContestKind, StageKind};
use crate::query::{FactionScope, Filter};
use crate::report::words;

/// One choice in a picker.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The value the filter stores (region or faction id, kind name).
    pub id: String,
    pub label: String,
    /// Contests it would match on its own (for factions: by the picker's scope).
    pub count: usize,
}

/// An open picker. Row 0 is "any" (no filter); rows 1.. are `choices`.
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    pub kind: PickerKind,
    pub choices: Vec<Choice>,
    pub marked: Vec<bool>,
    /// Row under the cursor, 0 being "any".
    pub cursor: usize,
    /// For the faction picker: whose faction counts.
    pub scope: FactionScope,
}

impl Picker {
    /// A picker for `kind`, with the filter's current values marked.
    pub fn open(kind: PickerKind, data: &Data, filter: &Filter) -> Picker {
        let ds = data.dataset();
        let scope = filter.faction_scope;
        let (choices, current): (Vec<Choice>, &[String]) = match kind {
            PickerKind::Region => (
                ds.regions
                    .iter()
                    .zip(&data.region_counts)
                    .map(|(r, &count)| Choice {
                        id: r.id.clone(),
                        label: r.name.clone(),
                        count,
                    })
                    .collect(),
                &filter.regions,
            ),
            PickerKind::Faction => (
                ds.factions
                    .iter()
                    .map(|f| Choice {
                        id: f.id.clone(),
                        label: f.name.clone(),
                        count: 0,
                    })
                    .collect(),
                &filter.factions,
            ),
            PickerKind::Kind => (
                ContestKind::ALL
                    .iter()
                    .zip(data.kind_counts)
                    .map(|(k, count)| Choice {
                        id: k.as_str().to_string(),
                        label: words::kind(*k).to_string(),
                        count,
                    })
                    .collect(),
                &[],
            ),
            PickerKind::Stage => (
                StageKind::ALL
                    .iter()
                    .zip(data.stage_counts)
                    .map(|(s, count)| Choice {
                        id: s.as_str().to_string(),
                        label: words::stage(*s).to_string(),
                        count,
                    })
                    .collect(),
                &[],
            ),
            PickerKind::CandidateStatus => (
                CandidateStatus::ALL
                    .iter()
                    .zip(data.status_counts)
                    .map(|(s, count)| Choice {
                        id: s.as_str().to_string(),
                        label: words::candidate_status(*s).to_string(),
                        count,
                    })
                    .collect(),
                &[],
            ),
        };
        let marked = choices
            .iter()
            .map(|c| match kind {
                PickerKind::Kind => filter.kinds.iter().any(|k| k.as_str() == c.id),
                PickerKind::Stage => filter.stages.iter().any(|s| s.as_str() == c.id),
                PickerKind::CandidateStatus => {
                    filter.candidate_statuses.iter().any(|s| s.as_str() == c.id)
                }
                PickerKind::Region | PickerKind::Faction => current.contains(&c.id),
            })
            .collect();
        let mut picker = Picker {
            kind,
            choices,
            marked,
            cursor: 0,
            scope,
        };
        picker.recount(data);
        picker.cursor = picker.marked.iter().position(|&m| m).map_or(0, |i| i + 1);
        picker
    }

    /// The same picker over new data: the marks, scope and cursor stay on the same ids.
    pub fn refreshed(&self, data: &Data, filter: &Filter) -> Picker {
        let mut picker = Picker::open(self.kind, data, filter);
        picker.scope = self.scope;
        picker.recount(data);
        let was_marked = |id: &str| {
            self.choices
                .iter()
                .zip(&self.marked)
                .any(|(c, &m)| m && c.id == id)
        };
        picker.marked = picker.choices.iter().map(|c| was_marked(&c.id)).collect();
        let under_cursor = self.cursor.checked_sub(1).map(|i| &self.choices[i].id);
        picker.cursor = under_cursor
            .and_then(|id| picker.choices.iter().position(|c| &c.id == id))
            .map_or(0, |i| i + 1);
        picker
    }

    /// Faction counts depend on the scope; the others never change.
    pub fn recount(&mut self, data: &Data) {
        if self.kind == PickerKind::Faction {
            let counts = match self.scope {
                FactionScope::Winner => &data.faction_wins,
                FactionScope::AnyCandidate => &data.faction_any,
            };
            for (choice, &n) in self.choices.iter_mut().zip(counts) {
                choice.count = n;
            }
        }
    }

    /// Rows including "any".
    pub fn len(&self) -> usize {
        self.choices.len() + 1
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    /// Marks or unmarks the row under the cursor; on "any", unmarks everything.
    pub fn toggle(&mut self) {
        match self.cursor {
            0 => self.marked.iter_mut().for_each(|m| *m = false),
            i => self.marked[i - 1] = !self.marked[i - 1],
        }
    }

    /// What Enter applies: nothing on the "any" row; else the marked ids, or else the one
    /// under the cursor.
    pub fn chosen(&self) -> Vec<String> {
        if self.cursor == 0 {
            return Vec::new();
        }
        let marked: Vec<String> = self
            .choices
            .iter()
            .zip(&self.marked)
            .filter(|(_, m)| **m)
            .map(|(c, _)| c.id.clone())
            .collect();
        if marked.is_empty() {
            vec![self.choices[self.cursor - 1].id.clone()]
        } else {
            marked
        }
    }
}
