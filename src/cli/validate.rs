//! `hustings validate`: load, check, summarise, list warnings.

use std::io::Write;

use anyhow::Result;

use crate::load::{self, DataSource};
use crate::model::text;
use crate::report::safe;

pub fn run(sources: &[DataSource], strict: bool, out: &mut impl Write) -> Result<u8> {
    let loaded = super::keep_until_exit(load::load(sources)?);
    let (contests, candidates, warnings) = loaded.counts();
    writeln!(
        out,
        "ok: {contests} contests, {candidates} candidates, {warnings} warnings"
    )?;
    for conflict in &loaded.conflicts {
        writeln!(out, "note: {}", safe::message(&conflict.to_string()))?;
    }
    // The catalogue's text, which no contest warning covers.
    let ds = &loaded.dataset;
    let mut unsafe_text = Vec::new();
    let mut note = |field: &str, path: &[text::Step], s: &str| {
        if !text::is_clean(s) {
            let at = format!("{field}{}", text::path_text(path));
            unsafe_text.push((at, text::clean(s).into_owned()));
        }
    };
    text::each_text(&ds.title, &mut |p, s| note("title", p, s));
    text::each_text(&ds.regions, &mut |p, s| note("regions", p, s));
    text::each_text(&ds.factions, &mut |p, s| note("factions", p, s));
    for (at, shown) in unsafe_text {
        writeln!(
            out,
            "note: {at} holds control or bidi characters, shown as \u{201c}{shown}\u{201d}"
        )?;
    }
    for warning in &loaded.warnings {
        writeln!(out, "warning: {}", safe::message(&warning.to_string()))?;
    }
    Ok(u8::from(strict && warnings > 0))
}
