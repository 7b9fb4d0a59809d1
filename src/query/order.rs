//! Whole-dataset sort orders, computed once per sort and reused: sorting the rows a filter
//! kept then costs one pass over the order instead of a comparison sort, so re-sorting a
//! million rows on a keystroke takes milliseconds.

use std::sync::OnceLock;

use super::{Sort, SortKey};

/// One lazily computed order per sort key and direction.
#[derive(Debug, Clone, Default)]
pub(super) struct Orders {
    orders: [OnceLock<Box<[u32]>>; SortKey::ALL.len() * 2],
}

impl Orders {
    /// Every contest, in `sort`'s order; `compute` sorts all contests when first asked.
    pub(super) fn get(&self, sort: Sort, compute: impl FnOnce() -> Vec<usize>) -> &[u32] {
        self.slot(sort)
            .get_or_init(|| compute().into_iter().map(|i| i as u32).collect())
    }

    /// `sort`'s order if it has been made, without making it (or waiting for a thread that is).
    pub(super) fn made(&self, sort: Sort) -> Option<&[u32]> {
        self.slot(sort).get().map(|order| &order[..])
    }

    fn slot(&self, sort: Sort) -> &OnceLock<Box<[u32]>> {
        let key = SortKey::ALL
            .iter()
            .position(|k| *k == sort.key)
            .unwrap_or(0);
        &self.orders[key * 2 + usize::from(sort.reverse)]
    }
}

/// Whether `rows` can be sorted by picking them out of a whole-dataset order: they must be
/// ascending (as filters return them — a stable sort then breaks ties by data order, exactly
/// as the order does) and many enough that one pass over all contests beats sorting them.
pub(super) fn worth_picking(rows: &[usize], total: usize) -> bool {
    worth_picking_any(rows, total) && rows.windows(2).all(|w| w[0] < w[1])
}

/// Whether `rows` (distinct, in any order) are many enough that picking them out of a
/// whole-dataset order beats sorting them; the order they come in does not matter to `pick`.
pub(super) fn worth_picking_any(rows: &[usize], total: usize) -> bool {
    rows.len() >= 64 && rows.len() * 64 >= total
}

/// Rewrites `rows` (ascending, each < order.len()) in the order of `order`.
pub(super) fn pick(rows: &mut [usize], order: &[u32]) {
    // Every contest (distinct rows, as many as contests): the order itself.
    if rows.len() == order.len() {
        for (row, &i) in rows.iter_mut().zip(order) {
            *row = i as usize;
        }
        return;
    }
    let mut wanted = vec![0u64; order.len().div_ceil(64)];
    for &i in rows.iter() {
        wanted[i / 64] |= 1 << (i % 64);
    }
    // Every contest is written at the next place and kept only if wanted: where about half
    // are wanted a branch on it would be mispredicted every other contest.
    let mut out = 0;
    for &i in order {
        let i = i as usize;
        if let Some(place) = rows.get_mut(out) {
            *place = i;
        }
        out += usize::from(wanted[i / 64] & (1 << (i % 64)) != 0);
    }
    debug_assert_eq!(out, rows.len());
}

/// For each value, its place among the distinct values in ascending order (equal values share
/// a place), so comparing places orders exactly as comparing the values.
pub(super) fn dense_ranks<T: Ord>(values: &[T]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_unstable_by(|&a, &b| values[a].cmp(&values[b]));
    let mut ranks = vec![0u32; values.len()];
    let mut rank = 0u32;
    for (n, &i) in order.iter().enumerate() {
        if n > 0 && values[order[n - 1]] != values[i] {
            rank += 1;
        }
        ranks[i] = rank;
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_ranks_order_like_the_values() {
        let titles = ["stockport", "bury south", "stockport", "acton"];
        assert_eq!(dense_ranks(&titles), vec![2, 1, 2, 0]);
        assert_eq!(dense_ranks::<u8>(&[]), Vec::<u32>::new());
    }
}
