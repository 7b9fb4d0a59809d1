//! `show` as plain text: title, bar chart, candidates, facts, rounds, warnings, sources, notes.

use std::io::{self, Write};

use super::faction_paint;
use crate::report::detail::{self, ChartRow};
use crate::report::style::{MIN_WIDTH, Paint, TextStyle, truncate, width, wrap};
use crate::report::{Detail, warnings_of};

/// `show`: one contest in full, with a bar chart of the vote shares.
pub fn show(out: &mut impl Write, d: &Detail, style: &TextStyle) -> io::Result<()> {
    let c = d.contest;
    let w = style.width.max(MIN_WIDTH);
    writeln!(out, "{}", style.paint(&c.title, Paint::Bold))?;
    paragraph(out, &detail::headline(d).join(" · "), "", w)?;

    heading(out, "Vote shares", style)?;
    if c.candidates.is_empty() {
        writeln!(out, "  {}", detail::no_candidates(c))?;
    } else {
        for line in chart(d, w, style) {
            writeln!(out, "{line}")?;
        }
        let rows = detail::chart_rows(c);
        let bars: Vec<_> = rows.into_iter().map(|r| r.bar).collect();
        for note in detail::denominator_note(c)
            .into_iter()
            .chain(detail::legend(&bars).into_iter().map(str::to_string))
        {
            paragraph(out, &note, "  ", w)?;
        }

        heading(out, "Candidates", style)?;
        for bar in &bars {
            let candidate = &c.candidates[bar.candidate];
            writeln!(out, "  {}", style.paint(&candidate.name, Paint::Bold))?;
            for line in detail::candidate_lines(d, candidate) {
                paragraph(out, &line, "    ", w)?;
            }
        }
    }

    heading(out, "Contest", style)?;
    let facts = detail::facts(d);
    let label_width = facts.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
    for (label, value) in &facts {
        let lead = format!("  {label:<label_width$}  ");
        let lines = wrap(value, w.saturating_sub(width(&lead)).max(10));
        for (i, line) in lines.iter().enumerate() {
            let lead = if i == 0 {
                lead.clone()
            } else {
                " ".repeat(width(&lead))
            };
            writeln!(out, "{lead}{line}")?;
        }
    }

    let rounds = detail::round_lines(c);
    if !rounds.is_empty() {
        heading(out, "Rounds", style)?;
        for line in &rounds {
            hanging(out, line, "  ", "    ", w)?;
        }
    }
    let warnings = warnings_of(d.warnings, c);
    if !warnings.is_empty() {
        heading(out, "Warnings", style)?;
        for warning in &warnings {
            let text = format!("! {warning}");
            for line in wrap(&text, w - 2) {
                writeln!(out, "  {}", style.paint(&line, Paint::Warn))?;
            }
        }
    }
    heading(out, "Sources", style)?;
    if c.sources.is_empty() {
        writeln!(out, "  none cited")?;
    }
    for source in &c.sources {
        hanging(out, &detail::source_text(source), "  - ", "    ", w)?;
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

fn heading(out: &mut impl Write, title: &str, style: &TextStyle) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", style.paint(title, Paint::Bold))
}

/// `text` wrapped to `w` columns, each line after `indent`.
fn paragraph(out: &mut impl Write, text: &str, indent: &str, w: usize) -> io::Result<()> {
    hanging(out, text, indent, indent, w)
}

/// `text` wrapped to `w` columns after `first` on the first line and `rest` on the others.
fn hanging(out: &mut impl Write, text: &str, first: &str, rest: &str, w: usize) -> io::Result<()> {
    let room = w.saturating_sub(width(first).max(width(rest))).max(10);
    for (i, line) in wrap(text, room).iter().enumerate() {
        let indent = if i == 0 { first } else { rest };
        writeln!(out, "{indent}{line}")?;
    }
    Ok(())
}

/// The bar chart's lines: mark, name, votes, share, bar (100% = the bar area's full width).
pub fn chart(d: &Detail, w: usize, style: &TextStyle) -> Vec<String> {
    let rows = detail::chart_rows(d.contest);
    let widest = |f: &dyn Fn(&ChartRow) -> usize| rows.iter().map(f).max().unwrap_or(0);
    let name_w = widest(&|r| width(&r.name)).min(w / 3);
    let votes_w = widest(&|r| width(&r.votes));
    let label_w = widest(&|r| width(&r.label));
    // "  ✓ " + name + 2 + votes + 2 + label + 2 + bar + 1 marker cell.
    let bar_w = w
        .saturating_sub(4 + name_w + 2 + votes_w + 2 + label_w + 2 + 1)
        .max(10);
    rows.iter()
        .map(|r| {
            let mark = if r.elected {
                style.paint("✓", Paint::Good)
            } else {
                " ".to_string()
            };
            let name = truncate(&r.name, name_w);
            let paint = r
                .bar
                .faction
                .as_deref()
                .and_then(|f| d.dataset.faction(f))
                .and_then(faction_paint);
            let bar = r.bar.text(bar_w);
            let bar = match paint {
                Some(p) => style.paint(&bar, p),
                None => bar,
            };
            let label = if r.bar.percent.is_none() {
                style.paint(&format!("{:>label_w$}", r.label), Paint::Dim)
            } else {
                format!("{:>label_w$}", r.label)
            };
            let line = format!(
                "  {mark} {name}{}  {:>votes_w$}  {label}  {bar}",
                " ".repeat(name_w - width(&name)),
                r.votes,
            );
            line.trim_end().to_string()
        })
        .collect()
}
