//! Why the store could not answer, by kind: what its callers decide on (wait and try again,
//! offer a callback because the network is out of reach, stop writing to a damaged file). A
//! person reads a Fluent message the screen chooses by the kind; the text, with its context,
//! is for the log and for the staff's commands.
//!
//! A refusal a screen says (a slot taken, a session full, a ticket called by another) is not
//! an error: it is the `Refusal`, `QueueRefusal` or `CheckInRefused` inside the reply's own
//! `Result`, the same on both backends.
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Another program holds the database's lock longer than a request waits (another kiosk
    /// process, an import, a backup): trying again later may work.
    Busy(String),
    /// The network's database cannot be reached (the line, the server).
    Unreachable(String),
    /// The file is damaged, is not a borne database, or is no longer the file opened: the
    /// store writes nothing more to it.
    Corrupt(String),
    /// Anything else (a full disk, a permission, a bug), said as it came.
    Other(String),
}

impl StoreError {
    /// What went wrong, in words for the log and the staff.
    pub fn cause(&self) -> &str {
        match self {
            StoreError::Busy(cause)
            | StoreError::Unreachable(cause)
            | StoreError::Corrupt(cause)
            | StoreError::Other(cause) => cause,
        }
    }

    /// The same kind of failure, its words put in context ("database x.db: …").
    pub(crate) fn within(self, context: impl FnOnce(&str) -> String) -> StoreError {
        match self {
            StoreError::Busy(cause) => StoreError::Busy(context(&cause)),
            StoreError::Unreachable(cause) => StoreError::Unreachable(context(&cause)),
            StoreError::Corrupt(cause) => StoreError::Corrupt(context(&cause)),
            StoreError::Other(cause) => StoreError::Other(context(&cause)),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.cause())
    }
}

impl std::error::Error for StoreError {}

/// The store's functions that no caller branches on still say their failure in words.
impl From<String> for StoreError {
    fn from(cause: String) -> StoreError {
        StoreError::Other(cause)
    }
}

/// For the callers that only pass the words on (a command's message, a log line).
impl From<StoreError> for String {
    fn from(e: StoreError) -> String {
        e.cause().to_string()
    }
}
