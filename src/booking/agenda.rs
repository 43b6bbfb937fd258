//! `agenda.toml`: the help point's counsellors, motifs, opening ranges (plages), absences and
//! workshops. Loaded once, validated with `file:line:column` problems.
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::Deserialize;
use toml::Spanned;

use crate::calendar::{Calendar, Holiday};
use crate::domain::pin;
use crate::i18n::I18n;
use crate::problem::{Check, Problem};
use crate::vocabulary::coop::{Niveau, Thematique};

pub(crate) const FILE_NAME: &str = "agenda.toml";

/// The longest minimum delay a motif may ask (30 days).
const MAX_DELAY_HOURS: u32 = 720;

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[derive(Debug, Clone, PartialEq)]
pub struct Counsellor {
    pub id: String,
    /// First name, the only name citizens see.
    pub name: String,
    pub pin_hash: String,
    /// Where the people they call from the queue go ("Bureau 2"), said on the calling screen.
    pub desk: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Where {
    #[serde(rename = "sur place")]
    OnSite,
    #[serde(rename = "par téléphone")]
    ByPhone,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Motif {
    pub id: String,
    /// Fluent ids: `motif-<id>`, and the optional `motif-<id>-bring`: what to bring, the same
    /// words when choosing a day and on the confirmation.
    pub label: String,
    pub bring: Option<String>,
    pub duration: Duration,
    pub place: Where,
    pub min_delay: Duration,
    pub horizon: Duration,
    /// The diagnostic needs this motif serves, to preselect it.
    pub needs: Vec<Thematique>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plage {
    pub counsellor: usize,
    pub days: Vec<Weekday>,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub valid_from: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    pub motifs: Vec<usize>,
    /// Where in the building ("salle 2").
    pub room: Option<String>,
    /// At another help point of the network (index into `Agenda::elsewhere`); `None`: here.
    pub help_point: Option<usize>,
}

/// Another help point of the network where some of the counsellors' plages take place: this
/// kiosk does not book there, it says when a counsellor is there.
#[derive(Debug, Clone, PartialEq)]
pub struct Elsewhere {
    pub id: String,
    pub name: String,
}

impl Plage {
    pub(crate) fn open_on(&self, day: NaiveDate) -> bool {
        self.days.contains(&day.weekday())
            && day >= self.valid_from
            && self.valid_until.is_none_or(|until| day <= until)
    }
}

/// A counsellor's absence, or a closure of the help point when `counsellor` is `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct Absence {
    pub counsellor: Option<usize>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Schedule {
    Once(NaiveDate),
    Weekly {
        day: Weekday,
        from: NaiveDate,
        until: Option<NaiveDate>,
    },
}

/// A workshop as configured: once, or every week.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkshopSeries {
    pub id: String,
    /// Fluent id `workshop-<id>`.
    pub title: String,
    pub theme: Thematique,
    pub level: Niveau,
    pub schedule: Schedule,
    pub time: NaiveTime,
    pub duration: Duration,
    pub seats: u32,
    pub room: Option<String>,
    /// Fluent ids `workshop-<id>-about` (what it teaches) and `workshop-<id>-bring`, when
    /// `instructions = true`: shown before a person registers.
    pub about: Option<String>,
    pub bring: Option<String>,
}

/// One session of a workshop, with an id stable across restarts: `<series>@<date>`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Workshop {
    pub id: String,
    pub series: usize,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    pub seats: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Agenda {
    pub counsellors: Vec<Counsellor>,
    pub motifs: Vec<Motif>,
    pub plages: Vec<Plage>,
    pub absences: Vec<Absence>,
    pub workshops: Vec<WorkshopSeries>,
    /// The network's other help points that plages name.
    pub elsewhere: Vec<Elsewhere>,
    pub closed_on_public_holidays: bool,
    /// Holidays the help point works all the same (Lundi de Pentecôte in many mairies).
    pub open_on_holidays: Vec<Holiday>,
    /// The help point's zone and holidays.
    pub calendar: Calendar,
    /// When an appointment may be checked in at the kiosk (`[queue]`).
    pub check_in: crate::domain::queue::Window,
}

impl Agenda {
    pub(crate) fn counsellor_by_id(&self, id: &str) -> Option<usize> {
        self.counsellors.iter().position(|c| c.id == id)
    }

    pub(crate) fn motif_by_id(&self, id: &str) -> Option<usize> {
        self.motifs.iter().position(|m| m.id == id)
    }

    /// A booked motif in words; its id when the agenda no longer has it.
    pub(crate) fn motif_label(&self, id: &str, tr: &crate::i18n::Tr) -> String {
        self.motif_by_id(id)
            .map_or(id.to_string(), |m| tr.text(&self.motifs[m].label))
    }

    /// The counsellor's own absence (a day off, a training), wherever they work.
    pub(crate) fn away(&self, counsellor: usize, day: NaiveDate) -> bool {
        self.absences
            .iter()
            .any(|a| a.counsellor == Some(counsellor) && a.from <= day && day <= a.to)
    }

    /// This help point is closed that day: a public holiday, or a closure of its own.
    pub(crate) fn closed(&self, day: NaiveDate) -> bool {
        self.holiday_closed(day)
            || self
                .absences
                .iter()
                .any(|a| a.counsellor.is_none() && a.from <= day && day <= a.to)
    }

    /// A public holiday the network does not work (a closure of this help point is its own:
    /// another help point may be open).
    pub(crate) fn holiday_closed(&self, day: NaiveDate) -> bool {
        self.closed_on_public_holidays
            && self
                .calendar
                .holiday(day)
                .is_some_and(|h| !self.open_on_holidays.contains(&h))
    }

    /// The workshop sessions between two days (inclusive), in time order.
    pub(crate) fn workshops_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<Workshop> {
        let mut out = Vec::new();
        for (i, series) in self.workshops.iter().enumerate() {
            let mut add = |day: NaiveDate| {
                if day >= from && day <= to && !self.closed(day) {
                    let starts = day.and_time(series.time);
                    out.push(Workshop {
                        id: format!("{}@{}", series.id, day),
                        series: i,
                        starts,
                        ends: starts + series.duration,
                        seats: series.seats,
                    });
                }
            };
            match &series.schedule {
                Schedule::Once(day) => add(*day),
                Schedule::Weekly {
                    day,
                    from: first,
                    until,
                } => {
                    let mut d = from.max(*first);
                    while d.weekday() != *day {
                        d += Duration::days(1);
                    }
                    while d <= to && until.is_none_or(|u| d <= u) {
                        add(d);
                        d += Duration::days(7);
                    }
                }
            }
        }
        out.sort_by_key(|w| (w.starts, w.id.clone()));
        out
    }

    /// The planned sessions between two days, for the store to apply staff changes to.
    pub fn planned_sessions(&self, from: NaiveDate, to: NaiveDate) -> Vec<crate::store::Session> {
        self.workshops_between(from, to)
            .into_iter()
            .map(|w| crate::store::Session {
                id: w.id,
                series: self.workshops[w.series].id.clone(),
                starts: w.starts,
                ends: w.ends,
                seats: w.seats,
                cancelled: false,
                taken: 0,
            })
            .collect()
    }

    /// A session as a workshop of this agenda (`None` if its series is no longer configured).
    pub(crate) fn session_workshop(&self, s: &crate::store::Session) -> Option<Workshop> {
        let series = self.workshops.iter().position(|w| w.id == s.series)?;
        Some(Workshop {
            id: s.id.clone(),
            series,
            starts: s.starts,
            ends: s.ends,
            seats: s.seats,
        })
    }
}

// ---- the file ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct File {
    #[serde(rename = "counsellor", default)]
    pub(super) counsellors: Vec<CounsellorFile>,
    #[serde(rename = "motif", default)]
    motifs: Vec<MotifFile>,
    #[serde(rename = "plage", default)]
    plages: Vec<PlageFile>,
    #[serde(rename = "absence", default)]
    absences: Vec<AbsenceFile>,
    #[serde(rename = "workshop", default)]
    workshops: Vec<WorkshopFile>,
    #[serde(rename = "help_point", default)]
    help_points: Vec<HelpPointFile>,
    #[serde(default = "yes")]
    closed_on_public_holidays: bool,
    #[serde(default)]
    open_on_holidays: Vec<Spanned<String>>,
    queue: Option<QueueFile>,
}

/// `[queue]`: the check-in window around an appointment's start.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QueueFile {
    check_in_before_minutes: Option<Spanned<u32>>,
    check_in_after_minutes: Option<Spanned<u32>>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CounsellorFile {
    pub(super) id: Spanned<String>,
    pub(super) name: Spanned<String>,
    pub(super) pin_hash: Spanned<String>,
    desk: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MotifFile {
    id: Spanned<String>,
    #[serde(default = "thirty")]
    duration_minutes: Spanned<u32>,
    #[serde(rename = "where", default = "on_site")]
    place: Where,
    #[serde(default = "two")]
    min_delay_hours: Spanned<u32>,
    #[serde(default = "eight")]
    horizon_weeks: Spanned<u32>,
    #[serde(default)]
    instructions: bool,
    #[serde(default)]
    needs: Vec<Thematique>,
}

fn thirty() -> Spanned<u32> {
    Spanned::new(0..0, 30)
}
fn on_site() -> Where {
    Where::OnSite
}
fn two() -> Spanned<u32> {
    Spanned::new(0..0, 2)
}
fn eight() -> Spanned<u32> {
    Spanned::new(0..0, 8)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HelpPointFile {
    id: Spanned<String>,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlageFile {
    counsellor: Spanned<String>,
    days: Vec<Spanned<String>>,
    start: Spanned<String>,
    end: Spanned<String>,
    valid_from: Spanned<String>,
    valid_until: Option<Spanned<String>>,
    motifs: Vec<Spanned<String>>,
    room: Option<String>,
    /// Another help point of the network (an id of `[[help_point]]`).
    help_point: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AbsenceFile {
    counsellor: Option<Spanned<String>>,
    from: Spanned<String>,
    to: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkshopFile {
    id: Spanned<String>,
    theme: Thematique,
    level: Niveau,
    date: Option<Spanned<String>>,
    every: Option<Spanned<String>>,
    from: Option<Spanned<String>>,
    until: Option<Spanned<String>>,
    time: Spanned<String>,
    duration_minutes: Spanned<u32>,
    seats: Spanned<u32>,
    room: Option<String>,
    #[serde(default)]
    instructions: bool,
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("lundi", Weekday::Mon),
    ("mardi", Weekday::Tue),
    ("mercredi", Weekday::Wed),
    ("jeudi", Weekday::Thu),
    ("vendredi", Weekday::Fri),
    ("samedi", Weekday::Sat),
    ("dimanche", Weekday::Sun),
];

impl Check<'_> {
    fn date(&mut self, value: &Spanned<String>) -> Option<NaiveDate> {
        let parsed = NaiveDate::parse_from_str(value.get_ref(), "%Y-%m-%d");
        if parsed.is_err() {
            self.problem(
                value.span(),
                format!(
                    "{:?} is not a date (write YYYY-MM-DD, a day that exists)",
                    value.get_ref()
                ),
            );
        }
        parsed.ok()
    }

    fn time(&mut self, value: &Spanned<String>) -> Option<NaiveTime> {
        let parsed = NaiveTime::parse_from_str(value.get_ref(), "%H:%M");
        if parsed.is_err() {
            self.problem(
                value.span(),
                format!("{:?} is not a time (write HH:MM)", value.get_ref()),
            );
        }
        parsed.ok()
    }

    fn weekday(&mut self, value: &Spanned<String>) -> Option<Weekday> {
        let day = WEEKDAYS
            .iter()
            .find(|(name, _)| *name == value.get_ref().as_str())
            .map(|(_, d)| *d);
        if day.is_none() {
            self.problem(
                value.span(),
                format!("{:?} is not a day (lundi … dimanche)", value.get_ref()),
            );
        }
        day
    }

    fn reference(
        &mut self,
        value: &Spanned<String>,
        ids: &HashMap<String, usize>,
        what: &str,
    ) -> Option<usize> {
        let found = ids.get(value.get_ref()).copied();
        if found.is_none() {
            self.problem(
                value.span(),
                format!("no {what} has the id {:?}", value.get_ref()),
            );
        }
        found
    }

    fn message(&mut self, id: &str, span: Range<usize>, i18n: Option<&I18n>) {
        for message in i18n.map(|i| i.missing_message(id)).unwrap_or_default() {
            self.problem(span.clone(), message);
        }
    }
}

/// What the agenda needs of the help point: its calendar, its staff PIN's hash (a
/// counsellor's may not be the same), and whether the agenda is the one the network published
/// (its PIN hashes then hold only their salt: see `published`).
#[derive(Debug, Clone, Copy)]
pub struct HelpPointContext<'a> {
    pub calendar: Calendar,
    pub staff_pin_hash: &'a str,
    /// The help point's id in its network: a plage naming it takes place here.
    pub id: Option<&'a str>,
    pub published: bool,
}

pub fn load(dir: &Path, i18n: &I18n, help_point: HelpPointContext) -> Result<Agenda, Vec<Problem>> {
    let path = dir.join(FILE_NAME);
    let text = crate::config::toml_file::read(&path)?;
    parse_at(&path, &text, Some(i18n), help_point)
}

/// Parses an agenda for a help point of that calendar (tests, benchmarks).
pub fn parse(
    path: &Path,
    text: &str,
    i18n: Option<&I18n>,
    calendar: Calendar,
) -> Result<Agenda, Vec<Problem>> {
    parse_at(
        path,
        text,
        i18n,
        HelpPointContext {
            calendar,
            staff_pin_hash: "",
            id: None,
            published: false,
        },
    )
}

/// Reads `agenda.toml` section by section, each checked on its own (`Check` collects every
/// problem with its place), then the agenda whole, or every problem found.
pub(super) fn parse_at(
    path: &Path,
    text: &str,
    i18n: Option<&I18n>,
    help_point: HelpPointContext,
) -> Result<Agenda, Vec<Problem>> {
    let calendar = help_point.calendar;
    let file: File = crate::config::toml_file::parse(path, text)?;
    let mut check = Check::new(path, text);
    something_to_book(&mut check, &file);
    let (counsellors, counsellor_ids) = counsellors(&mut check, &file, help_point);
    let (motifs, motif_ids) = motifs(&mut check, &file, i18n);
    let (elsewhere, help_point_ids) = help_points(&mut check, &file);
    let ids = Ids {
        counsellors: &counsellor_ids,
        motifs: &motif_ids,
        help_points: &help_point_ids,
    };
    let (plages, plage_spans) = plages(&mut check, &file, &motifs, ids, help_point);
    overlapping_plages(&mut check, &plages, &plage_spans, &counsellors);
    let absences = absences(&mut check, &file, &counsellor_ids);
    let workshops = workshops(&mut check, &file, i18n);
    let open_on_holidays = open_on_holidays(&mut check, &file);
    let check_in = check_in_window(&mut check, &file);

    if check.problems.is_empty() {
        Ok(Agenda {
            counsellors,
            motifs,
            plages,
            absences,
            workshops,
            elsewhere,
            closed_on_public_holidays: file.closed_on_public_holidays,
            open_on_holidays,
            calendar,
            check_in,
        })
    } else {
        Err(check.problems)
    }
}

/// The ids each section is known by, for the sections that name them.
#[derive(Clone, Copy)]
struct Ids<'a> {
    counsellors: &'a HashMap<String, usize>,
    motifs: &'a HashMap<String, usize>,
    help_points: &'a HashMap<String, usize>,
}

/// An agenda without counsellors, motifs or plages offers nothing to book: said, rather than
/// empty screens shown.
fn something_to_book(check: &mut Check, file: &File) {
    for (none, what) in [
        (file.counsellors.is_empty(), "[[counsellor]]"),
        (file.motifs.is_empty(), "[[motif]]"),
        (file.plages.is_empty(), "[[plage]]"),
    ] {
        if none {
            check.problem(
                0..0,
                format!("the agenda has no {what}: nothing could be booked"),
            );
        }
    }
}

/// `[[counsellor]]`: each with an id, a name and a PIN of their own; their index by id.
fn counsellors(
    check: &mut Check,
    file: &File,
    help_point: HelpPointContext,
) -> (Vec<Counsellor>, HashMap<String, usize>) {
    let mut counsellor_ids = HashMap::new();
    let mut counsellors = Vec::new();
    let mut pin_hashes: Vec<&str> = Vec::new();
    for c in &file.counsellors {
        if !valid_id(c.id.get_ref()) {
            check.problem(
                c.id.span(),
                format!(
                    "counsellor id {:?}: letters, digits and - only, not empty",
                    c.id.get_ref()
                ),
            );
        } else if matches!(c.id.get_ref().as_str(), "kiosk" | "cli") {
            // The database says who booked with these words.
            check.problem(
                c.id.span(),
                format!(
                    "counsellor id {:?} is reserved (it names the kiosk or the command line)",
                    c.id.get_ref()
                ),
            );
        }
        if c.name.get_ref().trim().is_empty() {
            check.problem(
                c.name.span(),
                "counsellor name is empty: the header shows it",
            );
        }
        let hash = c.pin_hash.get_ref().as_str();
        if hash == help_point.staff_pin_hash || pin_hashes.contains(&hash) {
            check.problem(
                c.pin_hash.span(),
                "this PIN hash is also the staff's or another counsellor's: each needs its own PIN",
            );
        }
        pin_hashes.push(hash);
        if counsellor_ids
            .insert(c.id.get_ref().clone(), counsellors.len())
            .is_some()
        {
            check.problem(
                c.id.span(),
                format!("counsellor {:?} is defined twice", c.id.get_ref()),
            );
        }
        let checked = if help_point.published {
            pin::check_salted(c.pin_hash.get_ref())
        } else {
            pin::check_hash(c.pin_hash.get_ref())
        };
        if let Err(why) = checked {
            check.problem(
                c.pin_hash.span(),
                format!("pin_hash: {why} (make one with `borne hash-pin`)"),
            );
        }
        if let Some(desk) = &c.desk
            && desk.get_ref().trim().is_empty()
        {
            check.problem(
                desk.span(),
                "counsellor desk is empty: the calling screen says where to go (or leave it out)",
            );
        }
        counsellors.push(Counsellor {
            id: c.id.get_ref().clone(),
            name: c.name.get_ref().clone(),
            pin_hash: c.pin_hash.get_ref().clone(),
            desk: c.desk.as_ref().map(|d| d.get_ref().trim().to_string()),
        });
    }
    (counsellors, counsellor_ids)
}

/// `[[motif]]`: durations, delays and horizons within bounds, its messages in every locale;
/// their index by id.
fn motifs(
    check: &mut Check,
    file: &File,
    i18n: Option<&I18n>,
) -> (Vec<Motif>, HashMap<String, usize>) {
    let mut motif_ids = HashMap::new();
    let mut motifs = Vec::new();
    for m in &file.motifs {
        let id = m.id.get_ref().clone();
        if motif_ids.insert(id.clone(), motifs.len()).is_some() {
            check.problem(m.id.span(), format!("motif {id:?} is defined twice"));
        }
        if !(5..=480).contains(m.duration_minutes.get_ref())
            || m.duration_minutes.get_ref() % 5 != 0
        {
            check.problem(
                m.duration_minutes.span(),
                "duration_minutes: a multiple of 5, from 5 to 480",
            );
        }
        if !(1..=52).contains(m.horizon_weeks.get_ref()) {
            check.problem(m.horizon_weeks.span(), "horizon_weeks: from 1 to 52");
        }
        if *m.min_delay_hours.get_ref() > MAX_DELAY_HOURS {
            check.problem(
                m.min_delay_hours.span(),
                format!("min_delay_hours: from 0 to {MAX_DELAY_HOURS} (30 days)"),
            );
        }
        let label = format!("motif-{id}");
        check.message(&label, m.id.span(), i18n);
        let bring = m.instructions.then(|| format!("{label}-bring"));
        if let Some(bring) = &bring {
            check.message(bring, m.id.span(), i18n);
        }
        motifs.push(Motif {
            id,
            label,
            bring,
            duration: Duration::minutes((*m.duration_minutes.get_ref()).into()),
            place: m.place,
            min_delay: Duration::hours((*m.min_delay_hours.get_ref()).min(MAX_DELAY_HOURS).into()),
            horizon: Duration::weeks((*m.horizon_weeks.get_ref()).into()),
            needs: m.needs.clone(),
        });
    }
    (motifs, motif_ids)
}

/// `[[help_point]]`: the network's other help points, each declared once; their index by id.
fn help_points(check: &mut Check, file: &File) -> (Vec<Elsewhere>, HashMap<String, usize>) {
    let elsewhere: Vec<Elsewhere> = file
        .help_points
        .iter()
        .map(|h| Elsewhere {
            id: h.id.get_ref().clone(),
            name: h.name.clone(),
        })
        .collect();
    let mut help_point_ids = HashMap::new();
    for h in &file.help_points {
        if help_point_ids
            .insert(h.id.get_ref().clone(), help_point_ids.len())
            .is_some()
        {
            check.problem(
                h.id.span(),
                format!("help_point {:?} is defined twice", h.id.get_ref()),
            );
        }
    }
    (elsewhere, help_point_ids)
}

/// `[[plage]]`: who receives, which days and hours, for which motifs, where; each with the
/// place of its counsellor's line, to say an overlap there.
fn plages(
    check: &mut Check,
    file: &File,
    motifs: &[Motif],
    ids: Ids,
    help_point: HelpPointContext,
) -> (Vec<Plage>, Vec<Range<usize>>) {
    let mut plages = Vec::new();
    let mut plage_spans = Vec::new();
    for p in &file.plages {
        let counsellor = check.reference(&p.counsellor, ids.counsellors, "counsellor");
        // A plage naming this very help point (an agenda shared by the network's help
        // points) takes place here.
        let help_point = p
            .help_point
            .as_ref()
            .filter(|h| Some(h.get_ref().as_str()) != help_point.id)
            .map(|h| check.reference(h, ids.help_points, "help_point"));
        let days: Vec<Weekday> = p.days.iter().filter_map(|d| check.weekday(d)).collect();
        if p.days.is_empty() {
            check.problem(
                p.counsellor.span(),
                "this plage has no days (days = [\"lundi\", …])",
            );
        }
        let start = check.time(&p.start);
        let end = check.time(&p.end);
        let valid_from = check.date(&p.valid_from);
        let valid_until = p.valid_until.as_ref().and_then(|d| check.date(d));
        let motif_refs: Vec<Option<usize>> = p
            .motifs
            .iter()
            .map(|m| check.reference(m, ids.motifs, "motif"))
            .collect();
        let (Some(counsellor), Some(start), Some(end), Some(valid_from)) =
            (counsellor, start, end, valid_from)
        else {
            continue;
        };
        // A help point named but not declared was said above.
        let Some(help_point) = help_point.map_or(Some(None), |h| h.map(Some)) else {
            continue;
        };
        if start >= end {
            check.problem(p.end.span(), "end must come after start");
            continue;
        }
        if let Some(until) = valid_until
            && until < valid_from
        {
            check.problem(
                p.valid_until.as_ref().map_or(0..0, |s| s.span()),
                "valid_until is before valid_from",
            );
        }
        for (motif, span) in motif_refs.iter().zip(&p.motifs) {
            if let Some(m) = motif
                && motifs[*m].duration > end - start
            {
                check.problem(
                    span.span(),
                    format!("motif {:?} lasts longer than this plage", motifs[*m].id),
                );
            }
        }
        plages.push(Plage {
            counsellor,
            days,
            start,
            end,
            valid_from,
            valid_until,
            motifs: motif_refs.into_iter().flatten().collect(),
            room: p.room.clone(),
            help_point,
        });
        plage_spans.push(p.counsellor.span());
    }
    (plages, plage_spans)
}

/// A counsellor's plages over one another.
fn overlapping_plages(
    check: &mut Check,
    plages: &[Plage],
    plage_spans: &[Range<usize>],
    counsellors: &[Counsellor],
) {
    // Each plage is said once, at the first earlier plage of its counsellor it overlaps:
    // 2,000 plages over one another are 1,999 problems, not two million.
    let overlap = |a: &Plage, b: &Plage| {
        let same_day = a.days.iter().any(|d| b.days.contains(d));
        let dates_meet = a.valid_until.is_none_or(|u| u >= b.valid_from)
            && b.valid_until.is_none_or(|u| u >= a.valid_from);
        let hours_meet = a.start < b.end && b.start < a.end;
        same_day && dates_meet && hours_meet
    };
    let mut by_counsellor: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, a) in plages.iter().enumerate() {
        let earlier = by_counsellor.entry(a.counsellor).or_default();
        if earlier.iter().any(|&j| overlap(a, &plages[j])) {
            let name = counsellors[a.counsellor].id.clone();
            check.problem(
                plage_spans[i].clone(),
                format!("this plage overlaps another plage of {name:?}"),
            );
        }
        earlier.push(i);
    }
}

/// `[[absence]]`: a counsellor's, or everyone's (the help point closed).
fn absences(
    check: &mut Check,
    file: &File,
    counsellor_ids: &HashMap<String, usize>,
) -> Vec<Absence> {
    let mut absences = Vec::new();
    for a in &file.absences {
        let counsellor = match &a.counsellor {
            Some(c) => match check.reference(c, counsellor_ids, "counsellor") {
                Some(i) => Some(i),
                None => continue,
            },
            None => None,
        };
        let (Some(from), Some(to)) = (check.date(&a.from), check.date(&a.to)) else {
            continue;
        };
        if to < from {
            check.problem(a.to.span(), "the absence ends before it starts");
        }
        absences.push(Absence {
            counsellor,
            from,
            to,
        });
    }
    absences
}

/// `[[workshop]]`: once or weekly, with a time, a duration and seats within bounds.
fn workshops(check: &mut Check, file: &File, i18n: Option<&I18n>) -> Vec<WorkshopSeries> {
    let mut workshops = Vec::new();
    let mut workshop_ids = HashMap::new();
    for w in &file.workshops {
        let id = w.id.get_ref().clone();
        if id.contains('@') || workshop_ids.insert(id.clone(), ()).is_some() {
            check.problem(
                w.id.span(),
                format!("workshop id {id:?} is used twice or contains '@'"),
            );
        }
        let title = format!("workshop-{id}");
        check.message(&title, w.id.span(), i18n);
        let (about, bring) = if w.instructions {
            let (about, bring) = (format!("{title}-about"), format!("{title}-bring"));
            check.message(&about, w.id.span(), i18n);
            check.message(&bring, w.id.span(), i18n);
            (Some(about), Some(bring))
        } else {
            (None, None)
        };
        let schedule = match (&w.date, &w.every) {
            (Some(date), None) => check.date(date).map(Schedule::Once),
            (None, Some(every)) => {
                let day = check.weekday(every);
                let from = match &w.from {
                    Some(f) => check.date(f),
                    None => {
                        check.problem(every.span(), "a weekly workshop needs `from`");
                        None
                    }
                };
                let until = w.until.as_ref().and_then(|u| check.date(u));
                if let (Some(from), Some(until), Some(span)) = (from, until, &w.until)
                    && until < from
                {
                    check.problem(
                        span.span(),
                        "until is before from: no session would take place",
                    );
                }
                match (day, from) {
                    (Some(day), Some(from)) => Some(Schedule::Weekly { day, from, until }),
                    _ => None,
                }
            }
            _ => {
                check.problem(w.id.span(), "give either `date` or `every` (with `from`)");
                None
            }
        };
        let time = check.time(&w.time);
        if !(15..=480).contains(w.duration_minutes.get_ref()) {
            check.problem(
                w.duration_minutes.span(),
                "duration_minutes: from 15 to 480",
            );
        }
        if !(1..=200).contains(w.seats.get_ref()) {
            check.problem(w.seats.span(), "seats: from 1 to 200");
        }
        if let (Some(schedule), Some(time)) = (schedule, time) {
            workshops.push(WorkshopSeries {
                id,
                title,
                theme: w.theme,
                level: w.level,
                schedule,
                time,
                duration: Duration::minutes((*w.duration_minutes.get_ref()).into()),
                seats: *w.seats.get_ref(),
                room: w.room.clone(),
                about,
                bring,
            });
        }
    }
    workshops
}

/// `open_on_holidays`: public holidays by their ids.
fn open_on_holidays(check: &mut Check, file: &File) -> Vec<Holiday> {
    let mut open_on_holidays = Vec::new();
    for name in &file.open_on_holidays {
        match Holiday::from_id(name.get_ref()) {
            Some(h) => open_on_holidays.push(h),
            None => check.problem(
                name.span(),
                format!(
                    "open_on_holidays: {:?} is not a public holiday (one of {})",
                    name.get_ref(),
                    Holiday::ALL.map(Holiday::id).join(", ")
                ),
            ),
        }
    }
    open_on_holidays
}

/// `[queue]`: the check-in window around an appointment's start, within bounds.
fn check_in_window(check: &mut Check, file: &File) -> crate::domain::queue::Window {
    let mut check_in = crate::domain::queue::Window::default();
    if let Some(q) = &file.queue {
        for (value, limit, what, into) in [
            (
                &q.check_in_before_minutes,
                240,
                "check_in_before_minutes",
                &mut check_in.before,
            ),
            (
                &q.check_in_after_minutes,
                120,
                "check_in_after_minutes",
                &mut check_in.after,
            ),
        ] {
            if let Some(value) = value {
                if *value.get_ref() > limit {
                    check.problem(value.span(), format!("queue.{what}: from 0 to {limit}"));
                }
                *into = Duration::minutes((*value.get_ref()).min(limit).into());
            }
        }
    }
    check_in
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plage_naming_this_help_point_takes_place_here() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
        let text = std::fs::read_to_string(dir.join(FILE_NAME)).unwrap();
        let at = |id: Option<&str>| {
            let context = HelpPointContext {
                calendar: Calendar::of_postal_code("05200"),
                staff_pin_hash: "",
                id,
                published: false,
            };
            let agenda = parse_at(Path::new("agenda.toml"), &text, None, context).unwrap();
            agenda
                .plages
                .iter()
                .filter(|p| p.help_point.is_some())
                .count()
        };
        // The demo's plage at the médiathèque d'Embrun is elsewhere for Gap's kiosk, and
        // here for Embrun's.
        assert_eq!(at(Some("mairie-gap")), 1);
        assert_eq!(at(Some("mediatheque-embrun")), 0);
    }

    #[test]
    fn two_thousand_plages_over_one_another_are_each_said_once() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
        let text = std::fs::read_to_string(dir.join(FILE_NAME)).unwrap();
        let plage = "\n[[plage]]\ncounsellor = \"camille\"\ndays = [\"lundi\"]\n\
                     start = \"09:00\"\nend = \"12:00\"\nvalid_from = \"2026-01-01\"\n\
                     motifs = [\"demarche\"]\n";
        let text = text + &plage.repeat(2000);
        let problems = parse(
            Path::new("agenda.toml"),
            &text,
            None,
            Calendar::of_postal_code("05000"),
        )
        .unwrap_err();
        let overlaps = problems
            .iter()
            .filter(|p| p.message.contains("overlaps another plage"))
            .count();
        // The demo's own Monday morning plage for Camille, then the 2,000: each said once.
        assert_eq!(overlaps, 2000);
    }
}
