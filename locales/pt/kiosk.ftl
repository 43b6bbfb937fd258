# The kiosk shell: the languages and display choices, the idle reset, the staff, dates.
display-large-text = Texto grande
display-high-contrast = Alto contraste
display-screen-reader = Modo leitor de ecrã
display-done = Voltar ao menu

idle-title = Ainda está aí?
idle-press-a-key = Carregue numa tecla para continuar.
idle-countdown = { $seconds ->
    [one] Caso contrário, volta à página inicial dentro de { $seconds } segundo.
   *[other] Caso contrário, volta à página inicial dentro de { $seconds } segundos.
}

home-confirm-title = Voltar à página inicial?
home-confirm-text = O que escreveu será apagado.
home-confirm-yes = Sim, voltar à página inicial
home-confirm-no = Não, ficar aqui

pin-title = Área do pessoal
pin-instructions = Escreva o código do pessoal e carregue em Enter. Esc para anular.
pin-label = Código:
pin-checking = A verificar…
pin-wrong = Código errado.
pin-wrong-wait = Código errado. Pode tentar de novo dentro de { $seconds } segundos.
pin-wait = Aguarde mais { $seconds } segundos antes de tentar de novo.
pin-unreachable = A rede não responde: o código de um conselheiro não pode ser verificado. Tente de novo dentro de momentos.
pin-who = Quem é? Escolha o seu nome e carregue em Enter.

staff-title = Pessoal
staff-quit = Sair do quiosque
staff-back = Voltar ao quiosque
staff-lieux-date = Dados de { $date }
staff-lieux-none = Sem dados de locais
staff-lieux-old = Os locais datam de { $date }, há { $days } dias: atualize-os (borne lieux update).
staff-network-none = Nenhum quiosque deu notícias ainda.
staff-network-silent = silencioso há { $minutes } min
staff-network-alive = a funcionar, último sinal há { $seconds } s
staff-network-kiosk = versão { $version }, iniciado { $started }, último ecrã { $frame } · impressora: { $printer } · voz: { $speech } · { $lieux } · pedidos de chamada em espera: { $callbacks }
staff-network-error = último erro: { $error }
staff-network-state = { $state ->
        [ok] a funcionar
        [failed] com falha
       *[none] nenhuma
    }

time-of-day = { $hour }:{ $minute }
too-small = Aumente a janela para usar o quiosque.

date-long = { $day } de { $month } de { $year }
date-day = { $weekday }, { $day } de { $month }
date-today = hoje, { $day }
date-tomorrow = amanhã, { $day }
weekday-1 = segunda-feira
weekday-2 = terça-feira
weekday-3 = quarta-feira
weekday-4 = quinta-feira
weekday-5 = sexta-feira
weekday-6 = sábado
weekday-7 = domingo
month-1 = janeiro
month-2 = fevereiro
month-3 = março
month-4 = abril
month-5 = maio
month-6 = junho
month-7 = julho
month-8 = agosto
month-9 = setembro
month-10 = outubro
month-11 = novembro
month-12 = dezembro
waiting-title = Um momento…
waiting-text = Estamos à espera da resposta. Pode esperar ou carregar em Esc.
back-confirm-title = Voltar atrás?
back-confirm-yes = Sim, voltar atrás
signout-confirm-title = Terminar a sessão?
signout-confirm-text = O quiosque volta à página inicial, para a pessoa seguinte.
signout-confirm-yes = Sim, terminar a sessão
