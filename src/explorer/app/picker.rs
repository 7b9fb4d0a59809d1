//! The state of a picker popup: a list of choices for one filter, some marked, narrowed as
//! the user types after `/` (type-to-find, folded as every search is).

use crate::explorer::action::PickerKind;
use crate::explorer::app::Data;
use crate::model::{CandidateStatus, ContestKind, StageKind};
use crate::query::{FactionScope, Filter, fold};
use crate::report::words;

/// One choice in a picker.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The value the filter stores (region or faction id, kind name, endorser name); empty
    /// for the "none" choice.
    pub id: String,
    pub label: String,
    /// Contests it would match on its own (for factions: by the picker's scope).
    pub count: usize,
    /// "no region" / "no faction": contests without one.
    pub none: bool,
}

/// What a picker applies: the ids marked, and whether "none" is among them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chosen {
    pub ids: Vec<String>,
    pub none: bool,
}

/// An open picker. Row 0 is "any" (no filter); rows 1.. are the choices `shown`.
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    pub kind: PickerKind,
    pub choices: Vec<Choice>,
    pub marked: Vec<bool>,
    /// Row under the cursor, 0 being "any".
    pub cursor: usize,
    /// For the faction picker: whose faction counts.
    pub scope: FactionScope,
    /// Type-to-find: what was typed after `/` (every choice when empty).
    pub find: String,
    /// Keys go to `find` (after `/`, until Enter or Esc).
    pub finding: bool,
    /// The choices whose label holds `find`, as indices into `choices`, in order.
    pub shown: Vec<usize>,
}

impl Picker {
    /// A picker for `kind`, with the filter's current values marked.
    pub fn open(kind: PickerKind, data: &Data, filter: &Filter) -> Picker {
        let ds = data.dataset();
        let scope = filter.faction_scope;
        let none = |label: &str| Choice {
            id: String::new(),
            label: label.to_string(),
            count: 0,
            none: true,
        };
        let choices: Vec<Choice> = match kind {
            PickerKind::Region => ds
                .regions
                .iter()
                .map(|r| (r.id.to_string(), r.name.to_string()))
                .map(|(id, label)| Choice {
                    id,
                    label,
                    count: 0,
                    none: false,
                })
                .chain([none(words::NO_REGION)])
                .zip(&data.region_counts)
                .map(|(c, &count)| Choice { count, ..c })
                .collect(),
            PickerKind::Faction => ds
                .factions
                .iter()
                .map(|f| Choice {
                    id: f.id.to_string(),
                    label: format!("{} {}", words::faction_short(f), f.name),
                    count: 0,
                    none: false,
                })
                .chain([none(words::NO_FACTION)])
                .collect(),
            PickerKind::Kind => ContestKind::ALL
                .iter()
                .zip(data.kind_counts)
                .map(|(k, count)| Choice {
                    id: k.as_str().to_string(),
                    label: words::kind(*k).to_string(),
                    count,
                    none: false,
                })
                .collect(),
            PickerKind::Endorser => data
                .endorsers
                .iter()
                .map(|(name, count)| Choice {
                    id: name.clone(),
                    label: name.clone(),
                    count: *count,
                    none: false,
                })
                .collect(),
            PickerKind::Stage => StageKind::ALL
                .iter()
                .zip(data.stage_counts)
                .map(|(s, count)| Choice {
                    id: s.as_str().to_string(),
                    label: words::stage(*s).to_string(),
                    count,
                    none: false,
                })
                .collect(),
            PickerKind::CandidateStatus => CandidateStatus::ALL
                .iter()
                .zip(data.status_counts)
                .map(|(s, count)| Choice {
                    id: s.as_str().to_string(),
                    label: words::candidate_status(*s).to_string(),
                    count,
                    none: false,
                })
                .collect(),
        };
        let marked = choices
            .iter()
            .map(|c| match kind {
                PickerKind::Region if c.none => filter.no_region,
                PickerKind::Region => filter.regions.contains(&c.id),
                PickerKind::Faction if c.none => filter.no_faction,
                PickerKind::Faction => filter.factions.contains(&c.id),
                PickerKind::Kind => filter.kinds.iter().any(|k| k.as_str() == c.id),
                PickerKind::Endorser => filter.endorsers.iter().any(|e| fold(e) == fold(&c.id)),
                PickerKind::Stage => filter.stages.iter().any(|s| s.as_str() == c.id),
                PickerKind::CandidateStatus => {
                    filter.candidate_statuses.iter().any(|s| s.as_str() == c.id)
                }
            })
            .collect();
        let mut picker = Picker {
            kind,
            shown: (0..choices.len()).collect(),
            choices,
            marked,
            cursor: 0,
            scope,
            find: String::new(),
            finding: false,
        };
        picker.recount(data);
        picker.cursor = picker.marked.iter().position(|&m| m).map_or(0, |i| i + 1);
        picker
    }

    /// The same picker over new data: the marks, scope, find and cursor stay on the same ids.
    #[must_use]
    pub fn refreshed(&self, data: &Data, filter: &Filter) -> Picker {
        let mut picker = Picker::open(self.kind, data, filter);
        picker.scope = self.scope;
        picker.recount(data);
        let was_marked = |c: &Choice| {
            self.choices
                .iter()
                .zip(&self.marked)
                .any(|(x, &m)| m && x.id == c.id && x.none == c.none)
        };
        picker.marked = picker.choices.iter().map(was_marked).collect();
        let under_cursor = self.current().cloned();
        picker.finding = self.finding;
        picker.set_find(self.find.clone());
        picker.cursor = under_cursor
            .and_then(|c| {
                picker
                    .shown
                    .iter()
                    .position(|&i| picker.choices[i].id == c.id && picker.choices[i].none == c.none)
            })
            .map_or(0, |row| row + 1);
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
        self.shown.len() + 1
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    /// The choice on row `row` (`None` for "any").
    pub fn choice_at(&self, row: usize) -> Option<&Choice> {
        let i = *self.shown.get(row.checked_sub(1)?)?;
        Some(&self.choices[i])
    }

    /// The choice under the cursor (`None` on "any").
    pub fn current(&self) -> Option<&Choice> {
        self.choice_at(self.cursor)
    }

    /// Whether the choice on row `row` is marked.
    pub fn is_marked(&self, row: usize) -> bool {
        row.checked_sub(1)
            .and_then(|r| self.shown.get(r))
            .is_some_and(|&i| self.marked[i])
    }

    /// Shows only the choices whose label holds `find` (ignoring case and accents), the
    /// cursor on the first of them.
    pub fn set_find(&mut self, find: String) {
        let wanted = fold(find.trim());
        self.shown = (0..self.choices.len())
            .filter(|&i| wanted.is_empty() || fold(&self.choices[i].label).contains(&wanted))
            .collect();
        self.find = find;
        self.cursor = usize::from(!self.shown.is_empty());
    }

    /// Marks or unmarks the row under the cursor; on "any", unmarks everything.
    pub fn toggle(&mut self) {
        match self.cursor.checked_sub(1).and_then(|r| self.shown.get(r)) {
            None => self.marked.iter_mut().for_each(|m| *m = false),
            Some(&i) => self.marked[i] = !self.marked[i],
        }
    }

    /// What Enter applies: nothing on the "any" row; else the marked choices, or else the
    /// one under the cursor.
    pub fn chosen(&self) -> Chosen {
        let Some(current) = self.current() else {
            return Chosen::default();
        };
        let marked: Vec<&Choice> = self
            .choices
            .iter()
            .zip(&self.marked)
            .filter(|(_, m)| **m)
            .map(|(c, _)| c)
            .collect();
        let picked = if marked.is_empty() {
            vec![current]
        } else {
            marked
        };
        Chosen {
            ids: picked
                .iter()
                .filter(|c| !c.none)
                .map(|c| c.id.clone())
                .collect(),
            none: picked.iter().any(|c| c.none),
        }
    }
}
