//! French public holidays (jours fériés), computed: the eleven national days, those that follow
//! Easter, and the regional days (Alsace-Moselle; the abolition of slavery overseas). The one
//! source for slots, workshops and lieux hours alike.
use chrono::{Datelike, Duration, NaiveDate};
use chrono_tz::Tz;

/// Where the holidays differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Region {
    Metropole,
    /// Moselle, Bas-Rhin, Haut-Rhin: Vendredi saint and 26 décembre.
    AlsaceMoselle,
    Guadeloupe,
    Martinique,
    Guyane,
    Reunion,
    Mayotte,
    SaintPierreEtMiquelon,
    SaintBarthelemy,
    SaintMartin,
    WallisEtFutuna,
    Polynesie,
    NouvelleCaledonie,
}

impl Region {
    /// The region of a postal code (its département: the first two digits, three overseas).
    pub(crate) fn of_postal_code(code: &str) -> Region {
        let code = code.trim();
        match code {
            "97133" => return Region::SaintBarthelemy,
            "97150" => return Region::SaintMartin,
            _ => {}
        }
        match code.get(..3).unwrap_or("") {
            "971" => return Region::Guadeloupe,
            "972" => return Region::Martinique,
            "973" => return Region::Guyane,
            "974" => return Region::Reunion,
            "975" => return Region::SaintPierreEtMiquelon,
            "976" => return Region::Mayotte,
            "977" => return Region::SaintBarthelemy,
            "978" => return Region::SaintMartin,
            "986" => return Region::WallisEtFutuna,
            "987" => return Region::Polynesie,
            "988" => return Region::NouvelleCaledonie,
            _ => {}
        }
        match code.get(..2).unwrap_or("") {
            "57" | "67" | "68" => Region::AlsaceMoselle,
            _ => Region::Metropole,
        }
    }

    /// The region's time zone in the IANA database.
    pub(crate) fn zone(self) -> Tz {
        use chrono_tz::{America, Europe, Indian, Pacific};
        match self {
            Region::Metropole | Region::AlsaceMoselle => Europe::Paris,
            Region::Guadeloupe => America::Guadeloupe,
            Region::Martinique => America::Martinique,
            Region::Guyane => America::Cayenne,
            Region::Reunion => Indian::Reunion,
            Region::Mayotte => Indian::Mayotte,
            Region::SaintPierreEtMiquelon => America::Miquelon,
            Region::SaintBarthelemy => America::St_Barthelemy,
            Region::SaintMartin => America::Marigot,
            Region::WallisEtFutuna => Pacific::Wallis,
            Region::Polynesie => Pacific::Tahiti,
            Region::NouvelleCaledonie => Pacific::Noumea,
        }
    }

    /// The day the abolition of slavery is commemorated there (a public holiday).
    fn abolition(self) -> Option<(u32, u32)> {
        match self {
            Region::Guadeloupe => Some((5, 27)),
            Region::Martinique => Some((5, 22)),
            Region::Guyane => Some((6, 10)),
            Region::Reunion => Some((12, 20)),
            Region::Mayotte => Some((4, 27)),
            Region::SaintBarthelemy => Some((10, 9)),
            Region::SaintMartin => Some((5, 28)),
            _ => None,
        }
    }
}

/// A public holiday, by the name an agenda uses to open on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    JourDeLAn,
    VendrediSaint,
    LundiDePaques,
    FeteDuTravail,
    Victoire1945,
    Ascension,
    LundiDePentecote,
    FeteNationale,
    Assomption,
    Toussaint,
    Armistice,
    Noel,
    SaintEtienne,
    AbolitionDeLEsclavage,
}

impl Holiday {
    pub(crate) const ALL: [Holiday; 14] = [
        Holiday::JourDeLAn,
        Holiday::VendrediSaint,
        Holiday::LundiDePaques,
        Holiday::FeteDuTravail,
        Holiday::Victoire1945,
        Holiday::Ascension,
        Holiday::LundiDePentecote,
        Holiday::FeteNationale,
        Holiday::Assomption,
        Holiday::Toussaint,
        Holiday::Armistice,
        Holiday::Noel,
        Holiday::SaintEtienne,
        Holiday::AbolitionDeLEsclavage,
    ];

    /// The name used in `agenda.toml` (`open_on_holidays = ["lundi-de-pentecote"]`).
    pub(crate) fn id(self) -> &'static str {
        match self {
            Holiday::JourDeLAn => "jour-de-l-an",
            Holiday::VendrediSaint => "vendredi-saint",
            Holiday::LundiDePaques => "lundi-de-paques",
            Holiday::FeteDuTravail => "fete-du-travail",
            Holiday::Victoire1945 => "victoire-1945",
            Holiday::Ascension => "ascension",
            Holiday::LundiDePentecote => "lundi-de-pentecote",
            Holiday::FeteNationale => "fete-nationale",
            Holiday::Assomption => "assomption",
            Holiday::Toussaint => "toussaint",
            Holiday::Armistice => "armistice",
            Holiday::Noel => "noel",
            Holiday::SaintEtienne => "saint-etienne",
            Holiday::AbolitionDeLEsclavage => "abolition-de-l-esclavage",
        }
    }

    pub(crate) fn from_id(id: &str) -> Option<Holiday> {
        Holiday::ALL.into_iter().find(|h| h.id() == id)
    }
}

/// Easter Sunday (anonymous Gregorian algorithm).
pub(crate) fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is a real date")
}

/// The public holidays of a region in a year, in date order.
pub(crate) fn public_holidays(year: i32, region: Region) -> Vec<(NaiveDate, Holiday)> {
    let date = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d).expect("a fixed holiday");
    let easter = easter(year);
    let mut days = vec![
        (date(1, 1), Holiday::JourDeLAn),
        (easter + Duration::days(1), Holiday::LundiDePaques),
        (date(5, 1), Holiday::FeteDuTravail),
        (date(5, 8), Holiday::Victoire1945),
        (easter + Duration::days(39), Holiday::Ascension),
        (easter + Duration::days(50), Holiday::LundiDePentecote),
        (date(7, 14), Holiday::FeteNationale),
        (date(8, 15), Holiday::Assomption),
        (date(11, 1), Holiday::Toussaint),
        (date(11, 11), Holiday::Armistice),
        (date(12, 25), Holiday::Noel),
    ];
    if region == Region::AlsaceMoselle {
        days.push((easter - Duration::days(2), Holiday::VendrediSaint));
        days.push((date(12, 26), Holiday::SaintEtienne));
    }
    if let Some((m, d)) = region.abolition() {
        days.push((date(m, d), Holiday::AbolitionDeLEsclavage));
    }
    days.sort_by_key(|(day, _)| *day);
    days
}

/// The holiday on that day in that region, if any.
pub(crate) fn holiday(day: NaiveDate, region: Region) -> Option<Holiday> {
    public_holidays(day.year(), region)
        .into_iter()
        .find(|(d, _)| *d == day)
        .map(|(_, h)| h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_dates_match_the_calendar() {
        assert_eq!(easter(2024), d(2024, 3, 31));
        assert_eq!(easter(2025), d(2025, 4, 20));
        assert_eq!(easter(2026), d(2026, 4, 5));
        assert_eq!(easter(2027), d(2027, 3, 28));
    }

    #[test]
    fn holidays_of_2026_in_metropolitan_france() {
        let m = Region::Metropole;
        assert_eq!(holiday(d(2026, 4, 6), m), Some(Holiday::LundiDePaques));
        assert_eq!(holiday(d(2026, 5, 14), m), Some(Holiday::Ascension));
        assert_eq!(holiday(d(2026, 5, 25), m), Some(Holiday::LundiDePentecote));
        assert!(holiday(d(2026, 7, 14), m).is_some());
        assert!(holiday(d(2026, 7, 15), m).is_none());
        assert_eq!(public_holidays(2026, m).len(), 11);
        // Good Friday is worked outside Alsace-Moselle.
        assert!(holiday(d(2026, 4, 3), m).is_none());
    }

    #[test]
    fn alsace_moselle_has_good_friday_and_saint_stephen() {
        let region = Region::of_postal_code("67000");
        assert_eq!(region, Region::AlsaceMoselle);
        assert_eq!(Region::of_postal_code("57000"), Region::AlsaceMoselle);
        assert_eq!(Region::of_postal_code("68100"), Region::AlsaceMoselle);
        assert_eq!(holiday(d(2026, 4, 3), region), Some(Holiday::VendrediSaint));
        assert_eq!(
            holiday(d(2026, 12, 26), region),
            Some(Holiday::SaintEtienne)
        );
        assert_eq!(public_holidays(2026, region).len(), 13);
    }

    #[test]
    fn overseas_abolition_days() {
        let abolition = |code: &str, m: u32, day: u32| {
            let region = Region::of_postal_code(code);
            assert_eq!(
                holiday(d(2026, m, day), region),
                Some(Holiday::AbolitionDeLEsclavage),
                "{code}"
            );
            assert!(holiday(d(2026, m, day), Region::Metropole).is_none());
        };
        abolition("97110", 5, 27);
        abolition("97200", 5, 22);
        abolition("97300", 6, 10);
        abolition("97400", 12, 20);
        abolition("97600", 4, 27);
        abolition("97133", 10, 9);
        abolition("97150", 5, 28);
        assert_eq!(Region::of_postal_code("05000"), Region::Metropole);
        assert_eq!(Region::of_postal_code("20000"), Region::Metropole);
    }

    #[test]
    fn holiday_names_round_trip() {
        for h in Holiday::ALL {
            assert_eq!(Holiday::from_id(h.id()), Some(h));
        }
    }
}
