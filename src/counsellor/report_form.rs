//! Filling an activity report: each line a field of the Coop's form; Enter changes a single
//! choice or opens a list of checkboxes. Administrative sub-thématiques open only once
//! "Aide aux démarches administratives" is chosen.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::app::Effect;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Action, Ctx, Hint, Screen, hint};
use crate::app::text_field::{FieldKind, TextField};
use crate::domain::report::{DURATIONS, Report, ReportError};
use crate::store::Refusal;
use crate::store::{Reply, Request};
use crate::ui::View;
use crate::ui::choices::{Choice, Mark};
use crate::ui::page::{self, Para};
use crate::vocabulary::coop::{
    Autonomie, Genre, LieuAccompagnement, Materiel, Redirection, Statut, Thematique,
    ThematiqueAdministrative, TrancheAge, TypeAccompagnement,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Kind,
    Date,
    Duration,
    Place,
    Autonomy,
    Equipment,
    Themes,
    Administrative,
    Redirection,
    Gender,
    Age,
    Status,
    Notes,
    Save,
}

const FIELDS: [Field; 14] = [
    Field::Kind,
    Field::Date,
    Field::Duration,
    Field::Place,
    Field::Autonomy,
    Field::Equipment,
    Field::Themes,
    Field::Administrative,
    Field::Redirection,
    Field::Gender,
    Field::Age,
    Field::Status,
    Field::Notes,
    Field::Save,
];

/// The next value of a single choice, going round (with "none" first when optional).
fn next<T: Copy + PartialEq>(all: &[T], current: T) -> T {
    let i = all.iter().position(|x| *x == current).unwrap_or(0);
    all[(i + 1) % all.len()]
}

fn next_optional<T: Copy + PartialEq>(all: &[T], current: Option<T>) -> Option<T> {
    match current.and_then(|c| all.iter().position(|x| *x == c)) {
        None => all.first().copied(),
        Some(i) if i + 1 == all.len() => None,
        Some(i) => Some(all[i + 1]),
    }
}

pub struct ReportForm {
    report: Report,
    /// "03/03/2026": a report may be written the day after.
    date: TextField,
    /// Minutes: Enter offers 15 to 120, digits give any other length.
    minutes: TextField,
    notes: TextField,
    focus: FocusGrid,
    /// An open checkbox list, and the focus in it.
    list: Option<(Field, FocusGrid)>,
    notice: Option<&'static str>,
    saved: bool,
}

impl ReportForm {
    pub fn new(report: Report) -> ReportForm {
        let notes = TextField::new(FieldKind::Text, 500).with(&report.notes);
        let date =
            TextField::new(FieldKind::Text, 10).with(&report.date.format("%d/%m/%Y").to_string());
        let minutes = TextField::new(FieldKind::Phone, 3).with(&report.minutes.to_string());
        ReportForm {
            report,
            date,
            minutes,
            notes,
            focus: FocusGrid::new(vec![1; FIELDS.len()]),
            list: None,
            notice: None,
            saved: false,
        }
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    fn list_len(field: Field) -> usize {
        match field {
            Field::Equipment => Materiel::ALL.len(),
            Field::Themes => Thematique::ALL.len(),
            _ => ThematiqueAdministrative::ALL.len(),
        }
    }

    fn toggle(&mut self, field: Field, i: usize) {
        match field {
            Field::Equipment => self.report.toggle_equipment(Materiel::ALL[i]),
            Field::Themes => self.report.toggle_theme(Thematique::ALL[i]),
            _ => {
                self.report
                    .toggle_administrative(ThematiqueAdministrative::ALL[i]);
            }
        }
    }

    fn change(&mut self, field: Field, today: chrono::NaiveDate) -> Action {
        let r = &mut self.report;
        match field {
            Field::Kind => r.kind = next(TypeAccompagnement::ALL, r.kind),
            Field::Duration => {
                let now: u32 = self.minutes.value.parse().unwrap_or(0);
                let next = match DURATIONS.iter().position(|d| *d == now) {
                    Some(i) => DURATIONS[(i + 1) % DURATIONS.len()],
                    None => DURATIONS[0],
                };
                self.minutes = TextField::new(FieldKind::Phone, 3).with(&next.to_string());
            }
            Field::Date => {}
            Field::Place => r.place = next(LieuAccompagnement::ALL, r.place),
            Field::Autonomy => r.autonomy = next_optional(Autonomie::ALL, r.autonomy),
            Field::Redirection => r.redirection = next_optional(Redirection::ALL, r.redirection),
            Field::Gender => r.gender = next(Genre::ALL, r.gender),
            Field::Age => r.age = next(TrancheAge::ALL, r.age),
            Field::Status => r.status = next(Statut::ALL, r.status),
            Field::Administrative
                if !r
                    .themes
                    .contains(&Thematique::AideAuxDemarchesAdministratives) =>
            {
                self.notice = Some("report-admin-needs-theme");
            }
            Field::Equipment | Field::Themes | Field::Administrative => {
                self.list = Some((field, FocusGrid::new(vec![1; Self::list_len(field) + 1])));
            }
            Field::Notes => {}
            Field::Save => {
                self.report.notes = self.notes.value.clone();
                match chrono::NaiveDate::parse_from_str(self.date.value.trim(), "%d/%m/%Y") {
                    Ok(date) => self.report.date = date,
                    Err(_) => {
                        self.notice = Some("report-date-invalid");
                        return Action::None;
                    }
                }
                self.report.minutes = self.minutes.value.parse().unwrap_or(0);
                return match self.report.check(today) {
                    Ok(()) => Action::Emit(Effect::Store(Request::SaveReport(self.report.clone()))),
                    Err(ReportError::NoTheme) => {
                        self.notice = Some("report-no-theme");
                        Action::None
                    }
                    Err(ReportError::AdministrativeWithoutTheme) => {
                        self.notice = Some("report-admin-needs-theme");
                        Action::None
                    }
                    Err(ReportError::NoDuration) => {
                        self.notice = Some("report-no-duration");
                        Action::None
                    }
                    Err(ReportError::FutureDate) => {
                        self.notice = Some("report-future-date");
                        Action::None
                    }
                    Err(ReportError::NoEquipmentAndEquipment) => {
                        self.notice = Some("report-no-equipment-exclusive");
                        Action::None
                    }
                };
            }
        }
        Action::None
    }

    fn value(&self, field: Field, view: &View) -> String {
        let r = &self.report;
        let none = || view.tr.text("report-none");
        let list = |items: Vec<String>| {
            if items.is_empty() {
                none()
            } else {
                items.join(", ")
            }
        };
        match field {
            Field::Kind => r.kind.to_string(),
            Field::Date => self.date.value.clone(),
            Field::Duration => format!("{} min", self.minutes.value),
            Field::Place => r.place.to_string(),
            Field::Autonomy => r.autonomy.map_or_else(none, |a| a.to_string()),
            Field::Equipment => list(r.equipment.iter().map(|x| x.to_string()).collect()),
            Field::Themes => list(r.themes.iter().map(|x| x.to_string()).collect()),
            Field::Administrative => list(r.administrative.iter().map(|x| x.to_string()).collect()),
            Field::Redirection => r.redirection.map_or_else(none, |x| x.to_string()),
            Field::Gender => r.gender.to_string(),
            Field::Age => r.age.to_string(),
            Field::Status => r.status.to_string(),
            Field::Notes => self.notes.value.clone(),
            Field::Save => String::new(),
        }
    }
}

fn label_id(field: Field) -> &'static str {
    match field {
        Field::Kind => "report-kind",
        Field::Date => "report-date-field",
        Field::Duration => "report-duration",
        Field::Place => "report-place",
        Field::Autonomy => "report-autonomy",
        Field::Equipment => "report-equipment",
        Field::Themes => "report-themes",
        Field::Administrative => "report-administrative",
        Field::Redirection => "report-redirection",
        Field::Gender => "report-gender",
        Field::Age => "report-age",
        Field::Status => "report-status",
        Field::Notes => "report-notes",
        Field::Save => "report-save",
    }
}

impl Screen for ReportForm {
    fn title(&self) -> &'static str {
        "report-title"
    }

    fn handle(&mut self, key: Key, ctx: &Ctx) -> Action {
        if self.saved {
            return if matches!(key, Key::Enter | Key::Esc) {
                Action::Back
            } else {
                Action::None
            };
        }
        if let Some((field, focus)) = &mut self.list {
            let field = *field;
            if key == Key::Esc {
                self.list = None;
                return Action::None;
            }
            if focus.navigate(key) {
                return Action::None;
            }
            if matches!(key, Key::Enter | Key::Char(' ')) {
                let i = focus.index();
                if i == Self::list_len(field) {
                    self.list = None;
                } else {
                    self.toggle(field, i);
                }
            }
            return Action::None;
        }
        let field = FIELDS[self.focus.index()];
        if key == Key::Esc {
            return Action::Back;
        }
        // A typing key for the focused field is that field's, even when full.
        let typed = match field {
            Field::Notes if matches!(key, Key::Char(_) | Key::Backspace) => {
                self.notes.input(key);
                true
            }
            Field::Date
                if matches!(key, Key::Char(c) if c.is_ascii_digit() || c == '/')
                    || key == Key::Backspace =>
            {
                self.date.input(key);
                true
            }
            Field::Duration
                if matches!(key, Key::Char(c) if c.is_ascii_digit()) || key == Key::Backspace =>
            {
                self.minutes.input(key);
                true
            }
            _ => false,
        };
        if typed {
            return Action::None;
        }
        if self.focus.navigate(key) {
            return Action::None;
        }
        if key == Key::Enter {
            self.notice = None;
            return self.change(field, ctx.now.date());
        }
        Action::None
    }

    fn reply(&mut self, reply: Reply, _ctx: &Ctx) -> Action {
        match reply {
            // The store audits the save with it.
            Reply::ReportSaved(Ok(id)) => {
                self.report.id = Some(id);
                self.saved = true;
                self.notice = Some("report-saved");
            }
            Reply::ReportSaved(Err(Refusal::Absent)) => self.notice = Some("report-refused-absent"),
            Reply::ReportSaved(Err(_)) => self.notice = Some("report-refused-cancelled"),
            Reply::Failed(_) => self.notice = Some("counsellor-failed"),
            _ => {}
        }
        Action::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        let mut paras: Vec<Para> = self
            .notice
            .iter()
            .map(|id| {
                if *id == "report-saved" {
                    page::success(view.tr.text(id))
                } else {
                    page::notice(view.tr.text(id))
                }
            })
            .collect();
        if let Some(code) = &self.report.booking {
            paras.push(page::text(
                view.tr
                    .text_with("report-booking", &[("code", code.clone().into())]),
            ));
        }
        if self.saved {
            return page::render(
                frame,
                area,
                view,
                &paras,
                &[Choice::numbered(1, view.tr.text("counsellor-back"))],
                Some(0),
            );
        }
        if let Some((field, focus)) = &self.list {
            paras.push(page::heading(view.tr.text(label_id(*field))));
            let checked = |i: usize| match field {
                Field::Equipment => self.report.equipment.contains(&Materiel::ALL[i]),
                Field::Themes => self.report.themes.contains(&Thematique::ALL[i]),
                _ => self
                    .report
                    .administrative
                    .contains(&ThematiqueAdministrative::ALL[i]),
            };
            let labels: Vec<&str> = match field {
                Field::Equipment => Materiel::ALL.iter().map(|m| m.label()).collect(),
                Field::Themes => Thematique::ALL.iter().map(|m| m.label()).collect(),
                _ => ThematiqueAdministrative::ALL
                    .iter()
                    .map(|m| m.label())
                    .collect(),
            };
            let mut choices: Vec<Choice> = labels
                .iter()
                .enumerate()
                .map(|(i, l)| Choice::marked(l.to_string(), Mark::Check(checked(i))))
                .collect();
            choices.push(Choice::marked(view.tr.text("report-list-done"), Mark::None));
            return page::render(frame, area, view, &paras, &choices, Some(focus.index()));
        }
        let choices: Vec<Choice> = FIELDS
            .iter()
            .map(|f| {
                let value = self.value(*f, view);
                let label = view.tr.text(label_id(*f));
                Choice::marked(
                    if value.is_empty() {
                        label
                    } else {
                        format!("{label} : {value}")
                    },
                    Mark::None,
                )
            })
            .collect();
        page::render(
            frame,
            area,
            view,
            &paras,
            &choices,
            Some(self.focus.index()),
        )
    }

    fn hints(&self) -> Vec<Hint> {
        vec![
            hint("key-arrows", "does-move"),
            hint("key-enter", "does-change"),
        ]
    }

    fn holds_input(&self) -> bool {
        !self.saved
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Settings;
    use crate::testing::{demo_config, monday_morning};

    fn keys(form: &mut ReportForm, keys: &[Key]) -> Vec<Action> {
        let config = demo_config();
        let settings = Settings::defaults(&config.kiosk);
        let ctx = Ctx {
            kiosk: &config.kiosk,
            i18n: &config.i18n,
            settings: &settings,
            now: monday_morning(),
            screen: (80, 24),
        };
        keys.iter().map(|k| form.handle(*k, &ctx)).collect()
    }

    fn chars(text: &str) -> Vec<Key> {
        text.chars().map(Key::Char).collect()
    }

    #[test]
    fn a_report_for_yesterday_with_any_length() {
        let mut report = Report::walk_in("camille", monday_morning().date());
        report.toggle_theme(Thematique::Email);
        let mut form = ReportForm::new(report);
        // The date line: rewrite it.
        keys(&mut form, &[Key::Down]);
        keys(&mut form, &[Key::Backspace; 10]);
        keys(&mut form, &chars("01/03/2026"));
        // The duration: any number of minutes.
        keys(&mut form, &[Key::Down, Key::Backspace, Key::Backspace]);
        keys(&mut form, &chars("75"));
        // Up to the top and round to "Enregistrer", the last line.
        let actions = keys(
            &mut form,
            &[Key::BackTab, Key::BackTab, Key::BackTab, Key::Enter],
        );
        match actions.last() {
            Some(Action::Emit(Effect::Store(Request::SaveReport(r)))) => {
                assert_eq!(r.date.to_string(), "2026-03-01");
                assert_eq!(r.minutes, 75);
                assert_eq!(r.themes, vec![Thematique::Email]);
            }
            _ => panic!("not saved"),
        }
    }

    #[test]
    fn a_wrong_date_or_no_theme_is_explained_not_saved() {
        let mut form = ReportForm::new(Report::walk_in("camille", monday_morning().date()));
        let last = keys(&mut form, &[Key::BackTab, Key::Enter]);
        assert!(matches!(last.last(), Some(Action::None)));
        assert_eq!(form.notice, Some("report-no-theme"));
        // Round to the date line, cut it to "02/03".
        keys(&mut form, &[Key::Tab, Key::Tab]);
        keys(&mut form, &[Key::Backspace; 5]);
        let last = keys(&mut form, &[Key::BackTab, Key::BackTab, Key::Enter]);
        assert!(matches!(last.last(), Some(Action::None)));
        assert_eq!(form.notice, Some("report-date-invalid"));
    }
}
