//! The synthetic dataset generator used by the benches: its output always loads, is the same
//! for the same seed, and has the mix of messy data the benches should see.

use hustings::model::{Bound, ContestKind, Status};

#[path = "../../examples/generate/synth.rs"]
pub mod synth;

#[test]
fn output_loads_and_is_deterministic() {
    let bytes = synth::dataset_bytes(1_000, 7);
    assert_eq!(
        bytes,
        synth::dataset_bytes(1_000, 7),
        "same seed, same bytes"
    );
    assert_ne!(
        bytes,
        synth::dataset_bytes(1_000, 8),
        "another seed differs"
    );
    let dataset = hustings::load::parse("generated.json", &bytes).expect("generated data loads");
    assert_eq!(dataset.contests.len(), 1_000);
    assert_eq!(dataset.regions.len(), 12);
    assert_eq!(dataset.factions.len(), 12);
    // The plain serde parse agrees with the streaming fast path on this large input.
    let plain: hustings::model::Dataset = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(plain, dataset);
}

#[test]
fn output_has_the_mix_of_real_data() {
    let dataset = hustings::load::parse("generated.json", &synth::dataset_bytes(2_000, 1)).unwrap();
    let contests = &dataset.contests;
    for kind in ContestKind::ALL {
        assert!(contests.iter().any(|c| c.kind == kind), "{kind:?}");
    }
    let candidates = || contests.iter().flat_map(|c| &c.candidates);
    assert!(contests.iter().any(|c| c.status == Status::Pending));
    assert!(candidates().any(|c| c.votes.is_none()));
    assert!(candidates().any(|c| c.share().is_some_and(|s| s.bound == Bound::Over)));
    assert!(candidates().any(|c| !c.endorsements.is_empty()));
    assert!(contests.iter().any(|c| !c.rounds.is_empty()));
    assert!(contests.iter().any(|c| c.date.is_none()));
    assert!(
        contests
            .iter()
            .all(|c| (2..=12).contains(&c.candidates.len()))
    );
    assert!(contests.iter().all(|c| !c.sources.is_empty()));
    let warnings = hustings::load::integrity::warnings(&dataset);
    assert!(!warnings.is_empty() && warnings.len() < contests.len() / 20);
}

#[test]
fn a_large_file_streams_to_the_same_dataset_and_bad_files_still_explain() {
    use hustings::load::{DataSource, LoadError, load};
    let dir = std::env::temp_dir().join(format!("hustings-generate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.json");
    // Whitespace pads the file past one 8 MiB read chunk, so the streaming reader's first
    // refill falls inside the contests.
    let compact = String::from_utf8(synth::dataset_bytes(500, 3)).unwrap();
    let padding = " ".repeat((8 << 20) - 1000);
    let bytes = compact
        .replacen("\"contests\":[", &format!("\"contests\":[{padding}"), 1)
        .into_bytes();
    std::fs::write(&path, &bytes).unwrap();
    let loaded = load(&[DataSource::File(path.clone())]).unwrap();
    assert_eq!(
        loaded.dataset,
        hustings::load::parse("big.json", &bytes).unwrap()
    );
    // A fault far into the file: the fast path gives up and the plain path locates it.
    let text = String::from_utf8(bytes).unwrap();
    let at = text.rfind("\"elected\":true").unwrap();
    let broken = format!("{}\"elected\":\"yes\"{}", &text[..at], &text[at + 14..]);
    std::fs::write(&path, &broken).unwrap();
    let err = load(&[DataSource::File(path.clone())]).unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    let LoadError::Invalid {
        path: json_path,
        message,
        ..
    } = &err
    else {
        panic!("expected a located error, got {err}");
    };
    assert!(json_path.starts_with("contests[499].candidates"), "{err}");
    assert!(message.contains("invalid type"), "{err}");
}
