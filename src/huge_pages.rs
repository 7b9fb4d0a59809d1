//! Transparent huge pages, turned off for the process. mimalloc asks the kernel for them for
//! its large regions, and the kernel then clears 2 MiB at a time as each is first touched,
//! compacting memory first when little of it is free in one piece. hustings's memory is many
//! small, scattered allocations, which huge pages do not speed up; the clearing and compacting
//! made the system time of `validate` at 200,000 contests 1.1–1.4 s, not 0.2 s (its wall time
//! 1.6–1.9 s, not 1.1–1.2 s), and varied with the machine's state from run to run.
//!
//! The commands turn them off; the explorer keeps them. Quitting it must be quick however
//! much it holds, and the kernel frees a process's memory page by page once it has ended,
//! before the shell gets its prompt back: at a million contests 160–170 ms in 4 KiB pages,
//! 30–40 ms in huge ones.

/// Turns transparent huge pages off for this process (Linux; elsewhere nothing to do).
pub fn turn_off() {
    #[cfg(target_os = "linux")]
    // SAFETY: `PR_SET_THP_DISABLE` takes plain integers and touches no memory of ours; a
    // kernel without it returns an error, which leaves things as they were.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn they_are_off_once_turned_off() {
        super::turn_off();
        // SAFETY: as in `turn_off`: integers in, an integer out.
        let off = unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) };
        assert_eq!(off, 1);
    }
}
