//! The maps built into the binary (Open Innovations' HexJSON, MIT licence: data/maps/), and
//! `--map NAME|FILE`: a built-in map by name, else a HexJSON file.

use std::path::Path;

use crate::map::hexjson::{self, HexJsonError, HexMap};

/// A built-in map: its name, what it shows, and its HexJSON.
pub struct Builtin {
    pub name: &'static str,
    pub about: &'static str,
    text: &'static str,
}

/// The built-in maps, in the order they are tried when none is named (the first placing the
/// most contests wins a tie).
pub const BUILTIN: [Builtin; 3] = [
    Builtin {
        name: "uk-2010",
        about: "UK Westminster constituencies, 2010–2019 boundaries (650)",
        text: include_str!("../../data/maps/constituencies.hexjson"),
    },
    Builtin {
        name: "uk-2024",
        about: "UK Westminster constituencies, boundaries used from 2024 (650)",
        text: include_str!("../../data/maps/uk-constituencies-2023.hexjson"),
    },
    Builtin {
        name: "us-states",
        about: "US states and DC (51)",
        text: include_str!("../../data/maps/us-states.hexjson"),
    },
];

impl Builtin {
    /// The map itself (the built-in files are checked by a test, so this never fails).
    pub fn map(&self) -> HexMap {
        hexjson::parse(self.name, self.name, self.text).unwrap_or_else(|_| HexMap {
            name: self.name.to_string(),
            layout: hexjson::Layout::OddR,
            hexes: Vec::new(),
        })
    }
}

/// Every built-in map.
pub fn all() -> Vec<HexMap> {
    BUILTIN.iter().map(Builtin::map).collect()
}

/// The map `given` names: a built-in map's name (any case), else a HexJSON file.
///
/// # Errors
/// A name that is neither a built-in map nor a readable HexJSON file: one line saying which
/// names exist, or where the file is wrong.
pub fn named(given: &str) -> Result<HexMap, HexJsonError> {
    if let Some(builtin) = BUILTIN
        .iter()
        .find(|b| b.name.eq_ignore_ascii_case(given.trim()))
    {
        return Ok(builtin.map());
    }
    let path = Path::new(given);
    let text = std::fs::read_to_string(path).map_err(|e| HexJsonError {
        source: given.to_string(),
        place: "the file".into(),
        problem: format!(
            "{e} (not a built-in map either: {})",
            BUILTIN.map(|b| b.name).join(", ")
        ),
    })?;
    let name = path
        .file_stem()
        .map_or_else(|| given.to_string(), |s| s.to_string_lossy().into_owned());
    hexjson::parse(&name, given, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_map_reads() {
        for builtin in &BUILTIN {
            let map = hexjson::parse(builtin.name, builtin.name, builtin.text).unwrap();
            assert!(!map.hexes.is_empty(), "{}", builtin.name);
        }
        assert_eq!(BUILTIN[0].map().hexes.len(), 650);
        assert_eq!(BUILTIN[1].map().hexes.len(), 650);
        assert_eq!(BUILTIN[2].map().hexes.len(), 51);
    }

    #[test]
    fn a_name_neither_built_in_nor_a_file_says_what_exists() {
        let error = named("atlantis").unwrap_err().to_string();
        assert!(error.starts_with("atlantis: the file: "), "{error}");
        assert!(error.contains("uk-2010, uk-2024, us-states"), "{error}");
        assert_eq!(named("UK-2010").unwrap().name, "uk-2010");
    }
}
