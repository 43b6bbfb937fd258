//! Opening hours: OSM `opening_hours` evaluated with French public holidays closed, in words
//! ("Ouvert maintenant — ferme à 17 h 00"), and the France Services list's free text
//! ("09:00 - 12:00 / 13:30 - 17:00") converted to OSM.
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use std::sync::{Arc, Mutex, OnceLock};

use compact_calendar::CompactCalendar;
use opening_hours::{Context, ContextHolidays, OpeningHours, RuleKind};

use crate::calendar::Region;
use crate::calendar::holidays::public_holidays;

/// Where a lieu stands at a moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OpenState {
    /// Open; closes at that time (if it ever does within a week).
    Open { closes: Option<NaiveDateTime> },
    /// Closed; opens at that time (if within a week).
    Closed { opens: Option<NaiveDateTime> },
    /// No hours given.
    Unknown,
    /// Hours that do not parse: shown as they are.
    Raw(String),
}

/// The years whose holidays the evaluation knows: wide enough for any kiosk's life.
const YEARS: std::ops::RangeInclusive<i32> = 2020..=2060;

/// The public holidays of a region in the form `opening_hours` evaluates ("PH"), built once
/// per region from the kiosk's one holiday source.
fn holidays(region: Region) -> ContextHolidays {
    static BUILT: OnceLock<Mutex<Vec<(Region, ContextHolidays)>>> = OnceLock::new();
    let built = BUILT.get_or_init(|| Mutex::new(Vec::new()));
    let mut built = built
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, h)) = built.iter().find(|(r, _)| *r == region) {
        return h.clone();
    }
    let public: CompactCalendar = YEARS
        .flat_map(|year| public_holidays(year, region))
        .map(|(day, _)| day)
        .collect();
    let h = ContextHolidays::new(Arc::new(public), Arc::new(CompactCalendar::default()));
    built.push((region, h.clone()));
    h
}

/// Parses OSM hours; the region's public holidays are closed unless the hours say otherwise
/// ("PH …").
pub(crate) fn parse(horaires: &str, region: Region) -> Option<OpeningHours> {
    let text = horaires.trim().trim_end_matches(';').trim();
    let text = if text.contains("PH") {
        text.to_string()
    } else {
        format!("{text}; PH off")
    };
    let oh: OpeningHours = text.parse().ok()?;
    Some(oh.with_context(Context::default().with_holidays(holidays(region))))
}

/// How many lieux' states are kept: a screen lists a dozen at most.
const KEPT: usize = 32;

/// Where a lieu stands at `now`, a time on the lieu's own clock. Opening hours change state
/// on the minute: within one minute, frames that show the lieu again take it from here
/// instead of parsing and evaluating its hours once more.
pub(crate) fn state(horaires: Option<&str>, region: Region, now: NaiveDateTime) -> OpenState {
    type Kept = Vec<(Option<String>, Region, NaiveDateTime, OpenState)>;
    thread_local! {
        static STATES: std::cell::RefCell<Kept> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let minute = now
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(now);
    STATES.with(|kept| {
        let mut kept = kept.borrow_mut();
        if let Some((.., state)) = kept
            .iter()
            .find(|(h, r, m, _)| h.as_deref() == horaires && *r == region && *m == minute)
        {
            return state.clone();
        }
        let state = evaluate(horaires, region, now);
        if kept.len() == KEPT {
            kept.remove(0);
        }
        kept.push((horaires.map(str::to_string), region, minute, state.clone()));
        state
    })
}

fn evaluate(horaires: Option<&str>, region: Region, now: NaiveDateTime) -> OpenState {
    let Some(text) = horaires.map(str::trim).filter(|t| !t.is_empty()) else {
        return OpenState::Unknown;
    };
    let Some(oh) = parse(text, region) else {
        return OpenState::Raw(text.to_string());
    };
    let within_week = |t: NaiveDateTime| (t - now <= Duration::days(7)).then_some(t);
    let next = oh.next_change(now).and_then(within_week);
    if oh.is_open(now) {
        OpenState::Open { closes: next }
    } else {
        OpenState::Closed { opens: next }
    }
}

/// A day and its opening intervals.
pub(crate) type DayHours = (NaiveDate, Vec<(NaiveTime, NaiveTime)>);

/// The opening intervals of each day of the week that holds `day`, Monday first.
pub(crate) fn week(horaires: &str, region: Region, day: NaiveDate) -> Option<Vec<DayHours>> {
    let oh = parse(horaires, region)?;
    let monday = crate::calendar::monday_of(day);
    let mut out = Vec::new();
    for offset in 0..7 {
        let d = monday + Duration::days(offset);
        let start = d.and_hms_opt(0, 0, 0).expect("midnight");
        let end = start + Duration::days(1);
        let intervals: Vec<(NaiveTime, NaiveTime)> = oh
            .iter_range(start, end)
            .filter(|r| r.kind == RuleKind::Open)
            .map(|r| {
                let to = if r.range.end >= end {
                    NaiveTime::from_hms_opt(23, 59, 0).expect("time")
                } else {
                    r.range.end.time()
                };
                (r.range.start.time(), to)
            })
            .collect();
        out.push((d, intervals));
    }
    Some(out)
}

const DAYS: [&str; 6] = ["Mo", "Tu", "We", "Th", "Fr", "Sa"];

/// One day of the France Services list ("09:00 - 12:00 / 13:30 - 17:00") as OSM time ranges
/// ("09:00-12:00,13:30-17:00"); `None` for a closed day, `Err` for text that is not hours.
fn day_ranges(text: &str) -> Result<Option<String>, ()> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("fermé") || text.eq_ignore_ascii_case("ferme")
    {
        return Ok(None);
    }
    let mut ranges = Vec::new();
    for part in text.split(['/', ',', ';']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (a, b) = part.split_once('-').ok_or(())?;
        ranges.push(format!("{}-{}", hhmm(a)?, hhmm(b)?));
    }
    if ranges.is_empty() {
        Ok(None)
    } else {
        Ok(Some(ranges.join(",")))
    }
}

/// "9h", "09:00", "9h30", "09 h 30" → "09:30"
fn hhmm(text: &str) -> Result<String, ()> {
    let digits: String = text.trim().replace([' ', 'h', 'H'], ":").replace("::", ":");
    let digits = digits.trim_matches(':');
    let (h, m) = digits.split_once(':').unwrap_or((digits, "0"));
    let h: u32 = h.parse().map_err(|_| ())?;
    let m: u32 = if m.is_empty() {
        0
    } else {
        m.parse().map_err(|_| ())?
    };
    if h > 24 || m > 59 {
        return Err(());
    }
    Ok(format!("{h:02}:{m:02}"))
}

/// Monday to Saturday of the France Services list → OSM `opening_hours`. Days with the same
/// hours are not grouped: the result stays easy to check against the source.
pub(crate) fn from_france_services(days: &[&str; 6]) -> Result<Option<String>, String> {
    let mut rules = Vec::new();
    for (name, text) in DAYS.iter().zip(days) {
        match day_ranges(text) {
            Ok(Some(ranges)) => rules.push(format!("{name} {ranges}")),
            Ok(None) => {}
            Err(()) => return Err(format!("{name}: {text:?} is not opening hours")),
        }
    }
    Ok((!rules.is_empty()).then(|| rules.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_local;

    fn t(s: &str) -> NaiveDateTime {
        parse_local(s).unwrap()
    }

    const HOURS: &str = "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00";
    const M: Region = Region::Metropole;

    #[test]
    fn good_friday_is_closed_in_alsace_only() {
        // Friday 3 April 2026.
        assert_eq!(
            state(Some(HOURS), Region::AlsaceMoselle, t("2026-04-03T10:00")),
            OpenState::Closed {
                opens: Some(t("2026-04-04T09:00"))
            }
        );
        assert!(matches!(
            state(Some(HOURS), M, t("2026-04-03T10:00")),
            OpenState::Open { .. }
        ));
    }

    #[test]
    fn the_abolition_day_is_closed_in_la_reunion() {
        // Sunday 20 December 2026 is no test; 2027's is a Monday.
        assert!(matches!(
            state(Some(HOURS), Region::Reunion, t("2027-12-20T10:00")),
            OpenState::Closed { .. }
        ));
        assert!(matches!(
            state(Some(HOURS), M, t("2027-12-20T10:00")),
            OpenState::Open { .. }
        ));
    }

    #[test]
    fn a_weekday_morning_is_open_until_noon() {
        assert_eq!(
            state(Some(HOURS), M, t("2026-03-02T10:15")),
            OpenState::Open {
                closes: Some(t("2026-03-02T12:00"))
            }
        );
    }

    #[test]
    fn the_lunch_break_is_closed_until_two() {
        assert_eq!(
            state(Some(HOURS), M, t("2026-03-02T12:30")),
            OpenState::Closed {
                opens: Some(t("2026-03-02T14:00"))
            }
        );
    }

    #[test]
    fn sunday_is_closed_until_monday() {
        assert_eq!(
            state(Some(HOURS), M, t("2026-03-01T11:00")),
            OpenState::Closed {
                opens: Some(t("2026-03-02T09:00"))
            }
        );
    }

    #[test]
    fn the_14th_of_july_is_closed() {
        // Tuesday 14 July 2026: a public holiday, even if the rules say "Tu".
        assert_eq!(
            state(Some(HOURS), M, t("2026-07-14T10:00")),
            OpenState::Closed {
                opens: Some(t("2026-07-15T09:00"))
            }
        );
    }

    #[test]
    fn unparsable_hours_are_shown_as_they_are() {
        assert_eq!(
            state(Some("le matin sauf le mardi"), M, t("2026-03-02T10:00")),
            OpenState::Raw("le matin sauf le mardi".into())
        );
        assert_eq!(
            state(Some("  "), M, t("2026-03-02T10:00")),
            OpenState::Unknown
        );
        assert_eq!(state(None, M, t("2026-03-02T10:00")), OpenState::Unknown);
    }

    #[test]
    fn france_services_hours_become_osm() {
        let days = [
            "13:30 - 17:00",
            "09:00 - 12:00 / 13:30 - 17:00",
            "",
            "9h - 12h",
            "Fermé",
            "08:30 - 12:00",
        ];
        let osm = from_france_services(&days).unwrap().unwrap();
        assert_eq!(
            osm,
            "Mo 13:30-17:00; Tu 09:00-12:00,13:30-17:00; Th 09:00-12:00; Sa 08:30-12:00"
        );
        assert!(parse(&osm, M).is_some(), "the result parses");
        assert_eq!(
            from_france_services(&["", "", "", "", "", ""]).unwrap(),
            None
        );
        assert!(from_france_services(&["sur rendez-vous", "", "", "", "", ""]).is_err());
    }

    #[test]
    fn the_week_lists_each_day() {
        let week = week(
            HOURS,
            M,
            chrono::NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
        )
        .unwrap();
        assert_eq!(week.len(), 7);
        assert_eq!(week[0].0.to_string(), "2026-03-02");
        assert_eq!(week[0].1.len(), 2);
        assert_eq!(week[5].1.len(), 1);
        assert!(week[6].1.is_empty());
    }
}
