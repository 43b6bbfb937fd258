//! Drawing the lieux search: the field and its suggestions, the list (with a small map when
//! the screen is wide enough), a lieu's details.
use chrono::{Datelike, Duration, NaiveDateTime};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::map;
use crate::app::speech::Speech;
use crate::app::text_field::TextField;
use crate::calendar::{Calendar, words};
use crate::domain::communes::CommuneIndex;
use crate::domain::hours::{self, OpenState};
use crate::domain::lieu::{Filters, Lieu};
use crate::domain::person::show_phone;
use crate::i18n::Tr;
use crate::ui::View;
use crate::ui::choices::{Choice, MARKER, Mark, NO_MARKER, render_choices};
use crate::ui::lines::Lines;
use crate::ui::page::{self, Body, Para};
use crate::ui::qr;
use crate::ui::text::width;
use crate::vocabulary::lieux::Service;

/// Below this width the map would squeeze the list: no map.
const MAP_FROM_WIDTH: u16 = 100;
const MAP_WIDTH: u16 = 34;

/// The lieux screen as drawn, a step at a time.
pub(crate) enum LieuxShown<'a> {
    /// The field and the communes it suggests.
    Search(SearchShown<'a>),
    /// The lieux near the commune chosen, then the other choices.
    Results(ResultsShown<'a>),
    /// The filters, each ticked or not, one focused.
    Filters {
        filters: &'a Filters,
        focused: usize,
    },
    /// A lieu's details and what its page offers, one focused.
    Detail { lieu: &'a Lieu, focused: usize },
    /// A lieu's week of opening hours.
    Hours(&'a Lieu),
    /// A lieu's address as a QR code, on the whole screen.
    Qr(&'a Lieu),
}

/// The search as drawn: the field, what is wrong, the communes suggested.
pub(crate) struct SearchShown<'a> {
    /// The lieux could not be read: a technical problem, said with the help point's phone.
    pub(crate) failed: bool,
    /// From the diagnostic: the services the lieux are sought for.
    pub(crate) services: &'a [Service],
    pub(crate) field: &'a TextField,
    /// Enter was pressed with nothing typed.
    pub(crate) nothing_typed: bool,
    /// The communes, once their index is read.
    pub(crate) communes: Option<&'a CommuneIndex>,
    /// The communes suggested (indices into `communes`), the likeliest first.
    pub(crate) suggestions: &'a [usize],
    /// The suggestion focused; `None`: the field.
    pub(crate) focused: Option<usize>,
}

/// The list as drawn: the lieux found near the commune, the other choices after them, and the
/// map of the list's page.
pub(crate) struct ResultsShown<'a> {
    /// The lieux could not be read: a technical problem, said with the help point's phone.
    pub(crate) failed: bool,
    pub(crate) communes: Option<&'a CommuneIndex>,
    /// The commune searched (an index into `communes`).
    pub(crate) commune: Option<usize>,
    /// The services the lieux must offer (none: any).
    pub(crate) services: &'a [Service],
    pub(crate) filters: &'a Filters,
    /// Filters are on and no lieu near passes them.
    pub(crate) nothing_near: bool,
    /// The lieux found (id, distance in km), nearest first.
    pub(crate) found: &'a [(i64, Option<f64>)],
    /// Their records, in the same order, once read.
    pub(crate) lieux: &'a [Lieu],
    /// The choices after the lieux.
    pub(crate) extras: Vec<Extra>,
    pub(crate) focused: usize,
    /// The list's page shown (first index, end): the map marks its lieux.
    pub(crate) page: (usize, usize),
}

/// The rows of the list after the lieux.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Extra {
    /// Nothing near passes the filters: the lieux near without them.
    AllNear,
    Filters,
    AllServices,
    OtherCommune,
}

/// What a lieu's page offers, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DetailChoice {
    Qr,
    Week,
    Back,
}

/// The lieu's code for the phone only where it can be shown (drawn, or said to a screen
/// reader).
pub(crate) fn detail_choices(lieu: &Lieu, screen: (u16, u16), linear: bool) -> Vec<DetailChoice> {
    let qr = qr::can_show(&qr_payloads(lieu), screen, linear);
    [DetailChoice::Qr, DetailChoice::Week, DetailChoice::Back]
        .into_iter()
        .filter(|c| qr || *c != DetailChoice::Qr)
        .collect()
}

pub fn render(shown: &LieuxShown, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
    match shown {
        LieuxShown::Search(search) => draw_search(search, frame, area, view),
        LieuxShown::Results(results) => draw_results(results, frame, area, view),
        LieuxShown::Filters { .. } | LieuxShown::Detail { .. } | LieuxShown::Hours(_) => {
            page::render_body(frame, area, view, &body(shown, view)?)
        }
        LieuxShown::Qr(lieu) => qr::full_screen(
            frame,
            area,
            view,
            &qr_payloads(lieu),
            &lieu_in_words(lieu, view),
        ),
    }
}

/// What the lieux screen says at each step.
pub fn speech(shown: &LieuxShown, view: &View) -> Speech {
    let tr = &view.tr;
    match shown {
        LieuxShown::Search(search) => search_speech(search, view),
        LieuxShown::Results(results) => {
            let (paras, choices) = results_page(results, view);
            Speech::page(&paras, &choices, Some(results.focused), tr)
        }
        LieuxShown::Filters { filters, focused } => {
            let (paras, choices) = filters_page(filters, view);
            Speech::page(&paras, &choices, Some(*focused), tr)
        }
        LieuxShown::Detail { lieu, focused } => {
            let (paras, choices) = detail_page(lieu, view);
            let focus = (*focused).min(choices.len() - 1);
            Speech::page(&paras, &choices, Some(focus), tr)
        }
        LieuxShown::Hours(lieu) => {
            let (paras, choices) = hours_page(lieu, view);
            Speech::page(&paras, &choices, Some(0), tr)
        }
        LieuxShown::Qr(lieu) => {
            let mut s = Speech::new();
            for sentence in qr::speech(view, &lieu_in_words(lieu, view)) {
                s = s.text(sentence);
            }
            s
        }
    }
}

/// On the search: the services asked, the field (its label the question), what is wrong, and
/// the suggestion focused or how many there are.
fn search_speech(search: &SearchShown, view: &View) -> Speech {
    let tr = &view.tr;
    let mut s = Speech::new();
    if search.failed {
        s = s.message(technical(view));
    }
    if !search.services.is_empty() {
        s = s.text(services_line(search.services, view));
    }
    // The field's label is the question: the field says only what it holds.
    s = s.text(tr.text("lieux-field"));
    let typed = search.field.value.trim();
    if search.nothing_typed && typed.is_empty() {
        s = s.message(tr.text("lieux-type-first"));
    }
    if let Some(problem) = no_commune(search, view) {
        s = s.message(problem);
    }
    match search.focused {
        Some(i) => {
            let c = search.suggestions[i];
            s.focus(format!(
                "{}, {}",
                commune_label(search.communes, c, view),
                tr.text_with(
                    "said-suggestion-of",
                    &[
                        ("number", (i as i64 + 1).into()),
                        ("count", (search.suggestions.len() as i64).into()),
                    ],
                )
            ))
        }
        None => {
            let after = search.suggestions.first().map(|c| {
                tr.text_with(
                    "said-suggestions",
                    &[
                        ("count", (search.suggestions.len() as i64).into()),
                        ("first", commune_label(search.communes, *c, view).into()),
                    ],
                )
            });
            s.typing(String::new(), search.field.value.clone(), after)
        }
    }
}

/// What a lieu's QR code gives, in words for a screen reader: its name, address, phone.
fn lieu_in_words(lieu: &Lieu, view: &View) -> Vec<String> {
    let mut words = vec![lieu.display_name(), address(lieu)];
    if let Some(phone) = &lieu.telephone {
        words.push(
            view.tr
                .text_with("lieux-phone", &[("phone", show_phone(phone).into())]),
        );
    }
    words
}

fn address(lieu: &Lieu) -> String {
    let mut address = lieu.adresse.clone();
    if let Some(more) = &lieu.complement_adresse {
        address = format!("{address}, {more}");
    }
    format!(
        "{address}, {} {}",
        lieu.code_postal,
        crate::domain::lieu::calm_capitals(&lieu.commune)
    )
}

fn hours_page(lieu: &Lieu, view: &View) -> (Vec<Para>, Vec<Choice>) {
    let mut paras = vec![
        page::strong(lieu.display_name()),
        page::heading(view.tr.text("lieux-week")),
    ];
    paras.extend(week_lines(lieu, view));
    (
        paras,
        vec![Choice::numbered(1, view.tr.text("lieux-back-to-lieu"))],
    )
}

/// A commune as the list names it: "Gap (05000)", a former commune with its new name.
fn commune_label(communes: Option<&CommuneIndex>, i: usize, view: &View) -> String {
    let Some(communes) = communes else {
        return String::new();
    };
    let c = communes.get(i);
    match communes.parent(&c) {
        Some(parent) if c.is_old_name() => view.tr.text_with(
            "lieux-old-name",
            &[
                ("old", c.nom.clone().into()),
                ("name", parent.nom.clone().into()),
                ("code", c.code_postal.clone().into()),
            ],
        ),
        _ => format!("{} ({})", c.nom, c.code_postal),
    }
}

fn draw_search(
    search: &SearchShown,
    frame: &mut Frame,
    area: Rect,
    view: &View,
) -> Option<Position> {
    let mut lines: Vec<Line> = Vec::new();
    if search.failed {
        lines.extend(page::lines(
            &[page::notice(technical(view))],
            area.width,
            view,
        ));
    }
    if !search.services.is_empty() {
        lines.extend(page::lines(
            &[page::text(services_line(search.services, view))],
            area.width,
            view,
        ));
    }
    let label = view.tr.text("lieux-field");
    lines.push(Line::styled(label, view.theme.heading.style()));
    let on_field = search.focused.is_none();
    let (marker, style) = if on_field {
        (MARKER, view.theme.focus.style())
    } else {
        (NO_MARKER, view.theme.base.style())
    };
    let value = format!("{marker}{}", search.field.value);
    // The cursor where the person types: ← and → move it in the text.
    let before: String = search
        .field
        .value
        .chars()
        .take(search.field.cursor())
        .collect();
    let cursor = on_field.then(|| {
        Position::new(
            area.x + (width(marker) + width(&before)) as u16,
            area.y + lines.len() as u16,
        )
    });
    lines.push(Line::from(Span::styled(value, style)));
    lines.push(Line::default());
    let typed = search.field.value.trim();
    if search.nothing_typed && typed.is_empty() {
        lines.extend(page::lines(
            &[page::notice(view.tr.text("lieux-type-first"))],
            area.width,
            view,
        ));
    }
    if let Some(problem) = no_commune(search, view) {
        lines.extend(page::lines(&[page::notice(problem)], area.width, view));
    }
    let h = (lines.len() as u16).min(area.height);
    frame.render_widget(Lines::new(lines), Rect { height: h, ..area });
    let choices: Vec<Choice> = search
        .suggestions
        .iter()
        // Not numbered: digits type a postal code into the field.
        .map(|c| Choice::marked(commune_label(search.communes, *c, view), Mark::None))
        .collect();
    let list = Rect {
        y: area.y + h,
        height: area.height - h,
        ..area
    };
    let list_cursor = render_choices(frame, list, view, &choices, search.focused);
    cursor.or(list_cursor)
}

/// What was typed matches no commune: said so.
fn no_commune(search: &SearchShown, view: &View) -> Option<String> {
    let typed = search.field.value.trim();
    if !search.suggestions.is_empty() || typed.chars().count() < 2 || search.communes.is_none() {
        return None;
    }
    let id = if typed.chars().all(|c| c.is_ascii_digit()) && typed.len() == 5 {
        "lieux-no-postal-code"
    } else {
        "lieux-no-commune"
    };
    Some(view.tr.text_with(id, &[("text", typed.to_string().into())]))
}

fn technical(view: &View) -> String {
    view.tr.text_with(
        "technical-problem",
        &[("phone", view.kiosk.help_point.phone.clone().into())],
    )
}

fn services_line(services: &[Service], view: &View) -> String {
    let names: Vec<String> = services
        .iter()
        .map(|s| view.tr.text(&format!("service-{}", s.key())))
        .collect();
    view.tr.text_with(
        "lieux-helping-with",
        &[("services", names.join(", ").into())],
    )
}

/// "Ouvert maintenant — ferme à 17 h 00", "Fermé — ouvre lundi à 9 h 00"…: the screen and
/// `borne lieux near` say it the same way.
/// `now` is the kiosk's time; the lieu's state is worked out on the lieu's own clock and
/// holidays (a search for 97400 from Gap says what is true in La Réunion).
pub fn open_line(lieu: &Lieu, kiosk: &Calendar, now: NaiveDateTime, tr: &Tr) -> String {
    let (state, now) = lieu.open_state(kiosk, now);
    let when = |t: NaiveDateTime| -> (String, bool) {
        let same_day = t.date() == now.date();
        let day = if t.date() == now.date() + Duration::days(1) {
            tr.text("lieux-tomorrow")
        } else {
            tr.text(&format!("weekday-{}", t.weekday().number_from_monday()))
        };
        (day, same_day)
    };
    match state {
        OpenState::Open { closes: Some(t) } => {
            let (day, same) = when(t);
            let time = words::time(tr, t);
            if same {
                tr.text_with("lieux-open-until", &[("time", time.into())])
            } else {
                tr.text_with(
                    "lieux-open-until-day",
                    &[("day", day.into()), ("time", time.into())],
                )
            }
        }
        OpenState::Open { closes: None } => tr.text("lieux-open"),
        OpenState::Closed { opens: Some(t) } => {
            let (day, same) = when(t);
            let time = words::time(tr, t);
            if same {
                tr.text_with("lieux-closed-opens", &[("time", time.into())])
            } else {
                tr.text_with(
                    "lieux-closed-opens-day",
                    &[("day", day.into()), ("time", time.into())],
                )
            }
        }
        OpenState::Closed { opens: None } => tr.text("lieux-closed"),
        OpenState::Unknown => tr.text("lieux-hours-unknown"),
        OpenState::Raw(text) => tr.text_with("lieux-hours-raw", &[("text", text.into())]),
    }
}

/// Beyond this, the nearest place the kiosk knows is not "near": the screen says so.
pub const FAR_KM: f64 = 30.0;

/// The distance to the nearest place found, when it is far.
pub fn nearest_is_far(found: &[(i64, Option<f64>)]) -> Option<f64> {
    found
        .iter()
        .filter_map(|(_, km)| *km)
        .min_by(f64::total_cmp)
        .filter(|km| *km > FAR_KM)
}

/// "à 8 km"; for a place placed at its commune's point, "à environ 8 km" or "dans la
/// commune": its own position is not known.
fn distance(km: Option<f64>, approximate: bool, view: &View) -> String {
    if approximate {
        return match km {
            Some(d) if d < 1.0 => view.tr.text("lieux-in-commune"),
            Some(d) => view.tr.text_with(
                "lieux-km-about",
                &[("km", view.tr.integer(d.round() as i64).into())],
            ),
            None => view.tr.text("lieux-no-distance"),
        };
    }
    match km {
        Some(d) if d < 1.0 => view.tr.text("lieux-here"),
        Some(d) => view.tr.text_with(
            "lieux-km",
            &[("km", view.tr.integer(d.round() as i64).into())],
        ),
        None => view.tr.text("lieux-no-distance"),
    }
}

fn draw_results(
    results: &ResultsShown,
    frame: &mut Frame,
    area: Rect,
    view: &View,
) -> Option<Position> {
    let body = results_body(results, view);
    let cursor = page::render_body(frame, area, view, &body);
    if let Some(beside) = body.beside(area, view)
        && let (Some(communes), Some(c)) = (results.communes, results.commune)
    {
        let commune = communes.get(c);
        let origin = communes.located(&commune).located();
        map::draw(
            &map_marks(results, origin),
            &commune.nom,
            frame,
            beside,
            view,
        );
    }
    cursor
}

/// The lieux of the list's page, by the numbers the list shows them with, the focused one as
/// "[3]"; and the commune searched (at `origin`) as "×".
fn map_marks(results: &ResultsShown, origin: Option<(f64, f64)>) -> Vec<map::Mark> {
    let (start, end) = results.page;
    let mut marks: Vec<map::Mark> = results
        .lieux
        .iter()
        .enumerate()
        .take(end)
        .skip(start)
        .filter_map(|(i, l)| {
            let number = i - start + 1;
            let focused = i == results.focused;
            l.located().map(|(lat, lon)| map::Mark {
                lon,
                lat,
                label: if focused {
                    format!("[{number}]")
                } else {
                    number.to_string()
                },
                focused,
            })
        })
        .collect();
    if let Some((lat, lon)) = origin {
        marks.push(map::Mark {
            lon,
            lat,
            label: "×".into(),
            focused: false,
        });
    }
    marks
}

/// The lieux' steps drawn as paragraphs above choices (the search's field and suggestions,
/// the QR code aside).
pub fn body(shown: &LieuxShown, view: &View) -> Option<Body> {
    match shown {
        LieuxShown::Results(results) => Some(results_body(results, view)),
        LieuxShown::Filters { filters, focused } => {
            let (paras, choices) = filters_page(filters, view);
            Some(Body::new(paras, choices, Some(*focused)))
        }
        LieuxShown::Detail { lieu, focused } => {
            let (paras, choices) = detail_page(lieu, view);
            let focus = (*focused).min(choices.len() - 1);
            Some(Body::new(paras, choices, Some(focus)))
        }
        LieuxShown::Hours(lieu) => {
            let (paras, choices) = hours_page(lieu, view);
            Some(Body::new(paras, choices, Some(0)))
        }
        LieuxShown::Search(_) | LieuxShown::Qr(_) => None,
    }
}

/// The list, with room beside it for the map when there is something to map.
fn results_body(results: &ResultsShown, view: &View) -> Body {
    let (paras, choices) = results_page(results, view);
    let mut body = Body::new(paras, choices, Some(results.focused));
    // A map means nothing to a screen reader: the list says it all.
    if !results.found.is_empty() && !view.linear {
        body.aside = Some((MAP_FROM_WIDTH, MAP_WIDTH + 1));
    }
    body
}

/// The list's text and its choices: the lieux whole (name, commune, distance, whether
/// open), then the other choices.
fn results_page(results: &ResultsShown, view: &View) -> (Vec<Para>, Vec<Choice>) {
    let mut paras: Vec<Para> = Vec::new();
    if results.failed {
        paras.push(page::notice(technical(view)));
    }
    if let Some(c) = results.commune {
        paras.push(page::heading(view.tr.text_with(
            "lieux-near",
            &[("commune", commune_label(results.communes, c, view).into())],
        )));
    }
    if !results.services.is_empty() {
        paras.push(page::text(services_line(results.services, view)));
    }
    let f = results.filters;
    let on: Vec<String> = [
        (f.free, "lieux-filter-free"),
        (f.specific_support, "lieux-filter-support"),
        (f.aidants_connect, "lieux-filter-aidants-connect"),
        (f.france_services, "lieux-filter-france-services"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, id)| view.tr.text(id))
    .collect();
    if !on.is_empty() {
        paras.push(page::text(view.tr.text_with(
            "lieux-filters-on",
            &[("filters", on.join(", ").into())],
        )));
    }
    if results.nothing_near {
        paras.push(page::notice(view.tr.text_with(
            "lieux-none-near",
            &[("km", view.tr.integer(FAR_KM as i64).into())],
        )));
    } else if results.found.is_empty() {
        paras.push(page::notice(view.tr.text("lieux-none")));
    }
    // Far from every place the kiosk knows: said first, with the national ways to find help.
    if let Some(km) = nearest_is_far(results.found) {
        paras.push(page::notice(view.tr.text_with(
            "lieux-far",
            &[("km", view.tr.integer(km.round() as i64).into())],
        )));
        paras.push(page::text(view.tr.text("lieux-far-help")));
    }
    let mut choices: Vec<Choice> = results
        .found
        .iter()
        .enumerate()
        .map(|(i, (_, km))| {
            let label = match results.lieux.get(i) {
                Some(l) => format!(
                    "{} — {} — {}\n{}",
                    l.display_name(),
                    crate::domain::lieu::calm_capitals(&l.commune),
                    distance(*km, l.approximate, view),
                    open_line(l, &view.kiosk.help_point.calendar, view.now, &view.tr)
                ),
                None => String::new(),
            };
            Choice::numbered(i + 1, label)
        })
        .collect();
    for extra in &results.extras {
        let id = match extra {
            Extra::AllNear => "lieux-all-near",
            Extra::Filters => "lieux-choose-filters",
            Extra::AllServices => "lieux-all-services",
            Extra::OtherCommune => "lieux-other-commune",
        };
        choices.push(Choice::numbered(choices.len() + 1, view.tr.text(id)));
    }
    (paras, choices)
}

/// The filters, each ticked or not.
fn filters_page(f: &Filters, view: &View) -> (Vec<Para>, Vec<Choice>) {
    let choices = vec![
        Choice::marked(view.tr.text("lieux-filter-free"), Mark::Check(f.free)),
        Choice::marked(
            view.tr.text("lieux-filter-support"),
            Mark::Check(f.specific_support),
        ),
        Choice::marked(
            view.tr.text("lieux-filter-aidants-connect"),
            Mark::Check(f.aidants_connect),
        ),
        Choice::marked(
            view.tr.text("lieux-filter-france-services"),
            Mark::Check(f.france_services),
        ),
        Choice::marked(view.tr.text("lieux-show"), Mark::None),
    ];
    let paras = vec![page::heading(view.tr.text("lieux-filters-title"))];
    (paras, choices)
}

fn week_lines(lieu: &Lieu, view: &View) -> Vec<Para> {
    let Some(text) = lieu.horaires.as_deref().filter(|t| !t.trim().is_empty()) else {
        return vec![page::text(view.tr.text("lieux-hours-unknown"))];
    };
    let calendar = lieu.calendar();
    let today = view
        .kiosk
        .help_point
        .calendar
        .moment_in(view.now, &calendar)
        .date();
    let Some(week) = hours::week(text, calendar.region, today) else {
        return vec![page::text(
            view.tr
                .text_with("lieux-hours-raw", &[("text", text.to_string().into())]),
        )];
    };
    week.into_iter()
        .map(|(day, intervals)| {
            let name = view
                .tr
                .text(&format!("weekday-{}", day.weekday().number_from_monday()));
            let hours = if intervals.is_empty() {
                view.tr.text("lieux-day-closed")
            } else {
                intervals
                    .iter()
                    .map(|(a, b)| {
                        format!(
                            "{} – {}",
                            words::time(&view.tr, day.and_time(*a)),
                            words::time(&view.tr, day.and_time(*b))
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            Para {
                text: format!("{name} : {hours}"),
                tone: page::Tone::Text,
                indent: 2,
            }
        })
        .collect()
}

/// A lieu's details and what its page offers.
fn detail_page(lieu: &Lieu, view: &View) -> (Vec<Para>, Vec<Choice>) {
    let mut paras = vec![page::strong(lieu.display_name())];
    paras.push(page::text(address(lieu)));
    if let Some(phone) = &lieu.telephone {
        paras.push(page::text(
            view.tr
                .text_with("lieux-phone", &[("phone", show_phone(phone).into())]),
        ));
    }
    paras.push(page::text(open_line(
        lieu,
        &view.kiosk.help_point.calendar,
        view.now,
        &view.tr,
    )));
    if !lieu.services.is_empty() {
        let services: Vec<String> = lieu
            .services
            .iter()
            .map(|s| view.tr.text(&format!("service-{}", s.key())))
            .collect();
        paras.push(page::text(view.tr.text_with(
            "lieux-services",
            &[("services", services.join(", ").into())],
        )));
    }
    if !lieu.modalites_accompagnement.is_empty() {
        paras.push(page::text(view.tr.text_with(
            "lieux-how",
            &[(
                "how",
                in_words(view, "lieu-how", &lieu.modalites_accompagnement).into(),
            )],
        )));
    }
    if !lieu.frais.is_empty() {
        paras.push(page::text(view.tr.text_with(
            "lieux-cost",
            &[("cost", in_words(view, "lieu-cost", &lieu.frais).into())],
        )));
    }
    let mut access: Vec<String> = lieu
        .modalites_acces
        .iter()
        .map(|value| in_words(view, "lieu-access", std::slice::from_ref(value)))
        .collect();
    if let Some(url) = &lieu.prise_rdv {
        access.push(url.clone());
    }
    if !access.is_empty() {
        paras.push(page::text(view.tr.text_with(
            "lieux-access",
            &[("access", access.join(", ").into())],
        )));
    }
    if let Ok(date) = chrono::NaiveDate::parse_from_str(&lieu.date_maj, "%Y-%m-%d") {
        paras.push(page::text(view.tr.text_with(
            "lieux-updated",
            &[("date", words::long(&view.tr, date).into())],
        )));
    }
    let choices: Vec<Choice> = detail_choices(lieu, view.screen, view.linear)
        .into_iter()
        .enumerate()
        .map(|(i, choice)| {
            let id = match choice {
                DetailChoice::Qr if view.linear => "lieux-show-in-words",
                DetailChoice::Qr => "lieux-show-qr",
                DetailChoice::Week => "lieux-week",
                DetailChoice::Back => "lieux-back-to-list",
            };
            Choice::numbered(i + 1, view.tr.text(id))
        })
        .collect();
    (paras, choices)
}

/// The address for the phone: a `geo:` link (with the name), else the address as text.
pub fn qr_payloads(lieu: &Lieu) -> Vec<String> {
    let text = format!(
        "{}\n{}\n{} {}",
        lieu.display_name(),
        lieu.adresse,
        lieu.code_postal,
        lieu.commune
    );
    match lieu.located() {
        Some((lat, lon)) => vec![
            format!(
                "geo:{lat:.5},{lon:.5}?q={lat:.5},{lon:.5}({})",
                lieu.display_name()
            ),
            format!("geo:{lat:.5},{lon:.5}"),
        ],
        None => vec![text],
    }
}

/// Values of the national standard's lists ("Gratuit", "Se présenter") in the person's
/// language: the message `<family>-<value as a slug>` when the locale has it, else as written.
fn in_words(view: &View, family: &str, values: &[String]) -> String {
    values
        .iter()
        .map(|value| {
            let slug = deunicode::deunicode(value)
                .to_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            let id = format!("{family}-{slug}");
            if view.i18n.has_message(view.locale, &id) {
                view.tr.text(&id)
            } else {
                value.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}
