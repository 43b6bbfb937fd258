# Counsellor mode (staff only).
counsellor-workshop-event = Майстер-клас: { $title }
counsellor-title = Розділ консультанта
counsellor-signed-in = Увійшли: { $name }
counsellor-today = Розклад на сьогодні
counsellor-week = Розклад на тиждень
counsellor-shown-day = { $day }
counsellor-shown-week = З { $from } до { $to }
counsellor-previous-day = Попередній день
counsellor-next-day = Наступний день
counsellor-previous-week = Попередній тиждень
counsellor-next-week = Наступний тиждень
counsellor-go-to-date = Перейти до дати
counsellor-date-question = Яка дата? (день/місяць або день/місяць/рік)
counsellor-go-to-date-ok = Показати цю дату
counsellor-date-invalid = Це не дата: наберіть, наприклад, 17/03 або 17/03/2026.
key-left-right = ← →
does-other-day = попередній або наступний день
does-other-week = попередній або наступний тиждень
counsellor-book = Записати когось
counsellor-walk-in = Звіт без запису
counsellor-stats = Статистика
counsellor-sign-out = Вийти
counsellor-back = Назад
counsellor-nothing = На цей період нічого не заплановано.
counsellor-workshop-line = { $day } { $time } — Майстер-клас { $title } — зареєстровано { $taken }/{ $seats }
counsellor-mark-present = Позначити присутнім
counsellor-mark-absent = Позначити відсутнім
counsellor-cancel = Скасувати (службою)
counsellor-report = Звіт про діяльність
counsellor-report-edit = Звіт про діяльність (уже збережено: змінити)
counsellor-status-saved = Статус збережено.
counsellor-cancel-reason = Причина (бачить лише персонал):
counsellor-cancel-confirm = Підтвердити скасування
counsellor-cancel-message = { $place }: ваш прийом { $day } о { $time } скасовано. Зателефонуйте { $phone }, щоб записатися знову.
counsellor-diagnostic = Відповіді на запитання (надані людиною):
counsellor-no-diagnostic = Відповідей не надано.
workshop-waitlist-heading = Список очікування: { $count }
workshop-waitlist-told = повідомлено про вільне місце
counsellor-diag-profile = Профіль: { $profile }
counsellor-diag-needs = Потреби: { $needs }
counsellor-diag-admin = Справи: { $admin }
counsellor-diag-named = Справа, яку назвала людина: «{ $named }»
counsellor-diag-equipment = Обладнання: { $equipment }
counsellor-diag-help = Запропоновано: { $help }
counsellor-diag-aidants-connect = Можливо Aidants Connect: { $category }
counsellor-diag-urgent = Терміново: справа не може чекати.
counsellor-help-appointment = індивідуальний запис
counsellor-help-workshop = груповий майстер-клас
counsellor-help-self-service = самостійно (комп'ютер вільного доступу)
counsellor-help-aidants-connect = зроблять за людину (Aidants Connect)
counsellor-speaks = { $tag ->
    [uk] розмовляє українською
    [en] розмовляє англійською
    [pt] розмовляє португальською
    [fr-x-falc] читає спрощеною французькою
   *[other] мова: { $tag }
}
counsellor-failed = База даних не відповідає.
does-change = змінити
report-title = Звіт про діяльність
report-kind = Тип
report-duration = Тривалість
report-place = Місце
report-autonomy = Самостійність
report-equipment = Обладнання
report-themes = Теми
report-administrative = Адміністративні теми
report-redirection = Скерування
report-gender = Стать
report-age = Вікова група
report-status = Статус
report-notes = Нотатки
report-save = Зберегти звіт
report-none = —
report-not-said = Не вказано
report-place-here = { $place } (місце діяльності)
coop-age-moins-12 = До 12 років
coop-age-12-18 = 12–17 років
coop-age-18-24 = 18–24 роки
coop-age-25-39 = 25–39 років
coop-age-40-59 = 40–59 років
coop-age-60-69 = 60–69 років
coop-age-70-plus = 70 років і більше
coop-age-non-communique = Не вказано
report-list-done = Готово
report-no-theme = Виберіть принаймні одну тему.
report-admin-needs-theme = Адміністративні теми потребують «Aide aux démarches administratives».
report-no-duration = Вкажіть тривалість.
report-saved = Звіт збережено.
counsellor-header = {" "}{ $place } · Розділ консультанта: { $name }
counsellor-workshops = Майстер-класи
does-save = зберегти
workshop-admin-title = Майстер-класи
workshop-admin-cancelled = скасовано
workshop-admin-new = Додати заняття
workshop-admin-registrants = Учасники та присутність
workshop-registrants-count = зареєстровано { $taken }/{ $seats }
workshop-admin-seats = Кількість місць
workshop-admin-date = Змінити дату й час
workshop-admin-date-format = Дата й час (ДД/ММ/РРРР ГГ:ХХ)
workshop-admin-cancel = Скасувати цей майстер-клас
workshop-admin-cancel-question = Скасувати цей майстер-клас?
workshop-admin-cancel-nobody = Ніхто не зареєстрований.
workshop-admin-cancel-all-told = { $count ->
    [one] Зареєстровану людину повідомлять повідомленням.
   *[other] Усіх зареєстрованих ({ $count }) повідомлять повідомленням.
}
workshop-admin-cancel-not-told = { $count ->
    [one] 1 учасник не має ні телефону, ні e-mail: його не повідомлять. Повідомте самі:
   *[other] { $count } учасників не мають ні телефону, ні e-mail: їх не повідомлять. Повідомте самі:
}
workshop-admin-cancel-no-gateway = З цього терміналу не йде жодне повідомлення (немає SMS чи e-mail шлюзу): { $count ->
    [one] зареєстровану людину не повідомлять. Повідомте самі:
   *[other] { $count } зареєстрованих не повідомлять. Повідомте самі:
}
workshop-admin-cancel-message = { $place }: майстер-клас { $day } о { $time } скасовано. Зателефонуйте { $phone }, щоб записатися на інший.
workshop-admin-saved = Збережено.
workshop-admin-seats-invalid = Кількість місць, не менша за кількість учасників.
workshop-admin-date-invalid = Майбутня дата, наприклад 04/03/2026 14:00.
workshop-admin-date-closed = Цього дня пункт зачинено. Оберіть інший день.
workshop-admin-date-taken = У цей час у залі інше заняття. Оберіть інший час.
workshop-admin-which = Який майстер-клас?
report-date-field = Дата (ДД/ММ/РРРР)
report-date-invalid = Напишіть дату як ДД/ММ/РРРР, наприклад 03/03/2026.
report-booking = Запис { $code }
counsellor-told = { $count ->
    [one] Людину повідомлено повідомленням.
   *[other] Повідомлено людей: { $count }.
}
counsellor-to-tell = { $count ->
    [one] 1 людину не вдалося повідомити: повідомте її самі.
   *[other] Не вдалося повідомити людей: { $count }. Повідомте їх самі.
}
counsellor-tell-at = { $name }: { $contact }
counsellor-tell-no-contact = { $name } не залишив(ла) ні телефона, ні e-mail: повідомте іншим способом.
counsellor-done-cancelled = Запис скасовано.
counsellor-status-refused-cancelled = Цей запис скасовано: його статус більше не змінюється.
counsellor-status-refused-early = Зарано: присутність відмічають за 15 хв (майстер-клас: у день заняття).
counsellor-not-before = { $action } — з { $when }
counsellor-report-not-yet = Звіт пишуть після початку зустрічі.
counsellor-attendance-question = Присутність: { $name }
workshop-admin-move-message = { $place }: майстер-клас { $before } переноситься на { $day } о { $time }. Питання: { $phone }.
workshop-admin-done-cancelled = Майстер-клас скасовано.
report-future-date = Звіт пишуть після заняття: дата не може бути в майбутньому.
report-no-equipment-exclusive = «Без обладнання» не поєднується з іншим обладнанням.
report-refused-absent = Людину позначено відсутньою: звіту для цього запису немає.
report-refused-cancelled = Цей запис скасовано: звіту немає.
counsellor-report-exists = Для цього запису вже є звіт.

# Statistics (the screen, `borne stats`, `borne booking list`)
stats-total = Увесь період
stats-weeks = По тижнях
stats-months = По місяцях
stats-range = З { $from } до { $to }
stats-week = Тиждень з { $day }
stats-month = { $month } { $year }
stats-bookings = Записи
stats-attendance = Прийшли { $present } · не прийшли { $absent } (неявка { $rate }) · скасовано { $cancelled }
stats-activity = Майстер-класи { $registered }/{ $seats } ({ $rate }) · діагностики { $diagnostics } · супроводи { $accompaniments }
stats-needs = Потреби (анонімні діагностики)
stats-themes = Супроводи за темами
stats-summary = { $period }: { $bookings } записів (прийшли { $present }, не прийшли { $absent }, скасовано { $cancelled }), { $registered } записів на майстер-класи з { $seats } місць

# Where an appointment stands, and what it is for (the counsellor's agenda)
status-upcoming = заплановано
status-to-mark = позначте присутність
counsellor-elsewhere = місце: { $place }
status-present = прийшов
status-absent = не прийшов
status-cancelled-by-citizen = скасовано людиною
status-cancelled-by-service = скасовано службою
counsellor-booking-what = { $motif } — код { $code }
person-no-first-name = (без імені)
