//! Where each hexagon stands on a grid of terminal cells, and which hexagon is next in a
//! direction. A hexagon is two cells wide (a cell is about half as wide as it is tall, so two
//! make it round); in a map of rows each row is a line, and the shifted rows stand one cell
//! (half a hexagon) to the right; in a map of columns each hexagon is two lines tall and the
//! shifted columns stand a line lower.

use crate::map::hexjson::HexMap;

/// One hexagon's cells: its top-left cell and its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

/// A direction to move the cursor in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

/// The map laid out on cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    /// Per hexagon, in the map's order.
    pub spots: Vec<Spot>,
    pub width: u16,
    pub height: u16,
    /// Per cell (row by row), the hexagon on it.
    cells: Vec<Option<u32>>,
}

impl Geometry {
    pub fn of(map: &HexMap) -> Geometry {
        let rows = map.layout.in_rows();
        let min_q = map.hexes.iter().map(|h| h.q).min().unwrap_or(0);
        let max_r = map.hexes.iter().map(|h| h.r).max().unwrap_or(0);
        let to_cells = |n: i64| u16::try_from(n.max(0)).unwrap_or(u16::MAX);
        let spots: Vec<Spot> = map
            .hexes
            .iter()
            .map(|h| {
                let column = i64::from(h.q) - i64::from(min_q);
                // Rows count up the map; lines count down the screen.
                let row = i64::from(max_r) - i64::from(h.r);
                if rows {
                    let shift = i64::from(map.layout.shifted(h.r));
                    Spot {
                        x: to_cells(2 * column + shift),
                        y: to_cells(row),
                        width: 2,
                        height: 1,
                    }
                } else {
                    let shift = i64::from(map.layout.shifted(h.q));
                    Spot {
                        x: to_cells(2 * column),
                        y: to_cells(2 * row + shift),
                        width: 2,
                        height: 2,
                    }
                }
            })
            .collect();
        let width = spots
            .iter()
            .map(|s| s.x.saturating_add(s.width))
            .max()
            .unwrap_or(0);
        let height = spots
            .iter()
            .map(|s| s.y.saturating_add(s.height))
            .max()
            .unwrap_or(0);
        // A map too large to lay out (coordinates in the millions) gets no cell index; its
        // hexagons are still listed, and the screen says the map is too large.
        let area = usize::from(width) * usize::from(height);
        let mut cells = vec![None; if area <= 4_000_000 { area } else { 0 }];
        if !cells.is_empty() {
            for (h, s) in spots.iter().enumerate() {
                for y in s.y..s.y + s.height {
                    for x in s.x..s.x + s.width {
                        cells[usize::from(y) * usize::from(width) + usize::from(x)] =
                            u32::try_from(h).ok();
                    }
                }
            }
        }
        Geometry {
            spots,
            width,
            height,
            cells,
        }
    }

    /// The hexagon on cell (`x`, `y`) of the whole map, if any.
    pub fn hex_at(&self, x: u16, y: u16) -> Option<usize> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let at = usize::from(y) * usize::from(self.width) + usize::from(x);
        self.cells.get(at).copied().flatten().map(|h| h as usize)
    }

    /// The centre of hexagon `h`: cells across, and lines down counted twice (a line is about
    /// two cells tall), so a step across and a step down weigh alike.
    fn centre(&self, h: usize) -> (f64, f64) {
        let s = self.spots[h];
        (
            f64::from(s.x) + f64::from(s.width) / 2.0,
            2.0 * (f64::from(s.y) + f64::from(s.height) / 2.0),
        )
    }

    /// The nearest hexagon from `h` in `direction` (ahead of it, little off to the side), if
    /// there is one; `among` says which hexagons may be stepped onto.
    pub fn next(
        &self,
        h: usize,
        direction: Direction,
        among: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let (x, y) = self.centre(h);
        let mut best: Option<(f64, usize)> = None;
        for other in 0..self.spots.len() {
            if other == h || !among(other) {
                continue;
            }
            let (ox, oy) = self.centre(other);
            let (ahead, aside) = match direction {
                Direction::Up => (y - oy, ox - x),
                Direction::Down => (oy - y, ox - x),
                Direction::Left => (x - ox, oy - y),
                Direction::Right => (ox - x, oy - y),
            };
            if ahead <= 0.0 {
                continue;
            }
            // Up and down have two neighbours alike (up-left, up-right): up takes the right
            // one and down the left, so a step up and a step down come back.
            let leaning = match direction {
                Direction::Up => aside < 0.0,
                Direction::Down => aside > 0.0,
                Direction::Left | Direction::Right => false,
            };
            let score = ahead + 1.5 * aside.abs() + if leaning { 0.01 } else { 0.0 };
            if best.is_none_or(|(b, _)| score < b) {
                best = Some((score, other));
            }
        }
        best.map(|(_, o)| o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::hexjson::parse;

    fn map() -> HexMap {
        // Two rows: (0,0) (1,0) below, (0,1) above and shifted right (odd-r).
        parse(
            "t",
            "t",
            r#"{"layout":"odd-r","hexes":{"A":{"q":0,"r":0},"B":{"q":1,"r":0},"C":{"q":0,"r":1}}}"#,
        )
        .unwrap()
    }

    #[test]
    fn odd_rows_shift_half_a_hexagon_and_rows_count_up() {
        let g = Geometry::of(&map());
        let spot = |i: usize| (g.spots[i].x, g.spots[i].y);
        // Hexes are sorted by id: A, B, C.
        assert_eq!(spot(0), (0, 1));
        assert_eq!(spot(1), (2, 1));
        assert_eq!(spot(2), (1, 0));
        assert_eq!((g.width, g.height), (4, 2));
        assert_eq!(g.hex_at(1, 0), Some(2));
        assert_eq!(g.hex_at(0, 0), None);
        assert_eq!(g.hex_at(3, 1), Some(1));
    }

    #[test]
    fn the_cursor_steps_to_the_nearest_hexagon_in_a_direction() {
        let g = Geometry::of(&map());
        let all = |_| true;
        assert_eq!(g.next(0, Direction::Right, all), Some(1));
        assert_eq!(g.next(0, Direction::Up, all), Some(2));
        assert_eq!(g.next(2, Direction::Down, all), Some(0));
        assert_eq!(g.next(0, Direction::Left, all), None);
    }

    #[test]
    fn a_step_up_and_a_step_down_come_back() {
        // Row 0: A B C; row 1 above, shifted right: D E (between A–B and B–C).
        let map = parse(
            "t",
            "t",
            r#"{"layout":"odd-r","hexes":{"A":{"q":0,"r":0},"B":{"q":1,"r":0},"C":{"q":2,"r":0},
                "D":{"q":0,"r":1},"E":{"q":1,"r":1}}}"#,
        )
        .unwrap();
        let g = Geometry::of(&map);
        let all = |_| true;
        // From B, up-left is D and up-right E: up takes E; down from E takes B again.
        assert_eq!(g.next(1, Direction::Up, all), Some(4));
        assert_eq!(g.next(4, Direction::Down, all), Some(1));
        assert_eq!(g.next(3, Direction::Down, all), Some(0));
    }
}
