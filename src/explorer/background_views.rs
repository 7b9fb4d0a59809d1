//! Working out a large list's view data off the UI thread (`Effect::WorkOut`), so a key on
//! the scoreboard or the changes matrix never waits for an aggregate of 200,000 contests.
//! One thread works out one request at a time; of the requests waiting when it is free, only
//! the newest is worked out (the others are for rows the user has already moved on from).

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crate::explorer::aggregates::{Request, Worked};
use crate::explorer::terminal;

/// The worker thread: requests in, results out.
pub struct ViewWorker {
    requests: Sender<Request>,
    results: Receiver<Worked>,
}

impl ViewWorker {
    /// Starts the thread; it ends when the worker is dropped (once done with a request).
    pub fn start() -> ViewWorker {
        let (requests, inbox) = mpsc::channel();
        let (outbox, results) = mpsc::channel();
        thread::Builder::new()
            .name("hustings-views".into())
            .spawn(move || serve(&inbox, &outbox))
            .expect("the views thread starts");
        ViewWorker { requests, results }
    }

    /// Asks for a view's data; a request still waiting is superseded by it.
    pub fn ask(&self, request: Request) {
        // Fails only once the thread has gone, when nothing is listening for the result.
        let _ = self.requests.send(request);
    }

    /// A result, if one is ready.
    pub fn try_recv(&self) -> Option<Worked> {
        self.results.try_recv().ok()
    }

    /// Waits for the next result (for benches and tests); `None` if the thread has gone.
    pub fn recv(&self) -> Option<Worked> {
        self.results.recv().ok()
    }
}

fn serve(inbox: &Receiver<Request>, outbox: &Sender<Worked>) {
    while let Ok(mut request) = inbox.recv() {
        // Only the newest of the requests waiting is still wanted.
        while let Ok(newer) = inbox.try_recv() {
            request = newer;
        }
        // A bug in an aggregate costs that view its data, never the explorer; the view is
        // told, so it stops waiting and says so.
        let worked =
            terminal::catch_panic(|| request.work_out()).unwrap_or_else(|_| request.failed());
        if outbox.send(worked).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::explorer::aggregates::Aggregate;
    use crate::explorer::data::Data;
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
            rows: rows.to_vec(),
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
}
