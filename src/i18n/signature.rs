//! The shape of each message (its id and the variables it uses), to check that every locale
//! translates every message the reference locale has, with the same variables.
use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{
    CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement,
};

/// Message id → the variables its value and attributes use.
pub(crate) type Signatures = BTreeMap<String, BTreeSet<String>>;

/// The signatures of the messages in a Fluent source (junk is ignored: parsing reports it).
pub(crate) fn signatures(source: &str) -> Signatures {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut out = Signatures::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let mut vars = BTreeSet::new();
            if let Some(value) = &message.value {
                pattern_vars(value, &mut vars);
            }
            for attribute in &message.attributes {
                pattern_vars(&attribute.value, &mut vars);
            }
            out.insert(message.id.name.to_string(), vars);
        }
    }
    out
}

fn pattern_vars(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => arguments_vars(arguments, vars),
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => arguments_vars(arguments, vars),
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

fn arguments_vars(arguments: &CallArguments<&str>, vars: &mut BTreeSet<String>) {
    for positional in &arguments.positional {
        inline_vars(positional, vars);
    }
    for named in &arguments.named {
        inline_vars(&named.value, vars);
    }
}

/// What a message refers to: other messages and terms, by name; and the string literals it
/// writes (`{ "…" }`), as written, escapes and all.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct References {
    pub messages: BTreeSet<String>,
    pub terms: BTreeSet<String>,
    pub strings: Vec<String>,
}

/// Each message's (and term's, as `-name`) references, and the terms a source defines.
pub(crate) fn references(source: &str) -> (BTreeMap<String, References>, BTreeSet<String>) {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut out = BTreeMap::new();
    let mut terms = BTreeSet::new();
    for entry in resource.body {
        let (name, patterns): (String, Vec<&Pattern<&str>>) = match &entry {
            Entry::Message(m) => (
                m.id.name.to_string(),
                m.value
                    .iter()
                    .chain(m.attributes.iter().map(|a| &a.value))
                    .collect(),
            ),
            Entry::Term(t) => {
                terms.insert(t.id.name.to_string());
                (
                    format!("-{}", t.id.name),
                    std::iter::once(&t.value)
                        .chain(t.attributes.iter().map(|a| &a.value))
                        .collect(),
                )
            }
            _ => continue,
        };
        let mut refs = References::default();
        for pattern in patterns {
            pattern_refs(pattern, &mut refs);
        }
        out.insert(name, refs);
    }
    (out, terms)
}

fn pattern_refs(pattern: &Pattern<&str>, refs: &mut References) {
    // Walked with a stack of our own: nesting is bounded before parsing, but a walk that
    // cannot overflow needs no such promise.
    let mut expressions: Vec<&Expression<&str>> = pattern
        .elements
        .iter()
        .filter_map(|e| match e {
            PatternElement::Placeable { expression } => Some(expression),
            _ => None,
        })
        .collect();
    let mut inlines: Vec<&InlineExpression<&str>> = Vec::new();
    loop {
        if let Some(expression) = expressions.pop() {
            match expression {
                Expression::Select { selector, variants } => {
                    inlines.push(selector);
                    for variant in variants {
                        for element in &variant.value.elements {
                            if let PatternElement::Placeable { expression } = element {
                                expressions.push(expression);
                            }
                        }
                    }
                }
                Expression::Inline(inline) => inlines.push(inline),
            }
        } else if let Some(inline) = inlines.pop() {
            match inline {
                InlineExpression::MessageReference { id, .. } => {
                    refs.messages.insert(id.name.to_string());
                }
                InlineExpression::TermReference { id, arguments, .. } => {
                    refs.terms.insert(id.name.to_string());
                    if let Some(arguments) = arguments {
                        inlines.extend(arguments.positional.iter());
                        inlines.extend(arguments.named.iter().map(|n| &n.value));
                    }
                }
                InlineExpression::FunctionReference { arguments, .. } => {
                    inlines.extend(arguments.positional.iter());
                    inlines.extend(arguments.named.iter().map(|n| &n.value));
                }
                InlineExpression::Placeable { expression } => expressions.push(expression),
                InlineExpression::StringLiteral { value } => refs.strings.push(value.to_string()),
                _ => {}
            }
        } else {
            break;
        }
    }
}
