//! The national vocabularies, with their exact labels: data files and exports use them
//! verbatim (domain.md §2 and §4). Each is an enum whose `label()` is the official string and
//! whose `key()` names its Fluent messages (what a citizen reads instead).
pub mod coop;
pub(crate) mod lieux;
pub mod profile;

/// Several values in one field, as the national standard and the Coop's exports write them:
/// `a|b|c`. The database keeps lists the same way.
pub(crate) fn join_values<T: std::fmt::Display>(values: &[T]) -> String {
    values
        .iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join("|")
}

/// The values of a `a|b|c` field, empty ones left out.
pub(crate) fn split_values(text: &str) -> impl Iterator<Item = &str> {
    text.split('|').filter(|v| !v.is_empty())
}

/// Declares a vocabulary: variants with their official label and a stable key.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $label:literal, $key:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub(crate) const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The official label.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label),+
                }
            }

            /// A stable, ASCII key for message ids and command-line values.
            pub(crate) fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key),+
                }
            }

            pub(crate) fn from_label(label: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.label() == label)
            }

            pub(crate) fn from_key(key: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }

            /// Accepts the official label, or the key.
            pub(crate) fn parse(text: &str) -> Result<$name, String> {
                Self::from_label(text).or_else(|| Self::from_key(text)).ok_or_else(|| {
                    format!(
                        "{:?} is not one of: {}",
                        text,
                        Self::ALL.iter().map(|v| v.label()).collect::<Vec<_>>().join(" · ")
                    )
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                $name::parse(&text).map_err(serde::de::Error::custom)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.label())
            }
        }
    };
}
pub(crate) use vocabulary;
