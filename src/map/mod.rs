//! Hex cartograms: HexJSON maps (built in, or a file), which hexagon each contest stands on,
//! what its colour means (winner, result, margin, turnout, a party's share or change; before
//! or after a swing), and where each hexagon falls on a grid of cells. Drawing them is the
//! report layer's (`report::map`), for the explorer and the command line alike.

pub mod builtin;
pub mod colouring;
pub mod geometry;
pub mod hexjson;
pub mod picture;
pub mod place;
pub mod swing;

pub use colouring::{Coloured, Colouring, Fill};
pub use geometry::{Direction, Geometry};
pub use hexjson::{HexMap, Layout};
pub use picture::{Picture, Request};
pub use place::Placement;
pub use swing::Swing;
