# The welcome, its menu and the key bar: the words of the first frame, read before anything
# else (see WELCOME_FILES in src/i18n/mod.rs).
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
key-letters = Lettres ou chiffres
does-type-commune = écrire
does-move-suggestion = choisir une commune
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
