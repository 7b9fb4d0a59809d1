//! `hustings show`.

use clap::Args;

use super::output::{CsvArgs, ShowFormat, TextArgs};

pub(super) const EXAMPLES: &str = "\
Examples:
  hustings show stockport-selection-2019
  hustings show bury-south-selection-2019 --format markdown >> article.md
  hustings show stockport-selection-2019 --format json | jq .derived.candidates
  hustings show 2013-minneapolis-park-board --data park.json --format csv > rounds.csv";

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The contest's id, e.g. stockport-selection-2019 (`hustings list` shows them).
    #[arg(value_name = "ID")]
    pub id: String,
    /// Output format (JSON fields and CSV columns are described in docs/OUTPUT.md); csv writes
    /// every round of a preferential count, one row per candidate per round.
    #[arg(long, short, value_name = "FORMAT", value_enum, default_value_t = ShowFormat::Text, help_heading = "Output")]
    pub format: ShowFormat,
    #[command(flatten)]
    pub text: TextArgs,
    #[command(flatten)]
    pub csv: CsvArgs,
}
