//! Visiting the contests at a query's rows in data order. Rows come sorted (newest first, say),
//! so reading each contest's facts in their order jumps about arrays of millions of entries;
//! reading them front to back is several times faster. Each contest comes with its position
//! in the rows, so what depends on their order (which spelling of a name is met first) is
//! still decided by it.

use crate::query::{Facts, Index, NONE};

/// The contests at `rows` of an index, ready to be visited.
pub(crate) struct Visit<'a> {
    pub facts: &'a Facts,
    rows: &'a [usize],
    /// Each contest's position in `rows` (`NONE`: not there), when visiting in data order.
    positions: Option<Vec<u32>>,
}

impl<'a> Visit<'a> {
    pub fn new(index: &'a Index, rows: &'a [usize]) -> Self {
        let len = index.len();
        // Few rows are read quickly in any order; marking every contest would cost more.
        let many = rows.len() >= 64 && rows.len().saturating_mul(16) >= len;
        let positions = many.then(|| positions(rows, len)).flatten();
        Visit {
            facts: index.facts(),
            rows,
            positions,
        }
    }

    /// Calls `f(contest, position in rows)` for each contest at `rows` the index has.
    pub fn each(&self, mut f: impl FnMut(usize, u32)) {
        let len = self.facts.contests.len();
        match &self.positions {
            Some(at) => {
                for (i, &k) in at.iter().enumerate() {
                    if k != NONE {
                        f(i, k);
                    }
                }
            }
            None => {
                for (k, &i) in self.rows.iter().enumerate() {
                    if i < len {
                        f(i, k as u32);
                    }
                }
            }
        }
    }
}

/// Each contest's position in `rows`; None if a row repeats or is out of range (such rows are
/// visited as they are, each time they appear).
fn positions(rows: &[usize], len: usize) -> Option<Vec<u32>> {
    if rows.len() >= NONE as usize {
        return None;
    }
    let mut at = vec![NONE; len];
    for (k, &i) in rows.iter().enumerate() {
        let slot = at.get_mut(i)?;
        if *slot != NONE {
            return None;
        }
        *slot = k as u32;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{DataSource, load};

    fn visited(index: &Index, rows: &[usize]) -> Vec<(usize, u32)> {
        let mut seen = Vec::new();
        Visit::new(index, rows).each(|i, k| seen.push((i, k)));
        seen
    }

    #[test]
    fn many_rows_in_data_order_few_as_given() {
        let mut dataset = load(&[DataSource::Embedded]).unwrap().dataset;
        let base = dataset.contests.clone();
        for n in 1..10 {
            dataset.contests.extend(base.iter().cloned().map(|mut c| {
                c.id = format!("{}-{n}", c.id).into();
                c
            }));
        }
        let index = Index::build(&dataset);
        let rows: Vec<usize> = (0..index.len()).rev().collect();
        let got = visited(&index, &rows);
        assert_eq!(got.len(), rows.len());
        assert!(got.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(got.iter().all(|&(i, k)| rows[k as usize] == i));
        // Few rows, a repeated row or one out of range: as given.
        assert_eq!(visited(&index, &[5, 2]), vec![(5, 0), (2, 1)]);
        let mut repeated = rows.clone();
        repeated.push(3);
        repeated.push(10_000);
        let got = visited(&index, &repeated);
        assert_eq!(got.len(), rows.len() + 1);
        assert_eq!(got.last(), Some(&(3, rows.len() as u32)));
    }
}
