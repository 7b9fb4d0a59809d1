//! `hustings compare A B`: two contests side by side — the facts the explorer's compare view
//! shows (`compare::facts`), then each contest's bar chart.

use std::io::Write;

use anyhow::Result;

use crate::cli::Output;
use crate::cli::args::CompareFormat;
use crate::load::Loaded;
use crate::report::{self, Detail};

pub fn run(
    loaded: &Loaded,
    ids: [&str; 2],
    output: &Output<CompareFormat>,
    out: &mut impl Write,
) -> Result<u8> {
    let dataset = &loaded.dataset;
    let usage = format!("compare {} {}", ids[0], ids[1]);
    let [a, b] = [
        super::find_contest(loaded, ids[0], &usage)?,
        super::find_contest(loaded, ids[1], &usage)?,
    ];
    let detail = |i: usize| Detail {
        dataset,
        warnings: &loaded.warnings,
        index: i,
        contest: &dataset.contests[i],
        versions: loaded.versions.of(i),
        changes: loaded.changes(),
    };
    let pair = [detail(a), detail(b)];
    match output.format {
        CompareFormat::Text => report::text::compare(out, &pair, &output.style)?,
        CompareFormat::Json => report::json::compare(out, &pair)?,
        CompareFormat::Markdown => report::markdown::compare(out, &pair)?,
    }
    Ok(0)
}
