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
    let mut temp = tempfile::Builder::new()
        .prefix(".hustings-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io_error)?;
    temp.write_all(bytes).map_err(io_error)?;
    temp.as_file().sync_all().map_err(io_error)?;
    // The temporary file is private (0600); the result should have ordinary permissions, or
    // keep those of the file it replaces.
    let permissions = match &existing {
        Some(meta) if meta.is_file() => meta.permissions(),
        _ => default_permissions(temp.as_file()).map_err(io_error)?,
    };
    temp.as_file()
        .set_permissions(permissions)
        .map_err(io_error)?;
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

#[cfg(unix)]
fn default_permissions(file: &std::fs::File) -> io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    let mut p = file.metadata()?.permissions();
    p.set_mode(0o644);
    Ok(p)
}

#[cfg(not(unix))]
fn default_permissions(file: &std::fs::File) -> io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
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
