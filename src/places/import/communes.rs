//! Reading the communes file (`communes.csv`: La Poste's postal codes with INSEE's
//! coordinates and former names).
use std::path::Path;

use super::{RowNote, clean};
use crate::domain::communes::{Commune, is_postal_code};

/// Reads `communes_cp_geo.csv`; bad rows are reported, the others kept.
pub fn read(path: &Path) -> Result<(Vec<Commune>, Vec<RowNote>), String> {
    let file = crate::text_file::open_regular(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let mut reader = csv::Reader::from_reader(std::io::BufReader::new(file));
    let headers = reader
        .headers()
        .map_err(|e| format!("{}:1: not a CSV file: {e}", path.display()))?;
    let Some(columns) = Columns::named(headers) else {
        return Err(format!(
            "{}:1: expected the columns code_insee, nom, code_postal",
            path.display()
        ));
    };
    let mut communes = Vec::new();
    let mut rejected = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let Ok(r) = record else {
            rejected.push(RowNote {
                line,
                field: "-".into(),
                reason: "unreadable row".into(),
            });
            continue;
        };
        match columns.commune(&r, line) {
            Ok(commune) => communes.push(commune),
            Err(note) => rejected.push(note),
        }
    }
    Ok((communes, rejected))
}

/// Where the file's columns are: the code INSEE, the name and the postal code are required.
struct Columns {
    insee: usize,
    nom: usize,
    cp: usize,
    kind: Option<usize>,
    parent: Option<usize>,
    dep: Option<usize>,
    pop: Option<usize>,
    lat: Option<usize>,
    lon: Option<usize>,
}

impl Columns {
    /// The columns in the header row; `None` when a required one is missing.
    fn named(headers: &csv::StringRecord) -> Option<Columns> {
        let col = |name: &str| headers.iter().position(|h| h == name);
        Some(Columns {
            insee: col("code_insee")?,
            nom: col("nom")?,
            cp: col("code_postal")?,
            kind: col("type"),
            parent: col("code_insee_parent"),
            dep: col("departement"),
            pop: col("population"),
            lat: col("latitude"),
            lon: col("longitude"),
        })
    }

    /// The commune of row `r` (on `line`), or why it is rejected: no name, no postal code, not
    /// a place on Earth.
    fn commune(&self, r: &csv::StringRecord, line: usize) -> Result<Commune, RowNote> {
        let get = |c: Option<usize>| c.and_then(|c| r.get(c)).map(clean).unwrap_or_default();
        let number = |c: Option<usize>| get(c).parse::<f64>().ok();
        let code_postal = get(Some(self.cp));
        let name = get(Some(self.nom));
        if name.is_empty() {
            return Err(RowNote {
                line,
                field: "nom".into(),
                reason: "missing".into(),
            });
        }
        if !code_postal.is_empty() && !is_postal_code(&code_postal) {
            return Err(RowNote {
                line,
                field: "code_postal".into(),
                reason: format!("{code_postal:?} is not a postal code"),
            });
        }
        let (latitude, longitude) = (number(self.lat), number(self.lon));
        let on_earth = latitude.is_none_or(|l| l.is_finite() && (-90.0..=90.0).contains(&l))
            && longitude.is_none_or(|l| l.is_finite() && (-180.0..=180.0).contains(&l));
        if !on_earth {
            return Err(RowNote {
                line,
                field: "latitude".into(),
                reason: format!(
                    "{:?}, {:?} is not a place on Earth",
                    get(self.lat),
                    get(self.lon)
                ),
            });
        }
        Ok(Commune {
            code_insee: get(Some(self.insee)),
            nom: name,
            code_postal,
            kind: get(self.kind),
            parent: Some(get(self.parent)).filter(|p| !p.is_empty()),
            departement: get(self.dep),
            population: get(self.pop).parse().unwrap_or(0),
            latitude,
            longitude,
        })
    }
}
