//! Work too large for a frame, done off the UI thread: a large list's view data
//! (`Effect::WorkOut`), so a key on the scoreboard or the changes matrix never waits for an
//! aggregate of 200,000 contests, and a search of a large dataset (`Effect::Search`), so a
//! letter typed shows at once. Each kind has a thread of its own, which works out one request
//! at a time; of the requests waiting when it is free, only the newest is worked out (the
//! others are for rows or a search the user has already moved on from).

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crate::explorer::terminal;

/// A request a worker thread answers.
pub trait Job: Send + 'static {
    type Answer: Send + 'static;
    /// The thread's name.
    const THREAD: &'static str;
    fn work_out(&self) -> Self::Answer;
    /// An answer in part that can be had at once, sent ahead of the whole one (a search's
    /// first screenful of rows).
    fn early(&self) -> Option<Self::Answer> {
        None
    }
    /// The answer when working it out failed (a bug, caught on the worker thread).
    fn failed(&self) -> Self::Answer;
}

/// The worker thread of one kind of job: requests in, answers out.
pub struct Worker<J: Job> {
    requests: Sender<J>,
    answers: Receiver<J::Answer>,
}

impl<J: Job> Worker<J> {
    /// Starts the thread; it ends when the worker is dropped (once done with a request).
    pub fn start() -> Worker<J> {
        Worker::start_waking(|| {})
    }

    /// Starts the thread, which calls `wake` after each answer it sends (the event loop's
    /// nudge, so the answer is shown at once).
    pub fn start_waking(wake: impl Fn() + Send + 'static) -> Worker<J> {
        let (requests, inbox) = mpsc::channel();
        let (outbox, answers) = mpsc::channel();
        thread::Builder::new()
            .name(J::THREAD.into())
            .spawn(move || serve(&inbox, &outbox, &wake))
            .expect("a worker thread starts");
        Worker { requests, answers }
    }

    /// Asks for a job to be done; a request still waiting is superseded by it.
    pub fn ask(&self, request: J) {
        // Fails only once the thread has gone, when nothing is listening for the answer.
        let _ = self.requests.send(request);
    }

    /// An answer, if one is ready.
    pub fn try_recv(&self) -> Option<J::Answer> {
        self.answers.try_recv().ok()
    }

    /// Waits for the next answer (for benches and tests); `None` if the thread has gone.
    pub fn recv(&self) -> Option<J::Answer> {
        self.answers.recv().ok()
    }
}

fn serve<J: Job>(inbox: &Receiver<J>, outbox: &Sender<J::Answer>, wake: &impl Fn()) {
    while let Ok(mut request) = inbox.recv() {
        // Only the newest of the requests waiting is still wanted.
        while let Ok(newer) = inbox.try_recv() {
            request = newer;
        }
        // A bug in the early answer costs only it: the whole answer follows.
        if let Ok(Some(early)) = terminal::catch_panic(|| request.early()) {
            if outbox.send(early).is_err() {
                return;
            }
            wake();
        }
        // A bug costs that request its answer, never the explorer; the app is told, so it
        // stops waiting and says so.
        let answer =
            terminal::catch_panic(|| request.work_out()).unwrap_or_else(|_| request.failed());
        if outbox.send(answer).is_err() {
            return;
        }
        wake();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::explorer::aggregates::{Aggregate, Request, ViewWorker, Worked};
    use crate::explorer::data::Data;
    use crate::explorer::search::{self, SearchWorker};
    use crate::load::{self, DataSource};
    use crate::query::Query;

    /// Answers come back in the order asked, each the data worked out for its request; of
    /// two asked at once the newer is always answered (the older may be skipped).
    #[test]
    fn the_worker_answers_the_newest_request() {
        let data = Arc::new(Data::new(load::load(&[DataSource::Embedded]).unwrap()));
        let rows = data.list(&Query::default(), false);
        let ask = |version, which, rows: &[usize]| Request {
            version,
            which,
            data: Arc::clone(&data),
            rows: Arc::new(rows.to_vec()),
            maps: Arc::new(crate::map::builtin::all()),
        };
        let (older, newer) = (
            ask(1, Aggregate::Scoreboard, &rows),
            ask(2, Aggregate::Changes, &rows[..rows.len() / 2]),
        );
        let worker = ViewWorker::start();
        worker.ask(older.clone());
        worker.ask(newer.clone());
        let mut answers = vec![worker.recv().unwrap()];
        if answers[0].version == 1 {
            answers.push(worker.recv().unwrap());
        }
        let expected: Vec<Worked> = [older, newer]
            .iter()
            .rev()
            .take(answers.len())
            .rev()
            .map(Request::work_out)
            .collect();
        assert_eq!(answers, expected);
        assert!(worker.try_recv().is_none());
    }

    /// The search worker lists what the list lists for the query asked (sorted as asked).
    #[test]
    fn the_search_worker_lists_the_querys_rows() {
        let data = Arc::new(Data::new(load::load(&[DataSource::Embedded]).unwrap()));
        let mut query = Query::default();
        query.filter.search = "sto".into();
        query.sort.reverse = true;
        let worker = SearchWorker::start();
        worker.ask(search::Request {
            version: 7,
            data: Arc::clone(&data),
            query: query.clone(),
            by_change: false,
            first: 0,
        });
        let found = worker.recv().unwrap();
        let rows = data.list(&query, false);
        assert!(!rows.is_empty() && rows.len() < data.index.len());
        assert_eq!(
            found,
            search::Found {
                version: 7,
                rows: Some(rows),
                complete: true,
            }
        );
    }

    /// Asked for a first screenful, the search worker sends it ahead of every row (once the
    /// list's order is made), and then every row.
    #[test]
    fn the_search_worker_sends_the_first_rows_ahead() {
        let data = Arc::new(Data::new(load::load(&[DataSource::Embedded]).unwrap()));
        let mut query = Query::default();
        query.filter.search = "e".into();
        query.sort = crate::query::Sort {
            key: crate::query::SortKey::Title,
            reverse: false,
        };
        let rows = data.list(&query, false);
        assert!(rows.len() > 4, "{rows:?}");
        let worker = SearchWorker::start();
        let ask = |version| {
            worker.ask(search::Request {
                version,
                data: Arc::clone(&data),
                query: query.clone(),
                by_change: false,
                first: 4,
            });
        };
        // The order by title is made the first time a list of many is sorted by it: until
        // then, every row at once.
        ask(1);
        assert!(worker.recv().unwrap().complete);
        data.index.warm_orders(false);
        ask(2);
        let (early, whole) = (worker.recv().unwrap(), worker.recv().unwrap());
        assert_eq!(
            (early, whole),
            (
                search::Found {
                    version: 2,
                    rows: Some(rows[..4].to_vec()),
                    complete: false,
                },
                search::Found {
                    version: 2,
                    rows: Some(rows),
                    complete: true,
                }
            )
        );
    }

    /// A waking worker calls its waker after each answer, once the answer can be taken: the
    /// event loop, nudged, finds it at once.
    #[test]
    fn a_waking_worker_wakes_after_each_answer() {
        let data = Arc::new(Data::new(load::load(&[DataSource::Embedded]).unwrap()));
        let (woken, wakes) = std::sync::mpsc::channel();
        let worker = SearchWorker::start_waking(move || woken.send(()).unwrap());
        for version in 1..=2 {
            worker.ask(search::Request {
                version,
                data: Arc::clone(&data),
                query: Query::default(),
                by_change: false,
                first: 0,
            });
            wakes.recv().unwrap();
            let found = worker
                .try_recv()
                .expect("the answer is there when the wake comes");
            assert_eq!(found.version, version);
        }
    }
}
