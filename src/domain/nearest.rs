//! The nearest lieux from a commune, by straight-line distance, on a compact in-memory list
//! of positions (the full records stay in the database until shown).
use super::communes::{Commune, CommuneIndex};
use super::lieu::{Filters, Lieu};
use crate::vocabulary::lieux::Service;

/// What the search needs of a lieu: where it is and what it offers. Packed (no string, the
/// filters in one byte): the whole of France's lieux are a list of 32-byte points.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub rowid: i64,
    /// Latitude and longitude; NaN when unknown.
    position: [f64; 2],
    code_postal: [u8; 5],
    /// One bit per `Service::ALL` entry.
    services: u16,
    /// The `FREE`… bits that hold.
    filters: u8,
}

const FREE: u8 = 1;
const SPECIFIC_SUPPORT: u8 = 2;
const AIDANTS_CONNECT: u8 = 4;
const FRANCE_SERVICES: u8 = 8;

pub(crate) fn service_bits(services: &[Service]) -> u16 {
    services
        .iter()
        .map(|s| 1u16 << Service::ALL.iter().position(|x| x == s).unwrap_or(15))
        .fold(0, |a, b| a | b)
}

impl Point {
    pub(crate) fn of(rowid: i64, lieu: &Lieu) -> Point {
        let bit = |bit: u8, f: Filters| if lieu.passes(&f) { bit } else { 0 };
        let (lat, lon) = lieu.located().unwrap_or((f64::NAN, f64::NAN));
        let mut code_postal = [b' '; 5];
        for (to, from) in code_postal.iter_mut().zip(lieu.code_postal.bytes()) {
            *to = from;
        }
        Point {
            rowid,
            position: [lat, lon],
            code_postal,
            services: service_bits(&lieu.services),
            filters: bit(
                FREE,
                Filters {
                    free: true,
                    ..Filters::default()
                },
            ) | bit(
                SPECIFIC_SUPPORT,
                Filters {
                    specific_support: true,
                    ..Filters::default()
                },
            ) | bit(
                AIDANTS_CONNECT,
                Filters {
                    aidants_connect: true,
                    ..Filters::default()
                },
            ) | bit(
                FRANCE_SERVICES,
                Filters {
                    france_services: true,
                    ..Filters::default()
                },
            ),
        }
    }

    pub(crate) fn position(&self) -> Option<(f64, f64)> {
        let [lat, lon] = self.position;
        (!lat.is_nan()).then_some((lat, lon))
    }

    fn passes(&self, services: u16, f: &Filters) -> bool {
        let wanted = |on: bool, bit: u8| !on || self.filters & bit != 0;
        (services == 0 || self.services & services != 0)
            && wanted(f.free, FREE)
            && wanted(f.specific_support, SPECIFIC_SUPPORT)
            && wanted(f.aidants_connect, AIDANTS_CONNECT)
            && wanted(f.france_services, FRANCE_SERVICES)
    }
}

/// Communes and lieux positions, loaded once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceIndex {
    pub communes: CommuneIndex,
    pub points: Vec<Point>,
}

/// Great-circle distance in kilometres. The trigonometry is Rust's `libm`, not the C
/// library's: the kiosk maps one shared library fewer at every start.
pub(crate) fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    use libm::{asin, cos, sin};
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = sin((la2 - la1) / 2.0).powi(2) + cos(la1) * cos(la2) * sin((lo2 - lo1) / 2.0).powi(2);
    2.0 * 6371.0 * asin(h.sqrt())
}

/// The nearest lieux: (rowid, distance in km), closest first; then, without a distance, the
/// lieux of the commune's postal code that have no coordinates.
pub fn nearest(
    points: &[Point],
    commune: &Commune,
    services: &[Service],
    filters: &Filters,
    limit: usize,
) -> Vec<(i64, Option<f64>)> {
    let bits = service_bits(services);
    let mut out: Vec<(i64, Option<f64>)> = Vec::new();
    if let Some(origin) = commune.located() {
        // A flat-earth distance ranks as well as the great circle at these scales and costs
        // no trigonometry per lieu; the exact distance is computed for the few kept.
        let shrink = libm::cos(origin.0.to_radians());
        let flat = |pos: (f64, f64)| {
            // Across the 180th meridian (Wallis-et-Futuna, Nouvelle-Calédonie) the short way
            // round.
            let mut dlon = pos.1 - origin.1;
            if dlon > 180.0 {
                dlon -= 360.0;
            } else if dlon < -180.0 {
                dlon += 360.0;
            }
            let (dy, dx) = (pos.0 - origin.0, dlon * shrink);
            dy * dy + dx * dx
        };
        let mut located: Vec<(f64, i64, (f64, f64))> = points
            .iter()
            .filter(|p| p.passes(bits, filters))
            .filter_map(|p| p.position().map(|pos| (flat(pos), p.rowid, pos)))
            .collect();
        // A few more than asked: far away (overseas) the flat ranking and the great circle
        // may disagree on the order.
        let take = (limit * 4).min(located.len());
        if take > 0 {
            located.select_nth_unstable_by(take - 1, |a, b| a.0.total_cmp(&b.0));
            located.truncate(take);
        }
        let mut exact: Vec<(i64, f64)> = located
            .into_iter()
            .map(|(_, id, pos)| (id, km(origin, pos)))
            .collect();
        exact.sort_by(|a, b| a.1.total_cmp(&b.1));
        exact.truncate(limit);
        out.extend(exact.into_iter().map(|(id, d)| (id, Some(d))));
    }
    for p in points {
        if out.len() >= limit {
            break;
        }
        if p.position().is_none()
            && p.code_postal.as_slice() == commune.code_postal.as_bytes()
            && p.passes(bits, filters)
        {
            out.push((p.rowid, None));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_across_the_180th_meridian_is_found_the_short_way_round() {
        let wallis = Commune {
            code_insee: "98613".into(),
            nom: "Uvea".into(),
            code_postal: "98600".into(),
            kind: "commune".into(),
            parent: None,
            departement: "986".into(),
            population: 8_000,
            latitude: Some(-13.28),
            longitude: Some(-176.17),
        };
        let points = [
            point(1, Some((18.07, -63.08)), &[]),
            point(2, Some((-22.27, 166.45)), &[]),
        ];
        let found = nearest(&points, &wallis, &[], &Filters::default(), 1);
        assert_eq!(found[0].0, 2, "Nouméa, not Saint-Martin: {found:?}");
        assert!((found[0].1.unwrap() - 2_140.0).abs() < 100.0, "{found:?}");
    }

    fn point(rowid: i64, position: Option<(f64, f64)>, services: &[Service]) -> Point {
        let (lat, lon) = position.unwrap_or((f64::NAN, f64::NAN));
        Point {
            rowid,
            position: [lat, lon],
            code_postal: *b"05000",
            services: service_bits(services),
            filters: if rowid % 2 == 0 { FREE } else { 0 },
        }
    }

    fn gap() -> Commune {
        Commune {
            code_insee: "05061".into(),
            nom: "Gap".into(),
            code_postal: "05000".into(),
            kind: "commune".into(),
            parent: None,
            departement: "05".into(),
            population: 41293,
            latitude: Some(44.580237),
            longitude: Some(6.064846),
        }
    }

    #[test]
    fn closest_first_then_the_unlocated_of_the_postal_code() {
        let admin = [Service::AideAuxDemarchesAdministratives];
        let points = vec![
            point(1, Some((44.9, 6.6)), &admin),
            point(2, Some((44.56, 6.08)), &admin),
            point(3, None, &admin),
            point(
                4,
                Some((44.58, 6.07)),
                &[Service::LoisirsEtCreationsNumeriques],
            ),
        ];
        let all = nearest(&points, &gap(), &[], &Filters::default(), 10);
        let ids: Vec<i64> = all.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, vec![4, 2, 1, 3]);
        assert!(all[0].1.unwrap() < 1.0 && all[2].1.unwrap() > 50.0);
        assert_eq!(all[3].1, None);
        let admin_only = nearest(&points, &gap(), &admin, &Filters::default(), 10);
        assert_eq!(
            admin_only.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
            vec![2, 1, 3]
        );
        let free = nearest(
            &points,
            &gap(),
            &[],
            &Filters {
                free: true,
                ..Filters::default()
            },
            10,
        );
        assert_eq!(
            free.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
            vec![4, 2]
        );
        assert_eq!(
            nearest(&points, &gap(), &[], &Filters::default(), 2).len(),
            2
        );
    }

    #[test]
    fn distances_are_great_circle_kilometres() {
        // Gap to Briançon: about 60 km as the crow flies.
        let d = km((44.5594, 6.0786), (44.8986, 6.6436));
        assert!((55.0..65.0).contains(&d), "{d}");
    }
}
