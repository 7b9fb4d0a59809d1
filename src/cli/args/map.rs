//! `hustings map`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::output::TextArgs;
use super::query::FilterArgs;

pub(super) const EXAMPLES: &str = "\
Examples:
  hustings map --data ge2019.json                       every seat coloured by its winner
  hustings map --data ge2019.json --colour margin       closest seats darkest
  hustings map --data history.json --since 2017 --until 2017
                                                        one election of a seat's history
  hustings map --data ge2019.json --colour share:Lab --region wales
  hustings map --data ge2019.json --swing Con:Lab:5     a projection: 5 points from Con to Lab
  hustings map --data ge2019.json --format svg -o ge2019.svg
  hustings map --map us-states --data states.json       a built-in map by name
  hustings map --map districts.hexjson --data house.json any HexJSON file";

#[derive(Debug, Args)]
pub struct MapArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// What the colours mean: winner, result (against the previous contest), margin,
    /// turnout, share:PARTY or change:PARTY (a party's name or short label, e.g. share:Lab).
    #[arg(
        long,
        value_name = "WHAT",
        default_value = "winner",
        help_heading = "Map"
    )]
    pub colour: String,
    /// The map: a built-in one (uk-2010, uk-2024, us-states) or a HexJSON file; default: the
    /// built-in map that places the most of the contests.
    #[arg(long, value_name = "NAME|FILE", help_heading = "Map")]
    pub map: Option<String>,
    /// A projection: a uniform swing of POINTS from party FROM to party TO in every seat
    /// (e.g. Con:Lab:5), the seats coloured by their projected winner.
    #[arg(long, value_name = "FROM:TO:POINTS", help_heading = "Map")]
    pub swing: Option<String>,
    /// Output format: the map as text, or a standalone SVG (with -o).
    #[arg(long, short, value_name = "FORMAT", value_enum, default_value_t = MapFormat::Text, help_heading = "Output")]
    pub format: MapFormat,
    /// Write to OUT (atomically) instead of stdout.
    #[arg(short, long = "output", value_name = "OUT", help_heading = "Output")]
    pub output: Option<PathBuf>,
    /// Overwrite OUT if it exists.
    #[arg(long, help_heading = "Output")]
    pub force: bool,
    #[command(flatten)]
    pub text: TextArgs,
}

/// Formats of `map`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MapFormat {
    Text,
    /// A standalone SVG of hexagons, with a title, a legend and a tooltip per seat.
    Svg,
}
