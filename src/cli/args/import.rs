//! `hustings import` and its subcommands, one per format that needs flags of its own.

use std::path::PathBuf;

use clap::builder::TypedValueParser;
use clap::{Args, Subcommand};

use crate::import;
use crate::model::ContestKind;
use crate::model::date::PartialDate;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, after_help = IMPORT_EXAMPLES)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub format: Option<ImportFormat>,
    /// A file of any format hustings reads (those --format lists), recognised by its content.
    #[arg(value_name = "FILE", required = true)]
    pub file: Option<PathBuf>,
    /// Read FILE as this format instead of recognising it by its content; a file that is not
    /// of that format is an error saying so.
    #[arg(long = "format", value_name = "NAME", value_parser = format_parser())]
    pub forced: Option<&'static import::Format>,
    /// Write the dataset here (atomically) instead of to stdout.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Replace OUT if it exists.
    #[arg(long)]
    pub force: bool,
}

/// `hustings import FILE --format` values: the formats' names, each with its description as
/// its help, from the import layer's table.
fn format_parser() -> impl TypedValueParser<Value = &'static import::Format> {
    let values = import::formats::FORMATS
        .iter()
        .map(|f| clap::builder::PossibleValue::new(f.name).help(f.description));
    clap::builder::PossibleValuesParser::new(values)
        .map(|name| import::formats::named(&name).expect("clap accepts only the formats' names"))
}

const IMPORT_EXAMPLES: &str = "\
Examples:
  hustings import 2018_maine_governor_primary.json -o maine.json
  hustings import detail.xml -o county.json
  hustings import results.xml --format nist -o state.json
  hustings import HoC-GE2019-results-by-candidate.csv -o ge2019.json
  hustings import hoc-candidates HoC-GE2019-results-by-candidate.csv -o ge2019.json

The summary (what was read, mapped and ignored) goes to stderr.";

const HOC_EXAMPLES: &str = "\
Examples:
  hustings import hoc-candidates HoC-GE2019-results-by-candidate.csv \\
      --constituencies HoC-GE2019-results-by-constituency.csv -o ge2019.json
  hustings import hoc-candidates HoC-GE2017-results-by-candidate.csv > ge2017.json
  hustings validate data/contests.json ge2019.json

The summary (contests, candidates, regions, factions, notes and warnings) goes to stderr.";

/// The formats `hustings import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportFormat {
    /// UK general-election results by candidate, as CSV from the House of Commons Library.
    ///
    /// Reads the GE2017 or GE2019 column layout (recognised from the header) and makes one
    /// general-election contest per constituency, grouped on the ONS id. Parties map to
    /// factions with their usual colours (small parties share "Other parties"; each candidate
    /// keeps their party). The winner is whoever has most votes, in any row order. With
    /// --constituencies, the constituency-level CSV is joined on the ONS id for valid and
    /// invalid votes, electorate, majority and result; every disagreement between the files
    /// is reported, never fixed.
    #[command(after_help = HOC_EXAMPLES)]
    HocCandidates(HocCandidatesArgs),
    /// Any results CSV, one row per candidate per contest (or per precinct, summed).
    ///
    /// Columns are mapped with the flags; without them the header is recognised where it
    /// can be (the OpenElections layout county,precinct,office,district,party,candidate,votes
    /// and common synonyms). Winners by most votes; ties are flagged, never broken.
    #[command(after_help = CSV_EXAMPLES)]
    Csv(Box<CsvImportArgs>),
    /// UK general elections by party, as the House of Commons Library's long TSV
    /// (location, date, party, votes; briefing CBP-8647).
    ///
    /// One general-election contest per seat per election, with the same ids as
    /// hoc-candidates (ge2017-e14000969) so both sources of a seat line up. Rows are parties,
    /// not people: candidates have a party and no name; "Other" is a folded group of small
    /// parties that never wins. Party spellings are unified by the built-in UK table and
    /// listed in the summary.
    #[command(after_help = HOC_HISTORY_EXAMPLES)]
    HocHistory(HocHistoryArgs),
}

const HOC_HISTORY_EXAMPLES: &str = "\
Examples:
  hustings import hoc-history GE_results.tsv -o uk-history.json
  hustings history ge2019-e14000969 --data uk-history.json
  hustings stats --by change --data uk-history.json --since 2019

The summary (seats read, spellings unified, seats without a winner) goes to stderr.";

#[derive(Debug, Args)]
pub struct HocHistoryArgs {
    /// The TSV file (header: location, date, party, votes).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Write the dataset to OUT (atomically) instead of stdout.
    #[arg(short, long = "output", value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Overwrite OUT if it exists.
    #[arg(long)]
    pub force: bool,
}

const CSV_EXAMPLES: &str = "\
Examples:
  hustings import csv 20201103__ga__general__precinct.csv -o ga.json
  hustings import csv de_bundestag_2025_second_vote.csv --contest district --candidate name \\
      --votes votes --rejected-row '? Ungültige' -o bundestag.json

The summary (what was read, mapped, summed, left out and flagged) goes to stderr.";

#[derive(Debug, Args)]
pub struct CsvImportArgs {
    /// The CSV file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// A column naming the contest (repeat it: the contest is the combination).
    #[arg(long, value_name = "COL")]
    pub contest: Vec<String>,
    /// The column of candidates' names.
    #[arg(long, value_name = "COL")]
    pub candidate: Option<String>,
    /// The column of candidates' parties.
    #[arg(long, value_name = "COL")]
    pub party: Option<String>,
    /// The column of votes (thousands separators allowed; empty is unknown).
    #[arg(long, value_name = "COL")]
    pub votes: Option<String>,
    /// The column of the contest's region (regions are made from its values).
    #[arg(long, value_name = "COL")]
    pub region: Option<String>,
    /// The column of the contest's constituency.
    #[arg(long, value_name = "COL")]
    pub constituency: Option<String>,
    /// The date of every contest (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "VALUE", value_parser = PartialDate::parse, conflicts_with = "date_column")]
    pub date: Option<PartialDate>,
    /// The column of each contest's date (YYYY-MM-DD or m/d/yyyy).
    #[arg(long, value_name = "COL")]
    pub date_column: Option<String>,
    /// The kind of every contest [default: other].
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub kind: Option<ContestKind>,
    /// The column of the contest's electorate (repeated on each row).
    #[arg(long, value_name = "COL")]
    pub eligible: Option<String>,
    /// The column of the contest's valid ballots (repeated on each row).
    #[arg(long, value_name = "COL")]
    pub valid: Option<String>,
    /// The column of the contest's rejected ballots (repeated on each row).
    #[arg(long, value_name = "COL")]
    pub rejected: Option<String>,
    /// A candidate-column value that is really the rejected (invalid) ballots, e.g.
    /// '? Ungültige' or 'Over Votes' (repeatable).
    #[arg(long = "rejected-row", value_name = "VALUE")]
    pub rejected_row: Vec<String>,
    /// A candidate-column value whose rows are left out and named in the summary, e.g.
    /// 'Registered Voters' (repeatable).
    #[arg(long = "not-candidate", value_name = "VALUE")]
    pub not_candidate: Vec<String>,
    /// Whether the file holds primaries or caucuses, where the party is part of each
    /// contest (true or false) [default: when the file's name says primary or caucus].
    #[arg(long, value_name = "BOOL")]
    pub primary: Option<bool>,
    /// The field delimiter, one character (`tab` for a tab) [default: guessed from the header].
    #[arg(long, value_name = "C", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// Write the dataset to OUT (atomically) instead of stdout.
    #[arg(short, long = "output", value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Overwrite OUT if it exists.
    #[arg(long)]
    pub force: bool,
}

fn parse_kind(text: &str) -> Result<ContestKind, String> {
    ContestKind::ALL
        .into_iter()
        .find(|k| k.as_str() == text)
        .ok_or_else(|| {
            let all: Vec<&str> = ContestKind::ALL.iter().map(|k| k.as_str()).collect();
            format!("expected one of {}", all.join(", "))
        })
}

fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ if text.len() == 1 && text.is_ascii() => Ok(text.as_bytes()[0]),
        _ => Err("expected one ASCII character, or `tab`".into()),
    }
}

#[derive(Debug, Args)]
pub struct HocCandidatesArgs {
    /// The candidate-level CSV (one row per candidate).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The constituency-level CSV to join on the ONS id (GE2019 layout).
    #[arg(long, value_name = "FILE")]
    pub constituencies: Option<PathBuf>,
    /// The dataset's title [default: "UK general election, <date> (House of Commons Library)"].
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// Polling day (YYYY-MM-DD) [default: the day of the release whose layout the file has:
    /// 2017-06-08 or 2019-12-12].
    #[arg(long, value_name = "DATE", value_parser = PartialDate::parse)]
    pub date: Option<PartialDate>,
    /// Write the dataset to OUT (atomically) instead of stdout.
    #[arg(short, long = "output", value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Overwrite OUT if it exists.
    #[arg(long)]
    pub force: bool,
}
