# "Je suis là": the help point's queue.

here-title = I'm here
here-question = Do you have an appointment today?
here-appointment = I have an appointment and I'm here
here-help-now = No appointment: I'd like help now
here-leave = I already have a ticket and I'm leaving

check-in-title = I'm here
check-in-intro = Type your appointment's code, then the last 2 digits of your phone. If you gave no phone, type your first name.
check-in-done = You are checked in. Take a seat, { $counsellor } will call you soon.
check-in-done-anyone = You are checked in. Take a seat, a counsellor will call you soon.
check-in-cancelled = This appointment was cancelled.
check-in-too-early = Your appointment is at { $time }. You can check in from { $opens }.
check-in-past = Your appointment's time has passed: it was on { $day } at { $time }.
check-in-another-day = Your appointment is on { $day } at { $time }. That is not today.
check-in-offer-queue = If you like, you can wait for a counsellor without an appointment.

help-now-title = Help now
help-now-what-for = What would you like help with?
help-now-leave = I already have a ticket and I'm leaving
help-now-name = Your first name, if you like
help-now-name-why = Only your number shows on the calling screen, never your name.
help-now-take = Take my ticket
help-now-nobody-today = Today no counsellor sees people without an appointment. You can book an appointment for another day.
help-now-book = Book an appointment
help-now-full = All of today's tickets are given. Please ask at the front desk.

queue-your-number = Your number: { $ticket }
queue-ahead = { $count ->
    [0] You are next.
    [one] There is 1 person before you.
   *[other] There are { $count } people before you.
}
queue-wait = { $low ->
    [0] Estimated wait: under { $high } minutes.
   *[other] Estimated wait: { $low } to { $high } minutes.
}
queue-watch-screen = When your number shows on the calling screen, go to the desk it names.
queue-printed = Your ticket is printed: please take it.
queue-not-printed = Write this number down or remember it.
queue-leave-now = I'm leaving
queue-finish = Finish

leave-title = I'm leaving
leave-intro = Type your ticket's number, for example A-012.
leave-number = Ticket number
leave-confirm = I'm leaving
leave-shape = A ticket number looks like A-012.
leave-not-found = We cannot find this ticket today. Check the number.
leave-settled = This ticket is no longer in the queue.
leave-done = Ticket { $ticket } is cancelled. Thank you for telling us, goodbye.

queue-ticket-title = Queue ticket
queue-ticket-taken = Taken on { $day } at { $time }

display-title = Calling
display-calls = { $ticket } → { $desk }
display-desk-none = { $name }'s desk
display-last-calls = Last calls
display-waiting = { $count ->
    [0] Nobody is waiting.
    [one] 1 person is waiting.
   *[other] { $count } people are waiting.
}
display-nobody-called = Numbers called show here.
display-said-call = Ticket { $ticket }, please go to { $desk }.

counsellor-queue = Queue
counsellor-queue-title = Queue
counsellor-queue-loading = Loading the queue…
counsellor-queue-count = { $count ->
    [0] Nobody is waiting.
    [one] 1 person is waiting.
   *[other] { $count } people are waiting.
}
counsellor-queue-waiting-for = waiting for { $minutes } min
counsellor-queue-appointment = appointment at { $time } with { $counsellor }
counsellor-queue-call-next = Call the next person
counsellor-queue-refresh = Refresh the list
counsellor-queue-calling = You are calling { $ticket } to { $desk }. { $calls ->
    [1] {""}
   *[other] ({ $calls } calls)
}
counsellor-queue-served-choice = Taken in charge
counsellor-queue-call-again = Call again
counsellor-queue-absent = Absent (called, no answer)
counsellor-queue-redirected = Redirected
counsellor-queue-served = { $ticket } is taken in charge.
counsellor-queue-marked-present = The appointment is marked present.
counsellor-queue-report = Write the activity report
counsellor-queue-back = Back to the queue
counsellor-queue-nobody = Nobody is waiting for you.
counsellor-queue-taken = Another counsellor called this person.
counsellor-queue-not-yours = This is another counsellor's appointment.
counsellor-queue-gone = This ticket is no longer in the queue.
counsellor-queue-stats-title = Queue, per day
counsellor-queue-stats-day = { $day }: { $helped } helped without appointment, median wait { $median } min, 90% under { $p90 } min
