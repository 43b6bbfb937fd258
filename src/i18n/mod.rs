//! Every string a person reads comes from Fluent files. The shipped `locales/` are embedded in
//! the binary; a help point may add or override messages in `<config>/locales/<tag>/*.ftl`
//! (for instance for an edited questionnaire) without recompiling.
mod signature;

use std::fs;
use std::path::Path;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::problem::Problem;
pub use signature::{Signatures, signatures};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

/// The locale every other one is checked against, and the fallback for a missing message.
pub const REFERENCE_LOCALE: &str = "fr";

/// Tags of the locales shipped in the binary.
pub fn shipped_tags() -> Vec<&'static str> {
    let mut tags: Vec<&str> = embedded::EMBEDDED.iter().map(|(tag, _, _)| *tag).collect();
    tags.dedup();
    tags
}

/// The shipped Fluent sources of one locale: (file name, text).
pub fn shipped_sources(tag: &str) -> Vec<(&'static str, &'static str)> {
    embedded::EMBEDDED
        .iter()
        .filter(|(t, _, _)| *t == tag)
        .map(|(_, file, text)| (*file, *text))
        .collect()
}

pub struct Locale {
    tag: String,
    bundle: FluentBundle<FluentResource>,
}

impl Locale {
    pub fn tag(&self) -> &str {
        &self.tag
    }
}

/// The offered locales, loaded once at start.
pub struct I18n {
    locales: Vec<Locale>,
    reference: Locale,
}

impl I18n {
    /// Loads the shipped messages of each offered locale, then the help point's own files from
    /// `config_dir/locales/<tag>/`. Fails with every problem found, never with half a bundle.
    pub fn load(offered: &[String], config_dir: &Path) -> Result<I18n, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut locales = Vec::new();
        for tag in offered {
            match load_locale(tag, config_dir) {
                Ok(locale) => locales.push(locale),
                Err(mut p) => problems.append(&mut p),
            }
        }
        let reference = match load_locale(REFERENCE_LOCALE, config_dir) {
            Ok(locale) => locale,
            Err(mut p) => {
                problems.append(&mut p);
                return Err(problems);
            }
        };
        if problems.is_empty() {
            Ok(I18n { locales, reference })
        } else {
            Err(problems)
        }
    }

    /// The translator for a locale tag; unknown tags fall back to the reference locale.
    pub fn tr(&self, tag: &str) -> Tr<'_> {
        let main = self
            .locales
            .iter()
            .find(|l| l.tag == tag)
            .unwrap_or(&self.reference);
        Tr {
            main,
            fallback: &self.reference,
        }
    }

    /// Whether a locale itself has a message (the French fallback does not count).
    pub fn has_message(&self, tag: &str, id: &str) -> bool {
        self.locales
            .iter()
            .find(|l| l.tag == tag)
            .is_some_and(|l| l.bundle.has_message(id))
    }

    /// The problems of a configuration file naming a message some offered locale lacks.
    pub fn missing_message(&self, id: &str) -> Vec<String> {
        self.tags()
            .filter(|tag| !self.has_message(tag, id))
            .map(|tag| {
                format!(
                    "message {id:?} is missing from locale {tag:?} (locales/{tag}/ or the config's locales/{tag}/)"
                )
            })
            .collect()
    }

    pub fn tags(&self) -> impl Iterator<Item = &str> {
        self.locales.iter().map(|l| l.tag.as_str())
    }
}

/// Whether a locale has any Fluent file, shipped or in the config directory.
pub fn locale_exists(tag: &str, config_dir: &Path) -> bool {
    !shipped_sources(tag).is_empty() || !override_files(tag, config_dir).is_empty()
}

fn override_files(tag: &str, config_dir: &Path) -> Vec<std::path::PathBuf> {
    let dir = config_dir.join("locales").join(tag);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The language used for plural rules: a private-use tag such as `fr-x-falc` counts as `fr`.
fn plural_language(tag: &str) -> LanguageIdentifier {
    let base = tag.split("-x-").next().unwrap_or(tag);
    base.parse().unwrap_or_else(|_| {
        REFERENCE_LOCALE
            .parse()
            .expect("the reference locale tag is valid")
    })
}

fn load_locale(tag: &str, config_dir: &Path) -> Result<Locale, Vec<Problem>> {
    let mut bundle = FluentBundle::new(vec![plural_language(tag)]);
    // The default isolation marks (U+2068/2069) show as boxes on console fonts.
    bundle.set_use_isolating(false);
    let mut problems = Vec::new();
    for (file, text) in shipped_sources(tag) {
        let path = Path::new("locales").join(tag).join(file);
        match parse(&path, text) {
            Ok(resource) => bundle.add_resource_overriding(resource),
            Err(mut p) => problems.append(&mut p),
        }
    }
    for path in override_files(tag, config_dir) {
        match fs::read_to_string(&path) {
            Ok(text) => match parse(&path, &text) {
                Ok(resource) => bundle.add_resource_overriding(resource),
                Err(mut p) => problems.append(&mut p),
            },
            Err(e) => problems.push(Problem::in_file(&path, format!("cannot read: {e}"))),
        }
    }
    if problems.is_empty() {
        Ok(Locale {
            tag: tag.to_string(),
            bundle,
        })
    } else {
        Err(problems)
    }
}

fn parse(path: &Path, text: &str) -> Result<FluentResource, Vec<Problem>> {
    FluentResource::try_new(text.to_string()).map_err(|(_, errors)| {
        errors
            .iter()
            .map(|e| Problem::at(path, text, e.pos.start, format!("Fluent syntax: {e}")))
            .collect()
    })
}

/// Formats messages in one locale, falling back to the reference locale for a missing id.
#[derive(Clone, Copy)]
pub struct Tr<'a> {
    main: &'a Locale,
    fallback: &'a Locale,
}

impl<'a> Tr<'a> {
    pub fn tag(&self) -> &'a str {
        &self.main.tag
    }

    pub fn text(&self, id: &str) -> String {
        self.format(id, None)
    }

    pub fn text_with(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(id, Some(&fluent_args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        for locale in [self.main, self.fallback] {
            if let Some(pattern) = locale.bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return locale
                    .bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        // Only reachable with an edited config; the message-id test guards the shipped files.
        format!("[{id}]")
    }
}

#[cfg(test)]
mod tests;
