# Counsellor mode (staff only).
counsellor-workshop-event = Oficina: { $title }
counsellor-title = Área do conselheiro
counsellor-signed-in = Sessão iniciada: { $name }
counsellor-today = Agenda de hoje
counsellor-week = Agenda da semana
counsellor-shown-day = { $day }
counsellor-shown-week = De { $from } a { $to }
counsellor-previous-day = Dia anterior
counsellor-next-day = Dia seguinte
counsellor-previous-week = Semana anterior
counsellor-next-week = Semana seguinte
counsellor-go-to-date = Ir para uma data
counsellor-date-question = Que data? (dia/mês, ou dia/mês/ano)
counsellor-go-to-date-ok = Mostrar esta data
counsellor-date-invalid = Isto não é uma data: escreva por exemplo 17/03 ou 17/03/2026.
key-left-right = ← →
does-other-day = dia anterior ou seguinte
does-other-week = semana anterior ou seguinte
counsellor-book = Marcar para alguém
counsellor-walk-in = Relatório sem marcação
counsellor-stats = Estatísticas
counsellor-sign-out = Terminar sessão
counsellor-back = Voltar
counsellor-nothing = Nada previsto neste período.
counsellor-workshop-line = { $day } { $time } — Oficina { $title } — { $taken }/{ $seats } inscritos
counsellor-mark-present = Marcar presente
counsellor-mark-absent = Marcar ausente
counsellor-cancel = Anular (pelo serviço)
counsellor-report = Relatório de atividade
counsellor-report-edit = Relatório de atividade (já registado: alterá-lo)
counsellor-status-saved = Estado guardado.
counsellor-cancel-reason = Motivo (visto só pelo pessoal):
counsellor-cancel-confirm = Confirmar a anulação
counsellor-cancel-message = { $place }: a sua marcação de { $day } às { $time } foi anulada. Ligue para o { $phone } para marcar outra.
counsellor-diagnostic = Respostas ao questionário (partilhadas pela pessoa):
counsellor-no-diagnostic = Nenhum questionário partilhado.
workshop-waitlist-heading = Lista de espera: { $count }
workshop-waitlist-told = avisado de um lugar livre por mensagem
counsellor-diag-profile = Perfil: { $profile }
counsellor-diag-needs = Necessidades: { $needs }
counsellor-diag-admin = Procedimentos: { $admin }
counsellor-diag-named = Procedimento indicado pela pessoa: «{ $named }»
counsellor-diag-equipment = Equipamento: { $equipment }
counsellor-diag-help = Orientação proposta: { $help }
counsellor-diag-aidants-connect = Aidants Connect possível: { $category }
counsellor-diag-urgent = Urgente: o procedimento não pode esperar.
counsellor-help-appointment = marcação individual
counsellor-help-workshop = workshop em grupo
counsellor-help-self-service = sozinho (computador de acesso livre)
counsellor-help-aidants-connect = feito em seu nome (Aidants Connect)
counsellor-speaks = { $tag ->
    [uk] fala ucraniano
    [en] fala inglês
    [pt] fala português
    [fr-x-falc] lê francês fácil
   *[other] língua: { $tag }
}
counsellor-failed = A base de dados não responde.
does-change = mudar
report-title = Relatório de atividade
report-kind = Tipo
report-duration = Duração
report-place = Local
report-autonomy = Autonomia
report-equipment = Equipamento
report-themes = Temas
report-administrative = Temas administrativos
report-redirection = Encaminhamento
report-gender = Género
report-age = Faixa etária
report-status = Situação
report-notes = Notas
report-save = Guardar o relatório
report-none = —
report-not-said = Não indicado
report-place-here = { $place } (local de atividade)
coop-age-moins-12 = Menos de 12 anos
coop-age-12-18 = 12 a 17 anos
coop-age-18-24 = 18 a 24 anos
coop-age-25-39 = 25 a 39 anos
coop-age-40-59 = 40 a 59 anos
coop-age-60-69 = 60 a 69 anos
coop-age-70-plus = 70 anos ou mais
coop-age-non-communique = Não indicado
report-list-done = Feito
report-no-theme = Escolha pelo menos um tema.
report-admin-needs-theme = Os temas administrativos exigem "Aide aux démarches administratives".
report-no-duration = Indique a duração.
report-saved = Relatório guardado.
counsellor-header = {" "}{ $place } · Área do conselheiro: { $name }
counsellor-workshops = Oficinas
does-save = guardar
workshop-admin-title = Oficinas
workshop-admin-cancelled = anulada
workshop-admin-new = Acrescentar uma sessão
workshop-admin-registrants = Inscritos e presenças
workshop-registrants-count = { $taken }/{ $seats } inscritos
workshop-admin-seats = Número de lugares
workshop-admin-date = Mudar a data e a hora
workshop-admin-date-format = Data e hora (DD/MM/AAAA HH:MM)
workshop-admin-cancel = Anular esta oficina
workshop-admin-cancel-question = Anular esta oficina?
workshop-admin-cancel-nobody = Ninguém está inscrito.
workshop-admin-cancel-all-told = { $count ->
    [one] A pessoa inscrita será avisada por mensagem.
   *[other] Os { $count } inscritos serão avisados por mensagem.
}
workshop-admin-cancel-not-told = { $count ->
    [one] 1 inscrito não tem telefone nem e-mail: não será avisado. Avise-o você mesmo:
   *[other] { $count } inscritos não têm telefone nem e-mail: não serão avisados. Avise-os você mesmo:
}
workshop-admin-cancel-no-gateway = Nenhuma mensagem sai deste terminal (sem serviço de SMS ou e-mail): { $count ->
    [one] a pessoa inscrita não será avisada. Avise-a você mesmo:
   *[other] os { $count } inscritos não serão avisados. Avise-os você mesmo:
}
workshop-admin-cancel-message = { $place }: a oficina de { $day } às { $time } foi anulada. Ligue para o { $phone } para se inscrever noutra.
workshop-admin-saved = Guardado.
workshop-admin-seats-invalid = Um número de lugares, pelo menos o dos inscritos.
workshop-admin-date-invalid = Uma data futura, por exemplo 04/03/2026 14:00.
workshop-admin-date-closed = O local está fechado nesse dia. Escolha outro dia.
workshop-admin-date-taken = Outra sessão ocupa a sala a essa hora. Escolha outra hora.
workshop-admin-which = Que oficina?
report-date-field = Data (DD/MM/AAAA)
report-date-invalid = Escreva a data como DD/MM/AAAA, por exemplo 03/03/2026.
report-booking = Marcação { $code }
counsellor-told = { $count ->
    [one] A pessoa foi avisada por mensagem.
   *[other] { $count } pessoas foram avisadas por mensagem.
}
counsellor-to-tell = { $count ->
    [one] 1 pessoa não pôde ser avisada por mensagem: avise-a pessoalmente.
   *[other] { $count } pessoas não puderam ser avisadas por mensagem: avise-as pessoalmente.
}
counsellor-tell-at = { $name }: { $contact }
counsellor-tell-no-contact = { $name } não deu telefone nem e-mail: avise-a de outra forma.
counsellor-done-cancelled = Marcação anulada.
counsellor-status-refused-cancelled = Esta marcação está anulada: o seu estado já não pode mudar.
counsellor-status-refused-early = Cedo demais: a presença regista-se 15 min antes (oficina: no próprio dia).
counsellor-not-before = { $action } — a partir de { $when }
counsellor-report-not-yet = O relatório escreve-se depois de a marcação começar.
counsellor-attendance-question = Presença de { $name }:
workshop-admin-move-message = { $place }: a oficina de { $before } passa para { $day } às { $time }. Dúvidas: { $phone }.
workshop-admin-done-cancelled = Oficina anulada.
report-future-date = O relatório escreve-se depois da sessão: a data não pode ser futura.
report-no-equipment-exclusive = “Sem equipamento” não pode ir com outro equipamento.
report-refused-absent = A pessoa foi marcada ausente: não há relatório para esta marcação.
report-refused-cancelled = Esta marcação está anulada: não há relatório.
counsellor-report-exists = Já há um relatório guardado para esta marcação.

# Statistics (the screen, `borne stats`, `borne booking list`)
stats-total = Período inteiro
stats-weeks = Por semana
stats-months = Por mês
stats-range = De { $from } a { $to }
stats-week = Semana de { $day }
stats-month = { $month } de { $year }
stats-bookings = Marcações
stats-attendance = Presentes { $present } · ausentes { $absent } (ausência { $rate }) · canceladas { $cancelled }
stats-activity = Oficinas { $registered }/{ $seats } ({ $rate }) · diagnósticos { $diagnostics } · acompanhamentos { $accompaniments }
stats-needs = Necessidades (diagnósticos anónimos)
stats-themes = Acompanhamentos por tema
stats-summary = { $period }: { $bookings } marcações (presentes { $present }, ausentes { $absent }, canceladas { $cancelled }), { $registered } inscrições em oficinas para { $seats } lugares

# Where an appointment stands, and what it is for (the counsellor's agenda)
status-upcoming = por vir
status-to-mark = presença por registar
counsellor-elsewhere = local: { $place }
status-present = presente
status-absent = ausente
status-cancelled-by-citizen = cancelada pela pessoa
status-cancelled-by-service = cancelada pelo serviço
counsellor-booking-what = { $motif } — código { $code }
person-no-first-name = (sem nome próprio)
