//! `hustings import csv` on a generated OpenElections-layout file (county, precinct, office,
//! district, party, candidate, votes; precincts summed per contest), next to the csv crate
//! merely reading the same file: the floor any CSV import stands on.
//!
//!     cargo bench --bench import_csv                      # 100k rows
//!     HUSTINGS_BENCH_1M=1 cargo bench --bench import_csv  # also 1M rows
//!
//! The file is generated once into `target/bench-data/` (about 70 bytes a row) and kept.
//! The whole command, timed with `/usr/bin/time -v`, is in BENCHMARKS.md.

// In a benchmark, an unwrap is an assertion: a failure should stop it loudly.
#![allow(clippy::unwrap_used)]

mod support;

use divan::{Bencher, black_box};
use hustings::import::results_csv::{self, Mapping};

fn main() {
    divan::main();
}

/// The floor: the csv crate reading every record into one reused `ByteRecord`, as
/// `examples/count_csv_records.rs` does.
#[divan::bench(args = support::csv_rows(), sample_count = 10, sample_size = 1)]
fn csv_byte_records(bencher: Bencher, rows: usize) {
    let path = support::open_elections_csv(rows);
    bencher.bench(|| {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_path(black_box(&path))
            .unwrap();
        let mut record = csv::ByteRecord::new();
        let mut n = 0usize;
        while reader.read_byte_record(&mut record).unwrap() {
            n += 1;
        }
        assert_eq!(n, rows);
    });
}

/// The importer as `hustings import csv FILE` runs it with no flags (the header recognised),
/// streaming the file: read, map, sum precincts, build the dataset.
#[divan::bench(args = support::csv_rows(), sample_count = 10, sample_size = 1)]
fn import(bencher: Bencher, rows: usize) {
    let path = support::open_elections_csv(rows);
    bencher.bench(|| {
        let file = std::fs::File::open(black_box(&path)).unwrap();
        results_csv::read("generated.csv", file, &Mapping::default()).unwrap()
    });
}

/// What the command does after importing: serialise the dataset and load it back (the check
/// that what is written loads).
#[divan::bench(args = support::csv_rows(), sample_count = 10, sample_size = 1)]
fn serialise_and_check(bencher: Bencher, rows: usize) {
    let path = support::open_elections_csv(rows);
    let file = std::fs::File::open(&path).unwrap();
    let read = results_csv::read("generated.csv", file, &Mapping::default()).unwrap();
    bencher.bench(|| {
        let json = serde_json::to_string_pretty(black_box(&read.dataset)).unwrap();
        hustings::load::parse("(output)", json.as_bytes()).unwrap()
    });
}
