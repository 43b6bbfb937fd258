//! Drawing the welcome screen: greeting, numbered menu, language row, display row.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::welcome::{Item, Welcome};
use crate::ui::View;
use crate::ui::choices::{Choice, InlineChoices, Mark, render_led_choices, row_height};
use crate::ui::rows::Rows;
use crate::ui::text::wrap;

pub fn render(welcome: &Welcome, frame: &mut Frame, area: Rect, view: &View) -> Option<Position> {
    let focused = welcome.focused();
    let menu: Vec<Choice> = welcome
        .entries
        .iter()
        .map(|e| Choice::numbered(e.number, view.tr.text(e.label)))
        .collect();
    let languages: Vec<Choice> = welcome
        .locales
        .iter()
        .map(|tag| {
            let name = view.i18n.locale_name(tag);
            Choice::marked(name, Mark::Radio(tag == view.locale))
        })
        .collect();
    let display = [
        Choice::marked(view.tr.text("display-large-text"), Mark::Check(view.large)),
        Choice::marked(
            view.tr.text("display-high-contrast"),
            Mark::Check(view.high_contrast),
        ),
    ];
    let language_row = InlineChoices {
        label: view.tr.text("language-label"),
        choices: &languages,
        focused: match focused {
            Item::Language(i) => Some(i),
            _ => None,
        },
        linear: view.linear,
    };
    let display_row = InlineChoices {
        label: view.tr.text("display-label"),
        choices: &display,
        focused: match focused {
            Item::LargeText => Some(0),
            Item::Contrast => Some(1),
            _ => None,
        },
        linear: view.linear,
    };

    let gap = u16::from(view.large);
    let language_h = language_row.height(area.width);
    let display_h = display_row.height(area.width);
    let bottom_h = 1 + language_h + gap + display_h;
    // The greeting gives way first: the choices matter more on a small screen.
    let menu_full = if menu.is_empty() {
        0
    } else {
        1 + menu.len() as u16 * row_height(view)
    };
    let greeting = wrap(&view.tr.text("welcome-greeting"), area.width as usize);
    let greeting_h = greeting.len() as u16 + 1;
    let show_greeting = area.height >= greeting_h + menu_full + bottom_h;
    let mut greeting: Vec<Line<'static>> = greeting
        .into_iter()
        .map(|l| Line::styled(l, view.theme.base.style()))
        .collect();
    greeting.push(Line::default());

    let mut rows = Rows::new(area);
    if show_greeting {
        frame.render_widget(Paragraph::new(greeting.clone()), rows.take(greeting_h - 1));
        rows.take(1);
    }
    let mut cursor = None;
    if !menu.is_empty() {
        let list_h = area.height.saturating_sub(rows.used() + bottom_h).max(2);
        let heading = Line::styled(
            view.tr.text("welcome-menu-heading"),
            view.theme.heading.style(),
        );
        let focus = match focused {
            Item::Menu(i) => Some(i),
            _ => None,
        };
        // On a small screen the greeting pages with the menu: read with its first choice.
        let lead = if show_greeting {
            &[][..]
        } else {
            &greeting[..]
        };
        cursor = render_led_choices(
            frame,
            rows.take(list_h),
            view,
            lead,
            Some(heading),
            &menu,
            focus,
        );
    }
    rows.take(1);
    let language_area = rows.take(language_h);
    cursor = cursor.or(language_row.render(frame, language_area, view));
    rows.take(gap);
    let display_area = rows.take(display_h);
    cursor.or(display_row.render(frame, display_area, view))
}
