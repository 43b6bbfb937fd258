//! Choosing a day ("mardi 3 mars — 4 créneaux"), then a time ("14 h 30"). Shared by booking
//! and by "changer de jour ou d'heure".
use chrono::NaiveDate;

use super::agenda::Agenda;
use super::slots::{Slot, days_with_slots, times_on};
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Hint, choosing_hints};
use crate::app::speech::Speech;
use crate::calendar::{monday_of, words};
use crate::ui::View;
use crate::ui::choices::Choice;
use crate::ui::page::{self, Body, Para};

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Picker {
    slots: Vec<Slot>,
    day: Option<NaiveDate>,
    focus: FocusGrid,
}

pub(crate) enum PickerEvent {
    None,
    /// Esc on the list of days.
    Back,
    Chosen(Slot),
}

impl Picker {
    pub(crate) fn new(slots: Vec<Slot>) -> Picker {
        let mut picker = Picker {
            slots,
            day: None,
            focus: FocusGrid::new(Vec::new()),
        };
        picker.focus = picker.days_focus();
        picker
    }

    /// The days, a page a week: never more than nine numbers to choose from.
    fn days_focus(&self) -> FocusGrid {
        let weeks: Vec<usize> = weeks(&self.days()).iter().map(|w| w.len()).collect();
        FocusGrid::grouped(&weeks)
    }

    /// The keys, with those that turn pages when the list has pages.
    pub(crate) fn hints(&self) -> Vec<Hint> {
        let mut hints = choosing_hints();
        hints.extend(self.focus.page_hints());
        hints
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    fn days(&self) -> Vec<(NaiveDate, usize)> {
        days_with_slots(&self.slots)
    }

    fn times(&self) -> Vec<Slot> {
        self.day
            .map(|d| times_on(&self.slots, d))
            .unwrap_or_default()
    }

    pub(crate) fn handle(&mut self, key: Key) -> PickerEvent {
        if self.focus.choose(key).is_some() {
            return self.choose();
        }
        match key {
            Key::Esc if self.day.is_some() => {
                let days = self.days();
                let at = days
                    .iter()
                    .position(|(d, _)| Some(*d) == self.day)
                    .unwrap_or(0);
                self.day = None;
                self.focus = self.days_focus();
                self.focus.set_index(at);
                PickerEvent::None
            }
            Key::Esc => PickerEvent::Back,
            _ => PickerEvent::None,
        }
    }

    fn choose(&mut self) -> PickerEvent {
        match self.day {
            None => {
                let Some((day, _)) = self.days().get(self.focus.index()).copied() else {
                    return PickerEvent::None;
                };
                self.day = Some(day);
                self.focus = FocusGrid::new(vec![1; self.times().len()]);
                PickerEvent::None
            }
            Some(_) => match self.times().get(self.focus.index()) {
                Some(slot) => PickerEvent::Chosen(slot.clone()),
                None => PickerEvent::None,
            },
        }
    }

    /// Whether the day is chosen (the times show).
    pub(crate) fn on_times(&self) -> bool {
        self.day.is_some()
    }

    /// The question and the choices: the days, or the times of the day chosen.
    fn page(&self, view: &View, agenda: &Agenda, mut paras: Vec<Para>) -> (Vec<Para>, Vec<Choice>) {
        let choices: Vec<Choice> = match self.day {
            None => {
                paras.push(page::heading(view.tr.text("booking-choose-day")));
                let days = self.days();
                weeks(&days)
                    .iter()
                    .flat_map(|week| week.iter().enumerate())
                    .map(|(i, (day, n))| {
                        let label = view.tr.text_with(
                            "booking-day-slots",
                            &[
                                (
                                    "day",
                                    words::day_from(&view.tr, *day, view.now.date()).into(),
                                ),
                                ("count", (*n as i64).into()),
                            ],
                        );
                        Choice::numbered(i + 1, label)
                    })
                    .collect()
            }
            Some(day) => {
                paras.push(page::heading(view.tr.text_with(
                    "booking-choose-time",
                    &[("day", words::day(&view.tr, day).into())],
                )));
                self.times()
                    .iter()
                    .enumerate()
                    .map(|(i, slot)| {
                        let label = view.tr.text_with(
                            "booking-time-with",
                            &[
                                ("time", words::time(&view.tr, slot.starts).into()),
                                (
                                    "name",
                                    agenda.counsellors[slot.counsellor].name.clone().into(),
                                ),
                            ],
                        );
                        Choice::numbered(i + 1, label)
                    })
                    .collect()
            }
        };
        (paras, choices)
    }

    /// The days or times under `paras`, as drawn.
    pub(crate) fn body(&self, view: &View, agenda: &Agenda, paras: Vec<Para>) -> Body {
        let (mut paras, choices) = self.page(view, agenda, paras);
        if self.day.is_none() {
            // The week of the page shown, under the question.
            let days = self.days();
            let shown = days.get(self.focus.index()).map(|(d, _)| *d);
            let week = shown.map_or(view.now.date(), |d| d);
            paras.push(page::heading(week_name(view, week)));
        }
        Body::new(paras, choices, Some(self.focus.index()))
    }

    /// A page turned to this day or time.
    pub fn focus_choice(&mut self, index: usize) {
        self.focus.set_index(index);
    }

    /// What the step says: the question, and the day or time focused whole.
    pub(crate) fn speech(&self, view: &View, agenda: &Agenda, paras: Vec<Para>) -> Speech {
        let (paras, choices) = self.page(view, agenda, paras);
        Speech::page(&paras, &choices, Some(self.focus.index()), &view.tr)
    }
}

/// The days cut into weeks (Monday to Sunday), in order.
fn weeks(days: &[(NaiveDate, usize)]) -> Vec<Vec<(NaiveDate, usize)>> {
    let mut weeks: Vec<Vec<(NaiveDate, usize)>> = Vec::new();
    for day in days {
        match weeks.last_mut() {
            Some(week) if monday_of(week[0].0) == monday_of(day.0) => week.push(*day),
            _ => weeks.push(vec![*day]),
        }
    }
    weeks
}

/// "cette semaine", "la semaine prochaine", "semaine du lundi 16 mars".
fn week_name(view: &View, day: NaiveDate) -> String {
    let this = monday_of(view.now.date());
    let week = monday_of(day);
    if week == this {
        view.tr.text("booking-week-this")
    } else if week == this + chrono::Duration::days(7) {
        view.tr.text("booking-week-next")
    } else {
        view.tr.text_with(
            "booking-week-of",
            &[("day", words::day(&view.tr, week).into())],
        )
    }
}
