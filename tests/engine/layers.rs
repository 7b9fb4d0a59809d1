//! The folder tree is the architecture: each layer of `src/` uses only the layers below it
//! (lib.rs's doc lists them). This reads every `crate::` path in the sources and fails when a
//! lower layer reaches up.

use std::path::{Path, PathBuf};

/// Layers from the bottom; a layer may use its own and those with a lower rank. `import` turns
/// other formats into the model and `load` opens them through it; `atomic` (writing files) is
/// below everything that writes.
const LAYERS: [(&str, u8); 9] = [
    ("atomic", 0),
    ("model", 1),
    ("import", 2),
    ("load", 3),
    ("query", 4),
    ("stats", 5),
    ("report", 6),
    ("explorer", 7),
    // `hustings` without a subcommand opens the explorer, so the command line may use it.
    ("cli", 8),
];

fn rank(layer: &str) -> Option<u8> {
    LAYERS.iter().find(|(l, _)| *l == layer).map(|(_, r)| *r)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The layers named by `crate::LAYER` paths in `text`, outside `#[cfg(test)]` modules (a unit
/// test may load data through a higher layer to set itself up).
fn used_layers(text: &str) -> Vec<(usize, String)> {
    let code = match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => text,
    };
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let name: String = rest[at + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            found.push((n + 1, name));
            rest = &rest[at + 7..];
        }
    }
    found
}

#[test]
fn no_layer_uses_a_higher_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    let mut checked = 0;
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        let layer = first.to_str().unwrap().trim_end_matches(".rs");
        let Some(own) = rank(layer) else {
            assert!(
                ["lib", "main"].contains(&layer),
                "{} is in no layer: add its folder to LAYERS",
                relative.display()
            );
            continue;
        };
        for (line, used) in used_layers(&std::fs::read_to_string(file).unwrap()) {
            checked += 1;
            let theirs = rank(&used).unwrap_or_else(|| {
                panic!("{}:{line}: crate::{used} is in no layer", file.display())
            });
            if theirs > own {
                wrong.push(format!(
                    "{}:{line}: {layer} uses {used}",
                    relative.display()
                ));
            }
        }
    }
    assert!(
        checked > 300,
        "only {checked} paths found: is the scan reading the sources?"
    );
    assert!(
        wrong.is_empty(),
        "lower layers reach up:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_scan_sees_a_reach_upwards() {
    let text = "use crate::model::Dataset;\nuse crate::report::words;\n// crate::explorer\n#[cfg(test)]\nuse crate::cli;";
    let names: Vec<String> = used_layers(text).into_iter().map(|(_, n)| n).collect();
    assert_eq!(names, ["model", "report"]);
}
