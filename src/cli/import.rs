//! `hustings import`: a file of another format (recognised by content, or as `--format`
//! names) and `hustings import hoc-candidates` / `csv` → dataset JSON (stdout or an atomic
//! file), with a summary of what was read, decided and found on stderr.

use std::io::Write;

use anyhow::{Context, Result, bail};

use crate::atomic::{self, WriteError};
use crate::cli::args::{CsvImportArgs, HocCandidatesArgs, HocHistoryArgs, ImportArgs};
use crate::import;
use crate::import::hoc::{Imported, Options, Problem};
use crate::load;
use crate::load::integrity::{self, Warning};

/// Imports, writes the dataset to `-o OUT` or `out`, and writes the summary to `summary`.
pub fn hoc_candidates(
    args: &HocCandidatesArgs,
    out: &mut impl Write,
    summary: &mut impl Write,
) -> Result<u8> {
    refuse_overwrite(args.output.as_deref(), args.force)?;
    let imported = import::hoc::candidates(&Options {
        candidates: args.file.clone(),
        constituencies: args.constituencies.clone(),
        title: args.title.clone(),
        date: args.date,
    })?;
    let mut json = crate::report::pretty::to_string(&imported.dataset)?;
    json.push('\n');
    // What is written must load: check it exactly as `hustings` will read it.
    let name = args
        .output
        .as_ref()
        .map_or("(output)".to_string(), |p| p.display().to_string());
    load::parse(&name, json.as_bytes())
        .context("internal error: the imported dataset does not load")?;
    let warnings = integrity::warnings(&imported.dataset);
    match &args.output {
        Some(path) => atomic::write(path, json.as_bytes(), args.force).map_err(|e| match e {
            WriteError::Exists(p) => anyhow::anyhow!(exists_message(&p)),
            other @ WriteError::Io { .. } => other.into(),
        })?,
        None => out.write_all(json.as_bytes())?,
    }
    write_summary(&imported, &warnings, summary)?;
    if let Some(path) = &args.output {
        writeln!(summary, "wrote {}", path.display())?;
    }
    Ok(0)
}

/// `hustings import FILE [--format NAME]`: any format hustings opens, recognised by content
/// (or read as the format named), to a dataset.
pub fn any(args: &ImportArgs, out: &mut impl Write, summary: &mut impl Write) -> Result<u8> {
    let Some(file) = &args.file else {
        bail!("name a file to import, or a format: hustings import --help");
    };
    refuse_overwrite(args.output.as_deref(), args.force)?;
    let source = load::DataSource::File(file.clone());
    let name = source.name();
    let bytes = source.read()?;
    let own = |bytes: &[u8]| -> Result<import::Read> {
        Ok(import::Read {
            dataset: load::parse_hustings(&name, bytes)?,
            format: "hustings dataset",
            notes: Vec::new(),
        })
    };
    let read = match args.forced {
        None => import::read_other(&name, &bytes),
        Some(format) => import::read_as(format, &name, &bytes),
    };
    let read = match read {
        Some(read) => read.map_err(load::LoadError::from)?,
        None => own(&bytes)?,
    };
    write_read(
        read,
        &name,
        args.output.as_deref(),
        args.force,
        out,
        summary,
    )
}

/// `hustings import csv FILE`: a results CSV mapped by column, streamed from the file.
pub fn csv(args: &CsvImportArgs, out: &mut impl Write, summary: &mut impl Write) -> Result<u8> {
    refuse_overwrite(args.output.as_deref(), args.force)?;
    let name = args.file.display().to_string();
    let file = crate::input::open(&args.file).map_err(|e| load::LoadError::Read {
        file: name.clone(),
        message: e.to_string(),
    })?;
    // Not text from its first bytes (a sparse file's zeros): said now, not after reading it all.
    if !import::formats::could_begin_a_format(file.head()) {
        bail!("{name}: not a CSV file: its first bytes are not text");
    }
    let mapping = import::results_csv::Mapping {
        contest: args.contest.clone(),
        candidate: args.candidate.clone(),
        party: args.party.clone(),
        votes: args.votes.clone(),
        region: args.region.clone(),
        constituency: args.constituency.clone(),
        date: args.date,
        date_column: args.date_column.clone(),
        kind: args.kind,
        eligible: args.eligible.clone(),
        valid: args.valid.clone(),
        rejected: args.rejected.clone(),
        rejected_rows: args.rejected_row.clone(),
        not_candidates: args.not_candidate.clone(),
        primary: args.primary,
        delimiter: args.delimiter,
    };
    let read = import::results_csv::read(&name, file.into_reader(), &mapping)
        .map_err(load::LoadError::from)?;
    write_read(
        read,
        &name,
        args.output.as_deref(),
        args.force,
        out,
        summary,
    )
}

/// `hustings import hoc-history FILE`: the Library's party-level results to a dataset.
pub fn hoc_history(
    args: &HocHistoryArgs,
    out: &mut impl Write,
    summary: &mut impl Write,
) -> Result<u8> {
    refuse_overwrite(args.output.as_deref(), args.force)?;
    let name = args.file.display().to_string();
    let read = import::hoc::history::read_path(&args.file).map_err(load::LoadError::from)?;
    write_read(
        read,
        &name,
        args.output.as_deref(),
        args.force,
        out,
        summary,
    )
}

/// Checks a read dataset loads, writes it (atomically to `output`, else to `out`) and the
/// summary: what was read, every note and warning.
fn write_read(
    read: import::Read,
    name: &str,
    output: Option<&std::path::Path>,
    force: bool,
    out: &mut impl Write,
    summary: &mut impl Write,
) -> Result<u8> {
    let import::Read {
        dataset,
        format,
        notes,
    } = read;
    let mut json = crate::report::pretty::to_string(&dataset)?;
    json.push('\n');
    // What is written must load: check it exactly as `hustings` will read it.
    load::parse("(output)", json.as_bytes())
        .context("internal error: the imported dataset does not load")?;
    let warnings = integrity::warnings(&dataset);
    match output {
        Some(path) => atomic::write(path, json.as_bytes(), force).map_err(|e| match e {
            WriteError::Exists(p) => anyhow::anyhow!(exists_message(&p)),
            other @ WriteError::Io { .. } => other.into(),
        })?,
        None => out.write_all(json.as_bytes())?,
    }
    let candidates: usize = dataset.contests.iter().map(|c| c.candidates.len()).sum();
    writeln!(
        summary,
        "read {name} as a {format}: {}, {}, {}",
        plural(dataset.contests.len(), "contest"),
        plural(candidates, "candidate"),
        plural(warnings.len(), "warning")
    )?;
    for note in &notes {
        writeln!(summary, "note: {}", crate::report::safe::message(note))?;
    }
    for warning in &warnings {
        writeln!(
            summary,
            "warning: {}",
            crate::report::safe::message(&warning.to_string())
        )?;
    }
    if let Some(path) = output {
        writeln!(summary, "wrote {}", path.display())?;
    }
    Ok(0)
}

/// Refuses before any work is done when OUT exists and `--force` is not given
/// (`atomic::write` checks again at the moment of writing).
fn refuse_overwrite(output: Option<&std::path::Path>, force: bool) -> Result<()> {
    if let Some(path) = output
        && !force
        && std::fs::symlink_metadata(path).is_ok()
    {
        bail!(exists_message(path));
    }
    Ok(())
}

pub(super) fn exists_message(path: &std::path::Path) -> String {
    format!(
        "{}: already exists; pass --force to overwrite it",
        path.display()
    )
}

/// The summary: what was read, the date's origin, the join, region spellings unified,
/// cleaning, counts, then every note and warning.
pub fn write_summary(
    imported: &Imported,
    warnings: &[Warning],
    w: &mut impl Write,
) -> std::io::Result<()> {
    let r = &imported.report;
    let d = &imported.dataset;
    writeln!(
        w,
        "read {}: {} layout, {} candidate rows",
        r.candidates_file, r.layout, r.rows
    )?;
    if r.date_from_layout {
        writeln!(
            w,
            "election date {} (polling day of the {} release; give --date to override)",
            r.date, r.layout
        )?;
    } else {
        writeln!(w, "election date {} (from --date)", r.date)?;
    }
    if let Some(join) = &r.join {
        writeln!(
            w,
            "joined {} on the ONS id: {} of {} seats matched ({} rows in that file)",
            join.file,
            join.matched,
            d.contests.len(),
            join.rows
        )?;
    }
    for u in &r.unified {
        writeln!(
            w,
            "region \"{}\" in {} unified with \"{}\" (id {})",
            u.spelled, u.file, u.name, u.id
        )?;
    }
    let mut files: Vec<&str> = r.cleaned.iter().map(|c| c.file.as_str()).collect();
    files.dedup();
    for file in files {
        let columns: Vec<String> = r
            .cleaned
            .iter()
            .filter(|c| c.file == file)
            .map(|c| format!("{} {}", c.column, c.cells))
            .collect();
        writeln!(
            w,
            "stray spaces removed in {file} (cells per column): {}",
            columns.join(", ")
        )?;
    }
    let share_mismatches = r
        .problems
        .iter()
        .filter(|p| matches!(p, Problem::Share { .. }))
        .count();
    if r.shares_checked > 0 {
        writeln!(
            w,
            "shares are computed from the votes; the file's own shares, checked in {} rows, {}",
            r.shares_checked,
            match share_mismatches {
                0 => "all agree".to_string(),
                n => format!("disagree in {}", plural(n, "row")),
            }
        )?;
    }
    let candidates: usize = d.contests.iter().map(|c| c.candidates.len()).sum();
    let notes = r.problems.iter().filter(|p| p.is_note()).count();
    let problem_warnings = r.problems.len() - notes;
    writeln!(
        w,
        "{}, {}, {}, {}, {}, {}",
        plural(d.contests.len(), "contest"),
        plural(candidates, "candidate"),
        plural(d.regions.len(), "region"),
        plural(d.factions.len(), "faction"),
        plural(problem_warnings + warnings.len(), "warning"),
        plural(notes, "note"),
    )?;
    for p in r.problems.iter().filter(|p| p.is_note()) {
        writeln!(w, "note: {p}")?;
    }
    for p in r.problems.iter().filter(|p| !p.is_note()) {
        writeln!(w, "warning: {p}")?;
    }
    for warning in warnings {
        writeln!(w, "warning: {warning}")?;
    }
    Ok(())
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
