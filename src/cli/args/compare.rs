//! `hustings compare`.

use clap::Args;

use super::output::{CompareFormat, TextArgs};

pub(super) const EXAMPLES: &str = "\
Examples:
  hustings compare stockport-selection-2019 bury-south-selection-2019
  hustings compare stockport-ge-2017 ge2019-e14000969 --data data/contests.json --data ge2019.json
  hustings compare stockport-selection-2019 stockport-ge-2017 --format markdown >> article.md";

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The first contest's id (column A).
    #[arg(value_name = "A")]
    pub a: String,
    /// The second contest's id (column B).
    #[arg(value_name = "B")]
    pub b: String,
    /// Output format (JSON's schema is `hustings.compare`, see docs/OUTPUT.md).
    #[arg(long, short, value_name = "FORMAT", value_enum, default_value_t = CompareFormat::Text, help_heading = "Output")]
    pub format: CompareFormat,
    #[command(flatten)]
    pub text: TextArgs,
}
