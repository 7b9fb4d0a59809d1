//! Writes a deterministic synthetic dataset to standard output, for benchmarks and trying
//! hustings at scale:
//!
//!     cargo run --release --example generate -- --contests 1000000 --seed 1 > big.json
//!
//! Options: `--contests N` (default 10000), `--seed S` (default 1), `--pretty` (indented JSON).
//!
//! With `--open-elections-csv ROWS` it writes instead a precinct-level results CSV of that many
//! rows in the OpenElections layout, for the `hustings import csv` benchmark:
//!
//!     cargo run --release --example generate -- --open-elections-csv 1000000 --seed 1 > big.csv

// In a developer's tool, an unwrap is an assertion: a failure should stop it loudly.
#![allow(clippy::unwrap_used)]

mod open_elections;
mod synth;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!(
                "error: {message}\nusage: generate [--contests N] [--seed S] [--pretty] [--open-elections-csv ROWS]"
            );
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout().lock();
    let mut out = BufWriter::with_capacity(1 << 20, stdout);
    let written = match options.csv_rows {
        Some(rows) => open_elections::write_csv(rows, options.dataset.seed, &mut out),
        None => synth::write_dataset(options.dataset, &mut out),
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// What to write: a dataset, or with `csv_rows` a results CSV of that many rows.
struct Options {
    dataset: synth::Options,
    csv_rows: Option<usize>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = synth::Options {
        contests: 10_000,
        seed: 1,
        pretty: false,
    };
    let mut csv_rows = None;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--contests" => {
                let v = value("--contests")?;
                options.contests = v
                    .replace('_', "")
                    .parse()
                    .map_err(|_| format!("--contests: not a number: {v}"))?;
            }
            "--seed" => {
                let v = value("--seed")?;
                options.seed = v
                    .parse()
                    .map_err(|_| format!("--seed: not a number: {v}"))?;
            }
            "--pretty" => options.pretty = true,
            "--open-elections-csv" => {
                let v = value("--open-elections-csv")?;
                csv_rows = Some(
                    v.replace('_', "")
                        .parse()
                        .map_err(|_| format!("--open-elections-csv: not a number: {v}"))?,
                );
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Options {
        dataset: options,
        csv_rows,
    })
}
