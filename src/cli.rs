//! The command line, as clap derive types; their doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::load::DataSource;

const EXAMPLES: &str = "\
Examples:
  hustings                              explore the built-in dataset
  hustings results.json                 explore a dataset file
  hustings validate results.json        check a file and list its integrity warnings
  hustings schema > hustings.schema.json";

/// A fast, keyboard-driven terminal explorer of election and candidate-selection contests.
///
/// With no subcommand, opens the explorer on the given dataset files (or the built-in
/// dataset transcribed from news reports).
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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check dataset files: print a summary and every integrity warning.
    ///
    /// Exit status: 0 when the data loads (1 with --strict if there are warnings), 2 on errors.
    Validate(ValidateArgs),
    /// Print the JSON Schema of the data format.
    Schema,
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
