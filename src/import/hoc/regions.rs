//! Regions of the UK: ONS region codes → hustings region ids and names.
//!
//! The Library's files disagree on names (the GE2019 candidate file says `East`, the others
//! `East of England`), so a region is identified by its ONS code when the file gives one, and
//! by its name (or a known alias) otherwise. Ids are the slugs of the ONS names, matching the
//! built-in dataset's catalogue (`north-west`, `east-of-england`, ...). Every spelling that is
//! taken as another region's name is recorded, so the import can say so.

use crate::model::Region;

/// A region hustings knows: ONS code, id, the ONS name, and other spellings seen in files.
struct Known {
    code: &'static str,
    id: &'static str,
    name: &'static str,
    aliases: &'static [&'static str],
}

const fn known(
    code: &'static str,
    id: &'static str,
    name: &'static str,
    aliases: &'static [&'static str],
) -> Known {
    Known {
        code,
        id,
        name,
        aliases,
    }
}

/// The nine English regions and the three other nations, in the order the built-in dataset lists them.
static KNOWN: [Known; 12] = [
    known("E12000001", "north-east", "North East", &[]),
    known("E12000002", "north-west", "North West", &[]),
    known(
        "E12000003",
        "yorkshire-and-the-humber",
        "Yorkshire and The Humber",
        &["Yorkshire and Humber", "Yorkshire & The Humber"],
    ),
    known("E12000004", "east-midlands", "East Midlands", &[]),
    known("E12000005", "west-midlands", "West Midlands", &[]),
    known(
        "E12000006",
        "east-of-england",
        "East of England",
        &["East", "Eastern"],
    ),
    known("E12000007", "london", "London", &["Greater London"]),
    known("E12000008", "south-east", "South East", &[]),
    known("E12000009", "south-west", "South West", &[]),
    known("S92000003", "scotland", "Scotland", &[]),
    known("W92000004", "wales", "Wales", &[]),
    known("N92000002", "northern-ireland", "Northern Ireland", &[]),
];

/// A spelling in a file taken as another name of a region.
#[derive(Debug, Clone, PartialEq)]
pub struct Unification {
    pub file: String,
    /// As the file spells it, e.g. `East`.
    pub spelled: String,
    /// The catalogue's name, e.g. `East of England`.
    pub name: String,
    pub id: String,
}

/// The regions met so far, and the spellings unified on the way.
#[derive(Debug, Default)]
pub struct Regions {
    found: Vec<Region>,
    pub unified: Vec<Unification>,
}

/// `Yorkshire and The Humber` → `yorkshire-and-the-humber`; letters and digits kept, anything else a dash.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for ch in text.chars().flat_map(char::to_lowercase) {
        if ch.is_alphanumeric() {
            out.push(ch);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

impl Regions {
    /// The region id for a row with ONS code `code` (may be empty) and name `name`, from `file`.
    pub fn resolve(&mut self, code: &str, name: &str, file: &str) -> String {
        let by_code = KNOWN.iter().find(|k| k.code.eq_ignore_ascii_case(code));
        let by_name = || {
            KNOWN.iter().find(|k| {
                k.name.eq_ignore_ascii_case(name)
                    || k.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
            })
        };
        let (id, canonical) = match by_code.or_else(by_name) {
            Some(k) => (k.id.to_string(), k.name.to_string()),
            None => (slug(name), name.to_string()),
        };
        if !canonical.eq_ignore_ascii_case(name)
            && !self
                .unified
                .iter()
                .any(|u| u.file == file && u.spelled == name)
        {
            self.unified.push(Unification {
                file: file.to_string(),
                spelled: name.to_string(),
                name: canonical.clone(),
                id: id.clone(),
            });
        }
        if !self.found.iter().any(|r| r.id == id) {
            self.found.push(Region {
                id: id.clone().into(),
                name: canonical.clone().into(),
                spellings: Vec::new(),
            });
        }
        // The file's spelling stays a name of the region: `--region East` still finds it.
        if let Some(region) = self.found.iter_mut().find(|r| r.id == id)
            && !canonical.eq_ignore_ascii_case(name)
            && !region.spellings.iter().any(|s| s == name)
        {
            region.spellings.push(name.into());
        }
        id
    }

    /// The catalogue: known regions in their usual order, then any others as first met.
    pub fn catalogue(&self) -> Vec<Region> {
        let rank = |r: &Region| {
            KNOWN
                .iter()
                .position(|k| k.id == r.id)
                .unwrap_or(KNOWN.len())
        };
        let mut out = self.found.clone();
        out.sort_by_key(rank);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn east_is_unified_with_east_of_england_once() {
        let mut r = Regions::default();
        assert_eq!(r.resolve("E12000006", "East", "a.csv"), "east-of-england");
        assert_eq!(r.resolve("E12000006", "East", "a.csv"), "east-of-england");
        assert_eq!(r.resolve("", "East of England", "b.csv"), "east-of-england");
        assert_eq!(r.unified.len(), 1);
        assert_eq!(r.unified[0].spelled, "East");
        assert_eq!(r.unified[0].name, "East of England");
        assert_eq!(r.catalogue().len(), 1);
    }

    #[test]
    fn unknown_regions_are_slugged_and_listed_last() {
        let mut r = Regions::default();
        assert_eq!(r.resolve("X1", "Isle of Man", "a.csv"), "isle-of-man");
        assert_eq!(
            r.resolve("E12000003", "Yorkshire and The Humber", "a.csv"),
            "yorkshire-and-the-humber"
        );
        assert!(r.unified.is_empty());
        let ids: Vec<_> = r.catalogue().into_iter().map(|x| x.id).collect();
        assert_eq!(ids, ["yorkshire-and-the-humber", "isle-of-man"]);
        assert_eq!(slug(" Ynys Môn (2) "), "ynys-môn-2");
    }
}
