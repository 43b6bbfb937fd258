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
    // No département's number begins 00: "00000" is a placeholder, not a place.
    text.len() == 5 && text.chars().all(|c| c.is_ascii_digit()) && !text.starts_with("00")
}

/// Lower case, no accents, œ → oe, hyphens and apostrophes as spaces, "st"/"ste" spelt out;
/// a leading elided article joined to its word, as people type it: "L'Argentière" →
/// "largentiere".
pub fn normalise(text: &str) -> String {
    let (words, _) = folded_words(text);
    words.join(" ")
}

/// The normalised words, and whether the first one starts with an elided article ("l'", "d'")
/// joined to it.
fn folded_words(text: &str) -> (Vec<String>, bool) {
    let folded = deunicode::deunicode(text).to_lowercase();
    let spaced: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words: Vec<String> = spaced
        .split_whitespace()
        .map(|w| match w {
            "st" => "saint",
            "ste" => "sainte",
            w => w,
        })
        .map(str::to_string)
        .collect();
    let elided = words.len() > 1 && matches!(words[0].as_str(), "l" | "d");
    if elided {
        let word = words.remove(1);
        words[0].push_str(&word);
    }
    (words, elided)
}

/// A commune, packed: the whole of France fits in a few MiB instead of tens (one
/// allocation per field of 39,000 rows). Its official name is in the index's `text`, from
/// `nom_at` to where the next row's starts.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    code_insee: [u8; 5],
    code_postal: [u8; 5],
    departement: [u8; 3],
    kind: u8,
    population: u32,
    /// Latitude and longitude; NaN when unknown (some former communes).
    position: [f32; 2],
    nom_at: u32,
}

impl Row {
    fn position(&self) -> Option<(f32, f32)> {
        let [lat, lon] = self.position;
        (!lat.is_nan()).then_some((lat, lon))
    }
}

/// The kinds of rows ("commune", "arrondissement", "deleguee", "associee"…), each once.
const OLD_NAMES: [&str; 2] = ["deleguee", "associee"];

fn packed<const N: usize>(text: &str) -> [u8; N] {
    let mut out = [b' '; N];
    for (o, b) in out.iter_mut().zip(text.bytes()) {
        *o = b;
    }
    out
}

fn unpacked(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).trim_end().to_string()
}

/// The communes, ready to search at every key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommuneIndex {
    rows: Vec<Row>,
    kinds: Vec<String>,
    /// The official names, one after the other.
    text: String,
    /// The normalised names, each ended by `END`.
    folded: String,
    /// (where a normalised name starts in `folded`, index), sorted by that name: a prefix is
    /// a binary search away, and the typo search reads the list in order.
    names: Vec<(u32, u32)>,
    /// (where a later word of a normalised name starts, index), sorted by the name from that
    /// word on: "argentiere" finds "L'Argentière-la-Bessée".
    words: Vec<(u32, u32)>,
    /// Indices, sorted by postal code.
    postal: Vec<u32>,
    /// (index, today's commune) of the old names, by index: a tenth of the rows have one.
    parents: Vec<(u32, [u8; 5])>,
}

/// Ends each normalised name in the index (normalised names never hold it).
const END: char = '\0';

/// Suggestions shown at most (all the communes of a complete postal code are).
pub const SUGGESTIONS: usize = 8;

/// Where suggestions are ranked from: the help point's commune. Its own département comes
/// first, then the nearest: at Gap, "bri" is Briançon before Brive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Home {
    departement: [u8; 3],
    position: (f32, f32),
}

/// Builds the index one commune at a time (from the database, without a list of them all).
#[derive(Default)]
pub struct CommuneIndexBuilder {
    index: CommuneIndex,
}

impl CommuneIndexBuilder {
    /// A builder with room for `rows` communes whose names take `name_bytes` bytes and hold
    /// `separators` spaces, hyphens and apostrophes: growing the lists by doubling would hold
    /// up to three times the index at its peak.
    pub fn with_capacity(rows: usize, name_bytes: usize, separators: usize) -> Self {
        let spare = name_bytes / 16;
        CommuneIndexBuilder {
            index: CommuneIndex {
                rows: Vec::with_capacity(rows),
                text: String::with_capacity(name_bytes),
                folded: String::with_capacity(name_bytes + spare),
                names: Vec::with_capacity(rows),
                words: Vec::with_capacity(separators + separators / 16),
                ..CommuneIndex::default()
            },
        }
    }

    pub fn push(&mut self, c: Commune) {
        let index = &mut self.index;
        let i = index.rows.len() as u32;
        let kind = match index.kinds.iter().position(|k| *k == c.kind) {
            Some(k) => k,
            None => {
                index.kinds.push(c.kind.clone());
                index.kinds.len() - 1
            }
        } as u8;
        let nom_at = index.text.len() as u32;
        index.text.push_str(&c.nom);
        let (words, elided) = folded_words(&c.nom);
        let name = words.join(" ");
        let folded_at = index.folded.len() as u32;
        index.folded.push_str(&name);
        index.folded.push(END);
        // "argentiere" finds "largentiere la bessee" too.
        if elided {
            index.words.push((folded_at + 1, i));
        }
        for (space, _) in name.match_indices(' ') {
            index.words.push((folded_at + space as u32 + 1, i));
        }
        index.names.push((folded_at, i));
        if let Some(parent) = &c.parent {
            index.parents.push((i, packed(parent)));
        }
        let (lat, lon) = c.located().unwrap_or((f64::NAN, f64::NAN));
        index.rows.push(Row {
            code_insee: packed(&c.code_insee),
            code_postal: packed(&c.code_postal),
            departement: packed(&c.departement),
            kind,
            population: c.population,
            position: [lat as f32, lon as f32],
            nom_at,
        });
    }

    pub fn finish(mut self) -> CommuneIndex {
        let index = &mut self.index;
        // Unstable sorts need no room of their own; the index breaks ties.
        let folded = &index.folded;
        let by_name = |a: &(u32, u32), b: &(u32, u32)| {
            name_at(folded, a.0)
                .cmp(name_at(folded, b.0))
                .then(a.cmp(b))
        };
        index.names.sort_unstable_by(by_name);
        index.words.sort_unstable_by(by_name);
        let rows = &index.rows;
        let mut postal: Vec<u32> = (0..rows.len() as u32).collect();
        postal.sort_by_key(|i| (rows[*i as usize].code_postal, *i));
        index.postal = postal;
        index.rows.shrink_to_fit();
        index.text.shrink_to_fit();
        index.folded.shrink_to_fit();
        index.names.shrink_to_fit();
        index.words.shrink_to_fit();
        index.parents.shrink_to_fit();
        self.index
    }
}

impl CommuneIndex {
    pub fn new(communes: Vec<Commune>) -> CommuneIndex {
        let mut builder = CommuneIndexBuilder::default();
        for c in communes {
            builder.push(c);
        }
        builder.finish()
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The commune at `i`, as the rest of the kiosk knows it.
    pub fn get(&self, i: usize) -> Commune {
        let row = &self.rows[i];
        Commune {
            code_insee: unpacked(&row.code_insee),
            nom: self.nom(i as u32).to_string(),
            code_postal: unpacked(&row.code_postal),
            kind: self.kinds[row.kind as usize].clone(),
            parent: self
                .parents
                .binary_search_by_key(&(i as u32), |(row, _)| *row)
                .ok()
                .map(|at| unpacked(&self.parents[at].1)),
            departement: unpacked(&row.departement),
            population: row.population,
            latitude: row.position().map(|p| f64::from(p.0)),
            longitude: row.position().map(|p| f64::from(p.1)),
        }
    }

    /// The official name of the row at `i`.
    fn nom(&self, i: u32) -> &str {
        let i = i as usize;
        let end = self
            .rows
            .get(i + 1)
            .map_or(self.text.len(), |r| r.nom_at as usize);
        &self.text[self.rows[i].nom_at as usize..end]
    }

    fn is_old_name(&self, row: &Row) -> bool {
        OLD_NAMES.contains(&self.kinds[row.kind as usize].as_str())
    }

    /// The commune, or for one without coordinates (some former communes), its parent: where
    /// distances are measured from.
    pub fn located(&self, c: &Commune) -> Commune {
        match self.parent(c) {
            Some(parent) if c.located().is_none() => parent,
            _ => c.clone(),
        }
    }

    /// Today's commune of an old name.
    pub fn parent(&self, c: &Commune) -> Option<Commune> {
        let code: [u8; 5] = packed(c.parent.as_ref()?);
        let postal: [u8; 5] = packed(&c.code_postal);
        let today = |row: &Row| row.code_insee == code && !self.is_old_name(row);
        let i = self
            .rows
            .iter()
            .position(|row| today(row) && row.code_postal == postal)
            .or_else(|| self.rows.iter().position(today))?;
        Some(self.get(i))
    }

    /// The entries of `names` or `words` whose text starts with `prefix`.
    fn starting<'a>(&self, list: &'a [(u32, u32)], prefix: &str) -> &'a [(u32, u32)] {
        let text = |at: u32| name_at(&self.folded, at);
        let start = list.partition_point(|(at, _)| text(*at) < prefix);
        let len = list[start..].partition_point(|(at, _)| text(*at).starts_with(prefix));
        &list[start..start + len]
    }

    fn postal_prefixed(&self, digits: &str) -> Vec<u32> {
        let rows = &self.rows;
        let code = |i: &u32| rows[*i as usize].code_postal;
        let start = self
            .postal
            .partition_point(|i| code(i).as_slice() < digits.as_bytes());
        self.postal[start..]
            .iter()
            .take_while(|i| code(i).starts_with(digits.as_bytes()))
            .copied()
            .collect()
    }

    /// The help point's commune, by its postal code and name (the first commune of the
    /// postal code if the name is not found).
    pub fn home(&self, postal_code: &str, nom: &str) -> Option<Home> {
        let code: [u8; 5] = packed(postal_code);
        let rows: Vec<u32> = self
            .postal_prefixed(postal_code)
            .into_iter()
            .filter(|i| self.rows[*i as usize].code_postal == code)
            .collect();
        let folded = normalise(nom);
        let row = rows
            .iter()
            .find(|i| normalise(self.nom(**i)) == folded)
            .or(rows.first())?;
        let row = &self.rows[*row as usize];
        Some(Home {
            departement: row.departement,
            position: row.position()?,
        })
    }

    /// The likeliest communes first, ranked nationally (by population).
    pub fn search(&self, text: &str) -> Vec<usize> {
        self.search_from(text, None)
    }

    /// The likeliest communes first: the name as typed (accents, hyphens and "st" folded),
    /// then names it begins, then a later word, then small typos; within each, those of
    /// `home`'s département, then the nearest, then the most populated. Digits are postal
    /// codes: the main commune first (an arrondissement for its own code, then the largest),
    /// distance breaking ties only; a complete one gives all its communes, one digit nothing.
    /// Indices into the index.
    pub fn search_from(&self, text: &str, home: Option<Home>) -> Vec<usize> {
        let text = text.trim();
        if text.is_empty() {
            return Vec::new();
        }
        if text.chars().all(|c| c.is_ascii_digit() || c == ' ') {
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            // One digit is a tenth of France: nothing to suggest yet.
            if digits.len() < 2 {
                return Vec::new();
            }
            let mut found: Vec<u32> = self.postal_prefixed(&digits);
            let keep = if is_postal_code(&digits) {
                found.len()
            } else {
                SUGGESTIONS
            };
            self.rank_postal(&mut found, keep, &digits, home);
            return found.into_iter().map(|i| i as usize).collect();
        }
        let query = normalise(text);
        if query.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<u32> = Vec::new();
        let begun = self.starting(&self.names, &query);
        // The name itself before the longer names it begins: "saint junien" is Saint-Junien,
        // not the nearer Saint-Junien-la-Bregère (the help point's own département aside).
        // "l argentiere" is L'Argentière-…, not Largentière: the article counts here.
        let elided = folded_words(text).1;
        let exact: Vec<u32> = begun
            .iter()
            .take_while(|(at, _)| name_at(&self.folded, *at) == query)
            .map(|(_, i)| *i)
            .filter(|i| folded_words(self.nom(*i)).1 == elided)
            .collect();
        for tier in 0..3 {
            // Typos are looked for only when nothing matches as typed.
            if out.len() >= SUGGESTIONS || (tier == 2 && !out.is_empty()) {
                break;
            }
            let mut found: Vec<u32> = match tier {
                0 => begun.iter().map(|(_, i)| *i).collect(),
                1 => self
                    .starting(&self.words, &query)
                    .iter()
                    .map(|(_, i)| *i)
                    .collect(),
                _ => self.close_to(&query),
            };
            found.retain(|i| !out.contains(i));
            self.rank(&mut found, SUGGESTIONS - out.len(), home, &exact);
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
        self.starting(&self.names, first)
            .iter()
            .filter(|(at, _)| {
                // Only the name's first n letters count: read no further.
                let rest = &self.folded.as_bytes()[*at as usize..];
                let head = &rest[..rest.len().min(n)];
                let head = head
                    .iter()
                    .position(|b| *b == END as u8)
                    .map_or(head, |end| &head[..end]);
                within_edits(head, query.as_bytes(), allowed)
            })
            .map(|(_, i)| *i)
            .collect()
    }

    /// Keeps the `keep` likeliest of a postal code's communes: current communes before old
    /// names, the arrondissement whose own code it is, then the largest; the nearest to the
    /// home only among equals.
    fn rank_postal(&self, found: &mut Vec<u32>, keep: usize, digits: &str, home: Option<Home>) {
        let arrondissement = self.kinds.iter().position(|k| k == "arrondissement");
        let key = |i: u32| {
            let row = &self.rows[i as usize];
            let own_code = Some(row.kind as usize) == arrondissement
                && row.code_postal.as_slice() == digits.as_bytes();
            (
                self.is_old_name(row),
                !own_code,
                std::cmp::Reverse(row.population),
            )
        };
        found.sort_by_key(|i| (key(*i), *i));
        // Among equals (the same population: rare), the rank near the home decides.
        let mut ranked = Vec::with_capacity(found.len());
        for group in found.chunk_by(|a, b| key(*a) == key(*b)) {
            let mut group = group.to_vec();
            let len = group.len();
            self.rank(&mut group, len, home, &[]);
            ranked.extend(group);
        }
        ranked.truncate(keep);
        *found = ranked;
    }

    /// Keeps the `keep` likeliest: current communes before old names, then those of the
    /// home's département, then the names exactly as typed (`exact`), then the nearest (by
    /// tens of kilometres), then the most populated. A single letter matches thousands of
    /// names: only the first few are sorted.
    fn rank(&self, found: &mut Vec<u32>, keep: usize, home: Option<Home>, exact: &[u32]) {
        // Each commune's key is worked out once, not at each of the comparisons a sort makes
        // (a single letter matches thousands: the key's distance was most of the time).
        let cos_home = home.map_or(1.0, |h| libm::cosf(h.position.0.to_radians()));
        let away = |row: &Row| -> (bool, u32) {
            let Some(home) = home else {
                return (false, 0);
            };
            if row.departement == home.departement {
                return (false, 0);
            }
            let km = row.position().map_or(u32::MAX, |(lat, lon)| {
                let (hlat, hlon) = home.position;
                let dy = lat - hlat;
                let dx = (lon - hlon) * cos_home;
                ((dy * dy + dx * dx).sqrt() * 111.0 / 10.0) as u32
            });
            (true, km)
        };
        let mut keyed: Vec<_> = found
            .iter()
            .map(|&i| {
                let row = &self.rows[i as usize];
                let (elsewhere, km) = away(row);
                let key = (
                    self.is_old_name(row),
                    elsewhere,
                    !exact.contains(&i),
                    km,
                    std::cmp::Reverse(row.population),
                );
                (key, i)
            })
            .collect();
        // Ties (same population) by name, looked up only for them.
        let order = |a: &(RankKey, u32), b: &(RankKey, u32)| {
            a.0.cmp(&b.0).then_with(|| self.nom(a.1).cmp(self.nom(b.1)))
        };
        if keyed.len() > keep && keep > 0 {
            keyed.select_nth_unstable_by(keep - 1, order);
        }
        keyed.truncate(keep);
        keyed.sort_by(order);
        found.clear();
        found.extend(keyed.into_iter().map(|(_, i)| i));
    }
}

/// How likely a commune is meant, before its name: an old name, away from the home's
/// département, not the name as typed, how far (in tens of kilometres), the fewer people.
type RankKey = (bool, bool, bool, u32, std::cmp::Reverse<u32>);

/// The normalised name (or its end from a later word) starting at `at` in `folded`.
fn name_at(folded: &str, at: u32) -> &str {
    let rest = &folded[at as usize..];
    rest.find(END).map_or(rest, |end| &rest[..end])
}

/// Whether `a` and `b` are at most `allowed` edits apart, counting a swap of two neighbours
/// as one (optimal string alignment). One pass over a band of the table on the stack, given
/// up as soon as every cell of a row is over: most names are refused after a letter or two.
fn within_edits(a: &[u8], b: &[u8], allowed: usize) -> bool {
    const MAX: usize = 32;
    if a.len().abs_diff(b.len()) > allowed {
        return false;
    }
    if a.len() >= MAX || b.len() >= MAX {
        return strsim::osa_distance(
            std::str::from_utf8(a).unwrap_or_default(),
            std::str::from_utf8(b).unwrap_or_default(),
        ) <= allowed;
    }
    // Three rows of the table: two back (for swaps), one back, this one.
    let mut before = [0usize; MAX + 1];
    let mut previous: [usize; MAX + 1] = std::array::from_fn(|j| j);
    let mut current = [0usize; MAX + 1];
    for i in 1..=a.len() {
        current[0] = i;
        let mut best = current[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut cell = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cell = cell.min(before[j - 2] + 1);
            }
            current[j] = cell;
            best = best.min(cell);
        }
        if best > allowed {
            return false;
        }
        before = previous;
        previous = current;
    }
    previous[b.len()] <= allowed
}

#[cfg(test)]
mod tests;
