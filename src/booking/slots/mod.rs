//! Free slots: plages − bookings − absences − public holidays, cut on a stable grid from each
//! plage's start (a booking never shifts later slots: RDV Service Public #3977).
use chrono::{Duration, NaiveDate, NaiveDateTime, Timelike};

use super::agenda::Agenda;
use crate::calendar::Calendar;
use crate::store::Busy;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub counsellor: usize,
    pub motif: usize,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    pub plage: usize,
}

/// The first moment a booking may start: now plus the minimum delay (a real duration, across
/// clock changes), rounded up to the next 5 minutes.
pub(crate) fn earliest_start(
    calendar: &Calendar,
    now: NaiveDateTime,
    min_delay: Duration,
) -> NaiveDateTime {
    let t = calendar.add(now, min_delay);
    let t = t.with_nanosecond(0).expect("0 ns");
    let past = (t.minute() % 5) as i64 * 60 + i64::from(t.second());
    if past == 0 {
        t
    } else {
        t + Duration::seconds(5 * 60 - past)
    }
}

/// The last day a booking may fall on.
pub(crate) fn last_day(now: NaiveDateTime, horizon: Duration) -> NaiveDate {
    (now + horizon).date()
}

/// Every free slot of a motif at this help point from now to its horizon, in time order.
pub fn free_slots(agenda: &Agenda, motif: usize, busy: &[Busy], now: NaiveDateTime) -> Vec<Slot> {
    slots(agenda, motif, busy, now, |plage| plage.help_point.is_none())
}

/// How far ahead "soon" is: a help point with nothing sooner says where the counsellors are.
pub(crate) const SOON: Duration = Duration::days(7);

/// When this help point has no free slot of the motif soon, the first free slot at another
/// help point of the network, if it comes sooner than this one's first ("Karim reçoit aussi
/// jeudi 5 mars dans un autre lieu : Médiathèque d'Embrun").
pub(crate) fn sooner_elsewhere(
    agenda: &Agenda,
    motif: usize,
    busy: &[Busy],
    here: &[Slot],
    now: NaiveDateTime,
) -> Option<Slot> {
    let first_here = here.first().map(|s| s.starts);
    if first_here.is_some_and(|t| t < now + SOON) {
        return None;
    }
    slots(agenda, motif, busy, now, |plage| plage.help_point.is_some())
        .into_iter()
        .next()
        .filter(|s| first_here.is_none_or(|t| s.starts < t))
}

fn slots(
    agenda: &Agenda,
    motif: usize,
    busy: &[Busy],
    now: NaiveDateTime,
    keep: impl Fn(&super::agenda::Plage) -> bool,
) -> Vec<Slot> {
    let m = &agenda.motifs[motif];
    let earliest = earliest_start(&agenda.calendar, now, m.min_delay);
    let last = last_day(now, m.horizon);
    // Busy intervals per counsellor, sorted, for a binary search per slot.
    let mut by_counsellor: Vec<Vec<(NaiveDateTime, NaiveDateTime)>> =
        vec![Vec::new(); agenda.counsellors.len()];
    for b in busy {
        if let Some(c) = agenda.counsellor_by_id(&b.counsellor) {
            by_counsellor[c].push((b.starts, b.ends));
        }
    }
    for intervals in &mut by_counsellor {
        intervals.sort();
    }
    let mut slots = Vec::new();
    let mut day = earliest.date();
    while day <= last {
        // This help point's closures close its plages; a holiday closes every one.
        let (closed_here, holiday) = (agenda.closed(day), agenda.holiday_closed(day));
        if !holiday {
            for (p, plage) in agenda.plages.iter().enumerate() {
                if !keep(plage)
                    || (closed_here && plage.help_point.is_none())
                    || !plage.motifs.contains(&motif)
                    || !plage.open_on(day)
                    || agenda.away(plage.counsellor, day)
                {
                    continue;
                }
                let end = day.and_time(plage.end);
                let mut starts = day.and_time(plage.start);
                while starts + m.duration <= end {
                    let ends = starts + m.duration;
                    if starts >= earliest
                        && !overlaps(&by_counsellor[plage.counsellor], starts, ends)
                    {
                        slots.push(Slot {
                            counsellor: plage.counsellor,
                            motif,
                            starts,
                            ends,
                            plage: p,
                        });
                    }
                    starts = ends;
                }
            }
        }
        day += Duration::days(1);
    }
    slots.sort_by_key(|s| (s.starts, s.counsellor));
    slots
}

fn overlaps(
    sorted: &[(NaiveDateTime, NaiveDateTime)],
    starts: NaiveDateTime,
    ends: NaiveDateTime,
) -> bool {
    // The first interval ending after `starts` is the only one that can overlap first.
    let i = sorted.partition_point(|(_, e)| *e <= starts);
    sorted[i..]
        .iter()
        .take_while(|(s, _)| *s < ends)
        .any(|(s, e)| *s < ends && *e > starts)
}

/// The times a person may choose on a day: one per start time, the first counsellor free.
pub(crate) fn times_on(slots: &[Slot], day: NaiveDate) -> Vec<Slot> {
    let mut out: Vec<Slot> = Vec::new();
    for slot in slots.iter().filter(|s| s.starts.date() == day) {
        if out.last().is_none_or(|last| last.starts != slot.starts) {
            out.push(slot.clone());
        }
    }
    out
}

/// The days with free slots, and how many distinct times each has.
pub(crate) fn days_with_slots(slots: &[Slot]) -> Vec<(NaiveDate, usize)> {
    let mut days: Vec<(NaiveDate, usize)> = Vec::new();
    let mut last_time = None;
    for slot in slots {
        let day = slot.starts.date();
        if days.last().is_none_or(|(d, _)| *d != day) {
            days.push((day, 0));
            last_time = None;
        }
        if last_time != Some(slot.starts) {
            days.last_mut().expect("a day").1 += 1;
            last_time = Some(slot.starts);
        }
    }
    days
}

#[cfg(test)]
mod tests;
