//! French typography the messages cannot spell out alone: "de" before a place name ("d'Embrun",
//! "du Mans", "des Mées", "de Gap"), and thousands apart ("8 757").

/// "de" joined to a place name as French writes it.
pub(crate) fn de(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("Le ") {
        return format!("du {rest}");
    }
    if let Some(rest) = name.strip_prefix("Les ") {
        return format!("des {rest}");
    }
    // Before a vowel, "de" is elided; before "h" it depends on the word ("d'Hyères" but "de
    // Haguenau"), so it stays whole.
    let vowel = name.chars().next().is_some_and(|c| {
        matches!(
            c,
            'A' | 'E' | 'I' | 'O' | 'U' | 'Y' | 'É' | 'È' | 'Ê' | 'Â' | 'Î' | 'Ô' | 'Œ'
        )
    });
    if vowel {
        format!("d'{name}")
    } else {
        format!("de {name}")
    }
}

/// A whole number with its thousands apart, by `separator` ("8 757" with a no-break space in
/// French, "8,757" in English).
pub(crate) fn grouped(n: i64, separator: char) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn de_elides_and_contracts_as_french_does() {
        assert_eq!(de("Embrun"), "d'Embrun");
        assert_eq!(de("Ajaccio"), "d'Ajaccio");
        assert_eq!(de("Évreux"), "d'Évreux");
        assert_eq!(de("Gap"), "de Gap");
        assert_eq!(de("Le Mans"), "du Mans");
        assert_eq!(de("Les Mées"), "des Mées");
        assert_eq!(de("La Ciotat"), "de La Ciotat");
        assert_eq!(de("L'Argentière-la-Bessée"), "de L'Argentière-la-Bessée");
        assert_eq!(de("Haguenau"), "de Haguenau");
    }

    #[test]
    fn thousands_apart() {
        assert_eq!(grouped(8757, '\u{a0}'), "8\u{a0}757");
        assert_eq!(grouped(999, ','), "999");
        assert_eq!(grouped(1_234_567, ','), "1,234,567");
        assert_eq!(grouped(-1000, ','), "-1,000");
        assert_eq!(grouped(0, ','), "0");
    }
}
