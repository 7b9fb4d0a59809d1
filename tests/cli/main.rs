//! The command line through the real binary: each module runs `hustings` as a process (one
//! subcommand or concern per module) and checks what it prints and how it exits.

// A test's unwrap is its assertion; a test may read as one long story.
#![allow(clippy::unwrap_used, clippy::too_many_lines)]

#[path = "../support/mod.rs"]
pub mod support;

mod bad_input;
mod clarity;
mod command_line_errors;
mod compare;
mod counts;
mod csv_safety;
mod forced_format;
mod forgiving;
mod history;
mod hoc_by_content;
mod import;
mod inferred_marks;
mod invisible;
mod limits;
mod list;
mod map;
mod markdown_safety;
mod misc;
mod nist;
mod presentation;
mod psephology;
mod results_csv;
mod rounds;
mod selections;
mod show;
mod stats;
mod terminal;
mod untrusted;
