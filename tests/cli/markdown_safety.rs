//! Markdown from a hostile file: every cell is escaped as running text is, so no HTML tag,
//! image, link or entity from the data is rendered as such, and only http(s) addresses become
//! links. tests/data/injection.json holds the markup.

use crate::support::cli::stdout;

fn injection() -> String {
    crate::support::data::injection().display().to_string()
}

fn markdown(args: &[&str]) -> String {
    let data = injection();
    let mut all = args.to_vec();
    all.extend(["--data", &data, "--format", "markdown"]);
    stdout(&all)
}

/// Panics at any markup from the data that a Markdown renderer would act on.
fn assert_inert(what: &str, md: &str) {
    // What is left once escaped characters (`\<`, `\[`…) and code blocks (the charts, where
    // names are literal text) are taken out. A block ends only at its own fence.
    let mut prose = String::new();
    let mut fence: Option<&str> = None;
    for line in md.lines() {
        match fence {
            Some(f) if line == f => fence = None,
            Some(_) => {}
            None if line.starts_with("```") => {
                fence = Some(line.trim_end_matches(|c: char| c != '`'));
            }
            None => prose.push_str(&format!("{line}\n")),
        }
    }
    assert_eq!(fence, None, "{what}: a code block is not closed:\n{md}");
    let unescaped = ["\\<", "\\>", "\\[", "\\]", "\\*"]
        .iter()
        .fold(prose, |text, escaped| text.replace(escaped, ""));
    for raw in [
        "<img",
        "<script",
        "<b>",
        "<i>",
        "](javascript",
        "](data",
        "![",
        "**strong",
    ] {
        assert!(
            !unescaped.contains(raw),
            "{what}: {raw:?} unescaped in\n{md}"
        );
    }
    // An entity only ever escaped (`\&#x202e;` is text).
    assert!(
        !unescaped.replace("\\&#", "").contains("&#"),
        "{what}: entity in\n{md}"
    );
    // Every table row has as many cells as its header: no pipe from the data splits one.
    let mut columns = None;
    for line in unescaped.lines() {
        if !line.starts_with('|') {
            columns = None;
            continue;
        }
        let pipes = line.matches('|').count() - line.matches("\\|").count();
        match columns {
            None => columns = Some(pipes),
            Some(n) => assert_eq!(pipes, n, "{what}: a row with other columns: {line}"),
        }
    }
}

#[test]
fn markup_in_the_data_is_text_in_every_markdown_table() {
    let runs: [&[&str]; 6] = [
        &["list"],
        &["show", "markup"],
        &["compare", "markup", "plain"],
        &["stats", "--by", "faction"],
        &["stats", "--by", "region"],
        &["stats", "--by", "endorser"],
    ];
    for args in runs {
        let md = markdown(args);
        assert_inert(&format!("{args:?}"), &md);
    }
    let list = markdown(&["list"]);
    assert!(
        list.contains("Harbour \\<img src=x onerror=alert(1)\\> \\[click\\](javascript:alert(1))"),
        "{list}"
    );
    let show = markdown(&["show", "markup"]);
    assert!(
        show.contains(
            "Ann \\<b\\>bold\\</b\\> \\*\\*strong\\*\\* \\| pipe \\&#x202e; \\`\\`\\`tick"
        ),
        "{show}"
    );
}

#[test]
fn only_web_addresses_become_links() {
    let show = markdown(&["show", "markup"]);
    assert!(show.contains("- Evil (javascript:alert(1))\n"), "{show}");
    assert!(
        show.contains("- Data (data:text/html,\\<script\\>alert(1)\\</script\\>)\n"),
        "{show}"
    );
    assert!(
        show.contains("- [Odd \\<web\\>](<HTTPS://example.org/a%20b%3Ec>)\n"),
        "{show}"
    );
}
