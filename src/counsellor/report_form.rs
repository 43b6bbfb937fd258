//! Filling an activity report: each line a field of the Coop's form; Enter opens the field's
//! values to choose from (one, or several with boxes). Administrative sub-thématiques open
//! only once "Aide aux démarches administratives" is chosen.
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

pub(crate) struct ReportForm {
    report: Report,
    /// "03/03/2026": a report may be written the day after.
    date: TextField,
    /// Minutes: the list offers 15 to 120, digits give any other length.
    minutes: TextField,
    notes: TextField,
    focus: FocusGrid,
    /// The open list of a field's values, and the focus in it.
    list: Option<(Field, FocusGrid)>,
    notice: Option<&'static str>,
    saved: bool,
}

impl ReportForm {
    pub(crate) fn new(report: Report) -> ReportForm {
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

    /// Whether the field takes several values (boxes to tick) rather than one.
    fn several(field: Field) -> bool {
        matches!(
            field,
            Field::Equipment | Field::Themes | Field::Administrative
        )
    }

    /// The field's values as listed, each with whether it is chosen.
    fn options(&self, field: Field, view: &View) -> Vec<(String, bool)> {
        self.labels(field, view)
            .into_iter()
            .zip(self.chosen(field))
            .collect()
    }

    /// Whether each of the field's values is chosen, in the list's order.
    fn chosen(&self, field: Field) -> Vec<bool> {
        let r = &self.report;
        fn each<T: Copy>(values: &[T], chosen: impl Fn(T) -> bool) -> Vec<bool> {
            values.iter().map(|v| chosen(*v)).collect()
        }
        match field {
            Field::Kind => each(TypeAccompagnement::ALL, |v| v == r.kind),
            Field::Duration => each(&DURATIONS, |d: u32| d.to_string() == self.minutes.value),
            Field::Place => each(LieuAccompagnement::ALL, |v| v == r.place),
            Field::Autonomy => [
                vec![r.autonomy.is_none()],
                each(Autonomie::ALL, |v| r.autonomy == Some(v)),
            ]
            .concat(),
            Field::Redirection => [
                vec![r.redirection.is_none()],
                each(Redirection::ALL, |v| r.redirection == Some(v)),
            ]
            .concat(),
            Field::Gender => each(Genre::ALL, |v| v == r.gender),
            Field::Age => each(TrancheAge::ALL, |v| v == r.age),
            Field::Status => each(Statut::ALL, |v| v == r.status),
            Field::Equipment => each(Materiel::ALL, |v| r.equipment.contains(&v)),
            Field::Themes => each(Thematique::ALL, |v| r.themes.contains(&v)),
            Field::Administrative => each(ThematiqueAdministrative::ALL, |v| {
                r.administrative.contains(&v)
            }),
            Field::Date | Field::Notes | Field::Save => Vec::new(),
        }
    }

    /// The field's values in the counsellor's words, in the list's order.
    fn labels(&self, field: Field, view: &View) -> Vec<String> {
        fn each<T: Copy>(values: &[T], word: impl Fn(T) -> String) -> Vec<String> {
            values.iter().map(|v| word(*v)).collect()
        }
        let not_said = || vec![view.tr.text("report-not-said")];
        macro_rules! coop {
            ($all:expr, $kind:literal) => {
                each($all, |v| shown(view, $kind, v.key(), v.label()))
            };
        }
        match field {
            Field::Kind => coop!(TypeAccompagnement::ALL, "kind"),
            Field::Duration => each(&DURATIONS, |d: u32| format!("{d} min")),
            Field::Place => each(LieuAccompagnement::ALL, |v| self.place(v, view)),
            Field::Autonomy => [not_said(), coop!(Autonomie::ALL, "autonomy")].concat(),
            Field::Redirection => [not_said(), coop!(Redirection::ALL, "redirection")].concat(),
            Field::Gender => coop!(Genre::ALL, "gender"),
            Field::Age => coop!(TrancheAge::ALL, "age"),
            Field::Status => coop!(Statut::ALL, "status"),
            Field::Equipment => coop!(Materiel::ALL, "equipment"),
            Field::Themes => coop!(Thematique::ALL, "theme"),
            Field::Administrative => coop!(ThematiqueAdministrative::ALL, "administrative"),
            Field::Date | Field::Notes | Field::Save => Vec::new(),
        }
    }

    /// Chooses the field's `i`th value (ticks or unticks it when the field takes several).
    fn pick(&mut self, field: Field, i: usize) {
        let r = &mut self.report;
        match field {
            Field::Kind => r.kind = TypeAccompagnement::ALL[i],
            Field::Duration => {
                self.minutes = TextField::new(FieldKind::Phone, 3).with(&DURATIONS[i].to_string());
            }
            Field::Place => r.place = LieuAccompagnement::ALL[i],
            Field::Autonomy => r.autonomy = i.checked_sub(1).map(|i| Autonomie::ALL[i]),
            Field::Redirection => r.redirection = i.checked_sub(1).map(|i| Redirection::ALL[i]),
            Field::Gender => r.gender = Genre::ALL[i],
            Field::Age => r.age = TrancheAge::ALL[i],
            Field::Status => r.status = Statut::ALL[i],
            Field::Equipment => r.toggle_equipment(Materiel::ALL[i]),
            Field::Themes => r.toggle_theme(Thematique::ALL[i]),
            Field::Administrative => {
                r.toggle_administrative(ThematiqueAdministrative::ALL[i]);
            }
            Field::Date | Field::Notes | Field::Save => {}
        }
    }

    /// Whether what `id` says is still so of the form as filled now (messages that are not
    /// about the form's values always are).
    fn still_wrong(&self, id: &str, today: chrono::NaiveDate) -> bool {
        let r = &self.report;
        let date = chrono::NaiveDate::parse_from_str(self.date.value.trim(), "%d/%m/%Y");
        match id {
            "report-date-invalid" => date.is_err(),
            "report-future-date" => date.is_ok_and(|d| d > today),
            "report-no-duration" => self.minutes.value.parse::<u32>().unwrap_or(0) == 0,
            "report-no-theme" => r.themes.is_empty(),
            "report-admin-needs-theme" => {
                !r.administrative.is_empty()
                    && !r
                        .themes
                        .contains(&Thematique::AideAuxDemarchesAdministratives)
            }
            "report-no-equipment-exclusive" => {
                r.equipment.contains(&Materiel::PasDeMateriel) && r.equipment.len() > 1
            }
            // A key refused: said once, gone at the next one taken.
            "form-said-digits-only" => false,
            _ => true,
        }
    }

    /// After a value changed: what was wrong and has been put right is no longer said.
    fn forget_mended(&mut self, today: chrono::NaiveDate) {
        if let Some(id) = self.notice
            && !self.still_wrong(id, today)
        {
            self.notice = None;
        }
    }

    /// "Lieu d'activité" is the help point itself: said with its name.
    fn place(&self, place: LieuAccompagnement, view: &View) -> String {
        match place {
            LieuAccompagnement::LieuActivite => view.tr.text_with(
                "report-place-here",
                &[("place", view.kiosk.help_point.name.clone().into())],
            ),
            other => shown(view, "place", other.key(), other.label()),
        }
    }

    fn change(&mut self, field: Field, today: chrono::NaiveDate) -> Action {
        let r = &mut self.report;
        match field {
            Field::Date | Field::Notes => {}
            Field::Administrative
                if !r
                    .themes
                    .contains(&Thematique::AideAuxDemarchesAdministratives) =>
            {
                self.notice = Some("report-admin-needs-theme");
            }
            Field::Kind
            | Field::Duration
            | Field::Place
            | Field::Autonomy
            | Field::Redirection
            | Field::Gender
            | Field::Age
            | Field::Status
            | Field::Equipment
            | Field::Themes
            | Field::Administrative => {
                // A list of several values ends with "Terminé".
                let n = self.chosen(field).len() + usize::from(Self::several(field));
                let mut focus = FocusGrid::new(vec![1; n]);
                let chosen = self.chosen(field).iter().position(|c| *c);
                if let (Some(i), false) = (chosen, Self::several(field)) {
                    focus.set_index(i);
                }
                self.list = Some((field, focus));
            }
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

    /// The field's value as the form line shows it.
    fn value(&self, field: Field, view: &View) -> String {
        if field == Field::Date {
            return self.date.value.clone();
        }
        if field == Field::Notes {
            return self.notes.value.clone();
        }
        if field == Field::Duration {
            return format!("{} min", self.minutes.value);
        }
        let chosen: Vec<String> = self
            .options(field, view)
            .into_iter()
            .filter(|(_, chosen)| *chosen)
            .map(|(shown, _)| shown)
            .collect();
        if chosen.is_empty() && field != Field::Save {
            view.tr.text("report-none")
        } else {
            chosen.join(", ")
        }
    }
}

/// A value of the Coop's vocabulary as the counsellor reads it: the locale's words when it
/// has them (`coop-age-de12a18` = "12 à 17 ans"), else the national label with a capital.
fn shown(view: &View, kind: &str, key: &str, label: &str) -> String {
    let id = format!("coop-{kind}-{key}");
    if view.i18n.has_message(view.locale, &id) {
        return view.tr.text(&id);
    }
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
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

    /// A report is about one person (their age, their situation, notes).
    fn shows_a_person(&self) -> bool {
        true
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
                if i == self.chosen(field).len() {
                    // "Terminé" after boxes.
                    self.list = None;
                } else {
                    self.pick(field, i);
                    self.forget_mended(ctx.now.date());
                    // One value: chosen, the list closes.
                    if !Self::several(field) {
                        self.list = None;
                    }
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
            // Minutes are digits: a letter is said, not silently dropped.
            Field::Duration if matches!(key, Key::Char(c) if c != ' ') => {
                self.notice = Some("form-said-digits-only");
                return Action::None;
            }
            _ => false,
        };
        if typed {
            self.forget_mended(ctx.now.date());
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
        page::render_body(frame, area, view, &self.body(view)?)
    }

    fn body(&self, view: &View) -> Option<page::Body> {
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
            return Some(page::Body::new(
                paras,
                vec![Choice::numbered(1, view.tr.text("counsellor-back"))],
                Some(0),
            ));
        }
        if let Some((field, focus)) = &self.list {
            paras.push(page::heading(view.tr.text(label_id(*field))));
            let several = Self::several(*field);
            let mut choices: Vec<Choice> = self
                .options(*field, view)
                .into_iter()
                .map(|(label, chosen)| {
                    let mark = if several {
                        Mark::Check(chosen)
                    } else {
                        Mark::Radio(chosen)
                    };
                    Choice::marked(label, mark)
                })
                .collect();
            if several {
                choices.push(Choice::marked(view.tr.text("report-list-done"), Mark::None));
            }
            return Some(page::Body::new(
                paras,
                choices.to_vec(),
                Some(focus.index()),
            ));
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
                        format!("{label}{}{value}", view.tr.text("key-colon"))
                    },
                    Mark::None,
                )
            })
            .collect();
        Some(page::Body::new(
            paras,
            choices.to_vec(),
            Some(self.focus.index()),
        ))
    }

    fn focus_choice(&mut self, index: usize) {
        match &mut self.list {
            Some((_, focus)) => focus.set_index(index),
            None => self.focus.set_index(index),
        }
    }

    fn hints(&self) -> Vec<Hint> {
        // What Enter does where the focus is: open a field's values, choose one, or tick.
        let enter = match &self.list {
            Some((field, _)) if Self::several(*field) => "does-tick",
            Some(_) => "does-choose",
            None => "does-change",
        };
        let mut hints = vec![hint("key-arrows", "does-move"), hint("key-enter", enter)];
        // Espace ticks a box, as everywhere.
        if enter == "does-tick" {
            hints.insert(1, hint("key-space", "does-tick"));
        }
        hints
    }

    fn holds_input(&self) -> bool {
        !self.saved
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::monday_morning;

    fn keys(form: &mut ReportForm, keys: &[Key]) -> Vec<Action> {
        crate::testing::press(form, keys)
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
    fn the_key_bar_says_what_enter_does_in_a_list() {
        let mut form = ReportForm::new(Report::walk_in("camille", monday_morning().date()));
        assert!(form.hints().contains(&hint("key-enter", "does-change")));
        // "Type": one value to choose.
        keys(&mut form, &[Key::Enter]);
        assert!(form.hints().contains(&hint("key-enter", "does-choose")));
        keys(&mut form, &[Key::Esc]);
        // "Matériel": boxes to tick.
        keys(
            &mut form,
            &[
                Key::Down,
                Key::Down,
                Key::Down,
                Key::Down,
                Key::Down,
                Key::Enter,
            ],
        );
        assert!(form.hints().contains(&hint("key-enter", "does-tick")));
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

    /// The form in the kiosk, as the counsellor reads it.
    fn in_kiosk(report: Report) -> crate::app::App {
        let config = crate::testing::demo_config();
        let mut app = crate::kiosk::app(config, monday_morning());
        app.push(Box::new(ReportForm::new(report)), monday_morning());
        app
    }

    fn press_in(app: &mut crate::app::App, keys: &[Key]) -> String {
        for key in keys {
            app.update(crate::app::Msg::Key(*key), monday_morning());
        }
        crate::testing::shown(app, monday_morning())
    }

    #[test]
    fn what_was_wrong_goes_once_it_is_put_right() {
        let mut app = in_kiosk(Report::walk_in("camille", monday_morning().date()));
        // "Enregistrer" without a theme.
        let shown = press_in(&mut app, &[Key::BackTab, Key::Enter]);
        assert!(
            shown.contains("Choisissez au moins une thématique"),
            "{shown}"
        );
        // The themes' list: one ticked, the list closed with "Terminé".
        let seven_up = [Key::BackTab; 7];
        press_in(&mut app, &seven_up);
        let shown = press_in(&mut app, &[Key::Enter, Key::Char(' ')]);
        assert!(!shown.contains("Choisissez au moins"), "{shown}");
        // The date cut short: said; typed again whole: no longer said.
        let mut app = in_kiosk({
            let mut r = Report::walk_in("camille", monday_morning().date());
            r.toggle_theme(Thematique::Email);
            r
        });
        press_in(&mut app, &[Key::Down]);
        press_in(&mut app, &[Key::Backspace; 5]);
        let shown = press_in(&mut app, &[Key::BackTab, Key::BackTab, Key::Enter]);
        assert!(shown.contains("La date s'écrit JJ/MM/AAAA"), "{shown}");
        press_in(&mut app, &[Key::Tab, Key::Tab]);
        let shown = press_in(&mut app, &[Key::Char('/')]);
        assert!(shown.contains("La date s'écrit"), "still wrong: {shown}");
        let shown = press_in(&mut app, &chars("2026"));
        assert!(!shown.contains("La date s'écrit"), "{shown}");
    }
}
