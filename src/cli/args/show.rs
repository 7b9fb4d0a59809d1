//! `hustings show`.

use clap::Args;

use super::output::{ShowFormat, TextArgs};

pub(super) const EXAMPLES: &str = "\
Examples:
  hustings show stockport-selection-2019
  hustings show bury-south-selection-2019 --format markdown >> article.md
  hustings show stockport-selection-2019 --format json | jq .derived.candidates";

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
