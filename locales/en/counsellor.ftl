# Counsellor mode (staff only).
counsellor-workshop-event = Workshop: { $title }
counsellor-title = Adviser area
counsellor-signed-in = Signed in: { $name }
counsellor-today = Today's agenda
counsellor-week = This week's agenda
counsellor-shown-day = { $day }
counsellor-shown-week = From { $from } to { $to }
counsellor-previous-day = Previous day
counsellor-next-day = Next day
counsellor-previous-week = Previous week
counsellor-next-week = Next week
counsellor-go-to-date = Go to a date
counsellor-date-question = Which date? (day/month, or day/month/year)
counsellor-go-to-date-ok = Show this date
counsellor-date-invalid = That is not a date: type for example 17/03 or 17/03/2026.
key-left-right = ← →
does-other-day = previous or next day
does-other-week = previous or next week
counsellor-book = Book for someone
counsellor-walk-in = Report without an appointment
counsellor-stats = Statistics
counsellor-sign-out = Sign out
counsellor-back = Back
counsellor-nothing = Nothing planned in this period.
counsellor-workshop-line = { $day } { $time } — Workshop { $title } — { $taken }/{ $seats } registered
counsellor-mark-present = Mark present
counsellor-mark-absent = Mark absent
counsellor-cancel = Cancel (by the service)
counsellor-report = Activity report
counsellor-report-edit = Activity report (already saved: edit it)
counsellor-status-saved = Status saved.
counsellor-cancel-reason = Reason (seen by staff only):
counsellor-cancel-confirm = Confirm the cancellation
counsellor-cancel-message = { $place }: your appointment on { $day } at { $time } is cancelled. Call { $phone } to set another one.
counsellor-diagnostic = Questionnaire answers (shared by the person):
counsellor-no-diagnostic = No questionnaire shared.
workshop-waitlist-heading = Waiting list: { $count }
workshop-waitlist-told = told of a free seat by message
counsellor-diag-profile = Profile: { $profile }
counsellor-diag-needs = Needs: { $needs }
counsellor-diag-admin = Procedures: { $admin }
counsellor-diag-named = Procedure the person named: “{ $named }”
counsellor-diag-equipment = Equipment: { $equipment }
counsellor-diag-help = Suggested: { $help }
counsellor-diag-aidants-connect = Aidants Connect possible: { $category }
counsellor-diag-urgent = Urgent: the procedure cannot wait.
counsellor-help-appointment = one-to-one appointment
counsellor-help-workshop = group workshop
counsellor-help-self-service = on their own (self-service computer)
counsellor-help-aidants-connect = done on their behalf (Aidants Connect)
counsellor-speaks = { $tag ->
    [uk] speaks Ukrainian
    [en] speaks English
    [pt] speaks Portuguese
    [fr-x-falc] reads easy French
   *[other] language: { $tag }
}
counsellor-failed = The database does not answer.
does-change = change
report-title = Activity report
report-kind = Type
report-duration = Duration
report-place = Place
report-autonomy = Autonomy
report-equipment = Equipment
report-themes = Topics
report-administrative = Administrative topics
report-redirection = Referral
report-gender = Gender
report-age = Age band
report-status = Status
report-notes = Notes
report-save = Save the report
report-none = —
report-not-said = Not given
report-place-here = { $place } (the help point)
coop-age-moins-12 = Under 12
coop-age-12-18 = 12 to 17
coop-age-18-24 = 18 to 24
coop-age-25-39 = 25 to 39
coop-age-40-59 = 40 to 59
coop-age-60-69 = 60 to 69
coop-age-70-plus = 70 and over
coop-age-non-communique = Not given
report-list-done = Done
report-no-theme = Choose at least one topic.
report-admin-needs-theme = Administrative topics need "Aide aux démarches administratives".
report-no-duration = Give the duration.
report-saved = Report saved.
counsellor-header = {" "}{ $place } · Adviser area: { $name }
counsellor-workshops = Workshops
does-save = save
workshop-admin-title = Workshops
workshop-admin-cancelled = cancelled
workshop-admin-new = Add a session
workshop-admin-registrants = Registrants and attendance
workshop-registrants-count = { $taken }/{ $seats } registered
workshop-admin-seats = Number of seats
workshop-admin-date = Change the date and time
workshop-admin-date-format = Date and time (DD/MM/YYYY HH:MM)
workshop-admin-cancel = Cancel this workshop
workshop-admin-cancel-question = Cancel this workshop?
workshop-admin-cancel-nobody = Nobody is registered.
workshop-admin-cancel-all-told = { $count ->
    [one] The person registered will be told by message.
   *[other] The { $count } people registered will be told by message.
}
workshop-admin-cancel-not-told = { $count ->
    [one] 1 person registered has no phone or e-mail and will not be told. Tell them yourself:
   *[other] { $count } people registered have no phone or e-mail and will not be told. Tell them yourself:
}
workshop-admin-cancel-no-gateway = No message goes out from this kiosk (no SMS or e-mail gateway): { $count ->
    [one] the person registered will not be told. Tell them yourself:
   *[other] the { $count } people registered will not be told. Tell them yourself:
}
workshop-admin-cancel-message = { $place }: the workshop on { $day } at { $time } is cancelled. Call { $phone } to join another one.
workshop-admin-saved = Saved.
workshop-admin-seats-invalid = A number of seats, at least the registrants'.
workshop-admin-date-invalid = A date to come, for example 04/03/2026 14:00.
workshop-admin-date-closed = The help point is closed that day. Choose another day.
workshop-admin-date-taken = Another session uses the room at that time. Choose another time.
workshop-admin-which = Which workshop?
report-date-field = Date (DD/MM/YYYY)
report-date-invalid = Write the date as DD/MM/YYYY, for example 03/03/2026.
report-booking = Appointment { $code }
counsellor-told = { $count ->
    [one] The person has been told by message.
   *[other] { $count } people have been told by message.
}
counsellor-to-tell = { $count ->
    [one] 1 person could not be told by message: please tell them yourself.
   *[other] { $count } people could not be told by message: please tell them yourself.
}
counsellor-tell-at = { $name }: { $contact }
counsellor-tell-no-contact = { $name } gave neither a phone number nor an e-mail: tell them another way.
counsellor-done-cancelled = Appointment cancelled.
counsellor-status-refused-cancelled = This appointment is cancelled: its status can no longer change.
counsellor-status-refused-early = Too early: attendance is taken 15 min before (a workshop: on the day).
counsellor-not-before = { $action } — from { $when }
counsellor-report-not-yet = The report is written once the appointment has begun.
counsellor-attendance-question = Attendance of { $name }:
workshop-admin-move-message = { $place }: the workshop of { $before } now takes place on { $day } at { $time }. Questions: { $phone }.
workshop-admin-done-cancelled = Workshop cancelled.
report-future-date = A report is written after the session: its date cannot be in the future.
report-no-equipment-exclusive = “No equipment” cannot go with other equipment.
report-refused-absent = The person was marked absent: no report for this appointment.
report-refused-cancelled = This appointment is cancelled: no report.
counsellor-report-exists = A report is saved for this appointment.

# Statistics (the screen, `borne stats`, `borne booking list`)
stats-total = Whole period
stats-weeks = Per week
stats-months = Per month
stats-range = From { $from } to { $to }
stats-week = Week of { $day }
stats-month = { $month } { $year }
stats-bookings = Appointments
stats-attendance = Present { $present } · absent { $absent } (no-show { $rate }) · cancelled { $cancelled }
stats-activity = Workshops { $registered }/{ $seats } ({ $rate }) · diagnostics { $diagnostics } · accompaniments { $accompaniments }
stats-needs = Needs (anonymous diagnostics)
stats-themes = Accompaniments by theme
stats-summary = { $period }: { $bookings } appointments (present { $present }, absent { $absent }, cancelled { $cancelled }), { $registered } workshop sign-ups for { $seats } seats

# Where an appointment stands, and what it is for (the counsellor's agenda)
status-upcoming = upcoming
status-to-mark = attendance to mark
counsellor-elsewhere = at { $place }
status-present = present
status-absent = absent
status-cancelled-by-citizen = cancelled by the person
status-cancelled-by-service = cancelled by the service
counsellor-booking-what = { $motif } — code { $code }
person-no-first-name = (no first name)
