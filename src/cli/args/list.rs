//! `hustings list`.

use clap::Args;

use super::output::{CsvArgs, Format, TextArgs};
use super::query::QueryArgs;

pub(super) const EXAMPLES: &str = "\
Examples:
  hustings list
  hustings list --region \"Yorkshire and the Humber\"
  hustings list --faction labour-left --any-candidate --sort margin
  hustings list --since 2019-10 --until 2019 --kind selection
  hustings list --endorser Unite --format csv > unite.csv
  hustings list --stage shortlist                 selections that record a shortlist
  hustings list --candidate-status withdrawn      contests where a candidate withdrew
  hustings list --format json | jq '.contests[].contest.id'";

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
