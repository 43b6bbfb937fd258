# "Faire le point sur mes besoins": the questionnaire (ids from kiosk-config/diagnostic.toml)
# and the result screen.
diag-title = Faire le point sur mes besoins
diag-result-title = Vos besoins
diag-progress = Question { $number } sur { $count }
does-previous-question = question précédente
diag-dont-know = Je ne sais pas

diag-equipement = Avez-vous un appareil pour aller sur internet ?
diag-equipement-smartphone = Oui, un téléphone portable (smartphone)
diag-equipement-ordinateur = Oui, un ordinateur ou une tablette
diag-equipement-les-deux = Oui, un téléphone et un ordinateur
diag-equipement-aucun = Non, je n'ai pas d'appareil

diag-internet = Avez-vous internet chez vous ?
diag-internet-oui = Oui
diag-internet-non = Non

diag-motif = Pour quoi venez-vous aujourd'hui ?
diag-motif-demarche = Une démarche en ligne (impôts, CAF, ameli, papiers…)
diag-motif-email = Mes e-mails
diag-motif-smartphone = Me servir de mon téléphone
diag-motif-emploi = Mon CV ou chercher un emploi
diag-motif-securite = Me protéger des arnaques, protéger mes données
diag-motif-video = Un appel vidéo ou une consultation avec un médecin
diag-motif-ecole = Suivre la scolarité de mes enfants
diag-motif-achats = Acheter ou vendre sur internet

diag-demarche = Quelle démarche voulez-vous faire ?
diag-demarche-impots = Mes impôts (impots.gouv)
diag-demarche-caf = Mes allocations (CAF, MSA)
diag-demarche-sante = Ma santé (ameli, carte Vitale)
diag-demarche-papiers = Mes papiers : carte d'identité, passeport
diag-demarche-vehicule = Mon permis de conduire ou ma carte grise
diag-demarche-emploi = France Travail (Pôle emploi)
diag-demarche-logement = Mon logement
diag-demarche-autre = Une autre démarche
# The démarche named in the result ("Faire une démarche en ligne : vos allocations (CAF, MSA)").
diag-demarche-impots-said = vos impôts (impots.gouv)
diag-demarche-caf-said = vos allocations (CAF, MSA)
diag-demarche-sante-said = votre santé (ameli, carte Vitale)
diag-demarche-papiers-said = vos papiers : carte d'identité, passeport
diag-demarche-vehicule-said = votre permis de conduire ou votre carte grise
diag-demarche-emploi-said = France Travail (Pôle emploi)
diag-demarche-logement-said = votre logement

diag-connexion = Savez-vous vous connecter au site (mot de passe, FranceConnect) ?
diag-connexion-seul = Oui, sans aide
diag-connexion-avec-aide = Oui, avec de l'aide
diag-connexion-non = Non

diag-urgence = Est-ce urgent ? (une date limite bientôt)
diag-urgence-oui = Oui, c'est urgent
diag-urgence-non = Non, ce n'est pas urgent

diag-email = Avez-vous une adresse e-mail ?
diag-email-creer = Non, je voudrais en créer une
diag-email-difficile = Oui, mais j'ai du mal à m'en servir
diag-email-facile = Oui, je m'en sers sans problème
diag-email-mot-de-passe = Oui, mais j'ai perdu mon mot de passe

diag-piece-jointe = Savez-vous envoyer un document par e-mail (une pièce jointe, la photo d'un papier) ?
diag-piece-jointe-oui = Oui
diag-piece-jointe-non = Non

diag-smartphone = Que voulez-vous faire avec votre téléphone ?
diag-smartphone-bases = Apprendre les bases : appeler, écrire un message
diag-smartphone-applications = Installer et utiliser une application
diag-smartphone-photos = Gérer mes photos et mes documents
diag-smartphone-appels-video = Faire des appels vidéo avec mes proches

diag-emploi = Pour l'emploi, de quoi avez-vous besoin ?
diag-emploi-cv = Faire ou mettre à jour mon CV
diag-emploi-france-travail = M'inscrire ou suivre mon dossier France Travail
diag-emploi-candidater = Chercher des offres et envoyer ma candidature

diag-securite = Qu'est-ce qui vous inquiète ?
diag-securite-message-bizarre = J'ai reçu un SMS ou un e-mail bizarre
diag-securite-donnees = Je veux protéger mes données et mes mots de passe
diag-securite-vol = On m'a pris de l'argent ou mon compte

diag-souhait = Que préférez-vous ?
diag-souhait-apprendre = Apprendre à le faire moi-même
diag-souhait-avec-moi = Le faire avec quelqu'un à côté de moi
diag-souhait-a-ma-place = Qu'une personne le fasse pour moi

diag-result-needs = D'après vos réponses, vous avez besoin d'aide pour :
diag-result-help = L'aide qui vous convient :
diag-result-urgent = C'est urgent : dites-le dès le début à la personne qui vous aide.
diag-need-admin-topic = Faire une démarche en ligne : { $topic }
diag-next-book = Prendre rendez-vous avec un conseiller
diag-next-workshops = Voir les ateliers sur ce thème
diag-next-finish = Terminer

need-diagnostic-numerique = Faire le point avec un conseiller sur ce dont vous avez besoin
need-prendre-en-main-du-materiel = Apprendre à utiliser un téléphone ou un ordinateur
need-maintenance-de-materiel = Entretenir ou réparer votre appareil
need-gerer-ses-contenus-numeriques = Ranger et envoyer vos documents et vos photos
need-navigation-sur-internet = Trouver et utiliser les sites internet
need-e-mail = Utiliser vos e-mails
need-bureautique = Écrire un document, faire un CV
need-reseaux-sociaux-communication = Parler avec vos proches : messages, appels vidéo
need-sante = Vos démarches de santé
need-banque-et-achats-en-ligne = Payer, acheter ou vendre sur internet
need-accompagner-un-professionnel = Votre activité professionnelle
need-insertion-professionnelle = Chercher un emploi ou une formation
need-prevention-en-securite-numerique = Vous protéger des arnaques sur internet
need-parentalite = Accompagner vos enfants sur internet
need-scolarite-et-numerique = Suivre la scolarité de vos enfants
need-creer-avec-le-numerique = Créer avec le numérique : photos, vidéos
need-culture-numerique = Comprendre le numérique
need-intelligence-artificielle = Comprendre l'intelligence artificielle
need-aide-aux-demarches-administratives = Faire vos démarches en ligne

admin-papiers-elections-citoyennete = papiers, élections
admin-famille-scolarite = famille, école
admin-social-sante = allocations, santé
admin-travail-formation-entreprise = emploi, formation
admin-logement = logement
admin-transports-mobilite = permis, carte grise
admin-argent-impots = impôts, argent
admin-justice = justice
admin-etrangers-europe = titre de séjour, étrangers
admin-loisirs-sports-culture = loisirs, sport, culture
admin-associations = associations

help-appointment = Un rendez-vous avec un conseiller.
help-workshop = Un atelier en groupe.
help-self-service = Vous pouvez essayer sans aide, sur un ordinateur en libre accès. Pour savoir où, choisissez « Trouver un lieu d'aide près de moi ».
help-aidants-connect = Une personne habilitée peut faire la démarche pour vous (Aidants Connect).
