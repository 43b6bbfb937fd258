# Booking in Français facile à lire et à comprendre.
motif-demarche = Faire un papier sur internet avec un conseiller
motif-demarche-before = Apportez vos papiers, vos mots de passe et votre téléphone.
motif-demarche-after = Apportez votre carte Vitale, vos papiers et votre téléphone.
motif-telephone = Apprendre à utiliser mon téléphone
motif-telephone-before = Venez avec votre téléphone. Il doit être chargé.
motif-telephone-after = Apportez votre téléphone. Il doit être chargé.
motif-appel = Parler au téléphone avec un conseiller
workshop-email-debutant = Apprendre les e-mails
workshop-smartphone-debutant = Apprendre à utiliser un téléphone
workshop-arnaques = Voir les arnaques sur internet
