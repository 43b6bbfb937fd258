//! The kiosk's frame around the current screen: the header (who is signed in), the title,
//! the key bar, and the boxes over it (PIN, "Revenir à l'accueil ?", the idle countdown).
use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::screen::{Hint, hint};
use super::{App, Overlay};
use crate::ui::choices::Hit;
use crate::ui::lines::Lines;
use crate::ui::page::{self, Body, Layout};
use crate::ui::{Theme, View, keybar, text, title};

/// Below this size no screen can be used: ask for a larger window.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// Below this height (a large font's grid: 60×16 on a 1080p console, 42×12 on a 1366×768
/// panel) the frame keeps the body's rows for what the person reads: no blank rows, no
/// header unless someone is signed in, a key bar of at most two rows, no spacing.
pub const COMPACT_BELOW: u16 = 20;
/// The key bar's rows at most: four on a full screen, two on a compact one.
const KEYBAR_ROWS: u16 = 4;
const KEYBAR_ROWS_COMPACT: u16 = 2;

/// Where a frame put what a person reads, for speech (`app::speech`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drawn {
    /// The screen's title in words (large text draws it in block letters).
    pub title: String,
    /// The screen's body.
    pub body: Rect,
    /// The key bar.
    pub keys: Rect,
    /// A box over the screen: its title and its text.
    pub overlay: Option<(String, Rect)>,
    pub cursor: Option<Position>,
}

/// Draws the whole kiosk. `monochrome` is set when NO_COLOR is.
pub fn draw(frame: &mut Frame, app: &App, now: NaiveDateTime, monochrome: bool) -> Drawn {
    let theme = Theme::pick(app.settings.high_contrast, monochrome);
    let i18n = &app.i18n;
    let compact = frame.area().height < COMPACT_BELOW;
    let view = View {
        tr: i18n.tr(&app.settings.locale),
        i18n,
        theme: &theme,
        // The kiosk draws large text itself (block titles, spacing) only where the
        // terminal's font did not grow and there is room for it.
        large: app.settings.large_text && !app.large_font && !compact,
        large_text: app.settings.large_text,
        high_contrast: app.settings.high_contrast,
        locale: &app.settings.locale,
        linear: app.settings.screen_reader,
        kiosk: &app.kiosk,
        now,
        page: app.page,
        screen: (frame.area().width, frame.area().height),
    };
    let area = frame.area();
    // Every cell in the screen's colours, cell after cell: a block over the whole area looked
    // each cell up by its position, a tenth of the first frame on an old machine.
    let base = theme.base.style();
    for cell in &mut frame.buffer_mut().content {
        cell.set_style(base);
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, &view);
        return Drawn {
            title: view.tr.text("too-small"),
            body: area,
            keys: Rect::default(),
            overlay: None,
            cursor: Some(Position::new(area.x, area.y)),
        };
    }

    let screen = app.screen();
    let mut drawn = Drawn {
        title: view.tr.text(screen.title()),
        body: area,
        keys: Rect::default(),
        overlay: None,
        cursor: None,
    };
    if screen.full_screen() {
        drawn.cursor = screen.render(frame, area, &view);
    } else {
        (drawn.cursor, drawn.body, drawn.keys) = draw_with_chrome(frame, app, &view, now);
    }
    let mut shown = match &app.overlay {
        Some(Overlay::Confirm { leaving, yes }) => Some(super::overlays::confirm_leaving(
            frame, area, *leaving, *yes, &view,
        )),
        Some(Overlay::Pin(prompt)) => Some(super::overlays::pin(frame, area, prompt, &view)),
        None => None,
    };
    if app.waiting && app.overlay.is_none() {
        shown = Some(super::overlays::waiting(frame, area, &view));
    }
    if let Some(seconds) = app.countdown_seconds(now) {
        shown = Some(super::overlays::idle(frame, area, seconds, &view));
    }
    if let Some(shown) = shown {
        drawn.cursor = shown.cursor;
        drawn.overlay = Some((shown.title, shown.text));
    }
    if let Some(position) = drawn.cursor {
        frame.set_cursor_position(position);
    }
    drawn
}

/// Header, title, the screen's body and the key bar; returns the screen's cursor, where its
/// body is and where the key bar is.
fn draw_with_chrome(
    frame: &mut Frame,
    app: &App,
    view: &View,
    now: NaiveDateTime,
) -> (Option<Position>, Rect, Rect) {
    let area = frame.area();
    let theme = view.theme;
    let screen = app.screen();
    let hints = hints(app, view, now);
    let title = view.tr.text(screen.title());
    let parts = parts(app, view, area, &hints);
    frame.render_widget(
        Lines::new(Line::from(Span::raw(match app.counsellor_name() {
            Some(name) => view.tr.text_with(
                "counsellor-header",
                &[
                    ("place", app.kiosk.help_point.name.clone().into()),
                    ("name", name.into()),
                ],
            ),
            None => format!(" {}", app.kiosk.help_point.name),
        })))
        .style(theme.header.style()),
        parts.header,
    );
    title::render(frame, parts.title, &title, view);
    let cursor = screen.render(frame, parts.body, view);
    keybar::render(frame, parts.keys, &hints, view, parts.keybar_rows);
    (cursor, parts.body, parts.keys)
}

/// Where the frame puts each thing on a screen of this size with these keys.
struct Parts {
    header: Rect,
    title: Rect,
    body: Rect,
    keys: Rect,
    keybar_rows: u16,
}

fn parts(app: &App, view: &View, area: Rect, hints: &[Hint]) -> Parts {
    let title = view.tr.text(app.screen().title());
    let compact = area.height < COMPACT_BELOW;
    // Staff can always see who is signed in; a citizen's compact screen needs its rows more
    // than the help point's name.
    let header_h = u16::from(!compact || app.counsellor.is_some());
    // A blank row under the header and above the key bar, on a full screen.
    let spacing = u16::from(!compact);
    let title_h = if compact {
        1
    } else {
        title::height(&title, view, area.width - 2, area.height)
    };
    let keybar_rows = if compact {
        KEYBAR_ROWS_COMPACT
    } else {
        KEYBAR_ROWS
    };
    let keybar_h = keybar::height(hints, view, area.width, keybar_rows);

    let header = Rect::new(area.x, area.y, area.width, header_h);
    let title_area = Rect::new(
        area.x + 1,
        area.y + header_h + spacing,
        area.width - 2,
        title_h,
    );
    let keybar_area = Rect::new(area.x, area.bottom() - keybar_h, area.width, keybar_h);
    let body_top = title_area.bottom();
    let body = Rect::new(
        area.x + 1,
        body_top,
        area.width - 2,
        keybar_area.y.saturating_sub(body_top + spacing),
    );

    Parts {
        header,
        title: title_area,
        body,
        keys: keybar_area,
        keybar_rows,
    }
}

/// The current screen's body as the frame lays it out on the terminal (`View::screen`), when
/// the screen gives it as data: worked out before drawing, so that the key bar says the page
/// keys and they turn exactly the pages drawn.
pub fn body_layout(app: &App, view: &View, now: NaiveDateTime) -> Option<(Layout, Body)> {
    let (width, height) = view.screen;
    if app.screen().full_screen() || width < MIN_WIDTH || height < MIN_HEIGHT {
        return None;
    }
    let body = app.screen().body(view)?;
    let area = Rect::new(0, 0, view.screen.0, view.screen.1);
    let laid = |paged: bool| {
        let rect = body.area(
            parts(app, view, area, &hints_with(app, now, paged)).body,
            view,
        );
        page::layout((rect.width, rect.height), view, &body.paras, &body.choices)
    };
    // With the page keys the key bar may take a row more: pages there, or none without.
    let paged = laid(true);
    let layout = if paged.count() > 1 {
        paged
    } else {
        laid(false)
    };
    Some((layout, body))
}

/// What a tap at (column, row) of the terminal lands on: a choice of the screen's body, or
/// the page line (the next page).
pub fn tapped(app: &App, view: &View, now: NaiveDateTime, column: u16, row: u16) -> Option<Hit> {
    let (width, height) = view.screen;
    if app.screen().full_screen() || width < MIN_WIDTH || height < MIN_HEIGHT {
        return None;
    }
    let area = Rect::new(0, 0, width, height);
    match body_layout(app, view, now) {
        Some((layout, body)) => {
            let paged = layout.count() > 1;
            let rect = body.area(
                parts(app, view, area, &hints_with(app, now, paged)).body,
                view,
            );
            if !rect.contains(ratatui::layout::Position::new(column, row)) {
                return None;
            }
            layout.at(body.focused, row - rect.y)
        }
        None => {
            let rect = parts(app, view, area, &hints(app, view, now)).body;
            if !rect.contains(ratatui::layout::Position::new(column, row)) {
                return None;
            }
            app.screen()
                .choice_at(rect, view, row - rect.y)
                .map(Hit::Choice)
        }
    }
}

/// The key bar's keys: the box's over the screen, or the screen's, then those of every
/// screen.
pub fn hints(app: &App, view: &View, now: NaiveDateTime) -> Vec<Hint> {
    let paged = body_layout(app, view, now).is_some_and(|(layout, _)| layout.count() > 1);
    hints_with(app, now, paged)
}

/// The keys, with the page keys when the body has pages.
fn hints_with(app: &App, now: NaiveDateTime, paged: bool) -> Vec<Hint> {
    // A box over the screen takes every key: the key bar says what they do in it.
    let mut hints = match overlay_hints(app, now) {
        Some(hints) => hints,
        None => {
            let mut hints = app.screen().hints();
            if paged && !hints.iter().any(|h| h.key == "key-pages") {
                hints.push(hint("key-pages", "does-turn-page"));
            }
            if !app.on_welcome() {
                if !hints.iter().any(|h| h.key == "key-esc") {
                    hints.push(hint("key-esc", "does-back"));
                }
                hints.push(hint("key-home", "does-home"));
            }
            hints
        }
    };
    hints.extend(global_hints());
    if app.kiosk.speech.is_some() {
        hints.push(hint("key-f4", "does-say-again"));
        hints.push(hint("key-f1", "does-how-to-use"));
    }
    hints
}

/// The keys of the box over the screen, if one is open (the idle countdown above all).
fn overlay_hints(app: &App, now: NaiveDateTime) -> Option<Vec<Hint>> {
    if app.countdown_seconds(now).is_some() {
        return Some(vec![hint("key-any", "does-still-here")]);
    }
    match &app.overlay {
        Some(Overlay::Confirm { .. }) => Some(vec![
            hint("key-arrows", "does-move"),
            hint("key-enter", "does-choose"),
            hint("key-digits", "does-choose-number"),
            hint("key-esc", "does-stay"),
        ]),
        Some(Overlay::Pin(prompt)) if prompt.who.is_some() => Some(vec![
            hint("key-arrows", "does-move"),
            hint("key-enter", "does-choose"),
            hint("key-digits", "does-choose-number"),
            hint("key-esc", "does-cancel"),
        ]),
        Some(Overlay::Pin(_)) => Some(vec![
            hint("key-digits", "does-type-code"),
            hint("key-backspace", "does-erase"),
            hint("key-enter", "does-validate"),
            hint("key-esc", "does-cancel"),
        ]),
        None => None,
    }
}

fn global_hints() -> [Hint; 2] {
    [
        hint("key-f2", "does-large-text"),
        hint("key-f3", "does-contrast"),
    ]
}

fn too_small(frame: &mut Frame, area: Rect, view: &View) {
    let lines: Vec<Line> = text::wrap(&view.tr.text("too-small"), area.width as usize)
        .into_iter()
        .map(Line::from)
        .collect();
    frame.render_widget(Lines::new(lines).style(view.theme.heading.style()), area);
    frame.set_cursor_position((area.x, area.y));
}
