//! hustings: a terminal explorer of election and candidate-selection contests.
//!
//! One folder per layer; each uses only the layers above it in this list (a test,
//! `tests/engine/layers.rs`, fails when one reaches down the list, or when files import each
//! other in a circle):
//!
//! - `model`    the data format, dates and per-contest arithmetic (shares, margins); no I/O
//! - `import`   other formats (counting software, official results) → the model, one module each
//! - `load`     bytes → checked, merged data or one precise error (fast path, diagnosis, warnings)
//! - `query`    which contests: filter, search, sort; what the user typed → a query
//! - `stats`    aggregates over a query's rows: standings, timeline, seat history
//! - `map`      hex cartograms: HexJSON maps, placing contests on hexagons, what colours mean,
//!   the swingometer
//! - `report`   the presentation vocabulary (facts as words, bars to a scale) and one writer per format
//! - `explorer` terminal, input → actions, app state and update (effects leave through an
//!   outbox), pure ui, watch, export
//! - `cli`      one file per subcommand, writing to `impl Write`, with their clap types in
//!   `args/`, one file each (no subcommand opens the explorer)
//!
//! `atomic` writes files safely for both front ends; `input` reads the files the user names
//! within bounds (regular files and pipes only, up to `--max-size`); `out_of_memory` makes a
//! failed allocation an error (status 2), never an abort; `huge_pages` turns the kernel's
//! transparent huge pages off for the process; `side_by_side` runs two pieces of work on two
//! threads.

pub mod atomic;
pub mod cli;
pub mod explorer;
pub mod huge_pages;
pub mod import;
pub mod input;
pub mod load;
pub mod map;
pub mod model;
pub mod out_of_memory;
pub mod query;
pub mod report;
pub mod side_by_side;
pub mod stats;
