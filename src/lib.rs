//! hustings: a terminal explorer of election and candidate-selection contests.
//!
//! Layers, each knowing only those above it:
//! model (`model`, `date`, `numbers`, `objects`) → loading and checks (`load`, `diagnose`,
//! `locate`, `validate`, `integrity`, `catalogue`) → derived numbers and queries (`tally`,
//! `chart`, `query`, `resolve`, `lookup`, `stats`, `timeline`, `rounds`, `history`) → printed
//! output (`report`, one file per format, and `compare` and `export` built on it) → explorer
//! state (`action`, `keymap`, `app`, `layout`, `theme`) → drawing (`ui`) → front ends
//! (`explorer`, with `loader`, `watch` and `terminal` for its background loading, file
//! watching and terminal handling; `cli` and `commands`).
//! `import` converts other formats (official results CSVs) into the data format; `atomic`
//! writes files safely.

pub mod action;
pub mod app;
pub mod atomic;
pub mod catalogue;
pub mod chart;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod date;
pub mod diagnose;
pub mod explorer;
pub mod export;
pub mod history;
pub mod import;
pub mod integrity;
pub mod keymap;
pub mod layout;
pub mod load;
pub mod loader;
pub mod locate;
pub mod lookup;
pub mod model;
pub mod numbers;
pub mod objects;
pub mod query;
pub mod report;
pub mod resolve;
pub mod rounds;
pub mod stats;
pub mod tally;
pub mod terminal;
pub mod theme;
pub mod timeline;
pub mod ui;
pub mod validate;
pub mod watch;
