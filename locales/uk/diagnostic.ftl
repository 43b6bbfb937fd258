# "Faire le point sur mes besoins": the questionnaire and the result screen.
diag-title = Яка допомога вам потрібна?
diag-result-title = Ваші потреби
diag-progress = Запитання { $number } з { $count }
does-previous-question = попереднє запитання
diag-dont-know = Не знаю

diag-equipement = Чи є у вас пристрій для виходу в інтернет?
diag-equipement-smartphone = Так, мобільний телефон (смартфон)
diag-equipement-ordinateur = Так, комп'ютер або планшет
diag-equipement-les-deux = Так, телефон і комп'ютер
diag-equipement-aucun = Ні, у мене немає пристрою

diag-internet = Чи є у вас інтернет удома?
diag-internet-oui = Так
diag-internet-non = Ні

diag-motif = Що привело вас сьогодні?
diag-motif-demarche = Онлайн-справа (податки, CAF, ameli, документи…)
diag-motif-email = Моя електронна пошта
diag-motif-smartphone = Користування телефоном
diag-motif-emploi = Моє резюме або пошук роботи
diag-motif-securite = Захист від шахраїв і захист моїх даних
diag-motif-video = Відеодзвінок або онлайн-консультація лікаря
diag-motif-ecole = Навчання моїх дітей у школі
diag-motif-achats = Купівля або продаж в інтернеті

diag-demarche = Яку справу ви хочете зробити?
diag-demarche-impots = Мої податки (impots.gouv)
diag-demarche-caf = Мої соціальні допомоги (CAF, MSA)
diag-demarche-sante = Моє здоров'я (ameli, картка Vitale)
diag-demarche-papiers = Моє посвідчення особи або паспорт
diag-demarche-vehicule = Моє посвідчення водія або документи на авто
diag-demarche-emploi = France Travail (служба зайнятості)
diag-demarche-logement = Моє житло
diag-demarche-autre = Інша справа
# The démarche named in the result ("Faire une démarche en ligne : vos allocations (CAF, MSA)").
diag-demarche-impots-said = ваші податки (impots.gouv)
diag-demarche-caf-said = ваші соціальні допомоги (CAF, MSA)
diag-demarche-sante-said = ваше здоров'я (ameli, картка Vitale)
diag-demarche-papiers-said = ваше посвідчення особи або паспорт
diag-demarche-vehicule-said = ваше посвідчення водія або документи на авто
diag-demarche-emploi-said = France Travail (служба зайнятості)
diag-demarche-logement-said = ваше житло

diag-connexion = Чи можете ви увійти на сайт (пароль, FranceConnect)?
diag-connexion-seul = Так, без допомоги
diag-connexion-avec-aide = Так, з допомогою
diag-connexion-non = Ні

diag-urgence = Це терміново? (скоро кінцевий строк)
diag-urgence-oui = Так, терміново
diag-urgence-non = Ні, не терміново

diag-email = Чи є у вас адреса електронної пошти?
diag-email-creer = Ні, я хочу її створити
diag-email-difficile = Так, але мені важко нею користуватися
diag-email-facile = Так, користуюся без труднощів
diag-email-mot-de-passe = Так, але я забув або забула пароль

diag-piece-jointe = Чи можете ви надіслати документ e-mail (вкладення, фото папера)?
diag-piece-jointe-oui = Так
diag-piece-jointe-non = Ні

diag-smartphone = Що ви хочете робити з телефоном?
diag-smartphone-bases = Навчитися основ: дзвінки, повідомлення
diag-smartphone-applications = Встановити й використовувати застосунок
diag-smartphone-photos = Впорядкувати фото й документи
diag-smartphone-appels-video = Відеодзвінки з родиною

diag-emploi = Що вам потрібно для роботи?
diag-emploi-cv = Написати або оновити резюме
diag-emploi-france-travail = Зареєструватися або стежити за своєю справою у France Travail
diag-emploi-candidater = Знайти вакансії та подати заявку

diag-securite = Що вас турбує?
diag-securite-message-bizarre = Я отримав дивне SMS або e-mail
diag-securite-donnees = Я хочу захистити свої дані й паролі
diag-securite-vol = У мене вкрали гроші або обліковий запис

diag-souhait = Що ви обираєте?
diag-souhait-apprendre = Навчитися робити це самостійно
diag-souhait-avec-moi = Зробити разом із кимось поруч
diag-souhait-a-ma-place = Щоб хтось зробив це за мене

diag-result-needs = За вашими відповідями вам потрібна допомога, щоб:
diag-result-help = Допомога, яка вам підходить:
diag-result-urgent = Це терміново: одразу скажіть про це людині, яка вам допомагає.
diag-need-admin-topic = Зробити справу онлайн: { $topic }
diag-next-book = Записатися на прийом до консультанта
diag-next-workshops = Переглянути майстер-класи на цю тему
diag-next-finish = Завершити

need-diagnostic-numerique = Поговорити з консультантом про те, що вам потрібно
need-prendre-en-main-du-materiel = Навчитися користуватися телефоном або комп'ютером
need-maintenance-de-materiel = Доглядати за пристроєм або полагодити його
need-gerer-ses-contenus-numeriques = Впорядкувати й надсилати документи та фото
need-navigation-sur-internet = Знаходити сайти й користуватися ними
need-e-mail = Користуватися електронною поштою
need-bureautique = Написати документ або резюме
need-reseaux-sociaux-communication = Бути на зв'язку: повідомлення, відеодзвінки
need-sante = Ваші справи щодо здоров'я
need-banque-et-achats-en-ligne = Платити, купувати чи продавати онлайн
need-accompagner-un-professionnel = Ваша професійна діяльність
need-insertion-professionnelle = Знайти роботу або навчання
need-prevention-en-securite-numerique = Захиститися від шахрайства в інтернеті
need-parentalite = Допомогти дітям в інтернеті
need-scolarite-et-numerique = Стежити за навчанням дітей у школі
need-creer-avec-le-numerique = Створювати з цифровими інструментами: фото, відео
need-culture-numerique = Розуміти цифровий світ
need-intelligence-artificielle = Розуміти штучний інтелект
need-aide-aux-demarches-administratives = Робити свої справи онлайн

admin-papiers-elections-citoyennete = документи, вибори
admin-famille-scolarite = сім'я, школа
admin-social-sante = соціальні допомоги, здоров'я
admin-travail-formation-entreprise = робота, навчання
admin-logement = житло
admin-transports-mobilite = посвідчення водія, документи на авто
admin-argent-impots = податки, гроші
admin-justice = правосуддя
admin-etrangers-europe = посвідка на проживання, іноземці
admin-loisirs-sports-culture = дозвілля, спорт, культура
admin-associations = асоціації

help-appointment = Прийом у консультанта.
help-workshop = Груповий майстер-клас.
help-self-service = Ви можете спробувати без допомоги, на комп'ютері у вільному доступі. Щоб дізнатися де, виберіть «Знайти місце допомоги поруч».
help-aidants-connect = Уповноважена людина може зробити справу за вас (Aidants Connect).
