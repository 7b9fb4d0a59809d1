//! Writing a file atomically: the bytes go to a temporary file in the same directory, which
//! is then renamed over the target, so a reader never sees half a file and a failure leaves
//! nothing behind. An existing file is only replaced when the caller says so.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The target exists and overwriting was not allowed.
    #[error("{}: already exists", .0.display())]
    Exists(PathBuf),
    #[error("{}: {message}", path.display())]
    Io { path: PathBuf, message: String },
}

/// Writes `bytes` to `path` via a temporary file and a rename. Without `overwrite`, an
/// existing `path` is never replaced, even if it appears while writing.
pub fn write(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    let io_error = |e: io::Error| WriteError::Io {
        path: path.to_path_buf(),
        message: match e.kind() {
            io::ErrorKind::NotFound => "the directory does not exist".into(),
            io::ErrorKind::PermissionDenied => "permission denied".into(),
            _ => e.to_string(),
        },
    };
    let existing = std::fs::symlink_metadata(path).ok();
    if existing.is_some() && !overwrite {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    if path.is_dir() {
        return Err(WriteError::Io {
            path: path.to_path_buf(),
            message: "is a directory".into(),
        });
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".hustings-").suffix(".tmp");
    // A new file gets the mode any program's new file gets: 0666 less the umask, which the
    // kernel applies when the temporary file is created (tempfile's own default is 0600).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temp = builder.tempfile_in(dir).map_err(io_error)?;
    temp.write_all(bytes).map_err(io_error)?;
    temp.as_file().sync_all().map_err(io_error)?;
    // A replaced file keeps its permissions.
    if let Some(meta) = existing.as_ref().filter(|m| m.is_file()) {
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io_error)?;
    }
    let persisted = if overwrite {
        temp.persist(path)
    } else {
        temp.persist_noclobber(path)
    };
    // On failure the temporary file is dropped with the error, which deletes it.
    persisted.map(drop).map_err(|e| match e.error.kind() {
        io::ErrorKind::AlreadyExists => WriteError::Exists(path.to_path_buf()),
        _ => io_error(e.error),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_refuses_to_clobber_then_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        write(&path, b"one", false).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        let err = write(&path, b"two", false).unwrap_err();
        assert!(matches!(err, WriteError::Exists(_)), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write(&path, b"three", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        assert_eq!(entries(dir.path()), ["out.json"]);
    }

    /// Runs the test `name` alone in a child process with `HUSTINGS_TEST_UMASK` set, so it may
    /// change the umask of its own process without touching the other tests' files.
    #[cfg(unix)]
    fn in_child(name: &str) {
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", name, "--test-threads=1"])
            .env("HUSTINGS_TEST_UMASK", "1")
            .status()
            .unwrap();
        assert!(status.success(), "{name} failed in the child process");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_0666_less_the_umask_and_a_replaced_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        if std::env::var_os("HUSTINGS_TEST_UMASK").is_none() {
            in_child("atomic::tests::a_new_file_gets_0666_less_the_umask_and_a_replaced_one_keeps_its_mode");
            return;
        }
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let dir = tempfile::tempdir().unwrap();
        for (umask, expected) in [(0o077, 0o600), (0o022, 0o644), (0o002, 0o664)] {
            // SAFETY: umask only sets the mask of this process, which runs this test alone.
            unsafe { libc::umask(umask) };
            let path = dir.path().join(format!("new-{umask:o}.json"));
            write(&path, b"x", false).unwrap();
            assert_eq!(mode(&path), expected, "umask {umask:o}");
        }
        let path = dir.path().join("kept.json");
        std::fs::write(&path, b"old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        unsafe { libc::umask(0o077) };
        write(&path, b"new", true).unwrap();
        assert_eq!(mode(&path), 0o640);
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn a_missing_directory_is_a_plain_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("out.json");
        let err = write(&path, b"x", false).unwrap_err().to_string();
        assert!(
            err.ends_with("out.json: the directory does not exist"),
            "{err}"
        );
    }
}
