//! Local time in a place: its IANA time zone (chrono-tz carries the database) and its public
//! holidays. The kiosk works in naive local times of its help point; a `Calendar` turns them
//! into instants and back, and adds real durations across the clock changes.
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::holidays::{self, Holiday, Region};

/// The zones a French help point or lieu can be in. Anything else in `kiosk.toml` is an
/// error: a typo would silently shift every slot. chrono-tz is built with these only
/// (`CHRONO_TZ_TIMEZONE_FILTER` in `.cargo/config.toml`).
pub(crate) const FRENCH_ZONES: [&str; 15] = [
    "Europe/Paris",
    "America/Guadeloupe",
    "America/Martinique",
    "America/Cayenne",
    "Indian/Reunion",
    "Indian/Mayotte",
    "America/Miquelon",
    "America/St_Barthelemy",
    "America/Marigot",
    "Pacific/Wallis",
    "Pacific/Tahiti",
    "Pacific/Marquesas",
    "Pacific/Gambier",
    "Pacific/Noumea",
    "Indian/Kerguelen",
];

/// A French zone by its IANA name.
pub(crate) fn zone(name: &str) -> Result<Tz, String> {
    if !FRENCH_ZONES.contains(&name) {
        return Err(format!(
            "unknown time zone {name:?} (expected one of {})",
            FRENCH_ZONES.join(", ")
        ));
    }
    name.parse::<Tz>().map_err(|e| format!("{name}: {e}"))
}

/// Where a place is: its zone and the holidays of its region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calendar {
    pub zone: Tz,
    pub region: Region,
}

impl Calendar {
    pub(crate) fn new(zone: Tz, region: Region) -> Calendar {
        Calendar { zone, region }
    }

    /// The calendar of a place from its postal code (the overseas départements have their
    /// own zone and holidays).
    pub fn of_postal_code(postal_code: &str) -> Calendar {
        let region = Region::of_postal_code(postal_code);
        Calendar {
            zone: region.zone(),
            region,
        }
    }

    /// The instant of a local time. In an hour that happens twice (October), the first one;
    /// a time that does not exist (the March gap) counts as the instant the clocks jumped.
    pub(crate) fn to_utc(self, local: NaiveDateTime) -> DateTime<Utc> {
        if let Some(t) = self.zone.from_local_datetime(&local).earliest() {
            return t.with_timezone(&Utc);
        }
        // A gap is never longer than a day (Samoa, 2011); step over it by minutes.
        let mut probe = local;
        for _ in 0..(26 * 60) {
            probe += Duration::minutes(1);
            if let Some(t) = self.zone.from_local_datetime(&probe).earliest() {
                let jumped = t.with_timezone(&Utc);
                // The first valid local minute after the gap is the jump itself, to the minute.
                return jumped - Duration::seconds(i64::from(chrono::Timelike::second(&probe)));
            }
        }
        Utc.from_utc_datetime(&local)
    }

    pub(crate) fn local(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        instant.with_timezone(&self.zone).naive_local()
    }

    /// A local time plus a real duration (a 2-hour delay at 01:30 on the night the clocks go
    /// forward ends at 04:30, not 03:30).
    pub(crate) fn add(&self, local: NaiveDateTime, duration: Duration) -> NaiveDateTime {
        self.local(self.to_utc(local) + duration)
    }

    /// The same moment as `local` (a time in `self`) read on a clock in `other`.
    pub(crate) fn moment_in(&self, local: NaiveDateTime, other: &Calendar) -> NaiveDateTime {
        if self.zone == other.zone {
            return local;
        }
        other.local(self.to_utc(local))
    }

    pub(crate) fn holiday(&self, day: NaiveDate) -> Option<Holiday> {
        holidays::holiday(day, self.region)
    }
}

impl Default for Calendar {
    fn default() -> Calendar {
        Calendar::new(chrono_tz::Europe::Paris, Region::Metropole)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_local;

    fn t(s: &str) -> NaiveDateTime {
        parse_local(s).unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        Utc.from_utc_datetime(&t(s))
    }

    #[test]
    fn paris_winter_and_summer() {
        let paris = Calendar::default();
        assert_eq!(paris.to_utc(t("2026-01-15T10:00")), utc("2026-01-15T09:00"));
        assert_eq!(paris.to_utc(t("2026-07-15T10:00")), utc("2026-07-15T08:00"));
        assert_eq!(paris.local(utc("2026-07-15T08:00")), t("2026-07-15T10:00"));
    }

    /// chrono-tz is built with the French zones only: each must be there, with its own
    /// offset in January (links such as Mayotte → Nairobi included), and no other.
    #[test]
    fn every_french_zone_is_built_with_its_offset() {
        use chrono::Offset;
        let january = t("2026-01-15T12:00");
        let hours = |name: &str| {
            let tz = zone(name).unwrap();
            let local = tz.from_utc_datetime(&january);
            f64::from(local.offset().fix().local_minus_utc()) / 3600.0
        };
        let expected = [
            ("Europe/Paris", 1.0),
            ("America/Guadeloupe", -4.0),
            ("America/Martinique", -4.0),
            ("America/Cayenne", -3.0),
            ("America/Miquelon", -3.0),
            ("America/St_Barthelemy", -4.0),
            ("America/Marigot", -4.0),
            ("Indian/Reunion", 4.0),
            ("Indian/Mayotte", 3.0),
            ("Indian/Kerguelen", 5.0),
            ("Pacific/Wallis", 12.0),
            ("Pacific/Tahiti", -10.0),
            ("Pacific/Marquesas", -9.5),
            ("Pacific/Gambier", -9.0),
            ("Pacific/Noumea", 11.0),
        ];
        assert_eq!(expected.len(), FRENCH_ZONES.len());
        for (name, offset) in expected {
            assert_eq!(hours(name), offset, "{name}");
        }
        assert!("Europe/London".parse::<Tz>().is_err());
    }

    #[test]
    fn durations_across_the_clock_changes() {
        let paris = Calendar::default();
        // 29 March 2026: 02:00 becomes 03:00.
        assert_eq!(
            paris.add(t("2026-03-29T01:30"), Duration::hours(2)),
            t("2026-03-29T04:30")
        );
        // 25 October 2026: 03:00 becomes 02:00.
        assert_eq!(
            paris.add(t("2026-10-25T01:30"), Duration::hours(2)),
            t("2026-10-25T02:30")
        );
        assert_eq!(
            paris.add(t("2026-10-24T10:00"), Duration::hours(24)),
            t("2026-10-25T09:00")
        );
        // 02:30 on 29 March does not exist: it counts as the jump (01:00 UTC).
        assert_eq!(paris.to_utc(t("2026-03-29T02:30")), utc("2026-03-29T01:00"));
    }

    #[test]
    fn overseas_places_have_their_own_zone() {
        let reunion = Calendar::of_postal_code("97400");
        assert_eq!(reunion.zone, chrono_tz::Indian::Reunion);
        // 10:15 in Gap in March (UTC+1) is 13:15 in Saint-Denis (UTC+4).
        let gap = Calendar::of_postal_code("05000");
        assert_eq!(
            gap.moment_in(t("2026-03-02T10:15"), &reunion),
            t("2026-03-02T13:15")
        );
        assert_eq!(
            Calendar::of_postal_code("97300").zone,
            chrono_tz::America::Cayenne
        );
        assert_eq!(
            Calendar::of_postal_code("97600").zone,
            chrono_tz::Indian::Mayotte
        );
    }

    #[test]
    fn only_french_zones_are_accepted() {
        assert!(zone("Indian/Reunion").is_ok());
        assert!(zone("Europe/Berlin").is_err());
        assert!(zone("Europe/Pariss").is_err());
    }
}
