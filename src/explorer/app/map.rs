//! The map view's state and keys: the picture of the listed contests (worked out with the
//! views' aggregates when they change: off the UI thread for a large list), the cursor on a
//! hexagon (kept on the selected contest's seat, and the other way round), what the colours
//! mean, the party chosen for share, change and swing, and the swing.

use std::sync::Arc;

use crate::explorer::action::Action;
use crate::explorer::app::{App, Focus, View};
use crate::map::{Colouring, Direction, HexMap, Picture, Request, Swing, builtin};

/// The map view's state.
#[derive(Debug, Default)]
pub struct MapState {
    /// The listed contests on the best-fitting map, coloured.
    pub picture: Option<Picture>,
    /// The hexagon under the cursor.
    pub cursor: Option<usize>,
    pub colouring: Colouring,
    /// The swing toward the chosen party, in half points (0: none, no projection).
    pub swing_steps: i32,
    /// The parties that won seats on the map, most seats first (for share, change, swing).
    pub parties: Vec<String>,
    /// The chosen party, a position in `parties`.
    pub party: usize,
    /// The maps to choose from: the built-in ones (read once, when first drawn), or
    /// `--map`'s.
    maps: Arc<Vec<HexMap>>,
    /// The rows version the picture was made for.
    pub(super) made_for: Option<u64>,
    /// The selected contest the cursor was last put on (a new selection moves the cursor).
    synced: Option<usize>,
    /// The last word on contests not placed, said once (not again at every keystroke of a
    /// search that leaves it the same).
    said: Option<String>,
}

impl MapState {
    /// Draws on `map` alone (`--map`), not the best-fitting built-in one.
    pub fn use_map(&mut self, map: HexMap) {
        self.maps = Arc::new(vec![map]);
        self.made_for = None;
    }

    /// The maps to choose from, read now if not yet.
    pub(super) fn maps(&mut self) -> Arc<Vec<HexMap>> {
        if self.maps.is_empty() {
            self.maps = Arc::new(builtin::all());
        }
        Arc::clone(&self.maps)
    }

    /// The chosen party's name, if any party won a seat.
    pub fn party_name(&self) -> Option<&str> {
        self.parties.get(self.party).map(String::as_str)
    }

    /// The swing as it stands (none at 0): toward the chosen party, from the largest other.
    pub fn swing(&self) -> Option<Swing> {
        if self.swing_steps == 0 {
            return None;
        }
        let to = self.party_name()?;
        let from = self.parties.iter().find(|p| p.as_str() != to)?;
        Some(Swing {
            from: from.clone(),
            to: to.to_string(),
            points: f64::from(self.swing_steps) / 2.0,
        })
    }
}

/// The most the swing steps, in half points.
const MOST_STEPS: i32 = 200;

impl App {
    /// The map view's keys; the rest are handed back.
    pub(super) fn map_keys(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::Up => self.move_map_cursor(Direction::Up),
            Action::Down => self.move_map_cursor(Direction::Down),
            Action::MapMove(direction) => self.move_map_cursor(direction),
            Action::SelectHex(hex) => self.put_map_cursor(hex),
            Action::Confirm => {
                if let Some(contest) = self.contest_under_map_cursor() {
                    self.reselect(Some(contest));
                    self.view = View::Contests;
                    self.focus = Focus::Detail;
                }
            }
            Action::Back => self.view = View::Contests,
            Action::CycleColouring => {
                let party = self.views.map.party_name().unwrap_or("Lab").to_string();
                self.views.map.colouring = self.views.map.colouring.next(&party);
                self.recolour_map();
            }
            Action::StepSwing(steps) => {
                let m = &mut self.views.map;
                m.swing_steps = (m.swing_steps + steps).clamp(-MOST_STEPS, MOST_STEPS);
                self.recolour_map();
            }
            Action::CycleMapParty(step) => {
                let m = &mut self.views.map;
                let n = m.parties.len().max(1) as i64;
                m.party = (m.party as i64 + i64::from(step)).rem_euclid(n) as usize;
                let party = m.party_name().unwrap_or_default().to_string();
                m.colouring = match &m.colouring {
                    Colouring::Share(_) => Colouring::Share(party),
                    Colouring::Change(_) => Colouring::Change(party),
                    other => other.clone(),
                };
                self.recolour_map();
            }
            Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => {}
            other => return Some(other),
        }
        None
    }

    /// The listed contest on the hexagon under the cursor.
    pub fn contest_under_map_cursor(&self) -> Option<usize> {
        let m = &self.views.map;
        let shown = m
            .picture
            .as_ref()?
            .placement
            .shown
            .get(m.cursor?)?
            .as_ref()?;
        shown.listed.then_some(shown.contest)
    }

    fn move_map_cursor(&mut self, direction: Direction) {
        let m = &self.views.map;
        let (Some(picture), Some(cursor)) = (&m.picture, m.cursor) else {
            return;
        };
        if let Some(next) = picture.geometry.next(cursor, direction, |_| true) {
            self.put_map_cursor(next);
        }
    }

    /// Puts the cursor on `hex`; a listed contest there becomes the selected one.
    fn put_map_cursor(&mut self, hex: usize) {
        let hexes = self
            .views
            .map
            .picture
            .as_ref()
            .map_or(0, |p| p.map.hexes.len());
        if hex >= hexes {
            return;
        }
        self.views.map.cursor = Some(hex);
        if let Some(contest) = self.contest_under_map_cursor() {
            self.reselect(Some(contest));
            self.views.map.synced = Some(contest);
        }
    }

    /// Keeps the map worked out for version `version` of the rows (`aggregates`): its
    /// parties, the chosen one kept; the colouring chosen; and a word on the contests not
    /// placed, said once.
    pub(super) fn keep_map(&mut self, version: u64, picture: Option<Picture>) {
        let Some(data) = &self.data else {
            return;
        };
        let ds = data.dataset();
        let m = &mut self.views.map;
        m.made_for = Some(version);
        m.synced = None;
        let Some(winners) = picture else {
            m.picture = None;
            return;
        };
        let chosen = m.party_name().map(str::to_string);
        m.parties = winners
            .coloured
            .classes
            .iter()
            .filter(|c| c.is_party())
            .map(|c| c.label.clone())
            .collect();
        // The second party by default: a swing to it is the one people ask about.
        m.party = chosen
            .and_then(|c| m.parties.iter().position(|p| *p == c))
            .unwrap_or(usize::from(m.parties.len() > 1));
        let note = crate::report::map::text::unplaced(&winners, ds).map(|unplaced| {
            format!(
                "map {}: {}; {unplaced}",
                winners.map.name,
                winners.placement_words(),
            )
        });
        m.picture = Some(winners);
        self.recolour_map();
        self.sync_map_cursor();
        if note.is_some() && note != self.views.map.said {
            self.views.map.said.clone_from(&note);
            self.say(note.unwrap_or_default());
        }
    }

    /// Keeps the cursor on the selected contest's seat when the selection moved.
    pub(super) fn sync_map_cursor(&mut self) {
        let selected = self.selected_index();
        let m = &mut self.views.map;
        if selected != m.synced {
            m.synced = selected;
            let hex = m.picture.as_ref().and_then(|p| {
                selected
                    .and_then(|i| p.placement.placed.get(&i).copied())
                    .or_else(|| m.cursor.filter(|&c| c < p.map.hexes.len()))
                    .or_else(|| p.placement.shown.iter().position(Option::is_some))
            });
            m.cursor = hex.or(m.cursor);
        }
    }

    /// Colours the picture again (another colouring, party or swing).
    fn recolour_map(&mut self) {
        let Some(data) = &self.data else {
            return;
        };
        let ds = data.dataset();
        let m = &mut self.views.map;
        let swing = m.swing();
        let Some(picture) = &mut m.picture else {
            return;
        };
        picture.recolour(&Request {
            dataset: ds,
            changes: &data.changes,
            listed: &self.rows,
            index: &data.index,
            colouring: &m.colouring,
            swing: swing.as_ref(),
        });
    }
}
