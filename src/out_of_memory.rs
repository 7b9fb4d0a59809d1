//! Running out of memory ends hustings like any other error: one line, `error: out of memory`,
//! and exit status 2. Rust's default is to print a different line and abort (status 134, a
//! core dump under some shells), wherever the allocation failed — deep inside a CSV reader's
//! buffer, say — so the allocator itself is wrapped: a failed allocation (a null pointer from
//! the one underneath) writes the line and exits.

use std::alloc::{GlobalAlloc, Layout};

/// The allocator `A`, exiting with status 2 and `error: out of memory` when it fails.
///
/// Every failure exits, `try_reserve`'s too (an allocator cannot tell who asked): in a process
/// out of memory, nothing useful is left to do but say so.
pub struct ExitOnFailure<A>(pub A);

/// Written with `write(2)` directly: nothing may allocate now.
fn exit_out_of_memory() -> ! {
    // Not even the explorer's terminal is restored: that may allocate. (With the input
    // limits, no file or pipe should bring the explorer here.)
    const LINE: &[u8] = b"error: out of memory\n";
    // SAFETY: a valid buffer of LINE.len() bytes; `_exit` ends the process without unwinding
    // or running destructors (which may allocate).
    unsafe {
        let _ = libc::write(libc::STDERR_FILENO, LINE.as_ptr().cast(), LINE.len());
        libc::_exit(2)
    }
}

// SAFETY: every call is passed to `A` unchanged; only a null result is acted on.
unsafe impl<A: GlobalAlloc> GlobalAlloc for ExitOnFailure<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's promises about `layout` are passed on.
        let ptr = unsafe { self.0.alloc(layout) };
        if ptr.is_null() {
            exit_out_of_memory();
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let ptr = unsafe { self.0.alloc_zeroed(layout) };
        if ptr.is_null() {
            exit_out_of_memory();
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` above, that is from `A`.
        unsafe { self.0.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `dealloc`.
        let new = unsafe { self.0.realloc(ptr, layout, new_size) };
        if new.is_null() {
            exit_out_of_memory();
        }
        new
    }
}
