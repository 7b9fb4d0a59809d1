//! The House of Commons Library's CSV layouts: which columns each has, recognising a file's
//! layout from its header, and reading its rows into plain records.
//!
//! Two candidate-level layouts are known (the GE2017 and GE2019 releases name their columns
//! differently) and one constituency-level layout (GE2019). A layout is recognised when every
//! column it requires is in the header, matched by name ignoring case, in any order.

use super::regions::slug;
use super::table::{Cells, Table};
use crate::import::{ImportError, common};

/// A field hustings reads from a Library file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    OnsId,
    RegionId,
    Constituency,
    Region,
    Party,
    PartyAbbr,
    FirstName,
    Surname,
    SittingMp,
    Votes,
    Share,
    Declared,
    MemberFirstName,
    MemberSurname,
    ResultText,
    Electorate,
    Valid,
    Invalid,
    Majority,
}

/// One column of a layout.
#[derive(Debug)]
pub struct Column {
    pub field: Field,
    pub header: &'static str,
    /// A file without it is not of this layout.
    pub required: bool,
}

const fn col(field: Field, header: &'static str, required: bool) -> Column {
    Column {
        field,
        header,
        required,
    }
}

/// A known column set.
#[derive(Debug)]
pub struct Layout {
    /// How the layout is named in messages, e.g. `GE2019 candidate`.
    pub name: &'static str,
    /// The polling day of the election this layout was published for (`YYYY-MM-DD`).
    pub election_date: &'static str,
    pub columns: &'static [Column],
}

use Field::*;

/// The GE2019 candidate-level file (`ons_id, ..., votes, share, change`), sorted most votes first.
pub static CANDIDATES_2019: Layout = Layout {
    name: "GE2019 candidate",
    election_date: "2019-12-12",
    columns: &[
        col(OnsId, "ons_id", true),
        col(RegionId, "ons_region_id", false),
        col(Constituency, "constituency_name", true),
        col(Region, "region_name", true),
        col(Party, "party_name", true),
        col(PartyAbbr, "party_abbreviation", false),
        col(FirstName, "firstname", true),
        col(Surname, "surname", true),
        col(SittingMp, "sitting_mp", true),
        col(Votes, "votes", true),
        col(Share, "share", false),
    ],
};

/// The GE2017 candidate-level file (`ONS ID, ..., Votes, Share, Change, ...`), sorted fewest votes first.
pub static CANDIDATES_2017: Layout = Layout {
    name: "GE2017 candidate",
    election_date: "2017-06-08",
    columns: &[
        col(OnsId, "ONS ID", true),
        col(RegionId, "ONS region ID", false),
        col(Constituency, "Constituency name", true),
        col(Region, "Region name", true),
        col(Party, "Party name", true),
        col(PartyAbbr, "Party abbreviation", false),
        col(FirstName, "Candidate first name", true),
        col(Surname, "Candidate surname", true),
        col(SittingMp, "Sitting MP", true),
        col(Votes, "Votes", true),
        col(Share, "Share", false),
    ],
};

/// The candidate layouts, tried in this order.
pub static CANDIDATE_LAYOUTS: [&Layout; 2] = [&CANDIDATES_2019, &CANDIDATES_2017];

/// The GE2019 constituency-level file (`ONS ID, ..., Electorate, Valid votes, Invalid votes, Majority, Con, Lab, ...`).
pub static CONSTITUENCIES: Layout = Layout {
    name: "constituency",
    election_date: "2019-12-12",
    columns: &[
        col(OnsId, "ONS ID", true),
        col(RegionId, "ONS region ID", false),
        col(Constituency, "Constituency name", true),
        col(Region, "Region name", false),
        col(Declared, "Declaration time", false),
        col(MemberFirstName, "Member first name", false),
        col(MemberSurname, "Member surname", false),
        col(ResultText, "Result", false),
        col(Electorate, "Electorate", true),
        col(Valid, "Valid votes", true),
        col(Invalid, "Invalid votes", true),
        col(Majority, "Majority", true),
    ],
};

/// The constituency file's per-party vote columns and the faction each counts, with the
/// column that holds everyone else's votes. Used only to cross-check the candidates.
pub const PARTY_COLUMNS: [(&str, &str); 12] = [
    ("Con", "conservative"),
    ("Lab", "labour"),
    ("LD", "liberal-democrat"),
    ("BRX", "brexit-party"),
    ("Green", "green"),
    ("SNP", "snp"),
    ("PC", "plaid-cymru"),
    ("DUP", "dup"),
    ("SF", "sinn-fein"),
    ("SDLP", "sdlp"),
    ("UUP", "uup"),
    ("APNI", "alliance"),
];

/// The constituency file's column for the votes of every party not in `PARTY_COLUMNS`.
pub const OTHERS_COLUMN: &str = "All other candidates";

/// Where each field of a layout sits in a particular file's header.
#[derive(Debug)]
pub struct Columns {
    pub layout: &'static Layout,
    found: Vec<(Field, usize)>,
}

impl Columns {
    /// The column index of `field`, if the file has it.
    pub fn get(&self, field: Field) -> Option<usize> {
        self.found
            .iter()
            .find(|(f, _)| *f == field)
            .map(|&(_, i)| i)
    }

    /// The indices of the file's columns this layout reads.
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.found.iter().map(|&(_, i)| i)
    }
}

/// Whether `bytes` start with the header of a Library candidate-level file (either layout):
/// every column the layout requires, in any order and case. Only the first line is looked at.
pub fn recognise_candidates(bytes: &[u8]) -> bool {
    let Some(names) = common::header_names(bytes, Some(b',')) else {
        return false;
    };
    CANDIDATE_LAYOUTS.iter().any(|layout| {
        layout
            .columns
            .iter()
            .filter(|c| c.required)
            .all(|c| names.iter().any(|n| *n == c.header.to_lowercase()))
    })
}

/// Matches `table`'s header against `layouts` (first complete match wins). When none matches,
/// the error names, for the closest layout(s), the required columns that are missing.
pub fn detect(table: &Table, layouts: &[&'static Layout]) -> Result<Columns, ImportError> {
    let mut best: Vec<(&Layout, Vec<&str>)> = Vec::new();
    for &layout in layouts {
        let missing: Vec<&str> = layout
            .columns
            .iter()
            .filter(|c| c.required && table.column(c.header).is_none())
            .map(|c| c.header)
            .collect();
        if missing.is_empty() {
            let found = layout
                .columns
                .iter()
                .filter_map(|c| table.column(c.header).map(|i| (c.field, i)))
                .collect();
            return Ok(Columns { layout, found });
        }
        match best.first() {
            Some((_, m)) if m.len() < missing.len() => {}
            Some((_, m)) if m.len() == missing.len() => best.push((layout, missing)),
            _ => best = vec![(layout, missing)],
        }
    }
    let explain: Vec<String> = best
        .iter()
        .map(|(layout, missing)| {
            let names: Vec<String> = missing.iter().map(|m| format!("\"{m}\"")).collect();
            format!("the {} layout needs {}", layout.name, names.join(", "))
        })
        .collect();
    Err(ImportError::File {
        file: table.file.clone(),
        message: format!(
            "not a recognised House of Commons Library {} file: missing columns: {}",
            if layouts
                .iter()
                .any(|l| l.columns.iter().any(|c| c.field == Votes))
            {
                "candidate"
            } else {
                "constituency"
            },
            explain.join("; or ")
        ),
    })
}

/// A seat's ONS id, such as `E14000969`: letters and digits only. Contest ids are made from
/// it (`ge2019-e14000969`), so anything else could give two seats one id (`E14000969` and
/// `[E14000969`).
fn ons_id(cells: &Cells, index: Option<usize>) -> Result<String, ImportError> {
    let id = cells.required(index, "the seat's ONS id")?;
    if id.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(id.to_string())
    } else {
        Err(cells.error(
            index,
            format!("\"{id}\" is not an ONS id (letters and digits, such as E14000969)"),
        ))
    }
}

/// A region's name with a letter or digit in it: an unknown region's id is made from them
/// (`Isle of Man` → `isle-of-man`), and a name such as `-` would make an empty id.
fn region_name(cells: &Cells, index: Option<usize>) -> Result<String, ImportError> {
    let name = cells.required(index, "the region name")?;
    if slug(name).is_empty() {
        Err(cells.error(
            index,
            format!("\"{name}\" is not a region name (it has no letters or digits)"),
        ))
    } else {
        Ok(name.to_string())
    }
}

/// One candidate row.
#[derive(Debug, Clone)]
pub struct CandidateRow {
    pub line: u64,
    pub ons_id: String,
    pub region_id: String,
    pub constituency: String,
    pub region: String,
    pub party: String,
    pub party_abbr: String,
    /// First name and surname joined by one space.
    pub name: String,
    pub sitting_mp: bool,
    pub votes: u64,
    /// The file's share, a fraction of the seat's votes, when given.
    pub share: Option<f64>,
}

/// Reads every candidate row.
pub fn candidate_rows(table: &Table, cols: &Columns) -> Result<Vec<CandidateRow>, ImportError> {
    let get = |f| cols.get(f);
    table
        .rows
        .iter()
        .map(|row| {
            let cells = Cells { table, row };
            let name = [cells.text(get(FirstName)), cells.text(get(Surname))]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            if name.is_empty() {
                return Err(cells.error(get(Surname), "the candidate has no name"));
            }
            Ok(CandidateRow {
                line: row.line,
                ons_id: ons_id(&cells, get(OnsId))?,
                region_id: cells.text(get(RegionId)).to_string(),
                constituency: cells
                    .required(get(Constituency), "the constituency name")?
                    .to_string(),
                region: region_name(&cells, get(Region))?,
                party: cells.required(get(Party), "the party name")?.to_string(),
                party_abbr: cells.text(get(PartyAbbr)).to_string(),
                name,
                sitting_mp: cells.yes_no(get(SittingMp))?,
                votes: cells
                    .count(get(Votes))?
                    .ok_or_else(|| cells.error(get(Votes), "empty (expected the votes)"))?,
                share: cells.fraction(get(Share))?,
            })
        })
        .collect()
}

/// One constituency row.
#[derive(Debug, Clone)]
pub struct SeatRow {
    pub line: u64,
    pub ons_id: String,
    pub constituency: String,
    pub declared: String,
    /// The member elected, first name and surname joined by one space ("" when absent).
    pub member: String,
    pub result: String,
    pub electorate: Option<u64>,
    pub valid: Option<u64>,
    pub invalid: Option<u64>,
    pub majority: Option<u64>,
    /// Votes per party column (`PARTY_COLUMNS`, then `OTHERS_COLUMN`), when the file has all of them.
    pub party_votes: Option<Vec<u64>>,
}

/// Reads every constituency row.
pub fn seat_rows(table: &Table, cols: &Columns) -> Result<Vec<SeatRow>, ImportError> {
    let get = |f| cols.get(f);
    let party_cols: Option<Vec<usize>> = PARTY_COLUMNS
        .iter()
        .map(|(header, _)| *header)
        .chain([OTHERS_COLUMN])
        .map(|h| table.column(h))
        .collect();
    table
        .rows
        .iter()
        .map(|row| {
            let cells = Cells { table, row };
            let party_votes = match &party_cols {
                Some(indices) => Some(
                    indices
                        .iter()
                        .map(|&i| cells.count(Some(i)).map(Option::unwrap_or_default))
                        .collect::<Result<Vec<u64>, _>>()?,
                ),
                None => None,
            };
            let member = [
                cells.text(get(MemberFirstName)),
                cells.text(get(MemberSurname)),
            ]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
            Ok(SeatRow {
                line: row.line,
                ons_id: ons_id(&cells, get(OnsId))?,
                constituency: cells.text(get(Constituency)).to_string(),
                declared: cells.text(get(Declared)).to_string(),
                member,
                result: cells.text(get(ResultText)).to_string(),
                electorate: cells.count(get(Electorate))?,
                valid: cells.count(get(Valid))?,
                invalid: cells.count(get(Invalid))?,
                majority: cells.count(get(Majority))?,
                party_votes,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_either_layout_in_any_column_order() {
        let t = Table::parse(
            "t.csv",
            b"Votes,ONS ID,Constituency name,Region name,Party name,Candidate first name,Candidate surname,Sitting MP\n",
        )
        .unwrap();
        let cols = detect(&t, &CANDIDATE_LAYOUTS).unwrap();
        assert_eq!(cols.layout.name, "GE2017 candidate");
        assert_eq!(cols.get(Votes), Some(0));
        assert_eq!(cols.get(Share), None);
    }

    #[test]
    fn names_the_missing_columns_of_the_closest_layout() {
        let t = Table::parse(
            "t.csv",
            b"ons_id,constituency_name,region_name,party_name,firstname,surname,sitting_mp\n",
        )
        .unwrap();
        let err = detect(&t, &CANDIDATE_LAYOUTS).unwrap_err().to_string();
        assert_eq!(
            err,
            "t.csv: not a recognised House of Commons Library candidate file: missing columns: \
             the GE2019 candidate layout needs \"votes\""
        );
    }
}
