//! A national lieux file as the cartographie nationale publishes it (the standard v1.0.2's 32
//! columns, `|` between values), generated: lieux spread over the real communes of
//! `kiosk-config/communes.csv`, near their commune's point, with the values the reference
//! library now emits (typologies ESAT, MDH, FABRIQUE, RELAIS_LECTURE…). For the update's tests
//! and its benchmark.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;

const HEADER: &str = "id,pivot,nom,commune,code_postal,code_insee,adresse,complement_adresse,latitude,longitude,typologie,telephone,courriels,site_web,horaires,presentation_resume,presentation_detail,source,itinerance,structure_parente,date_maj,services,publics_specifiquement_adresses,prise_en_charge_specifique,frais_a_charge,dispositif_programmes_nationaux,formations_labels,autres_formations_labels,modalites_acces,modalites_accompagnement,fiche_acces_libre,prise_rdv";

const KINDS: [(&str, &str); 8] = [
    ("Médiathèque", "BIB|RELAIS_LECTURE"),
    ("France Services", "RFS|MUNI"),
    ("Centre social", "CS|ASSO"),
    ("Maison des habitants", "MDH"),
    ("Fabrique numérique", "FABRIQUE|TIERS_LIEUX"),
    ("ESAT", "ESAT"),
    ("Espace public numérique", "EPN"),
    ("CCAS", "CCAS"),
];

const SERVICES: [&str; 5] = [
    "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien",
    "Maîtrise des outils numériques du quotidien|Accès internet et matériel informatique",
    "Aide aux démarches administratives|Insertion professionnelle via le numérique|Utilisation sécurisée du numérique",
    "Parentalité et éducation avec le numérique|Loisirs et créations numériques",
    "Compréhension du monde numérique|Acquisition de matériel informatique à prix solidaire",
];

const HOURS: [&str; 3] = [
    "Mo-Fr 09:00-12:00,14:00-17:30",
    "Tu,Th 13:30-17:00; We 09:00-12:00; Sa 09:00-12:00",
    "Mo-Fr 08:30-12:30,13:30-17:00; PH off",
];

/// (nom, code_postal, code_insee, latitude, longitude) of every commune with a position.
fn communes() -> Vec<(String, String, String, f64, f64)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config/communes.csv");
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader
        .records()
        .filter_map(|r| r.ok())
        .filter(|r| &r[3] == "commune")
        .filter_map(|r| {
            Some((
                r[1].to_string(),
                r[2].to_string(),
                r[0].to_string(),
                r[8].parse().ok()?,
                r[9].parse().ok()?,
            ))
        })
        .collect()
}

/// Writes `count` lieux of the feed, each `date_maj` on or before `date` (YYYY-MM-DD).
/// Lieu `i` is `lieu-<i>`, at the same place in every file made with the same `count`.
pub fn write_csv(file: &Path, count: usize, date: &str) {
    write_csv_of(file, 0..count, date)
}

/// The lieux `ids` of the feed (a part of it: the rest closed).
pub fn write_csv_of(file: &Path, ids: impl Iterator<Item = usize>, date: &str) {
    let communes = communes();
    let mut out = std::io::BufWriter::new(std::fs::File::create(file).unwrap());
    writeln!(out, "{HEADER}").unwrap();
    let (year, rest) = date.split_at(5);
    for i in ids {
        // Spread over France: a commune every few hundred, by a step prime to their number.
        let (commune, postal, insee, lat, lon) = &communes[(i * 7919) % communes.len()];
        let (kind, typologie) = KINDS[i % KINDS.len()];
        // A few metres from the commune's point, a different spot for each lieu.
        let (lat, lon) = (
            lat + ((i % 97) as f64 - 48.0) * 0.0002,
            lon + ((i % 89) as f64 - 44.0) * 0.0002,
        );
        let day = 1 + i % 28;
        let date_maj = if i % 3 == 0 {
            date.to_string()
        } else {
            format!("{year}{}{day:02}", &rest[..3])
        };
        let date_maj = date_maj.min(date.to_string());
        writeln!(
            out,
            "lieu-{i},{siret},\"{kind} de {commune} n° {i}\",\"{commune}\",{postal},{insee},\"{n} rue de la République\",,{lat:.6},{lon:.6},{typologie},+3349{phone:07},contact{i}@lieux.example,https://lieux.example/{i},\"{hours}\",\"Un lieu pour se faire aider au numérique : démarches, e-mail, smartphone.\",,Hub numérique,Fixe,,{date_maj},\"{services}\",Seniors|Jeunes,Surdité|Illettrisme,Gratuit,Conseillers numériques|Aidants Connect,,,Se présenter|Téléphoner,Accompagnement individuel|Dans un atelier collectif,,https://rdv.example/{i}",
            siret = 10_000_000_000_000u64 + i as u64,
            n = 1 + i % 120,
            phone = i % 10_000_000,
            hours = HOURS[i % HOURS.len()],
            services = SERVICES[i % SERVICES.len()],
        )
        .unwrap();
    }
    out.flush().unwrap();
}
