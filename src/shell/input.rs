//! Terminal input, read on its own thread from the terminal's file descriptor and sent to
//! the event loop with the signals. `keys` turns the bytes into keys.
use std::sync::mpsc::SyncSender;
use std::thread;

use super::keys::{Answer, KeyParser};
use crate::app::key::Key;

pub(crate) enum Input {
    Key(Key),
    /// What the terminal answered (its font, its attributes), for the font driver.
    Terminal(Answer),
    Resize,
    Tick,
    /// Work done away from the screen: whether the printer took the ticket…
    Printed(bool),
    /// …and whom a PIN opens to…
    PinChecked(Option<crate::domain::pin::Signer>),
    /// …or that the network must be told whose PIN it is…
    PinAsksWho {
        names: Vec<String>,
        pin: String,
    },
    /// …or which counsellor the network's database signed in on a PIN's proof…
    SignedIn(Result<crate::store::SignIn, String>),
    /// …and what the database answered to request `id`.
    Stored {
        id: u64,
        /// Boxed: the channel's every slot is as large as its largest input, and is written
        /// when the channel is made, before the first frame.
        reply: Box<crate::store::Reply>,
    },
    Terminate,
}

// A slot of the inputs' channel: 512 of them are 32 KiB made at start (an unboxed reply made
// them 304 bytes each, 300 KiB of pages touched before the first frame on a slow machine).
const _: () = assert!(size_of::<Input>() <= 64);

/// How long an escape sequence or a paste may pause before it is closed.
const SILENCE_MS: i32 = 50;

/// Whether `fd` has bytes to read within `timeout_ms` (-1: wait for ever).
fn readable(fd: i32, timeout_ms: i32) -> std::io::Result<bool> {
    let mut poll = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, its count is 1.
    let n = unsafe { libc::poll(&mut poll, 1, timeout_ms) };
    if n < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(n > 0)
}

fn read(fd: i32, buf: &mut [u8]) -> std::io::Result<usize> {
    // SAFETY: `buf` is valid for `buf.len()` bytes.
    let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
    if n < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(n as usize)
}

pub(crate) fn spawn_reader(tx: SyncSender<Input>) {
    // The terminal: standard input, or the controlling terminal when input was redirected
    // (as crossterm does for raw mode).
    let tty = (!std::io::IsTerminal::is_terminal(&std::io::stdin()))
        .then(|| std::fs::File::open("/dev/tty").ok())
        .flatten();
    let fd = tty
        .as_ref()
        .map_or(libc::STDIN_FILENO, std::os::fd::AsRawFd::as_raw_fd);
    thread::spawn(move || {
        let _keep_open = tty;
        read_keys(fd, tx);
    });
}

/// Reads keys from `fd` until it ends: then `Input::Terminate`.
fn read_keys(fd: i32, tx: SyncSender<Input>) {
    {
        let mut parser = KeyParser::new();
        let mut buf = [0u8; 4096];
        loop {
            let timeout = if parser.waiting() { SILENCE_MS } else { -1 };
            let keys = match readable(fd, timeout) {
                Ok(true) => match read(fd, &mut buf) {
                    Ok(n) if n > 0 => parser.feed(&buf[..n]),
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    // End of file or an I/O error: the terminal is gone, nothing more will
                    // come (spinning on it would burn the CPU).
                    _ => {
                        let _ = tx.send(Input::Terminate);
                        return;
                    }
                },
                Ok(false) => parser.timeout(),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => {
                    let _ = tx.send(Input::Terminate);
                    return;
                }
            };
            let answers = parser.answers().into_iter().map(Input::Terminal);
            for input in answers.chain(keys.into_iter().map(Input::Key)) {
                if tx.send(input).is_err() {
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::fd::AsRawFd;

    #[test]
    fn the_terminal_going_away_ends_the_kiosk_instead_of_spinning() {
        let (reader, mut writer) = std::io::pipe().unwrap();
        let (tx, rx) = std::sync::mpsc::sync_channel(16);
        let fd = reader.as_raw_fd();
        let thread = thread::spawn(move || {
            let _keep_open = reader;
            read_keys(fd, tx);
        });
        writer.write_all(b"a").unwrap();
        assert!(matches!(rx.recv().unwrap(), Input::Key(Key::Char('a'))));
        // The other end closes without a hang-up signal: end of file.
        drop(writer);
        assert!(matches!(rx.recv().unwrap(), Input::Terminate));
        thread.join().unwrap();
    }
}
