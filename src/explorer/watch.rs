//! Noticing when dataset files change. The directories holding them are watched, not the files
//! themselves: editors (vim's backup copies) and scripts (write a temporary file, rename it
//! over the old one) replace a file with a new one, and a watch on the old file would go quiet.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// A running watch; dropping it stops watching.
pub struct Watch {
    _watcher: RecommendedWatcher,
}

/// Watches `files`; `changed` is called on the watcher's own thread whenever one of them may
/// have changed (several times for one save: callers debounce).
pub fn watch(files: &[PathBuf], changed: impl Fn() + Send + 'static) -> Result<Watch, String> {
    let targets = Targets::of(files);
    let names = targets.files.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
        // An error (e.g. events lost to an overflow) may hide a change: reload to be sure.
        if event.map_or(true, |e| is_change_to(&e, &names)) {
            changed();
        }
    })
    .map_err(|e| e.to_string())?;
    for dir in &targets.dirs {
        watcher
            .watch(dir, RecursiveMode::NonRecursive)
            .map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    Ok(Watch { _watcher: watcher })
}

/// What to watch for a set of files.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Targets {
    /// Every name a change may arrive under: each file in its (canonical) directory, and the
    /// file a symbolic link points to.
    pub files: BTreeSet<PathBuf>,
    /// The directories holding them.
    pub dirs: BTreeSet<PathBuf>,
}

impl Targets {
    /// The targets for `files` as given on the command line (relative to the working directory).
    pub fn of(files: &[PathBuf]) -> Targets {
        let mut targets = Targets::default();
        for file in files {
            let Some(name) = file.file_name() else {
                continue;
            };
            let parent = match file.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            // Events name files under the directory as watched: watch it canonical, so the
            // names compare equal however the file was spelt (`./a.json`, `../x/a.json`).
            let dir = fs::canonicalize(parent).unwrap_or_else(|_| parent.to_path_buf());
            targets.files.insert(dir.join(name));
            targets.dirs.insert(dir);
            // Editing through a symbolic link changes the file it points to, elsewhere.
            if let Ok(real) = fs::canonicalize(file)
                && let Some(real_dir) = real.parent()
            {
                targets.dirs.insert(real_dir.to_path_buf());
                targets.files.insert(real);
            }
        }
        targets
    }
}

/// Whether `event` may have changed one of `files`. Opening, reading and closing a file
/// unchanged are not changes — reloading makes those, and must not trigger itself.
pub fn is_change_to(event: &Event, files: &BTreeSet<PathBuf>) -> bool {
    if event.need_rescan() {
        return true;
    }
    let changes = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    };
    changes && event.paths.iter().any(|p| files.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, Flag, ModifyKind, RemoveKind, RenameMode};

    fn event(kind: EventKind, paths: &[&str]) -> Event {
        paths
            .iter()
            .fold(Event::new(kind), |e, p| e.add_path(PathBuf::from(p)))
    }

    fn watched() -> BTreeSet<PathBuf> {
        BTreeSet::from([PathBuf::from("/d/data.json")])
    }

    #[test]
    fn writes_renames_and_removals_of_the_file_are_changes() {
        let files = watched();
        for kind in [
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            EventKind::Modify(ModifyKind::Metadata(notify::event::MetadataKind::Any)),
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            EventKind::Create(CreateKind::File),
            EventKind::Remove(RemoveKind::File),
            EventKind::Any,
        ] {
            assert!(
                is_change_to(&event(kind, &["/d/data.json"]), &files),
                "{kind:?}"
            );
        }
        // A temporary file renamed over the watched one: the target is the second path.
        let rename = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        assert!(is_change_to(
            &event(rename, &["/d/.data.json.tmp", "/d/data.json"]),
            &files
        ));
    }

    #[test]
    fn reading_the_file_and_other_files_are_not_changes() {
        let files = watched();
        for kind in [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Access(AccessKind::Read),
        ] {
            assert!(
                !is_change_to(&event(kind, &["/d/data.json"]), &files),
                "{kind:?}"
            );
        }
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        assert!(!is_change_to(&event(write, &["/d/other.json"]), &files));
        assert!(!is_change_to(
            &event(write, &["/elsewhere/data.json"]),
            &files
        ));
        // Lost events might have been anything.
        let lost = Event::new(EventKind::Other).set_flag(Flag::Rescan);
        assert!(is_change_to(&lost, &files));
    }

    #[test]
    fn targets_are_canonical_and_follow_symbolic_links() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = fs::canonicalize(dir.path()).expect("canonical");
        fs::create_dir(root.join("real")).expect("mkdir");
        fs::write(root.join("real/data.json"), "{}").expect("write");
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("real/data.json"), root.join("link.json"))
            .expect("symlink");
        let spelt = root.join("real/../link.json");
        let targets = Targets::of(&[spelt, root.join("real/data.json")]);
        assert!(targets.files.contains(&root.join("real/data.json")));
        assert!(targets.dirs.contains(&root.join("real")));
        #[cfg(unix)]
        {
            assert!(targets.files.contains(&root.join("link.json")));
            assert!(targets.dirs.contains(&root));
        }
    }
}
