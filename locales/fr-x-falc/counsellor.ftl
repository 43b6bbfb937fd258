# Counsellor mode (staff only).
counsellor-workshop-event = Atelier : { $title }
counsellor-title = Espace conseiller
counsellor-signed-in = Connecté : { $name }
counsellor-today = Agenda du jour
counsellor-week = Agenda de la semaine
counsellor-shown-day = { $day }
counsellor-shown-week = Du { $from } au { $to }
counsellor-previous-day = Jour précédent
counsellor-next-day = Jour suivant
counsellor-previous-week = Semaine précédente
counsellor-next-week = Semaine suivante
counsellor-go-to-date = Aller à une date
counsellor-date-question = Quelle date ? (jour/mois, ou jour/mois/année)
counsellor-go-to-date-ok = Afficher cette date
counsellor-date-invalid = Ce n'est pas une date : tapez par exemple 17/03 ou 17/03/2026.
key-left-right = ← →
does-other-day = jour précédent ou suivant
does-other-week = semaine précédente ou suivante
counsellor-book = Prendre un rendez-vous pour une personne
counsellor-walk-in = Compte rendu sans rendez-vous
counsellor-stats = Statistiques
counsellor-sign-out = Se déconnecter
counsellor-back = Retour
counsellor-nothing = Rien de prévu sur cette période.
counsellor-workshop-line = { $day } { $time } — Atelier { $title } — { $taken }/{ $seats } inscrits
counsellor-mark-present = Marquer présent
counsellor-mark-absent = Marquer absent
counsellor-cancel = Annuler (par le service)
counsellor-report = Compte rendu d'activité
counsellor-report-edit = Compte rendu d'activité (déjà écrit : le changer)
counsellor-status-saved = Statut enregistré.
counsellor-cancel-reason = Motif de l'annulation (vu par le personnel seulement) :
counsellor-cancel-confirm = Confirmer l'annulation
counsellor-cancel-message = { $place } : votre rendez-vous du { $day } à { $time } est annulé. Appelez le { $phone } pour en fixer un autre.
counsellor-diagnostic = Réponses au questionnaire (partagées par la personne) :
counsellor-no-diagnostic = Pas de questionnaire partagé.
workshop-waitlist-heading = Liste d'attente : { $count }
workshop-waitlist-told = place libre signalée par message
counsellor-diag-profile = Profil : { $profile }
counsellor-diag-needs = Besoins : { $needs }
counsellor-diag-admin = Démarches : { $admin }
counsellor-diag-named = Démarche citée par la personne : « { $named } »
counsellor-diag-equipment = Matériel : { $equipment }
counsellor-diag-help = Orientation proposée : { $help }
counsellor-diag-aidants-connect = Aidants Connect possible : { $category }
counsellor-diag-urgent = Urgent : la démarche ne peut pas attendre.
counsellor-help-appointment = rendez-vous individuel
counsellor-help-workshop = atelier collectif
counsellor-help-self-service = en autonomie (poste en libre accès)
counsellor-help-aidants-connect = faire à la place (Aidants Connect)
counsellor-speaks = { $tag ->
    [uk] parle ukrainien
    [en] parle anglais
    [pt] parle portugais
    [fr-x-falc] lit le français facile
   *[other] langue : { $tag }
}
counsellor-failed = La base de données ne répond pas.
does-change = changer
report-title = Compte rendu d'activité
report-kind = Type
report-duration = Durée
report-place = Lieu
report-autonomy = Autonomie
report-equipment = Matériel
report-themes = Thématiques
report-administrative = Thématiques administratives
report-redirection = Redirection
report-gender = Genre
report-age = Tranche d'âge
report-status = Statut
report-notes = Notes
report-save = Enregistrer le compte rendu
report-none = —
report-not-said = Non renseigné
report-place-here = { $place } (lieu d'activité)
coop-age-moins-12 = Moins de 12 ans
coop-age-12-18 = 12 à 17 ans
coop-age-18-24 = 18 à 24 ans
coop-age-25-39 = 25 à 39 ans
coop-age-40-59 = 40 à 59 ans
coop-age-60-69 = 60 à 69 ans
coop-age-70-plus = 70 ans et plus
coop-age-non-communique = Non communiqué
report-list-done = Terminé
report-no-theme = Choisissez au moins une thématique.
report-admin-needs-theme = Les thématiques administratives demandent « Aide aux démarches administratives ».
report-no-duration = Indiquez la durée.
report-saved = Compte rendu enregistré.
counsellor-header = {" "}{ $place } · Espace conseiller : { $name }
counsellor-workshops = Ateliers
does-save = enregistrer
workshop-admin-title = Ateliers
workshop-admin-cancelled = annulé
workshop-admin-new = Ajouter une séance
workshop-admin-registrants = Inscrits et émargement
workshop-registrants-count = { $taken }/{ $seats } inscrits
workshop-admin-seats = Nombre de places
workshop-admin-date = Changer la date et l'heure
workshop-admin-date-format = Date et heure (JJ/MM/AAAA HH:MM)
workshop-admin-cancel = Annuler cet atelier
workshop-admin-cancel-question = Annuler cet atelier ?
workshop-admin-cancel-nobody = Personne n'est inscrit.
workshop-admin-cancel-all-told = { $count ->
    [one] La personne inscrite sera prévenue par message.
   *[other] Les { $count } inscrits seront prévenus par message.
}
workshop-admin-cancel-not-told = { $count ->
    [one] 1 inscrit n'a ni téléphone ni e-mail : il ne sera pas prévenu. À prévenir vous-même :
   *[other] { $count } inscrits n'ont ni téléphone ni e-mail : ils ne seront pas prévenus. À prévenir vous-même :
}
workshop-admin-cancel-no-gateway = Aucun message ne part de cette borne (pas de passerelle SMS ou e-mail) : { $count ->
    [one] la personne inscrite ne sera pas prévenue. À prévenir vous-même :
   *[other] les { $count } inscrits ne seront pas prévenus. À prévenir vous-même :
}
workshop-admin-cancel-message = { $place } : l'atelier du { $day } à { $time } est annulé. Appelez le { $phone } pour vous inscrire à un autre.
workshop-admin-saved = Enregistré.
workshop-admin-seats-invalid = Un nombre de places, au moins celui des inscrits.
workshop-admin-date-invalid = Une date à venir, par exemple 04/03/2026 14:00.
workshop-admin-date-closed = Le lieu est fermé ce jour-là. Choisissez un autre jour.
workshop-admin-date-taken = Une autre séance a lieu dans la salle à cette heure. Choisissez une autre heure.
workshop-admin-which = Quel atelier ?
report-date-field = Date (JJ/MM/AAAA)
report-date-invalid = La date s'écrit JJ/MM/AAAA, par exemple 03/03/2026.
report-booking = Rendez-vous { $code }
counsellor-told = { $count ->
    [one] La personne est prévenue par message.
   *[other] { $count } personnes sont prévenues par message.
}
counsellor-to-tell = { $count ->
    [one] 1 personne n'a pas pu être prévenue par message : prévenez-la vous-même.
   *[other] { $count } personnes n'ont pas pu être prévenues par message : prévenez-les vous-même.
}
counsellor-tell-at = { $name } : { $contact }
counsellor-tell-no-contact = { $name } n'a donné ni téléphone ni e-mail : prévenez cette personne autrement.
counsellor-done-cancelled = Rendez-vous annulé.
counsellor-status-refused-cancelled = Ce rendez-vous est annulé : son statut ne change plus.
counsellor-status-refused-early = Trop tôt : la présence se note 15 min avant (un atelier : le jour même).
counsellor-not-before = { $action } — à partir de { $when }
counsellor-report-not-yet = Le compte rendu s'écrit une fois le rendez-vous commencé.
counsellor-attendance-question = Présence de { $name } :
workshop-admin-move-message = { $place } : l'atelier du { $before } change de jour. Il a lieu le { $day } à { $time }. Questions : { $phone }.
workshop-admin-done-cancelled = Atelier annulé.
report-future-date = Un compte rendu se fait après l'accompagnement : la date ne peut pas être à venir.
report-no-equipment-exclusive = « Pas de matériel » ne va pas avec un autre matériel.
report-refused-absent = La personne a été notée absente : pas de compte rendu pour ce rendez-vous.
report-refused-cancelled = Ce rendez-vous est annulé : pas de compte rendu.
counsellor-report-exists = Un compte rendu est enregistré pour ce rendez-vous.

# Statistics (the screen, `borne stats`, `borne booking list`)
stats-total = En tout
stats-weeks = Par semaine
stats-months = Par mois
stats-range = Du { $from } au { $to }
stats-week = Semaine du { $day }
stats-month = { $month } { $year }
stats-bookings = Rendez-vous
stats-attendance = Présents { $present } · absents { $absent } (absence { $rate }) · annulés { $cancelled }
stats-activity = Ateliers { $registered }/{ $seats } ({ $rate }) · diagnostics { $diagnostics } · accompagnements { $accompaniments }
stats-needs = Besoins (diagnostics anonymes)
stats-themes = Accompagnements par thématique
stats-summary = { $period } : { $bookings } rendez-vous (présents { $present }, absents { $absent }, annulés { $cancelled }), { $registered } inscriptions aux ateliers sur { $seats } places

# Where an appointment stands, and what it is for (the counsellor's agenda)
status-upcoming = à venir
status-to-mark = présence à noter
counsellor-elsewhere = lieu : { $place }
status-present = présent
status-absent = absent
status-cancelled-by-citizen = annulé par la personne
status-cancelled-by-service = annulé par le service
counsellor-booking-what = { $motif } — code { $code }
person-no-first-name = (sans prénom)
