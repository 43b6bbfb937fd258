# The welcome, its menu and the key bar: the words of the first frame, read before anything
# else (see WELCOME_FILES in src/i18n/mod.rs).
locale-name = Українська

welcome-title = Вітаємо
welcome-greeting = Ми допомагаємо з онлайн-справами та з користуванням комп'ютером або телефоном. Це безкоштовно.
welcome-menu-heading = Що ви хочете зробити?
# The welcome's menu: one choice per capability, drawn on the first frame from this file.
menu-diagnostic = З'ясувати, яка допомога мені потрібна
menu-booking = Записатися на прийом
menu-lieux = Знайти місце допомоги поруч
menu-manage = Мій запис
menu-workshops = Майстер-класи
menu-here = Я тут: запис або талон
menu-help-now = Мені потрібна допомога зараз
# The welcome choice that opens the languages and the display choices, and that screen's title.
welcome-settings = Мова та екран
# This language's word for "language": the welcome choice names it in every language offered.
language-word = Мова

page-of = Сторінка { $page } з { $pages }

key-arrows = Стрілки
key-up-down = Стрілки ↑ ↓
key-left-right = Стрілки ← →
key-enter = Enter
# Between a key and what it does in the key bar.
key-colon = {": "}
key-digits = Цифри
key-pages = PgUp / PgDn
key-esc = Esc
key-home = Home
key-f2 = F2
key-f3 = F3
key-f4 = F4
key-f5 = F5
key-f12 = F12
does-move = рухатися
# In a text field: ← and → move the cursor among the letters typed.
does-move-in-text = рухатися в тексті
does-choose = вибрати
does-choose-number = вибрати за номером
does-turn-page = інша сторінка
does-back = назад
does-home = початкова сторінка
does-finish = завершити (головний екран)
does-large-text = великий текст
does-contrast = високий контраст
does-say-again = прочитати все вголос
does-screen-reader = режим для програми зчитування екрана
does-staff = персонал
key-letters = Літери або цифри
does-type-commune = вводити
does-move-suggestion = вибрати населений пункт
key-space = Пробіл
does-tick = позначити або зняти позначку
key-any = Будь-яка клавіша
does-still-here = я ще тут
does-stay = залишитися тут
does-type-code = ввести код
key-backspace = Backspace
does-erase = стерти
does-validate = підтвердити
does-cancel = скасувати
