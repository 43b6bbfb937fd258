# What the kiosk says aloud and does not show (app::speech): states in words, where the
# person is, how to use the kiosk without seeing it.
said-checked = coché
said-unavailable = pas possible maintenant
said-unchecked = pas coché
said-chosen = choisi
said-not-chosen = pas choisi
said-question-of = Question { $number } sur { $count }
said-step-of = Étape { $number } sur { $count }
pin-said-typed = { $n ->
    [0] Aucun chiffre tapé
    [one] { $n } chiffre tapé
   *[other] { $n } chiffres tapés
}
said-how-to-use = Pour utiliser la borne sans voir l'écran : les flèches haut et bas passent d'un choix à l'autre, et la borne dit chaque choix. Entrée choisit. Échap revient en arrière. Les chiffres choisissent un numéro. F4 redit tout l'écran. F1 redit ces explications.
said-repeat-code = Pour entendre le code encore une fois, appuyez sur 0.
said-suggestion-of = proposition { $number } sur { $count }
said-suggestions = { $count ->
    [one] { $count } commune proposée : { $first }. Flèche bas pour la choisir.
   *[other] { $count } communes proposées, la première : { $first }. Flèche bas pour les entendre.
}
time-said = { $hour ->
    [0] minuit
    [12] midi
    [1] 1 heure
   *[other] { $hour } heures
}{ $minute ->
    [0] {""}
   *[other] {" "}{ $minute }
}
key-f1 = F1
does-how-to-use = comment utiliser la borne
key-zero = 0
does-repeat-code = redire le code
booking-show-in-words = Revoir en phrases le code, le jour, l'heure et le lieu
lieux-show-in-words = Revoir en phrases le nom, l'adresse et le téléphone
qr-in-words = À la place du QR code, voici ce qu'il faut garder :
