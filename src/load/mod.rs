//! Reading datasets: bytes → parsed → checked → merged, or one precise error. Nothing is ever
//! half-loaded: either every file loads, or the caller gets a `LoadError` and no data.

pub mod catalogue_conflicts;
mod derived;
pub mod diagnose;
pub mod error;
pub mod integrity;
pub mod preview;

pub mod same_contest;
pub mod suggest;
pub mod validate;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::model::change::Changes;
use crate::model::json_path::{self, JsonPath};
use crate::model::require_object;
use crate::model::{Contest, Dataset};
use catalogue_conflicts::Conflict;
pub use derived::Derived;
pub use error::LoadError;
use integrity::{Warning, WarningKind};
pub use same_contest::Versions;

mod batch;
mod parallel;
mod split;
mod stream;

/// The dataset shipped with hustings, transcribed from news reports (see data/contests.json).
pub static EMBEDDED: &[u8] = include_bytes!("../../data/contests.json");

/// How the embedded dataset is named in messages.
pub const EMBEDDED_NAME: &str = "(built-in dataset)";

/// Where a dataset comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataSource {
    Embedded,
    File(PathBuf),
}

impl DataSource {
    /// The name used in messages: the path as given, or the built-in dataset's name.
    pub fn name(&self) -> String {
        match self {
            DataSource::Embedded => EMBEDDED_NAME.to_string(),
            DataSource::File(p) => p.display().to_string(),
        }
    }

    /// The file behind this source, if any (what a watcher should watch).
    pub fn path(&self) -> Option<&Path> {
        match self {
            DataSource::Embedded => None,
            DataSource::File(p) => Some(p),
        }
    }

    /// Parses and checks the source the fast way: a file is streamed, so its bytes are never
    /// all in memory beside the parsed data. None when that fails for any reason; the caller
    /// then reads the bytes and `parse`s them, which describes the problem.
    fn parse_fast(&self) -> Option<Dataset> {
        let dataset = match self {
            DataSource::Embedded => stream::from_slice(EMBEDDED),
            DataSource::File(path) => {
                let metadata = std::fs::metadata(path).ok()?;
                // Only a regular file can be read twice: a named pipe or `<(command)` read
                // here would leave nothing for the plain read that explains an error (or
                // block it).
                if !metadata.is_file() {
                    return None;
                }
                // Within the limits (a file over them is refused by `read`, which says so).
                let opened = crate::input::open(path).ok()?;
                stream::from_reader(opened.into_reader(), metadata.len())
            }
        }
        .ok()?;
        validate::check(&dataset).is_ok().then_some(dataset)
    }

    /// The raw bytes of the source; or, when its first bytes begin no format hustings reads
    /// (a sparse file of zeros, a binary), only those: enough for any reader to say what is
    /// wrong, without reading gigabytes first.
    pub fn read(&self) -> Result<Vec<u8>, LoadError> {
        match self {
            DataSource::Embedded => Ok(EMBEDDED.to_vec()),
            DataSource::File(path) => read_file(path),
        }
    }
}

/// Loaded, checked, merged data plus the integrity warnings found in it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Whatever changes it must call [`Loaded::recheck`] after: `warnings` and `derived`
    /// describe it.
    pub dataset: Dataset,
    pub warnings: Vec<Warning>,
    /// The names of the sources, in load order.
    pub sources: Vec<String>,
    /// Each source's own title, in load order (`None` for a source without one); the merged
    /// dataset keeps only the first.
    pub titles: Vec<Option<String>>,
    /// Regions and factions defined differently by two sources (the first definition is used).
    pub conflicts: Vec<Conflict>,
    /// What reading files of other formats ignored or mapped, one sentence each.
    pub notes: Vec<String>,
    /// A contest several sources give is one row, its most complete version: which contests
    /// are rows, and each row's other versions (`same_contest::Versions`).
    pub versions: Versions,
    /// What the load worked out from `dataset` that the front ends need again (made anew by
    /// [`Loaded::recheck`]).
    pub derived: Derived,
}

impl Loaded {
    /// Checks `dataset` again after a change to it: its integrity warnings (those of one file;
    /// what merging several files found is dropped) and what the checks work out.
    pub fn recheck(&mut self) {
        let integrity::Checked { warnings, derived } = integrity::checked(&self.dataset);
        self.warnings = warnings;
        self.derived = derived;
    }

    /// The seats and party identities of the dataset: the load's own, when it built them.
    pub fn changes(&self) -> &Changes {
        self.derived.changes(&self.dataset)
    }

    /// The seats and party identities, to own, when they are already built.
    pub fn take_built_changes(&mut self) -> Option<Changes> {
        self.derived.take_changes()
    }

    /// Whether no string of any contest holds a character the display rule replaces.
    pub fn contests_clean(&self) -> bool {
        self.derived.contests_clean(&self.dataset)
    }

    /// Counts for a one-line summary: contests, candidates, warnings.
    pub fn counts(&self) -> (usize, usize, usize) {
        let candidates = self
            .dataset
            .contests
            .iter()
            .map(|c| c.candidates.len())
            .sum();
        (self.dataset.contests.len(), candidates, self.warnings.len())
    }
}

/// A new id for `contest`, whose id an earlier source used, when that earlier contest is the
/// same contest (same kind, date and constituency: `same_contest`'s rule) from another
/// source (its sources differ); `None` for anything else — a clash, reported as an error.
fn same_contest_again(
    acc: &Dataset,
    contest: &Contest,
    taken: &HashMap<String, usize>,
) -> Option<String> {
    let first = acc.contests.iter().find(|c| c.id == contest.id)?;
    let same = first.kind == contest.kind
        && first.date.is_some()
        && first.date == contest.date
        && crate::model::seat::same_constituency(first, contest)
        && first.sources != contest.sources;
    if !same {
        return None;
    }
    // Ends: only finitely many ids are taken.
    #[allow(clippy::maybe_infinite_iter)]
    (2..)
        .map(|k| format!("{}~{k}", contest.id))
        .find(|id| !taken.contains_key(id))
}

/// Loads every source, merging them in order: catalogues by id (first definition wins, and a
/// different later definition is kept as a `Conflict`), contests appended; a contest id used
/// in two sources is an error naming both, unless the two are the same contest from two
/// sources (then the later is renamed `ID~2`, noted, and counted once).
pub fn load(sources: &[DataSource]) -> Result<Loaded, LoadError> {
    let mut merged: Option<Dataset> = None;
    let mut contest_origin: HashMap<String, usize> = HashMap::new();
    let mut catalogue_origin: HashMap<(&str, String), usize> = HashMap::new();
    let mut conflicts = Vec::new();
    let mut notes = Vec::new();
    let names: Vec<String> = sources.iter().map(DataSource::name).collect();
    let mut titles: Vec<Option<String>> = Vec::with_capacity(sources.len());
    // Where each source's contests end in the merged list, to name a contest's file.
    let mut source_ends: Vec<usize> = Vec::with_capacity(sources.len());
    for (n, source) in sources.iter().enumerate() {
        let part = match source.parse_fast() {
            Some(part) => part,
            None => parse_noting(&names[n], &source.read()?, &mut notes)?,
        };
        source_ends.push(source_ends.last().copied().unwrap_or(0) + part.contests.len());
        titles.push(part.title.as_deref().map(str::to_string));
        let Some(acc) = merged.as_mut() else {
            if sources.len() > 1 {
                contest_origin.extend(part.contests.iter().map(|c| (c.id.to_string(), n)));
                catalogue_origin.extend(
                    part.regions
                        .iter()
                        .map(|r| (("region", r.id.to_string()), n)),
                );
                catalogue_origin.extend(
                    part.factions
                        .iter()
                        .map(|f| (("faction", f.id.to_string()), n)),
                );
            }
            merged = Some(part);
            continue;
        };
        let mut part = part;
        for (i, contest) in part.contests.iter_mut().enumerate() {
            if let Some(&first) = contest_origin.get(contest.id.as_str())
                && let Some(renamed) = same_contest_again(acc, contest, &contest_origin)
            {
                // The same contest from another source under the same id (the Library's
                // candidate and party-level files both say `ge2017-e14000969`): kept under a
                // new id, then recognised and counted once like any repeat.
                notes.push(format!(
                    "{} in {} is the same contest as in {}: loaded as {renamed} and counted once",
                    contest.id, names[n], names[first]
                ));
                contest.id = renamed.into();
            }
            if let Some(&first) = contest_origin.get(contest.id.as_str()) {
                let path = JsonPath::root().key("contests").index(i).key("id");
                let (line, column) = json_path::locate(&source.read()?, &path);
                return Err(LoadError::ClashingId {
                    id: crate::model::text::one_line(&contest.id),
                    first_file: crate::model::text::one_line(&names[first]),
                    file: crate::model::text::one_line(&names[n]),
                    line,
                    column,
                    path: path.to_string(),
                });
            }
            contest_origin.insert(contest.id.to_string(), n);
        }
        let conflict = |what: &'static str, id: &str, fields| Conflict {
            what,
            id: id.to_string(),
            first_file: names[catalogue_origin[&(what, id.to_string())]].clone(),
            file: names[n].clone(),
            fields,
        };
        for region in &part.regions {
            if let Some(first) = acc.region(&region.id) {
                let fields = catalogue_conflicts::region_differences(first, region);
                if !fields.is_empty() {
                    conflicts.push(conflict("region", &region.id, fields));
                }
            }
        }
        for faction in &part.factions {
            if let Some(first) = acc.faction(&faction.id) {
                let fields = catalogue_conflicts::faction_differences(first, faction);
                if !fields.is_empty() {
                    conflicts.push(conflict("faction", &faction.id, fields));
                }
            }
        }
        for region in &part.regions {
            catalogue_origin
                .entry(("region", region.id.to_string()))
                .or_insert(n);
        }
        for faction in &part.factions {
            catalogue_origin
                .entry(("faction", faction.id.to_string()))
                .or_insert(n);
        }
        merge_into(acc, part);
    }
    let dataset = merged.unwrap_or_else(Dataset::empty);
    let integrity::Checked {
        mut warnings,
        derived,
    } = integrity::checked(&dataset);
    let source_of = |i: usize| source_ends.partition_point(|&end| end <= i);
    let (repeats, versions) = same_contest::repeats_and_versions(&dataset, source_of, &names);
    if !repeats.is_empty() {
        let file_of = |i: usize| &names[source_of(i)];
        for r in repeats {
            warnings.push(Warning {
                contest: r.contest,
                contest_id: dataset.contests[r.contest].id.to_string(),
                kind: WarningKind::SameContest {
                    first_id: dataset.contests[r.first].id.to_string(),
                    first_file: file_of(r.first).clone(),
                    differences: r.differences,
                },
            });
        }
        // In contest order, as `warnings` promises.
        warnings.sort_by_key(|w| w.contest);
    }
    Ok(Loaded {
        dataset,
        warnings,
        sources: names,
        titles,
        conflicts,
        notes,
        versions,
        derived,
    })
}

fn merge_into(acc: &mut Dataset, part: Dataset) {
    for region in part.regions {
        if acc.region(&region.id).is_none() {
            acc.regions.push(region);
        }
    }
    for faction in part.factions {
        if acc.faction(&faction.id).is_none() {
            acc.factions.push(faction);
        }
    }
    if acc.title.is_none() {
        acc.title = part.title;
    }
    acc.contests.extend(part.contests);
}

/// Reads a file within the limits (`input`), turning every failure into one plain sentence;
/// only its first bytes when they begin no format (see [`DataSource::read`]).
fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let fail = |e: crate::input::ReadError| LoadError::Read {
        file: crate::model::text::one_line(&path.display().to_string()),
        message: e.to_string(),
    };
    let opened = crate::input::open(path).map_err(fail)?;
    if !crate::import::formats::could_begin_a_format(opened.head()) {
        return Ok(opened.head().to_vec());
    }
    opened.read_rest().map_err(fail)
}

/// Parses and checks one document. `file` is only used in messages.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Dataset, LoadError> {
    parse_noting(file, bytes, &mut Vec::new())
}

/// Like [`parse`], also opening the other formats `import` recognises by content, and noting
/// what their reading ignored or mapped in `notes`.
pub fn parse_noting(
    file: &str,
    bytes: &[u8],
    notes: &mut Vec<String>,
) -> Result<Dataset, LoadError> {
    if let Some(read) = crate::import::read_other(file, bytes) {
        let read = read.map_err(LoadError::from)?;
        notes.extend(read.notes.iter().map(|n| format!("{file}: {n}")));
        validate::check(&read.dataset).map_err(|v| LoadError::Read {
            file: crate::model::text::one_line(file),
            message: crate::model::text::one_line(&format!(
                "read as a {} but the result does not check: {}: {}",
                read.format, v.path, v.message
            )),
        })?;
        return Ok(read.dataset);
    }
    parse_hustings(file, bytes)
}

/// Parses and checks one document as the hustings format only, whatever it looks like (no
/// other format is recognised): what `hustings import FILE --format hustings` reads.
pub fn parse_hustings(file: &str, bytes: &[u8]) -> Result<Dataset, LoadError> {
    // A byte-order mark is legal for editors to write and carries no meaning in JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Invalid {
            file: crate::model::text::one_line(file),
            line: 1,
            column: 1,
            path: JsonPath::root().to_string(),
            message: "the file is empty (expected a JSON object with schema_version, regions, factions and contests)".into(),
        });
    }
    // The fast path parses without tracking where it is; only on failure do we parse again
    // to find the JSON path, so good files load at full speed.
    let dataset = match stream::from_slice(bytes) {
        Ok(dataset) => dataset,
        // The streaming path gives up at anything unusual; the plain parse decides, and explains.
        Err(batch::GiveUp) => match require_object::whole::<Dataset>(bytes) {
            Ok(dataset) => dataset,
            Err(first_error) => return Err(diagnose::parse_failure(file, bytes, &first_error)),
        },
    };
    validate::check(&dataset).map_err(|v| diagnose::violation(file, bytes, v))?;
    Ok(dataset)
}
