//! Two independent pieces of work at once, on two threads: what the large loads and searches
//! do to use both cores of a small machine.

/// Runs `first` on this thread and `second` on another at the same time, and returns both
/// results. A panic in `second` (a bug) goes on here, as if it had happened on this thread.
pub fn both<A: Send, B: Send>(
    first: impl FnOnce() -> A + Send,
    second: impl FnOnce() -> B + Send,
) -> (A, B) {
    std::thread::scope(|scope| {
        let second = scope.spawn(second);
        let first = first();
        let second = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (first, second)
    })
}

#[cfg(test)]
mod tests {
    use super::both;

    #[test]
    fn both_results_come_back_in_their_places() {
        let numbers: Vec<u64> = (1..=1000).collect();
        let (low, high) = numbers.split_at(500);
        assert_eq!(
            both(|| low.iter().sum::<u64>(), || high.iter().sum::<u64>()),
            (125_250, 375_250)
        );
    }

    #[test]
    #[should_panic(expected = "a bug")]
    fn a_panic_on_the_other_thread_goes_on_here() {
        both(|| 1, || -> u8 { panic!("a bug") });
    }
}
