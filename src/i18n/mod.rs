//! Every string a person reads comes from Fluent files. The shipped `locales/` are embedded in
//! the binary; a help point may add or override messages in `<config>/locales/<tag>/*.ftl`
//! (for instance for an edited questionnaire) without recompiling.
#[cfg(test)]
mod easy_read;
pub(crate) mod french;
mod signature;

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::problem::Problem;
pub(crate) use signature::{Signatures, signatures};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

/// The locale every other one is checked against, and the fallback for a missing message.
pub(crate) const REFERENCE_LOCALE: &str = "fr";

/// Tags of the locales shipped in the binary.
pub(crate) fn shipped_tags() -> Vec<&'static str> {
    let mut tags: Vec<&str> = embedded::EMBEDDED.iter().map(|(tag, _, _)| *tag).collect();
    tags.dedup();
    tags
}

/// The shipped Fluent sources of one locale: (file name, text).
pub(crate) fn shipped_sources(tag: &str) -> Vec<(&'static str, &'static str)> {
    embedded::EMBEDDED
        .iter()
        .filter(|(t, _, _)| *t == tag)
        .map(|(_, file, text)| (*file, *text))
        .collect()
}

pub(crate) struct Locale {
    tag: String,
    bundle: FluentBundle<FluentResource>,
}

impl Locale {}

/// An offered locale. One the help point does not override is parsed the first time it is
/// shown: its shipped files are checked by the tests, and most sessions never leave French.
struct Offered {
    tag: String,
    /// `None` inside once loading failed (a shipped file the tests would have refused).
    locale: OnceCell<Option<Locale>>,
}

/// The offered locales.
pub struct I18n {
    offered: Vec<Offered>,
    reference: Locale,
    /// The shipped files read, when not all of them (the welcome's first frame).
    shipped: Shipped,
}

/// Which shipped Fluent files of a locale are read.
#[derive(Clone, Copy)]
enum Shipped {
    All,
    /// The files the welcome's first frame reads its words from (`kiosk.ftl`): a quarter of
    /// the parsing, before the person sees anything.
    Welcome,
}

impl Shipped {
    fn reads(self, file: &str) -> bool {
        match self {
            Shipped::All => true,
            Shipped::Welcome => WELCOME_FILES.contains(&file),
        }
    }
}

/// The shipped files the welcome, its header and its key bar take their words from.
const WELCOME_FILES: [&str; 1] = ["welcome.ftl"];

impl I18n {
    /// Loads the reference locale and every offered locale the help point overrides (its own
    /// files in `config_dir/locales/<tag>/`), the others when first shown. Fails with every
    /// problem found, never with half a bundle.
    pub fn load(offered: &[String], config_dir: &Path) -> Result<I18n, Vec<Problem>> {
        I18n::load_shipped(offered, config_dir, Shipped::All)
    }

    /// What the welcome's first frame needs, and only that: its shipped files and the help
    /// point's own, checked as `load` checks them. The whole is loaded right after that frame.
    pub(crate) fn load_for_welcome(
        offered: &[String],
        config_dir: &Path,
    ) -> Result<I18n, Vec<Problem>> {
        I18n::load_shipped(offered, config_dir, Shipped::Welcome)
    }

    fn load_shipped(
        offered: &[String],
        config_dir: &Path,
        shipped: Shipped,
    ) -> Result<I18n, Vec<Problem>> {
        let mut problems = Vec::new();
        let reference = load_locale(
            REFERENCE_LOCALE,
            override_files(REFERENCE_LOCALE, config_dir),
            shipped,
        );
        let mut locales = Vec::new();
        for tag in offered {
            let overrides = override_files(tag, config_dir);
            let locale = OnceCell::new();
            if tag != REFERENCE_LOCALE && (!overrides.is_empty() || shipped_sources(tag).is_empty())
            {
                match load_locale(tag, overrides, shipped) {
                    Ok(loaded) => {
                        let _ = locale.set(Some(loaded));
                    }
                    Err(mut p) => problems.append(&mut p),
                }
            }
            locales.push(Offered {
                tag: tag.clone(),
                locale,
            });
        }
        match reference {
            Ok(reference) if problems.is_empty() => Ok(I18n {
                offered: locales,
                reference,
                shipped,
            }),
            Ok(_) => Err(problems),
            Err(mut p) => {
                p.append(&mut problems);
                Err(p)
            }
        }
    }

    /// The locale of an offered tag, parsed now if it has not been yet.
    fn locale<'a>(&'a self, offered: &'a Offered) -> &'a Locale {
        if offered.tag == REFERENCE_LOCALE {
            return &self.reference;
        }
        offered
            .locale
            .get_or_init(
                || match load_locale(&offered.tag, Vec::new(), self.shipped) {
                    Ok(locale) => Some(locale),
                    Err(problems) => {
                        for p in problems {
                            tracing::error!("{p}");
                        }
                        None
                    }
                },
            )
            .as_ref()
            .unwrap_or(&self.reference)
    }

    /// A locale's name in its own language ("English", "Українська"), for the list of
    /// languages.
    pub(crate) fn locale_name(&self, tag: &str) -> String {
        self.shipped_word(tag, "locale-name")
    }

    /// A locale's own word for "language" ("Language", "Мова"), which the welcome shows for
    /// every offered language.
    pub(crate) fn language_word(&self, tag: &str) -> String {
        self.shipped_word(tag, "language-word")
    }

    /// A word shown in every offered language at once, read from the shipped files at build
    /// time so that showing it does not parse every locale. A locale the help point overrides
    /// is loaded already and answers itself.
    fn shipped_word(&self, tag: &str, id: &str) -> String {
        let shipped = embedded::SHIPPED_WORDS
            .iter()
            .find(|(t, i, _)| *t == tag && *i == id);
        match shipped {
            Some((_, _, word)) if !self.is_loaded(tag) => (*word).to_string(),
            _ => self.tr(tag).text(id),
        }
    }

    /// The translator for a locale tag; unknown tags fall back to the reference locale.
    pub fn tr(&self, tag: &str) -> Tr<'_> {
        let main = self
            .offered
            .iter()
            .find(|l| l.tag == tag)
            .map_or(&self.reference, |o| self.locale(o));
        Tr {
            main,
            fallback: &self.reference,
            spoken: false,
        }
    }

    /// Whether a locale itself has a message (the French fallback does not count). A locale
    /// not parsed yet answers from the ids listed when the binary was built.
    pub(crate) fn has_message(&self, tag: &str, id: &str) -> bool {
        let Some(offered) = self.offered.iter().find(|l| l.tag == tag) else {
            return false;
        };
        if offered.tag == REFERENCE_LOCALE {
            return self.reference.bundle.has_message(id);
        }
        match offered.locale.get() {
            Some(Some(locale)) => locale.bundle.has_message(id),
            Some(None) => false,
            None => shipped_message_ids(tag).any(|listed| listed == id),
        }
    }

    /// The problems of a configuration file naming a message some offered locale lacks.
    pub(crate) fn missing_message(&self, id: &str) -> Vec<String> {
        self.tags()
            .filter(|tag| !self.has_message(tag, id))
            .map(|tag| {
                format!(
                    "message {id:?} is missing from locale {tag:?} (locales/{tag}/ or the config's locales/{tag}/)"
                )
            })
            .collect()
    }

    pub(crate) fn tags(&self) -> impl Iterator<Item = &str> {
        self.offered.iter().map(|l| l.tag.as_str())
    }

    /// Whether an offered locale has been parsed (the reference always is).
    pub(crate) fn is_loaded(&self, tag: &str) -> bool {
        tag == REFERENCE_LOCALE
            || self
                .offered
                .iter()
                .any(|l| l.tag == tag && l.locale.get().is_some())
    }
}

/// The ids of a shipped locale's messages, sorted (listed by the build script).
fn shipped_message_ids(tag: &str) -> impl Iterator<Item = &'static str> {
    embedded::MESSAGE_IDS
        .iter()
        .find(|(t, _)| *t == tag)
        .map_or("", |(_, ids)| ids)
        .lines()
}

/// Whether a locale has any Fluent file, shipped or in the config directory.
pub(crate) fn locale_exists(tag: &str, config_dir: &Path) -> bool {
    !shipped_sources(tag).is_empty() || !override_files(tag, config_dir).is_empty()
}

fn override_files(tag: &str, config_dir: &Path) -> Vec<PathBuf> {
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

/// A locale's shipped files, then the help point's own (`overrides`), read and checked: each
/// message as the kiosk can format it, and what they refer to existing.
fn load_locale(
    tag: &str,
    overrides: Vec<PathBuf>,
    shipped: Shipped,
) -> Result<Locale, Vec<Problem>> {
    let mut bundle = new_bundle(tag);
    let mut problems = add_shipped(&mut bundle, tag, shipped);
    // Only the help point's own files are checked here: the shipped ones are checked by the
    // tests, and the kiosk's start need not check them again.
    if !overrides.is_empty() {
        let mut entries = LocaleEntries::shipped(tag);
        let own = add_own(&mut bundle, tag, overrides, &mut entries, &mut problems);
        problems.extend(reference_cycles_in(&own, &entries));
        problems.extend(missing_references(&bundle, &own, &entries));
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

/// An empty bundle for a locale, with the kiosk's function and without isolation marks.
fn new_bundle(tag: &str) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new(vec![plural_language(tag)]);
    // The default isolation marks (U+2068/2069) show as boxes on console fonts.
    bundle.set_use_isolating(false);
    // DE($commune): "d'Embrun", "du Mans" (French; other languages do not call it).
    let _ = bundle.add_function("DE", |positional, _named| match positional.first() {
        Some(FluentValue::String(name)) => FluentValue::from(french::de(name)),
        Some(other) => other.clone(),
        None => FluentValue::None,
    });
    bundle
}

/// The locale's shipped files that `shipped` reads, into the bundle; their problems (a file
/// the tests would have refused).
fn add_shipped(
    bundle: &mut FluentBundle<FluentResource>,
    tag: &str,
    shipped: Shipped,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (file, text) in shipped_sources(tag) {
        if !shipped.reads(file) {
            continue;
        }
        let path = Path::new("locales").join(tag).join(file);
        // The shipped files' nesting is the tests' to check, not every start's.
        match parse_fluent(&path, text) {
            Ok(resource) => bundle.add_resource_overriding(resource),
            Err(mut p) => problems.append(&mut p),
        }
    }
    problems
}

/// Every message and term a locale knows, with what each refers to: the shipped ones, then the
/// help point's own as they are read.
struct LocaleEntries {
    /// Each message's (and term's, as `-name`) references.
    refs: BTreeMap<String, signature::References>,
    terms: BTreeSet<String>,
}

impl LocaleEntries {
    fn shipped(tag: &str) -> LocaleEntries {
        let mut entries = LocaleEntries {
            refs: BTreeMap::new(),
            terms: BTreeSet::new(),
        };
        for (_, text) in shipped_sources(tag) {
            let (refs, terms) = signature::references(text);
            entries.refs.extend(refs);
            entries.terms.extend(terms);
        }
        entries
    }
}

/// What the kiosk gives each message of a locale: the shipped signatures (French's for a
/// locale the kiosk does not ship).
fn given_signatures(tag: &str) -> Signatures {
    let shipped_tag = if shipped_sources(tag).is_empty() {
        REFERENCE_LOCALE
    } else {
        tag
    };
    let mut given = Signatures::new();
    for (_, text) in shipped_sources(shipped_tag) {
        given.extend(signatures(text));
    }
    given
}

/// One of the help point's own Fluent files, read and parsed.
struct OwnFile {
    path: PathBuf,
    text: String,
    /// Where each entry starts.
    entries: HashMap<String, usize>,
}

/// The help point's own files of a locale, and the ids they define.
struct OwnFiles {
    files: Vec<OwnFile>,
    /// (index in `files`, id), in the files' order.
    defined: Vec<(usize, String)>,
}

impl OwnFiles {
    /// Where the entry `id` of `files[file]` starts: (path, text, offset).
    fn entry(&self, file: usize, id: &str) -> (&Path, &str, usize) {
        let own = &self.files[file];
        (
            &own.path,
            &own.text,
            own.entries.get(id).copied().unwrap_or(0),
        )
    }

    /// A file parsed, with the problems of its messages (variables the kiosk does not give,
    /// control characters escaped in); its entries join the locale's.
    fn add(
        &mut self,
        path: PathBuf,
        text: String,
        given: &Signatures,
        locale: &mut LocaleEntries,
    ) -> Vec<Problem> {
        let entries = entry_offsets(&text);
        let mut problems = check_variables(&path, &text, &entries, given);
        let (refs, terms) = signature::references(&text);
        problems.extend(escaped_controls(&path, &text, &entries, &refs));
        let file = self.files.len();
        self.defined
            .extend(refs.keys().map(|id| (file, id.clone())));
        locale.refs.extend(refs);
        locale.terms.extend(terms);
        self.files.push(OwnFile {
            path,
            text,
            entries,
        });
        problems
    }
}

/// The help point's own files into the bundle, each over the shipped messages: every message
/// as the kiosk can format it (its variables, no control character escaped in), all files
/// within `MAX_OVERRIDE_BYTES`. Their entries join `entries`; their problems, `problems`.
fn add_own(
    bundle: &mut FluentBundle<FluentResource>,
    tag: &str,
    overrides: Vec<PathBuf>,
    entries: &mut LocaleEntries,
    problems: &mut Vec<Problem>,
) -> OwnFiles {
    let given = given_signatures(tag);
    let mut own = OwnFiles {
        files: Vec::new(),
        defined: Vec::new(),
    };
    let mut total = 0;
    for path in overrides {
        match crate::text_file::read(&path) {
            // Each file is bounded; so are they all together, whatever their number.
            Ok(text) if total + text.len() > MAX_OVERRIDE_BYTES => {
                problems.push(Problem::in_file(
                    &path,
                    format!(
                        "the help point's translations into {tag} pass {} MiB with this file: \
                         more is no translation (nothing past it was read)",
                        MAX_OVERRIDE_BYTES / (1024 * 1024)
                    ),
                ));
                break;
            }
            Ok(text) => match parse(&path, &text) {
                Ok(resource) => {
                    total += text.len();
                    bundle.add_resource_overriding(resource);
                    problems.extend(own.add(path, text, &given, entries));
                }
                Err(mut p) => problems.append(&mut p),
            },
            Err(mut p) => problems.append(&mut p),
        }
    }
    own
}

/// A message of the help point's that refers to itself, through others or not: each cycle
/// once, at its first message.
fn reference_cycles_in(own: &OwnFiles, entries: &LocaleEntries) -> Vec<Problem> {
    let file_of: HashMap<&str, usize> = own
        .defined
        .iter()
        .map(|(file, id)| (id.as_str(), *file))
        .collect();
    let mut problems = Vec::new();
    for cycle in reference_cycles(own.defined.iter().map(|(_, id)| id.as_str()), &entries.refs) {
        let id = &cycle[0];
        let Some(file) = file_of.get(id.as_str()) else {
            continue;
        };
        let (path, text, at) = own.entry(*file, id);
        problems.push(Problem::at(
            path,
            text,
            at,
            format!("{id} refers to itself: {}", cycle.join(" → ")),
        ));
    }
    problems
}

/// A message of the help point's that refers to a message or a term the locale does not
/// have, or that has no text.
fn missing_references(
    bundle: &FluentBundle<FluentResource>,
    own: &OwnFiles,
    entries: &LocaleEntries,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (file, id) in &own.defined {
        let (path, text, at) = own.entry(*file, id);
        let Some(r) = entries.refs.get(id) else {
            continue;
        };
        for m in &r.messages {
            if !entries.refs.contains_key(m) {
                problems.push(Problem::at(
                    path,
                    text,
                    at,
                    format!("{id} refers to the message {m:?}, which does not exist"),
                ));
            }
        }
        for t in &r.terms {
            if !entries.terms.contains(t) {
                problems.push(Problem::at(
                    path,
                    text,
                    at,
                    format!("{id} refers to the term \"-{t}\", which does not exist"),
                ));
            }
        }
        if !id.starts_with('-') && bundle.get_message(id).is_some_and(|m| m.value().is_none()) {
            problems.push(Problem::at(path, text, at, format!("{id} has no text")));
        }
    }
    problems
}

/// The help point's translations into one locale, all files together: a few KiB in truth.
const MAX_OVERRIDE_BYTES: usize = 4 * 1024 * 1024;

/// Placeables nest a few levels in a real message; the parser recurses on each, so a file
/// nesting thousands would overflow the stack. Deeper than this is refused before parsing.
const MAX_NESTING: usize = 10;

/// Where the placeables nest deeper than `MAX_NESTING`, if they do.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' | '\n' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(at);
                }
            }
            '}' => depth = depth.saturating_sub(1),
            '"' if depth > 0 => in_string = true,
            _ => {}
        }
    }
    None
}

/// Where each entry (`id = …`) starts in a Fluent source: one pass, looked up per message.
fn entry_offsets(text: &str) -> HashMap<String, usize> {
    let mut entries = HashMap::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if let Some((id, _)) = line.split_once('=') {
            let id = id.trim_end();
            let is_id = id.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-')
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if is_id {
                entries.entry(id.to_string()).or_insert(at);
            }
        }
        at += line.len();
    }
    entries
}

/// An override must use the variables the kiosk gives its message, no fewer (a dropped
/// `$seconds` silences the idle countdown) and no more (`{ $nope }` would reach the screen).
fn check_variables(
    path: &Path,
    text: &str,
    entries: &HashMap<String, usize>,
    given: &Signatures,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (id, used) in signatures(text) {
        let Some(expected) = given.get(&id) else {
            continue;
        };
        let at = entries.get(&id).copied().unwrap_or(0);
        for unknown in used.difference(expected) {
            problems.push(Problem::at(
                path,
                text,
                at,
                format!("{id} uses {{ ${unknown} }}, which the kiosk does not give this message"),
            ));
        }
        for missing in expected.difference(&used) {
            problems.push(Problem::at(
                path,
                text,
                at,
                format!("{id} leaves out {{ ${missing} }}, which people need to read"),
            ));
        }
    }
    problems
}

/// The string literals whose escapes (`{ "\u001b" }`) decode to what the file's bytes may
/// not hold, each at the place it is written.
fn escaped_controls(
    path: &Path,
    text: &str,
    entries: &HashMap<String, usize>,
    refs: &BTreeMap<String, signature::References>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (id, r) in refs {
        if r.strings.is_empty() {
            continue;
        }
        let entry = entries.get(id).copied().unwrap_or(0);
        for raw in &r.strings {
            let decoded = fluent_syntax::unicode::unescape_unicode_to_string(raw);
            let at = text[entry..]
                .find(&format!("\"{raw}\""))
                .map_or(entry, |found| entry + found);
            problems.extend(crate::text_file::check_decoded(path, text, at, &decoded));
        }
    }
    problems
}

/// The reference cycles reachable from `roots` (the overridden messages), each once, as a
/// chain that starts and ends at the first root on it (`a → b → a`): one depth-first walk
/// over the whole graph, whatever the number of messages.
fn reference_cycles<'a>(
    roots: impl Iterator<Item = &'a str>,
    refs: &BTreeMap<String, signature::References>,
) -> Vec<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Seen {
        OnPath,
        Done,
    }
    let roots: Vec<&str> = roots.collect();
    let order: HashMap<&str, usize> = roots.iter().enumerate().map(|(i, r)| (*r, i)).collect();
    let next = |name: &str| -> Vec<String> {
        refs.get(name).map_or_else(Vec::new, |r| {
            r.messages
                .iter()
                .cloned()
                .chain(r.terms.iter().map(|t| format!("-{t}")))
                .collect()
        })
    };
    let mut seen: HashMap<String, Seen> = HashMap::new();
    let mut cycles = Vec::new();
    for root in &roots {
        if seen.contains_key(*root) {
            continue;
        }
        // The path walked, each name with the references still to follow.
        let mut path: Vec<(String, std::vec::IntoIter<String>)> =
            vec![(root.to_string(), next(root).into_iter())];
        seen.insert(root.to_string(), Seen::OnPath);
        while let Some((_, pending)) = path.last_mut() {
            match pending.next() {
                Some(n) => match seen.get(&n) {
                    None => {
                        seen.insert(n.clone(), Seen::OnPath);
                        let after = next(&n).into_iter();
                        path.push((n, after));
                    }
                    Some(Seen::OnPath) => {
                        let from = path.iter().position(|(name, _)| *name == n).unwrap_or(0);
                        let mut cycle: Vec<String> =
                            path[from..].iter().map(|(name, _)| name.clone()).collect();
                        // Said at the root that comes first in the files.
                        let first = (0..cycle.len())
                            .filter(|&i| order.contains_key(cycle[i].as_str()))
                            .min_by_key(|&i| order[cycle[i].as_str()])
                            .unwrap_or(0);
                        cycle.rotate_left(first);
                        cycle.push(cycle[0].clone());
                        cycles.push(cycle);
                    }
                    Some(Seen::Done) => {}
                },
                None => {
                    let (done, _) = path.pop().expect("a name on the path");
                    seen.insert(done, Seen::Done);
                }
            }
        }
    }
    cycles
}

fn parse(path: &Path, text: &str) -> Result<FluentResource, Vec<Problem>> {
    if let Some(at) = too_deep(text) {
        return Err(vec![Problem::at(
            path,
            text,
            at,
            format!("placeables nested more than {MAX_NESTING} deep"),
        )]);
    }
    parse_fluent(path, text)
}

fn parse_fluent(path: &Path, text: &str) -> Result<FluentResource, Vec<Problem>> {
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
    /// Texts for the voice: a message's `$phone` said in pairs, its `$code` spelled, times
    /// as a person says them (`calendar::words`).
    spoken: bool,
}

impl<'a> Tr<'a> {
    /// The same messages, for the voice.
    pub(crate) fn spoken(self) -> Tr<'a> {
        Tr {
            spoken: true,
            ..self
        }
    }

    pub(crate) fn is_spoken(&self) -> bool {
        self.spoken
    }

    pub(crate) fn tag(&self) -> &'a str {
        &self.main.tag
    }

    /// A whole number as this language writes it: "8 757" (no-break space), "8,757".
    pub(crate) fn integer(&self, n: i64) -> String {
        let separator = if self.tag().starts_with("en") {
            ','
        } else {
            '\u{a0}'
        };
        french::grouped(n, separator)
    }

    pub fn text(&self, id: &str) -> String {
        self.format(id, None)
    }

    pub(crate) fn text_with(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match (self.spoken, *name, value) {
                (true, "phone", FluentValue::String(phone)) => phone_in_pairs(phone).into(),
                (true, "code", FluentValue::String(code)) => spelled(code).into(),
                _ => value.clone(),
            };
            fluent_args.set(*name, value);
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

/// A phone number as it is said, in pairs: "04, 92, 53, 24, 24" (a voice reads "0492532424"
/// as a number in the billions).
pub(crate) fn phone_in_pairs(phone: &str) -> String {
    let mut pairs = Vec::new();
    for group in phone.split_whitespace() {
        let (sign, digits) = match group.strip_prefix('+') {
            Some(rest) => ("+", rest),
            None => ("", group),
        };
        if sign == "+" || digits.chars().count() <= 2 || !digits.chars().all(|c| c.is_ascii_digit())
        {
            pairs.push(group.to_string());
            continue;
        }
        let chars: Vec<char> = digits.chars().collect();
        pairs.extend(chars.chunks(2).map(|c| c.iter().collect::<String>()));
    }
    pairs.join(", ")
}

/// A code spelled, one character at a time: "E, A, M, 4, C, R".
pub(crate) fn spelled(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace())
        .map(String::from)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests;
