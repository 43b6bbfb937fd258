//! A lieu de médiation numérique, as the national data standard (v1.0.2) describes it, with
//! what the kiosk shows of it.
use chrono::NaiveDateTime;
use serde::Serialize;

use super::hours::{self, OpenState};
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
}

/// The filters a person can turn on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filters {
    pub free: bool,
    pub specific_support: bool,
    pub aidants_connect: bool,
    pub france_services: bool,
}

impl Lieu {
    /// The lieu's zone and holidays, from its postal code.
    pub fn calendar(&self) -> Calendar {
        Calendar::of_postal_code(&self.code_postal)
    }

    /// Whether it is open at `now` (a time on the kiosk's clock), and that moment on the
    /// lieu's own clock, in which the state's times are given.
    pub fn open_state(&self, kiosk: &Calendar, now: NaiveDateTime) -> (OpenState, NaiveDateTime) {
        let calendar = self.calendar();
        let local = kiosk.moment_in(now, &calendar);
        (
            hours::state(self.horaires.as_deref(), calendar.region, local),
            local,
        )
    }

    pub fn located(&self) -> Option<(f64, f64)> {
        self.latitude.zip(self.longitude)
    }

    pub fn passes(&self, filters: &Filters) -> bool {
        (!filters.free || self.frais.iter().any(|f| f == "Gratuit"))
            && (!filters.specific_support || !self.prise_en_charge.is_empty())
            && (!filters.aidants_connect || self.dispositifs.iter().any(|d| d == "Aidants Connect"))
            && (!filters.france_services || self.dispositifs.iter().any(|d| d == "France Services"))
    }

    /// The name as people write it: data that shouts in capitals is calmed down.
    pub fn display_name(&self) -> String {
        calm_capitals(&self.nom)
    }
}

const SMALL_WORDS: [&str; 16] = [
    "de", "du", "des", "la", "le", "les", "et", "à", "au", "aux", "en", "sur", "sous", "pour", "d",
    "l",
];

/// "MAISON DE SERVICES AU PUBLIC D'ABONDANCE" → "Maison de Services au Public d'Abondance".
/// Acronyms (short words without vowels, or known ones) stay in capitals.
pub fn calm_capitals(text: &str) -> String {
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
}
