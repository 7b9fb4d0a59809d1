//! `hustings stats`.

use clap::{Args, ValueEnum};

use super::output::{CsvArgs, Format, TextArgs};
use super::query::QueryArgs;

pub(super) const EXAMPLES: &str = "\
Examples:
  hustings stats                                 wins per faction
  hustings stats --by region --status decided
  hustings stats --by endorser --format csv
  hustings stats --by kind --since 2019 --until 2019
  hustings stats --by party --data ge2019.json     seats per party
  hustings stats --by month --status decided       a timeline of results
  hustings stats --data ge2019.json --swing Con:Lab:5
                                                   seats after a 5-point swing (a projection)";

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
    /// Instead of counting, project a uniform swing of POINTS from party FROM to party TO in
    /// every seat (e.g. Con:Lab:5): seats per party before and after, and how many change
    /// hands (a projection, text only).
    #[arg(long, value_name = "FROM:TO:POINTS", help_heading = "Output")]
    pub swing: Option<String>,
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
    /// The seats with the largest two-party swing since their previous contest, largest first:
    /// seat, result, swing and the winner's ± share.
    Swing,
}
