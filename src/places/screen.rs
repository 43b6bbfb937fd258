//! "Trouver un lieu d'aide près de moi": one field for a postal code or a commune, with
//! suggestions at every key; then the nearest lieux with their distance and whether they are
//! open now; then a lieu's details and a QR code to take its address away.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::view::{
    DetailChoice, Extra, FAR_KM, LieuxShown, ResultsShown, SearchShown, detail_choices,
};
use crate::app::Effect;
use crate::app::focus::FocusGrid;
use crate::app::key::Key;
use crate::app::screen::{Action, Ctx, Hint, Screen, hint};
use crate::app::speech::Speech;
use crate::app::text_field::{FieldKind, TextField};
use crate::domain::lieu::Filters;
use crate::domain::lieu::Lieu;
use crate::domain::nearest::{PlaceIndex, nearest};
use crate::store::{Reply, Request};
use crate::ui::View;
use crate::vocabulary::lieux::Service;

/// How many lieux a search lists.
pub(crate) const RESULTS: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Search,
    Results,
    Filters,
    Detail(usize),
    /// The week's hours of a lieu.
    Hours(usize),
    Qr(usize),
}

pub(crate) struct LieuxScreen {
    index: Option<std::sync::Arc<PlaceIndex>>,
    /// The help point's commune: suggestions near it come first.
    home: Option<crate::domain::communes::Home>,
    /// Enter was pressed with nothing typed: the screen says what to type.
    nothing_typed: bool,
    field: TextField,
    /// Indices into the communes, the likeliest first.
    suggestions: Vec<usize>,
    /// Focus on the field (0) or a suggestion (1 and after).
    typing: FocusGrid,
    commune: Option<usize>,
    /// From the diagnostic: only lieux offering these services, unless the person asks all.
    services: Vec<Service>,
    all_services: bool,
    filters: Filters,
    found: Vec<(i64, Option<f64>)>,
    lieux: Vec<Lieu>,
    step: Step,
    focus: FocusGrid,
    failed: bool,
}

impl LieuxScreen {
    pub(crate) fn new() -> LieuxScreen {
        LieuxScreen {
            index: None,
            home: None,
            nothing_typed: false,
            field: TextField::new(FieldKind::Text, 40),
            suggestions: Vec::new(),
            typing: FocusGrid::new(vec![1]),
            commune: None,
            services: Vec::new(),
            all_services: false,
            filters: Filters::default(),
            found: Vec::new(),
            lieux: Vec::new(),
            step: Step::Search,
            focus: FocusGrid::new(Vec::new()),
            failed: false,
        }
    }

    /// From the diagnostic: the lieux that offer the matching services.
    pub(crate) fn for_services(services: Vec<Service>) -> LieuxScreen {
        let mut screen = LieuxScreen::new();
        screen.services = services;
        screen
    }

    fn active_services(&self) -> &[Service] {
        if self.all_services {
            &[]
        } else {
            &self.services
        }
    }

    fn extras(&self) -> Vec<Extra> {
        let mut extras = Vec::new();
        if self.nothing_near() {
            extras.push(Extra::AllNear);
        }
        extras.push(Extra::Filters);
        if !self.services.is_empty() && !self.all_services {
            extras.push(Extra::AllServices);
        }
        extras.push(Extra::OtherCommune);
        extras
    }

    /// What the screen draws at its step; `None` for a lieu whose record is not (or no
    /// longer) read.
    fn shown(&self) -> Option<LieuxShown<'_>> {
        let focused = self.focus.index();
        Some(match self.step {
            Step::Search => LieuxShown::Search(SearchShown {
                failed: self.failed,
                services: &self.services,
                field: &self.field,
                nothing_typed: self.nothing_typed,
                communes: self.index.as_ref().map(|index| &index.communes),
                suggestions: &self.suggestions,
                focused: self.suggestion(),
            }),
            Step::Results => LieuxShown::Results(ResultsShown {
                failed: self.failed,
                communes: self.index.as_ref().map(|index| &index.communes),
                commune: self.commune,
                services: self.active_services(),
                filters: &self.filters,
                nothing_near: self.nothing_near(),
                found: &self.found,
                lieux: &self.lieux,
                extras: self.extras(),
                focused,
                page: self.focus.page(),
            }),
            Step::Filters => LieuxShown::Filters {
                filters: &self.filters,
                focused,
            },
            Step::Detail(i) => LieuxShown::Detail {
                lieu: self.lieux.get(i)?,
                focused,
            },
            Step::Hours(i) => LieuxShown::Hours(self.lieux.get(i)?),
            Step::Qr(i) => LieuxShown::Qr(self.lieux.get(i)?),
        })
    }

    fn refresh_suggestions(&mut self) {
        self.suggestions = match &self.index {
            Some(index) => index.communes.search_from(&self.field.value, self.home),
            None => Vec::new(),
        };
        self.typing = FocusGrid::new(vec![1; 1 + self.suggestions.len()]);
    }

    /// Filters are on and no lieu near passes them.
    fn nothing_near(&self) -> bool {
        self.filters != Filters::default() && self.found.is_empty()
    }

    /// Finds the nearest lieux of the chosen commune and asks for their records. With
    /// filters, only the lieux near (as near as the list says "far" beyond): a place hundreds
    /// of km away is never listed as if it were close.
    fn search(&mut self) -> Action {
        let (Some(index), Some(c)) = (&self.index, self.commune) else {
            return Action::None;
        };
        let commune = &index.communes.located(&index.communes.get(c));
        self.found = nearest(
            &index.points,
            commune,
            self.active_services(),
            &self.filters,
            RESULTS,
        );
        if self.filters != Filters::default() {
            self.found
                .retain(|(_, km)| km.is_some_and(|km| km <= FAR_KM));
        }
        self.step = Step::Results;
        self.lieux.clear();
        self.focus = FocusGrid::new(vec![1; self.found.len() + self.extras().len()]);
        Action::Emit(Effect::Store(Request::Lieux(
            self.found.iter().map(|(id, _)| *id).collect(),
        )))
    }

    fn choose_suggestion(&mut self, i: usize) -> Action {
        let Some(c) = self.suggestions.get(i).copied() else {
            return Action::None;
        };
        // Another commune: another search, without the last one's filters.
        if self.commune != Some(c) {
            self.filters = Filters::default();
        }
        self.commune = Some(c);
        self.search()
    }
    /// The suggestion focused, if the focus is not on the field.
    fn suggestion(&self) -> Option<usize> {
        self.typing.index().checked_sub(1)
    }

    fn handle_search(&mut self, key: Key) -> Action {
        match (self.suggestion(), key) {
            (_, Key::Esc) => return Action::Back,
            (None, Key::Enter) if self.field.value.trim().is_empty() => self.nothing_typed = true,
            (None, Key::Enter) => return self.choose_suggestion(0),
            (Some(i), Key::Enter) => return self.choose_suggestion(i),
            // Left and Right stay with the text being typed.
            (_, Key::Up | Key::Down | Key::Tab | Key::BackTab) => {
                self.typing.navigate(key);
            }
            (_, key) => {
                // Typing always goes to the field, wherever the focus was.
                if self.field.input(key) {
                    self.nothing_typed = false;
                    self.refresh_suggestions();
                }
            }
        }
        Action::None
    }

    /// On the lieux found: one of them, then all near, the filters, all services, another
    /// commune.
    fn handle_results(&mut self, key: Key) -> Action {
        if key == Key::Esc {
            self.step = Step::Search;
            return Action::None;
        }
        let Some(i) = self.focus.choose(key) else {
            return Action::None;
        };
        if i < self.found.len() {
            if i < self.lieux.len() {
                self.step = Step::Detail(i);
                self.focus = FocusGrid::new(vec![1, 1, 1]);
            }
            return Action::None;
        }
        match self.extras()[i - self.found.len()] {
            Extra::AllNear => {
                self.filters = Filters::default();
                return self.search();
            }
            Extra::Filters => {
                self.step = Step::Filters;
                self.focus = FocusGrid::new(vec![1; 5]);
            }
            Extra::AllServices => {
                self.all_services = true;
                return self.search();
            }
            Extra::OtherCommune => self.step = Step::Search,
        }
        Action::None
    }

    /// Ticking the filters; "Voir les lieux" (or Esc) searches again with them.
    fn handle_filters(&mut self, key: Key) -> Action {
        if key == Key::Esc {
            return self.search();
        }
        // Espace ticks a box, as everywhere; Entrée too (it chooses).
        let key = if key == Key::Char(' ') && self.focus.index() < 4 {
            Key::Enter
        } else {
            key
        };
        match self.focus.choose(key) {
            Some(0) => self.filters.free ^= true,
            Some(1) => self.filters.specific_support ^= true,
            Some(2) => self.filters.aidants_connect ^= true,
            Some(3) => self.filters.france_services ^= true,
            Some(_) => return self.search(),
            None => {}
        }
        Action::None
    }

    /// On lieu `i`'s details: its QR code, its week's hours, back to the list.
    fn handle_detail(&mut self, i: usize, key: Key, ctx: &Ctx) -> Action {
        if key == Key::Esc {
            self.back_to_results(i);
            return Action::None;
        }
        let offered = match self.lieux.get(i) {
            Some(lieu) => detail_choices(lieu, ctx.screen, ctx.settings.screen_reader),
            None => vec![DetailChoice::Back],
        };
        if self.focus.len() != offered.len() {
            self.focus = FocusGrid::new(vec![1; offered.len()]);
        }
        match self.focus.choose(key).map(|c| offered[c]) {
            Some(DetailChoice::Qr) => self.step = Step::Qr(i),
            Some(DetailChoice::Week) => {
                self.step = Step::Hours(i);
                self.focus = FocusGrid::new(vec![1]);
            }
            Some(DetailChoice::Back) => self.back_to_results(i),
            None => {}
        }
        Action::None
    }

    /// The lieux found again, the focus on lieu `i`.
    fn back_to_results(&mut self, i: usize) {
        self.step = Step::Results;
        self.focus = FocusGrid::new(vec![1; self.found.len() + self.extras().len()]);
        self.focus.set_index(i);
    }
}

impl Default for LieuxScreen {
    fn default() -> Self {
        LieuxScreen::new()
    }
}

impl Screen for LieuxScreen {
    fn title(&self) -> &'static str {
        match self.step {
            Step::Detail(_) | Step::Hours(_) | Step::Qr(_) => "lieux-detail-title",
            _ => "lieux-title",
        }
    }

    fn opened(&mut self, _ctx: &Ctx) -> Action {
        Action::Emit(Effect::Store(Request::PlaceIndex))
    }

    fn handle(&mut self, key: Key, ctx: &Ctx) -> Action {
        match self.step {
            Step::Search => self.handle_search(key),
            Step::Results => self.handle_results(key),
            Step::Filters => self.handle_filters(key),
            Step::Detail(i) => self.handle_detail(i, key, ctx),
            Step::Qr(i) | Step::Hours(i) => {
                if matches!(key, Key::Enter | Key::Esc | Key::Char(_)) {
                    self.step = Step::Detail(i);
                    self.focus = FocusGrid::new(vec![1, 1, 1]);
                }
                Action::None
            }
        }
    }

    fn reply(&mut self, reply: Reply, ctx: &Ctx) -> Action {
        match reply {
            Reply::PlaceIndex(index) => {
                let hp = &ctx.kiosk.help_point;
                self.home = index.communes.home(&hp.postal_code, &hp.commune);
                self.index = Some(index);
                self.refresh_suggestions();
            }
            Reply::Lieux(lieux) => self.lieux = lieux,
            Reply::Failed(_) => self.failed = true,
            _ => {}
        }
        Action::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
        super::view::render(&self.shown()?, frame, area, view)
    }

    fn body(&self, view: &View) -> Option<crate::ui::page::Body> {
        super::view::body(&self.shown()?, view)
    }

    fn focus_choice(&mut self, index: usize) {
        self.focus.set_index(index);
    }

    fn speech(&self, view: &View) -> Speech {
        match self.shown() {
            Some(shown) => super::view::speech(&shown, view),
            None => Speech::new(),
        }
    }

    fn hints(&self) -> Vec<Hint> {
        match self.step {
            Step::Search => vec![
                hint("key-letters", "does-type-commune"),
                hint("key-up-down", "does-move-suggestion"),
                hint("key-left-right", "does-move-in-text"),
                hint("key-enter", "does-choose"),
            ],
            Step::Filters => vec![
                hint("key-arrows", "does-move"),
                hint("key-space", "does-tick"),
                hint("key-enter", "does-choose"),
                hint("key-digits", "does-choose-number"),
            ],
            _ => [
                vec![
                    hint("key-arrows", "does-move"),
                    hint("key-enter", "does-choose"),
                    hint("key-digits", "does-choose-number"),
                ],
                self.focus.page_hints(),
            ]
            .concat(),
        }
    }

    fn holds_input(&self) -> bool {
        false
    }

    fn full_screen(&self) -> bool {
        matches!(self.step, Step::Qr(_))
    }
}
