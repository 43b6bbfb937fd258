# Booking in Français facile à lire et à comprendre.
motif-demarche = Faire un papier sur internet avec un conseiller
motif-demarche-bring = Apportez vos papiers, votre carte Vitale et votre téléphone.
motif-telephone = Apprendre à utiliser mon téléphone
motif-telephone-bring = Apportez votre téléphone. Il doit être chargé.
motif-securite = Me protéger des arnaques sur internet
motif-securite-bring = Apportez votre téléphone. Montrez-nous les messages qui vous font peur.
motif-appel = Parler au téléphone avec un conseiller
workshop-email-debutant = Apprendre les e-mails
workshop-smartphone-debutant = Apprendre à utiliser un téléphone
workshop-arnaques = Reconnaître les arnaques sur internet

menu-booking = Prendre un rendez-vous
booking-title = Prendre un rendez-vous
booking-done-title = Votre rendez-vous
booking-choose-motif = Pourquoi voulez-vous un rendez-vous ?
booking-motif-line = { $label }, { $minutes } minutes, { $place }
booking-on-site = ici
booking-by-phone = au téléphone
booking-choose-day = Choisissez le jour :
booking-week-this = Cette semaine
booking-week-next = La semaine prochaine
booking-week-of = La semaine du { $day }
booking-day-slots = { $day } — { $count ->
    [one] { $count } rendez-vous possible
   *[other] { $count } rendez-vous possibles
}
booking-choose-time = Choisissez l'heure pour le { $day }.
booking-time-with = { $time } avec { $name }
booking-slot-taken = Une autre personne a pris cette heure. Choisissez une autre heure.
booking-no-slots = Toutes les heures sont prises. Appelez-nous au { $phone }.
booking-elsewhere = { $name } est dans un autre lieu { $day } : { $place }.
booking-phone-needed = Le conseiller va vous appeler. Il faut votre numéro de téléphone.
booking-reminder-question = Voulez-vous un message 2 jours avant le rendez-vous ?
booking-share-question = Le conseiller peut voir vos réponses ? Il pourra mieux vous aider.
booking-check = Regardez votre rendez-vous :
booking-confirm = C'est bon, je prends ce rendez-vous
booking-show-qr = Mettre le rendez-vous dans mon téléphone
booking-print = Imprimer un papier
booking-finish = Terminer
booking-printed = Votre papier est imprimé.
booking-printer-failed = L'imprimante est en panne. Écrivez votre code sur un papier.
technical-problem = Il y a un problème. Demandez de l'aide à l'accueil. Ou appelez le { $phone }.
answer-yes = Oui
answer-no = Non
qr-go-back = Entrée : revenir.
qr-scan = Prenez ce carré en photo avec votre téléphone. Entrée : revenir.
qr-too-small = La fenêtre est trop petite. Entrée : revenir.
does-move-field = changer de ligne
does-next-field = ligne suivante

confirm-when = { $day } à { $time }.
confirm-when-with = { $day } à { $time }, avec { $name }.
confirm-by-phone = Le conseiller va vous appeler au { $phone }.
confirm-place = Adresse : { $place }.
confirm-code = Votre code : { $code }
confirm-keep-code = Gardez ce code. Il sert à changer ou annuler le rendez-vous.
reminder-text = Rappel : { $when } { $place }. Votre code : { $code }.
ticket-phone = Pour nous appeler : { $phone }

form-title = Qui êtes-vous ?
form-title-on-behalf = Coordonnées de la personne
form-first-name = Votre prénom
form-initial = La première lettre de votre nom, si vous voulez
form-phone = Votre téléphone
form-phone-none = pas de téléphone
form-no-phone = Je n'ai pas de téléphone
form-email = Votre e-mail, si vous voulez
form-continue = Continuer
form-error-first-name = Écrivez votre prénom.
form-error-phone-missing = Écrivez votre numéro. Ou choisissez « Je n'ai pas de téléphone ».
form-error-phone-incomplete = Il manque des chiffres. Il faut 10 chiffres. Exemple : 06 12 34 56 78.
form-error-phone-wrong = Vérifiez ce numéro. Exemple : 06 12 34 56 78.
form-error-email = Vérifiez cette adresse e-mail. Exemple : marie.dupont@laposte.net

menu-workshops = Les cours en groupe
workshops-title = Les cours en groupe
workshop-done-title = Votre inscription
workshops-choose = Les prochains cours :
workshops-for = Les cours pour : { $themes }
workshops-see-all = Voir tous les cours
workshops-none = Pour connaître les prochains cours, appelez le { $phone }.
workshop-line = { $day }, { $time } — { $title }, { $level } — { $seats }
workshop-seats-left = { $left ->
    [one] encore { $left } place sur { $seats }
   *[other] encore { $left } places sur { $seats }
}
workshop-full = Plus de place
workshop-full-notice = Ce cours est complet. Choisissez un autre cours.
level-debutant = pour commencer
level-intermediaire = moyen
level-avance = difficile

menu-manage = Changer ou annuler mon rendez-vous
manage-title = Mon rendez-vous
manage-intro = Tapez le code de votre rendez-vous. Puis tapez les 2 derniers chiffres de votre téléphone. Pas de téléphone ? Tapez votre prénom.
manage-code = Votre code de 6 lettres ou chiffres
manage-check = 2 derniers chiffres du téléphone, ou prénom
manage-code-shape = Le code a 6 lettres ou chiffres. Exemple : 3Z8 R57.
manage-check-missing = Tapez les 2 derniers chiffres de votre téléphone. Ou votre prénom.
manage-not-found = Le code ou les chiffres sont faux. Regardez-les bien. Puis tapez-les encore.
manage-elsewhere = Ce rendez-vous est dans un autre lieu : { $place }. Pour le changer ou l'annuler, allez dans ce lieu ou appelez ce lieu.
manage-is-cancelled = Ce rendez-vous a été annulé.
manage-another = Prendre un autre rendez-vous
manage-cancelled-by-service = Ce rendez-vous est annulé par le lieu : { $place }. Nous sommes désolés.
manage-was-on = Ce rendez-vous est passé. Il était le { $day } à { $time }.
manage-too-late = Votre rendez-vous est bientôt : dans moins de 4 heures. Pour l'annuler, appelez le { $phone }. Ou parlez-en à l'accueil.
manage-change-by-phone = Votre rendez-vous est dans moins de 2 jours. Pour le changer, appelez le { $phone }. Ou parlez-en à l'accueil.
manage-cancel = Annuler ce rendez-vous
manage-change = Changer le jour ou l'heure
manage-cancel-question = Vous voulez annuler ce rendez-vous ?
manage-cancel-yes = Oui, annuler
manage-cancel-no = Non, garder le rendez-vous
manage-cancelled = Votre rendez-vous est annulé.
manage-changed = Votre rendez-vous est changé.
manage-now = Votre rendez-vous prévu : { $day } à { $time }.
manage-change-question = Voulez-vous ce nouveau rendez-vous à la place ?
manage-change-yes = Oui, je change
manage-change-no = Non, je garde mon rendez-vous prévu
form-said-letters-only = Ici, écrivez seulement des lettres.
form-said-name-full = Le prénom a 40 lettres au plus.
form-said-initial-letter = Ici, écrivez une seule lettre : la première lettre de votre nom.
form-said-initial-one = Ici, écrivez une seule lettre : la première lettre de votre nom.
form-said-digits-only = Ici, écrivez seulement des chiffres.
form-said-no-space = Une adresse e-mail s'écrit sans espace.
form-said-full = Cette case est pleine.

## The network's database out of reach: what is said, and the callback request.
offline-title = Le réseau est coupé
offline-told = La borne est coupée de l'agenda des conseillers. Pour le moment, elle prend seulement les demandes d'appel.
offline-call = Appelez le { $phone }. Ou laissez votre numéro : un conseiller vous appelle.
offline-still = Vous pouvez toujours dire vos besoins et trouver un lieu d'aide.
offline-callback = Un conseiller m'appelle
offline-home = Revenir à l'accueil
callback-intro = Un conseiller vous appelle à ce numéro :
callback-first-name = Votre prénom
callback-phone = Votre téléphone
callback-about = Pour quoi
callback-send = Envoyer
callback-sent = C'est envoyé. Un conseiller vous appelle au { $phone }.
callback-kept = Votre demande reste sur la borne. Elle part quand le réseau revient. Un conseiller vous appelle au { $phone }.
callback-error-name = Écrivez votre prénom.
callback-error-phone = Écrivez votre numéro. Exemple : 06 12 34 56 78.
callback-failed = Il y a un problème. Appelez le { $phone }.
