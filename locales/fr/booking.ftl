# Booking: motifs and workshops of the demo agenda (kiosk-config/agenda.toml), the booking
# flow, workshops and "Gérer mon rendez-vous".
motif-demarche = Aide pour une démarche en ligne
motif-demarche-before = Apportez vos identifiants (numéro fiscal, numéro d'allocataire…), vos papiers et votre téléphone.
motif-demarche-after = Apportez votre carte Vitale, vos papiers et votre téléphone.
motif-telephone = Apprendre à utiliser mon téléphone
motif-telephone-before = Venez avec votre téléphone chargé et votre code.
motif-telephone-after = Apportez votre téléphone chargé et son code.
motif-appel = Rendez-vous par téléphone
workshop-email-debutant = Bien démarrer avec les e-mails
workshop-smartphone-debutant = Premiers pas avec son smartphone
workshop-arnaques = Reconnaître les arnaques sur internet
