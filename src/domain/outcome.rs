//! What a diagnostic found: the person's profile, their needs, the help that suits them. It
//! is shared with a booking (when the person agrees), so the counsellor reads it and the
//! activity report starts from it.
use serde::{Deserialize, Serialize};

use crate::vocabulary::coop::{AidantsConnect, Materiel, Thematique, ThematiqueAdministrative};
use crate::vocabulary::lieux::{ModaliteAccompagnement, Service};
use crate::vocabulary::profile::Profile;

/// The kind of help the result screen recommends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HelpKind {
    /// "Un rendez-vous avec un conseiller"
    Appointment,
    /// "Un atelier en groupe"
    Workshop,
    /// "Vous pouvez essayer sans aide, sur un ordinateur en libre accès…"
    SelfService,
    /// "Une personne habilitée peut faire la démarche pour vous (Aidants Connect)"
    AidantsConnect,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub profile: Profile,
    /// 1 to 3 Coop thématiques, the main one first.
    pub needs: Vec<Thematique>,
    /// Only when the needs hold "Aide aux démarches administratives".
    pub administrative: Vec<ThematiqueAdministrative>,
    /// The démarche as the person named it: the Fluent id of the answer's words for the
    /// result ("vos allocations (CAF, MSA)"), `<answer text>-said`.
    #[serde(default)]
    pub named: Option<String>,
    pub modality: ModaliteAccompagnement,
    pub help: HelpKind,
    /// The démarche category, when someone may do it for the person.
    pub aidants_connect: Option<AidantsConnect>,
    /// The lieu services that match, for the lieux search.
    pub services: Vec<Service>,
    pub equipment: Vec<Materiel>,
    pub urgent: bool,
}
