//! A contest several sources give, in words: it is listed once, as its most complete version
//! (`load::same_contest::Versions`), and the detail of any version names the others — id,
//! file, and whether they agree or what differs — so each source's version can be shown by
//! its id (`show ID~2`).

use crate::load::same_contest::{Version, VersionsOf};
use crate::model::Dataset;
use crate::report::safe;

/// The heading of the section.
pub const HEADING: &str = "Versions";

/// The lines of the Versions section of contest `of.this` (one per fact): which version is
/// listed, then every other version and how it compares with the listed one.
pub fn lines(dataset: &Dataset, of: &VersionsOf) -> Vec<String> {
    let row = of.group.row();
    let mut out = vec![if of.is_row() {
        format!(
            "Listed as one contest from {} sources: this version ({}), the most complete",
            of.group.versions.len(),
            safe::message(&row.file)
        )
    } else {
        format!(
            "Another source's version of {} ({}), which is listed in its place: the most complete",
            id(dataset, row),
            safe::message(&row.file)
        )
    }];
    out.extend(
        of.group
            .others()
            .iter()
            .map(|v| other(dataset, v, v.contest == of.this)),
    );
    out
}

/// One other version: `stockport-ge-2017 (data/contests.json): agrees with the listed
/// version`, or what differs, the listed version's value first.
pub fn other(dataset: &Dataset, v: &Version, this: bool) -> String {
    let which = if this { "this version, " } else { "" };
    let verdict = if v.differences.is_empty() {
        "agrees with the listed version (winner, votes and majority)".to_string()
    } else {
        format!(
            "differs from the listed version (its value first) on {}",
            safe::message(&v.differences.join("; "))
        )
    };
    format!(
        "{} ({which}{}): {verdict}",
        id(dataset, v),
        safe::message(&v.file)
    )
}

/// A version's id as the data (cleaned for people, where it is) gives it.
fn id(dataset: &Dataset, v: &Version) -> String {
    dataset
        .contests
        .get(v.contest)
        .map_or_else(String::new, |c| c.id.to_string())
}
