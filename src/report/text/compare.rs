//! `compare` as plain text: two contests' facts in two columns, then each one's bar chart,
//! both charts drawn to one scale.

use std::io::{self, Write};

use super::show::{chart, chart_cells};
use crate::report::style::{MIN_WIDTH, Paint, TextStyle};
use crate::report::table::{self, Align, Cell, Column};
use crate::report::{Detail, change, facts};

/// `compare A B`.
pub fn compare(out: &mut impl Write, pair: &[Detail; 2], style: &TextStyle) -> io::Result<()> {
    let w = style.width.max(MIN_WIDTH);
    let columns = [
        Column::fixed("", Align::Left, u8::MAX),
        Column::flex("A", 12, u8::MAX),
        Column::flex("B", 12, u8::MAX),
    ];
    let [a, b] = pair;
    let mut rows: Vec<Vec<Cell>> = vec![
        vec![
            Cell::new("Contest"),
            Cell::painted(facts::title(a.contest), Some(Paint::Bold)),
            Cell::painted(facts::title(b.contest), Some(Paint::Bold)),
        ],
        vec![
            Cell::new("Id"),
            Cell::new(a.contest.id.as_str()),
            Cell::new(b.contest.id.as_str()),
        ],
    ];
    rows.extend(
        facts::compared(a.dataset, a.contest, b.contest)
            .into_iter()
            .map(|(label, [x, y])| vec![Cell::new(label), Cell::new(x), Cell::new(y)]),
    );
    for line in table::render(&columns, &rows, style) {
        writeln!(out, "{line}")?;
    }
    let charts = pair.map(|d| facts::chart(d.contest));
    let marks = [0, 1].map(|k| change::for_bars(&pair[k], &charts[k]));
    for (((mark, d), bars), own) in ["A", "B"].iter().zip(pair).zip(&charts).zip(&marks) {
        writeln!(out)?;
        let title = format!("{mark}: {}", facts::title(d.contest));
        writeln!(out, "{}", style.paint(&title, Paint::Bold))?;
        if d.contest.candidates.is_empty() {
            writeln!(out, "  {}", facts::no_candidates(d.contest))?;
        }
        // Both charts on one layout, ± column included, so their bars are to one scale.
        let cols = chart_cells(&[&charts[0], &charts[1]], w, style.whole_lines)
            .with_change(marks[0].as_ref())
            .with_change(marks[1].as_ref());
        for line in chart(d, bars, cols, own.as_ref(), style) {
            writeln!(out, "{line}")?;
        }
        if let Some(m) = own {
            writeln!(out, "  {}", m.note)?;
        }
    }
    Ok(())
}
