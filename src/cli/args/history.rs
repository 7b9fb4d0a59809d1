//! `hustings history`.

use clap::Args;

use super::output::{CsvArgs, Format, TextArgs};
use super::query::FilterArgs;

pub(super) const EXAMPLES: &str = "\
Examples:
  hustings history stockport-selection-2019
  hustings history ge2019-e14000969 --data data/contests.json --data ge2019.json
  hustings history stockport-ge-2017 --kind general-election --format csv";

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
