//! Drawing the welcome screen: the greeting when there is room, then the numbered menu and
//! "Langue et affichage", which names the languages' word for language so that a person
//! who does not read French finds it.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;

use super::menu::MenuEntry;
use crate::ui::View;
use crate::ui::choices::{Choice, Hit, list_height, list_pages, render_led_choices};
use crate::ui::lines::Lines;
use crate::ui::text::wrap;

/// The welcome as drawn: the main menu, "Langue et affichage" after it, and the focus.
pub(crate) struct WelcomeShown<'a> {
    pub(crate) menu: &'a [MenuEntry],
    /// The number that chooses "Langue et affichage".
    pub(crate) settings_number: usize,
    /// The choice focused: a menu entry's index, or the menu's length for "Langue et
    /// affichage".
    pub(crate) focused: usize,
}

pub fn render(
    welcome: &WelcomeShown,
    frame: &mut Frame,
    area: Rect,
    view: &View,
) -> Option<Position> {
    let (choices, greeting, list) = laid_out(welcome, area, view);
    if let Some(greeting) = greeting {
        frame.render_widget(
            Lines::new(greeting),
            Rect {
                height: list.y - area.y,
                ..area
            },
        );
    }
    let heading = Line::styled(
        view.tr.text("welcome-menu-heading"),
        view.theme.heading.style(),
    );
    render_led_choices(
        frame,
        list,
        view,
        &[],
        Some(heading),
        &choices,
        Some(welcome.focused),
    )
}

/// The choice drawn at row `dy` of the body `area` (a tap on it).
pub fn choice_at(welcome: &WelcomeShown, area: Rect, view: &View, dy: u16) -> Option<usize> {
    let (choices, _, list) = laid_out(welcome, area, view);
    let dy = (area.y + dy).checked_sub(list.y)?;
    let pages = list_pages((list.width, list.height), view, 0, 1, &choices);
    match pages.at(Some(welcome.focused), dy, false) {
        Some(Hit::Choice(i)) => Some(i),
        _ => None,
    }
}

/// The menu's choices, the greeting when there is room for it, and where the menu goes.
fn laid_out(
    welcome: &WelcomeShown,
    area: Rect,
    view: &View,
) -> (Vec<Choice>, Option<Vec<Line<'static>>>, Rect) {
    let mut choices: Vec<Choice> = welcome
        .menu
        .iter()
        .map(|e| Choice::numbered(e.number, view.tr.text(e.label)))
        .collect();
    choices.push(Choice::numbered(
        welcome.settings_number,
        settings_label(view),
    ));
    // The greeting gives way to the menu on a small screen.
    let greeting: Vec<Line<'static>> = wrap(&view.tr.text("welcome-greeting"), area.width as usize)
        .into_iter()
        .map(|l| Line::styled(l, view.theme.base.style()))
        .chain([Line::default()])
        .collect();
    let menu_h = 1 + list_height(&choices, area.width, view);
    if area.height >= greeting.len() as u16 + menu_h {
        let used = greeting.len() as u16;
        let list = Rect {
            y: area.y + used,
            height: area.height - used,
            ..area
        };
        (choices, Some(greeting), list)
    } else {
        (choices, None, area)
    }
}

/// "Langue et affichage · Language · Língua · Мова": in the person's language, then the
/// word for language in each other language offered.
fn settings_label(view: &View) -> String {
    let own = view.tr.text("language-word");
    let words = language_words(view)
        .into_iter()
        .map(|(_, word)| word)
        .filter(|word| *word != own);
    std::iter::once(view.tr.text("welcome-settings"))
        .chain(words)
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Each language offered with its own word for "language", once a word ("Langue" is
/// French's and the easy-to-read French's).
pub fn language_words(view: &View) -> Vec<(String, String)> {
    let mut words: Vec<(String, String)> = Vec::new();
    for tag in &view.kiosk.locales {
        let word = view.i18n.language_word(tag);
        if !words.iter().any(|(_, w)| *w == word) {
            words.push((tag.clone(), word));
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_settings_choice_names_each_language_once() {
        let config = crate::testing::demo_config();
        let theme = crate::ui::Theme::pick(false, false);
        let view = View {
            tr: config.i18n.tr("fr"),
            i18n: &config.i18n,
            theme: &theme,
            large: false,
            large_text: false,
            high_contrast: false,
            locale: "fr",
            linear: false,
            kiosk: &config.kiosk,
            now: crate::testing::monday_morning(),
            page: 0,
            screen: (80, 24),
        };
        // French and easy-to-read French both say "Langue": once.
        assert_eq!(
            settings_label(&view),
            "Langue et affichage · Language · Língua · Мова"
        );
    }

    #[test]
    fn the_welcome_in_every_language_is_drawn_from_french_alone() {
        // Parsing each offered locale for its one word was most of the first frame on an old
        // machine: the welcome shows them all and parses none but the one it speaks.
        let config = crate::testing::demo_config();
        let now = crate::testing::monday_morning();
        let app = crate::kiosk::app(config.clone(), now);
        let shown = crate::testing::shown(&app, now);
        assert!(shown.contains("Language · Língua · Мова"), "{shown}");
        let parsed: Vec<&str> = config
            .i18n
            .tags()
            .filter(|t| config.i18n.is_loaded(t))
            .collect();
        assert_eq!(parsed, ["fr"]);
    }
}
