//! Files of other formats opened as a journalist would, `hustings FILE`, recognised by their
//! content: a NIST SP 1500-100 report (XML) and the House of Commons Library's candidate CSV.

use std::path::PathBuf;

use crate::support::data::real_data;
use crate::support::tmux::Tmux;

#[test]
fn a_nist_report_opens_in_the_explorer() {
    let tmux = Tmux::start("nist", 140, 40);
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/nist/ge2019-seats.xml");
    tmux.launch(&format!("--no-watch {}", file.display()));
    let screen = tmux.wait_text("5 of 5 contests");
    assert!(
        screen.contains("Aberavon") && screen.contains("Belfast East"),
        "{screen}"
    );
    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}

#[test]
fn the_library_candidate_csv_opens_in_the_explorer() {
    let tmux = Tmux::start("hoc-csv", 140, 40);
    let file = real_data("HoC-GE2019-results-by-candidate.csv");
    tmux.launch(&format!("--no-watch {}", file.display()));
    let screen = tmux.wait_text("650 of 650 contests");
    assert!(screen.contains("Aberavon"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}
