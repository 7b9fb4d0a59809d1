//! `hustings validate`: load, check, summarise, list warnings.

use std::io::Write;

use anyhow::Result;

use crate::load::{self, DataSource};

pub fn run(sources: &[DataSource], strict: bool, out: &mut impl Write) -> Result<u8> {
    let loaded = load::load(sources)?;
    let (contests, candidates, warnings) = loaded.counts();
    writeln!(
        out,
        "ok: {contests} contests, {candidates} candidates, {warnings} warnings"
    )?;
    for conflict in &loaded.conflicts {
        writeln!(out, "note: {conflict}")?;
    }
    for warning in &loaded.warnings {
        writeln!(out, "warning: {warning}")?;
    }
    Ok(if strict && warnings > 0 { 1 } else { 0 })
}
