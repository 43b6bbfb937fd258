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
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("{}:1: not a CSV file: {e}", path.display()))?
        .iter()
        .map(String::from)
        .collect();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(insee), Some(nom), Some(cp)) = (col("code_insee"), col("nom"), col("code_postal"))
    else {
        return Err(format!(
            "{}:1: expected the columns code_insee, nom, code_postal",
            path.display()
        ));
    };
    let (kind, parent, dep, pop, lat, lon) = (
        col("type"),
        col("code_insee_parent"),
        col("departement"),
        col("population"),
        col("latitude"),
        col("longitude"),
    );
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
        let get = |c: Option<usize>| c.and_then(|c| r.get(c)).map(clean).unwrap_or_default();
        let number = |c: Option<usize>| get(c).parse::<f64>().ok();
        let code_postal = get(Some(cp));
        let name = get(Some(nom));
        if name.is_empty() {
            rejected.push(RowNote {
                line,
                field: "nom".into(),
                reason: "missing".into(),
            });
            continue;
        }
        if !code_postal.is_empty() && !is_postal_code(&code_postal) {
            rejected.push(RowNote {
                line,
                field: "code_postal".into(),
                reason: format!("{code_postal:?} is not a postal code"),
            });
            continue;
        }
        let (latitude, longitude) = (number(lat), number(lon));
        let on_earth = latitude.is_none_or(|l| l.is_finite() && (-90.0..=90.0).contains(&l))
            && longitude.is_none_or(|l| l.is_finite() && (-180.0..=180.0).contains(&l));
        if !on_earth {
            rejected.push(RowNote {
                line,
                field: "latitude".into(),
                reason: format!("{:?}, {:?} is not a place on Earth", get(lat), get(lon)),
            });
            continue;
        }
        communes.push(Commune {
            code_insee: get(Some(insee)),
            nom: name,
            code_postal,
            kind: get(kind),
            parent: Some(get(parent)).filter(|p| !p.is_empty()),
            departement: get(dep),
            population: get(pop).parse().unwrap_or(0),
            latitude,
            longitude,
        });
    }
    Ok((communes, rejected))
}
