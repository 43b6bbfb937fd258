# Booking: motifs and workshops of the demo agenda, the booking flow, workshops, managing.
motif-demarche = Ajuda com um procedimento online
motif-demarche-bring = Traga os seus documentos, o cartão Vitale, os seus números (fiscal, da CAF…) e o seu telemóvel.
motif-telephone = Aprender a usar o meu telemóvel
motif-telephone-bring = Traga o seu telemóvel, carregado, e o seu código.
motif-securite = Proteger-me de burlas na internet
motif-securite-bring = Traga o seu telemóvel e as mensagens que o preocupam.
motif-appel = Marcação por telefone
workshop-email-debutant = Começar com o e-mail
workshop-smartphone-debutant = Primeiros passos com um smartphone
workshop-arnaques = Reconhecer as burlas na internet

menu-booking = Marcar uma consulta
booking-title = Marcar uma consulta
booking-done-title = A sua marcação
booking-choose-motif = Para que é a marcação?
booking-motif-line = { $label } ({ $minutes } min, { $place })
booking-on-site = aqui
booking-by-phone = por telefone
booking-choose-day = Escolha um dia:
booking-week-this = Esta semana
booking-week-next = Próxima semana
booking-week-of = Semana de { $day }
booking-day-slots = { $day } — { $count ->
    [one] { $count } horário livre
   *[other] { $count } horários livres
}
booking-choose-time = Escolha uma hora, { $day }:
booking-time-with = { $time } com { $name }
booking-slot-taken = Este horário acabou de ser ocupado. Eis os horários ainda livres.
booking-no-slots = Não há horários livres de momento. Ligue-nos para o { $phone }.
booking-elsewhere = { $name } também atende { $day } noutro local: { $place }.
booking-phone-needed = Para uma marcação por telefone, precisamos do seu número.
booking-reminder-question = Quer um lembrete (SMS ou e-mail) 2 dias antes?
booking-share-question = O conselheiro pode ver as suas respostas ao questionário? Ajuda-o a preparar-se.
booking-check = Verifique a sua marcação:
booking-confirm = Confirmar a marcação
booking-show-qr = Guardar a marcação no meu telemóvel (código QR)
booking-print = Imprimir o meu talão
booking-finish = Terminar
booking-printed = O seu talão foi impresso.
booking-printer-failed = A impressora não responde. Anote o seu código ou pergunte no balcão.
technical-problem = Um problema técnico impede-nos de continuar. Peça ajuda no balcão ou ligue para o { $phone }.
answer-yes = Sim
answer-no = Não
qr-go-back = Enter: voltar.
qr-scan = Aponte a câmara do telemóvel para este código. Enter: voltar.
qr-too-small = A janela é demasiado pequena para o código QR. Enter: voltar.
does-move-field = mudar de linha
does-next-field = linha seguinte

confirm-when = { $day } às { $time }.
confirm-when-with = { $day } às { $time }, com { $name }.
confirm-by-phone = O conselheiro vai ligar-lhe para o { $phone }.
confirm-place = Local: { $place }.
confirm-code = O seu código: { $code }
confirm-keep-code = Guarde este código para gerir a sua marcação.
reminder-text = Lembrete: { $when } { $place }. O seu código: { $code }.
ticket-phone = Para nos ligar: { $phone }

form-title = Os seus dados
form-title-on-behalf = Dados da pessoa
form-first-name = Nome próprio (obrigatório)
form-initial = Primeira letra do apelido (opcional)
form-phone = Telefone
form-phone-none = sem telefone
form-no-phone = Não tenho telefone
form-email = E-mail (opcional)
form-continue = Continuar
form-error-first-name = Escreva o seu nome próprio.
form-error-phone-missing = Escreva o seu número de telefone ou escolha "Não tenho telefone".
form-error-phone-incomplete = O número está incompleto: 10 algarismos, por exemplo 06 12 34 56 78.
form-error-phone-wrong = Este número não parece correto. Exemplo: 06 12 34 56 78.
form-error-email = Este endereço de e-mail não parece correto. Exemplo: maria.silva@laposte.net

menu-workshops = Oficinas
workshops-title = Oficinas
workshop-done-title = A sua inscrição
workshops-choose = Próximas oficinas:
workshops-for = Oficinas sobre: { $themes }
workshops-see-all = Ver todas as oficinas
workshops-none = Não há nenhuma oficina prevista de momento. Pergunte-nos pelo { $phone }.
workshop-line = { $day }, { $time } — { $title } ({ $level }) — { $seats }
workshop-seats-left = { $left ->
    [one] resta { $left } lugar de { $seats }
   *[other] restam { $left } lugares de { $seats }
}
workshop-full = Completa
workshop-full-notice = Esta oficina está completa. Escolha outra.
level-debutant = Iniciante
level-intermediaire = Intermédio
level-avance = Avançado

menu-manage = Gerir a minha marcação
manage-title = Gerir a minha marcação
manage-intro = Escreva o código da marcação e depois os 2 últimos algarismos do seu telefone. Se não deu telefone, escreva o seu nome próprio.
manage-code = Código (6 caracteres)
manage-check = 2 últimos algarismos do telefone, ou nome próprio
manage-code-shape = O código tem 6 caracteres, por exemplo ABC 234.
manage-check-missing = Escreva os 2 últimos algarismos do seu telefone, ou o seu nome próprio.
manage-not-found = Não encontramos esta marcação. Verifique o código e os algarismos.
manage-elsewhere = Esta marcação foi feita noutro local: { $place }. Para a alterar ou cancelar, dirija-se a esse local.
manage-is-cancelled = Esta marcação foi anulada.
manage-another = Fazer outra marcação
manage-cancelled-by-service = Esta marcação foi anulada pelo local ({ $place }). Pedimos desculpa.
manage-was-on = Esta marcação foi { $day } às { $time }.
manage-too-late = A sua marcação é daqui a menos de 4 horas. Para a anular, ligue para o { $phone } ou fale com a receção.
manage-change-by-phone = Para mudar uma marcação a menos de 2 dias, ligue para o { $phone } ou fale com a receção.
manage-cancel = Anular esta marcação
manage-change = Mudar o dia ou a hora
manage-cancel-question = Quer mesmo anular esta marcação?
manage-cancel-yes = Sim, anular
manage-cancel-no = Não, manter a marcação
manage-cancelled = A sua marcação foi anulada.
manage-changed = A sua marcação foi alterada.
manage-now = A sua marcação atual: { $day } às { $time }.
manage-change-question = Quer mudar para esta nova marcação?
manage-change-yes = Sim, mudar
manage-change-no = Não, manter a marcação atual
form-said-letters-only = Aqui só contam as letras.
form-said-name-full = O nome próprio tem no máximo 40 letras: o resto não é guardado.
form-said-initial-letter = Aqui só uma letra: a primeira letra do apelido.
form-said-initial-one = Aqui só uma letra: a primeira letra do apelido.
form-said-digits-only = Aqui só contam os algarismos.
form-said-no-space = Um endereço de e-mail não tem espaços.
form-said-full = Este campo está cheio: o resto não é guardado.

## The network's database out of reach: what is said, and the callback request.
offline-title = A rede não responde
offline-told = O terminal não consegue aceder à agenda dos conselheiros neste momento: nada foi registado.
offline-call = Pode ligar para { $phone }, ou deixar o seu número: um conselheiro liga-lhe de volta.
offline-still = Sem rede, pode sempre ver de que ajuda precisa e encontrar um local de ajuda.
offline-callback = Pedir que um conselheiro me ligue
offline-home = Voltar ao início
callback-intro = Um conselheiro liga-lhe para este número:
callback-first-name = Nome próprio
callback-phone = Telefone
callback-about = Para quê (se quiser)
callback-send = Enviar o meu pedido
callback-sent = O seu pedido foi transmitido. Um conselheiro liga-lhe para { $phone }.
callback-kept = O seu pedido fica guardado neste terminal. Será enviado assim que a rede voltar. Um conselheiro liga-lhe para { $phone }.
callback-error-name = Escreva o seu nome próprio.
callback-error-phone = Escreva um número onde lhe ligar, por exemplo 06 12 34 56 78.
callback-failed = Não foi possível guardar o pedido. Ligue para { $phone }.
