//! Bytes → `hustings::import::results_csv::read`, the results CSV import
//! (`hustings import csv FILE [--contest COL]… [--candidate COL] …`, and `hustings FILE.csv`
//! with no flags).
//!
//! The first 17 bytes choose the column mapping the flags would give; the rest is the file.
//!
//! | byte | meaning |
//! | --- | --- |
//! | 0 | bits 0–1 the delimiter: 0 guessed, 1 `,`, 2 tab, 3 byte 1; bit 2 map columns by the bytes below (else recognise the header); bits 3–4 how many `--contest` columns (0–3); bit 5 a `--rejected-row`; bit 6 a `--not-candidate`; bit 7 `--date 2024-11-05` (else `--date-column`) |
//! | 1 | the delimiter for mode 3 (any ASCII byte, as `--delimiter` takes) |
//! | 2 | `--kind`: 0 none, else one of the kinds |
//! | 3–5 | the `--contest` columns |
//! | 6–14 | `--candidate`, `--party`, `--votes`, `--region`, `--constituency`, `--date-column`, `--eligible`, `--valid`, `--rejected` |
//! | 15, 16 | the `--rejected-row` and `--not-candidate` values: 0 none, else a cell of the file |
//!
//! A column byte is 0 for no flag, 255 for a name the header lacks, else a header name by
//! index (the low 7 bits, modulo the header's width), in capitals when the high bit is set
//! (the importer matches names exactly first, then ignoring ASCII case).
//!
//! Beyond "no panic", it checks the importer's promises: an error is one short line that
//! starts with the file's name and, for a row, a line number inside the file; whatever
//! imports is written as JSON that `hustings::load::parse` accepts, exactly as `hustings
//! import` writes it.
#![no_main]

use hustings::import::ImportError;
use hustings::import::results_csv::{self, Mapping};
use hustings::load::{self, integrity};
use hustings::model::ContestKind;
use hustings::model::date::PartialDate;
use libfuzzer_sys::fuzz_target;

const FILE: &str = "results.csv";
const PREFIX: usize = 17;

/// The number of lines of a file (a final line without a newline counts).
fn lines(bytes: &[u8]) -> u64 {
    bytes.split(|&b| b == b'\n').count() as u64
}

/// The delimiter the importer guesses when none is given (its `sniff_delimiter`): the most
/// frequent of `,`, `;`, tab and `|` in the first line, `,` on a tie.
fn guess(bytes: &[u8]) -> u8 {
    let head = &bytes[..bytes.len().min(8192)];
    let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    [b',', b';', b'\t', b'|']
        .into_iter()
        .max_by_key(|&d| (line.iter().filter(|&&b| b == d).count(), d == b','))
        .unwrap_or(b',')
}

/// The mapping the prefix describes, with names and values taken from the file itself.
fn mapping(prefix: &[u8], csv: &[u8]) -> Mapping {
    let flags = prefix[0];
    let delimiter = match flags & 3 {
        0 => None,
        1 => Some(b','),
        2 => Some(b'\t'),
        _ => Some(prefix[1] & 0x7F),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter.unwrap_or_else(|| guess(csv)))
        .flexible(true)
        .has_headers(false)
        .from_reader(csv);
    let mut header: Vec<String> = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    for (i, record) in reader.records().take(64).enumerate() {
        let Ok(record) = record else { break };
        if i == 0 {
            header = record
                .iter()
                .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
                .collect();
        } else {
            cells.extend(record.iter().map(|c| c.trim().to_string()));
        }
    }
    let column = |b: u8| -> Option<String> {
        match b {
            0 => None,
            255 => Some("no such column".into()),
            _ if header.is_empty() => Some(String::new()),
            _ => {
                let name = &header[usize::from(b & 0x7F) % header.len()];
                Some(if b & 0x80 != 0 {
                    name.to_ascii_uppercase()
                } else {
                    name.clone()
                })
            }
        }
    };
    let value = |b: u8| -> Vec<String> {
        match b {
            0 => Vec::new(),
            _ if cells.is_empty() => vec![String::new()],
            _ => vec![cells[usize::from(b) % cells.len()].clone()],
        }
    };
    let fixed_date = flags & 0x80 != 0;
    let mut m = Mapping {
        date: fixed_date.then(|| PartialDate::parse("2024-11-05").expect("a date")),
        kind: match prefix[2] {
            0 => None,
            k => Some(ContestKind::ALL[usize::from(k - 1) % ContestKind::ALL.len()]),
        },
        rejected_rows: if flags & 0x20 != 0 {
            value(prefix[15])
        } else {
            Vec::new()
        },
        not_candidates: if flags & 0x40 != 0 {
            value(prefix[16])
        } else {
            Vec::new()
        },
        delimiter,
        ..Mapping::default()
    };
    if flags & 4 != 0 {
        let contests = usize::from((flags >> 3) & 3);
        m.contest = prefix[3..3 + contests]
            .iter()
            .filter_map(|&b| column(b))
            .collect();
        m.candidate = column(prefix[6]);
        m.party = column(prefix[7]);
        m.votes = column(prefix[8]);
        m.region = column(prefix[9]);
        m.constituency = column(prefix[10]);
        m.date_column = if fixed_date { None } else { column(prefix[11]) };
        m.eligible = column(prefix[12]);
        m.valid = column(prefix[13]);
        m.rejected = column(prefix[14]);
    }
    m
}

fuzz_target!(|bytes: &[u8]| {
    if bytes.len() < PREFIX {
        return;
    }
    let (prefix, csv) = bytes.split_at(PREFIX);
    let mapping = mapping(prefix, csv);
    let _ = results_csv::recognise(csv);
    match results_csv::read(FILE, csv, &mapping) {
        Err(err) => {
            let text = err.to_string();
            assert!(
                !text.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']),
                "multi-line error: {text:?}"
            );
            assert!(text.len() < 2_000, "overlong error ({} bytes)", text.len());
            assert!(text.starts_with(&format!("{FILE}:")), "{text:?}");
            match err {
                ImportError::Row { line, .. } => assert!(
                    line >= 1 && line <= lines(csv),
                    "line {line} of {} in {text:?}",
                    lines(csv)
                ),
                ImportError::File { file, .. } => assert_eq!(file, FILE),
                ImportError::At { .. } => panic!("a CSV error with a column: {text:?}"),
            }
        }
        Ok(read) => {
            // What `hustings import csv` does with a dataset before writing it.
            let json = serde_json::to_vec_pretty(&read.dataset).expect("a read dataset serialises");
            let loaded = load::parse("imported.json", &json)
                .unwrap_or_else(|e| panic!("the importer wrote data the loader refuses: {e}"));
            assert_eq!(loaded.contests.len(), read.dataset.contests.len());
            let _ = integrity::warnings(&loaded);
            for note in &read.notes {
                assert!(!note.is_empty());
            }
        }
    }
});
