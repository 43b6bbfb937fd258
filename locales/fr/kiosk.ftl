# The kiosk shell: welcome screen, keys, idle reset, staff access.
locale-name = Français

welcome-title = Bienvenue
welcome-greeting = Ici, on vous aide pour vos démarches en ligne et pour utiliser l'ordinateur ou le téléphone. C'est gratuit.
welcome-menu-heading = Que voulez-vous faire ?
# The welcome's menu: one choice per capability, drawn on the first frame from this file.
menu-diagnostic = Faire le point sur mes besoins
menu-booking = Prendre rendez-vous
menu-lieux = Trouver un lieu d'aide près de moi
menu-manage = Gérer mon rendez-vous
menu-workshops = Ateliers
menu-here = Je suis là : rendez-vous ou ticket
menu-help-now = Je voudrais de l'aide maintenant
# The welcome choice that opens the languages and the display choices, and that screen's title.
welcome-settings = Langue et affichage
# This language's word for "language": the welcome choice names it in every language offered.
language-word = Langue
display-large-text = Texte en grand
display-high-contrast = Contraste élevé
display-screen-reader = Mode lecteur d'écran
display-done = Revenir au menu

page-of = Page { $page } sur { $pages }

key-arrows = Flèches
key-up-down = Flèches ↑ ↓
key-left-right = Flèches ← →
key-enter = Entrée
# Between a key and what it does in the key bar.
key-colon = {" : "}
key-digits = Chiffres
key-pages = Pg préc / Pg suiv
key-esc = Échap
key-home = Début
key-f2 = F2
key-f3 = F3
key-f4 = F4
key-f5 = F5
key-f12 = F12
does-move = se déplacer
# In a text field: ← and → move the cursor among the letters typed.
does-move-in-text = se déplacer dans le texte
does-choose = choisir
does-choose-number = choisir le numéro
does-turn-page = changer de page
does-back = revenir en arrière
does-home = accueil
does-finish = terminer (accueil)
does-large-text = texte en grand
does-contrast = contraste élevé
does-say-again = tout relire à voix haute
does-screen-reader = mode lecteur d'écran
does-staff = personnel

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
key-letters = Lettres ou chiffres
does-type-commune = écrire
does-move-suggestion = choisir une commune
waiting-title = Un instant…
waiting-text = Nous attendons la réponse. Vous pouvez attendre ou appuyer sur Échap.
key-space = Espace
does-tick = cocher ou décocher
key-any = Une touche
does-still-here = je suis là
does-stay = rester ici
does-type-code = taper le code
key-backspace = Retour arrière
does-erase = effacer
does-validate = valider
does-cancel = annuler
back-confirm-title = Revenir en arrière ?
back-confirm-yes = Oui, revenir en arrière
signout-confirm-title = Vous déconnecter ?
signout-confirm-text = La borne revient à l'accueil, pour la personne suivante.
signout-confirm-yes = Oui, me déconnecter
