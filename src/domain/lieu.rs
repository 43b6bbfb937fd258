//! A lieu de médiation numérique, as the national data standard (v1.0.2) describes it, with
//! what the kiosk shows of it.
use chrono::NaiveDateTime;
use serde::Serialize;

use super::communes::normalise;
use super::hours::{self, OpenState};
use super::nearest::km;
use crate::calendar::Calendar;

use crate::vocabulary::lieux::Service;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Lieu {
    pub id: String,
    pub nom: String,
    pub commune: String,
    pub code_postal: String,
    pub code_insee: Option<String>,
    pub adresse: String,
    pub complement_adresse: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub telephone: Option<String>,
    pub courriels: Option<String>,
    pub site_web: Option<String>,
    /// OSM `opening_hours`, or free text when it was not convertible.
    pub horaires: Option<String>,
    pub presentation: Option<String>,
    pub services: Vec<Service>,
    pub publics: Vec<String>,
    pub prise_en_charge: Vec<String>,
    pub frais: Vec<String>,
    pub dispositifs: Vec<String>,
    pub modalites_acces: Vec<String>,
    pub modalites_accompagnement: Vec<String>,
    pub prise_rdv: Option<String>,
    /// YYYY-MM-DD
    pub date_maj: String,
    pub source: Option<String>,
    /// The structure's SIRET (`pivot`), when the source gives a real one.
    pub pivot: Option<String>,
    /// The position is its commune's: the source's was missing, or far from the commune.
    pub approximate: bool,
}

/// Lieux data whose newest record is older than this (days) is said to be old: the feed
/// may have stopped (the staff menu, `borne check-config` and the log say it).
pub(crate) const DATA_OLD_AFTER_DAYS: i64 = 30;

/// Two records this close (km), with the same name or both France Services, are one place.
pub(crate) const SAME_PLACE_KM: f64 = 0.1;
/// Two records of one structure (the same pivot) this close are one place.
pub(crate) const SAME_STRUCTURE_KM: f64 = 0.5;

/// The filters a person can turn on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filters {
    pub free: bool,
    pub specific_support: bool,
    pub aidants_connect: bool,
    pub france_services: bool,
}

impl Lieu {
    pub(crate) fn is_france_services(&self) -> bool {
        self.dispositifs
            .iter()
            .any(|d| normalise(d).contains("france services"))
    }

    /// Whether `other`, from another record, is the same place: the same structure near by,
    /// or the same name (or both France Services) within 100 m.
    pub(crate) fn same_place(&self, other: &Lieu) -> bool {
        let (Some(a), Some(b)) = (self.located(), other.located()) else {
            return false;
        };
        let apart = km(a, b);
        (self.pivot.is_some() && self.pivot == other.pivot && apart <= SAME_STRUCTURE_KM)
            || (apart <= SAME_PLACE_KM
                && (normalise(&self.nom) == normalise(&other.nom)
                    || (self.is_france_services() && other.is_france_services())))
    }

    /// The place `self` (the record kept) and `other` describe: each field from the fresher
    /// record (the later `date_maj`) when it has it, else from the other; a position of its
    /// own before a commune's.
    pub(crate) fn merged(self, other: Lieu) -> Lieu {
        let id = self.id.clone();
        let (new, old) = if other.date_maj > self.date_maj {
            (other, self)
        } else {
            (self, other)
        };
        let text = |a: String, b: String| if a.is_empty() { b } else { a };
        let list = |a: Vec<String>, b: Vec<String>| if a.is_empty() { b } else { a };
        let use_old_position = new.approximate && !old.approximate && old.located().is_some();
        let (latitude, longitude, approximate) = if use_old_position || new.located().is_none() {
            (old.latitude, old.longitude, old.approximate)
        } else {
            (new.latitude, new.longitude, new.approximate)
        };
        Lieu {
            id,
            nom: text(new.nom, old.nom),
            commune: text(new.commune, old.commune),
            code_postal: text(new.code_postal, old.code_postal),
            code_insee: new.code_insee.or(old.code_insee),
            adresse: text(new.adresse, old.adresse),
            complement_adresse: new.complement_adresse.or(old.complement_adresse),
            latitude,
            longitude,
            telephone: new.telephone.or(old.telephone),
            courriels: new.courriels.or(old.courriels),
            site_web: new.site_web.or(old.site_web),
            horaires: new.horaires.or(old.horaires),
            presentation: new.presentation.or(old.presentation),
            services: if new.services.is_empty() {
                old.services
            } else {
                new.services
            },
            publics: list(new.publics, old.publics),
            prise_en_charge: list(new.prise_en_charge, old.prise_en_charge),
            frais: list(new.frais, old.frais),
            dispositifs: {
                let mut all = new.dispositifs;
                for d in old.dispositifs {
                    if !all.contains(&d) {
                        all.push(d);
                    }
                }
                all
            },
            modalites_acces: list(new.modalites_acces, old.modalites_acces),
            modalites_accompagnement: list(
                new.modalites_accompagnement,
                old.modalites_accompagnement,
            ),
            prise_rdv: new.prise_rdv.or(old.prise_rdv),
            date_maj: text(new.date_maj, old.date_maj),
            source: new.source.or(old.source),
            pivot: new.pivot.or(old.pivot),
            approximate,
        }
    }

    /// The lieu's zone and holidays, from its postal code.
    pub(crate) fn calendar(&self) -> Calendar {
        Calendar::of_postal_code(&self.code_postal)
    }

    /// Whether it is open at `now` (a time on the kiosk's clock), and that moment on the
    /// lieu's own clock, in which the state's times are given.
    pub(crate) fn open_state(
        &self,
        kiosk: &Calendar,
        now: NaiveDateTime,
    ) -> (OpenState, NaiveDateTime) {
        let calendar = self.calendar();
        let local = kiosk.moment_in(now, &calendar);
        (
            hours::state(self.horaires.as_deref(), calendar.region, local),
            local,
        )
    }

    pub(crate) fn located(&self) -> Option<(f64, f64)> {
        self.latitude.zip(self.longitude)
    }

    pub(crate) fn passes(&self, filters: &Filters) -> bool {
        (!filters.free || self.frais.iter().any(|f| f == "Gratuit"))
            && (!filters.specific_support || !self.prise_en_charge.is_empty())
            && (!filters.aidants_connect || self.dispositifs.iter().any(|d| d == "Aidants Connect"))
            && (!filters.france_services || self.dispositifs.iter().any(|d| d == "France Services"))
    }

    /// The name as people write it: data that shouts in capitals is calmed down.
    pub(crate) fn display_name(&self) -> String {
        calm_capitals(&self.nom)
    }
}

const SMALL_WORDS: [&str; 16] = [
    "de", "du", "des", "la", "le", "les", "et", "à", "au", "aux", "en", "sur", "sous", "pour", "d",
    "l",
];

/// "MAISON DE SERVICES AU PUBLIC D'ABONDANCE" → "Maison de Services au Public d'Abondance".
/// Acronyms (short words without vowels, or known ones) stay in capitals.
pub(crate) fn calm_capitals(text: &str) -> String {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    if letters.len() < 3 || upper * 10 < letters.len() * 8 {
        return text.to_string();
    }
    let mut out = String::new();
    let mut word = String::new();
    let mut first = true;
    let flush = |word: &mut String, out: &mut String, first: &mut bool| {
        if word.is_empty() {
            return;
        }
        let lower = word.to_lowercase();
        let vowels = lower.chars().any(|c| "aeiouyàâéèêëîïôûù".contains(c));
        let acronym = matches!(
            word.as_str(),
            "CAF"
                | "CCAS"
                | "MSA"
                | "MJC"
                | "CNFS"
                | "UDAF"
                | "CPAM"
                | "MSAP"
                | "EPN"
                | "CIAS"
                | "PIJ"
                | "BIJ"
        ) || (!vowels && (2..=4).contains(&word.chars().count()));
        let piece = if acronym {
            word.clone()
        } else if !*first && SMALL_WORDS.contains(&lower.as_str()) {
            lower
        } else {
            let mut c = lower.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        };
        out.push_str(&piece);
        word.clear();
        *first = false;
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out, &mut first);
            out.push(c);
        }
    }
    flush(&mut word, &mut out, &mut first);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_are_calmed_but_acronyms_kept() {
        assert_eq!(
            calm_capitals("BIBLIOTHEQUE DEPARTEMENTALE"),
            "Bibliotheque Departementale"
        );
        assert_eq!(
            calm_capitals("MAISON DE SERVICES AU PUBLIC D'ABONDANCE"),
            "Maison de Services au Public d'Abondance"
        );
        assert_eq!(calm_capitals("CCAS DE GAP"), "CCAS de Gap");
        assert_eq!(calm_capitals("Médiathèque de Gap"), "Médiathèque de Gap");
        assert_eq!(
            calm_capitals("@telier connecté udaf"),
            "@telier connecté udaf"
        );
    }

    fn at(id: &str, nom: &str, lat: f64, lon: f64, date: &str) -> Lieu {
        Lieu {
            id: id.into(),
            nom: nom.into(),
            latitude: Some(lat),
            longitude: Some(lon),
            date_maj: date.into(),
            ..Lieu::default()
        }
    }

    #[test]
    fn the_same_name_within_100_m_or_the_same_structure_near_by_is_one_place() {
        let fs = at(
            "fs-576",
            "France services Embrun",
            44.5636,
            6.496747,
            "2024-08-01",
        );
        let cnfs = at(
            "cnfs-1",
            "France Services  EMBRUN",
            44.563563,
            6.496767,
            "2022-07-01",
        );
        assert!(
            fs.same_place(&cnfs),
            "4 m apart, the same name but for case and spaces"
        );
        let far = at("x", "France services Embrun", 44.57, 6.49, "2022-07-01");
        assert!(!fs.same_place(&far), "800 m apart: two places");
        let mut other = at("y", "Mairie", 44.566, 6.4967, "2022-07-01");
        assert!(!fs.same_place(&other));
        let mut fs_pivot = fs.clone();
        fs_pivot.pivot = Some("21050052000012".into());
        other.pivot = fs_pivot.pivot.clone();
        assert!(fs_pivot.same_place(&other), "the same SIRET 270 m away");
    }

    #[test]
    fn merging_keeps_the_kept_id_and_takes_each_field_from_the_fresher_record_that_has_it() {
        let mut old = at(
            "cnfs-1",
            "France Services Embrun",
            44.563563,
            6.496767,
            "2022-07-01",
        );
        old.telephone = Some("04 92 00 00 00".into());
        old.horaires = Some("Mo-Fr 09:00-12:00".into());
        old.dispositifs = vec!["Conseillers numériques".into()];
        let mut new = at(
            "fs-576",
            "France services Embrun",
            44.5636,
            6.496747,
            "2024-08-01",
        );
        new.horaires = Some("Mo-Fr 08:30-12:00".into());
        new.dispositifs = vec!["France Services".into()];
        let merged = old.merged(new);
        assert_eq!(merged.id, "cnfs-1", "the record kept keeps its id");
        assert_eq!(merged.nom, "France services Embrun");
        assert_eq!(
            merged.horaires.as_deref(),
            Some("Mo-Fr 08:30-12:00"),
            "fresher"
        );
        assert_eq!(
            merged.telephone.as_deref(),
            Some("04 92 00 00 00"),
            "only the older has it"
        );
        assert_eq!(merged.date_maj, "2024-08-01");
        assert_eq!(merged.dispositifs.len(), 2);
    }

    #[test]
    fn a_position_of_its_own_wins_over_a_communes() {
        let own = at("a", "Lieu", 44.56, 6.08, "2022-01-01");
        let mut approximate = at("b", "Lieu", 44.5594, 6.0786, "2024-01-01");
        approximate.approximate = true;
        let merged = own.merged(approximate);
        assert_eq!((merged.latitude, merged.approximate), (Some(44.56), false));
    }
}
