//! Loading off the UI thread: the first load (for a large file, its first contests before the
//! whole: `load::preview`), then a reload whenever one is asked for (`R`) or a watched file
//! changes. One thread does all loading, so loads never overlap and a burst
//! of requests costs one load.
//!
//! A reload either delivers complete new data or an error; data read from a file that was
//! still being written is never delivered as good (the load fails to parse, or the file
//! changed while it was read and is read again).

use std::fs;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use crate::explorer::app::Data;
use crate::explorer::terminal;
use crate::explorer::watch::{self, Watch};
use crate::load::{self, DataSource};
use crate::query::Query;
use crate::query::from_input::QuerySpec;

/// A save is a burst of events (truncate, write, close; or write, rename): load once the
/// files have been quiet this long...
const QUIET: Duration = Duration::from_millis(150);
/// ...but no later than this after the first event, even if the file keeps changing.
const MAX_DELAY: Duration = Duration::from_secs(1);
/// Reads of a file that changed while being read, before giving up until the next change.
const ATTEMPTS: usize = 3;

/// What the loading thread delivers.
#[derive(Debug)]
pub enum Outcome {
    /// The first contests of a large file, with the command line's query resolved against
    /// them; the first load (`First`) follows.
    Preview(Arc<Data>, Box<Query>),
    /// The first load, with the command line's query resolved against it.
    First(Result<(Arc<Data>, Box<Query>), String>),
    /// A reload.
    Reloaded(Result<Arc<Data>, String>),
}

enum Request {
    /// The user asked: load now.
    Reload,
    /// A file changed: load once the burst is over.
    Changed,
}

/// The loading thread, and the watch that feeds it.
pub struct Loader {
    requests: Sender<Request>,
    results: Receiver<Outcome>,
    /// Why reloading is impossible, if it is (the built-in dataset never changes; a pipe
    /// cannot be read twice).
    cannot_reload: Option<String>,
    _watch: Option<Watch>,
    /// Why the files are not watched although watching was asked for.
    pub watch_error: Option<String>,
}

impl Loader {
    /// Starts loading `sources` now, and watches their files if `watch`.
    pub fn start(sources: Vec<DataSource>, spec: QuerySpec, watch: bool) -> Loader {
        let files: Vec<PathBuf> = sources
            .iter()
            .filter_map(|s| s.path().map(PathBuf::from))
            .collect();
        // A named pipe or `<(command)` gives its data once; reading it again would block or
        // read nothing.
        let not_regular = files
            .iter()
            .find(|p| fs::metadata(p).is_ok_and(|m| !m.is_file()));
        let cannot_reload = match not_regular {
            _ if files.is_empty() => {
                Some("nothing to reload: the built-in dataset is part of hustings".to_string())
            }
            Some(p) => Some(format!(
                "not a regular file, cannot reload: {}",
                p.display()
            )),
            None => None,
        };
        let (requests, inbox) = mpsc::channel();
        let (outbox, results) = mpsc::channel();
        // Watching starts before loading, so a change during the first load is not missed.
        let (watch, watch_error) = if watch && cannot_reload.is_none() {
            let tx = requests.clone();
            match watch::watch(&files, move || {
                let _ = tx.send(Request::Changed);
            }) {
                Ok(w) => (Some(w), None),
                Err(e) => (None, Some(e)),
            }
        } else {
            (None, None)
        };
        thread::Builder::new()
            .name("hustings-loader".into())
            .spawn(move || serve(&sources, &spec, &inbox, &outbox))
            .expect("the loading thread starts");
        Loader {
            requests,
            results,
            cannot_reload,
            _watch: watch,
            watch_error,
        }
    }

    /// Asks for a reload now, or says why there can be none.
    pub fn reload(&self) -> Result<(), String> {
        if let Some(why) = &self.cannot_reload {
            return Err(why.clone());
        }
        self.requests
            .send(Request::Reload)
            .map_err(|_| "cannot reload: the loader has stopped".to_string())
    }

    /// A finished load, if one is waiting.
    pub fn try_recv(&self) -> Result<Outcome, TryRecvError> {
        self.results.try_recv()
    }
}

/// The loading thread: the first load, then one load per (debounced) request.
fn serve(
    sources: &[DataSource],
    spec: &QuerySpec,
    inbox: &Receiver<Request>,
    outbox: &Sender<Outcome>,
) {
    if let Some(preview) = preview(sources, spec)
        && outbox.send(preview).is_err()
    {
        return;
    }
    let first = load_settled(sources).and_then(|data| {
        let query = spec.resolve(data.dataset()).map_err(|e| e.to_string())?;
        Ok((data, Box::new(query)))
    });
    let warm = (first.as_ref().ok()).map(|(data, query)| (Arc::clone(data), query.clone()));
    // Each send fails only once the explorer has gone: stop then.
    if outbox.send(Outcome::First(first)).is_err() {
        return;
    }
    // Reloads are worked out ahead for the query the list started with too.
    let Some((data, query)) = warm else { return };
    data.warm(&query);
    while let Ok(request) = inbox.recv() {
        if matches!(request, Request::Changed) && !settle(inbox) {
            return;
        }
        // Whatever else arrived meanwhile is answered by this load.
        while inbox.try_recv().is_ok() {}
        let loaded = load_settled(sources);
        let warm = loaded.as_ref().ok().map(Arc::clone);
        if outbox.send(Outcome::Reloaded(loaded)).is_err() {
            return;
        }
        if let Some(data) = warm {
            data.warm(&query);
        }
    }
}

/// The first contests of a single large file, with the query resolved against them; none
/// when there is no preview or the query does not resolve against it (the first load
/// decides). Cheap next to the load: a few megabytes read.
fn preview(sources: &[DataSource], spec: &QuerySpec) -> Option<Outcome> {
    let threshold = std::env::var(load::preview::THRESHOLD_VARIABLE)
        .ok()
        .and_then(|size| crate::input::parse_size(&size).ok())
        .unwrap_or(load::preview::THRESHOLD);
    let data = terminal::catch_panic(|| load::preview::loaded(sources, threshold).map(Data::new))
        .ok()
        .flatten()?;
    let query = spec.resolve(data.dataset()).ok()?;
    Some(Outcome::Preview(Arc::new(data), Box::new(query)))
}

/// Waits for a burst of changes to end; an explicit reload request cuts the wait short.
/// False if the explorer has gone.
fn settle(inbox: &Receiver<Request>) -> bool {
    let start = Instant::now();
    loop {
        let left = MAX_DELAY.saturating_sub(start.elapsed());
        if left.is_zero() {
            return true;
        }
        match inbox.recv_timeout(QUIET.min(left)) {
            Ok(Request::Changed) => {}
            Ok(Request::Reload) | Err(RecvTimeoutError::Timeout) => return true,
            Err(RecvTimeoutError::Disconnected) => return false,
        }
    }
}

/// Loads and indexes `sources`, reading again if a file changed while it was read. A panic
/// while loading (a bug) is reported as an error, keeping the explorer and its data alive.
fn load_settled(sources: &[DataSource]) -> Result<Arc<Data>, String> {
    let mut attempt = 1;
    loop {
        let before = stamps(sources);
        let result = terminal::catch_panic(|| {
            load::load(sources)
                .map(|loaded| Arc::new(Data::new(loaded)))
                .map_err(|e| e.to_string())
        })
        .and_then(|r| r);
        if attempt == ATTEMPTS || stamps(sources) == before {
            return result;
        }
        attempt += 1;
    }
}

/// Size and modification time of each regular file, to tell whether one changed during a
/// read (a pipe's always changes, and it is read once only).
fn stamps(sources: &[DataSource]) -> Vec<Option<(u64, SystemTime)>> {
    sources
        .iter()
        .filter_map(DataSource::path)
        .map(|p| {
            let m = fs::metadata(p).ok().filter(fs::Metadata::is_file)?;
            Some((m.len(), m.modified().ok()?))
        })
        .collect()
}
