//! The output flags the printing subcommands share: formats, colour, CSV text.

use clap::{Args, ValueEnum};

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
    /// never changed. Other formats are not affected. Printed to a terminal, control and bidi
    /// characters are shown as visible stand-ins all the same: redirect for the exact bytes.
    #[arg(long)]
    pub csv_raw: bool,
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

/// Formats of `show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
    /// Every round of a preferential count, one row per candidate per round.
    Csv,
    Markdown,
}

impl ShowFormat {
    /// Text and Markdown are read by people: data text in them is shown cleaned.
    pub fn for_people(self) -> bool {
        matches!(self, ShowFormat::Text | ShowFormat::Markdown)
    }
}

/// Formats of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Text,
    Json,
    Markdown,
}

impl CompareFormat {
    /// Text and Markdown are read by people: data text in them is shown cleaned.
    pub fn for_people(self) -> bool {
        !matches!(self, CompareFormat::Json)
    }
}
