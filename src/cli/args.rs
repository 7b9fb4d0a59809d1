//! The command line, as clap derive types; their doc comments are the `--help` text.
//!
//! clap stays here: the model's enums are mirrored by small `ValueEnum`s that convert into them,
//! so nothing below the command line knows about clap.

use std::path::PathBuf;

use clap::builder::TypedValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::import;
use crate::load::DataSource;
use crate::model::date::PartialDate;
use crate::model::{CandidateStatus, ContestKind, StageKind, Status};
use crate::query::from_input::QuerySpec;
use crate::query::{Sort, SortKey};

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
  hustings compare stockport-selection-2019 bury-south-selection-2019
                                                  two contests side by side
  hustings validate results.json                  check a file and list its integrity warnings
  hustings import hoc-candidates HoC-GE2019-results-by-candidate.csv -o ge2019.json
                                                  convert official UK general-election results
  hustings import results.xml -o results.json     convert NIST, Clarity, RCTab or CSV results
  hustings schema > hustings.schema.json";

const LIST_EXAMPLES: &str = "\
Examples:
  hustings list
  hustings list --region \"Yorkshire and the Humber\"
  hustings list --faction labour-left --any-candidate --sort margin
  hustings list --since 2019-10 --until 2019 --kind selection
  hustings list --endorser Unite --format csv > unite.csv
  hustings list --stage shortlist                 selections that record a shortlist
  hustings list --candidate-status withdrawn      contests where a candidate withdrew
  hustings list --format json | jq '.contests[].contest.id'";

const SHOW_EXAMPLES: &str = "\
Examples:
  hustings show stockport-selection-2019
  hustings show bury-south-selection-2019 --format markdown >> article.md
  hustings show stockport-selection-2019 --format json | jq .derived.candidates";

const STATS_EXAMPLES: &str = "\
Examples:
  hustings stats                                 wins per faction
  hustings stats --by region --status decided
  hustings stats --by endorser --format csv
  hustings stats --by kind --since 2019 --until 2019
  hustings stats --by party --data ge2019.json     seats per party
  hustings stats --by month --status decided       a timeline of results";

const COMPARE_EXAMPLES: &str = "\
Examples:
  hustings compare stockport-selection-2019 bury-south-selection-2019
  hustings compare stockport-ge-2017 ge2019-e14000969 --data data/contests.json --data ge2019.json
  hustings compare stockport-selection-2019 stockport-ge-2017 --format markdown >> article.md";

const HISTORY_EXAMPLES: &str = "\
Examples:
  hustings history stockport-selection-2019
  hustings history ge2019-e14000969 --data data/contests.json --data ge2019.json
  hustings history stockport-ge-2017 --kind general-election --format csv";

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  hustings completions bash > ~/.local/share/bash-completion/completions/hustings
  hustings completions zsh > \"${fpath[1]}/_hustings\"
  hustings completions fish > ~/.config/fish/completions/hustings.fish";

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
}

/// Where the data comes from; shared by every subcommand.
#[derive(Debug, Clone, Default, Args)]
pub struct DataArgs {
    /// A dataset file to load (repeat to merge several); default: the built-in dataset.
    #[arg(long = "data", value_name = "PATH", global = true)]
    pub data: Vec<PathBuf>,
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

/// Which contests to keep and in what order; the same flags for `list`, `stats` and the
/// explorer (`history` takes the filters only: its order is always oldest first).
#[derive(Debug, Clone, Default, Args)]
pub struct QueryArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Sort order: newest first, A→Z, closest race first or highest turnout first.
    #[arg(long, value_name = "KEY", value_enum, default_value_t = SortArg::Date, help_heading = "Filters")]
    pub sort: SortArg,
    /// Reverse the sort order (contests lacking the key stay last).
    #[arg(long, help_heading = "Filters")]
    pub reverse: bool,
}

impl QueryArgs {
    /// The query in the user's words, to be resolved against the loaded dataset.
    pub fn spec(&self) -> QuerySpec {
        self.filters.spec(Sort {
            key: self.sort.into(),
            reverse: self.reverse,
        })
    }
}

/// Which contests to keep.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Filters")]
pub struct FilterArgs {
    /// Keep contests in this region (id or name, any case; "no region" for none); repeat for
    /// several.
    #[arg(long = "region", value_name = "REGION")]
    pub regions: Vec<String>,
    /// Keep contests won by this faction (id, name or short label such as LL, any case;
    /// "no faction" for none); repeat for several.
    #[arg(long = "faction", value_name = "FACTION")]
    pub factions: Vec<String>,
    /// Make --faction match any candidate in the contest, not only the winner.
    #[arg(long)]
    pub any_candidate: bool,
    /// Keep contests of this kind; repeat for several.
    #[arg(long = "kind", value_name = "KIND", value_enum)]
    pub kinds: Vec<KindArg>,
    /// Keep contests with this status; repeat for several.
    #[arg(long = "status", value_name = "STATUS", value_enum)]
    pub statuses: Vec<StatusArg>,
    /// Keep contests that may fall on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = PartialDate::parse)]
    pub since: Option<PartialDate>,
    /// Keep contests that may fall on or before this date (--until 2019 includes all of 2019).
    #[arg(long, value_name = "DATE", value_parser = PartialDate::parse)]
    pub until: Option<PartialDate>,
    /// Keep contests with a candidate endorsed by NAME (exact name, any case or accents; an
    /// endorser nobody has is an error); repeat for several.
    #[arg(long = "endorser", value_name = "NAME")]
    pub endorsers: Vec<String>,
    /// Keep contests that reached this stage (one their `stages` record); repeat for several.
    #[arg(long = "stage", value_name = "STAGE", value_enum)]
    pub stages: Vec<StageArg>,
    /// Keep contests with a candidate of this status (e.g. withdrawn, imposed); repeat for several.
    #[arg(long = "candidate-status", value_name = "STATUS", value_enum)]
    pub candidate_statuses: Vec<CandidateStatusArg>,
    /// Keep contests whose title, seat, candidates, endorsers, nominators or notes contain every
    /// word of TEXT (ignoring case and accents).
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Keep seats by their result against the seat's previous contest: gain, hold, or
    /// gain:PARTY, loss:PARTY, hold:PARTY (name or short label, e.g. gain:Con); repeat for several.
    #[arg(long = "result", value_name = "RESULT")]
    pub results: Vec<String>,
}

impl FilterArgs {
    /// The filters in the user's words with `sort`, to be resolved against the loaded dataset.
    pub fn spec(&self, sort: Sort) -> QuerySpec {
        QuerySpec {
            regions: self.regions.clone(),
            factions: self.factions.clone(),
            any_candidate: self.any_candidate,
            kinds: self.kinds.iter().map(|&k| k.into()).collect(),
            statuses: self.statuses.iter().map(|&s| s.into()).collect(),
            since: self.since,
            until: self.until,
            endorsers: self.endorsers.clone(),
            stages: self.stages.iter().map(|&s| s.into()).collect(),
            candidate_statuses: self.candidate_statuses.iter().map(|&s| s.into()).collect(),
            search: self.search.clone().unwrap_or_default(),
            results: self.results.clone(),
            sort,
        }
    }
}

/// `--kind` values; mirrors `model::ContestKind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Selection,
    Leadership,
    GeneralElection,
    ByElection,
    Other,
}

impl From<KindArg> for ContestKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Selection => ContestKind::Selection,
            KindArg::Leadership => ContestKind::Leadership,
            KindArg::GeneralElection => ContestKind::GeneralElection,
            KindArg::ByElection => ContestKind::ByElection,
            KindArg::Other => ContestKind::Other,
        }
    }
}

/// `--status` values; mirrors `model::Status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Decided,
    Pending,
}

impl From<StatusArg> for Status {
    fn from(s: StatusArg) -> Self {
        match s {
            StatusArg::Decided => Status::Decided,
            StatusArg::Pending => Status::Pending,
        }
    }
}

/// `--stage` values; mirrors `model::StageKind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StageArg {
    Longlist,
    Shortlist,
    Nominations,
    Ballot,
    Hustings,
    Other,
}

impl From<StageArg> for StageKind {
    fn from(s: StageArg) -> Self {
        match s {
            StageArg::Longlist => StageKind::Longlist,
            StageArg::Shortlist => StageKind::Shortlist,
            StageArg::Nominations => StageKind::Nominations,
            StageArg::Ballot => StageKind::Ballot,
            StageArg::Hustings => StageKind::Hustings,
            StageArg::Other => StageKind::Other,
        }
    }
}

/// `--candidate-status` values; mirrors `model::CandidateStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CandidateStatusArg {
    Withdrawn,
    NotShortlisted,
    /// Chosen without a members' ballot.
    Imposed,
    Disqualified,
}

impl From<CandidateStatusArg> for CandidateStatus {
    fn from(s: CandidateStatusArg) -> Self {
        match s {
            CandidateStatusArg::Withdrawn => CandidateStatus::Withdrawn,
            CandidateStatusArg::NotShortlisted => CandidateStatus::NotShortlisted,
            CandidateStatusArg::Imposed => CandidateStatus::Imposed,
            CandidateStatusArg::Disqualified => CandidateStatus::Disqualified,
        }
    }
}

/// `--sort` values; mirrors `query::SortKey`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Newest first.
    #[default]
    Date,
    /// A to Z.
    Title,
    /// By region name, then title.
    Region,
    /// Closest race first (winning margin in points).
    Margin,
    /// Highest turnout first.
    Turnout,
}

impl From<SortArg> for SortKey {
    fn from(s: SortArg) -> Self {
        match s {
            SortArg::Date => SortKey::Date,
            SortArg::Title => SortKey::Title,
            SortArg::Region => SortKey::Region,
            SortArg::Margin => SortKey::Margin,
            SortArg::Turnout => SortKey::Turnout,
        }
    }
}

/// When to colour text output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is unset.
    #[default]
    Auto,
    Always,
    Never,
}

/// How text output is drawn; shared by the printing subcommands.
#[derive(Debug, Clone, Copy, Default, Args)]
#[command(next_help_heading = "Output")]
pub struct TextArgs {
    /// When to use colour in text output.
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// How CSV output writes text; shared by the subcommands that print CSV.
#[derive(Debug, Clone, Copy, Default, Args)]
#[command(next_help_heading = "Output")]
pub struct CsvArgs {
    /// Write CSV text exactly as in the data, for programs (not spreadsheets) that read it.
    ///
    /// By default a CSV text cell starting with =, +, -, @, a tab or a carriage return gets a
    /// leading ' so that a spreadsheet shows it instead of running it as a formula; numbers are
    /// never changed. Other formats are not affected.
    #[arg(long)]
    pub csv_raw: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the contests matching the filters, one line (or row) each.
    #[command(after_help = LIST_EXAMPLES)]
    List(ListArgs),
    /// Show one contest in full: candidates, votes, shares as a bar chart, context, sources, warnings.
    #[command(after_help = SHOW_EXAMPLES)]
    Show(ShowArgs),
    /// Count wins per faction, region, kind, endorser, party (seats) or month over the contests
    /// matching the filters.
    #[command(after_help = STATS_EXAMPLES)]
    Stats(StatsArgs),
    /// Two contests side by side: dates, ballots, turnout, margin, winner, and both bar charts.
    #[command(after_help = COMPARE_EXAMPLES)]
    Compare(CompareArgs),
    /// Every contest in the same constituency as contest ID, oldest first.
    ///
    /// Contests match on the constituency id when both have one, else on the constituency name
    /// (any case), across all the files loaded. The filters narrow the history; its order is
    /// always by date, oldest first.
    #[command(after_help = HISTORY_EXAMPLES)]
    History(HistoryArgs),
    /// Print a shell completion script.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
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

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub query: QueryArgs,
    /// Output format (JSON and CSV fields are described in docs/OUTPUT.md).
    #[arg(long, short, value_name = "FORMAT", value_enum, default_value_t = Format::Text, help_heading = "Output")]
    pub format: Format,
    #[command(flatten)]
    pub text: TextArgs,
    #[command(flatten)]
    pub csv: CsvArgs,
}

/// Formats of `list` and `stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Csv,
    Markdown,
}

impl Format {
    /// Text and Markdown are read by people: data text in them is shown cleaned.
    pub fn for_people(self) -> bool {
        matches!(self, Format::Text | Format::Markdown)
    }
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The contest's id, e.g. stockport-selection-2019 (`hustings list` shows them).
    #[arg(value_name = "ID")]
    pub id: String,
    /// Output format (JSON fields are described in docs/OUTPUT.md).
    #[arg(long, short, value_name = "FORMAT", value_enum, default_value_t = ShowFormat::Text, help_heading = "Output")]
    pub format: ShowFormat,
    #[command(flatten)]
    pub text: TextArgs,
}

/// Formats of `show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
    Markdown,
}

impl ShowFormat {
    /// Text and Markdown are read by people: data text in them is shown cleaned.
    pub fn for_people(self) -> bool {
        !matches!(self, ShowFormat::Json)
    }
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub query: QueryArgs,
    /// What to count by.
    #[arg(long, value_name = "GROUP", value_enum, default_value_t = ByArg::Faction, help_heading = "Output")]
    pub by: ByArg,
    /// Output format (JSON and CSV fields are described in docs/OUTPUT.md).
    #[arg(long, short, value_name = "FORMAT", value_enum, default_value_t = Format::Text, help_heading = "Output")]
    pub format: Format,
    #[command(flatten)]
    pub text: TextArgs,
    #[command(flatten)]
    pub csv: CsvArgs,
}

/// `stats --by` values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    /// Contests won, stood in and pending per faction.
    #[default]
    Faction,
    /// Contests, decided, pending and winners' factions per region.
    Region,
    /// Candidates endorsed, won, lost and pending per endorser.
    Endorser,
    /// Contests, decided, pending and winners' factions per kind of contest.
    Kind,
    /// Seats won, lost, pending and contested per party (general elections and by-elections).
    Party,
    /// Contests, decided, pending and winners' factions per month; dates known only to the
    /// year get a "YYYY (month unknown)" row, undated contests an "undated" row.
    Month,
    /// Seats changing hands: each seat's previous winner → new winner (holds on the
    /// diagonal), against the seat's previous contest; filter to one election (e.g. --since 2019).
    Change,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The first contest's id (column A).
    #[arg(value_name = "A")]
    pub a: String,
    /// The second contest's id (column B).
    #[arg(value_name = "B")]
    pub b: String,
    /// Output format (JSON's schema is `hustings.compare`, see docs/OUTPUT.md).
    #[arg(long, short, value_name = "FORMAT", value_enum, default_value_t = ShowFormat::Text, help_heading = "Output")]
    pub format: ShowFormat,
    #[command(flatten)]
    pub text: TextArgs,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The contest whose constituency to trace, e.g. stockport-selection-2019.
    #[arg(value_name = "ID")]
    pub id: String,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Output format (as for `list`; JSON's schema is `hustings.history`).
    #[arg(long, short, value_name = "FORMAT", value_enum, default_value_t = Format::Text, help_heading = "Output")]
    pub format: Format,
    #[command(flatten)]
    pub text: TextArgs,
    #[command(flatten)]
    pub csv: CsvArgs,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_name = "SHELL", value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Dataset files to check, merged in order (default: the built-in dataset).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Exit with status 1 when there are warnings.
    #[arg(long)]
    pub strict: bool,
}

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
