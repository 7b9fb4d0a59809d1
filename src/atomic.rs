//! Writing a file atomically: the bytes go to a temporary file in the same directory, which
//! is then renamed over the target, so a reader never sees half a file and a failure leaves
//! nothing behind. An existing file is only replaced when the caller says so.
//!
//! The temporary file is `.NAME.hustings-PID-XXXXXX.tmp` beside `NAME`. It is removed on every
//! path out of [`write`]: an error drops it (deleting it), and SIGINT, SIGTERM and SIGHUP are
//! held back on the writing thread while it exists, then acted on once it is renamed or gone.
//! Only SIGKILL, a crash, or a second signal to the explorer (which then ends at once) can
//! leave one behind; the next write to the same `NAME` removes those whose process is no
//! longer running. A program that writes on one thread and may end on another (the explorer,
//! whose exports are written as they are made, for seconds) calls [`finish_writes`] before it
//! ends.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// Held by a write from start to rename, and by [`finish_writes`] from then on.
static WRITING: Mutex<()> = Mutex::new(());

/// Set by [`finish_writes`]: a write still being made stops, and leaves nothing behind.
static ABANDON: AtomicBool = AtomicBool::new(false);

fn writing() -> MutexGuard<'static, ()> {
    WRITING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// How long [`finish_writes`] is given by a process ending: a write being synced or renamed
/// takes a moment (one still being made is stopped at once).
pub const FINISH_PATIENCE: Duration = Duration::from_secs(30);

/// For a process about to end: stops a write still being made on another thread (its
/// temporary file deleted, nothing renamed), waits at most `patience` for one being synced or
/// renamed to finish, and keeps any other from starting. Returns whether no write is under
/// way.
pub fn finish_writes(patience: Duration) -> bool {
    ABANDON.store(true, Ordering::SeqCst);
    let start = Instant::now();
    loop {
        match WRITING.try_lock() {
            Ok(guard) => {
                std::mem::forget(guard);
                return true;
            }
            Err(std::sync::TryLockError::Poisoned(poisoned)) => {
                std::mem::forget(poisoned.into_inner());
                return true;
            }
            Err(std::sync::TryLockError::WouldBlock) if start.elapsed() < patience => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(std::sync::TryLockError::WouldBlock) => return false,
        }
    }
}

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
    write_with(path, overwrite, |out| out.write_all(bytes)).map(drop)
}

/// [`write`], the bytes made by `fill` as it writes them (an export of a million contests
/// need not be held in memory first); returns how many were written. Without `overwrite` an
/// existing `path` is found before `fill` is called.
pub fn write_with(
    path: &Path,
    overwrite: bool,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<u64, WriteError> {
    let _writing = writing();
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
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.hustings-{}-", std::process::id());
    remove_stale(dir, &name);
    let _held = HeldSignals::new();
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A new file gets the mode any program's new file gets: 0666 less the umask, which the
    // kernel applies when the temporary file is created (tempfile's own default is 0600).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temp = builder.tempfile_in(dir).map_err(io_error)?;
    let mut out = io::BufWriter::with_capacity(
        1 << 20,
        Counted {
            file: temp.as_file_mut(),
            written: 0,
        },
    );
    fill(&mut out).map_err(io_error)?;
    out.flush().map_err(io_error)?;
    let written = out.get_ref().written;
    drop(out);
    temp.as_file().sync_all().map_err(io_error)?;
    // A replaced file keeps its permissions.
    if let Some(meta) = existing.as_ref().filter(|m| m.is_file()) {
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io_error)?;
    }
    #[cfg(test)]
    tests::before_rename();
    let persisted = if overwrite {
        temp.persist(path)
    } else {
        temp.persist_noclobber(path)
    };
    // On failure the temporary file is dropped with the error, which deletes it.
    persisted
        .map(|_| written)
        .map_err(|e| match e.error.kind() {
            io::ErrorKind::AlreadyExists => WriteError::Exists(path.to_path_buf()),
            _ => io_error(e.error),
        })
}

/// The temporary file as it is written: how much, and whether the process is ending.
struct Counted<'a> {
    file: &'a mut std::fs::File,
    written: u64,
}

impl Write for Counted<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if ABANDON.load(Ordering::SeqCst) {
            return Err(io::Error::other("not finished: the program is ending"));
        }
        let n = self.file.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Removes the temporary files an earlier write to `name` in `dir` left behind when it was
/// killed: `.NAME.hustings-PID-XXXXXX.tmp` whose process PID no longer runs. A file of a
/// running process (another write in progress) is left alone; errors are ignored.
fn remove_stale(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let start = format!(".{name}.hustings-");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(rest) = file
            .to_str()
            .and_then(|f| f.strip_prefix(&start))
            .and_then(|f| f.strip_suffix(".tmp"))
        else {
            continue;
        };
        let Some(pid) = rest
            .split_once('-')
            .and_then(|(p, _)| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !running(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether process `pid` exists (it may belong to another user: EPERM says it does).
#[cfg(unix)]
fn running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return true;
    };
    // SAFETY: signal 0 only checks that the process exists; nothing is sent.
    let alive = unsafe { libc::kill(pid, 0) } == 0;
    alive || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn running(_pid: u32) -> bool {
    true
}

/// SIGINT, SIGTERM and SIGHUP blocked on this thread while it lives: one arriving meanwhile
/// stays pending and is acted on when the mask is restored (on drop), after the temporary
/// file is renamed or deleted. Writes are short; a program that handles these signals itself
/// (the explorer) sees them as before, a moment later.
struct HeldSignals {
    #[cfg(unix)]
    old: Option<libc::sigset_t>,
}

impl HeldSignals {
    #[cfg(unix)]
    fn new() -> HeldSignals {
        // SAFETY: the sets are initialised by sigemptyset before use; pthread_sigmask only
        // changes this thread's mask, which drop restores.
        unsafe {
            let mut set: libc::sigset_t = std::mem::zeroed();
            let mut old: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&raw mut set);
            for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                libc::sigaddset(&raw mut set, sig);
            }
            let ok = libc::pthread_sigmask(libc::SIG_BLOCK, &raw const set, &raw mut old) == 0;
            HeldSignals {
                old: ok.then_some(old),
            }
        }
    }

    #[cfg(not(unix))]
    fn new() -> HeldSignals {
        HeldSignals {}
    }
}

impl Drop for HeldSignals {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(old) = self.old {
            // SAFETY: restores the mask saved in `new`.
            unsafe {
                libc::pthread_sigmask(libc::SIG_SETMASK, &raw const old, std::ptr::null_mut());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// What a test does between writing the temporary file and renaming it.
        static BEFORE_RENAME: Cell<Option<fn()>> = const { Cell::new(None) };
    }

    pub(super) fn before_rename() {
        if let Some(f) = BEFORE_RENAME.get() {
            f();
        }
    }

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
            in_child(
                "atomic::tests::a_new_file_gets_0666_less_the_umask_and_a_replaced_one_keeps_its_mode",
            );
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

    #[cfg(unix)]
    #[test]
    fn a_signal_while_writing_leaves_the_file_written_and_no_temporary_file() {
        use std::os::unix::process::ExitStatusExt;
        const NAME: &str =
            "atomic::tests::a_signal_while_writing_leaves_the_file_written_and_no_temporary_file";
        if let Some(dir) = std::env::var_os("HUSTINGS_TEST_DIR") {
            // The child: SIGTERM arrives with the temporary file written, before the rename.
            // SAFETY: raise sends a signal to this process, which runs this test alone.
            BEFORE_RENAME.set(Some(|| unsafe {
                libc::raise(libc::SIGTERM);
            }));
            write(&Path::new(&dir).join("out.json"), b"all", false).unwrap();
            unreachable!("SIGTERM ends the process once the file is written");
        }
        let dir = tempfile::tempdir().unwrap();
        let status = in_a_child(NAME, dir.path());
        assert_eq!(status.signal(), Some(libc::SIGTERM), "{status}");
        assert_eq!(entries(dir.path()), ["out.json"]);
        assert_eq!(std::fs::read(dir.path().join("out.json")).unwrap(), b"all");
    }

    /// Runs test `name` alone in a child process, with `HUSTINGS_TEST_DIR` set to `dir` (where
    /// the child does what the test needs a process of its own for).
    #[cfg(unix)]
    fn in_a_child(name: &str, dir: &Path) -> std::process::ExitStatus {
        std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", name, "--test-threads=1"])
            .env("HUSTINGS_TEST_DIR", dir)
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap()
    }

    /// Waits until a write to `dir/out.json` is under way: its temporary file is there.
    #[cfg(unix)]
    fn wait_for_a_temporary_file(dir: &Path) {
        while !entries(dir)
            .iter()
            .any(|f| f.starts_with(".out.json.hustings-"))
        {
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// A process ending while another thread writes (the explorer quitting during an export's
    /// write) waits for the file, and starts no write after.
    #[cfg(unix)]
    #[test]
    fn ending_waits_for_a_write_on_another_thread() {
        const NAME: &str = "atomic::tests::ending_waits_for_a_write_on_another_thread";
        if let Some(dir) = std::env::var_os("HUSTINGS_TEST_DIR") {
            // The child: a thread writes slowly; this one ends the process meanwhile.
            let out = Path::new(&dir).join("out.json");
            std::thread::spawn(move || {
                BEFORE_RENAME.set(Some(|| {
                    std::thread::sleep(Duration::from_millis(300));
                }));
                write(&out, b"all", false).unwrap();
            });
            wait_for_a_temporary_file(Path::new(&dir));
            assert!(finish_writes(Duration::from_secs(10)));
            let late =
                std::thread::spawn(move || write(&Path::new(&dir).join("late.json"), b"x", false));
            std::thread::sleep(Duration::from_millis(100));
            assert!(
                !late.is_finished(),
                "no write starts once the process is ending"
            );
            std::process::exit(0);
        }
        let dir = tempfile::tempdir().unwrap();
        let status = in_a_child(NAME, dir.path());
        assert!(status.success(), "{status}");
        assert_eq!(entries(dir.path()), ["out.json"]);
        assert_eq!(std::fs::read(dir.path().join("out.json")).unwrap(), b"all");
    }

    /// A write still being made when the process ends is stopped: no file, no temporary file.
    #[cfg(unix)]
    #[test]
    fn ending_stops_a_write_still_being_made() {
        const NAME: &str = "atomic::tests::ending_stops_a_write_still_being_made";
        if let Some(dir) = std::env::var_os("HUSTINGS_TEST_DIR") {
            let out = Path::new(&dir).join("out.json");
            let writer = std::thread::spawn(move || {
                write_with(&out, false, |w| {
                    // Ten seconds of writing, a byte at a time.
                    for _ in 0..1000 {
                        w.write_all(b"x")?;
                        w.flush()?;
                        std::thread::sleep(Duration::from_millis(10));
                    }
                    Ok(())
                })
            });
            wait_for_a_temporary_file(Path::new(&dir));
            let start = Instant::now();
            assert!(finish_writes(Duration::from_secs(10)));
            assert!(
                start.elapsed() < Duration::from_secs(2),
                "stopped, not waited for"
            );
            let stopped = writer.join().unwrap().unwrap_err().to_string();
            assert!(stopped.contains("the program is ending"), "{stopped}");
            std::process::exit(0);
        }
        let dir = tempfile::tempdir().unwrap();
        let status = in_a_child(NAME, dir.path());
        assert!(status.success(), "{status}");
        assert_eq!(entries(dir.path()), Vec::<String>::new());
    }

    #[cfg(unix)]
    #[test]
    fn stale_temporary_files_of_the_target_are_cleared() {
        let dir = tempfile::tempdir().unwrap();
        // Process ids stop well short of i32::MAX (Linux: 2^22), so this one is not running.
        let dead = format!(".out.json.hustings-{}-Ab12Cd.tmp", i32::MAX - 1);
        // This process is running: its file may be a write in progress.
        let live = format!(".out.json.hustings-{}-Ab12Cd.tmp", std::process::id());
        let other = ".other.json.hustings-2147483646-Ab12Cd.tmp".to_string();
        let parent = format!(
            ".out.json.hustings-{}-Zz99Zz.tmp",
            std::os::unix::process::parent_id()
        );
        for f in [&dead, &live, &other, &parent] {
            std::fs::write(dir.path().join(f), b"half").unwrap();
        }
        write(&dir.path().join("out.json"), b"x", false).unwrap();
        let mut expected = vec![live, other, parent, "out.json".to_string()];
        expected.sort();
        assert_eq!(entries(dir.path()), expected);
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
