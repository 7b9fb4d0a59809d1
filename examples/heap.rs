//! What the loaded model holds on the heap, per contest: the figure behind the memory rows of
//! BENCHMARKS.md, counted exactly (no allocator overhead) by wrapping the system allocator:
//!
//!     cargo run --release --example generate -- --contests 20000 --seed 1 > 20k.json
//!     cargo run --release --example heap -- 20k.json
//!
//! and then what the explorer holds beside the model: its index, seats, counts and the work it
//! does ahead (`Data::new`, `Data::warm`).

// In a developer's tool, an unwrap is an assertion: a failure should stop it loudly.
#![allow(clippy::unwrap_used)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use hustings::model::{Candidate, Contest, Source};

/// The system allocator, counting the bytes and blocks live.
struct Counting;

static BYTES: AtomicUsize = AtomicUsize::new(0);
static BLOCKS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on unchanged to the system allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        BYTES.fetch_add(layout.size(), Relaxed);
        BLOCKS.fetch_add(1, Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        BYTES.fetch_sub(layout.size(), Relaxed);
        BLOCKS.fetch_sub(1, Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let path = std::env::args().nth(1).expect("usage: heap FILE.json");
    let bytes = std::fs::read(&path).unwrap();
    let (bytes_before, blocks_before) = (BYTES.load(Relaxed), BLOCKS.load(Relaxed));
    let dataset = hustings::load::parse(&path, &bytes).unwrap();
    let heap = BYTES.load(Relaxed) - bytes_before;
    let blocks = BLOCKS.load(Relaxed) - blocks_before;
    let n = dataset.contests.len().max(1) as f64;
    let candidates: usize = dataset.contests.iter().map(|c| c.candidates.len()).sum();
    let sources: usize = dataset.contests.iter().map(|c| c.sources.len()).sum();
    println!(
        "{} contests, {:.0} bytes of JSON each",
        dataset.contests.len(),
        bytes.len() as f64 / n
    );
    println!(
        "heap: {:.0} bytes a contest in {:.1} blocks",
        heap as f64 / n,
        blocks as f64 / n
    );
    println!(
        "of which fixed structs: Contest {} B, {:.2} Candidates of {} B, {:.2} Sources of {} B",
        size_of::<Contest>(),
        candidates as f64 / n,
        size_of::<Candidate>(),
        sources as f64 / n,
        size_of::<Source>()
    );
    drop(dataset);
    let before = BYTES.load(Relaxed);
    let source = hustings::load::DataSource::File(path.into());
    let loaded = hustings::load::load(&[source]).unwrap();
    let model = BYTES.load(Relaxed) - before;
    let data = hustings::explorer::app::Data::new(loaded);
    data.warm(&hustings::query::Query::default());
    let explorer = BYTES.load(Relaxed) - before - model;
    println!(
        "loaded (with warnings): {:.0} bytes a contest; the explorer's data beside it: {:.0}",
        model as f64 / n,
        explorer as f64 / n
    );
}
