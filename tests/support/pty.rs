//! The real binary with its stdout on a pseudo-terminal, as a person at a terminal runs it:
//! what it writes there, byte for byte (the terminal in raw mode, so no byte is translated).

use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Command, Stdio};

/// Runs `cmd` with stdout on a new pseudo-terminal (stderr piped, stdin empty), and returns
/// its exit code and every byte it wrote to the terminal.
pub fn stdout_on_a_terminal(mut cmd: Command) -> (Option<i32>, Vec<u8>) {
    let (leader, follower) = open();
    cmd.stdout(Stdio::from(follower)).stderr(Stdio::null());
    read_all(cmd, leader)
}

/// Runs `cmd` with stderr on a new pseudo-terminal (stdout piped, stdin empty), and returns
/// its exit code and every byte it wrote to the terminal.
pub fn stderr_on_a_terminal(mut cmd: Command) -> (Option<i32>, Vec<u8>) {
    let (leader, follower) = open();
    cmd.stderr(Stdio::from(follower)).stdout(Stdio::null());
    read_all(cmd, leader)
}

/// Starts `cmd` and reads `leader` until the child has exited and closed its terminal.
fn read_all(mut cmd: Command, mut leader: std::fs::File) -> (Option<i32>, Vec<u8>) {
    let mut child = cmd.stdin(Stdio::null()).spawn().expect("the binary starts");
    // Only the child holds the terminal now: reading ends when it exits.
    drop(cmd);
    let mut bytes = Vec::new();
    let mut chunk = [0; 8192];
    loop {
        match leader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => bytes.extend_from_slice(&chunk[..n]),
            // Linux says EIO once the last writer has closed the terminal.
            Err(e) if e.raw_os_error() == Some(libc::EIO) => break,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => panic!("reading the terminal: {e}"),
        }
    }
    let status = child.wait().expect("the binary exits");
    (status.code(), bytes)
}

/// A new pseudo-terminal in raw mode: its leader (to read) and follower (the child's stdout).
fn open() -> (std::fs::File, OwnedFd) {
    let (mut leader, mut follower) = (0, 0);
    // SAFETY: openpty writes two new descriptors, which we then own; the name, termios and
    // window size arguments may be null.
    let opened = unsafe {
        libc::openpty(
            &raw mut leader,
            &raw mut follower,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(opened, 0, "openpty: {}", std::io::Error::last_os_error());
    // Not inherited by the processes other tests start meanwhile (they would hold the
    // terminal open, and the reading here would wait for them).
    for fd in [leader, follower] {
        // SAFETY: fcntl on a descriptor just opened.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    // SAFETY: both descriptors are open and owned by nothing else.
    let (leader, follower) =
        unsafe { (OwnedFd::from_raw_fd(leader), OwnedFd::from_raw_fd(follower)) };
    // SAFETY: a zeroed termios is a valid buffer for tcgetattr to fill; the descriptor is open.
    unsafe {
        use std::os::fd::AsRawFd;
        let mut mode: libc::termios = std::mem::zeroed();
        assert_eq!(libc::tcgetattr(follower.as_raw_fd(), &raw mut mode), 0);
        libc::cfmakeraw(&raw mut mode);
        assert_eq!(
            libc::tcsetattr(follower.as_raw_fd(), libc::TCSANOW, &raw const mode),
            0
        );
    }
    (std::fs::File::from(leader), follower)
}
