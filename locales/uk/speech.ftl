# What the kiosk says aloud and does not show (app::speech): states in words, where the
# person is, how to use the kiosk without seeing it.
said-checked = позначено
said-unavailable = зараз неможливо
said-unchecked = не позначено
said-chosen = вибрано
said-not-chosen = не вибрано
said-question-of = Питання { $number } з { $count }
said-step-of = Крок { $number } з { $count }
pin-said-typed = { $n ->
    [0] Жодної цифри
    [one] { $n } цифра
    [few] { $n } цифри
   *[other] { $n } цифр
}
said-how-to-use = Щоб користуватися терміналом, не бачачи екрана: стрілки вгору і вниз переходять від одного вибору до іншого, і термінал називає кожен вибір. Enter вибирає. Esc повертає назад. Цифри вибирають за номером. F4 повторює весь екран. F1 повторює ці пояснення.
said-repeat-code = Щоб почути код ще раз, натисніть 0.
said-suggestion-of = варіант { $number } з { $count }
said-suggestions = { $count ->
    [one] Знайдено населених пунктів: { $count }. { $first }. Стрілка вниз, щоб вибрати.
   *[other] Знайдено населених пунктів: { $count }. Перший: { $first }. Стрілка вниз, щоб їх почути.
}
time-said = { $hour } год. { $minute ->
    [0] {""}
   *[other] { $minute } хв.
}
key-f1 = F1
does-how-to-use = як користуватися терміналом
key-zero = 0
does-repeat-code = повторити код
booking-show-in-words = Код, день, час і місце реченнями
lieux-show-in-words = Назва, адреса й телефон реченнями
qr-in-words = Замість QR-коду ось що варто зберегти:
