# The kiosk shell: the languages and display choices, the idle reset, the staff, dates.
display-large-text = Texte en grand
display-high-contrast = Contraste élevé
display-screen-reader = Mode lecteur d'écran
display-done = Revenir au menu

idle-title = Vous êtes toujours là ?
idle-press-a-key = Appuyez sur une touche pour continuer.
idle-countdown = { $seconds ->
    [one] Sinon, retour à l'accueil dans { $seconds } seconde.
   *[other] Sinon, retour à l'accueil dans { $seconds } secondes.
}

home-confirm-title = Revenir à l'accueil ?
home-confirm-text = Ce que vous avez saisi sera effacé.
home-confirm-yes = Oui, revenir à l'accueil
home-confirm-no = Non, continuer ici

pin-title = Espace du personnel
pin-instructions = Tapez le code du personnel, puis appuyez sur Entrée. Échap pour annuler.
pin-label = Code :
pin-checking = Vérification…
pin-wrong = Code incorrect.
pin-wrong-wait = Code incorrect. Vous pourrez réessayer dans { $seconds } secondes.
pin-wait = Patientez encore { $seconds } secondes avant de réessayer.
pin-unreachable = Le réseau ne répond pas : le code d'un conseiller ne peut pas être vérifié. Réessayez dans un moment.
pin-who = Qui êtes-vous ? Choisissez votre nom, puis appuyez sur Entrée.

staff-title = Personnel
staff-quit = Quitter la borne
staff-back = Revenir à la borne
staff-lieux-date = Données du { $date }
staff-lieux-none = Aucune donnée de lieux
staff-lieux-old = Les lieux datent du { $date }, il y a { $days } jours : mettez-les à jour (borne lieux update).
staff-network-none = Aucune borne n'a encore donné de ses nouvelles.
staff-network-silent = silencieuse depuis { $minutes } min
staff-network-alive = en marche, dernier signe il y a { $seconds } s
staff-network-kiosk = version { $version }, démarrée le { $started }, dernier écran le { $frame } · imprimante : { $printer } · voix : { $speech } · { $lieux } · demandes de rappel en attente : { $callbacks }
staff-network-error = dernière erreur : { $error }
staff-network-state = { $state ->
        [ok] en marche
        [failed] en échec
       *[none] aucune
    }

time-of-day = { $hour } h { $minute }
too-small = Agrandissez la fenêtre pour utiliser la borne.

date-long = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
date-day = { $weekday } { $day ->
    [1] 1er
   *[other] { $day }
} { $month }
date-today = aujourd'hui, { $day }
date-tomorrow = demain, { $day }
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
waiting-title = Un instant…
waiting-text = Nous attendons la réponse. Vous pouvez attendre ou appuyer sur Échap.
back-confirm-title = Revenir en arrière ?
back-confirm-yes = Oui, revenir en arrière
signout-confirm-title = Vous déconnecter ?
signout-confirm-text = La borne revient à l'accueil, pour la personne suivante.
signout-confirm-yes = Oui, me déconnecter
