//! `show` as plain text: title, bar chart, candidates, facts, rounds, warnings, sources, notes.

use std::io::{self, Write};

use crate::model::Contest;
use crate::report::bars::Bar;
use crate::report::cells::{grid_lines, hanging, truncate, width};
use crate::report::change::{self, BarChanges, ChangeSection};
use crate::report::style::{MIN_WIDTH, Paint, TextStyle};
use crate::report::{Detail, round_words, rounds, routes, versions, warnings_of};
use crate::report::{facts, selection};

/// `show`: one contest in full, with a bar chart of the vote shares.
pub fn show(out: &mut impl Write, d: &Detail, style: &TextStyle) -> io::Result<()> {
    let c = d.contest;
    let w = style.width.max(MIN_WIDTH);
    writeln!(out, "{}", style.paint(&facts::title(c), Paint::Bold))?;
    paragraph(out, &facts::headline(d.dataset, c).join(" · "), "", w)?;

    heading(out, "Vote shares", style)?;
    if c.candidates.is_empty() {
        writeln!(out, "  {}", facts::no_candidates(c))?;
    } else {
        let bars = facts::chart(c);
        let marks = change::for_bars(d, &bars);
        let cols = chart_cells(&[&bars], w, style.whole_lines).with_change(marks.as_ref());
        for line in chart(d, &bars, cols, marks.as_ref(), style) {
            writeln!(out, "{line}")?;
        }
        for note in facts::no_ballot(c)
            .map(str::to_string)
            .into_iter()
            .chain(facts::denominator_note(c))
            .chain(marks.map(|m| m.note))
            .chain(facts::legend(&bars).into_iter().map(str::to_string))
        {
            paragraph(out, &note, "  ", w)?;
        }

        heading(out, "Candidates", style)?;
        for row in facts::candidates(d.dataset, c) {
            writeln!(out, "  {}", style.paint(&row.name, Paint::Bold))?;
            for line in [
                Some(row.particulars()),
                row.endorsed(),
                row.description.clone(),
            ]
            .into_iter()
            .flatten()
            {
                paragraph(out, &line, "    ", w)?;
            }
        }
    }
    selection_sections(out, c, style, w)?;

    heading(out, "Contest", style)?;
    let facts = facts::facts(d.dataset, c);
    let label_width = facts.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
    for (label, value) in &facts {
        let lead = format!("  {label:<label_width$}  ");
        hanging_lines(out, value, &lead, &" ".repeat(width(&lead)), w)?;
    }
    if let Some(change) = change::for_detail(d) {
        heading(out, "Change", style)?;
        change_section(out, &change, w)?;
    }
    let inferred = selection::inferred_notes(c);
    if !inferred.is_empty() {
        heading(out, "Inferred", style)?;
        for note in &inferred {
            hanging_lines(out, note, "  ", "    ", w)?;
        }
    }

    let rounds = rounds::lines(c);
    if !rounds.is_empty() {
        heading(out, "Rounds", style)?;
        let filled = crate::report::count_summary::seats_filled(c);
        if !filled.is_empty() {
            writeln!(out, "  {}", round_words::SEATS_FILLED_HEADING)?;
            for seat in &filled {
                hanging_lines(out, &seat.said(), "  - ", "    ", w)?;
            }
            writeln!(out)?;
        }
        for line in round_table(&rounds::table(c), w) {
            writeln!(out, "{}", line.trim_end())?;
        }
        writeln!(out)?;
        for line in &rounds {
            hanging_lines(out, line, "  ", "    ", w)?;
        }
    }
    let warnings = warnings_of(d.warnings, d.index);
    if !warnings.is_empty() {
        heading(out, "Warnings", style)?;
        for warning in &warnings {
            for line in hanging(warning, "  ! ", "    ", w) {
                writeln!(out, "{}", style.paint(&line, Paint::Warn))?;
            }
        }
    }
    if let Some(of) = &d.versions {
        heading(out, versions::HEADING, style)?;
        for line in versions::lines(d.dataset, of) {
            hanging_lines(out, &line, "  - ", "    ", w)?;
        }
    }
    heading(out, "Sources", style)?;
    if c.sources.is_empty() {
        writeln!(out, "  none cited")?;
    }
    for source in &c.sources {
        hanging_lines(out, &facts::source_text(source), "  - ", "    ", w)?;
        if let Some(url) = &source.url {
            writeln!(out, "    {url}")?;
        }
    }
    if let Some(notes) = &c.notes {
        heading(out, "Notes", style)?;
        paragraph(out, notes, "  ", w)?;
    }
    Ok(())
}

/// The change since the seat's previous contest: heading, facts, the party table, notes.
pub fn change_section(out: &mut impl Write, change: &ChangeSection, w: usize) -> io::Result<()> {
    paragraph(out, &change.heading, "  ", w)?;
    let label_width = change
        .facts
        .iter()
        .map(|(l, _)| width(l))
        .max()
        .unwrap_or(0);
    for (label, value) in &change.facts {
        let lead = format!("  {label:<label_width$}  ");
        hanging_lines(out, value, &lead, &" ".repeat(width(&lead)), w)?;
    }
    if !change.rows.is_empty() {
        writeln!(out)?;
        let grid: Vec<Vec<String>> = std::iter::once(change.header().to_vec())
            .chain(change.rows.iter().map(|r| r.to_vec()))
            .collect();
        for line in grid_lines(&grid) {
            writeln!(out, "  {line}")?;
        }
    }
    for note in &change.notes {
        paragraph(out, note, "  ", w)?;
    }
    Ok(())
}

/// The stages one by one and the nominations per body, with bars toward each threshold.
fn selection_sections(
    out: &mut impl Write,
    c: &Contest,
    style: &TextStyle,
    w: usize,
) -> io::Result<()> {
    let stages = selection::stages(c);
    if !stages.is_empty() {
        heading(out, "Stages", style)?;
        for stage in &stages {
            hanging_lines(out, &stage.line(), "  ", "    ", w)?;
            if let Some(notes) = &stage.notes {
                paragraph(out, notes, "    ", w)?;
            }
        }
    }
    let tables = selection::nominations(c);
    if !tables.is_empty() {
        heading(out, selection::NOMINATIONS_HEADING, style)?;
        for table in &tables {
            hanging_lines(out, &table.heading, "  ", "    ", w)?;
            if let Some(description) = &table.description {
                paragraph(out, description, "    ", w)?;
            }
            if table.rows.is_empty() {
                writeln!(out, "    none reported")?;
            }
            for (lead, words) in table.lines(selection::bar_cells(w)) {
                let lead = format!("    {lead}");
                hanging_lines(out, &words, &lead, &" ".repeat(width(&lead)), w)?;
            }
        }
        if let Some(routes) = routes::routes(c) {
            hanging_lines(out, &routes.heading, "  ", "    ", w)?;
            for rule in &routes.rules {
                paragraph(out, rule, "    ", w)?;
            }
            for r in &routes.candidates {
                let lead = format!("    {} ", r.mark());
                hanging_lines(out, &r.sentence(), &lead, &" ".repeat(width(&lead)), w)?;
            }
        }
    }
    Ok(())
}

fn heading(out: &mut impl Write, title: &str, style: &TextStyle) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", style.paint(title, Paint::Bold))
}

/// `text` wrapped to `w` columns, each line after `indent`.
fn paragraph(out: &mut impl Write, text: &str, indent: &str, w: usize) -> io::Result<()> {
    hanging_lines(out, text, indent, indent, w)
}

fn hanging_lines(
    out: &mut impl Write,
    text: &str,
    first: &str,
    rest: &str,
    w: usize,
) -> io::Result<()> {
    for line in hanging(text, first, rest, w) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The widest name and labels among `charts`, so charts drawn together line up.
pub struct ChartColumns {
    name: usize,
    votes: usize,
    label: usize,
    /// Cells for 100% of the vote.
    bar: usize,
    /// Cells of the ± share column (0: none).
    change: usize,
}

impl ChartColumns {
    /// Room for the ± share beside each bar, taken from the bars (the same for every row, so
    /// the bars stay on one scale).
    #[must_use]
    pub fn with_change(self, marks: Option<&BarChanges>) -> ChartColumns {
        let change = marks.map_or(0, BarChanges::width).max(self.change);
        let room = change.saturating_sub(self.change);
        ChartColumns {
            change,
            // The column and, the first time, its two cells of space.
            bar: self
                .bar
                .saturating_sub(room + if self.change == 0 && room > 0 { 2 } else { 0 })
                .max(10),
            ..self
        }
    }
}

/// One layout for every chart in `charts` at width `w`: the same name column and the same
/// bar cells, so bars of different contests are drawn to one scale. Names are cut to a third
/// of the width unless `whole` (output to a pipe or file, or a document): then every name is
/// whole.
pub fn chart_cells(charts: &[&[Bar]], w: usize, whole: bool) -> ChartColumns {
    let widest = |f: &dyn Fn(&Bar) -> usize| {
        charts
            .iter()
            .flat_map(|bars| bars.iter())
            .map(f)
            .max()
            .unwrap_or(0)
    };
    let name = widest(&|b| width(&b.name));
    let name = if whole { name } else { name.min(w / 3) };
    let votes = widest(&|b| width(&crate::report::words::count(b.votes)));
    let label = widest(&|b| width(&b.label));
    // "  ✓ " + name + 2 + votes + 2 + label + 2 + bar + 1 marker cell.
    let bar = w
        .saturating_sub(4 + name + 2 + votes + 2 + label + 2 + 1)
        .max(10);
    ChartColumns {
        name,
        votes,
        label,
        bar,
        change: 0,
    }
}

/// The bar chart's lines: mark, name, votes, share, ± share (`marks`, when `cols` has room),
/// bar (100% = `cols.bar` cells).
pub fn chart(
    d: &Detail,
    bars: &[Bar],
    cols: ChartColumns,
    marks: Option<&BarChanges>,
    style: &TextStyle,
) -> Vec<String> {
    let ChartColumns {
        name: name_w,
        votes: votes_w,
        label: label_w,
        bar: bar_w,
        change: change_w,
    } = cols;
    bars.iter()
        .enumerate()
        .map(|(k, b)| {
            let mark = if b.elected {
                style.paint("✓", Paint::Good)
            } else {
                " ".to_string()
            };
            let name = truncate(&b.name, name_w);
            let faction = b.faction.as_deref().and_then(|f| d.dataset.faction(f));
            let drawn = b.text(bar_w);
            let drawn = match Paint::faction(faction) {
                Some(p) => style.paint(&drawn, p),
                None => drawn,
            };
            let label = if b.percent.is_none() {
                style.paint(&format!("{:>label_w$}", b.label), Paint::Dim)
            } else {
                format!("{:>label_w$}", b.label)
            };
            let change = match change_w {
                0 => String::new(),
                w => format!("{:>w$}  ", marks.map_or("", |m| m.mark(k))),
            };
            let line = format!(
                "  {mark} {name}{}  {:>votes_w$}  {label}  {change}{drawn}",
                " ".repeat(name_w - width(&name)),
                crate::report::words::count(b.votes),
            );
            line.trim_end().to_string()
        })
        .collect()
}

/// Every candidate across every round, in blocks of as many rounds as fit `w` columns: the
/// count at a glance (`✓` elected, `✗` eliminated in that round, `·` no longer counted).
fn round_table(table: &rounds::RoundTable, w: usize) -> Vec<String> {
    let name_w = table
        .rows
        .iter()
        .map(|r| width(&r.name))
        .chain(table.inactive.iter().map(|(r, _)| width(r)))
        .chain([width("threshold")])
        .max()
        .unwrap_or(4)
        .min(w / 3);
    let col_w = table.label_width.max(3) + 3;
    let per_block = (w.saturating_sub(2 + name_w) / col_w).max(1);
    let mut out = Vec::new();
    let cell = |t: &Option<crate::model::tally::Tally>, mark: &str| match t {
        Some(t) => format!("{}{mark}", t.label()),
        None => "·".to_string(),
    };
    let mut start = 0;
    while start < table.rounds {
        let end = (start + per_block).min(table.rounds);
        let mut head = format!("  {:name_w$}", "");
        for r in start..end {
            head.push_str(&format!("{:>col_w$}", format!("R{}", r + 1)));
        }
        out.push(head);
        let mut line = |name: &str, cells: Vec<String>| {
            let mut s = format!("  {}", crate::report::cells::fit(name, name_w));
            for c in cells {
                s.push_str(&crate::report::cells::fit_right(&c, col_w));
            }
            out.push(s);
        };
        for row in &table.rows {
            let cells = (start..end)
                .map(|r| {
                    let mark = match (row.elected == Some(r + 1), row.eliminated == Some(r + 1)) {
                        (true, _) => "✓",
                        (_, true) => "✗",
                        _ => " ",
                    };
                    cell(&row.tallies[r], mark)
                })
                .collect();
            line(&row.name, cells);
        }
        if table.thresholds.iter().any(Option::is_some) {
            line(
                "threshold",
                (start..end)
                    .map(|r| cell(&table.thresholds[r], " "))
                    .collect(),
            );
        }
        for (reason, values) in &table.inactive {
            line(
                reason,
                (start..end).map(|r| cell(&values[r], " ")).collect(),
            );
        }
        start = end;
        if start < table.rounds {
            out.push(String::new());
        }
    }
    out
}
