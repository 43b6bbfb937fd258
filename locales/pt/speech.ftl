# What the kiosk says aloud and does not show (app::speech): states in words, where the
# person is, how to use the kiosk without seeing it.
said-checked = marcado
said-unavailable = não é possível agora
said-unchecked = não marcado
said-chosen = escolhido
said-not-chosen = não escolhido
said-question-of = Pergunta { $number } de { $count }
said-step-of = Etapa { $number } de { $count }
pin-said-typed = { $n ->
    [0] Nenhum algarismo digitado
    [one] { $n } algarismo digitado
   *[other] { $n } algarismos digitados
}
said-how-to-use = Para usar o terminal sem ver o ecrã: as setas para cima e para baixo passam de uma escolha para outra, e o terminal diz cada escolha. Enter escolhe. Esc volta atrás. Os números escolhem pelo número. F4 repete todo o ecrã. F1 repete estas explicações.
said-repeat-code = Para ouvir o código outra vez, carregue em 0.
said-suggestion-of = sugestão { $number } de { $count }
said-suggestions = { $count ->
    [one] { $count } localidade encontrada: { $first }. Seta para baixo para a escolher.
   *[other] { $count } localidades encontradas, a primeira: { $first }. Seta para baixo para as ouvir.
}
time-said = { $minute ->
    [0] { $hour ->
        [0] meia-noite
        [12] meio-dia
        [1] 1 hora
       *[other] { $hour } horas
    }
   *[other] { $hour } e { $minute }
}
key-f1 = F1
does-how-to-use = como usar o terminal
key-zero = 0
does-repeat-code = repetir o código
booking-show-in-words = Rever em frases o código, o dia, a hora e o local
lieux-show-in-words = Rever em frases o nome, a morada e o telefone
qr-in-words = Em vez do código QR, eis o que deve guardar:
