//! `hustings validate`.

use std::path::PathBuf;

use clap::Args;

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Dataset files to check, merged in order (default: the built-in dataset).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Exit with status 1 when there are warnings.
    #[arg(long)]
    pub strict: bool,
}
