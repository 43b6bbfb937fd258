# What the kiosk says aloud and does not show (app::speech): states in words, where the
# person is, how to use the kiosk without seeing it.
said-checked = ticked
said-unavailable = not possible now
said-unchecked = not ticked
said-chosen = chosen
said-not-chosen = not chosen
said-question-of = Question { $number } of { $count }
said-step-of = Step { $number } of { $count }
pin-said-typed = { $n ->
    [0] No digit typed
    [one] { $n } digit typed
   *[other] { $n } digits typed
}
said-how-to-use = To use the kiosk without seeing the screen: the up and down arrows move from one choice to the next, and the kiosk says each choice. Enter chooses. Escape goes back. The numbers choose by number. F4 says the whole screen again. F1 says these instructions again.
said-repeat-code = To hear the code again, press 0.
said-suggestion-of = suggestion { $number } of { $count }
said-suggestions = { $count ->
    [one] { $count } town found: { $first }. Down arrow to choose it.
   *[other] { $count } towns found, the first: { $first }. Down arrow to hear them.
}
time-said = { $minute ->
    [0] { $hour ->
        [0] midnight
        [12] noon
       *[other] { $hour } o'clock
    }
   *[other] { $hour } { $minute }
}
key-f1 = F1
does-how-to-use = how to use the kiosk
key-zero = 0
does-repeat-code = say the code again
booking-show-in-words = The code, day, time and place in sentences
lieux-show-in-words = The name, address and phone in sentences
qr-in-words = Instead of the QR code, here is what to keep:
