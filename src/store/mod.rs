//! The store, in three parts. The interface both backends answer to: what screens ask and
//! what they are answered (`protocol.rs`), the agenda's types and traits (`appointments.rs`,
//! `outbox.rs`, `queue.rs`), what both keep alike (`reports.rs`, `feed.rs`) and statistics
//! worked out from any agenda (`stats.rs`). The two backends: the help point's SQLite file
//! (`sqlite/`) and a network's PostgreSQL agenda (`postgres/`); neither names the other.
//! Above them, `stores.rs` holds a help point's stores together and routes each request.
pub(crate) mod appointments;
mod error;
mod feed;
pub mod outbox;
pub mod postgres;
pub(crate) mod protocol;
pub(crate) mod queue;
mod reports;
pub(crate) mod sqlite;
mod stats;
mod stores;
pub mod waitlist;

pub use outbox::Outbox;
pub use sqlite::{FeedState, SqliteStore, resolve_path};

pub use appointments::{
    AgendaStore, Appointment, BookedBy, Bookings, Busy, CODE_PLACEHOLDER, Canceller, Journal, Move,
    NewBooking, NewRegistration, Refusal, Registrant, Reminder, Reports, Session, Status, What,
    Workshops,
};
pub(crate) use error::StoreError;
pub(crate) use feed::Validators;
pub use protocol::{QueueRequest, Reply, Request, SignIn};
pub use queue::{Caller, Queue, QueueRefusal};
pub use stats::{Period, Span, Stats, stats};
pub use stores::{Network, Published, Stores, answer};
pub use waitlist::{NewWaiting, Waiting, Waitlist};
