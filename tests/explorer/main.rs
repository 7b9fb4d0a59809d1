//! The explorer without a terminal: its state fed keys and actions, drawn into ratatui's
//! TestBackend (snapshots in snapshots/), and checked against what the command line prints
//! for the same flags.

// A test's unwrap is its assertion; a test may read as one long story.
#![allow(clippy::unwrap_used, clippy::too_many_lines)]

#[path = "../support/mod.rs"]
pub mod support;

mod agrees_with_list;
mod app;
mod background_search;
mod background_views;
mod export;
mod finding;
mod help_readme;
mod inferred_marks;
mod invisible;
mod list_position;
mod map;
mod messages;
mod paste;
pub mod presentation;
mod preview;
mod prompts;
mod psephology;
mod reading;
mod reload;
mod selections;
mod ui;
mod untrusted;
mod views;
mod views_agree_with_stats;
