# "Faire le point sur mes besoins": the questionnaire and the result screen.
diag-title = De que ajuda precisa?
diag-result-title = As suas necessidades
diag-progress = Pergunta { $number } de { $count }
does-previous-question = pergunta anterior
diag-dont-know = Não sei

diag-equipement = Tem um aparelho para ir à internet?
diag-equipement-smartphone = Sim, um telemóvel (smartphone)
diag-equipement-ordinateur = Sim, um computador ou um tablet
diag-equipement-les-deux = Sim, um telemóvel e um computador
diag-equipement-aucun = Não, não tenho nenhum aparelho

diag-internet = Tem internet em casa?
diag-internet-oui = Sim
diag-internet-non = Não

diag-motif = O que o traz aqui hoje?
diag-motif-demarche = Um procedimento online (impostos, CAF, ameli, documentos…)
diag-motif-email = Os meus e-mails
diag-motif-smartphone = Usar o meu telemóvel
diag-motif-emploi = O meu CV ou procurar trabalho
diag-motif-securite = Proteger-me das burlas e proteger os meus dados
diag-motif-video = Uma videochamada ou uma consulta médica online
diag-motif-ecole = Acompanhar a escolaridade dos meus filhos
diag-motif-achats = Comprar ou vender na internet

diag-demarche = Que procedimento quer fazer?
diag-demarche-impots = Os meus impostos (impots.gouv)
diag-demarche-caf = As minhas prestações sociais (CAF, MSA)
diag-demarche-sante = A minha saúde (ameli, cartão Vitale)
diag-demarche-papiers = O meu cartão de identidade ou passaporte
diag-demarche-vehicule = A minha carta de condução ou o documento do carro
diag-demarche-emploi = France Travail (centro de emprego)
diag-demarche-logement = A minha habitação
diag-demarche-autre = Outro procedimento
# The démarche named in the result ("Faire une démarche en ligne : vos allocations (CAF, MSA)").
diag-demarche-impots-said = os seus impostos (impots.gouv)
diag-demarche-caf-said = as suas prestações sociais (CAF, MSA)
diag-demarche-sante-said = a sua saúde (ameli, cartão Vitale)
diag-demarche-papiers-said = o seu cartão de identidade ou passaporte
diag-demarche-vehicule-said = a sua carta de condução ou o documento do carro
diag-demarche-emploi-said = France Travail (centro de emprego)
diag-demarche-logement-said = a sua habitação

diag-connexion = Consegue entrar no site (palavra-passe, FranceConnect)?
diag-connexion-seul = Sim, sem ajuda
diag-connexion-avec-aide = Sim, com ajuda
diag-connexion-non = Não

diag-urgence = É urgente? (um prazo próximo)
diag-urgence-oui = Sim, é urgente
diag-urgence-non = Não, não é urgente

diag-email = Tem um endereço de e-mail?
diag-email-creer = Não, gostaria de criar um
diag-email-difficile = Sim, mas tenho dificuldade em usá-lo
diag-email-facile = Sim, uso-o sem problemas
diag-email-mot-de-passe = Sim, mas perdi a palavra-passe

diag-piece-jointe = Consegue enviar um documento por e-mail (um anexo, a foto de um papel)?
diag-piece-jointe-oui = Sim
diag-piece-jointe-non = Não

diag-smartphone = O que quer fazer com o seu telemóvel?
diag-smartphone-bases = Aprender o básico: chamadas, mensagens
diag-smartphone-applications = Instalar e usar uma aplicação
diag-smartphone-photos = Organizar as minhas fotos e documentos
diag-smartphone-appels-video = Videochamadas com a minha família

diag-emploi = Para o trabalho, de que precisa?
diag-emploi-cv = Escrever ou atualizar o meu CV
diag-emploi-france-travail = Inscrever-me ou acompanhar o meu processo na France Travail
diag-emploi-candidater = Encontrar ofertas de emprego e candidatar-me

diag-securite = O que o preocupa?
diag-securite-message-bizarre = Recebi um SMS ou um e-mail estranho
diag-securite-donnees = Quero proteger os meus dados e palavras-passe
diag-securite-vol = Tiraram-me dinheiro ou a minha conta

diag-souhait = O que prefere?
diag-souhait-apprendre = Aprender a fazer sozinho
diag-souhait-avec-moi = Fazer com alguém ao meu lado
diag-souhait-a-ma-place = Que alguém o faça por mim

diag-result-needs = Pelas suas respostas, precisa de ajuda para:
diag-result-help = A ajuda que lhe convém:
diag-result-urgent = É urgente: diga-o logo à pessoa que o ajuda.
diag-need-admin-topic = Fazer um procedimento online: { $topic }
diag-next-book = Marcar uma consulta com um conselheiro
diag-next-workshops = Ver as oficinas sobre este tema
diag-next-finish = Terminar

need-diagnostic-numerique = Falar com um conselheiro sobre aquilo de que precisa
need-prendre-en-main-du-materiel = Aprender a usar um telemóvel ou um computador
need-maintenance-de-materiel = Cuidar do seu aparelho ou repará-lo
need-gerer-ses-contenus-numeriques = Organizar e enviar os seus documentos e fotos
need-navigation-sur-internet = Encontrar e usar sites
need-e-mail = Usar os seus e-mails
need-bureautique = Escrever um documento ou um CV
need-reseaux-sociaux-communication = Manter o contacto: mensagens, videochamadas
need-sante = Os seus procedimentos de saúde
need-banque-et-achats-en-ligne = Pagar, comprar ou vender online
need-accompagner-un-professionnel = A sua atividade profissional
need-insertion-professionnelle = Encontrar um emprego ou uma formação
need-prevention-en-securite-numerique = Proteger-se das burlas na internet
need-parentalite = Ajudar os seus filhos na internet
need-scolarite-et-numerique = Acompanhar a escolaridade dos seus filhos
need-creer-avec-le-numerique = Criar com ferramentas digitais: fotos, vídeos
need-culture-numerique = Compreender o mundo digital
need-intelligence-artificielle = Compreender a inteligência artificial
need-aide-aux-demarches-administratives = Fazer os seus procedimentos online

admin-papiers-elections-citoyennete = documentos de identidade, eleições
admin-famille-scolarite = família, escola
admin-social-sante = prestações sociais, saúde
admin-travail-formation-entreprise = trabalho, formação
admin-logement = habitação
admin-transports-mobilite = carta de condução, documento do carro
admin-argent-impots = impostos, dinheiro
admin-justice = justiça
admin-etrangers-europe = autorização de residência, estrangeiros
admin-loisirs-sports-culture = lazer, desporto, cultura
admin-associations = associações

help-appointment = Uma consulta com um conselheiro.
help-workshop = Uma oficina em grupo.
help-self-service = Pode tentar sem ajuda, num computador de acesso livre. Para saber onde, escolha «Encontrar um local de ajuda perto de mim».
help-aidants-connect = Uma pessoa autorizada pode fazer o procedimento por si (Aidants Connect).
