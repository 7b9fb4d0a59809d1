//! Parsing the contests array on several threads: the reading thread splits off batches of
//! whole contests (see `split`) and the parsing threads take them in turn, so their results
//! join back in file order. Parsing is most of the work of loading a large file, and the
//! split is a small part of it, so this uses every core.

use std::sync::mpsc::{self, Receiver, SyncSender, TryRecvError};
use std::thread;

use super::batch::{Batch, GiveUp};
use crate::model::Contest;

/// How many threads to parse on: one per core, as the split is light. One core parses on
/// the reading thread instead (no threads at all).
pub(super) fn parsers() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// Parses the batches `next` gives (each with whether it was the last) on `parsers` threads
/// and returns the contests in order; `size` is about how many bytes they come to. Gives up
/// at the first batch that fails, either in `next` or in a parser; the threads are stopped
/// before this returns.
pub(super) fn parse(
    parsers: usize,
    size: usize,
    mut next: impl FnMut() -> Result<(Batch, bool), GiveUp>,
) -> Result<Vec<Contest>, GiveUp> {
    thread::scope(|scope| {
        let mut to_parsers: Vec<SyncSender<Batch>> = Vec::with_capacity(parsers);
        let mut from_parsers: Vec<Receiver<Result<Vec<Contest>, GiveUp>>> =
            Vec::with_capacity(parsers);
        for _ in 0..parsers {
            // One batch waiting per thread bounds the file's bytes held in memory.
            let (batch_tx, batch_rx) = mpsc::sync_channel::<Batch>(1);
            let (parsed_tx, parsed_rx) = mpsc::channel();
            scope.spawn(move || {
                // Ends when the batches stop (all sent, or the reader gave up) or the
                // reader has gone.
                for batch in batch_rx {
                    let parsed = batch.parse();
                    let failed = parsed.is_err();
                    if parsed_tx.send(parsed).is_err() || failed {
                        break;
                    }
                }
            });
            to_parsers.push(batch_tx);
            from_parsers.push(parsed_rx);
        }
        let mut contests = Vec::new();
        let (mut sent, mut joined) = (0, 0);
        let mut done = false;
        while !done {
            let batch;
            (batch, done) = next()?;
            if sent == 0 {
                reserve(&mut contests, &batch, size);
            }
            to_parsers[sent % parsers].send(batch).map_err(|_| GiveUp)?;
            sent += 1;
            // Join what is ready, in order, so the list grows while the file is read.
            while joined < sent {
                match from_parsers[joined % parsers].try_recv() {
                    Ok(parsed) => contests.extend(parsed?),
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => return Err(GiveUp),
                }
                joined += 1;
            }
        }
        // No more batches: each parser stops once its queue is empty.
        drop(to_parsers);
        while joined < sent {
            let parsed = from_parsers[joined % parsers].recv().map_err(|_| GiveUp)?;
            contests.extend(parsed?);
            joined += 1;
        }
        Ok(contests)
    })
}

/// Makes room for all the contests at once, guessing their number from the first batch's
/// bytes per contest. Growing the list by doubling instead would copy it several times over,
/// on this one thread, into fresh memory the system must zero first; room reserved but
/// never used costs address space only.
fn reserve(contests: &mut Vec<Contest>, first: &Batch, size: usize) {
    let per_contest = first.text.len() / first.contests.len();
    // A quarter more, for contests longer than the first ones; and at most one contest per
    // 64 bytes (a real one is longer), so a strange first batch cannot ask for absurd room.
    let guess = size / per_contest.max(64);
    let _ = contests.try_reserve_exact(guess.saturating_add(guess / 4));
}
