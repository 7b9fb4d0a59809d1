//! A map ready to draw: the map, its cells, the contests placed on it and its colours.

use crate::map::colouring::{self, Coloured, Colouring};
use crate::map::geometry::Geometry;
use crate::map::hexjson::HexMap;
use crate::map::place::{self, Placement};
use crate::map::swing::{self, Projection, Swing};
use crate::model::Dataset;
use crate::model::change::Changes;
use crate::query::Index;

/// Everything drawing a map needs, worked out once (drawing a frame only looks it up).
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub map: HexMap,
    pub geometry: Geometry,
    pub placement: Placement,
    pub coloured: Coloured,
    /// What a swing does to the seats on the map, when there is one: a projection.
    pub projection: Option<Projection>,
}

/// What to picture: which contests, coloured how.
pub struct Request<'a> {
    pub dataset: &'a Dataset,
    pub changes: &'a Changes,
    /// The contests the filters keep.
    pub listed: &'a [usize],
    /// The dataset's rows (a contest several sources give is one): those the filters leave
    /// out are dimmed.
    pub index: &'a Index,
    pub colouring: &'a Colouring,
    pub swing: Option<&'a Swing>,
}

impl Picture {
    /// `map` with the contests of `request` placed and coloured.
    pub fn new(map: HexMap, request: &Request<'_>) -> Picture {
        let placement = place::place(
            &map,
            request.dataset,
            request.listed,
            (0..request.dataset.contests.len()).filter(|&i| request.index.is_row(i)),
        );
        let coloured = colouring::colour(
            request.dataset,
            request.changes,
            &placement,
            request.colouring,
            request.swing,
        );
        Picture {
            geometry: Geometry::of(&map),
            projection: projection(request, &placement),
            map,
            placement,
            coloured,
        }
    }

    /// The colours again (another colouring or swing), the placement kept.
    pub fn recolour(&mut self, request: &Request<'_>) {
        self.coloured = colouring::colour(
            request.dataset,
            request.changes,
            &self.placement,
            request.colouring,
            request.swing,
        );
        self.projection = projection(request, &self.placement);
    }

    /// `placed 650 of 650 contests`.
    pub fn placement_words(&self) -> String {
        let placed = self.placement.placed.len();
        let total = placed + self.placement.unplaced.len();
        format!("placed {placed} of {total} contests")
    }
}

/// What the request's swing does to the seats on the map: the listed contests it shows, one a
/// hexagon, as its legend counts them. (Every listed contest of the seats would count a seat
/// once for each election listed: 1,300 seats under a map of 650 for two general elections.)
fn projection(request: &Request<'_>, placement: &Placement) -> Option<Projection> {
    let swing = request.swing?;
    let shown: Vec<usize> = placement.listed_shown().collect();
    Some(swing::project(
        request.dataset,
        &request.changes.parties,
        swing,
        &shown,
    ))
}
