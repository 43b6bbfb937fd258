# "Faire le point sur mes besoins" in Français facile à lire et à comprendre.
diag-title = Vos besoins
diag-result-title = Vos besoins
diag-progress = Question { $number } sur { $count }
does-previous-question = question d'avant
diag-dont-know = Je ne sais pas

diag-equipement = Avez-vous un appareil pour aller sur internet ?
diag-equipement-smartphone = Oui, un téléphone portable
diag-equipement-ordinateur = Oui, un ordinateur ou une tablette
diag-equipement-les-deux = Oui, un téléphone et un ordinateur
diag-equipement-aucun = Non, je n'ai pas d'appareil

diag-internet = Avez-vous internet à la maison ?
diag-internet-oui = Oui
diag-internet-non = Non

diag-motif = Pourquoi venez-vous aujourd'hui ?
diag-motif-demarche = Pour un papier à faire sur internet
diag-motif-email = Pour mes e-mails
diag-motif-smartphone = Pour utiliser mon téléphone
diag-motif-emploi = Pour trouver un travail
diag-motif-securite = Pour me protéger des arnaques
diag-motif-video = Pour parler en vidéo, avec ma famille ou un médecin
diag-motif-ecole = Pour l'école de mes enfants
diag-motif-achats = Pour acheter ou vendre sur internet

diag-demarche = Quel papier voulez-vous faire ?
diag-demarche-impots = Les impôts
diag-demarche-caf = Les aides de la Caf
diag-demarche-sante = La santé : ameli, carte Vitale
diag-demarche-papiers = La carte d'identité ou le passeport
diag-demarche-vehicule = Le permis de conduire ou la carte grise
diag-demarche-emploi = France Travail
diag-demarche-logement = Le logement
diag-demarche-autre = Un autre papier
# The démarche named in the result ("Faire une démarche en ligne : vos allocations (CAF, MSA)").
diag-demarche-impots-said = les impôts
diag-demarche-caf-said = les aides de la Caf
diag-demarche-sante-said = la santé : ameli, carte Vitale
diag-demarche-papiers-said = la carte d'identité ou le passeport
diag-demarche-vehicule-said = le permis de conduire ou la carte grise
diag-demarche-emploi-said = France Travail
diag-demarche-logement-said = le logement

diag-connexion = Savez-vous entrer sur le site avec votre mot de passe ?
diag-connexion-seul = Oui, sans aide
diag-connexion-avec-aide = Oui, avec de l'aide
diag-connexion-non = Non

diag-urgence = Est-ce urgent ?
diag-urgence-oui = Oui, c'est urgent
diag-urgence-non = Non

diag-email = Avez-vous une adresse e-mail ?
diag-email-creer = Non. Je veux une adresse e-mail.
diag-email-difficile = Oui. Mais c'est difficile pour moi.
diag-email-facile = Oui. C'est facile pour moi.
diag-email-mot-de-passe = Oui. Mais j'ai perdu mon mot de passe.

diag-piece-jointe = Savez-vous envoyer un papier par e-mail ?
diag-piece-jointe-oui = Oui
diag-piece-jointe-non = Non

diag-smartphone = Que voulez-vous faire avec votre téléphone ?
diag-smartphone-bases = Appeler et écrire des messages
diag-smartphone-applications = Mettre une application
diag-smartphone-photos = Ranger mes photos et mes papiers
diag-smartphone-appels-video = Parler en vidéo avec ma famille

diag-emploi = Pour le travail, que voulez-vous faire ?
diag-emploi-cv = Faire mon CV
diag-emploi-france-travail = Aller sur le site de France Travail
diag-emploi-candidater = Chercher un travail et répondre aux annonces

diag-securite = Qu'est-ce qui vous fait peur ?
diag-securite-message-bizarre = J'ai reçu un message bizarre
diag-securite-donnees = Je veux protéger mes mots de passe
diag-securite-vol = On m'a volé de l'argent

diag-souhait = Que voulez-vous ?
diag-souhait-apprendre = Apprendre à le faire
diag-souhait-avec-moi = Le faire avec une personne à côté de moi
diag-souhait-a-ma-place = Une personne le fait pour moi

diag-result-needs = Vous avez besoin d'aide pour :
diag-result-help = Ce qui est bien pour vous :
diag-result-urgent = C'est urgent. Dites-le à la personne qui vous aide.
diag-need-admin-topic = Faire un papier sur internet : { $topic }
diag-next-book = Prendre un rendez-vous avec un conseiller
diag-next-workshops = Voir les cours en groupe
diag-next-finish = Terminer

need-diagnostic-numerique = Parler de vos besoins avec un conseiller
need-prendre-en-main-du-materiel = Apprendre à utiliser un téléphone ou un ordinateur
need-maintenance-de-materiel = Réparer votre appareil
need-gerer-ses-contenus-numeriques = Ranger et envoyer vos papiers et vos photos
need-navigation-sur-internet = Aller sur les sites internet
need-e-mail = Utiliser les e-mails
need-bureautique = Écrire un texte ou un CV
need-reseaux-sociaux-communication = Parler avec votre famille par message ou en vidéo
need-sante = Les papiers de santé
need-banque-et-achats-en-ligne = Payer, acheter ou vendre sur internet
need-accompagner-un-professionnel = Votre travail
need-insertion-professionnelle = Trouver un travail
need-prevention-en-securite-numerique = Vous protéger des arnaques
need-parentalite = Aider vos enfants sur internet
need-scolarite-et-numerique = L'école de vos enfants
need-creer-avec-le-numerique = Faire des photos et des vidéos
need-culture-numerique = Comprendre internet
need-intelligence-artificielle = Comprendre l'intelligence artificielle
need-aide-aux-demarches-administratives = Faire des papiers sur internet

admin-papiers-elections-citoyennete = papiers
admin-famille-scolarite = famille et école
admin-social-sante = aides et santé
admin-travail-formation-entreprise = travail
admin-logement = logement
admin-transports-mobilite = permis et voiture
admin-argent-impots = impôts
admin-justice = justice
admin-etrangers-europe = titre de séjour
admin-loisirs-sports-culture = loisirs et sport
admin-associations = associations

help-appointment = Un rendez-vous avec un conseiller.
help-workshop = Un cours avec d'autres personnes.
help-self-service = Vous pouvez essayer sans aide. Des ordinateurs sont libres pour tous. Choisissez « Trouver un lieu pour m'aider » pour savoir où.
help-aidants-connect = Une personne peut faire le papier pour vous. Elle a le droit de le faire.
