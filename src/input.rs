//! Reading the files the user names, within bounds: only a regular file or a pipe is read (a
//! device such as `/dev/zero` or a socket is refused before a byte is read), a file larger
//! than the limit is refused from its size alone, and a pipe is read only up to the limit.
//! The first bytes come first ([`Opened::head`]), so a reader can refuse what is of no format
//! it knows before reading the rest. Running out of memory while reading is an error like any
//! other, never an abort.
//!
//! The limits are one per run (`--max-size`, set once by the command line): 4 GiB for a
//! regular file and 1 GiB for a pipe by default.

use std::fs::File;
use std::io::{self, Read};
use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

const KIB: u64 = 1 << 10;
const MIB: u64 = 1 << 20;
const GIB: u64 = 1 << 30;

/// The largest regular file read unless `--max-size` says otherwise.
pub const DEFAULT_FILE_LIMIT: u64 = 4 * GIB;
/// The most read from a pipe (or standard input) unless `--max-size` says otherwise: its size
/// is unknown until it ends, and nothing stops a pipe that never does.
pub const DEFAULT_STREAM_LIMIT: u64 = GIB;
/// How much is read before anything else: enough for any format to be recognised.
pub const HEAD: usize = 64 * 1024;

/// `--max-size`, when given (0: not given, the defaults apply).
static MAX_SIZE: AtomicU64 = AtomicU64::new(0);

/// Sets the one limit for files and pipes alike (`--max-size`), for the rest of the run.
pub fn set_max_size(bytes: u64) {
    MAX_SIZE.store(bytes, Ordering::Relaxed);
}

/// The limit for a regular file (`stream` false) or a pipe (`stream` true).
fn limit(stream: bool) -> u64 {
    match MAX_SIZE.load(Ordering::Relaxed) {
        0 if stream => DEFAULT_STREAM_LIMIT,
        0 => DEFAULT_FILE_LIMIT,
        given => given,
    }
}

/// Why a file could not be read, as the words after its name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("no such file")]
    NotFound,
    #[error("permission denied (cannot read the file)")]
    PermissionDenied,
    #[error("is a directory, not a data file")]
    Directory,
    /// A character or block device, or a socket: `/dev/zero` never ends.
    #[error("is a {0}, not a data file (only regular files and pipes are read)")]
    NotAFile(&'static str),
    /// A regular file over the limit, from its size.
    #[error(
        "is {}, over the limit of {} for a file (--max-size raises it, e.g. --max-size {})",
        size_words(*size),
        size_words(*limit),
        raised(*size)
    )]
    FileTooLarge { size: u64, limit: u64 },
    /// A pipe that went on past the limit.
    #[error(
        "gave more than {}, the limit for a pipe (--max-size raises it, e.g. --max-size {})",
        size_words(*limit),
        raised(*limit)
    )]
    StreamTooLarge { limit: u64 },
    #[error("out of memory reading it")]
    OutOfMemory,
    #[error("cannot read: {0}")]
    Io(String),
}

impl ReadError {
    fn from_io(e: &io::Error) -> ReadError {
        match e.kind() {
            io::ErrorKind::NotFound => ReadError::NotFound,
            io::ErrorKind::PermissionDenied => ReadError::PermissionDenied,
            io::ErrorKind::IsADirectory => ReadError::Directory,
            io::ErrorKind::OutOfMemory => ReadError::OutOfMemory,
            // A capped reader's own refusal, passed through a reader that only speaks io.
            _ => ReadError::inside(e).unwrap_or_else(|| ReadError::Io(e.to_string())),
        }
    }

    /// The refusal inside an io error made by [`Opened::into_reader`], if it is one.
    pub fn inside(e: &io::Error) -> Option<ReadError> {
        e.get_ref()
            .and_then(|inner| inner.downcast_ref::<ReadError>())
            .cloned()
    }
}

/// A file opened for reading, its first bytes read.
#[derive(Debug)]
pub struct Opened {
    file: File,
    /// The bytes read so far: the head.
    bytes: Vec<u8>,
    /// Whether the file has ended within the head.
    ended: bool,
    /// The size of a regular file; `None` for a pipe.
    size: Option<u64>,
    limit: u64,
}

/// Opens `path` and reads its first [`HEAD`] bytes, refusing what is not a regular file or a
/// pipe and a regular file over the limit.
pub fn open(path: &Path) -> Result<Opened, ReadError> {
    // Followed through symbolic links: a link to `/dev/zero` is a device.
    let metadata = std::fs::metadata(path).map_err(|e| ReadError::from_io(&e))?;
    let kind = metadata.file_type();
    let size = if kind.is_file() {
        Some(metadata.len())
    } else if kind.is_fifo() {
        None
    } else if kind.is_dir() {
        return Err(ReadError::Directory);
    } else if kind.is_char_device() {
        return Err(ReadError::NotAFile("character device"));
    } else if kind.is_block_device() {
        return Err(ReadError::NotAFile("block device"));
    } else if kind.is_socket() {
        return Err(ReadError::NotAFile("socket"));
    } else {
        return Err(ReadError::NotAFile("special file"));
    };
    let limit = limit(size.is_none());
    if let Some(size) = size
        && size > limit
    {
        return Err(ReadError::FileTooLarge { size, limit });
    }
    let file = File::open(path).map_err(|e| ReadError::from_io(&e))?;
    let mut bytes = Vec::new();
    let want = (HEAD as u64).min(limit.saturating_add(1));
    let got = (&file)
        .take(want)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::from_io(&e))?;
    check_limit(size, limit, got as u64)?;
    Ok(Opened {
        file,
        bytes,
        ended: (got as u64) < want,
        size,
        limit,
    })
}

/// Reads the whole of `path` within the limits.
pub fn read(path: &Path) -> Result<Vec<u8>, ReadError> {
    open(path)?.read_rest()
}

impl Opened {
    /// The first bytes (all of them, for a file shorter than [`HEAD`]).
    pub fn head(&self) -> &[u8] {
        &self.bytes
    }

    /// Every byte: the head and the rest, up to the limit.
    pub fn read_rest(self) -> Result<Vec<u8>, ReadError> {
        let Opened {
            mut file,
            mut bytes,
            ended,
            size,
            limit,
        } = self;
        if ended {
            return Ok(bytes);
        }
        // Room for the whole file at once (a regular file's size is known); a pipe grows as
        // it comes. Either way a failed allocation is an error, not an abort.
        let expected = size.map_or(0, |s| s as usize);
        bytes
            .try_reserve_exact(expected.saturating_sub(bytes.len()) + 1)
            .map_err(|_| ReadError::OutOfMemory)?;
        let mut chunk = vec![0u8; HEAD];
        loop {
            let n = match file.read(&mut chunk) {
                Ok(0) => return Ok(bytes),
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(ReadError::from_io(&e)),
            };
            bytes.try_reserve(n).map_err(|_| ReadError::OutOfMemory)?;
            bytes.extend_from_slice(&chunk[..n]);
            check_limit(size, limit, bytes.len() as u64)?;
        }
    }

    /// The bytes as a reader (the head, then the rest), for a reader that streams: past the
    /// limit it fails with an io error holding the [`ReadError`] (see [`ReadError::inside`]).
    pub fn into_reader(self) -> impl Read {
        let Opened {
            file,
            bytes,
            size,
            limit,
            ..
        } = self;
        Capped {
            inner: io::Cursor::new(bytes).chain(file),
            total: 0,
            size,
            limit,
        }
    }
}

/// A read of `total` bytes so far is refused past the limit.
fn check_limit(size: Option<u64>, limit: u64, total: u64) -> Result<(), ReadError> {
    if total <= limit {
        return Ok(());
    }
    Err(match size {
        // A regular file that grew while being read.
        Some(_) => ReadError::FileTooLarge { size: total, limit },
        None => ReadError::StreamTooLarge { limit },
    })
}

/// A reader that fails once more than `limit` bytes have come through it.
struct Capped<R> {
    inner: R,
    total: u64,
    size: Option<u64>,
    limit: u64,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.total += n as u64;
        check_limit(self.size, self.limit, self.total).map_err(io::Error::other)?;
        Ok(n)
    }
}

/// A size in the largest binary unit that keeps it readable: `4 GiB`, `1.5 MiB`, `900 bytes`.
pub fn size_words(bytes: u64) -> String {
    for (unit, name) in [(GIB, "GiB"), (MIB, "MiB"), (KIB, "KiB")] {
        if bytes >= unit {
            let whole = bytes / unit;
            let tenths = (bytes % unit) * 10 / unit;
            return if tenths == 0 {
                format!("{whole} {name}")
            } else {
                format!("{whole}.{tenths} {name}")
            };
        }
    }
    format!("{bytes} bytes")
}

/// A `--max-size` that would do for `size`: the next whole number of GiB (or MiB) above it.
fn raised(size: u64) -> String {
    if size >= GIB {
        format!("{}GiB", size / GIB + 1)
    } else {
        format!("{}MiB", size / MIB + 1)
    }
}

/// Parses a size as `--max-size` takes it: bytes (`1000000`), or a number with a unit, decimal
/// (`KB`, `MB`, `GB`, `TB`: powers of 1000) or binary (`KiB`, `MiB`, `GiB`, `TiB`: of 1024),
/// in any case, with or without a space (`4GiB`, `500 MB`, `1.5GB`).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let unit = unit.trim().to_ascii_lowercase();
    let scale: u64 = match unit.as_str() {
        "" | "b" => 1,
        "kb" | "k" => 1000,
        "mb" | "m" => 1000 * 1000,
        "gb" | "g" => 1000 * 1000 * 1000,
        "tb" | "t" => 1000 * 1000 * 1000 * 1000,
        "kib" => KIB,
        "mib" => MIB,
        "gib" => GIB,
        "tib" => GIB * KIB,
        _ => {
            return Err(format!(
                "unknown unit {unit:?}: give bytes, or KB, MB, GB (powers of 1000) or KiB, MiB, GiB (of 1024)"
            ));
        }
    };
    let value: f64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a size, such as 4GiB, 500MB or 1000000"))?;
    let bytes = value * scale as f64;
    if !(bytes >= 1.0 && bytes < u64::MAX as f64) {
        return Err(format!("{text:?} is not a size of at least one byte"));
    }
    Ok(bytes as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_in_decimal_and_binary_units() {
        assert_eq!(parse_size("4GiB"), Ok(4 * GIB));
        assert_eq!(parse_size("500MB"), Ok(500_000_000));
        assert_eq!(parse_size("1KB"), Ok(1000));
        assert_eq!(parse_size("1.5 kib"), Ok(1536));
        assert_eq!(parse_size("123"), Ok(123));
        assert!(parse_size("4 parsecs").is_err());
        assert!(parse_size("GiB").is_err());
        assert!(parse_size("0").is_err());
    }

    #[test]
    fn sizes_are_worded_in_binary_units() {
        assert_eq!(size_words(4 * GIB), "4 GiB");
        assert_eq!(size_words(3 * MIB / 2), "1.5 MiB");
        assert_eq!(size_words(900), "900 bytes");
        assert_eq!(raised(4 * GIB + 5), "5GiB");
    }

    #[test]
    fn a_device_is_refused_before_it_is_read() {
        assert_eq!(
            open(Path::new("/dev/zero")).unwrap_err(),
            ReadError::NotAFile("character device")
        );
    }

    #[test]
    fn a_capped_reader_fails_past_the_limit_with_the_reason_inside() {
        let mut capped = Capped {
            inner: io::repeat(b'x'),
            total: 0,
            size: None,
            limit: 10,
        };
        let mut out = Vec::new();
        let e = capped.read_to_end(&mut out).unwrap_err();
        assert_eq!(
            ReadError::inside(&e),
            Some(ReadError::StreamTooLarge { limit: 10 })
        );
    }
}
