# The kiosk shell: welcome screen, keys, idle reset, staff access.
locale-name = Português

welcome-title = Bem-vindo
welcome-greeting = Ajudamos com os procedimentos online e a usar o computador ou o telemóvel. É gratuito.
welcome-menu-heading = O que deseja fazer?
# The welcome's menu: one choice per capability, drawn on the first frame from this file.
menu-diagnostic = Saber de que ajuda preciso
menu-booking = Marcar uma consulta
menu-lieux = Encontrar um local de ajuda perto de mim
menu-manage = Gerir a minha marcação
menu-workshops = Oficinas
menu-here = Estou aqui: marcação ou senha
menu-help-now = Quero ajuda agora
# The welcome choice that opens the languages and the display choices, and that screen's title.
welcome-settings = Língua e ecrã
# This language's word for "language": the welcome choice names it in every language offered.
language-word = Língua
display-large-text = Texto grande
display-high-contrast = Alto contraste
display-screen-reader = Modo leitor de ecrã
display-done = Voltar ao menu

page-of = Página { $page } de { $pages }

key-arrows = Setas
key-up-down = Setas ↑ ↓
key-left-right = Setas ← →
key-enter = Enter
# Between a key and what it does in the key bar.
key-colon = {": "}
key-digits = Números
key-pages = PgUp / PgDn
key-esc = Esc
key-home = Home
key-f2 = F2
key-f3 = F3
key-f4 = F4
key-f5 = F5
key-f12 = F12
does-move = mover
# In a text field: ← and → move the cursor among the letters typed.
does-move-in-text = mover-se no texto
does-choose = escolher
does-choose-number = escolher pelo número
does-turn-page = mudar de página
does-back = voltar
does-home = página inicial
does-finish = terminar (início)
does-large-text = texto grande
does-contrast = alto contraste
does-say-again = ler tudo em voz alta
does-screen-reader = modo leitor de ecrã
does-staff = pessoal

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
key-letters = Letras ou números
does-type-commune = escrever
does-move-suggestion = escolher uma localidade
waiting-title = Um momento…
waiting-text = Estamos à espera da resposta. Pode esperar ou carregar em Esc.
key-space = Espaço
does-tick = marcar ou desmarcar
key-any = Qualquer tecla
does-still-here = ainda estou aqui
does-stay = ficar aqui
does-type-code = escrever o código
key-backspace = Retrocesso
does-erase = apagar
does-validate = confirmar
does-cancel = cancelar
back-confirm-title = Voltar atrás?
back-confirm-yes = Sim, voltar atrás
signout-confirm-title = Terminar a sessão?
signout-confirm-text = O quiosque volta à página inicial, para a pessoa seguinte.
signout-confirm-yes = Sim, terminar a sessão
