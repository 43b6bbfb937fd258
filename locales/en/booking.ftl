# Booking: motifs and workshops of the demo agenda, the booking flow, workshops, managing.
motif-demarche = Help with an online procedure
motif-demarche-bring = Bring your papers, your carte Vitale, your numbers (tax, benefits…) and your phone.
motif-telephone = Learn to use my phone
motif-telephone-bring = Bring your phone, charged, and its code.
motif-securite = Protect myself from online scams
motif-securite-bring = Bring your phone, and the messages that worry you.
motif-appel = Appointment by phone
workshop-email-debutant = Getting started with e-mail
workshop-smartphone-debutant = First steps with a smartphone
workshop-arnaques = Spotting online scams

menu-booking = Book an appointment
booking-title = Book an appointment
booking-done-title = Your appointment
booking-choose-motif = What is the appointment for?
booking-motif-line = { $label } ({ $minutes } min, { $place })
booking-on-site = here
booking-by-phone = by phone
booking-choose-day = Choose a day:
booking-week-this = This week
booking-week-next = Next week
booking-week-of = Week of { $day }
booking-day-slots = { $day } — { $count ->
    [one] { $count } time free
   *[other] { $count } times free
}
booking-choose-time = Choose a time, { $day }:
booking-time-with = { $time } with { $name }
booking-slot-taken = This time has just been taken. Here are the times still free.
booking-no-slots = There is no free time at the moment. Call us on { $phone }.
booking-elsewhere = { $name } also sees people on { $day } at another place: { $place }.
booking-phone-needed = For an appointment by phone, we need your number.
booking-reminder-question = Would you like a reminder (text or e-mail) 2 days before?
booking-share-question = May the adviser see your answers to the questionnaire? It helps them prepare.
booking-check = Check your appointment:
booking-confirm = Confirm the appointment
booking-show-qr = Put the appointment in my phone (QR code)
booking-print = Print my ticket
booking-finish = Finish
booking-printed = Your ticket is printed.
booking-printer-failed = The printer does not answer. Write down your code, or ask at the desk.
technical-problem = A technical problem stops us. Ask for help at the desk, or call { $phone }.
answer-yes = Yes
answer-no = No
qr-go-back = Enter: go back.
qr-scan = Point your phone's camera at this code. Enter: go back.
qr-too-small = The window is too small for the QR code. Enter: go back.
does-move-field = change line
does-next-field = next line

confirm-when = { $day } at { $time }.
confirm-when-with = { $day } at { $time }, with { $name }.
confirm-by-phone = The adviser will call you on { $phone }.
confirm-place = Place: { $place }.
confirm-code = Your code: { $code }
confirm-keep-code = Keep this code to manage your appointment.
reminder-text = Reminder: { $when } { $place }. Your code: { $code }.
ticket-phone = To call us: { $phone }

form-title = Your details
form-title-on-behalf = The person's details
form-first-name = First name (required)
form-initial = First letter of your surname (optional)
form-phone = Phone
form-phone-none = no phone
form-no-phone = I have no phone
form-email = E-mail (optional)
form-continue = Continue
form-error-first-name = Please write your first name.
form-error-phone-missing = Please write your phone number, or choose "I have no phone".
form-error-phone-incomplete = The number is incomplete: 10 digits, for example 06 12 34 56 78.
form-error-phone-wrong = This number does not look right. Example: 06 12 34 56 78.
form-error-email = This e-mail address does not look right. Example: marie.dupont@laposte.net

menu-workshops = Workshops
workshops-title = Workshops
workshop-done-title = Your registration
workshops-choose = Coming workshops:
workshops-for = Workshops for: { $themes }
workshops-see-all = See all workshops
workshops-none = No workshop is planned at the moment. Ask us on { $phone }.
workshop-line = { $day }, { $time } — { $title } ({ $level }) — { $seats }
workshop-seats-left = { $left ->
    [one] { $left } seat left of { $seats }
   *[other] { $left } seats left of { $seats }
}
workshop-full = Full
workshop-full-notice = This workshop is full. Please choose another one.
level-debutant = Beginner
level-intermediaire = Intermediate
level-avance = Advanced

menu-manage = Manage my appointment
manage-title = Manage my appointment
manage-intro = Type your appointment's code, then the last 2 digits of your phone. If you gave no phone, type your first name.
manage-code = Code (6 characters)
manage-check = Last 2 digits of your phone, or first name
manage-code-shape = The code has 6 characters, for example ABC 234.
manage-check-missing = Type the last 2 digits of your phone, or your first name.
manage-not-found = We cannot find this appointment. Check the code and the digits.
manage-elsewhere = This appointment was made at another place: { $place }. To change or cancel it, please contact that place.
manage-is-cancelled = This appointment was cancelled.
manage-another = Book another appointment
manage-cancelled-by-service = This appointment was cancelled by the help point ({ $place }). We apologise.
manage-was-on = This appointment took place on { $day } at { $time }.
manage-too-late = Your appointment is in less than 4 hours. To cancel it, call { $phone } or ask at the front desk.
manage-change-by-phone = To change an appointment less than 2 days ahead, call { $phone } or ask at the front desk.
manage-cancel = Cancel this appointment
manage-change = Change the day or time
manage-cancel-question = Do you really want to cancel this appointment?
manage-cancel-yes = Yes, cancel
manage-cancel-no = No, keep the appointment
manage-cancelled = Your appointment is cancelled.
manage-changed = Your appointment is changed.
manage-now = Your current appointment: { $day } at { $time }.
manage-change-question = Do you want to change to this new appointment?
manage-change-yes = Yes, change
manage-change-no = No, keep my current appointment
form-said-letters-only = Only letters count here.
form-said-name-full = The first name stops at 40 letters: the rest is not taken.
form-said-initial-letter = One letter only here: the first letter of the last name.
form-said-initial-one = One letter only here: the first letter of the last name.
form-said-digits-only = Only digits count here.
form-said-no-space = An e-mail address has no space.
form-said-full = This field is full: the rest is not taken.

## The network's database out of reach: what is said, and the callback request.
offline-title = The network is not answering
offline-told = The kiosk cannot reach the counsellors' agenda at the moment: nothing has been saved.
offline-call = You can call { $phone }, or leave your number: a counsellor will call you back.
offline-still = Without the network, you can still find out what help you need and find a help place.
offline-callback = Ask a counsellor to call me back
offline-home = Back to the start
callback-intro = A counsellor will call you back on this number:
callback-first-name = First name
callback-phone = Phone
callback-about = What for (if you like)
callback-send = Send my request
callback-sent = Your request has been passed on. A counsellor will call you back on { $phone }.
callback-kept = Your request is kept on this kiosk. It will be sent as soon as the network is back. A counsellor will call you back on { $phone }.
callback-error-name = Write your first name.
callback-error-phone = Write a number to call you on, for example 06 12 34 56 78.
callback-failed = The request could not be kept. Call { $phone }.
