# The welcome, its menu and the key bar: the words of the first frame, read before anything
# else (see WELCOME_FILES in src/i18n/mod.rs).
locale-name = English

welcome-title = Welcome
welcome-greeting = We help you with online procedures and with using a computer or a phone. It is free.
welcome-menu-heading = What would you like to do?
# The welcome's menu: one choice per capability, drawn on the first frame from this file.
menu-diagnostic = Find out what help I need
menu-booking = Book an appointment
menu-lieux = Find a help place near me
menu-manage = Manage my appointment
menu-workshops = Workshops
menu-here = I'm here: appointment or ticket
menu-help-now = I'd like help now
# The welcome choice that opens the languages and the display choices, and that screen's title.
welcome-settings = Language and display
# This language's word for "language": the welcome choice names it in every language offered.
language-word = Language

page-of = Page { $page } of { $pages }

key-arrows = Arrows
key-up-down = Arrows ↑ ↓
key-left-right = Arrows ← →
key-enter = Enter
# Between a key and what it does in the key bar.
key-colon = {": "}
key-digits = Numbers
key-pages = PgUp / PgDn
key-esc = Esc
key-home = Home
key-f2 = F2
key-f3 = F3
key-f4 = F4
key-f5 = F5
key-f12 = F12
does-move = move
# In a text field: ← and → move the cursor among the letters typed.
does-move-in-text = move in the text
does-choose = choose
does-choose-number = choose by number
does-turn-page = change page
does-back = go back
does-home = start page
does-finish = finish (welcome screen)
does-large-text = large text
does-contrast = high contrast
does-say-again = read it all aloud
does-screen-reader = screen reader mode
does-staff = staff
key-letters = Letters or numbers
does-type-commune = type
does-move-suggestion = choose a town
key-space = Space
does-tick = tick or untick
key-any = Any key
does-still-here = I'm still here
does-stay = stay here
does-type-code = type the code
key-backspace = Backspace
does-erase = erase
does-validate = confirm
does-cancel = cancel
