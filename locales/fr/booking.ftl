# Booking: motifs and workshops of the demo agenda (kiosk-config/agenda.toml), the booking
# flow, workshops and "Gérer mon rendez-vous".
motif-demarche = Aide pour une démarche en ligne
motif-demarche-bring = Apportez vos papiers, votre carte Vitale, vos numéros (fiscal, d'allocataire…) et votre téléphone.
motif-telephone = Apprendre à utiliser mon téléphone
motif-telephone-bring = Apportez votre téléphone chargé, et son code.
motif-securite = Me protéger des arnaques sur internet
motif-securite-bring = Apportez votre téléphone, et les messages qui vous inquiètent.
motif-appel = Rendez-vous par téléphone
workshop-email-debutant = Bien démarrer avec les e-mails
workshop-smartphone-debutant = Premiers pas avec son smartphone
workshop-arnaques = Reconnaître les arnaques sur internet

menu-booking = Prendre rendez-vous
booking-title = Prendre rendez-vous
booking-done-title = Votre rendez-vous
booking-choose-motif = Pour quoi voulez-vous un rendez-vous ?
booking-motif-line = { $label } ({ $minutes } min, { $place })
booking-on-site = sur place
booking-by-phone = par téléphone
booking-choose-day = Choisissez un jour :
booking-week-this = Cette semaine
booking-week-next = Semaine prochaine
booking-week-of = Semaine du { $day }
booking-day-slots = { $day } — { $count ->
    [one] { $count } créneau
   *[other] { $count } créneaux
}
booking-choose-time = Choisissez une heure, { $day } :
booking-time-with = { $time } avec { $name }
booking-slot-taken = Ce créneau vient d'être pris. Voici les créneaux encore libres.
booking-no-slots = Il n'y a pas de créneau libre pour le moment. Appelez-nous au { $phone }.
booking-elsewhere = { $name } reçoit aussi { $day } dans un autre lieu : { $place }.
booking-phone-needed = Pour un rendez-vous par téléphone, il nous faut votre numéro.
booking-reminder-question = Voulez-vous un rappel (SMS ou e-mail) 2 jours avant ?
booking-share-question = Le conseiller peut-il voir vos réponses au questionnaire ? Cela l'aide à préparer le rendez-vous.
booking-check = Vérifiez votre rendez-vous :
booking-confirm = Confirmer le rendez-vous
booking-show-qr = Mettre le rendez-vous dans mon téléphone (QR code)
booking-print = Imprimer mon ticket
booking-finish = Terminer
booking-printed = Votre ticket est imprimé.
booking-printer-failed = L'imprimante ne répond pas. Notez votre code, ou demandez à l'accueil.
technical-problem = Un problème technique nous empêche de continuer. Demandez de l'aide à l'accueil, ou appelez le { $phone }.
answer-yes = Oui
answer-no = Non
qr-go-back = Entrée : revenir.
qr-scan = Visez ce code avec l'appareil photo de votre téléphone. Entrée : revenir.
qr-too-small = La fenêtre est trop petite pour le QR code. Entrée : revenir.
does-move-field = changer de ligne
does-next-field = ligne suivante

confirm-when = { $day } à { $time }.
confirm-when-with = { $day } à { $time }, avec { $name }.
confirm-by-phone = Le conseiller vous appellera au { $phone }.
confirm-place = Lieu : { $place }.
confirm-code = Votre code : { $code }
confirm-keep-code = Gardez ce code pour gérer votre rendez-vous.
reminder-text = Rappel : { $when } { $place }. Votre code : { $code }.
ticket-phone = Pour nous appeler : { $phone }

form-title = Vos coordonnées
form-title-on-behalf = Coordonnées de la personne
form-first-name = Prénom (obligatoire)
form-initial = Première lettre du nom (si vous voulez)
form-phone = Téléphone
form-phone-none = pas de téléphone
form-no-phone = Je n'ai pas de téléphone
form-email = E-mail (si vous voulez)
form-continue = Continuer
form-error-first-name = Écrivez votre prénom.
form-error-phone-missing = Écrivez votre numéro de téléphone, ou choisissez « Je n'ai pas de téléphone ».
form-error-phone-incomplete = Le numéro est incomplet : il faut 10 chiffres, par exemple 06 12 34 56 78.
form-error-phone-wrong = Ce numéro ne semble pas correct. Exemple : 06 12 34 56 78.
form-error-email = Cette adresse e-mail ne semble pas correcte. Exemple : marie.dupont@laposte.net

menu-workshops = Ateliers
workshops-title = Ateliers
workshop-done-title = Votre inscription
workshops-choose = Les prochains ateliers :
workshops-for = Ateliers pour : { $themes }
workshops-see-all = Voir tous les ateliers
workshops-none = Il n'y a pas d'atelier prévu pour le moment. Renseignez-vous au { $phone }.
workshop-line = { $day }, { $time } — { $title } ({ $level }) — { $seats }
workshop-seats-left = { $left ->
    [one] { $left } place restante sur { $seats }
   *[other] { $left } places restantes sur { $seats }
}
workshop-full = Complet
workshop-full-notice = Cet atelier est complet. Choisissez-en un autre.
level-debutant = Débutant
level-intermediaire = Intermédiaire
level-avance = Avancé

menu-manage = Gérer mon rendez-vous
manage-title = Gérer mon rendez-vous
manage-intro = Tapez le code de votre rendez-vous, puis les 2 derniers chiffres de votre téléphone. Si vous n'avez pas donné de téléphone, tapez votre prénom.
manage-code = Code (6 caractères)
manage-check = 2 derniers chiffres du téléphone, ou prénom
manage-code-shape = Le code a 6 caractères, par exemple ABC 234.
manage-check-missing = Tapez les 2 derniers chiffres de votre téléphone, ou votre prénom.
manage-not-found = Nous ne trouvons pas ce rendez-vous. Vérifiez le code et les chiffres.
manage-elsewhere = Ce rendez-vous a été pris dans un autre lieu : { $place }. Pour le changer ou l'annuler, adressez-vous à ce lieu.
manage-is-cancelled = Ce rendez-vous a été annulé.
manage-another = Prendre un autre rendez-vous
manage-cancelled-by-service = Ce rendez-vous a été annulé par le lieu ({ $place }). Nous vous prions de nous excuser.
manage-was-on = Ce rendez-vous a eu lieu le { $day } à { $time }.
manage-too-late = Votre rendez-vous est dans moins de 4 heures. Pour l'annuler, appelez le { $phone } ou parlez-en à l'accueil.
manage-change-by-phone = Pour changer un rendez-vous à moins de 2 jours, appelez le { $phone } ou parlez-en à l'accueil.
manage-cancel = Annuler ce rendez-vous
manage-change = Changer de jour ou d'heure
manage-cancel-question = Voulez-vous vraiment annuler ce rendez-vous ?
manage-cancel-yes = Oui, annuler
manage-cancel-no = Non, garder le rendez-vous
manage-cancelled = Votre rendez-vous est annulé.
manage-changed = Votre rendez-vous est changé.
manage-now = Votre rendez-vous actuel : { $day } à { $time }.
manage-change-question = Voulez-vous changer pour ce nouveau rendez-vous ?
manage-change-yes = Oui, changer
manage-change-no = Non, garder mon rendez-vous actuel
form-said-letters-only = Seules les lettres comptent ici.
form-said-name-full = Le prénom s'arrête à 40 lettres : la suite n'est pas prise.
form-said-initial-letter = Une seule lettre ici : la première lettre du nom.
form-said-initial-one = Une seule lettre ici : la première lettre du nom.
form-said-digits-only = Seuls les chiffres comptent ici.
form-said-no-space = Une adresse e-mail n'a pas d'espace.
form-said-full = Ce champ est plein : la suite n'est pas prise.

## The network's database out of reach: what is said, and the callback request.
offline-title = Le réseau ne répond pas
offline-told = La borne ne peut pas joindre l'agenda des conseillers pour le moment : rien n'a été enregistré.
offline-call = Vous pouvez appeler le { $phone }, ou laisser votre numéro : un conseiller vous rappellera.
offline-still = Sans réseau, vous pouvez toujours faire le point sur vos besoins et trouver un lieu d'aide.
offline-callback = Être rappelé par un conseiller
offline-home = Revenir à l'accueil
callback-intro = Un conseiller vous rappellera à ce numéro :
callback-first-name = Prénom
callback-phone = Téléphone
callback-about = Pour quoi (si vous voulez)
callback-send = Envoyer ma demande
callback-sent = Votre demande est transmise. Un conseiller vous rappellera au { $phone }.
callback-kept = Votre demande est gardée sur cette borne. Elle partira dès que le réseau reviendra. Un conseiller vous rappellera au { $phone }.
callback-error-name = Écrivez votre prénom.
callback-error-phone = Écrivez un numéro où vous appeler, par exemple 06 12 34 56 78.
callback-failed = La demande n'a pas pu être gardée. Appelez le { $phone }.
ticket-code = Votre code
ticket-change = Pour changer ou annuler : « Gérer mon rendez-vous » sur la borne, ou appelez le { $phone }.
qr-description = Code { $code }. Pour changer ou annuler : « Gérer mon rendez-vous » sur la borne, ou { $phone }.
qr-description-short = Code { $code }. Tél. { $phone }
qr-summary-short = Rendez-vous { $code } · { $phone }
confirm-ask-desk = Notez ce code, ou demandez un papier à l'accueil.
confirmation-text = Confirmation : { $when } { $place }. Votre code : { $code }. Pour changer ou annuler : { $phone }.
confirm-sent = Une confirmation avec votre code part vers { $to }.
