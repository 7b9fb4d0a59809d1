//! The floor for the `hustings import csv` benchmark (BENCHMARKS.md): the csv crate reading a
//! file and counting its records, nothing else. Reads as the importer reads (flexible rows, a
//! header), into one reused `ByteRecord`, so no field is decoded or copied out.
//!
//!     cargo run --release --example count_csv_records -- FILE

// In a developer's tool, an unwrap is an assertion: a failure should stop it loudly.
#![allow(clippy::unwrap_used)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: count_csv_records FILE");
        return ExitCode::from(2);
    };
    let mut reader = match csv::ReaderBuilder::new().flexible(true).from_path(&path) {
        Ok(reader) => reader,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut record = csv::ByteRecord::new();
    let mut records = 0u64;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => records += 1,
            Ok(false) => break,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    }
    println!("{records}");
    ExitCode::SUCCESS
}
