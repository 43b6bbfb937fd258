# "Je suis là": черга пункту допомоги.

here-title = Я тут
here-question = У вас є запис на сьогодні?
here-appointment = У мене запис, я прийшов(-ла)
here-help-now = Без запису: мені потрібна допомога зараз
here-leave = У мене вже є талон, і я йду

check-in-title = Я прийшов(-ла)
check-in-intro = Введіть код запису, потім 2 останні цифри вашого телефону. Якщо ви не давали телефон, введіть своє ім'я.
check-in-done = Ваш прихід зареєстровано. Сідайте, { $counsellor } незабаром вас покличе.
check-in-done-anyone = Ваш прихід зареєстровано. Сідайте, консультант незабаром вас покличе.
check-in-cancelled = Цей запис скасовано.
check-in-too-early = Ваш запис о { $time }. Зареєструвати прихід можна з { $opens }.
check-in-past = Час вашого запису минув: він був { $day } о { $time }.
check-in-another-day = Ваш запис { $day } о { $time }. Це не сьогодні.
check-in-offer-queue = Якщо бажаєте, можете чекати консультанта без запису.

help-now-title = Допомога зараз
help-now-what-for = З чим вам допомогти?
help-now-leave = У мене вже є талон, і я йду
help-now-name = Ваше ім'я, якщо бажаєте
help-now-name-why = На екрані виклику показується лише ваш номер, ніколи ім'я.
help-now-take = Взяти талон
help-now-nobody-today = Сьогодні жоден консультант не приймає без запису. Можна записатися на інший день.
help-now-book = Записатися
help-now-full = Усі талони на сьогодні роздано. Зверніться до рецепції.

queue-your-number = Ваш номер: { $ticket }
queue-ahead = { $count ->
    [0] Ви наступні.
    [one] Перед вами 1 особа.
   *[other] Перед вами осіб: { $count }.
}
queue-wait = { $low ->
    [0] Орієнтовне очікування: менше { $high } хвилин.
   *[other] Орієнтовне очікування: від { $low } до { $high } хвилин.
}
queue-watch-screen = Коли ваш номер з'явиться на екрані виклику, підійдіть до вказаного бюро.
queue-printed = Ваш талон надруковано: візьміть його.
queue-not-printed = Запишіть або запам'ятайте цей номер.
queue-leave-now = Я йду
queue-finish = Завершити

leave-title = Я йду
leave-intro = Введіть номер вашого талона, наприклад A-012.
leave-number = Номер талона
leave-confirm = Я йду
leave-shape = Номер талона виглядає як A-012.
leave-not-found = Ми не знаходимо цей талон сьогодні. Перевірте номер.
leave-settled = Цього талона вже немає в черзі.
leave-done = Талон { $ticket } скасовано. Дякуємо, що повідомили, до побачення.

queue-ticket-title = Талон черги
queue-ticket-taken = Взято { $day } о { $time }

display-title = Виклик
display-calls = { $ticket } → { $desk }
display-desk-none = Бюро: { $name }
display-last-calls = Останні виклики
display-waiting = { $count ->
    [0] Ніхто не чекає.
    [one] Чекає 1 особа.
   *[other] Чекають осіб: { $count }.
}
display-nobody-called = Тут з'являються викликані номери.
display-said-call = Талон { $ticket }, підійдіть до: { $desk }.

counsellor-queue = Черга
counsellor-queue-title = Черга
counsellor-queue-loading = Завантаження черги…
counsellor-queue-count = { $count ->
    [0] Ніхто не чекає.
    [one] Чекає 1 особа.
   *[other] Чекають осіб: { $count }.
}
counsellor-queue-waiting-for = чекає { $minutes } хв
counsellor-queue-appointment = запис о { $time } з { $counsellor }
counsellor-queue-call-next = Покликати наступну особу
counsellor-queue-refresh = Оновити список
counsellor-queue-calling = Ви кличете { $ticket } до: { $desk }. { $calls ->
    [1] {""}
   *[other] ({ $calls } виклики)
}
counsellor-queue-served-choice = Прийнято
counsellor-queue-call-again = Покликати ще раз
counsellor-queue-absent = Відсутній (покликано, без відповіді)
counsellor-queue-redirected = Перенаправлено
counsellor-queue-served = { $ticket } прийнято.
counsellor-queue-marked-present = Запис позначено як присутній.
counsellor-queue-report = Скласти звіт про діяльність
counsellor-queue-back = Повернутися до черги
counsellor-queue-nobody = Ніхто не чекає на вас.
counsellor-queue-taken = Інший консультант уже покликав цю особу.
counsellor-queue-not-yours = Це запис іншого консультанта.
counsellor-queue-gone = Цього талона вже немає в черзі.
counsellor-queue-stats-title = Черга, по днях
counsellor-queue-stats-day = { $day }: допомогли без запису { $helped }, медіана очікування { $median } хв, 90% менше { $p90 } хв
