//! Plain-text tables that fit a width: flexible columns shrink (cutting cells with `…`), then
//! the least important columns are dropped, until the table fits.

use std::borrow::Cow;

use super::cells::{truncate, width};
use super::style::{Paint, TextStyle};

/// Space between columns.
const GAP: &str = "  ";

/// Which side a column's cells line up on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A column's header and how it gives way when space is short.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub header: &'static str,
    pub align: Align,
    /// The narrowest a flexible column may become; `None` for a column that is never cut.
    pub shrink_to: Option<usize>,
    /// Columns with the lowest priority are dropped first; `u8::MAX` is never dropped.
    pub priority: u8,
}

impl Column {
    /// A column that keeps its natural width.
    pub const fn fixed(header: &'static str, align: Align, priority: u8) -> Column {
        Column {
            header,
            align,
            shrink_to: None,
            priority,
        }
    }

    /// A column that may be cut down to `shrink_to` cells.
    pub const fn flex(header: &'static str, shrink_to: usize, priority: u8) -> Column {
        Column {
            header,
            align: Align::Left,
            shrink_to: Some(shrink_to),
            priority,
        }
    }
}

/// One cell: its text and an optional paint.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    pub text: String,
    pub paint: Option<Paint>,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            paint: None,
        }
    }

    pub fn painted(text: impl Into<String>, paint: Option<Paint>) -> Cell {
        Cell {
            text: text.into(),
            paint,
        }
    }
}

/// The widths of the columns kept (`None` for a dropped column) so that the table fits `max`:
/// columns are dropped, least important first, only while the rest cannot fit even with every
/// flexible column at its narrowest; then the widest flexible columns are cut just enough.
pub fn fit(columns: &[Column], rows: &[Vec<Cell>], max: usize) -> Vec<Option<usize>> {
    let natural: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let cells = rows.iter().filter_map(|r| r.get(i)).map(|c| width(&c.text));
            cells.chain([width(c.header)]).max().unwrap_or(0)
        })
        .collect();
    fit_natural(columns, &natural, max)
}

/// [`fit`], given each column's natural width (its widest cell or header).
fn fit_natural(columns: &[Column], natural: &[usize], max: usize) -> Vec<Option<usize>> {
    let narrowest: Vec<usize> = columns
        .iter()
        .zip(natural)
        .map(|(c, &n)| c.shrink_to.map_or(n, |s| n.min(s.max(width(c.header)))))
        .collect();
    let total = |w: &[Option<usize>]| {
        let kept: Vec<usize> = w.iter().flatten().copied().collect();
        kept.iter().sum::<usize>() + GAP.len() * kept.len().saturating_sub(1)
    };
    let mut least: Vec<Option<usize>> = narrowest.iter().copied().map(Some).collect();
    while total(&least) > max {
        let droppable = columns
            .iter()
            .enumerate()
            .filter(|(i, c)| least[*i].is_some() && c.priority < u8::MAX)
            .min_by_key(|(i, c)| (c.priority, std::cmp::Reverse(*i)));
        match droppable {
            Some((i, _)) => least[i] = None,
            None => break,
        }
    }
    let mut widths: Vec<Option<usize>> = least
        .iter()
        .enumerate()
        .map(|(i, w)| w.map(|_| natural[i]))
        .collect();
    loop {
        let over = total(&widths).saturating_sub(max);
        // Cut the widest flexible column first: it loses least, proportionally.
        let widest = (0..columns.len())
            .filter_map(|i| Some((i, widths[i]?)))
            .filter(|&(i, w)| w > narrowest[i])
            .max_by_key(|&(_, w)| w);
        match widest {
            Some((i, w)) if over > 0 => widths[i] = Some(w - over.min(w - narrowest[i])),
            _ => return widths,
        }
    }
}

/// How many cells the table takes once fitted to `max`.
pub fn fitted_width(columns: &[Column], rows: &[Vec<Cell>], max: usize) -> usize {
    let kept: Vec<usize> = fit(columns, rows, max).into_iter().flatten().collect();
    kept.iter().sum::<usize>() + GAP.len() * kept.len().saturating_sub(1)
}

/// The table as lines (header first), fitted to `style.table_width()`, trailing spaces trimmed.
pub fn render(columns: &[Column], rows: &[Vec<Cell>], style: &TextStyle) -> Vec<String> {
    let mut packed = Rows::new(columns, rows.len());
    for row in rows {
        packed.push(row.iter().cloned());
    }
    let mut lines = Vec::with_capacity(rows.len() + 1);
    let Ok(()) = each_line::<std::convert::Infallible>(columns, &packed, style, |line| {
        lines.push(line.to_string());
        Ok(())
    });
    lines
}

/// The lines of [`render`] written to `out` one at a time, from rows held packed: for a table
/// too long to hold as cells and lines (a million-row `list`).
pub fn write(
    out: &mut impl std::io::Write,
    columns: &[Column],
    rows: &Rows,
    style: &TextStyle,
) -> std::io::Result<()> {
    each_line(columns, rows, style, |line| {
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")
    })
}

/// Each line of the table, header first, made in one buffer and handed to `each`; stops at
/// the first error `each` returns.
fn each_line<E>(
    columns: &[Column],
    rows: &Rows,
    style: &TextStyle,
    mut each: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E> {
    let widths = fit_natural(columns, &rows.natural, style.table_width());
    let mut buffer = String::new();
    line(&mut buffer, columns, &widths, style, |i| {
        (columns[i].header, Some(Paint::Bold))
    });
    each(&buffer)?;
    for r in 0..rows.len() {
        line(&mut buffer, columns, &widths, style, |i| rows.cell(r, i));
        each(&buffer)?;
    }
    Ok(())
}

/// The room [`Rows::new`] makes for a cell's text: more than most.
const GUESSED_CELL_BYTES: usize = 32;

/// Rows of cells held packed: every cell's text in one buffer, with where it ends and its
/// paint, and each column's widest cell as the rows come (all [`fit`] needs). A row of cells
/// each in a `String` of its own took five times the room.
pub struct Rows {
    text: String,
    /// Per cell, row by row: where its text ends in `text`.
    ends: Vec<usize>,
    paints: Vec<Option<Paint>>,
    /// Each column's widest cell so far, the header included.
    natural: Vec<usize>,
}

impl Rows {
    /// Room for `rows` rows, made at once: grown by doubling, a million rows' would be copied
    /// (and the fresh pages zeroed) over and over. The text's room is a generous guess; room
    /// never written costs no memory.
    pub fn new(columns: &[Column], rows: usize) -> Rows {
        let cells = rows * columns.len();
        Rows {
            text: String::with_capacity(cells * GUESSED_CELL_BYTES),
            ends: Vec::with_capacity(cells),
            paints: Vec::with_capacity(cells),
            natural: columns.iter().map(|c| width(c.header)).collect(),
        }
    }

    /// Adds a row; cells past the columns are left out, missing ones are empty.
    pub fn push(&mut self, cells: impl IntoIterator<Item = Cell>) {
        let mut cells = cells.into_iter();
        for _ in 0..self.natural.len() {
            let cell = cells.next().unwrap_or_default();
            self.put(&cell.text, cell.paint);
        }
    }

    /// Adds the next cell: rows are made cell by cell, every column of a row in order (a
    /// cell borrowed from the data is copied once, into the table).
    pub fn put(&mut self, text: &str, paint: Option<Paint>) {
        let column = self.ends.len() % self.natural.len();
        self.natural[column] = self.natural[column].max(width(text));
        self.text.push_str(text);
        self.ends.push(self.text.len());
        self.paints.push(paint);
    }

    pub fn len(&self) -> usize {
        self.ends.len() / self.natural.len().max(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text and paint of row `row`'s cell in column `column`.
    fn cell(&self, row: usize, column: usize) -> (&str, Option<Paint>) {
        let at = row * self.natural.len() + column;
        let start = if at == 0 { 0 } else { self.ends[at - 1] };
        (&self.text[start..self.ends[at]], self.paints[at])
    }
}

/// Appends `n` spaces.
fn push_spaces(out: &mut String, n: usize) {
    const SPACES: &str = "                                                                ";
    let mut left = n;
    while left > 0 {
        let now = left.min(SPACES.len());
        out.push_str(&SPACES[..now]);
        left -= now;
    }
}

/// One line of the table into `out` (emptied first).
fn line<'a>(
    out: &mut String,
    columns: &[Column],
    widths: &[Option<usize>],
    style: &TextStyle,
    cell: impl Fn(usize) -> (&'a str, Option<Paint>),
) {
    out.clear();
    let mut first = true;
    for (i, column) in columns.iter().enumerate() {
        let Some(w) = widths[i] else { continue };
        if !std::mem::take(&mut first) {
            out.push_str(GAP);
        }
        let (text, paint) = cell(i);
        // Most cells fit: only a cut one is copied, and each width is worked out once.
        let natural = width(text);
        let (text, shown) = if natural <= w {
            (Cow::Borrowed(text), natural)
        } else {
            let cut = truncate(text, w);
            let shown = width(&cut);
            (Cow::Owned(cut), shown)
        };
        let pad = w - shown;
        let text = match paint {
            Some(p) if style.color => Cow::Owned(style.paint(&text, p)),
            _ => text,
        };
        if column.align == Align::Right {
            push_spaces(out, pad);
        }
        out.push_str(&text);
        if column.align == Align::Left {
            push_spaces(out, pad);
        }
    }
    out.truncate(out.trim_end().len());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns() -> Vec<Column> {
        vec![
            Column::fixed("ID", Align::Left, u8::MAX),
            Column::flex("NAME", 6, 5),
            Column::fixed("N", Align::Right, 1),
        ]
    }

    fn rows() -> Vec<Vec<Cell>> {
        vec![vec![
            Cell::new("abc"),
            Cell::new("a rather long name"),
            Cell::new("12"),
        ]]
    }

    #[test]
    fn wide_enough_keeps_natural_widths() {
        assert_eq!(
            fit(&columns(), &rows(), 80),
            vec![Some(3), Some(18), Some(2)]
        );
        let lines = render(&columns(), &rows(), &TextStyle::default());
        assert_eq!(
            lines,
            vec!["ID   NAME                 N", "abc  a rather long name  12"]
        );
    }

    #[test]
    fn narrow_shrinks_then_drops() {
        // 3 + 2 + 10 + 2 + 2 = 19
        assert_eq!(
            fit(&columns(), &rows(), 19),
            vec![Some(3), Some(10), Some(2)]
        );
        let lines = render(
            &columns(),
            &rows(),
            &TextStyle {
                width: 19,
                ..TextStyle::default()
            },
        );
        assert_eq!(lines[1], "abc  a rather…   12");
        // NAME cannot go below 6: N is dropped.
        assert_eq!(fit(&columns(), &rows(), 11), vec![Some(3), Some(6), None]);
        // Nothing else may go: the table overflows rather than lose its id.
        assert_eq!(fit(&columns(), &rows(), 2), vec![Some(3), None, None]);
    }

    #[test]
    fn whole_lines_keep_every_cell_whatever_the_width() {
        let style = TextStyle {
            width: 19,
            whole_lines: true,
            ..TextStyle::default()
        };
        let lines = render(&columns(), &rows(), &style);
        assert_eq!(lines[1], "abc  a rather long name  12");
    }
}
