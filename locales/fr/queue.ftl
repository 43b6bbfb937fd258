# "Je suis là": the help point's queue — the citizen's check-in and ticket, the counsellor's
# "File d'attente", the waiting room's calling screen.

here-title = Je suis là
here-question = Avez-vous un rendez-vous aujourd'hui ?
here-appointment = J'ai un rendez-vous, je suis arrivé(e)
here-help-now = Je n'ai pas de rendez-vous, je voudrais de l'aide maintenant
here-leave = J'ai déjà un ticket et je m'en vais

check-in-title = Je suis arrivé(e)
check-in-intro = Tapez le code de votre rendez-vous, puis les 2 derniers chiffres de votre téléphone. Si vous n'avez pas donné de téléphone, tapez votre prénom.
check-in-done = Vous êtes enregistré(e). Installez-vous, { $counsellor } vous appelle bientôt.
check-in-done-anyone = Vous êtes enregistré(e). Installez-vous, un conseiller vous appelle bientôt.
check-in-cancelled = Ce rendez-vous a été annulé.
check-in-too-early = Votre rendez-vous est à { $time }. Vous pourrez dire que vous êtes là à partir de { $opens }.
check-in-past = L'heure de votre rendez-vous est passée : il était le { $day } à { $time }.
check-in-another-day = Votre rendez-vous est le { $day } à { $time }. Ce n'est pas aujourd'hui.
check-in-offer-queue = Si vous voulez, vous pouvez attendre un conseiller sans rendez-vous.

help-now-title = De l'aide maintenant
help-now-what-for = Pour quoi voulez-vous de l'aide ?
help-now-leave = J'ai déjà un ticket et je m'en vais
help-now-name = Votre prénom, si vous voulez
help-now-name-why = Seul votre numéro s'affiche sur l'écran d'appel, jamais votre prénom.
help-now-take = Prendre mon ticket
help-now-nobody-today = Aujourd'hui, aucun conseiller ne reçoit sans rendez-vous. Vous pouvez prendre un rendez-vous pour un autre jour.
help-now-book = Prendre rendez-vous
help-now-full = Tous les tickets du jour sont donnés. Demandez à l'accueil.

queue-your-number = Votre numéro : { $ticket }
queue-ahead = { $count ->
    [0] Vous êtes la prochaine personne.
    [one] Il y a 1 personne avant vous.
   *[other] Il y a { $count } personnes avant vous.
}
queue-wait = { $low ->
    [0] Attente estimée : moins de { $high } minutes.
   *[other] Attente estimée : de { $low } à { $high } minutes.
}
queue-watch-screen = Quand votre numéro s'affiche sur l'écran d'appel, allez au bureau indiqué.
queue-printed = Votre ticket est imprimé : prenez-le.
queue-not-printed = Notez ce numéro ou retenez-le.
queue-leave-now = Je m'en vais
queue-finish = Terminer

leave-title = Je m'en vais
leave-intro = Tapez le numéro de votre ticket, par exemple A-012.
leave-number = Numéro du ticket
leave-confirm = Je m'en vais
leave-shape = Un numéro de ticket ressemble à A-012.
leave-not-found = Nous ne trouvons pas ce ticket aujourd'hui. Vérifiez le numéro.
leave-settled = Ce ticket n'est plus dans la file d'attente.
leave-done = Le ticket { $ticket } est annulé. Merci de nous avoir prévenus, au revoir.

queue-ticket-title = Ticket d'attente
queue-ticket-taken = Pris le { $day } à { $time }

display-title = Appel
display-calls = { $ticket } → { $desk }
display-desk-none = Bureau de { $name }
display-last-calls = Derniers appels
display-waiting = { $count ->
    [0] Personne n'attend.
    [one] 1 personne attend.
   *[other] { $count } personnes attendent.
}
display-nobody-called = Les numéros appelés s'affichent ici.
display-said-call = Le ticket { $ticket } est attendu au { $desk }.

counsellor-queue = File d'attente
counsellor-queue-title = File d'attente
counsellor-queue-loading = Chargement de la file…
counsellor-queue-count = { $count ->
    [0] Personne n'attend.
    [one] 1 personne attend.
   *[other] { $count } personnes attendent.
}
counsellor-queue-waiting-for = attend depuis { $minutes } min
counsellor-queue-appointment = rendez-vous à { $time } avec { $counsellor }
counsellor-queue-call-next = Appeler la personne suivante
counsellor-queue-refresh = Actualiser la liste
counsellor-queue-calling = Vous appelez { $ticket } au { $desk }. { $calls ->
    [1] {""}
   *[other] ({ $calls } appels)
}
counsellor-queue-served-choice = Pris en charge
counsellor-queue-call-again = Appeler encore
counsellor-queue-absent = Absent (appelé sans réponse)
counsellor-queue-redirected = Réorienté
counsellor-queue-served = { $ticket } est pris en charge.
counsellor-queue-marked-present = Le rendez-vous est marqué présent.
counsellor-queue-report = Faire le compte rendu d'activité
counsellor-queue-back = Revenir à la file d'attente
counsellor-queue-nobody = Personne n'attend pour vous.
counsellor-queue-taken = Un autre conseiller a appelé cette personne.
counsellor-queue-not-yours = C'est le rendez-vous d'un autre conseiller.
counsellor-queue-gone = Ce ticket n'est plus dans la file.
counsellor-queue-stats-title = File d'attente, par jour
counsellor-queue-stats-day = { $day } : { $helped } aidées sans rendez-vous, attente médiane { $median } min, 90 % sous { $p90 } min
