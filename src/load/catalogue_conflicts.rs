//! Catalogue entries defined differently by two merged files.
//!
//! When several datasets are loaded together, a region or faction id defined in more than one
//! file keeps its first definition. That is right when the files agree, and usually when they
//! differ only in case (`Yorkshire and The Humber` / `Yorkshire and the Humber`); any other
//! difference is kept as a `Conflict` so `validate` can say which definition was used.

use std::fmt;

use compact_str::CompactString;

use crate::model::colour::Rgb;
use crate::model::{Faction, Region};

/// One id defined differently in two files; the first file's definition is the one used.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// `region` or `faction`.
    pub what: &'static str,
    pub id: String,
    pub first_file: String,
    pub file: String,
    /// Each differing field: (field, first file's value, later file's value).
    pub fields: Vec<(&'static str, String, String)>,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fields: Vec<String> = self
            .fields
            .iter()
            .map(|(field, a, b)| format!("{field} \"{a}\" vs \"{b}\""))
            .collect();
        write!(
            f,
            "{} \"{}\" is defined differently in {} and {} ({}); the definition in {} is used",
            self.what,
            self.id,
            self.first_file,
            self.file,
            fields.join(", "),
            self.first_file
        )
    }
}

fn text(value: Option<&str>) -> String {
    value.unwrap_or_default().to_string()
}

/// Differences that matter between two definitions of a region (names compared ignoring case).
pub fn region_differences(a: &Region, b: &Region) -> Vec<(&'static str, String, String)> {
    let mut out = Vec::new();
    if !a.name.eq_ignore_ascii_case(&b.name) {
        out.push(("name", a.name.to_string(), b.name.to_string()));
    }
    out
}

/// Differences that matter between two definitions of a faction: name (ignoring case),
/// abbreviation and colour (as RGB, however written); a description may be worded differently.
pub fn faction_differences(a: &Faction, b: &Faction) -> Vec<(&'static str, String, String)> {
    let mut out = Vec::new();
    if !a.name.eq_ignore_ascii_case(&b.name) {
        out.push(("name", a.name.to_string(), b.name.to_string()));
    }
    if a.abbr.is_some() && b.abbr.is_some() && a.abbr != b.abbr {
        out.push(("abbr", text(a.abbr.as_deref()), text(b.abbr.as_deref())));
    }
    // Compared as colours: `red`, `#F00` and `#ff0000` are one colour written three ways.
    let colour = |c: &Option<CompactString>| c.as_deref().map(Rgb::parse);
    if a.color.is_some() && b.color.is_some() && colour(&a.color) != colour(&b.color) {
        out.push(("color", text(a.color.as_deref()), text(b.color.as_deref())));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(name: &str) -> Region {
        Region {
            id: "r".into(),
            name: name.into(),
            spellings: Vec::new(),
        }
    }

    #[test]
    fn case_alone_is_no_conflict() {
        assert!(
            region_differences(
                &region("Yorkshire and The Humber"),
                &region("Yorkshire and the Humber")
            )
            .is_empty()
        );
        assert_eq!(
            region_differences(&region("East"), &region("East of England")),
            [("name", "East".to_string(), "East of England".to_string())]
        );
    }

    fn faction(color: &str) -> Faction {
        Faction {
            id: "f".into(),
            name: "F".into(),
            abbr: None,
            color: Some(color.into()),
            description: None,
            group: None,
            spellings: Vec::new(),
        }
    }

    #[test]
    fn one_colour_written_two_ways_is_no_conflict() {
        for (a, b) in [("red", "#F00"), ("#ff0000", "Red"), ("#0a0", "#00AA00")] {
            assert!(
                faction_differences(&faction(a), &faction(b)).is_empty(),
                "{a} {b}"
            );
        }
        assert_eq!(
            faction_differences(&faction("red"), &faction("navy")),
            [("color", "red".to_string(), "navy".to_string())]
        );
    }
}
