//! `compare` as plain text: two contests' facts in two columns, then each one's bar chart.

use std::io::{self, Write};

use super::show::chart;
use crate::report::Detail;
use crate::report::compare;
use crate::report::style::{MIN_WIDTH, Paint, TextStyle};
use crate::report::table::{self, Align, Cell, Column};

/// `compare A B`.
pub fn compare(out: &mut impl Write, pair: &[Detail; 2], style: &TextStyle) -> io::Result<()> {
    let w = style.width.max(MIN_WIDTH);
    let columns = [
        Column::fixed("", Align::Left, u8::MAX),
        Column::flex("A", 12, u8::MAX),
        Column::flex("B", 12, u8::MAX),
    ];
    let [a, b] = pair.map(|d| compare::facts(d.dataset, d.contest));
    let mut rows: Vec<Vec<Cell>> = vec![
        vec![
            Cell::new("Contest"),
            Cell::painted(&pair[0].contest.title, Some(Paint::Bold)),
            Cell::painted(&pair[1].contest.title, Some(Paint::Bold)),
        ],
        vec![
            Cell::new("Id"),
            Cell::new(&pair[0].contest.id),
            Cell::new(&pair[1].contest.id),
        ],
    ];
    rows.extend(
        a.into_iter()
            .zip(b)
            .map(|((label, x), (_, y))| vec![Cell::new(label), Cell::new(x), Cell::new(y)]),
    );
    for line in table::render(&columns, &rows, style) {
        writeln!(out, "{line}")?;
    }
    for (mark, d) in ["A", "B"].iter().zip(pair) {
        writeln!(out)?;
        let title = format!("{mark}: {}", d.contest.title);
        writeln!(out, "{}", style.paint(&title, Paint::Bold))?;
        if d.contest.candidates.is_empty() {
            writeln!(out, "  {}", crate::report::detail::no_candidates(d.contest))?;
        }
        for line in chart(d, w, style) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
