//! The messages the help point sends a person through the outbox, in the help point's
//! language: each says where it comes from and the number to call. One builder for the
//! kiosk, the command line and the counsellor's screens.
use chrono::NaiveDateTime;

use super::ticket::{Confirmed, when};
use crate::calendar::words;
use crate::config::KioskConfig;
use crate::i18n::Tr;

pub(crate) enum Message<'a> {
    /// Sent 48 h before the appointment.
    Reminder(&'a Confirmed),
    /// Sent at once when the appointment is made or moved: the code in writing.
    Confirmation(&'a Confirmed),
    /// An appointment the service cancelled.
    Cancelled { starts: NaiveDateTime },
    /// A workshop session moved to another day or time.
    SessionMoved {
        before: NaiveDateTime,
        starts: NaiveDateTime,
    },
    /// A workshop session cancelled.
    SessionCancelled { starts: NaiveDateTime },
    /// A seat freed in a full workshop, to someone on its waiting list (in their language).
    SeatFree {
        title: String,
        starts: NaiveDateTime,
    },
}

impl Message<'_> {
    pub(crate) fn text(&self, tr: &Tr, kiosk: &KioskConfig) -> String {
        let place = ("place", kiosk.help_point.name.clone().into());
        let phone = ("phone", kiosk.help_point.phone.clone().into());
        let day = |t: &NaiveDateTime| words::day(tr, t.date()).into();
        let time = |t: &NaiveDateTime| words::time(tr, *t).into();
        match self {
            Message::Reminder(c) => tr.text_with(
                "reminder-text",
                &[
                    ("when", when(c, tr).into()),
                    place,
                    ("code", c.code.clone().into()),
                ],
            ),
            Message::Confirmation(c) => tr.text_with(
                "confirmation-text",
                &[
                    ("when", when(c, tr).into()),
                    place,
                    ("code", c.code.clone().into()),
                    phone,
                ],
            ),
            Message::Cancelled { starts } => tr.text_with(
                "counsellor-cancel-message",
                &[("day", day(starts)), ("time", time(starts)), place, phone],
            ),
            Message::SessionMoved { before, starts } => tr.text_with(
                "workshop-admin-move-message",
                &[
                    place,
                    ("before", day(before)),
                    ("day", day(starts)),
                    ("time", time(starts)),
                    phone,
                ],
            ),
            Message::SessionCancelled { starts } => tr.text_with(
                "workshop-admin-cancel-message",
                &[place, ("day", day(starts)), ("time", time(starts)), phone],
            ),
            Message::SeatFree { title, starts } => tr.text_with(
                "waitlist-seat-free",
                &[
                    place,
                    ("title", title.clone().into()),
                    ("day", day(starts)),
                    ("time", time(starts)),
                    phone,
                ],
            ),
        }
    }
}
