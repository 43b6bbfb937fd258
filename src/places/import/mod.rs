//! Reading lieux files: the national standard as CSV or JSON (v1.0.x, and the legacy v0.1
//! field names and services), and the France Services list. Every row is checked on its own:
//! a bad row is reported as `file:line: field: reason`, the others still come in. Text is
//! cleaned of control characters: imported data must never drive the terminal.
use std::cell::Cell;
use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

pub mod communes;
mod rows;

use crate::domain::hours;
use crate::domain::lieu::Lieu;
use crate::vocabulary::lieux::Service;

/// What is wrong with a row: its line, the field, and why (a row rejected, or imported with a
/// warning).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowNote {
    pub line: usize,
    pub field: String,
    pub reason: String,
}

#[cfg(test)]
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    /// (line, lieu)
    pub lieux: Vec<(usize, Lieu)>,
    pub rejected: Vec<RowNote>,
    pub warnings: Vec<RowNote>,
}

/// The rows a file left out, and what it said of rows it took: the first `KEPT_NOTES` of
/// each, the others only counted (a national file's warnings would grow with it).
#[derive(Debug, Default)]
pub(crate) struct Notes {
    pub rejected: Vec<RowNote>,
    /// Fields the standard requires that the row lacks, though the kiosk can show the place.
    pub warnings: Vec<RowNote>,
    /// How many of each there were, listed or not.
    pub rejected_count: usize,
    pub warning_count: usize,
}

/// How many rejected rows, and how many warnings, an import lists.
pub(crate) const KEPT_NOTES: usize = 1000;

impl Notes {
    pub(crate) fn reject(&mut self, note: RowNote) {
        self.rejected_count += 1;
        if self.rejected.len() < KEPT_NOTES {
            self.rejected.push(note);
        }
    }

    pub(crate) fn warn(&mut self, note: RowNote) {
        self.warning_count += 1;
        if self.warnings.len() < KEPT_NOTES {
            self.warnings.push(note);
        }
    }

    /// A row read as a lieu, at `line`: its warnings noted and the lieu given back, or the
    /// row rejected.
    fn take(
        &mut self,
        line: usize,
        read: Result<(Lieu, Vec<(String, String)>), RowNote>,
    ) -> Option<Lieu> {
        match read {
            Ok((lieu, said)) => {
                for (field, reason) in said {
                    self.warn(RowNote {
                        line,
                        field,
                        reason,
                    });
                }
                Some(lieu)
            }
            Err(mut r) => {
                r.line = line;
                self.reject(r);
                None
            }
        }
    }
}

/// Field names of the v0.1 files → v1.0.
const LEGACY_FIELDS: [(&str, &str); 5] = [
    ("publics_accueillis", "publics_specifiquement_adresses"),
    ("conditions_acces", "frais_a_charge"),
    ("labels_nationaux", "dispositif_programmes_nationaux"),
    ("accessibilite", "fiche_acces_libre"),
    ("courriel", "courriels"),
];

/// The 15 services of v0.1 → the 9 of v1.0 (domain.md §2).
const LEGACY_SERVICES: [(&str, Service); 15] = [
    (
        "Devenir autonome dans les démarches administratives",
        Service::AideAuxDemarchesAdministratives,
    ),
    (
        "Réaliser des démarches administratives avec un accompagnement",
        Service::AideAuxDemarchesAdministratives,
    ),
    (
        "Prendre en main un smartphone ou une tablette",
        Service::MaitriseDesOutilsNumeriquesDuQuotidien,
    ),
    (
        "Prendre en main un ordinateur",
        Service::MaitriseDesOutilsNumeriquesDuQuotidien,
    ),
    (
        "Utiliser le numérique au quotidien",
        Service::MaitriseDesOutilsNumeriquesDuQuotidien,
    ),
    (
        "Approfondir ma culture numérique",
        Service::ComprehensionDuMondeNumerique,
    ),
    (
        "Promouvoir la citoyenneté numérique",
        Service::ComprehensionDuMondeNumerique,
    ),
    (
        "Favoriser mon insertion professionnelle",
        Service::InsertionProfessionnelleViaLeNumerique,
    ),
    (
        "Créer et développer mon entreprise",
        Service::InsertionProfessionnelleViaLeNumerique,
    ),
    (
        "Accéder à une connexion internet",
        Service::AccesInternetEtMaterielInformatique,
    ),
    (
        "Accéder à du matériel",
        Service::AccesInternetEtMaterielInformatique,
    ),
    (
        "S'équiper en matériel informatique",
        Service::AcquisitionDeMaterielInformatiqueAPrixSolidaire,
    ),
    (
        "Créer avec le numérique",
        Service::LoisirsEtCreationsNumeriques,
    ),
    (
        "Accompagner les démarches de santé",
        Service::AideAuxDemarchesAdministratives,
    ),
    (
        "Soutenir la parentalité et l'éducation avec le numérique",
        Service::ParentaliteEtEducationAvecLeNumerique,
    ),
];

const PRISE_EN_CHARGE: [&str; 7] = [
    "Surdité",
    "Handicaps moteurs",
    "Handicaps mentaux",
    "Illettrisme",
    "Langues étrangères (anglais)",
    "Langues étrangères (autres)",
    "Déficience visuelle",
];

/// Removes escape sequences whole (`ESC [ 2 J`, `ESC ] 0 ; title BEL`), control characters,
/// and the invisible characters that reorder or hide text (bidi overrides, zero-width
/// spaces), then trims.
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            match chars.next() {
                // CSI: parameters, then a final byte in @–~.
                Some('[') => {
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
                // OSC, DCS…: up to BEL or ESC \.
                Some(']' | 'P' | '^' | '_') => {
                    while let Some(c) = chars.next() {
                        if c == '\u{7}' {
                            break;
                        }
                        if c == '\u{1b}' {
                            chars.next_if_eq(&'\\');
                            break;
                        }
                    }
                }
                _ => {}
            }
            continue;
        }
        if c.is_control() || invisible(c) {
            continue;
        }
        out.push(c);
    }
    out.trim().to_string()
}

/// Characters that change how text reads without showing themselves.
fn invisible(c: char) -> bool {
    // Zero-width spaces, joiners and marks too (U+200B–U+200F, the word joiner U+2060 and
    // the invisible operators after it, the Mongolian vowel separator), and the line and
    // paragraph separators: open data has them where a person never meant them.
    matches!(
        c,
        '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{180e}' | '\u{2028}' | '\u{2029}'
    ) || crate::text_file::reorders(c)
}

/// Multi-value fields: `|` in v1.0, `;` in older files.
fn split(text: &str) -> Vec<String> {
    text.split(['|', ';'])
        .map(clean)
        .filter(|s| !s.is_empty())
        .collect()
}

fn services(text: &str) -> Vec<Service> {
    let mut out = Vec::new();
    for value in split(text) {
        let service = Service::from_label(&value).or_else(|| {
            LEGACY_SERVICES
                .iter()
                .find(|(old, _)| *old == value || value.starts_with(old))
                .map(|(_, s)| *s)
        });
        if let Some(s) = service
            && !out.contains(&s)
        {
            out.push(s);
        }
    }
    out
}

/// "Gratuit : Je peux accéder gratuitement…" (v0.1) → "Gratuit".
fn head(value: &str) -> String {
    value
        .split(" : ")
        .next()
        .unwrap_or(value)
        .trim()
        .to_string()
}

fn dispositif(value: &str) -> String {
    match value {
        "CNFS" | "Conseiller numérique" | "Conseillers numériques France Services" => {
            "Conseillers numériques".into()
        }
        other => other.into(),
    }
}

fn modalite(value: &str) -> String {
    match head(value).as_str() {
        "Seul" => "En autonomie".into(),
        "Avec de l'aide" | "À ma place" | "A ma place" => "Accompagnement individuel".into(),
        "Dans un atelier" => "Dans un atelier collectif".into(),
        other => other.into(),
    }
}

fn coordinate(
    row: &HashMap<String, String>,
    field: &str,
    range: f64,
) -> Result<Option<f64>, RowNote> {
    match row.get(field).map(|v| v.trim()).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => match v.parse::<f64>() {
            Ok(x) if x.abs() <= range => Ok(Some(x)),
            _ => Err(RowNote {
                line: 0,
                field: field.into(),
                reason: format!("{v:?} is not a coordinate"),
            }),
        },
    }
}

/// A row of the standard (field → value, legacy names already mapped) → a Lieu.
/// A lieu of the standard. What the kiosk needs to show it is required (an id, a name, an
/// address, a commune and its postal code); the standard's other required fields, when
/// missing, are said as warnings.
fn standard_row(
    row: &HashMap<String, String>,
    today: chrono::NaiveDate,
) -> Result<(Lieu, Vec<(String, String)>), RowNote> {
    let get = |f: &str| row.get(f).map(|v| clean(v)).filter(|v| !v.is_empty());
    let reject = |field: &str, reason: &str| RowNote {
        line: 0,
        field: field.into(),
        reason: reason.into(),
    };
    let required = |f: &str| get(f).ok_or_else(|| reject(f, "missing (required by the standard)"));
    let mut warnings = Vec::new();
    let id = required("id")?;
    if get("pivot").is_none() {
        warnings.push(("pivot".to_string(), "missing (warning)".to_string()));
    }
    let nom = required("nom")?;
    let commune = required("commune")?;
    let code_postal = required("code_postal")?;
    if let Some(why) = not_a_postal_code(&code_postal) {
        return Err(reject("code_postal", &why));
    }
    let adresse = required("adresse")?;
    let date_maj = update_date(get("date_maj"), today, &mut warnings);
    let latitude = coordinate(row, "latitude", 90.0)?;
    let longitude = coordinate(row, "longitude", 180.0)?;
    let list = |f: &str| get(f).map(|v| split(&v)).unwrap_or_default();
    // `|` or `;` between values; the reference library's current codes are all taken.
    for value in list("typologie") {
        if !crate::vocabulary::lieux::is_typologie(&value) {
            warnings.push((
                "typologie".to_string(),
                format!("{value:?} is not a typologie of the standard (warning)"),
            ));
        }
    }
    let (publics, prise_en_charge) = publics_and_support(
        list("publics_specifiquement_adresses"),
        list("prise_en_charge_specifique"),
    );
    let lieu = Lieu {
        id,
        nom,
        commune,
        code_postal,
        code_insee: get("code_insee"),
        adresse,
        complement_adresse: get("complement_adresse"),
        latitude: latitude.filter(|_| longitude.is_some()),
        longitude: longitude.filter(|_| latitude.is_some()),
        telephone: get("telephone"),
        courriels: get("courriels"),
        site_web: get("site_web"),
        horaires: get("horaires"),
        presentation: get("presentation_resume"),
        services: get("services").map(|v| services(&v)).unwrap_or_default(),
        publics,
        prise_en_charge,
        frais: list("frais_a_charge").iter().map(|v| head(v)).collect(),
        dispositifs: list("dispositif_programmes_nationaux")
            .iter()
            .map(|v| dispositif(v))
            .collect(),
        modalites_acces: list("modalites_acces"),
        modalites_accompagnement: list("modalites_accompagnement")
            .iter()
            .map(|v| modalite(v))
            .collect(),
        prise_rdv: get("prise_rdv"),
        date_maj,
        source: get("source"),
        // "00000000000000" stands for a SIRET the source did not know.
        pivot: get("pivot").filter(|p| p.chars().any(|c| c.is_ascii_digit() && c != '0')),
        approximate: false,
    };
    Ok((lieu, warnings))
}

/// A lieu's `date_maj`: the date given; today's for a date to come (it would win over every
/// later correction of the place); none when it is missing or no date. Said as a warning,
/// unless it is a date up to tomorrow.
fn update_date(
    given: Option<String>,
    today: chrono::NaiveDate,
    warnings: &mut Vec<(String, String)>,
) -> String {
    match given {
        Some(d)
            if chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                .is_ok_and(|day| day > today + chrono::Duration::days(1)) =>
        {
            warnings.push((
                "date_maj".to_string(),
                format!("{d:?} is after today: taken as today, {today} (warning)"),
            ));
            today.to_string()
        }
        Some(d) if chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").is_ok() => d,
        Some(d) => {
            warnings.push((
                "date_maj".to_string(),
                format!("{d:?} is not a date (YYYY-MM-DD) (warning)"),
            ));
            String::new()
        }
        None => {
            warnings.push(("date_maj".to_string(), "missing (warning)".to_string()));
            String::new()
        }
    }
}

/// The publics a lieu addresses, and the specific support it gives: v0.1 mixed the support
/// ("Surdité", "Handicaps moteurs"…) into the publics.
fn publics_and_support(
    publics_given: Vec<String>,
    mut prise_en_charge: Vec<String>,
) -> (Vec<String>, Vec<String>) {
    let mut publics = Vec::new();
    for value in publics_given {
        let value = head(&value);
        if PRISE_EN_CHARGE.contains(&value.as_str()) || value.starts_with("Handicap") {
            if !prise_en_charge.contains(&value) {
                prise_en_charge.push(value);
            }
        } else {
            publics.push(value);
        }
    }
    (publics, prise_en_charge)
}

/// Why a lieu's postal code is none.
fn not_a_postal_code(code: &str) -> Option<String> {
    if crate::domain::communes::is_postal_code(code) {
        None
    } else if code.len() == 5 && code.chars().all(|c| c.is_ascii_digit()) {
        Some(format!(
            "{code:?} is not a postal code (no département's begins 00)"
        ))
    } else {
        Some(format!("{code:?} is not a 5-digit postal code"))
    }
}

fn legacy_name(field: &str) -> String {
    LEGACY_FIELDS
        .iter()
        .find(|(old, _)| *old == field)
        .map_or(field, |(_, new)| *new)
        .to_string()
}

/// The France Services list's date, from its file name (`liste-fs-20240801.csv`).
fn date_from_name(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().to_string();
    let digits: String = name.chars().filter(char::is_ascii_digit).collect();
    let date = chrono::NaiveDate::parse_from_str(digits.get(..8)?, "%Y%m%d").ok()?;
    Some(date.to_string())
}

fn france_services_row(row: &HashMap<String, String>, date: &str) -> Result<Lieu, RowNote> {
    let get = |f: &str| row.get(f).map(|v| clean(v)).filter(|v| !v.is_empty());
    let reject = |field: &str, reason: String| RowNote {
        line: 0,
        field: field.into(),
        reason,
    };
    let id = get("id_fs").ok_or_else(|| reject("id_fs", "missing".into()))?;
    let nom = get("lib_fs").ok_or_else(|| reject("lib_fs", "missing".into()))?;
    let code_postal = get("code_postal").ok_or_else(|| reject("code_postal", "missing".into()))?;
    if let Some(why) = not_a_postal_code(&code_postal) {
        return Err(reject("code_postal", why));
    }
    let days = [
        "h_lundi",
        "h_mardi",
        "h_mercredi",
        "h_jeudi",
        "h_vendredi",
        "h_samedi",
    ]
    .map(|f| get(f).unwrap_or_default());
    let refs = [
        &*days[0], &*days[1], &*days[2], &*days[3], &*days[4], &*days[5],
    ];
    let horaires = match hours::from_france_services(&refs) {
        Ok(osm) => osm,
        // Kept as text: the screen shows text it cannot read as it is.
        Err(_) => Some(
            ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam."]
                .iter()
                .zip(&days)
                .filter(|(_, d)| !d.is_empty())
                .map(|(n, d)| format!("{n} {d}"))
                .collect::<Vec<_>>()
                .join(" ; "),
        ),
    };
    Ok(Lieu {
        id: format!("france-services-{id}"),
        nom,
        commune: get("lib_com").ok_or_else(|| reject("lib_com", "missing".into()))?,
        code_postal,
        code_insee: get("insee_com"),
        adresse: get("adresse").ok_or_else(|| reject("adresse", "missing".into()))?,
        complement_adresse: get("complement_adresse"),
        latitude: coordinate(row, "latitude", 90.0)?,
        longitude: coordinate(row, "longitude", 180.0)?,
        telephone: get("telephone"),
        courriels: get("mail"),
        site_web: None,
        horaires,
        presentation: get("commentaire"),
        services: vec![
            Service::AideAuxDemarchesAdministratives,
            Service::AccesInternetEtMaterielInformatique,
        ],
        publics: Vec::new(),
        prise_en_charge: Vec::new(),
        frais: vec!["Gratuit".into()],
        dispositifs: vec!["France Services".into()],
        modalites_acces: Vec::new(),
        modalites_accompagnement: vec!["Accompagnement individuel".into()],
        prise_rdv: get("prise_rdv").filter(|v| v.starts_with("http")),
        date_maj: date.to_string(),
        source: Some("France Services".into()),
        pivot: None,
        approximate: false,
    })
}

/// Reads a lieux file whole (tests): see `read_each`.
#[cfg(test)]
pub(crate) fn read(path: &Path) -> Result<Parsed, String> {
    let mut lieux = Vec::new();
    let today = chrono::Local::now().date_naive();
    let notes = read_each(path, today, &mut |line, lieu| {
        lieux.push((line, lieu));
        Ok(())
    })?;
    Ok(Parsed {
        lieux,
        rejected: notes.rejected,
        warnings: notes.warnings,
    })
}

/// Reads a lieux file, whichever of the three formats it is, one row at a time: each lieu
/// goes to `each` as soon as it is read, so an import's memory does not grow with the file.
/// Returns the rows rejected and the warnings. An error (a file that is not lieux, not
/// UTF-8…) is for the whole file: the caller writes nothing.
pub(crate) fn read_each(
    path: &Path,
    today: chrono::NaiveDate,
    each: &mut dyn FnMut(usize, Lieu) -> Result<(), String>,
) -> Result<Notes, String> {
    read_file(path, today, Some(each))
}

/// Reads a lieux file through without making its lieux: whether it is refused whole (not
/// UTF-8, not JSON, a lieu over the bound…), before an import writes anything of it.
pub(crate) fn check_whole(path: &Path) -> Result<(), String> {
    read_file(path, chrono::NaiveDate::MIN, None).map(|_| ())
}

/// `read_each`, or with no `each` the file's own checks only.
fn read_file(
    path: &Path,
    today: chrono::NaiveDate,
    each: Option<&mut dyn FnMut(usize, Lieu) -> Result<(), String>>,
) -> Result<Notes, String> {
    let file = crate::text_file::open_regular(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let reader = std::io::BufReader::new(file);
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        return read_json(path, reader, today, each);
    }
    read_csv(path, reader, today, each)
}

/// A Latin-1 file read as UTF-8 would put U+FFFD in every accented name: refused whole.
fn not_utf8(path: &Path, line: usize) -> String {
    format!(
        "{}:{line}: not UTF-8 (Latin-1 or Windows-1252?): convert the file first \
         (iconv -f latin1 -t utf-8); nothing was imported",
        path.display()
    )
}

fn read_csv(
    path: &Path,
    input: impl std::io::Read,
    today: chrono::NaiveDate,
    mut each: Option<&mut dyn FnMut(usize, Lieu) -> Result<(), String>>,
) -> Result<Notes, String> {
    // Between the file and the `csv` crate: each row's physical lines (the crate counts LF
    // only: CR-only files would all be line 1) and a bound on a row's size.
    let (input, spans) = rows::Rows::new(input);
    let next_span = || spans.borrow_mut().pop_front();
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers = match reader.byte_headers() {
        Ok(h) => {
            let h = h.clone();
            next_span();
            column_names(path, &h)?
        }
        Err(e) => return Err(format!("{}:1: not a CSV file: {e}", path.display())),
    };
    let list = CsvList::of(path, &headers)?;
    let mut notes = Notes::default();
    let mut record = csv::ByteRecord::new();
    loop {
        let read = reader.read_byte_record(&mut record);
        let span = next_span();
        let line = span.map_or(0, |s| s.first);
        match read {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                notes.reject(RowNote {
                    line,
                    field: "-".into(),
                    reason: format!("unreadable row: {e}"),
                });
                continue;
            }
        }
        let Some(span) = span else {
            return Err(format!(
                "{}: rows out of step with the file's lines: nothing was imported",
                path.display()
            ));
        };
        if span.oversize {
            notes.reject(RowNote {
                line,
                field: "-".into(),
                reason: format!(
                    "the row is larger than {} MB: refused",
                    rows::MAX_ROW_BYTES / (1024 * 1024)
                ),
            });
            continue;
        }
        let Ok(fields) = record
            .iter()
            .map(std::str::from_utf8)
            .collect::<Result<Vec<&str>, _>>()
        else {
            return Err(not_utf8(path, line));
        };
        let Some(each) = each.as_mut() else {
            continue;
        };
        if let Some(swallowed) = swallowed_rows(&span, &fields, &headers) {
            notes.reject(swallowed);
            continue;
        }
        let result = list.lieu(&headers, &fields, today);
        if let Some(lieu) = notes.take(line, result) {
            each(line, lieu)?
        }
    }
    Ok(notes)
}

/// Which list a CSV file is.
enum CsvList {
    /// The lieux standard.
    Standard,
    /// The France Services list, of the date in its file name (else today's).
    FranceServices { date: String },
}

impl CsvList {
    /// The list a file's columns say: the France Services list has `id_fs`, the standard `id`;
    /// a file with neither is refused.
    fn of(path: &Path, headers: &[String]) -> Result<CsvList, String> {
        if headers.iter().any(|h| h == "id_fs") {
            let date = date_from_name(path)
                .unwrap_or_else(|| chrono::Local::now().date_naive().to_string());
            return Ok(CsvList::FranceServices { date });
        }
        if !headers.iter().any(|h| h == "id") {
            return Err(format!(
                "{}:1: neither the lieux standard (no `id` column) nor the France Services list (no `id_fs` column)",
                path.display()
            ));
        }
        Ok(CsvList::Standard)
    }

    /// A row's lieu, and what is said of it (the France Services list: nothing).
    fn lieu(
        &self,
        headers: &[String],
        fields: &[&str],
        today: chrono::NaiveDate,
    ) -> Result<(Lieu, Vec<(String, String)>), RowNote> {
        let row: HashMap<String, String> = headers
            .iter()
            .cloned()
            .zip(fields.iter().map(|f| f.to_string()))
            .collect();
        match self {
            CsvList::FranceServices { date } => {
                france_services_row(&row, date).map(|lieu| (lieu, Vec::new()))
            }
            CsvList::Standard => standard_row(&row, today),
        }
    }
}

/// A CSV file's column names: UTF-8 (else the file is refused), its byte order mark left
/// out, the v0.1 names as v1.0's.
fn column_names(path: &Path, header: &csv::ByteRecord) -> Result<Vec<String>, String> {
    std::str::from_utf8(header.as_slice()).map_err(|_| not_utf8(path, 1))?;
    Ok(header
        .iter()
        .map(|h| {
            legacy_name(
                String::from_utf8_lossy(h)
                    .trim()
                    .trim_start_matches('\u{feff}'),
            )
        })
        .collect())
}

/// A quote that is never closed, or closed only by another row's quote, swallows the rows
/// after it: said with the lines it took, never as a problem of some field.
fn swallowed_rows(span: &rows::Span, fields: &[&str], headers: &[String]) -> Option<RowNote> {
    let swallows = span.last > span.first
        && (span.open_quote
            || fields.len() != headers.len()
            || fields.iter().any(|field| {
                field
                    .lines()
                    .skip(1)
                    .any(|l| l.matches(',').count() >= headers.len() / 2)
            }));
    if !swallows {
        return None;
    }
    let swallowed = fields
        .iter()
        .position(|f| f.contains(['\n', '\r']))
        .and_then(|i| headers.get(i))
        .cloned()
        .unwrap_or_else(|| "-".into());
    let reason = if span.open_quote {
        format!(
            "a quote opened in this row is never closed: lines {} to {} (the end of \
             the file) were read as one row and refused",
            span.first, span.last
        )
    } else {
        format!(
            "a quote opened in this row closes only on line {}: lines {} to {} were \
             read as one row and refused (check the quotes of line {})",
            span.last, span.first, span.last, span.first
        )
    };
    Some(RowNote {
        line: span.first,
        field: swallowed,
        reason,
    })
}

/// A JSON file is an array of lieux: read one object at a time, never the whole tree.
fn read_json(
    path: &Path,
    input: impl std::io::Read,
    today: chrono::NaiveDate,
    each: Option<&mut dyn FnMut(usize, Lieu) -> Result<(), String>>,
) -> Result<Notes, String> {
    use serde::de::Deserializer;

    let read = Rc::new(Cell::new(0));
    let mut lieux = JsonLieux {
        each,
        notes: Notes::default(),
        today,
        read: read.clone(),
        count: 0,
    };
    // A lieu is a few KiB: one of a gigabyte is refused before it is in memory. A JSON
    // array cannot be read on past it, so the file is refused whole, naming it.
    let input = Bounded {
        inner: input,
        read,
        bound: rows::MAX_ROW_BYTES,
    };
    let mut deserializer = serde_json::Deserializer::from_reader(input);
    deserializer
        .deserialize_seq(&mut lieux)
        .and_then(|()| deserializer.end())
        .map_err(|e| json_refused(path, &e, lieux.count + 1))?;
    Ok(lieux.notes)
}

/// Why a JSON file is refused whole: lieu number `lieu` is over the bound, the file is not
/// UTF-8, not an array, not JSON.
fn json_refused(path: &Path, e: &serde_json::Error, lieu: usize) -> String {
    let text = e.to_string();
    if text.contains(TOO_LARGE) {
        format!(
            "{}: lieu {lieu}: {TOO_LARGE}: nothing was imported",
            path.display()
        )
    } else if text.contains("invalid unicode") || text.contains("UTF-8") {
        not_utf8(path, e.line())
    } else if e.is_data() && text.contains("an array of lieux") {
        format!("{}:1: expected an array of lieux", path.display())
    } else {
        format!("{}:{}: not JSON: {e}", path.display(), e.line())
    }
}

/// A JSON file's array of lieux as it is read: each object a lieu, given to `each` as it
/// comes.
struct JsonLieux<'a> {
    /// `None`: the file's own checks only.
    each: Option<&'a mut dyn FnMut(usize, Lieu) -> Result<(), String>>,
    notes: Notes,
    today: chrono::NaiveDate,
    /// Bytes read since the lieu being read began.
    read: Rc<Cell<usize>>,
    /// Lieux read so far.
    count: usize,
}

impl<'de> serde::de::Visitor<'de> for &mut JsonLieux<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of lieux")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        // JSON has no lines per row: the position in the array stands for it (1-based).
        let mut line = 0;
        self.read.set(0);
        while let Some(item) = seq.next_element::<serde_json::Value>()? {
            self.read.set(0);
            line += 1;
            self.count = line;
            let Some(each) = self.each.as_mut() else {
                continue;
            };
            let Some(object) = item.as_object() else {
                self.notes.reject(RowNote {
                    line,
                    field: "-".into(),
                    reason: "not an object".into(),
                });
                continue;
            };
            let read = standard_row(&json_row(object), self.today);
            if let Some(lieu) = self.notes.take(line, read) {
                each(line, lieu).map_err(serde::de::Error::custom)?
            }
        }
        Ok(())
    }
}

const TOO_LARGE: &str = "larger than 1 MB: not a lieu";

/// A reader that fails once `bound` bytes were read since `read` was last set to zero.
struct Bounded<R> {
    inner: R,
    read: Rc<Cell<usize>>,
    bound: usize,
}

impl<R: std::io::Read> std::io::Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.read.get() > self.bound {
            return Err(std::io::Error::other(TOO_LARGE));
        }
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n);
        Ok(n)
    }
}

/// A JSON object as the row of a CSV file: lists joined by `|`.
fn json_row(object: &serde_json::Map<String, serde_json::Value>) -> HashMap<String, String> {
    object
        .iter()
        .map(|(k, v)| {
            let value = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Array(a) => crate::vocabulary::join_values(
                    &a.iter()
                        .map(|x| {
                            x.as_str()
                                .map(String::from)
                                .unwrap_or_else(|| x.to_string())
                        })
                        .collect::<Vec<_>>(),
                ),
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            (legacy_name(k), value)
        })
        .collect()
}

#[cfg(test)]
mod tests;
