use std::path::Path;

use super::*;
use crate::booking::agenda::parse;
use crate::clock::parse_local;

const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$eWa/S3TQeDgKzzHaPKNXSg$INcWuyxs7FjsU8vswNHNk+e0qAyyfZin18E0gflUX90";
/// Karim's demo hash: each counsellor has a PIN of their own.
const HASH_2: &str = "$argon2id$v=19$m=19456,t=2,p=1$X3O/uANNaOkJI3ylf2cchw$4A3MFvc6aKcEMgp5ijwkK5eUCN50r1fOX9it/VlhoYk";

/// One counsellor, Monday to Friday 09:00–12:00, motifs of 30 and 45 minutes.
fn agenda(extra: &str) -> Agenda {
    agenda_at(crate::calendar::Calendar::default(), "", extra)
}

/// The same agenda at a help point with that calendar; `top` goes before the tables.
fn agenda_at(calendar: crate::calendar::Calendar, top: &str, extra: &str) -> Agenda {
    let text = format!(
        r#"{top}
[[counsellor]]
id = "camille"
name = "Camille"
pin_hash = "{HASH}"

[[counsellor]]
id = "karim"
name = "Karim"
pin_hash = "{HASH_2}"

[[motif]]
id = "court"
duration_minutes = 30

[[motif]]
id = "long"
duration_minutes = 45
min_delay_hours = 24
horizon_weeks = 1

[[plage]]
counsellor = "camille"
days = ["lundi", "mardi", "mercredi", "jeudi", "vendredi"]
start = "09:00"
end = "12:00"
valid_from = "2026-01-01"
motifs = ["court", "long"]
{extra}"#
    );
    parse(Path::new("agenda.toml"), &text, None, calendar).unwrap_or_else(|p| panic!("{p:?}"))
}

fn t(s: &str) -> NaiveDateTime {
    parse_local(s).unwrap()
}

fn starts(slots: &[Slot], day: &str) -> Vec<String> {
    slots
        .iter()
        .filter(|s| s.starts.date().to_string() == day)
        .map(|s| s.starts.format("%H:%M").to_string())
        .collect()
}

#[test]
fn a_plage_is_cut_on_a_grid_from_its_start() {
    let a = agenda("");
    let slots = free_slots(&a, 0, &[], t("2026-03-01T08:00"));
    assert_eq!(
        starts(&slots, "2026-03-02"),
        ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]
    );
    assert!(starts(&slots, "2026-03-07").is_empty(), "Saturday");
}

#[test]
fn a_booking_never_shifts_the_later_slots() {
    let a = agenda("");
    // A 45-minute booking at 09:00 (the other motif's grid) takes 09:00–09:45.
    let busy = [Busy {
        counsellor: "camille".into(),
        starts: t("2026-03-02T09:00"),
        ends: t("2026-03-02T09:45"),
    }];
    let slots = free_slots(&a, 0, &busy, t("2026-03-01T08:00"));
    assert_eq!(
        starts(&slots, "2026-03-02"),
        ["10:00", "10:30", "11:00", "11:30"]
    );
    let long = free_slots(&a, 1, &busy, t("2026-02-28T08:00"));
    assert_eq!(starts(&long, "2026-03-02"), ["09:45", "10:30", "11:15"]);
}

#[test]
fn the_minimum_delay_is_rounded_up_to_five_minutes() {
    let a = agenda("");
    assert_eq!(
        earliest_start(
            &crate::calendar::Calendar::default(),
            t("2026-03-02T08:02"),
            Duration::hours(2)
        ),
        t("2026-03-02T10:05")
    );
    assert_eq!(
        earliest_start(
            &crate::calendar::Calendar::default(),
            t("2026-03-02T08:05"),
            Duration::hours(2)
        ),
        t("2026-03-02T10:05")
    );
    let slots = free_slots(&a, 0, &[], t("2026-03-02T06:58"));
    assert_eq!(
        starts(&slots, "2026-03-02")[0],
        "09:00",
        "08:58 + 2 h rounds to 09:00"
    );
    // 07:32 + 2 h = 09:32, rounded to 09:35: the next slot on the grid is 10:00, not 09:35.
    let slots = free_slots(&a, 0, &[], t("2026-03-02T07:32"));
    assert_eq!(
        starts(&slots, "2026-03-02"),
        ["10:00", "10:30", "11:00", "11:30"]
    );
}

#[test]
fn public_holidays_are_closed() {
    let a = agenda("");
    let slots = free_slots(&a, 0, &[], t("2026-04-01T08:00"));
    assert!(starts(&slots, "2026-04-06").is_empty(), "lundi de Pâques");
    assert!(!starts(&slots, "2026-04-07").is_empty());
    let slots = free_slots(&a, 0, &[], t("2026-07-10T08:00"));
    assert!(starts(&slots, "2026-07-14").is_empty(), "14 juillet");
    assert!(!starts(&slots, "2026-07-15").is_empty());
}

#[test]
fn alsace_moselle_closes_on_good_friday_unless_the_agenda_opens_it() {
    let strasbourg = crate::calendar::Calendar::of_postal_code("67000");
    // Friday 3 April 2026.
    let a = agenda_at(strasbourg, "", "");
    let slots = free_slots(&a, 0, &[], t("2026-03-30T08:00"));
    assert!(starts(&slots, "2026-04-03").is_empty(), "Vendredi saint");
    let gap = agenda("");
    let slots = free_slots(&gap, 0, &[], t("2026-03-30T08:00"));
    assert!(!starts(&slots, "2026-04-03").is_empty(), "worked in Gap");
    let open = agenda_at(strasbourg, "open_on_holidays = [\"vendredi-saint\"]", "");
    let slots = free_slots(&open, 0, &[], t("2026-03-30T08:00"));
    assert!(!starts(&slots, "2026-04-03").is_empty());
}

#[test]
fn an_agenda_can_open_on_whit_monday() {
    let a = agenda_at(
        crate::calendar::Calendar::default(),
        "open_on_holidays = [\"lundi-de-pentecote\"]",
        "",
    );
    let slots = free_slots(&a, 0, &[], t("2026-05-22T08:00"));
    assert!(
        !starts(&slots, "2026-05-25").is_empty(),
        "Lundi de Pentecôte"
    );
    assert!(
        parse(
            Path::new("agenda.toml"),
            "open_on_holidays = [\"pentecote\"]\n",
            None,
            crate::calendar::Calendar::default()
        )
        .unwrap_err()
        .iter()
        .any(|p| p
            .to_string()
            .contains("\"pentecote\" is not a public holiday")),
    );
}

#[test]
fn absences_and_closures_remove_their_days() {
    let a = agenda(
        "[[absence]]\ncounsellor = \"camille\"\nfrom = \"2026-03-03\"\nto = \"2026-03-04\"\n[[absence]]\nfrom = \"2026-03-06\"\nto = \"2026-03-06\"\n",
    );
    let slots = free_slots(&a, 0, &[], t("2026-03-01T08:00"));
    assert!(!starts(&slots, "2026-03-02").is_empty());
    assert!(starts(&slots, "2026-03-03").is_empty());
    assert!(starts(&slots, "2026-03-04").is_empty());
    assert!(!starts(&slots, "2026-03-05").is_empty());
    assert!(
        starts(&slots, "2026-03-06").is_empty(),
        "closure of the help point"
    );
}

#[test]
fn the_horizon_ends_the_list() {
    let a = agenda("");
    let long = free_slots(&a, 1, &[], t("2026-03-02T08:00"));
    // 24 h minimum delay, one week horizon.
    assert_eq!(long.first().unwrap().starts, t("2026-03-03T09:00"));
    assert_eq!(long.last().unwrap().starts.date().to_string(), "2026-03-09");
    let short = free_slots(&a, 0, &[], t("2026-03-02T08:00"));
    assert_eq!(
        short.last().unwrap().starts.date().to_string(),
        "2026-04-27",
        "8 weeks"
    );
}

#[test]
fn clock_changes_keep_the_local_grid_and_count_real_delays() {
    let a = agenda(
        "[[plage]]\ncounsellor = \"karim\"\ndays = [\"dimanche\"]\nstart = \"01:00\"\nend = \"05:00\"\nvalid_from = \"2026-01-01\"\nmotifs = [\"court\"]\n",
    );
    // Sunday 29 March 2026, 00:30: two real hours later it is 03:30 local (02:00 → 03:00).
    let slots = free_slots(&a, 0, &[], t("2026-03-29T00:30"));
    assert_eq!(starts(&slots, "2026-03-29"), ["03:30", "04:00", "04:30"]);
    // Sunday 25 October 2026, 01:30 (summer time): two real hours later the clocks have gone
    // back (03:00 → 02:00) and it is 02:30 local, not 03:30.
    let slots = free_slots(&a, 0, &[], t("2026-10-25T01:30"));
    assert_eq!(starts(&slots, "2026-10-25")[0], "02:30");
    // The Monday after each change keeps its 09:00 grid.
    let slots = free_slots(&a, 0, &[], t("2026-03-29T00:30"));
    assert_eq!(starts(&slots, "2026-03-30")[0], "09:00");
    let slots = free_slots(&a, 0, &[], t("2026-10-25T00:30"));
    assert_eq!(starts(&slots, "2026-10-26")[0], "09:00");
}

#[test]
fn two_counsellors_at_the_same_time_show_one_time_and_days_count_times() {
    let a = agenda(
        "[[plage]]\ncounsellor = \"karim\"\ndays = [\"lundi\"]\nstart = \"09:00\"\nend = \"10:00\"\nvalid_from = \"2026-01-01\"\nmotifs = [\"court\"]\n",
    );
    let slots = free_slots(&a, 0, &[], t("2026-03-01T08:00"));
    let monday = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let times = times_on(&slots, monday);
    assert_eq!(times.len(), 6);
    assert_eq!(times[0].counsellor, 0, "the first counsellor free");
    assert_eq!(days_with_slots(&slots)[0], (monday, 6));
    let busy = [Busy {
        counsellor: "camille".into(),
        starts: t("2026-03-02T09:00"),
        ends: t("2026-03-02T09:30"),
    }];
    let slots = free_slots(&a, 0, &busy, t("2026-03-01T08:00"));
    let times = times_on(&slots, monday);
    assert_eq!(times[0].counsellor, 1, "Karim is still free at 09:00");
    assert_eq!(times.len(), 6);
}

/// Karim on Thursday mornings at another help point of the network.
const KARIM_AT_EMBRUN: &str = r#"
[[help_point]]
id = "mediatheque-embrun"
name = "Médiathèque d'Embrun"

[[plage]]
counsellor = "karim"
days = ["jeudi"]
start = "09:00"
end = "12:00"
valid_from = "2026-01-01"
motifs = ["court"]
help_point = "mediatheque-embrun"
"#;

/// Karim's Thursday at the médiathèque: never offered here, said when this help point has
/// nothing for a week and it comes sooner; a closure here does not close it there.
#[test]
fn a_plage_at_another_help_point_is_never_booked_here_and_said_when_sooner() {
    let a = agenda(&format!(
        r#"{KARIM_AT_EMBRUN}
[[absence]]
from = "2026-03-02"
to = "2026-03-13"
"#
    ));
    // Closed here for two weeks from Monday 2 March: nothing here before the 16th.
    let here = free_slots(&a, 0, &[], t("2026-03-01T18:00"));
    assert!(
        here.iter().all(|s| s.counsellor == 0),
        "Karim is not booked here"
    );
    assert_eq!(here[0].starts, t("2026-03-16T09:00"));
    let there = sooner_elsewhere(&a, 0, &[], &here, t("2026-03-01T18:00")).unwrap();
    assert_eq!((there.counsellor, there.starts), (1, t("2026-03-05T09:00")));
    assert_eq!(a.plages[there.plage].help_point, Some(0));
    // With something here within the week, nothing is said.
    let open = agenda(KARIM_AT_EMBRUN);
    let here = free_slots(&open, 0, &[], t("2026-03-01T18:00"));
    assert_eq!(
        sooner_elsewhere(&open, 0, &[], &here, t("2026-03-01T18:00")),
        None
    );
}

#[test]
fn a_plage_naming_an_unknown_help_point_is_refused_on_its_line() {
    let text = format!(
        r#"[[counsellor]]
id = "karim"
name = "Karim"
pin_hash = "{HASH_2}"

[[motif]]
id = "court"
duration_minutes = 30

[[plage]]
counsellor = "karim"
days = ["jeudi"]
start = "09:00"
end = "12:00"
valid_from = "2026-01-01"
motifs = ["court"]
help_point = "mediatheque"
"#
    );
    let problems = parse(
        Path::new("agenda.toml"),
        &text,
        None,
        crate::calendar::Calendar::default(),
    )
    .unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].message,
        "no help_point has the id \"mediatheque\""
    );
    assert_eq!(problems[0].line, 17);
}
