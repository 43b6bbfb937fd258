# Booking: motifs and workshops of the demo agenda, the booking flow, workshops, managing.
motif-demarche = Допомога з онлайн-справою
motif-demarche-bring = Візьміть документи, картку Vitale, свої номери (податковий, CAF…) і телефон.
motif-telephone = Навчитися користуватися телефоном
motif-telephone-bring = Візьміть телефон, заряджений, і його код.
motif-securite = Захиститися від шахрайства в інтернеті
motif-securite-bring = Візьміть телефон і повідомлення, які вас турбують.
motif-appel = Запис на телефонну розмову
motif-emploi = Скласти резюме, шукати роботу
motif-emploi-bring = Візьміть своє старе резюме, якщо воно є (на папері або на флешці), дипломи й довідки, а також дані для входу до France Travail.
motif-email = Створити або користуватися електронною поштою
motif-email-bring = Візьміть заряджений телефон, а також адресу електронної пошти та пароль, якщо вони є.
motif-autre = Щось інше, або я не знаю
motif-autre-bring = Візьміть телефон або ноутбук, якщо він є, і папери щодо вашого питання.
workshop-email-debutant = Перші кроки з електронною поштою
workshop-smartphone-debutant = Перші кроки зі смартфоном
workshop-arnaques = Як розпізнати шахрайство в інтернеті
workshop-email-debutant-about = Створити адресу електронної пошти, читати листи, написати лист і додати фото, у невеликій групі.
workshop-email-debutant-bring = Візьміть заряджений телефон, а також адресу електронної пошти та пароль, якщо вони є.
workshop-smartphone-debutant-about = Увімкнути, подзвонити, надіслати повідомлення, зробити фото, встановити застосунок: основи смартфона, у невеликій групі.
workshop-smartphone-debutant-bring = Візьміть заряджений смартфон і його код.
workshop-arnaques-about = Розпізнати фальшиве повідомлення, сайт чи дзвінок і знати, що робити, якщо вас обдурили.
workshop-arnaques-bring = Візьміть телефон і повідомлення, які вас турбують, якщо вони є.

menu-booking = Записатися на прийом
booking-title = Записатися на прийом
booking-done-title = Ваш запис
booking-choose-motif = З якого питання запис?
booking-motif-line = { $label } ({ $minutes } хв, { $place })
booking-on-site = тут
booking-by-phone = телефоном
booking-choose-day = Виберіть день:
booking-week-this = Цей тиждень
booking-week-next = Наступний тиждень
booking-week-of = Тиждень з { $day }
booking-day-slots = { $day } — { $count ->
    [one] { $count } вільний час
    [few] { $count } вільні години
   *[other] { $count } вільних годин
}
booking-choose-time = Виберіть час, { $day }:
booking-time-with = { $time }, консультант: { $name }
booking-slot-taken = Цей час щойно зайняли. Ось час, який ще вільний.
booking-no-slots = Зараз вільного часу немає. Зателефонуйте нам: { $phone }.
booking-elsewhere = { $name } також приймає { $day } в іншому місці: { $place }.
booking-phone-needed = Для запису на телефонну розмову потрібен ваш номер.
booking-reminder-question = Надіслати вам нагадування (SMS або e-mail) за 2 дні?
booking-share-question = Чи може консультант побачити ваші відповіді на запитання? Це допоможе йому підготуватися.
booking-check = Перевірте свій запис:
booking-confirm = Підтвердити запис
booking-show-qr = Додати запис у мій телефон (QR-код)
check-duration = Тривалість: { $minutes } хв
check-by-phone = Консультант вам зателефонує.
workshop-check = Перевірте свою реєстрацію:
workshop-confirm = Підтвердити реєстрацію
workshop-show-qr = Додати майстер-клас у мій телефон (QR-код)
workshop-keep-code = Збережіть цей код, щоб керувати своєю реєстрацією.
booking-print = Надрукувати мій талон
booking-finish = Завершити
booking-printed = Ваш талон надруковано.
booking-printer-failed = Принтер не відповідає. Запишіть свій код або запитайте на стійці.
technical-problem = Технічна проблема. Попросіть допомоги на стійці або зателефонуйте: { $phone }.
answer-yes = Так
answer-no = Ні
qr-go-back = Enter — назад.
qr-scan = Наведіть камеру телефона на цей код. Enter — назад.
qr-too-small = Вікно замале для QR-коду. Enter — назад.
does-move-field = змінити рядок
does-next-field = наступний рядок

confirm-when = { $day } о { $time }.
confirm-when-with = { $day } о { $time }, консультант: { $name }.
confirm-by-phone = Консультант зателефонує вам: { $phone }.
confirm-place = Місце: { $place }.
confirm-code = Ваш код: { $code }
confirm-keep-code = Збережіть цей код, щоб керувати своїм записом.
reminder-text = Нагадування: { $when } { $place }. Ваш код: { $code }.
ticket-phone = Наш телефон: { $phone }

form-title = Ваші дані
form-title-on-behalf = Дані людини
form-first-name = Ім'я (обов'язково)
form-initial = Перша літера прізвища (за бажанням)
form-phone = Телефон
form-phone-none = без телефона
form-no-phone = У мене немає телефона
form-email = E-mail (за бажанням)
form-continue = Продовжити
form-error-first-name = Напишіть своє ім'я.
form-error-phone-missing = Напишіть номер телефона або виберіть «У мене немає телефона».
form-error-phone-incomplete = Номер неповний: 10 цифр, наприклад 06 12 34 56 78.
form-error-phone-wrong = Цей номер виглядає неправильним. Приклад: 06 12 34 56 78. Іноземний номер: наберіть + і код країни (+380 …, +44 …).
form-error-phone-foreign = Цей іноземний номер неповний або задовгий. Наберіть + , код країни і номер, наприклад +380 50 123 4567 або +44 7700 900123.
form-error-email = Ця адреса e-mail виглядає неправильною. Приклад: olena.kovalenko@laposte.net

menu-workshops = Майстер-класи
workshops-title = Майстер-класи
workshop-done-title = Ваша реєстрація
workshops-choose = Найближчі майстер-класи:
workshops-for = Майстер-класи на тему: { $themes }
workshops-see-all = Усі майстер-класи
workshops-none = Зараз майстер-класів не заплановано. Запитайте нас: { $phone }.
workshop-line = { $day }, { $time } — { $title } ({ $level }) — { $seats }
workshop-seats-left = { $left ->
    [one] залишилося { $left } місце з { $seats }
    [few] залишилося { $left } місця з { $seats }
   *[other] залишилося { $left } місць з { $seats }
}
workshop-full = Місць немає
workshop-full-notice = На цей майстер-клас місць немає. Виберіть інший.
level-debutant = Початковий
level-intermediaire = Середній
level-avance = Поглиблений

menu-manage = Мій запис
manage-title = Мій запис
manage-intro = Введіть код запису, потім 2 останні цифри свого телефона. Якщо ви не давали телефон, введіть своє ім'я.
manage-code = Код (6 символів)
manage-check = 2 останні цифри телефона або ім'я
manage-code-shape = Код має 6 символів, наприклад ABC 234.
manage-check-missing = Введіть 2 останні цифри телефона або своє ім'я.
manage-not-found = Ми не знаходимо цього запису. Перевірте код і цифри.
manage-elsewhere = Цей запис зроблено в іншому місці: { $place }. Щоб змінити або скасувати його, зверніться туди.
manage-is-cancelled = Цей запис скасовано.
manage-was-on = Цей прийом відбувся { $day } о { $time }.
manage-too-late = До вашого прийому менше 4 годин. Щоб скасувати, зателефонуйте: { $phone }.
manage-change-by-phone = Щоб змінити запис менш ніж за 2 дні, зателефонуйте: { $phone }.
manage-cancel = Скасувати цей запис
manage-change = Змінити день або час
manage-cancel-question = Ви справді хочете скасувати цей запис?
manage-cancel-yes = Так, скасувати
manage-cancel-no = Ні, залишити запис
manage-cancelled = Ваш запис скасовано.
manage-changed = Ваш запис змінено.
manage-now = Ваш поточний запис: { $day } о { $time }.
manage-change-question = Бажаєте змінити на цей новий запис?
manage-change-yes = Так, змінити
manage-change-no = Ні, залишити поточний запис
form-said-letters-only = Тут враховуються лише літери.
form-said-name-full = Ім'я — не більше 40 літер: решта не зберігається.
form-said-initial-letter = Тут лише одна літера: перша літера прізвища.
form-said-initial-one = Тут лише одна літера: перша літера прізвища.
form-said-digits-only = Тут враховуються лише цифри.
form-said-no-space = В адресі e-mail немає пробілів.
form-said-full = Це поле заповнене: решта не зберігається.

## The network's database out of reach: what is said, and the callback request.
offline-title = Мережа не відповідає
offline-told = Термінал зараз не може з'єднатися з розкладом консультантів: нічого не збережено.
offline-call = Ви можете зателефонувати за номером { $phone } або залишити свій номер: консультант вам передзвонить.
offline-still = Без мережі ви все одно можете з'ясувати, яка допомога вам потрібна, і знайти місце допомоги.
offline-callback = Попросити консультанта передзвонити
offline-home = Повернутися на початок
callback-intro = Консультант передзвонить вам за цим номером:
callback-first-name = Ім'я
callback-phone = Телефон
callback-about = З якого питання (за бажанням)
callback-send = Надіслати запит
callback-sent = Ваш запит передано. Консультант передзвонить вам за номером { $phone }.
callback-kept = Ваш запит збережено на цьому терміналі. Його буде надіслано, щойно мережа відновиться. Консультант передзвонить вам за номером { $phone }.
callback-error-name = Напишіть своє ім'я.
callback-error-phone = Напишіть номер, за яким вам зателефонувати, наприклад 06 12 34 56 78.
callback-failed = Не вдалося зберегти запит. Зателефонуйте за номером { $phone }.
