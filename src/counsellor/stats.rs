//! The help point's statistics, as text with bars: per week and month, bookings, attendance,
//! workshops, needs and accompaniments.
use crate::store::{Period, Stats};

const BAR: usize = 24;

/// The range's figures in one line, as `borne booking list` ends.
pub fn summary(p: &Period) -> String {
    format!(
        "{}: {} rendez-vous (présents {}, absents {}, annulés {}), {} inscriptions aux ateliers sur {} places",
        p.label,
        p.bookings,
        p.present,
        p.absent,
        p.cancelled,
        p.workshop_registered,
        p.workshop_seats
    )
}

/// A bar of `n` out of `max`, in full blocks, and the number beside it.
pub fn bar(n: u32, max: u32) -> String {
    let len = if max == 0 {
        0
    } else {
        (n as usize * BAR).div_ceil(max as usize)
    };
    format!("{:<BAR$} {n}", "█".repeat(len))
}

fn percent(rate: Option<f64>) -> String {
    rate.map_or("—".to_string(), |r| format!("{:.0} %", r * 100.0))
}

fn periods(title: &str, list: &[Period]) -> String {
    let mut out = format!("{title}\n");
    let max = list.iter().map(|p| p.bookings).max().unwrap_or(0);
    for p in list {
        out += &format!(
            "  {:<22} rendez-vous {}  présents {}  absents {}  (absence {})  ateliers {}/{} ({})  diagnostics {}  accompagnements {}\n",
            p.label,
            bar(p.bookings, max),
            p.present,
            p.absent,
            percent(p.no_show_rate),
            p.workshop_registered,
            p.workshop_seats,
            percent(p.fill_rate),
            p.diagnostics,
            p.accompaniments,
        );
    }
    out
}

fn tally(title: &str, list: &[(String, u32)]) -> String {
    let mut out = format!("{title}\n");
    let max = list.first().map_or(0, |(_, n)| *n);
    if list.is_empty() {
        out += "  —\n";
    }
    for (label, n) in list {
        out += &format!("  {:<45} {}\n", label, bar(*n, max));
    }
    out
}

pub fn text(s: &Stats) -> String {
    [
        periods("En tout", std::slice::from_ref(&s.total)),
        periods("Par semaine", &s.weeks),
        periods("Par mois", &s.months),
        tally("Besoins (diagnostics anonymes)", &s.needs),
        tally("Accompagnements par thématique", &s.themes),
    ]
    .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_proportional_with_the_number_beside() {
        assert_eq!(bar(12, 12).trim_end(), format!("{} 12", "█".repeat(24)));
        assert!(bar(6, 12).starts_with(&"█".repeat(12)));
        assert!(bar(0, 12).trim().ends_with('0'));
        assert!(bar(0, 0).trim() == "0");
    }
}
