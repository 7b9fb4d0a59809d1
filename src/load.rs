//! Reading datasets: bytes → parsed → checked → merged, or one precise error. Nothing is ever
//! half-loaded: either every file loads, or the caller gets a `LoadError` and no data.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::catalogue::{self, Conflict};
use crate::integrity::{self, Warning};
use crate::locate::{self, JsonPath, Segment};
use crate::model::{Dataset, SCHEMA_VERSION};
use crate::validate::{self, Violation};

/// The dataset shipped with hustings, transcribed from news reports (see data/contests.json).
pub static EMBEDDED: &[u8] = include_bytes!("../data/contests.json");

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

    /// The raw bytes of the source.
    pub fn read(&self) -> Result<Vec<u8>, LoadError> {
        match self {
            DataSource::Embedded => Ok(EMBEDDED.to_vec()),
            DataSource::File(path) => read_file(path),
        }
    }
}

/// Why loading failed. Each displays as a single line naming the file and, where the
/// problem is inside the document, its line:column and JSON path.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: {message}")]
    Read { file: String, message: String },
    #[error("{file}:{line}:{column}: {path}: {message}")]
    Invalid {
        file: String,
        line: usize,
        column: usize,
        path: String,
        message: String,
    },
    #[error("{file}:{line}:{column}: {path}: contest id \"{id}\" is already used in {first_file}")]
    ClashingId {
        id: String,
        first_file: String,
        file: String,
        line: usize,
        column: usize,
        path: String,
    },
}

/// Loaded, checked, merged data plus the integrity warnings found in it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub dataset: Dataset,
    pub warnings: Vec<Warning>,
    /// The names of the sources, in load order.
    pub sources: Vec<String>,
    /// Regions and factions defined differently by two sources (the first definition is used).
    pub conflicts: Vec<Conflict>,
}

impl Loaded {
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

/// Loads every source, merging them in order: catalogues by id (first definition wins, and a
/// different later definition is kept as a `Conflict`), contests appended; a contest id used
/// in two sources is an error naming both.
pub fn load(sources: &[DataSource]) -> Result<Loaded, LoadError> {
    let mut merged: Option<Dataset> = None;
    let mut contest_origin: HashMap<String, usize> = HashMap::new();
    let mut catalogue_origin: HashMap<(&str, String), usize> = HashMap::new();
    let mut conflicts = Vec::new();
    let names: Vec<String> = sources.iter().map(DataSource::name).collect();
    for (n, source) in sources.iter().enumerate() {
        let bytes = source.read()?;
        let part = parse(&names[n], &bytes)?;
        let Some(acc) = merged.as_mut() else {
            if sources.len() > 1 {
                contest_origin.extend(part.contests.iter().map(|c| (c.id.clone(), n)));
                catalogue_origin.extend(part.regions.iter().map(|r| (("region", r.id.clone()), n)));
                catalogue_origin
                    .extend(part.factions.iter().map(|f| (("faction", f.id.clone()), n)));
            }
            merged = Some(part);
            continue;
        };
        for (i, contest) in part.contests.iter().enumerate() {
            if let Some(&first) = contest_origin.get(&contest.id) {
                let path = JsonPath::root().key("contests").index(i).key("id");
                let (line, column) = locate::locate(&bytes, &path);
                return Err(LoadError::ClashingId {
                    id: contest.id.clone(),
                    first_file: names[first].clone(),
                    file: names[n].clone(),
                    line,
                    column,
                    path: path.to_string(),
                });
            }
            contest_origin.insert(contest.id.clone(), n);
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
                let fields = catalogue::region_differences(first, region);
                if !fields.is_empty() {
                    conflicts.push(conflict("region", &region.id, fields));
                }
            }
        }
        for faction in &part.factions {
            if let Some(first) = acc.faction(&faction.id) {
                let fields = catalogue::faction_differences(first, faction);
                if !fields.is_empty() {
                    conflicts.push(conflict("faction", &faction.id, fields));
                }
            }
        }
        for region in &part.regions {
            catalogue_origin
                .entry(("region", region.id.clone()))
                .or_insert(n);
        }
        for faction in &part.factions {
            catalogue_origin
                .entry(("faction", faction.id.clone()))
                .or_insert(n);
        }
        merge_into(acc, part);
    }
    let dataset = merged.unwrap_or_else(Dataset::empty);
    let warnings = integrity::warnings(&dataset);
    Ok(Loaded {
        dataset,
        warnings,
        sources: names,
        conflicts,
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

/// Reads a file, turning every failure into one plain sentence.
fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let fail = |message: String| LoadError::Read {
        file: path.display().to_string(),
        message,
    };
    if path.is_dir() {
        return Err(fail("is a directory, not a data file".into()));
    }
    std::fs::read(path).map_err(|e| {
        fail(match e.kind() {
            io::ErrorKind::NotFound => "no such file".into(),
            io::ErrorKind::PermissionDenied => "permission denied (cannot read the file)".into(),
            _ => format!("cannot read: {e}"),
        })
    })
}

/// Parses and checks one document. `file` is only used in messages.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Dataset, LoadError> {
    // A byte-order mark is legal for editors to write and carries no meaning in JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let invalid = |path: &JsonPath, message: String| {
        let (line, column) = locate::locate(bytes, path);
        LoadError::Invalid {
            file: file.to_string(),
            line,
            column,
            path: path.to_string(),
            message,
        }
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(invalid(
            &JsonPath::root(),
            "the file is empty (expected a JSON object with schema_version, regions, factions and contests)".into(),
        ));
    }
    // The fast path parses without tracking where it is; only on failure do we parse again
    // to find the JSON path, so good files load at full speed.
    let dataset = match serde_json::from_slice::<Dataset>(bytes) {
        Ok(dataset) => dataset,
        Err(first_error) => return Err(describe_parse_failure(file, bytes, &first_error)),
    };
    validate::check(&dataset).map_err(|Violation { path, message }| invalid(&path, message))?;
    Ok(dataset)
}

/// Re-parses a document known to be bad, tracking the path, to describe the first problem.
fn describe_parse_failure(file: &str, bytes: &[u8], first_error: &serde_json::Error) -> LoadError {
    // An unknown version explains every later mismatch, so it is reported first.
    #[derive(Deserialize)]
    struct VersionProbe {
        schema_version: Option<u32>,
    }
    if let Ok(VersionProbe {
        schema_version: Some(v),
    }) = serde_json::from_slice(bytes)
        && v != SCHEMA_VERSION
    {
        let Violation { path, message } = validate::unsupported_version(v);
        let (line, column) = locate::locate(bytes, &path);
        return LoadError::Invalid {
            file: file.to_string(),
            line,
            column,
            path: path.to_string(),
            message,
        };
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let err = match serde_path_to_error::deserialize::<_, Dataset>(&mut de) {
        // Trailing garbage after a complete document is only seen by `end`.
        Ok(_) => {
            let trailing = de.end().err();
            return from_serde(
                file,
                JsonPath::root(),
                trailing.as_ref().unwrap_or(first_error),
            );
        }
        Err(e) => e,
    };
    let path = JsonPath(
        err.path()
            .iter()
            .filter_map(|seg| match seg {
                serde_path_to_error::Segment::Seq { index } => Some(Segment::Index(*index)),
                serde_path_to_error::Segment::Map { key } => Some(Segment::Key(key.clone())),
                serde_path_to_error::Segment::Enum { variant } => {
                    Some(Segment::Key(variant.clone()))
                }
                serde_path_to_error::Segment::Unknown => None,
            })
            .collect(),
    );
    from_serde(file, path, err.inner())
}

fn from_serde(file: &str, path: JsonPath, err: &serde_json::Error) -> LoadError {
    let text = err.to_string();
    let message = match text.rfind(" at line ") {
        Some(at) if err.line() > 0 => text[..at].to_string(),
        _ => text,
    };
    let message = match err.classify() {
        serde_json::error::Category::Eof => format!("{message} (the file ends too early)"),
        _ => message,
    };
    LoadError::Invalid {
        file: file.to_string(),
        line: err.line(),
        column: err.column(),
        path: path.to_string(),
        message,
    }
}
