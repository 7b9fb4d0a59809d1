//! The command line, as clap derive types; their doc comments are the `--help` text. One file
//! per subcommand's arguments (as `cli/` has one per subcommand), with the flags several share
//! in `query` and `output`.
//!
//! clap stays here: the model's enums are mirrored by small `ValueEnum`s that convert into them,
//! so nothing below the command line knows about clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::load::DataSource;

mod compare;
mod completions;
mod history;
mod import;
mod list;
mod map;
mod output;
mod query;
mod show;
mod stats;
mod validate;

pub use compare::CompareArgs;
pub use completions::CompletionsArgs;
pub use history::HistoryArgs;
pub use import::{CsvImportArgs, HocCandidatesArgs, HocHistoryArgs, ImportArgs, ImportFormat};
pub use list::ListArgs;
pub use map::{MapArgs, MapFormat};
pub use output::{ColorChoice, CompareFormat, CsvArgs, Format, ShowFormat, TextArgs};
pub use query::{CandidateStatusArg, FilterArgs, KindArg, QueryArgs, SortArg, StageArg, StatusArg};
pub use show::ShowArgs;
pub use stats::{ByArg, StatsArgs};
pub use validate::ValidateArgs;

const EXAMPLES: &str = "\
Examples:
  hustings                                        explore the built-in dataset
  hustings results.json                           explore a dataset file
  hustings --region \"North West\" --search mishra  open the explorer with filters applied
  hustings list --status pending                  list the contests still to be decided
  hustings show stockport-selection-2019          one contest in full, with a bar chart
  hustings stats --by endorser                    how often each endorser's candidates won
  hustings stats --by month                       contests per month (a timeline)
  hustings history stockport-selection-2019       every contest in the same constituency
  hustings map --data ge2019.json                 a hex map of the seats, coloured by winner
  hustings compare stockport-selection-2019 bury-south-selection-2019
                                                  two contests side by side
  hustings validate results.json                  check a file and list its integrity warnings
  hustings import hoc-candidates HoC-GE2019-results-by-candidate.csv -o ge2019.json
                                                  convert official UK general-election results
  hustings import results.xml -o results.json     convert NIST, Clarity, RCTab or CSV results
  hustings schema > hustings.schema.json";

/// A fast, keyboard-driven terminal explorer of election and candidate-selection contests.
///
/// With no subcommand, opens the explorer on the given dataset files (or the built-in
/// dataset transcribed from news reports), with any filter flags already applied.
#[derive(Debug, Parser)]
#[command(name = "hustings", version, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Dataset files to open, merged in order (default: the built-in dataset).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub data: DataArgs,

    #[command(flatten)]
    pub query: QueryArgs,

    /// Leave the mouse alone, so the terminal's own text selection works.
    #[arg(long)]
    pub no_mouse: bool,

    /// Don't reload when a dataset file changes (R still reloads by hand).
    #[arg(long)]
    pub no_watch: bool,

    /// The map of view 9: a built-in one (uk-2010, uk-2024, us-states) or a HexJSON file;
    /// default: the built-in map that places the most of the contests.
    #[arg(long, value_name = "NAME|FILE")]
    pub map: Option<String>,
}

/// Where the data comes from; shared by every subcommand.
#[derive(Debug, Clone, Default, Args)]
pub struct DataArgs {
    /// A dataset file to load (repeat to merge several); default: the built-in dataset.
    #[arg(long = "data", value_name = "PATH", global = true)]
    pub data: Vec<PathBuf>,

    /// The largest file or pipe read, e.g. 8GiB, 500MB or bytes (default: 4GiB for a file,
    /// 1GiB for a pipe or standard input). Devices such as /dev/zero are never read.
    #[arg(long, value_name = "SIZE", global = true, value_parser = crate::input::parse_size)]
    pub max_size: Option<u64>,
}

impl DataArgs {
    /// The sources to load: `extra` paths first, then every `--data`; the built-in dataset if none.
    pub fn sources(&self, extra: &[PathBuf]) -> Vec<DataSource> {
        let files: Vec<DataSource> = extra
            .iter()
            .chain(&self.data)
            .cloned()
            .map(DataSource::File)
            .collect();
        if files.is_empty() {
            vec![DataSource::Embedded]
        } else {
            files
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the contests matching the filters, one line (or row) each.
    #[command(after_help = list::EXAMPLES)]
    List(ListArgs),
    /// Show one contest in full: candidates, votes, shares as a bar chart, context, sources, warnings.
    #[command(after_help = show::EXAMPLES)]
    Show(ShowArgs),
    /// Count wins per faction, region, kind, endorser, party (seats) or month over the contests
    /// matching the filters.
    #[command(after_help = stats::EXAMPLES)]
    Stats(StatsArgs),
    /// Two contests side by side: dates, ballots, turnout, margin, winner, and both bar charts.
    #[command(after_help = compare::EXAMPLES)]
    Compare(CompareArgs),
    /// A hex map of the seats (one hexagon each), coloured by winner, result, margin,
    /// turnout or a party's share, with its legend; as text or SVG.
    ///
    /// A contest stands on the hexagon of its constituency id, else of its constituency's
    /// name; the latest contest of a seat within the filters is shown, seats with none are
    /// hollow, and the contests the map has no hexagon for are listed.
    #[command(after_help = map::EXAMPLES)]
    Map(MapArgs),
    /// Every contest in the same constituency as contest ID, oldest first.
    ///
    /// Contests match on the constituency id when both have one, else on the constituency name
    /// (any case), across all the files loaded. The filters narrow the history; its order is
    /// always by date, oldest first.
    #[command(after_help = history::EXAMPLES)]
    History(HistoryArgs),
    /// Print a shell completion script.
    #[command(after_help = completions::EXAMPLES)]
    Completions(CompletionsArgs),
    /// Check dataset files: print a summary and every integrity warning.
    ///
    /// Exit status: 0 when the data loads (1 with --strict if there are warnings), 2 on errors.
    Validate(ValidateArgs),
    /// Print the JSON Schema of the data format.
    Schema,
    /// Convert results published in other formats into a hustings dataset.
    Import(ImportArgs),
}
