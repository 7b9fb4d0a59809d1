//! Shared setup for the benches: generated datasets at each size, made once per bench binary.
//!
//! Sizes are 10k and 100k contests; set `HUSTINGS_BENCH_1M=1` to add 1M (generating it takes
//! a few seconds and about 4 GB of memory per bench binary).

#![allow(dead_code)] // Each bench binary uses part of this.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use hustings::model::Dataset;
use hustings::query::Index;

/// The allocator the hustings binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod reference;

#[path = "../../examples/generate/synth.rs"]
mod synth;

/// The seed every bench uses, so figures are comparable between runs.
pub const SEED: u64 = 1;

/// Dataset sizes to bench, in contests.
pub fn sizes() -> Vec<usize> {
    let mut sizes = vec![10_000, 100_000];
    if std::env::var_os("HUSTINGS_BENCH_1M").is_some_and(|v| v != "0") {
        sizes.push(1_000_000);
    }
    sizes
}

/// A freshly generated dataset file's bytes.
pub fn fresh_bytes(contests: usize) -> Vec<u8> {
    synth::dataset_bytes(contests, SEED)
}

fn cached<T: Send + Sync + 'static>(
    cache: &'static OnceLock<Mutex<HashMap<usize, &'static T>>>,
    contests: usize,
    make: impl FnOnce() -> T,
) -> &'static T {
    let map = cache.get_or_init(Default::default);
    let mut map = map.lock().unwrap();
    map.entry(contests)
        .or_insert_with(|| Box::leak(Box::new(make())))
}

/// The generated file's bytes, kept for the life of the bench binary.
pub fn bytes(contests: usize) -> &'static [u8] {
    static CACHE: OnceLock<Mutex<HashMap<usize, &'static Vec<u8>>>> = OnceLock::new();
    cached(&CACHE, contests, || fresh_bytes(contests)).as_slice()
}

/// The generated dataset, parsed and checked.
pub fn dataset(contests: usize) -> &'static Dataset {
    static CACHE: OnceLock<Mutex<HashMap<usize, &'static Dataset>>> = OnceLock::new();
    cached(&CACHE, contests, || {
        hustings::load::parse("generated.json", &fresh_bytes(contests))
            .expect("generated data loads")
    })
}

/// The query index of the generated dataset.
pub fn index(contests: usize) -> &'static Index {
    static CACHE: OnceLock<Mutex<HashMap<usize, &'static Index>>> = OnceLock::new();
    cached(&CACHE, contests, || Index::build(dataset(contests)))
}

#[path = "../../examples/generate/open_elections.rs"]
mod open_elections;

/// Results-CSV sizes to bench, in rows: 100k, and 1M with `HUSTINGS_BENCH_1M=1`.
pub fn csv_rows() -> Vec<usize> {
    let mut rows = vec![100_000];
    if std::env::var_os("HUSTINGS_BENCH_1M").is_some_and(|v| v != "0") {
        rows.push(1_000_000);
    }
    rows
}

/// A generated OpenElections-layout results CSV of `rows` rows, written once under the target
/// directory (`target/bench-data/`, beside the bench binaries; never committed) and reused.
pub fn open_elections_csv(rows: usize) -> std::path::PathBuf {
    let exe = std::env::current_exe().expect("the bench binary's path");
    // target/<profile>/deps/<bench binary>
    let target = exe
        .ancestors()
        .nth(3)
        .expect("the bench binary lives under the target directory");
    let dir = target.join("bench-data");
    let path = dir.join(format!("open-elections-{rows}-seed{SEED}.csv"));
    if !path.exists() {
        std::fs::create_dir_all(&dir).expect("create target/bench-data");
        let partial = dir.join(format!("open-elections-{rows}-seed{SEED}.csv.partial"));
        let mut out = std::io::BufWriter::with_capacity(
            1 << 20,
            std::fs::File::create(&partial).expect("create the CSV"),
        );
        open_elections::write_csv(rows, SEED, &mut out).expect("write the CSV");
        std::io::Write::flush(&mut out).expect("write the CSV");
        drop(out);
        std::fs::rename(&partial, &path).expect("move the CSV into place");
    }
    path
}

/// Times drawing one explorer frame of `app` on a 200×50 screen (ratatui's TestBackend).
pub fn bench_frame(bencher: divan::Bencher, app: &hustings::explorer::app::App) {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(200, 50)).unwrap();
    bencher.bench_local(|| {
        terminal
            .draw(|frame| {
                hustings::explorer::ui::render(frame, app);
            })
            .unwrap();
    });
}
