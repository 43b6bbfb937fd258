# The kiosk shell: the languages and display choices, the idle reset, the staff, dates.
display-large-text = Large text
display-high-contrast = High contrast
display-screen-reader = Screen reader mode
display-done = Back to the menu

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
waiting-title = One moment…
waiting-text = We are waiting for the answer. You can wait or press Esc.
back-confirm-title = Go back?
back-confirm-yes = Yes, go back
signout-confirm-title = Sign out?
signout-confirm-text = The kiosk goes back to its start page, for the next person.
signout-confirm-yes = Yes, sign me out
