//! `hustings map`: the seats as a hex map, as text (colour on a terminal, two-letter marks
//! when piped or under NO_COLOR) or a standalone SVG.

use std::io::Write;

use anyhow::{Result, anyhow, bail};

use super::{Output, Selection};
use crate::atomic::{self, WriteError};
use crate::cli::args::{Format, MapArgs, MapFormat};
use crate::map::colouring::{self, Colouring};
use crate::map::{Picture, Request, Swing, builtin, place, swing};
use crate::model::Dataset;
use crate::model::change::Changes;
use crate::report::map::{projection, svg, text};
use crate::report::safe;
use crate::report::style::TextStyle;

/// Refuses a party no candidate of the data stood for (a typo, not a party that won nothing).
fn check_parties(dataset: &Dataset, changes: &Changes, parties: &[&str]) -> Result<()> {
    for party in parties {
        if !colouring::stands_anywhere(dataset, changes, party) {
            bail!(
                "no candidate of the party \"{party}\" is loaded (give a party's name or short label, e.g. Lab)"
            );
        }
    }
    Ok(())
}

/// `hustings stats --swing FROM:TO:POINTS`: the seats per party before and after a uniform
/// swing over the listed seats, and how many change hands — a projection, said so.
pub fn projection(
    selection: &Selection,
    spec: &str,
    output: &Output<Format>,
    out: &mut impl Write,
) -> Result<u8> {
    if output.format != Format::Text {
        bail!("--swing prints a text table only: leave out --format");
    }
    let swing = Swing::parse(spec).map_err(|e| anyhow!(e))?;
    let dataset = &selection.loaded.dataset;
    let changes = selection.loaded.changes();
    check_parties(dataset, changes, &[&swing.from, &swing.to])?;
    let projected = swing::project(dataset, &changes.parties, &swing, &selection.rows);
    out.write_all(projection::table(&swing, &projected).as_bytes())?;
    Ok(0)
}

/// Prints (or writes to `-o`) the map of the contests the filters keep.
pub fn run(
    selection: &Selection,
    args: &MapArgs,
    output: &Output<MapFormat>,
    out: &mut impl Write,
) -> Result<u8> {
    let colouring = Colouring::parse(&args.colour).map_err(|e| anyhow!(e))?;
    let swing = args
        .swing
        .as_deref()
        .map(Swing::parse)
        .transpose()
        .map_err(|e| anyhow!(e))?;
    let dataset = &selection.loaded.dataset;
    let changes = selection.loaded.changes();
    let mut parties: Vec<&str> = Vec::new();
    if let Colouring::Share(p) | Colouring::Change(p) = &colouring {
        parties.push(p);
    }
    if let Some(s) = &swing {
        parties.extend([s.from.as_str(), s.to.as_str()]);
    }
    check_parties(dataset, changes, &parties)?;
    let map = match &args.map {
        Some(given) => builtin::named(given)?,
        None => place::best_fit(builtin::all(), dataset, &selection.rows)
            .ok_or_else(|| anyhow!("no built-in map"))?,
    };
    let picture = Picture::new(
        map,
        &Request {
            dataset,
            changes,
            listed: &selection.rows,
            index: &selection.index,
            colouring: &colouring,
            swing: swing.as_ref(),
        },
    );
    let mut bytes = Vec::new();
    match output.format {
        MapFormat::Text => {
            // A file gets no colour codes.
            let style = if args.output.is_some() {
                TextStyle {
                    color: false,
                    ..output.style
                }
            } else {
                output.style
            };
            text::write(&picture, dataset, swing.as_ref(), &style, &mut bytes)?;
        }
        MapFormat::Svg => {
            let title = dataset.title.clone().unwrap_or_else(|| "Seats".into());
            svg::write(&picture, dataset, &title, swing.as_ref(), &mut bytes)?;
        }
    }
    match &args.output {
        Some(path) => {
            atomic::write(path, &bytes, args.force).map_err(|e| match e {
                WriteError::Exists(p) => anyhow!(super::import::exists_message(&p)),
                other @ WriteError::Io { .. } => other.into(),
            })?;
            let mut summary = safe::Lines::new(std::io::stderr().lock());
            writeln!(summary, "{}", text::heading(&picture))?;
            if let Some(unplaced) = text::unplaced(&picture, dataset) {
                writeln!(summary, "{unplaced}")?;
            }
            writeln!(summary, "wrote {}", path.display())?;
        }
        None => out.write_all(&bytes)?,
    }
    Ok(0)
}
