# Booking: motifs and workshops of the demo agenda, the booking flow, workshops, managing.
motif-demarche = Help with an online procedure
motif-demarche-before = Bring your log-ins (tax number, benefits number…), your papers and your phone.
motif-demarche-after = Bring your carte Vitale, your papers and your phone.
motif-telephone = Learn to use my phone
motif-telephone-before = Come with your phone charged and its code.
motif-telephone-after = Bring your phone, charged, and its code.
motif-appel = Appointment by phone
workshop-email-debutant = Getting started with e-mail
workshop-smartphone-debutant = First steps with a smartphone
workshop-arnaques = Spotting online scams
