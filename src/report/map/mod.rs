//! Drawing hex cartograms: onto cells (`canvas`, for the explorer and the command line alike),
//! as text (`text`), and as a standalone SVG (`svg`).

pub mod canvas;
pub mod projection;
pub mod seat;
pub mod svg;
pub mod text;
