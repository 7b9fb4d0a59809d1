//! `hustings show ID`: one contest in full.

use std::io::Write;

use anyhow::Result;

use crate::cli::Output;
use crate::cli::args::ShowFormat;
use crate::load::Loaded;
use crate::report::{self, Detail};

pub fn run(
    loaded: &Loaded,
    id: &str,
    output: &Output<ShowFormat>,
    out: &mut impl Write,
) -> Result<u8> {
    let dataset = &loaded.dataset;
    let i = super::find_contest(loaded, id, &format!("show {id}"))?;
    let detail = Detail {
        dataset,
        warnings: &loaded.warnings,
        index: i,
        contest: &dataset.contests[i],
        versions: loaded.versions.of(i),
        changes: loaded.changes(),
    };
    match output.format {
        ShowFormat::Text => report::text::show(out, &detail, &output.style)?,
        ShowFormat::Json => report::json::show(out, &detail)?,
        ShowFormat::Markdown => report::markdown::show(out, &detail)?,
        ShowFormat::Csv if detail.contest.rounds.is_empty() => anyhow::bail!(
            "show --format csv writes the rounds of a preferential count, and {} has none; \
             `hustings list --format csv` writes every contest's candidates",
            detail.contest.id
        ),
        ShowFormat::Csv => report::csv::rounds(out, detail.contest, output.csv)?,
    }
    Ok(0)
}
