//! End to end: the real binary in a real terminal. Each test runs its own tmux server (see
//! support/tmux.rs), types keys, reads the screen back as text, and checks the terminal is
//! given back afterwards.

// A test's unwrap is its assertion; a test may read as one long story.
#![allow(clippy::unwrap_used, clippy::too_many_lines)]

#[path = "../support/mod.rs"]
pub mod support;

mod counts;
mod explorer;
mod journalist;
mod limits;
mod map;
mod messages;
mod other_formats;
mod paste;
mod preview;
mod psephology;
mod reload;
mod signals;
mod untrusted;
mod views;
