//! The checkable rules of easy-to-read French (FALC: DISIC's *Référentiel pour une rédaction
//! en langage simplifié* and Inclusion Europe; domain.md §6), applied to what a message can
//! show: no semicolon, brackets or ellipsis, no abbreviation such as "RDV", no word in
//! capitals, no date in numbers, no percentage, no hard relative pronoun ("dont",
//! "lequel"…), and sentences of at most 15 words.
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// Words written in capitals that everyone reads as words (a sign at any job centre says
/// "CV"); no other word may be in capitals.
const EVERYDAY_CAPITALS: &[&str] = &["CV"];

/// Relative pronouns easy-to-read French avoids: a second sentence says it plainly.
const HARD_RELATIVES: &[&str] = &[
    "dont",
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
    "auquel",
    "duquel",
];

/// The second half of a French negative ("ne … pas", "n'… plus").
const NEGATIVE_ENDS: &[&str] = &[
    "pas", "plus", "jamais", "rien", "personne", "ni", "aucun", "aucune",
];

/// Whether the text says something in the negative ("Il n'y a pas d'heure libre"): easy-to-
/// read French says it positively where it can ("Toutes les heures sont prises").
pub(crate) fn negative(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        (w == "ne" || w.starts_with("n'") || w.starts_with("n’"))
            && words[i + 1..]
                .iter()
                .take(4)
                .any(|next| NEGATIVE_ENDS.contains(&next.as_str()))
    })
}

/// The longest sentence allowed, in words.
pub(crate) const MAX_WORDS: usize = 15;

/// Every text each message of a Fluent source can show: one per variant of its selectors.
/// A variable or a reference counts as one word ("X").
pub(crate) fn message_texts(source: &str) -> Vec<(String, Vec<String>)> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => m
                .value
                .as_ref()
                .map(|value| (m.id.name.to_string(), pattern_texts(value))),
            _ => None,
        })
        .collect()
}

fn pattern_texts(pattern: &Pattern<&str>) -> Vec<String> {
    let mut texts = vec![String::new()];
    for element in &pattern.elements {
        let parts = match element {
            PatternElement::TextElement { value } => vec![value.to_string()],
            PatternElement::Placeable { expression } => expression_texts(expression),
        };
        texts = texts
            .iter()
            .flat_map(|t| parts.iter().map(move |p| format!("{t}{p}")))
            .collect();
    }
    texts
}

fn expression_texts(expression: &Expression<&str>) -> Vec<String> {
    match expression {
        Expression::Select { variants, .. } => variants
            .iter()
            .flat_map(|v| pattern_texts(&v.value))
            .collect(),
        Expression::Inline(InlineExpression::StringLiteral { value }) => vec![value.to_string()],
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            expression_texts(expression)
        }
        Expression::Inline(_) => vec!["X".into()],
    }
}

/// What a text does against the rules, in words for the person who rewrites it.
pub(crate) fn breaches(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    if text.contains(';') {
        found.push("a semicolon".to_string());
    }
    if text.contains(['(', ')', '[', ']']) {
        found.push("brackets".into());
    }
    if text.contains('…') || text.contains("...") {
        found.push("an ellipsis".into());
    }
    if text.contains('%') {
        found.push("a percentage".into());
    }
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '/') {
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        let lower = word.to_lowercase();
        if HARD_RELATIVES.contains(&lower.as_str()) {
            found.push(format!("a hard relative pronoun: {word}"));
        }
        if word.eq_ignore_ascii_case("rdv") {
            found.push("an abbreviation: RDV".into());
        } else if letters.len() >= 2
            && letters.iter().all(|c| c.is_uppercase())
            && word != "X"
            && !EVERYDAY_CAPITALS.contains(&word)
        {
            found.push(format!("a word in capitals: {word}"));
        }
        let parts: Vec<&str> = word.split('/').collect();
        if parts.len() >= 2
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        {
            found.push(format!("a date in numbers: {word}"));
        }
    }
    for sentence in text.split(['.', '!', '?', '\n']) {
        let words = sentence
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if words > MAX_WORDS {
            found.push(format!(
                "a sentence of {words} words (at most {MAX_WORDS}): {:?}",
                sentence.trim()
            ));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_negative_is_seen_and_a_positive_is_not() {
        assert!(negative("Il n'y a pas d'heure libre."));
        assert!(negative("Ce cours n'a plus de place."));
        assert!(negative("L'imprimante ne marche pas."));
        assert!(!negative("Toutes les heures sont prises."));
        assert!(negative("Ne partez pas sans votre code."));
        // "pas" far from any "ne" is not a negative ("un pas de plus").
        assert!(!negative("Faites un pas de plus."));
    }

    #[test]
    fn each_rule_is_seen() {
        assert!(breaches("Votre prénom. Vous pouvez le changer.").is_empty());
        for (text, said) in [
            ("Votre prénom (obligatoire)", "brackets"),
            ("Choisissez ; puis validez", "a semicolon"),
            ("Un instant…", "an ellipsis"),
            ("Un instant...", "an ellipsis"),
            ("Votre RDV", "an abbreviation: RDV"),
            ("Votre rdv", "an abbreviation: RDV"),
            ("ATTENTION à vous", "a word in capitals: ATTENTION"),
            ("Le 03/03/2026", "a date in numbers: 03/03/2026"),
            ("Le 3/3", "a date in numbers: 3/3"),
            ("50 % des places", "a percentage"),
        ] {
            assert!(
                breaches(text).iter().any(|b| b == said),
                "{text:?}: {:?}",
                breaches(text)
            );
        }
        let long = "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize";
        assert!(breaches(long)[0].starts_with("a sentence of 16 words"));
        assert!(breaches(&long.replace(" seize", ". Seize")).is_empty());
    }

    #[test]
    fn every_variant_of_a_message_is_a_text_and_a_variable_is_a_word() {
        let texts = message_texts(
            "m = Il reste { $n ->\n    [one] une place\n   *[other] { $n } places\n} pour { $day }.\n",
        );
        assert_eq!(
            texts,
            [(
                "m".to_string(),
                vec![
                    "Il reste une place pour X.".to_string(),
                    "Il reste X places pour X.".to_string()
                ]
            )]
        );
    }
}
