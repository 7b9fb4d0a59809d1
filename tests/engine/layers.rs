//! The folder tree is the architecture: each layer of `src/` uses only the layers below it
//! (lib.rs's doc lists them). This reads every `crate::` path in the sources and fails when a
//! lower layer reaches up, and reads every `crate::` and `super::` path to fail when files
//! import each other in a circle, inside a layer too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Layers from the bottom; a layer may use its own and those with a lower rank. `import` turns
/// other formats into the model and `load` opens them through it; `atomic` (writing files) is
/// below everything that writes, and `input` (reading them within bounds) below every reader.
const LAYERS: [(&str, u8); 14] = [
    ("atomic", 0),
    ("huge_pages", 0),
    ("input", 0),
    ("out_of_memory", 0),
    ("side_by_side", 0),
    ("model", 1),
    ("import", 2),
    ("load", 3),
    ("query", 4),
    ("stats", 5),
    // Hex cartograms: placing contests and classifying colours, below their drawing.
    ("map", 6),
    ("report", 7),
    ("explorer", 8),
    // `hustings` without a subcommand opens the explorer, so the command line may use it.
    ("cli", 9),
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

/// `text` up to its `#[cfg(test)]` module: a unit test may load data through a higher layer
/// (or a sibling) to set itself up.
fn without_tests(text: &str) -> &str {
    match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => text,
    }
}

/// The layers named by `crate::LAYER` paths in `text`, outside `#[cfg(test)]` modules.
fn used_layers(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in without_tests(text).lines().enumerate() {
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

/// A module's path from the crate root: `src/load/stream.rs` is `["load", "stream"]`,
/// `src/load/mod.rs` is `["load"]`, `src/lib.rs` is `[]`.
type Module = Vec<String>;

fn module_of(relative: &Path) -> Module {
    let mut parts: Module = relative
        .components()
        .map(|c| c.as_os_str().to_str().unwrap().to_string())
        .collect();
    let file = parts.pop().unwrap();
    let stem = file.trim_end_matches(".rs");
    if !["mod", "lib"].contains(&stem) {
        parts.push(stem.to_string());
    }
    parts
}

/// Every path written in `code` that starts at `crate::` or `super::` (a chain of them too),
/// with `use` trees expanded: `crate::report::{bars, rounds::{self, Row}}` gives
/// `crate::report::bars`, `crate::report::rounds` and `crate::report::rounds::Row`. Each comes
/// with its line, as segments (`["super", "super", "model", "Contest"]`).
fn paths(code: &str) -> Vec<(usize, Vec<String>)> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let rest = &code[at..];
        let starts = rest.starts_with("crate::") || rest.starts_with("super::");
        // Not the tail of a longer name (`$crate::`, `my_crate::`) nor a comment.
        let preceded = at > 0 && {
            let b = bytes[at - 1];
            b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b == b':'
        };
        let line_start = code[..at].rfind('\n').map_or(0, |n| n + 1);
        let in_comment = code[line_start..at].contains("//");
        if starts && !preceded && !in_comment {
            let line = code[..at].matches('\n').count() + 1;
            let (tree, used) = use_tree(rest);
            for path in tree {
                found.push((line, path));
            }
            at += used.max(1);
        } else {
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

/// The paths of one use tree (or plain path) at the start of `text`, and its length in bytes.
fn use_tree(text: &str) -> (Vec<Vec<String>>, usize) {
    let mut prefix = Vec::new();
    let mut at = 0;
    loop {
        let rest = text[at..].trim_start();
        at = text.len() - rest.len();
        if rest.starts_with('{') {
            let mut out = Vec::new();
            at += 1;
            loop {
                let trimmed = text[at..].trim_start();
                at = text.len() - trimmed.len();
                if trimmed.starts_with('}') {
                    return (out, at + 1);
                }
                if trimmed.starts_with(',') {
                    at += 1;
                    continue;
                }
                let (inner, used) = use_tree(trimmed);
                for path in inner {
                    let mut full = prefix.clone();
                    // `{self, ...}` names the prefix itself.
                    if path != ["self"] {
                        full.extend(path);
                    }
                    out.push(full);
                }
                at += used.max(1);
                if at >= text.len() {
                    return (out, text.len());
                }
            }
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            return (vec![prefix], at);
        }
        at += name.len();
        prefix.push(name);
        if text[at..].starts_with("::") {
            at += 2;
        } else {
            return (vec![prefix], at);
        }
    }
}

/// The module a path written in `from` names: `crate::` and each `super::` fix where it
/// starts, then it goes as deep as there are module files (`crate::model::Contest` names
/// `model`, `super::split::split` names the sibling `split`).
fn target(from: &Module, path: &[String], modules: &BTreeSet<Module>) -> Option<Module> {
    let mut base: Module = Vec::new();
    let mut rest = path;
    if rest.first().is_some_and(|s| s == "crate") {
        rest = &rest[1..];
    } else {
        base.clone_from(from);
        while rest.first().is_some_and(|s| s == "super") {
            base.pop()?;
            rest = &rest[1..];
        }
    }
    for segment in rest {
        let mut deeper = base.clone();
        deeper.push(segment.clone());
        if !modules.contains(&deeper) {
            break;
        }
        base = deeper;
    }
    Some(base)
}

/// Which modules each module file imports, with the first line that does.
///
/// What counts as an import: any `crate::` or `super::` path outside comments and
/// `#[cfg(test)]` code, in a `use` or written inline, resolved to the deepest module file it
/// reaches. What does not: a path into the module's own subtree (a `mod.rs` declaring and
/// re-exporting its children is the tree itself, not a dependency), and `self::` paths, which
/// only ever lead down. A child naming its parent does count (`super::Thing` needs the parent),
/// so a parent may only re-export its children, not use what they in turn take from it. An
/// item reached through a re-export counts as the module that re-exports it.
fn imports(files: &BTreeMap<Module, String>) -> BTreeMap<Module, BTreeMap<Module, usize>> {
    let modules: BTreeSet<Module> = files.keys().cloned().collect();
    let mut graph = BTreeMap::new();
    for (from, text) in files {
        let edges: &mut BTreeMap<Module, usize> = graph.entry(from.clone()).or_default();
        for (line, path) in paths(without_tests(text)) {
            let Some(to) = target(from, &path, &modules) else {
                continue;
            };
            if !to.starts_with(from) {
                edges.entry(to).or_insert(line);
            }
        }
    }
    graph
}

/// Every circle of imports, each once, as the modules in order from its smallest.
fn circles(graph: &BTreeMap<Module, BTreeMap<Module, usize>>) -> Vec<Vec<Module>> {
    let mut found = BTreeSet::new();
    // From each module, walk depth first; a path back to the start is a circle. The graph
    // is a few hundred files with few edges each, so this is instant.
    for start in graph.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, trail)) = stack.pop() {
            for next in graph.get(&at).into_iter().flat_map(BTreeMap::keys) {
                if next == start {
                    // Reported once, from its smallest module.
                    if trail.iter().min() == Some(start) {
                        found.insert(trail.clone());
                    }
                } else if next > start && seen.insert(next.clone()) {
                    let mut longer = trail.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    found.into_iter().collect()
}

fn show(module: &Module) -> String {
    if module.is_empty() {
        "crate".to_string()
    } else {
        module.join("::")
    }
}

fn sources() -> BTreeMap<Module, String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .iter()
        .filter(|f| !f.ends_with("main.rs") || f.parent() != Some(src.as_path()))
        .map(|f| {
            let module = module_of(f.strip_prefix(&src).unwrap());
            (module, std::fs::read_to_string(f).unwrap())
        })
        .collect()
}

#[test]
fn no_files_import_each_other_in_a_circle() {
    let graph = imports(&sources());
    let edges: usize = graph.values().map(BTreeMap::len).sum();
    assert!(
        edges > 300,
        "only {edges} imports found: is the scan reading the sources?"
    );
    let described: Vec<String> = circles(&graph)
        .iter()
        .map(|circle| {
            let steps: Vec<String> = circle
                .iter()
                .zip(circle.iter().cycle().skip(1))
                .map(|(from, to)| {
                    format!(
                        "{} uses {} (line {})",
                        show(from),
                        show(to),
                        graph[from][to]
                    )
                })
                .collect();
            steps.join("; ")
        })
        .collect();
    assert!(
        described.is_empty(),
        "files import each other in a circle:\n{}",
        described.join("\n")
    );
}

/// A tree of files from `(module path, text)` pairs, as `sources` reads them.
fn tree(files: &[(&str, &str)]) -> BTreeMap<Module, String> {
    files
        .iter()
        .map(|(path, text)| (module_of(Path::new(path)), text.to_string()))
        .collect()
}

#[test]
fn the_scan_sees_a_circle_between_siblings_and_through_a_use_tree() {
    let files = tree(&[
        ("lib.rs", "pub mod load;"),
        (
            "load/mod.rs",
            "mod parallel;\nmod stream;\npub use stream::from_slice;",
        ),
        ("load/parallel.rs", "use super::stream::{GiveUp, trim};"),
        (
            "load/stream.rs",
            "use crate::load::{split, parallel::{self, Batch}};\n#[cfg(test)]\nuse super::x;",
        ),
        (
            "load/split.rs",
            "fn f() { crate::model::require_object::whole(b\"\"); }",
        ),
        ("model/mod.rs", "pub mod require_object;"),
        ("model/require_object.rs", ""),
    ]);
    let graph = imports(&files);
    let stream = module_of(Path::new("load/stream.rs"));
    let parallel = module_of(Path::new("load/parallel.rs"));
    let split = module_of(Path::new("load/split.rs"));
    let stream_uses: Vec<&Module> = graph[&stream].keys().collect();
    assert_eq!(stream_uses, [&parallel, &split]);
    assert_eq!(
        graph[&split].keys().collect::<Vec<_>>(),
        [&vec!["model".to_string(), "require_object".to_string()]]
    );
    assert_eq!(circles(&graph), [vec![parallel, stream]]);
}

#[test]
fn a_parent_re_exporting_its_children_is_no_circle() {
    let files = tree(&[
        (
            "query/mod.rs",
            "mod index;\npub use index::Index;\npub struct Query;",
        ),
        (
            "query/index.rs",
            "use super::Query;\nuse super::super::model::Contest;",
        ),
        (
            "model/mod.rs",
            "pub struct Contest;\nuse crate::query::Query;",
        ),
    ]);
    let graph = imports(&files);
    let index = module_of(Path::new("query/index.rs"));
    assert!(graph[&vec!["query".to_string()]].is_empty());
    assert_eq!(graph[&index].len(), 2);
    // model uses query, and query's child index uses model; but query holds index rather
    // than importing it, so no file needs one that needs it back.
    assert!(circles(&graph).is_empty());
}
