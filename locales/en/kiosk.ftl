# The kiosk shell: welcome screen, keys, idle reset, staff access.
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
display-large-text = Large text
display-high-contrast = High contrast
display-screen-reader = Screen reader mode
display-done = Back to the menu

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

idle-title = Are you still there?
idle-press-a-key = Press any key to continue.
idle-countdown = { $seconds ->
    [one] Otherwise, back to the start page in { $seconds } second.
   *[other] Otherwise, back to the start page in { $seconds } seconds.
}

home-confirm-title = Back to the start page?
home-confirm-text = What you entered will be erased.
home-confirm-yes = Yes, back to the start page
home-confirm-no = No, stay here

pin-title = Staff area
pin-instructions = Type the staff code, then press Enter. Esc to cancel.
pin-label = Code:
pin-checking = Checking…
pin-wrong = Wrong code.
pin-wrong-wait = Wrong code. You can try again in { $seconds } seconds.
pin-wait = Please wait { $seconds } more seconds before trying again.
pin-unreachable = The network is not answering: a counsellor's PIN cannot be checked. Try again in a moment.
pin-who = Who are you? Choose your name, then press Enter.

staff-title = Staff
staff-quit = Quit the kiosk
staff-back = Back to the kiosk
staff-lieux-date = Data of { $date }
staff-lieux-none = No lieux data
staff-lieux-old = The lieux date from { $date }, { $days } days ago: update them (borne lieux update).
staff-network-none = No kiosk has reported yet.
staff-network-silent = silent for { $minutes } min
staff-network-alive = running, last heard { $seconds } s ago
staff-network-kiosk = version { $version }, started { $started }, last screen { $frame } · printer: { $printer } · speech: { $speech } · { $lieux } · callback requests waiting: { $callbacks }
staff-network-error = last error: { $error }
staff-network-state = { $state ->
        [ok] working
        [failed] failing
       *[none] none
    }

time-of-day = { $hour }:{ $minute }
too-small = Please make the window larger to use the kiosk.

date-long = { $day } { $month } { $year }
date-day = { $weekday } { $day } { $month }
date-today = today, { $day }
date-tomorrow = tomorrow, { $day }
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
key-letters = Letters or numbers
does-type-commune = type
does-move-suggestion = choose a town
waiting-title = One moment…
waiting-text = We are waiting for the answer. You can wait or press Esc.
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
back-confirm-title = Go back?
back-confirm-yes = Yes, go back
signout-confirm-title = Sign out?
signout-confirm-text = The kiosk goes back to its start page, for the next person.
signout-confirm-yes = Yes, sign me out
