# What the kiosk says aloud and does not show (app::speech): states in words, where the
# person is, how to use the kiosk without seeing it.
said-checked = coché
said-unavailable = pas possible maintenant
said-unchecked = case vide
said-chosen = choisi
said-not-chosen = vous pouvez le choisir
said-question-of = Question { $number } sur { $count }
said-step-of = Étape { $number } sur { $count }
pin-said-typed = { $n ->
    [0] Aucun chiffre tapé
    [one] { $n } chiffre tapé
   *[other] { $n } chiffres tapés
}
said-how-to-use = Voici comment utiliser la borne. Les flèches vont d'un choix à l'autre. La borne dit chaque choix. La touche Entrée choisit. La touche Échap revient en arrière. La touche F4 redit tout l'écran. La touche F1 redit ces explications.
said-repeat-code = Pour entendre le code encore une fois, appuyez sur la touche 0.
said-suggestion-of = proposition { $number } sur { $count }
said-suggestions = { $count ->
    [one] { $count } commune trouvée : { $first }. Appuyez sur la flèche du bas pour la choisir.
   *[other] { $count } communes trouvées. La première est { $first }. Appuyez sur la flèche du bas pour les entendre.
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
does-how-to-use = savoir utiliser la borne
key-zero = 0
does-repeat-code = redire le code
booking-show-in-words = Revoir le code, le jour, l'heure et le lieu
lieux-show-in-words = Revoir le nom, l'adresse et le téléphone
qr-in-words = Voici ce que vous devez garder :
