//! The library without a front end: loading and its errors and warnings, the shipped dataset,
//! importing other formats, the query engine, property tests, and the synthetic generator.

// A test's unwrap is its assertion; a test may read as one long story.
#![allow(clippy::unwrap_used, clippy::too_many_lines)]

#[path = "../support/mod.rs"]
pub mod support;

mod clarity;
mod colours;
mod corpus;
mod counts;
mod generate;
mod headline;
mod import;
mod layers;
mod load_errors;
mod nist;
mod nist_errors;
mod properties;
mod query;
mod results_csv;
mod seed;
mod selections;
mod shares;
mod warnings;
