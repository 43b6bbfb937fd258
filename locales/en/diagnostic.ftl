# "Faire le point sur mes besoins": the questionnaire and the result screen.
diag-title = What help do you need?
diag-result-title = Your needs
diag-progress = Question { $number } of { $count }
does-previous-question = previous question
diag-dont-know = I don't know

diag-equipement = Do you have a device to go online?
diag-equipement-smartphone = Yes, a mobile phone (smartphone)
diag-equipement-ordinateur = Yes, a computer or a tablet
diag-equipement-les-deux = Yes, a phone and a computer
diag-equipement-aucun = No, I have no device

diag-internet = Do you have internet at home?
diag-internet-oui = Yes
diag-internet-non = No

diag-motif = What brings you here today?
diag-motif-demarche = An online procedure (taxes, CAF, ameli, papers…)
diag-motif-email = My e-mails
diag-motif-smartphone = Using my phone
diag-motif-emploi = My CV or looking for a job
diag-motif-securite = Protecting myself from scams and my data
diag-motif-video = A video call or an online medical consultation
diag-motif-ecole = Following my children's schooling
diag-motif-achats = Buying or selling online

diag-demarche = Which procedure do you want to do?
diag-demarche-impots = My taxes (impots.gouv)
diag-demarche-caf = My benefits (CAF, MSA)
diag-demarche-sante = My health (ameli, carte Vitale)
diag-demarche-papiers = My ID card or passport
diag-demarche-vehicule = My driving licence or car registration
diag-demarche-emploi = France Travail (job centre)
diag-demarche-logement = My housing
diag-demarche-autre = Another procedure
# The démarche named in the result ("Faire une démarche en ligne : vos allocations (CAF, MSA)").
diag-demarche-impots-said = your taxes (impots.gouv)
diag-demarche-caf-said = your benefits (CAF, MSA)
diag-demarche-sante-said = your health (ameli, carte Vitale)
diag-demarche-papiers-said = your ID card or passport
diag-demarche-vehicule-said = your driving licence or car registration
diag-demarche-emploi-said = France Travail (job centre)
diag-demarche-logement-said = your housing

diag-connexion = Can you log in to the website (password, FranceConnect)?
diag-connexion-seul = Yes, on my own
diag-connexion-avec-aide = Yes, with help
diag-connexion-non = No

diag-urgence = Is it urgent? (a deadline soon)
diag-urgence-oui = Yes, it is urgent
diag-urgence-non = No, it is not urgent

diag-email = Do you have an e-mail address?
diag-email-creer = No, I would like to create one
diag-email-difficile = Yes, but I find it hard to use
diag-email-facile = Yes, I use it without trouble
diag-email-mot-de-passe = Yes, but I lost my password

diag-piece-jointe = Can you send a document by e-mail (an attachment, a photo of a paper)?
diag-piece-jointe-oui = Yes
diag-piece-jointe-non = No

diag-smartphone = What do you want to do with your phone?
diag-smartphone-bases = Learn the basics: calls, messages
diag-smartphone-applications = Install and use an app
diag-smartphone-photos = Manage my photos and documents
diag-smartphone-appels-video = Video calls with my family

diag-emploi = For work, what do you need?
diag-emploi-cv = Write or update my CV
diag-emploi-france-travail = Register or follow my France Travail file
diag-emploi-candidater = Find job offers and apply

diag-securite = What worries you?
diag-securite-message-bizarre = I received a strange text or e-mail
diag-securite-donnees = I want to protect my data and passwords
diag-securite-vol = Someone took money or my account

diag-souhait = What would you prefer?
diag-souhait-apprendre = Learn to do it myself
diag-souhait-avec-moi = Do it with someone beside me
diag-souhait-a-ma-place = Have someone do it for me

diag-result-needs = From your answers, you need help to:
diag-result-help = The help that suits you:
diag-result-urgent = It is urgent: say so right away to the person who helps you.
diag-need-admin-topic = Do a procedure online: { $topic }
diag-next-book = Book an appointment with an adviser
diag-next-workshops = See the workshops on this topic
diag-next-finish = Finish

need-diagnostic-numerique = Talk with an adviser about what you need
need-prendre-en-main-du-materiel = Learn to use a phone or a computer
need-maintenance-de-materiel = Look after or repair your device
need-gerer-ses-contenus-numeriques = Organise and send your documents and photos
need-navigation-sur-internet = Find and use websites
need-e-mail = Use your e-mails
need-bureautique = Write a document or a CV
need-reseaux-sociaux-communication = Keep in touch: messages, video calls
need-sante = Your health procedures
need-banque-et-achats-en-ligne = Pay, buy or sell online
need-accompagner-un-professionnel = Your professional activity
need-insertion-professionnelle = Find a job or a training course
need-prevention-en-securite-numerique = Protect yourself from online scams
need-parentalite = Help your children online
need-scolarite-et-numerique = Follow your children's schooling
need-creer-avec-le-numerique = Create with digital tools: photos, videos
need-culture-numerique = Understand the digital world
need-intelligence-artificielle = Understand artificial intelligence
need-aide-aux-demarches-administratives = Do your procedures online

admin-papiers-elections-citoyennete = ID papers, elections
admin-famille-scolarite = family, school
admin-social-sante = benefits, health
admin-travail-formation-entreprise = work, training
admin-logement = housing
admin-transports-mobilite = driving licence, car registration
admin-argent-impots = taxes, money
admin-justice = justice
admin-etrangers-europe = residence permit, foreigners
admin-loisirs-sports-culture = leisure, sport, culture
admin-associations = associations

help-appointment = An appointment with an adviser.
help-workshop = A group workshop.
help-self-service = You can try on your own, on a computer in free access. To see where, choose “Find a help place near me”.
help-aidants-connect = An authorised person can do the procedure for you (Aidants Connect).
