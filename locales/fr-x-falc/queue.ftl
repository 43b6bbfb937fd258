# "Je suis là", in easy-to-read French.

here-title = Je suis là
here-question = Avez-vous un rendez-vous aujourd'hui ?
here-appointment = J'ai un rendez-vous. Je suis là.
here-help-now = Je veux de l'aide tout de suite, sans rendez-vous.
here-leave = J'ai un ticket et je pars

check-in-title = Je suis là pour mon rendez-vous
check-in-intro = Tapez le code de votre rendez-vous. Puis tapez les 2 derniers chiffres de votre téléphone. Pas de téléphone ? Tapez votre prénom.
check-in-done = C'est bon, nous savons que vous êtes là. Asseyez-vous. { $counsellor } va vous appeler.
check-in-done-anyone = C'est bon, nous savons que vous êtes là. Asseyez-vous. Un conseiller va vous appeler.
check-in-cancelled = Ce rendez-vous est annulé.
check-in-too-early = Votre rendez-vous est à { $time }. Vous êtes en avance. Revenez à la borne à { $opens }.
check-in-past = Votre rendez-vous était le { $day } à { $time }. Cette heure est passée.
check-in-another-day = Votre rendez-vous est le { $day } à { $time }. C'est un autre jour.
check-in-offer-queue = Vous pouvez aussi attendre un conseiller aujourd'hui, sans rendez-vous.

help-now-title = De l'aide tout de suite
help-now-what-for = Vous voulez de l'aide pour quoi ?
help-now-leave = J'ai un ticket et je pars
help-now-name = Votre prénom, si vous voulez
help-now-name-why = L'écran montre seulement votre numéro. Votre prénom reste secret.
help-now-take = Prendre mon ticket
help-now-nobody-today = Aujourd'hui, les conseillers reçoivent seulement sur rendez-vous. Vous pouvez prendre un rendez-vous.
help-now-book = Prendre un rendez-vous
help-now-full = Il reste zéro ticket aujourd'hui. Demandez à l'accueil.

queue-your-number = Votre numéro : { $ticket }
queue-ahead = { $count ->
    [0] Vous êtes la prochaine personne.
    [one] 1 personne passe avant vous.
   *[other] { $count } personnes passent avant vous.
}
queue-wait = { $low ->
    [0] Vous allez attendre moins de { $high } minutes.
   *[other] Vous allez attendre entre { $low } et { $high } minutes.
}
queue-watch-screen = Regardez l'écran. Votre numéro va s'afficher avec le bureau où aller.
queue-printed = Prenez votre ticket. Il sort de la borne.
queue-not-printed = Retenez ce numéro. Vous pouvez aussi l'écrire.
queue-leave-now = Je pars
queue-finish = Terminer

leave-title = Je pars
leave-intro = Tapez le numéro de votre ticket. Il est écrit sur votre ticket.
leave-number = Numéro du ticket
leave-confirm = Je pars
leave-shape = Le numéro a une lettre et 3 chiffres. Il est écrit sur votre ticket.
leave-not-found = Ce numéro est faux. Regardez bien votre ticket.
leave-settled = Ce ticket est déjà fini.
leave-done = Le ticket { $ticket } est annulé. Merci et au revoir.

queue-ticket-title = Ticket pour attendre
queue-ticket-taken = Pris le { $day } à { $time }

display-title = Appel
display-calls = { $ticket } → { $desk }
display-desk-none = Bureau de { $name }
display-last-calls = Les derniers numéros appelés
display-waiting = { $count ->
    [0] La file est vide.
    [one] 1 personne attend.
   *[other] { $count } personnes attendent.
}
display-nobody-called = Les numéros appelés vont s'afficher ici.
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
