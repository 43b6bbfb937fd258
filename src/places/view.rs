//! Drawing the lieux search: the field and its suggestions, the list (with a small map when
//! the screen is wide enough), a lieu's details.
use chrono::{Datelike, Duration, NaiveDateTime};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::screen::{DetailChoice, Extra, LieuxScreen, Step, detail_choices};
use crate::app::speech::Speech;
use crate::calendar::{Calendar, words};
use crate::domain::hours::{self, OpenState};
use crate::domain::lieu::Lieu;
use crate::domain::person::show_phone;
use crate::i18n::Tr;
use crate::ui::View;
use crate::ui::choices::{Choice, MARKER, Mark, NO_MARKER, render_choices};
use crate::ui::page::{self, Body, Para};
use crate::ui::qr;
use crate::ui::text::width;

/// Below this width the map would squeeze the list: no map.
const MAP_FROM_WIDTH: u16 = 100;
const MAP_WIDTH: u16 = 34;

pub fn render(
    screen: &LieuxScreen,
    frame: &mut Frame,
    area: Rect,
    view: &View,
) -> Option<Position> {
    match screen.step() {
        Step::Search => search(screen, frame, area, view),
        Step::Results => results(screen, frame, area, view),
        Step::Filters | Step::Detail(_) | Step::Hours(_) => {
            page::render_body(frame, area, view, &body(screen, view)?)
        }
        Step::Qr(i) => {
            let lieu = screen.lieux.get(i)?;
            qr::full_screen(
                frame,
                area,
                view,
                &qr_payloads(lieu),
                &lieu_in_words(lieu, view),
            )
        }
    }
}

/// What the lieux screen says at each step.
pub fn speech(screen: &LieuxScreen, view: &View) -> Speech {
    let tr = &view.tr;
    match screen.step() {
        Step::Search => search_speech(screen, view),
        Step::Results => {
            let (paras, choices) = results_page(screen, view);
            Speech::page(&paras, &choices, Some(screen.focus.index()), tr)
        }
        Step::Filters => {
            let (paras, choices) = filters_page(screen, view);
            Speech::page(&paras, &choices, Some(screen.focus.index()), tr)
        }
        Step::Detail(i) => match screen.lieux.get(i) {
            Some(lieu) => {
                let (paras, choices) = detail_page(lieu, view);
                let focus = screen.focus.index().min(choices.len() - 1);
                Speech::page(&paras, &choices, Some(focus), tr)
            }
            None => Speech::new(),
        },
        Step::Hours(i) => match screen.lieux.get(i) {
            Some(lieu) => {
                let (paras, choices) = hours_page(lieu, view);
                Speech::page(&paras, &choices, Some(0), tr)
            }
            None => Speech::new(),
        },
        Step::Qr(i) => {
            let mut s = Speech::new();
            if let Some(lieu) = screen.lieux.get(i) {
                for sentence in qr::speech(view, &lieu_in_words(lieu, view)) {
                    s = s.text(sentence);
                }
            }
            s
        }
    }
}

/// On the search: the services asked, the field (its label the question), what is wrong, and
/// the suggestion focused or how many there are.
fn search_speech(screen: &LieuxScreen, view: &View) -> Speech {
    let tr = &view.tr;
    let mut s = Speech::new();
    if screen.failed {
        s = s.message(technical(view));
    }
    if !screen.services.is_empty() {
        s = s.text(services_line(screen, view));
    }
    // The field's label is the question: the field says only what it holds.
    s = s.text(tr.text("lieux-field"));
    let typed = screen.field.value.trim();
    if screen.nothing_typed && typed.is_empty() {
        s = s.message(tr.text("lieux-type-first"));
    }
    if let Some(problem) = no_commune(screen, view) {
        s = s.message(problem);
    }
    match screen.suggestion() {
        Some(i) => {
            let c = screen.suggestions[i];
            s.focus(format!(
                "{}, {}",
                commune_label(screen, c, view),
                tr.text_with(
                    "said-suggestion-of",
                    &[
                        ("number", (i as i64 + 1).into()),
                        ("count", (screen.suggestions.len() as i64).into()),
                    ],
                )
            ))
        }
        None => {
            let after = screen.suggestions.first().map(|c| {
                tr.text_with(
                    "said-suggestions",
                    &[
                        ("count", (screen.suggestions.len() as i64).into()),
                        ("first", commune_label(screen, *c, view).into()),
                    ],
                )
            });
            s.typing(String::new(), screen.field.value.clone(), after)
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

fn commune_label(screen: &LieuxScreen, i: usize, view: &View) -> String {
    let Some(index) = &screen.index else {
        return String::new();
    };
    let c = index.communes.get(i);
    match index.communes.parent(&c) {
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

fn search(screen: &LieuxScreen, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
    let mut lines: Vec<Line> = Vec::new();
    if screen.failed {
        lines.extend(page::lines(
            &[page::notice(technical(view))],
            area.width,
            view,
        ));
    }
    if !screen.services.is_empty() {
        lines.extend(page::lines(
            &[page::text(services_line(screen, view))],
            area.width,
            view,
        ));
    }
    let label = view.tr.text("lieux-field");
    lines.push(Line::styled(label, view.theme.heading.style()));
    let on_field = screen.suggestion().is_none();
    let (marker, style) = if on_field {
        (MARKER, view.theme.focus.style())
    } else {
        (NO_MARKER, view.theme.base.style())
    };
    let value = format!("{marker}{}", screen.field.value);
    // The cursor where the person types: ← and → move it in the text.
    let before: String = screen
        .field
        .value
        .chars()
        .take(screen.field.cursor())
        .collect();
    let cursor = on_field.then(|| {
        Position::new(
            area.x + (width(marker) + width(&before)) as u16,
            area.y + lines.len() as u16,
        )
    });
    lines.push(Line::from(Span::styled(value, style)));
    lines.push(Line::default());
    let typed = screen.field.value.trim();
    if screen.nothing_typed && typed.is_empty() {
        lines.extend(page::lines(
            &[page::notice(view.tr.text("lieux-type-first"))],
            area.width,
            view,
        ));
    }
    if let Some(problem) = no_commune(screen, view) {
        lines.extend(page::lines(&[page::notice(problem)], area.width, view));
    }
    let h = (lines.len() as u16).min(area.height);
    frame.render_widget(Paragraph::new(lines), Rect { height: h, ..area });
    let choices: Vec<Choice> = screen
        .suggestions
        .iter()
        // Not numbered: digits type a postal code into the field.
        .map(|c| Choice::marked(commune_label(screen, *c, view), Mark::None))
        .collect();
    let list = Rect {
        y: area.y + h,
        height: area.height - h,
        ..area
    };
    let list_cursor = render_choices(frame, list, view, &choices, screen.suggestion());
    cursor.or(list_cursor)
}

/// What was typed matches no commune: said so.
fn no_commune(screen: &LieuxScreen, view: &View) -> Option<String> {
    let typed = screen.field.value.trim();
    if !screen.suggestions.is_empty() || typed.chars().count() < 2 || screen.index.is_none() {
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

fn services_line(screen: &LieuxScreen, view: &View) -> String {
    let names: Vec<String> = screen
        .services
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

fn results(screen: &LieuxScreen, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
    let body = body(screen, view)?;
    let cursor = page::render_body(frame, area, view, &body);
    if let Some(map) = body.beside(area, view) {
        super::map::draw(screen, frame, map, view);
    }
    cursor
}

/// The lieux' steps drawn as paragraphs above choices (the search's field and suggestions,
/// the QR code aside).
pub fn body(screen: &LieuxScreen, view: &View) -> Option<Body> {
    let focus = Some(screen.focus.index());
    match screen.step() {
        Step::Results => {
            let (paras, choices) = results_page(screen, view);
            let mut body = Body::new(paras, choices, focus);
            // A map means nothing to a screen reader: the list says it all.
            if !screen.found.is_empty() && !view.linear {
                body.aside = Some((MAP_FROM_WIDTH, MAP_WIDTH + 1));
            }
            Some(body)
        }
        Step::Filters => {
            let (paras, choices) = filters_page(screen, view);
            Some(Body::new(paras, choices, focus))
        }
        Step::Detail(i) => {
            let (paras, choices) = detail_page(screen.lieux.get(i)?, view);
            let focus = screen.focus.index().min(choices.len() - 1);
            Some(Body::new(paras, choices, Some(focus)))
        }
        Step::Hours(i) => {
            let (paras, choices) = hours_page(screen.lieux.get(i)?, view);
            Some(Body::new(paras, choices, Some(0)))
        }
        Step::Search | Step::Qr(_) => None,
    }
}

/// The list's text and its choices: the lieux whole (name, commune, distance, whether
/// open), then the other choices.
fn results_page(screen: &LieuxScreen, view: &View) -> (Vec<Para>, Vec<Choice>) {
    let mut paras: Vec<Para> = Vec::new();
    if screen.failed {
        paras.push(page::notice(technical(view)));
    }
    if let Some(c) = screen.commune {
        paras.push(page::heading(view.tr.text_with(
            "lieux-near",
            &[("commune", commune_label(screen, c, view).into())],
        )));
    }
    if !screen.active_services().is_empty() {
        paras.push(page::text(services_line(screen, view)));
    }
    let f = &screen.filters;
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
    if screen.nothing_near() {
        paras.push(page::notice(view.tr.text_with(
            "lieux-none-near",
            &[("km", view.tr.integer(FAR_KM as i64).into())],
        )));
    } else if screen.found.is_empty() {
        paras.push(page::notice(view.tr.text("lieux-none")));
    }
    // Far from every place the kiosk knows: said first, with the national ways to find help.
    if let Some(km) = nearest_is_far(&screen.found) {
        paras.push(page::notice(view.tr.text_with(
            "lieux-far",
            &[("km", view.tr.integer(km.round() as i64).into())],
        )));
        paras.push(page::text(view.tr.text("lieux-far-help")));
    }
    let mut choices: Vec<Choice> = screen
        .found
        .iter()
        .enumerate()
        .map(|(i, (_, km))| {
            let label = match screen.lieux.get(i) {
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
    for extra in screen.extras() {
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
fn filters_page(screen: &LieuxScreen, view: &View) -> (Vec<Para>, Vec<Choice>) {
    let f = &screen.filters;
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
