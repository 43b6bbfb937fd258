# "Je suis là": a fila do ponto de ajuda.

here-title = Estou aqui
here-question = Tem uma marcação para hoje?
here-appointment = Tenho uma marcação e já cheguei
here-help-now = Não tenho marcação: quero ajuda agora
here-leave = Já tenho uma senha e vou-me embora

check-in-title = Já cheguei
check-in-intro = Escreva o código da sua marcação e depois os 2 últimos algarismos do seu telefone. Se não deu telefone, escreva o seu nome próprio.
check-in-done = A sua chegada está registada. Sente-se, { $counsellor } vai chamá-lo(a) em breve.
check-in-done-anyone = A sua chegada está registada. Sente-se, um conselheiro vai chamá-lo(a) em breve.
check-in-cancelled = Esta marcação foi cancelada.
check-in-too-early = A sua marcação é às { $time }. Pode registar a chegada a partir das { $opens }.
check-in-past = A hora da sua marcação já passou: era { $day } às { $time }.
check-in-another-day = A sua marcação é { $day } às { $time }. Não é hoje.
check-in-offer-queue = Se quiser, pode esperar por um conselheiro sem marcação.

help-now-title = Ajuda agora
help-now-what-for = Precisa de ajuda com quê?
help-now-leave = Já tenho uma senha e vou-me embora
help-now-name = O seu nome próprio, se quiser
help-now-name-why = Só o seu número aparece no ecrã de chamada, nunca o seu nome.
help-now-take = Tirar a minha senha
help-now-nobody-today = Hoje nenhum conselheiro atende sem marcação. Pode marcar para outro dia.
help-now-book = Marcar
help-now-full = Todas as senhas de hoje foram dadas. Pergunte na receção.

queue-your-number = O seu número: { $ticket }
queue-ahead = { $count ->
    [0] É a próxima pessoa.
    [one] Há 1 pessoa antes de si.
   *[other] Há { $count } pessoas antes de si.
}
queue-wait = { $low ->
    [0] Espera estimada: menos de { $high } minutos.
   *[other] Espera estimada: de { $low } a { $high } minutos.
}
queue-watch-screen = Quando o seu número aparecer no ecrã de chamada, vá ao balcão indicado.
queue-printed = A sua senha foi impressa: leve-a.
queue-not-printed = Anote este número ou fixe-o.
queue-leave-now = Vou-me embora
queue-finish = Terminar

leave-title = Vou-me embora
leave-intro = Escreva o número da sua senha, por exemplo A-012.
leave-number = Número da senha
leave-confirm = Vou-me embora
leave-shape = Um número de senha é como A-012.
leave-not-found = Não encontramos esta senha hoje. Verifique o número.
leave-settled = Esta senha já não está na fila.
leave-done = A senha { $ticket } foi cancelada. Obrigado por avisar, até logo.

queue-ticket-title = Senha de espera
queue-ticket-taken = Tirada { $day } às { $time }

display-title = Chamada
display-calls = { $ticket } → { $desk }
display-desk-none = Balcão de { $name }
display-last-calls = Últimas chamadas
display-waiting = { $count ->
    [0] Ninguém está à espera.
    [one] 1 pessoa à espera.
   *[other] { $count } pessoas à espera.
}
display-nobody-called = Os números chamados aparecem aqui.
display-said-call = Senha { $ticket }, dirija-se a { $desk }.

counsellor-queue = Fila de espera
counsellor-queue-title = Fila de espera
counsellor-queue-loading = A carregar a fila…
counsellor-queue-count = { $count ->
    [0] Ninguém está à espera.
    [one] 1 pessoa à espera.
   *[other] { $count } pessoas à espera.
}
counsellor-queue-waiting-for = à espera há { $minutes } min
counsellor-queue-appointment = marcação às { $time } com { $counsellor }
counsellor-queue-call-next = Chamar a pessoa seguinte
counsellor-queue-refresh = Atualizar a lista
counsellor-queue-calling = Está a chamar { $ticket } para { $desk }. { $calls ->
    [1] {""}
   *[other] ({ $calls } chamadas)
}
counsellor-queue-served-choice = Atendido
counsellor-queue-call-again = Chamar outra vez
counsellor-queue-absent = Ausente (chamado sem resposta)
counsellor-queue-redirected = Encaminhado
counsellor-queue-served = { $ticket } está a ser atendido.
counsellor-queue-marked-present = A marcação está marcada como presente.
counsellor-queue-report = Fazer o relatório de atividade
counsellor-queue-back = Voltar à fila de espera
counsellor-queue-nobody = Ninguém está à sua espera.
counsellor-queue-taken = Outro conselheiro chamou esta pessoa.
counsellor-queue-not-yours = É a marcação de outro conselheiro.
counsellor-queue-gone = Esta senha já não está na fila.
counsellor-queue-stats-title = Fila de espera, por dia
counsellor-queue-stats-day = { $day }: { $helped } ajudadas sem marcação, espera mediana { $median } min, 90% abaixo de { $p90 } min
