//! The map drawn onto cells — one rule for the explorer's view and `hustings map`: each
//! hexagon two cells of its class's colour (`██`), or its class's two-letter mark where there
//! is no colour; a seat with no contest hollow; a hexagon the filters leave out dimmed. Where
//! the map is too tall, the dense drawing puts two rows in a line (`▀`, top and bottom colours).

use crate::map::colouring::{Coloured, Fill, mix};
use crate::map::{Geometry, Picture};
use crate::model::colour::Rgb;

/// One cell of the drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub symbol: char,
    pub fg: Option<Rgb>,
    pub bg: Option<Rgb>,
    /// Faded: a hexagon the filters leave out, where there is no colour to fade.
    pub dim: bool,
    /// The cursor's hexagon, where there is no colour to mark it.
    pub reversed: bool,
}

impl Cell {
    const BLANK: Cell = Cell {
        symbol: ' ',
        fg: None,
        bg: None,
        dim: false,
        reversed: false,
    };
}

/// A window of the drawing, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canvas {
    pub width: u16,
    pub height: u16,
    pub cells: Vec<Cell>,
}

impl Canvas {
    /// The cell at (`x`, `y`) of the window.
    pub fn get(&self, x: u16, y: u16) -> Cell {
        self.cells[usize::from(y) * usize::from(self.width) + usize::from(x)]
    }
}

/// How to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    /// Colours (else marks).
    pub colour: bool,
    /// Two rows of hexagons to a line (colour only).
    pub dense: bool,
}

/// The part of the map to draw: its top-left cell (in the map's lines, or in screen lines
/// when dense) and its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Window {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Window {
    /// The whole of a map.
    pub fn whole(geometry: &Geometry) -> Window {
        Window {
            x: 0,
            y: 0,
            width: geometry.width,
            height: geometry.height,
        }
    }
}

/// What a seat with no contest is drawn as: an outline colour, and its mark.
pub const HOLLOW: Rgb = Rgb(0x4a, 0x4a, 0x4a);
pub const HOLLOW_MARK: &str = "()";
/// What a hexagon the filters leave out shows where there is no colour.
pub const LEFT_OUT_MARK: &str = "..";
/// What a left-out hexagon's colour fades toward.
const FADE: Rgb = Rgb(0x26, 0x26, 0x26);

/// The colour a fill is drawn in.
pub fn fill_colour(coloured: &Coloured, fill: Fill) -> Rgb {
    match fill {
        Fill::Hollow => HOLLOW,
        Fill::Class { class, dim } => {
            let colour = coloured.classes[class].colour;
            if dim { mix(colour, FADE, 0.75) } else { colour }
        }
    }
}

/// Black or white, whichever reads on `colour`.
pub fn contrast(colour: Rgb) -> Rgb {
    let light =
        0.299 * f64::from(colour.0) + 0.587 * f64::from(colour.1) + 0.114 * f64::from(colour.2);
    if light > 140.0 {
        Rgb(0, 0, 0)
    } else {
        Rgb(0xff, 0xff, 0xff)
    }
}

/// The lines the map needs: its height, or half of it dense.
pub fn lines_needed(geometry: &Geometry, dense: bool) -> u16 {
    if dense {
        geometry.height.div_ceil(2)
    } else {
        geometry.height
    }
}

/// Draws `window` of `picture`, the `cursor` hexagon marked.
pub fn draw(picture: &Picture, window: Window, look: Look, cursor: Option<usize>) -> Canvas {
    let mut cells = Vec::with_capacity(usize::from(window.width) * usize::from(window.height));
    for wy in 0..window.height {
        for wx in 0..window.width {
            let x = window.x.saturating_add(wx);
            let cell = if look.dense && look.colour {
                let top = window.y.saturating_add(wy).saturating_mul(2);
                dense_cell(picture, x, top, cursor)
            } else {
                full_cell(picture, x, window.y.saturating_add(wy), look.colour, cursor)
            };
            cells.push(cell);
        }
    }
    Canvas {
        width: window.width,
        height: window.height,
        cells,
    }
}

/// A cell of the drawing a line to a row.
fn full_cell(picture: &Picture, x: u16, y: u16, colour: bool, cursor: Option<usize>) -> Cell {
    let Some(h) = picture.geometry.hex_at(x, y) else {
        return Cell::BLANK;
    };
    let spot = picture.geometry.spots[h];
    let left = (x - spot.x) % 2 == 0;
    let fill = picture.coloured.fills[h];
    let on_cursor = cursor == Some(h);
    if colour {
        let paint = fill_colour(&picture.coloured, fill);
        if on_cursor {
            return Cell {
                symbol: if left { '[' } else { ']' },
                fg: Some(contrast(paint)),
                bg: Some(paint),
                dim: false,
                reversed: false,
            };
        }
        let symbol = if fill == Fill::Hollow { '░' } else { '█' };
        return Cell {
            symbol,
            fg: Some(paint),
            bg: None,
            dim: false,
            reversed: false,
        };
    }
    let (mark, dim) = match fill {
        Fill::Hollow => (HOLLOW_MARK, false),
        Fill::Class { dim: true, .. } if !on_cursor => (LEFT_OUT_MARK, true),
        Fill::Class { class, dim } => (picture.coloured.classes[class].mark.as_str(), dim),
    };
    let mut chars = mark.chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next().unwrap_or(' ');
    Cell {
        symbol: if left { first } else { second },
        fg: None,
        bg: None,
        dim,
        reversed: on_cursor,
    }
}

/// A cell of the dense drawing: the row `top` above, the next below. The cursor's hexagon is
/// marked in its left half (black or white, whichever shows against its colour) and keeps its
/// colour in its right half, so the colour under the cursor is still seen.
fn dense_cell(picture: &Picture, x: u16, top: u16, cursor: Option<usize>) -> Cell {
    let colour_at = |y: u16| {
        picture.geometry.hex_at(x, y).map(|h| {
            let paint = fill_colour(&picture.coloured, picture.coloured.fills[h]);
            let left = (x - picture.geometry.spots[h].x) % 2 == 0;
            if cursor == Some(h) && left {
                contrast(paint)
            } else {
                paint
            }
        })
    };
    match (colour_at(top), colour_at(top.saturating_add(1))) {
        (None, None) => Cell::BLANK,
        (Some(up), down) => Cell {
            symbol: '▀',
            fg: Some(up),
            bg: down,
            ..Cell::BLANK
        },
        (None, Some(down)) => Cell {
            symbol: '▄',
            fg: Some(down),
            ..Cell::BLANK
        },
    }
}
