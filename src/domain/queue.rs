//! The help point's queue ("Je suis là"): people who walk in and people who arrive for their
//! appointment, each with a ticket numbered per day and help point ("A-012"). Its rules are
//! arithmetic on the entries, so both stores and every screen share them: the order (an
//! appointment whose time has come first, then walk-ins by arrival), the check-in window, the
//! wait estimate from today's actual times, the figures for the statistics.
use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::Serialize;

/// The letter before a ticket's number: one sequence a day and help point.
pub(crate) const LETTER: char = 'A';

/// The highest number a ticket may have in a day (three digits on the calling screen).
pub(crate) const MAX_NUMBER: u32 = 999;

/// A ticket as shown and printed: "A-012".
pub(crate) fn label(number: u32) -> String {
    format!("{LETTER}-{number:03}")
}

/// A ticket as typed back at the kiosk or on the command line: "A-012", "a12", "12".
pub(crate) fn parse_label(text: &str) -> Option<u32> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    let digits = compact
        .strip_prefix(LETTER)
        .or_else(|| compact.strip_prefix(LETTER.to_ascii_lowercase()))
        .unwrap_or(&compact);
    if digits.is_empty() || digits.len() > 3 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|n| (1..=MAX_NUMBER).contains(n))
}

/// A ticket's characters to spell aloud, without its hyphen: "A012" ("A, 0, 1, 2").
pub(crate) fn to_spell(number: u32) -> String {
    format!("{LETTER}{number:03}")
}

crate::vocabulary::vocabulary!(
    /// Where a queue entry stands; the labels are what the databases keep. `Unseen`: still
    /// waiting when the day ended.
    State {
        Waiting => "en attente", "waiting";
        Called => "appelé", "called";
        Served => "pris en charge", "served";
        Absent => "absent", "absent";
        Redirected => "réorienté", "redirected";
        Left => "parti", "left";
        Unseen => "non reçu", "unseen";
    }
);

impl State {
    /// Still in the queue: waiting, or called and not answered yet.
    pub(crate) fn open(self) -> bool {
        matches!(self, State::Waiting | State::Called)
    }
}

/// The appointment a checked-in entry stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Booked {
    pub code: String,
    pub starts: NaiveDateTime,
    /// The counsellor's id: their appointment is theirs to call.
    pub counsellor: String,
}

/// A new entry: a walk-in's ticket, or an appointment checked in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    /// The motif's id in the agenda.
    pub motif: String,
    /// Optional for a walk-in; the booking's for an appointment.
    pub first_name: Option<String>,
    /// The language the person chose at the kiosk.
    pub locale: String,
}

/// One person in the queue, as the store keeps them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub day: NaiveDate,
    pub number: u32,
    pub appointment: Option<Booked>,
    pub motif: String,
    pub first_name: Option<String>,
    pub locale: String,
    pub arrived: NaiveDateTime,
    pub state: State,
    /// The last call: when, by whom (a counsellor's id), to which desk; how many calls.
    pub called_at: Option<NaiveDateTime>,
    pub called_by: Option<String>,
    pub desk: Option<String>,
    pub calls: u32,
    pub closed_at: Option<NaiveDateTime>,
}

impl Entry {
    pub fn label(&self) -> String {
        label(self.number)
    }

    /// An appointment whose time has come: it goes before the walk-ins.
    fn due(&self, now: NaiveDateTime) -> bool {
        self.appointment.as_ref().is_some_and(|a| a.starts <= now)
    }

    /// Whether `counsellor` may call this person: a walk-in, or their own appointment.
    pub(crate) fn for_counsellor(&self, counsellor: &str) -> bool {
        self.appointment
            .as_ref()
            .is_none_or(|a| a.counsellor == counsellor)
    }
}

/// The people waiting, in the order they are called: appointments whose time has come (by
/// their time), then walk-ins by arrival, then appointments checked in early (by their time).
pub(crate) fn order(entries: &[Entry], now: NaiveDateTime) -> Vec<&Entry> {
    let mut waiting: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.state == State::Waiting)
        .collect();
    waiting.sort_by_key(|e| {
        let rank = match &e.appointment {
            Some(_) if e.due(now) => 0,
            None => 1,
            Some(_) => 2,
        };
        let at = e.appointment.as_ref().map_or(e.arrived, |a| a.starts);
        (rank, at, e.arrived, e.number)
    });
    waiting
}

/// Whom `counsellor` calls next: the first in order that is a walk-in or their own
/// appointment.
pub(crate) fn next_for<'a>(
    entries: &'a [Entry],
    counsellor: &str,
    now: NaiveDateTime,
) -> Option<&'a Entry> {
    order(entries, now)
        .into_iter()
        .find(|e| e.for_counsellor(counsellor))
}

/// How many are called before ticket `number` (0: the next one).
pub(crate) fn ahead_of(entries: &[Entry], number: u32, now: NaiveDateTime) -> usize {
    order(entries, now)
        .iter()
        .position(|e| e.number == number)
        .unwrap_or(0)
}

/// When an appointment may be checked in: from `before` its start to `after` it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub before: Duration,
    pub after: Duration,
}

impl Default for Window {
    fn default() -> Window {
        Window {
            before: Duration::minutes(30),
            after: Duration::minutes(15),
        }
    }
}

/// Why an appointment is not checked in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckInRefused {
    /// No appointment with that code and check (or a workshop's, or another help point's).
    NotFound,
    Cancelled,
    /// Today, but earlier than the window: it opens at `opens`.
    TooEarly {
        starts: NaiveDateTime,
        opens: NaiveDateTime,
    },
    /// Its time is past (today after the window, or another day before).
    Past {
        starts: NaiveDateTime,
    },
    /// On a day to come.
    AnotherDay {
        starts: NaiveDateTime,
    },
}

/// Whether an appointment starting at `starts` may be checked in `now`.
pub(crate) fn check_in(
    starts: NaiveDateTime,
    now: NaiveDateTime,
    window: Window,
) -> Result<(), CheckInRefused> {
    if starts.date() > now.date() {
        Err(CheckInRefused::AnotherDay { starts })
    } else if now > starts + window.after {
        Err(CheckInRefused::Past { starts })
    } else if now < starts - window.before {
        Err(CheckInRefused::TooEarly {
            starts,
            opens: starts - window.before,
        })
    } else {
        Ok(())
    }
}

/// A wait in whole minutes, as a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct Estimate {
    pub low: i64,
    pub high: i64,
}

/// Gaps between a desk's calls longer than this are a break, not a person helped.
const LONGEST_HELP: i64 = 90;
/// Fewer gaps than this today: the motifs' durations stand in.
const FEW: usize = 3;

/// How long helping one person takes at a desk today: the gaps between each counsellor's
/// consecutive calls (a break aside).
pub(crate) fn help_times(entries: &[Entry]) -> Vec<Duration> {
    let mut calls: Vec<(&str, NaiveDateTime)> = entries
        .iter()
        .filter(|e| e.state != State::Absent)
        .filter_map(|e| Some((e.called_by.as_deref()?, e.called_at?)))
        .collect();
    calls.sort();
    calls
        .windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .map(|w| w[1].1 - w[0].1)
        .filter(|d| *d > Duration::zero() && *d <= Duration::minutes(LONGEST_HELP))
        .collect()
}

/// The honest wait for someone with `ahead` people before them and `desks` counsellors on
/// duty: from the quarter of today's help times that were quickest to the quarter that were
/// longest (the motifs' durations, `usual`, until there are a few), in steps of 5 minutes.
pub(crate) fn estimate(
    ahead: usize,
    desks: usize,
    today: &[Duration],
    usual: (Duration, Duration),
) -> Estimate {
    let (quick, long) = if today.len() >= FEW {
        let mut minutes: Vec<i64> = today.iter().map(|d| d.num_minutes()).collect();
        minutes.sort();
        (percentile(&minutes, 25), percentile(&minutes, 75))
    } else {
        (usual.0.num_minutes(), usual.1.num_minutes())
    };
    let desks = desks.max(1);
    // The low end: those ahead shared among the desks; the high end: one more round (the
    // desks are busy with someone when the ticket is taken).
    let rounds_low = ahead / desks;
    let rounds_high = ahead / desks + 1;
    let low = round_down(rounds_low as i64 * quick);
    let high = round_up(rounds_high as i64 * long).max(low + 5);
    Estimate { low, high }
}

fn round_down(minutes: i64) -> i64 {
    minutes / 5 * 5
}

fn round_up(minutes: i64) -> i64 {
    (minutes + 4) / 5 * 5
}

/// The value below which `p` % of `sorted` fall (nearest rank); 0 for none.
pub(crate) fn percentile(sorted: &[i64], p: usize) -> i64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted[rank - 1]
}

/// A day of the queue, for the statistics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayFigures {
    pub day: NaiveDate,
    /// Tickets taken without an appointment.
    pub walk_ins: u32,
    /// People helped without an appointment (taken in charge).
    pub helped_without_appointment: u32,
    /// Appointments checked in at the kiosk.
    pub checked_in: u32,
    /// Called and not there, sent elsewhere, gone before their call.
    pub absent: u32,
    pub redirected: u32,
    pub left: u32,
    /// Minutes from arrival to the first call: median and 90th percentile.
    pub wait_median: Option<i64>,
    pub wait_p90: Option<i64>,
}

/// The figures of each day that had a queue, in day order.
pub fn figures(entries: &[Entry]) -> Vec<DayFigures> {
    let mut days: Vec<NaiveDate> = entries.iter().map(|e| e.day).collect();
    days.sort();
    days.dedup();
    days.into_iter()
        .map(|day| {
            let of_day: Vec<&Entry> = entries.iter().filter(|e| e.day == day).collect();
            let count = |f: &dyn Fn(&Entry) -> bool| of_day.iter().filter(|e| f(e)).count() as u32;
            let mut waits: Vec<i64> = of_day
                .iter()
                .filter_map(|e| Some(first_wait(e)?.num_minutes()))
                .collect();
            waits.sort();
            DayFigures {
                day,
                walk_ins: count(&|e| e.appointment.is_none()),
                helped_without_appointment: count(&|e| {
                    e.appointment.is_none() && e.state == State::Served
                }),
                checked_in: count(&|e| e.appointment.is_some()),
                absent: count(&|e| e.state == State::Absent),
                redirected: count(&|e| e.state == State::Redirected),
                left: count(&|e| e.state == State::Left),
                wait_median: (!waits.is_empty()).then(|| percentile(&waits, 50)),
                wait_p90: (!waits.is_empty()).then(|| percentile(&waits, 90)),
            }
        })
        .collect()
}

/// From arrival to the call (for an appointment checked in early: from its time), for
/// someone who was called.
fn first_wait(e: &Entry) -> Option<Duration> {
    let called = e.called_at?;
    let from = match &e.appointment {
        Some(a) if a.starts > e.arrived => a.starts,
        _ => e.arrived,
    };
    // A re-call moves `called_at`; the wait then counts to the last call, an upper bound.
    Some((called - from).max(Duration::zero()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(&format!("2026-03-03T{text}"), "%Y-%m-%dT%H:%M").unwrap()
    }

    fn walk_in(number: u32, arrived: &str) -> Entry {
        Entry {
            day: t("09:00").date(),
            number,
            appointment: None,
            motif: "demarche".into(),
            first_name: None,
            locale: "fr".into(),
            arrived: t(arrived),
            state: State::Waiting,
            called_at: None,
            called_by: None,
            desk: None,
            calls: 0,
            closed_at: None,
        }
    }

    fn checked_in(number: u32, arrived: &str, starts: &str, counsellor: &str) -> Entry {
        Entry {
            appointment: Some(Booked {
                code: format!("CODE{number}"),
                starts: t(starts),
                counsellor: counsellor.into(),
            }),
            ..walk_in(number, arrived)
        }
    }

    fn numbers(entries: &[&Entry]) -> Vec<u32> {
        entries.iter().map(|e| e.number).collect()
    }

    #[test]
    fn tickets_read_and_parse_as_people_type_them() {
        assert_eq!(label(12), "A-012");
        assert_eq!(to_spell(12), "A012");
        for typed in ["A-012", "a12", "12", " A 012 ", "a-12"] {
            assert_eq!(parse_label(typed), Some(12), "{typed}");
        }
        for typed in ["", "A", "0", "1000", "B-012", "12a", "A-0012"] {
            assert_eq!(parse_label(typed), None, "{typed}");
        }
    }

    #[test]
    fn an_appointment_whose_time_has_come_goes_first_then_walk_ins_by_arrival() {
        let entries = [
            walk_in(1, "09:05"),
            checked_in(2, "09:10", "09:30", "camille"),
            walk_in(3, "09:12"),
            checked_in(4, "09:20", "09:15", "karim"),
        ];
        // At 09:25: Karim's 09:15 appointment first; Camille's 09:30 after the walk-ins.
        assert_eq!(numbers(&order(&entries, t("09:25"))), [4, 1, 3, 2]);
        // At 09:30 both appointments are due, by their time.
        assert_eq!(numbers(&order(&entries, t("09:30"))), [4, 2, 1, 3]);
        // Only the waiting are in line.
        let mut served = entries.clone();
        served[0].state = State::Called;
        served[2].state = State::Served;
        assert_eq!(numbers(&order(&served, t("09:30"))), [4, 2]);
    }

    #[test]
    fn a_counsellor_calls_walk_ins_and_their_own_appointments_only() {
        let entries = [
            checked_in(1, "09:10", "09:15", "karim"),
            walk_in(2, "09:12"),
        ];
        assert_eq!(
            next_for(&entries, "camille", t("09:20")).map(|e| e.number),
            Some(2)
        );
        assert_eq!(
            next_for(&entries, "karim", t("09:20")).map(|e| e.number),
            Some(1)
        );
        assert_eq!(ahead_of(&entries, 2, t("09:20")), 1);
        assert_eq!(next_for(&entries[..1], "camille", t("09:20")), None);
    }

    #[test]
    fn the_check_in_window_runs_from_30_minutes_before_to_15_after_and_is_configurable() {
        let w = Window::default();
        let starts = t("10:00");
        assert_eq!(check_in(starts, t("09:30"), w), Ok(()));
        assert_eq!(check_in(starts, t("10:15"), w), Ok(()));
        assert_eq!(
            check_in(starts, t("09:29"), w),
            Err(CheckInRefused::TooEarly {
                starts,
                opens: t("09:30")
            })
        );
        assert_eq!(
            check_in(starts, t("10:16"), w),
            Err(CheckInRefused::Past { starts })
        );
        let tomorrow = starts + Duration::days(1);
        assert_eq!(
            check_in(tomorrow, t("10:00"), w),
            Err(CheckInRefused::AnotherDay { starts: tomorrow })
        );
        let yesterday = starts - Duration::days(1);
        assert_eq!(
            check_in(yesterday, t("10:00"), w),
            Err(CheckInRefused::Past { starts: yesterday })
        );
        let wide = Window {
            before: Duration::minutes(60),
            after: Duration::minutes(30),
        };
        assert_eq!(check_in(starts, t("09:00"), wide), Ok(()));
        assert_eq!(check_in(starts, t("10:30"), wide), Ok(()));
    }

    #[test]
    fn the_estimate_is_a_range_from_todays_help_times_else_the_motifs() {
        let usual = (Duration::minutes(20), Duration::minutes(45));
        // First thing in the morning: nobody ahead, one desk busy at most one person.
        assert_eq!(estimate(0, 1, &[], usual), Estimate { low: 0, high: 45 });
        // Two ahead, one desk, no help finished today: the motifs' durations.
        assert_eq!(estimate(2, 1, &[], usual), Estimate { low: 40, high: 135 });
        // Today's pace: 10 to 15 minutes a person; two desks share four people ahead.
        let today: Vec<Duration> = [10, 10, 12, 15, 15, 40]
            .iter()
            .map(|m| Duration::minutes(*m))
            .collect();
        assert_eq!(
            estimate(4, 2, &today, usual),
            Estimate { low: 20, high: 45 }
        );
        // Never an empty range.
        let quick = vec![Duration::minutes(1); 5];
        assert_eq!(estimate(0, 3, &quick, usual), Estimate { low: 0, high: 5 });
    }

    #[test]
    fn help_times_are_the_gaps_between_a_desks_calls_breaks_aside() {
        let mut entries: Vec<Entry> = Vec::new();
        for (n, who, at) in [
            (1, "camille", "09:00"),
            (2, "karim", "09:05"),
            (3, "camille", "09:20"),
            (4, "camille", "12:00"),
            (5, "karim", "09:35"),
        ] {
            let mut e = walk_in(n, "08:55");
            e.state = State::Served;
            e.called_by = Some(who.into());
            e.called_at = Some(t(at));
            entries.push(e);
        }
        let mut minutes: Vec<i64> = help_times(&entries)
            .iter()
            .map(|d| d.num_minutes())
            .collect();
        minutes.sort();
        // 09:20 → 12:00 is lunch, not a person.
        assert_eq!(minutes, [20, 30]);
    }

    #[test]
    fn figures_count_each_day_and_its_waits_median_and_90th_percentile() {
        let mut entries = Vec::new();
        for (n, arrived, called, state) in [
            (1, "09:00", Some("09:10"), State::Served),
            (2, "09:00", Some("09:20"), State::Served),
            (3, "09:00", Some("09:30"), State::Absent),
            (4, "09:00", Some("09:40"), State::Redirected),
            (5, "09:00", None, State::Left),
        ] {
            let mut e = walk_in(n, arrived);
            e.state = state;
            e.called_at = called.map(t);
            entries.push(e);
        }
        let mut early = checked_in(6, "09:00", "09:30", "camille");
        early.state = State::Served;
        early.called_at = Some(t("09:35"));
        entries.push(early);
        let figures = figures(&entries);
        assert_eq!(figures.len(), 1);
        let f = &figures[0];
        assert_eq!(
            (f.walk_ins, f.helped_without_appointment, f.checked_in),
            (5, 2, 1)
        );
        assert_eq!((f.absent, f.redirected, f.left), (1, 1, 1));
        // Waits 10, 20, 30, 40 and 5 (from the appointment's time): median 20, p90 40.
        assert_eq!((f.wait_median, f.wait_p90), (Some(20), Some(40)));
    }

    #[test]
    fn percentiles_take_the_nearest_rank() {
        assert_eq!(percentile(&[], 50), 0);
        assert_eq!(percentile(&[7], 90), 7);
        let ten: Vec<i64> = (1..=10).collect();
        assert_eq!((percentile(&ten, 50), percentile(&ten, 90)), (5, 9));
    }
}
