//! Helpers shared by the test binaries (cli, explorer, e2e, engine). Each binary includes this
//! tree as `#[path = "../support/mod.rs"] pub mod support;`: public items in a public module
//! are not dead code in a binary that uses only part of them.

pub mod bars;
pub mod cli;
pub mod data;
pub mod pty;
pub mod strategies;
pub mod tmux;
pub mod tui;
