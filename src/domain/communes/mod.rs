//! All French communes with their postal codes and coordinates (La Poste and INSEE data), and
//! the search behind "Votre code postal ou votre commune": digits find postal codes, letters
//! find names whatever the accents, case, hyphens, apostrophes, "st"/"ste" and small typos.
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Commune {
    pub code_insee: String,
    pub nom: String,
    pub code_postal: String,
    /// "commune", "arrondissement", or an old name: "deleguee", "associee".
    pub kind: String,
    /// For an old name, today's commune.
    pub parent: Option<String>,
    pub departement: String,
    pub population: u32,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

impl Commune {
    pub fn located(&self) -> Option<(f64, f64)> {
        self.latitude.zip(self.longitude)
    }

    pub fn is_old_name(&self) -> bool {
        matches!(self.kind.as_str(), "deleguee" | "associee")
    }
}

/// Five digits: a French postal code.
pub fn is_postal_code(text: &str) -> bool {
    text.len() == 5 && text.chars().all(|c| c.is_ascii_digit())
}

/// Lower case, no accents, œ → oe, hyphens and apostrophes as spaces, "st"/"ste" spelt out.
pub fn normalise(text: &str) -> String {
    let folded = deunicode::deunicode(text).to_lowercase();
    let spaced: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced
        .split_whitespace()
        .map(|w| match w {
            "st" => "saint",
            "ste" => "sainte",
            w => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The communes, ready to search at every key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommuneIndex {
    communes: Vec<Commune>,
    /// (normalised name, index), sorted: a prefix is a binary search away.
    names: Vec<(String, u32)>,
    /// (normalised name from its second word on, index), sorted: "argentiere" finds
    /// "L'Argentière-la-Bessée".
    words: Vec<(String, u32)>,
    /// (postal code, index), sorted.
    postal: Vec<(String, u32)>,
}

/// Suggestions shown at most.
pub const SUGGESTIONS: usize = 8;

impl CommuneIndex {
    pub fn new(communes: Vec<Commune>) -> CommuneIndex {
        let mut names = Vec::with_capacity(communes.len());
        let mut words = Vec::new();
        let mut postal = Vec::with_capacity(communes.len());
        for (i, c) in communes.iter().enumerate() {
            let i = i as u32;
            let name = normalise(&c.nom);
            for (at, _) in name.match_indices(' ') {
                words.push((name[at + 1..].to_string(), i));
            }
            names.push((name, i));
            postal.push((c.code_postal.clone(), i));
        }
        names.sort();
        words.sort();
        postal.sort();
        CommuneIndex {
            communes,
            names,
            words,
            postal,
        }
    }

    pub fn len(&self) -> usize {
        self.communes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.communes.is_empty()
    }

    pub fn get(&self, i: usize) -> &Commune {
        &self.communes[i]
    }

    /// Today's commune of an old name.
    /// The commune, or for one without coordinates (some former communes), its parent: where
    /// distances are measured from.
    pub fn located<'a>(&'a self, c: &'a Commune) -> &'a Commune {
        match self.parent(c) {
            Some(parent) if c.located().is_none() => parent,
            _ => c,
        }
    }

    pub fn parent(&self, c: &Commune) -> Option<&Commune> {
        let code = c.parent.as_ref()?;
        self.communes
            .iter()
            .find(|p| &p.code_insee == code && !p.is_old_name() && p.code_postal == c.code_postal)
            .or_else(|| {
                self.communes
                    .iter()
                    .find(|p| &p.code_insee == code && !p.is_old_name())
            })
    }

    fn prefixed<'a>(list: &'a [(String, u32)], prefix: &str) -> impl Iterator<Item = u32> + 'a {
        let start = list.partition_point(|(k, _)| k.as_str() < prefix);
        let prefix = prefix.to_string();
        list[start..]
            .iter()
            .take_while(move |(k, _)| k.starts_with(&prefix))
            .map(|(_, i)| *i)
    }

    /// The likeliest communes first: exact start of the name, then a later word, then small
    /// typos; within each, by population. Indices into the index.
    pub fn search(&self, text: &str) -> Vec<usize> {
        let text = text.trim();
        if text.is_empty() {
            return Vec::new();
        }
        if text.chars().all(|c| c.is_ascii_digit() || c == ' ') {
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            let mut found: Vec<u32> = Self::prefixed(&self.postal, &digits).collect();
            self.rank(&mut found);
            return found
                .into_iter()
                .take(SUGGESTIONS)
                .map(|i| i as usize)
                .collect();
        }
        let query = normalise(text);
        if query.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<u32> = Vec::new();
        for tier in 0..3 {
            // Typos are looked for only when nothing matches as typed.
            if out.len() >= SUGGESTIONS || (tier == 2 && !out.is_empty()) {
                break;
            }
            let mut found: Vec<u32> = match tier {
                0 => Self::prefixed(&self.names, &query).collect(),
                1 => Self::prefixed(&self.words, &query).collect(),
                _ => self.close_to(&query),
            };
            found.retain(|i| !out.contains(i));
            self.rank(&mut found);
            out.extend(found);
        }
        out.truncate(SUGGESTIONS);
        out.into_iter().map(|i| i as usize).collect()
    }

    /// Names whose start is one or two edits from the query (same first letter: typos
    /// rarely hit it, and it keeps the search quick).
    fn close_to(&self, query: &str) -> Vec<u32> {
        let n = query.chars().count();
        if n < 4 {
            return Vec::new();
        }
        let allowed = if n >= 8 { 2 } else { 1 };
        let first = &query[..query.chars().next().map_or(0, char::len_utf8)];
        let start = self.names.partition_point(|(k, _)| k.as_str() < first);
        self.names[start..]
            .iter()
            .take_while(|(k, _)| k.starts_with(first))
            .filter(|(name, _)| {
                // Names are ASCII once normalised: byte slicing is safe.
                let head = &name[..name.len().min(n)];
                strsim::damerau_levenshtein(head, query) <= allowed
            })
            .map(|(_, i)| *i)
            .collect()
    }

    /// Current communes before old names, then the most populated.
    fn rank(&self, found: &mut [u32]) {
        found.sort_by_key(|i| {
            let c = &self.communes[*i as usize];
            (
                c.is_old_name(),
                std::cmp::Reverse(c.population),
                c.nom.clone(),
            )
        });
    }
}

#[cfg(test)]
mod tests;
