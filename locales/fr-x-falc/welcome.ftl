# Français facile à lire et à comprendre (FALC): short sentences, everyday words, "vous".
# The welcome, its menu and the key bar: the words of the first frame, read before anything
# else (see WELCOME_FILES in src/i18n/mod.rs).
locale-name = Français facile à lire

welcome-title = Bonjour
welcome-greeting = Nous pouvons vous aider. Par exemple avec l'ordinateur ou le téléphone. C'est gratuit.
welcome-menu-heading = Que voulez-vous faire ?
# The welcome's menu: one choice per capability, drawn on the first frame from this file.
menu-diagnostic = Dire mes besoins
menu-booking = Prendre un rendez-vous
menu-lieux = Trouver un lieu pour m'aider, près de chez moi
menu-manage = Changer ou annuler mon rendez-vous
menu-workshops = Les cours en groupe
menu-here = Je suis là : rendez-vous ou ticket
menu-help-now = Je veux de l'aide tout de suite
# The welcome choice that opens the languages and the display choices, and that screen's title.
welcome-settings = Changer la langue ou l'écran
# This language's word for "language": the welcome choice names it in every language offered.
language-word = Langue

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
does-move = bouger
# In a text field: ← and → move the cursor among the letters typed.
does-move-in-text = bouger dans le texte
does-choose = choisir
does-choose-number = choisir le numéro
does-turn-page = voir une autre page
does-back = revenir en arrière
does-home = page de départ
does-finish = terminer et revenir à l'accueil
does-large-text = texte en grand
does-contrast = contraste élevé
does-say-again = tout entendre encore
does-screen-reader = mode pour lecteur d'écran
does-staff = personnel
key-letters = Lettres ou chiffres
does-type-commune = écrire
does-move-suggestion = choisir une ville
key-space = Barre d'espace
does-tick = cocher ou décocher la case
key-any = Une touche
does-still-here = je suis là
does-stay = rester ici
does-type-code = taper le code
key-backspace = Retour arrière
does-erase = effacer
does-validate = valider
does-cancel = annuler
