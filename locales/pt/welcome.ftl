# The welcome, its menu and the key bar: the words of the first frame, read before anything
# else (see WELCOME_FILES in src/i18n/mod.rs).
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
key-letters = Letras ou números
does-type-commune = escrever
does-move-suggestion = escolher uma localidade
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
