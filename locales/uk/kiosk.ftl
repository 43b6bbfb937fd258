# The kiosk shell: the languages and display choices, the idle reset, the staff, dates.
display-large-text = Великий текст
display-high-contrast = Високий контраст
display-screen-reader = Режим для програми зчитування екрана
display-done = Повернутися до меню

idle-title = Ви ще тут?
idle-press-a-key = Натисніть будь-яку клавішу, щоб продовжити.
idle-countdown = { $seconds ->
    [one] Інакше повернення на початкову сторінку через { $seconds } секунду.
    [few] Інакше повернення на початкову сторінку через { $seconds } секунди.
   *[other] Інакше повернення на початкову сторінку через { $seconds } секунд.
}

home-confirm-title = Повернутися на початкову сторінку?
home-confirm-text = Те, що ви ввели, буде стерто.
home-confirm-yes = Так, на початкову сторінку
home-confirm-no = Ні, залишитися тут

pin-title = Для персоналу
pin-instructions = Введіть код персоналу й натисніть Enter. Esc — скасувати.
pin-label = Код:
pin-checking = Перевірка…
pin-wrong = Неправильний код.
pin-wrong-wait = Неправильний код. Спробуйте знову через { $seconds } с.
pin-wait = Зачекайте ще { $seconds } с, перш ніж спробувати знову.
pin-unreachable = Мережа не відповідає: PIN-код консультанта неможливо перевірити. Спробуйте ще раз за хвилину.
pin-who = Хто ви? Виберіть своє ім'я й натисніть Enter.

staff-title = Персонал
staff-quit = Закрити кіоск
staff-back = Повернутися до кіоску
staff-lieux-date = Дані від { $date }
staff-lieux-none = Немає даних про місця
staff-lieux-old = Дані про місця від { $date }, { $days } днів тому: оновіть їх (borne lieux update).
staff-network-none = Жоден кіоск ще не надіслав звістки.
staff-network-silent = мовчить { $minutes } хв
staff-network-alive = працює, останній сигнал { $seconds } с тому
staff-network-kiosk = версія { $version }, запущено { $started }, останній екран { $frame } · принтер: { $printer } · голос: { $speech } · { $lieux } · запити на дзвінок в очікуванні: { $callbacks }
staff-network-error = остання помилка: { $error }
staff-network-state = { $state ->
        [ok] працює
        [failed] збій
       *[none] немає
    }

time-of-day = { $hour }:{ $minute }
too-small = Збільште вікно, щоб користуватися кіоском.

date-long = { $day } { $month } { $year }
date-day = { $weekday }, { $day } { $month }
date-today = сьогодні, { $day }
date-tomorrow = завтра, { $day }
weekday-1 = понеділок
weekday-2 = вівторок
weekday-3 = середа
weekday-4 = четвер
weekday-5 = п'ятниця
weekday-6 = субота
weekday-7 = неділя
month-1 = січня
month-2 = лютого
month-3 = березня
month-4 = квітня
month-5 = травня
month-6 = червня
month-7 = липня
month-8 = серпня
month-9 = вересня
month-10 = жовтня
month-11 = листопада
month-12 = грудня
waiting-title = Хвилинку…
waiting-text = Ми чекаємо на відповідь. Можна зачекати або натиснути Esc.
back-confirm-title = Повернутися назад?
back-confirm-yes = Так, назад
signout-confirm-title = Вийти?
signout-confirm-text = Кіоск повернеться на початкову сторінку для наступної людини.
signout-confirm-yes = Так, вийти
