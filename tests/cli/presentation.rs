//! One presentation vocabulary: every bar drawn by one rule to a scale the caller states
//! (things compared share it), and every fact worded one way, in every format.

use crate::support::bars::last_bar as bar_of;
use crate::support::cli::{hustings, stdout};
use crate::support::data::import_ge2019;

#[test]
fn compare_draws_both_charts_to_one_scale() {
    let dir = tempfile::tempdir().unwrap();
    let data = import_ge2019(dir.path());
    for format in ["text", "markdown"] {
        let out = stdout(&[
            "compare",
            "ge2019-w07000049",
            "ge2019-s14000001",
            "--data",
            data.to_str().unwrap(),
            "--format",
            format,
        ]);
        let winner = |name: &str| {
            out.lines()
                .find(|l| l.contains(&format!("✓ {name}")))
                .unwrap_or_else(|| panic!("no {name} in\n{out}"))
                .to_string()
        };
        let (kinnock, blackman) = (winner("Stephen Kinnock"), winner("Kirsty Blackman"));
        assert!(
            kinnock.contains("53.8%") && blackman.contains("54.0%"),
            "{out}"
        );
        let (a, b) = (bar_of(&kinnock), bar_of(&blackman));
        let pa: f64 = share(&kinnock);
        let pb: f64 = share(&blackman);
        // The same cells stand for 100% on both sides: lengths are in the shares' ratio, to
        // within the rounding of one eighth each.
        let expected = b as f64 * pa / pb;
        assert!(
            (a as f64 - expected).abs() <= 1.0 + pa / pb,
            "{format}: {a} vs {b} eighths for {pa}% vs {pb}%\n{kinnock}\n{blackman}"
        );
    }
}

/// The share printed on a chart line (`53.8%`).
fn share(line: &str) -> f64 {
    line.split_whitespace()
        .find_map(|w| w.strip_suffix('%')?.parse().ok())
        .unwrap_or_else(|| panic!("no share in {line}"))
}

#[test]
fn stats_bars_are_proportional_to_within_an_eighth() {
    let dir = tempfile::tempdir().unwrap();
    let data = import_ge2019(dir.path());
    let out = stdout(&["stats", "--by", "party", "--data", data.to_str().unwrap()]);
    let rows: Vec<(f64, usize)> = out
        .lines()
        .skip_while(|l| !l.starts_with("PARTY"))
        .skip(1)
        .filter_map(|l| {
            let seats: f64 = l
                .split("  ")
                .map(str::trim)
                .find(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))?
                .parse()
                .ok()?;
            Some((seats, bar_of(l)))
        })
        .collect();
    assert!(rows.len() > 5, "{out}");
    let (max, longest) = rows
        .iter()
        .fold((0.0, 0), |m, r| if r.0 > m.0 { *r } else { m });
    assert!(max >= 365.0, "{out}");
    for (seats, bar) in &rows {
        let exact = seats / max * longest as f64;
        assert!(
            (*bar as f64 - exact).abs() <= 1.0,
            "{seats} seats drawn {bar} eighths, to scale {exact:.1}\n{out}"
        );
        assert_eq!(
            *seats > 0.0,
            *bar > 0,
            "a bar for every seat won, none for none"
        );
    }
}

#[test]
fn endorser_bars_are_the_win_rate_at_every_width() {
    for columns in ["80", "100", "160"] {
        let out = hustings(&["stats", "--by", "endorser"])
            .env("COLUMNS", columns)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let full = text
            .lines()
            .filter(|l| l.contains(" 100%"))
            .map(bar_of)
            .collect::<Vec<_>>();
        assert!(full.len() >= 3, "{text}");
        assert!(
            full.iter().all(|&b| b == full[0] && b > 0),
            "{columns}: {full:?}\n{text}"
        );
        for line in text.lines() {
            assert!(line.chars().count() <= columns.parse().unwrap(), "{line}");
            if line.contains(" 0%") {
                assert_eq!(bar_of(line), 0, "{line}");
            }
            if line.contains(" 50%") {
                assert!(
                    (bar_of(line) as f64 - full[0] as f64 / 2.0).abs() <= 1.0,
                    "{line}"
                );
            }
        }
    }
}

/// The facts of the `Contest` section of `show`'s text, as (label, value).
pub fn show_facts(id: &str) -> Vec<(String, String)> {
    let text = stdout(&["show", id]);
    let section = text
        .split("\nContest\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no Contest section:\n{text}"));
    let mut facts: Vec<(String, String)> = Vec::new();
    for line in section.lines().take_while(|l| !l.is_empty()) {
        let body = line.trim_start();
        let indent = line.len() - body.len();
        if indent > 2 {
            // A continuation line of the value above.
            let last = facts.last_mut().expect("a fact to continue");
            last.1.push(' ');
            last.1.push_str(body);
        } else {
            let (label, value) = body.split_once("  ").expect("label  value");
            facts.push((label.to_string(), value.trim().to_string()));
        }
    }
    facts
}

/// `text` as Markdown escapes it in running text.
fn markdown_inline(text: &str) -> String {
    let mut out = String::new();
    for ch in text.chars() {
        if matches!(ch, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

#[test]
fn unknowns_and_kinds_are_worded_once_in_text_and_markdown() {
    let ids = crate::support::cli::listed_ids(&stdout(&["list", "--format", "json"]));
    assert_eq!(ids.len(), 17);
    for id in &ids {
        let facts = show_facts(id);
        let markdown = stdout(&["show", id, "--format", "markdown"]);
        for (label, value) in &facts {
            assert!(
                markdown.contains(&format!("- **{label}:** {}", markdown_inline(value))),
                "{id}: {label} {value} not in the Markdown:\n{markdown}"
            );
        }
        let get = |label: &str| {
            facts
                .iter()
                .find(|(l, _)| l == label)
                .map_or_else(|| panic!("{id} has no {label}"), |(_, v)| v.as_str())
        };
        assert!(
            [
                "selection",
                "leadership",
                "general election",
                "by-election",
                "other"
            ]
            .contains(&get("Kind")),
            "{id}"
        );
        for (label, never) in [
            ("Region", ["national", "—", ""]),
            ("Date", ["unknown", "—", ""]),
            ("Turnout", ["—", "unknown", ""]),
        ] {
            assert!(!never.contains(&get(label)), "{id}: {label} {}", get(label));
        }
        assert!(!get("Margin").contains("points"), "{id}: {}", get("Margin"));
    }
    // The words for an unknown region and date are the same in every format.
    let list = stdout(&["list"]);
    assert!(list.contains("undated"), "{list}");
    let leader = show_facts("labour-leadership-2020");
    assert!(
        leader.contains(&("Region".into(), "no region".into())),
        "{leader:?}"
    );
}

#[test]
fn a_party_that_is_also_the_faction_is_named_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = import_ge2019(dir.path());
    let out = stdout(&["show", "ge2019-s14000001", "--data", data.to_str().unwrap()]);
    let line = out
        .lines()
        .find(|l| l.trim_start().starts_with("elected ·"))
        .unwrap_or_else(|| panic!("no particulars line:\n{out}"));
    assert_eq!(line.matches("Scottish National Party").count(), 1, "{line}");
}
