//! The digital-autonomy profiles a diagnostic ends on (the Emmaüs Connect / WeTechCare
//! segmentation), with the labels the diagnostic file and the exports use.
use serde::{Deserialize, Serialize};

/// The Emmaüs Connect / WeTechCare segmentation, from closest to farthest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Profile {
    #[serde(rename = "autonome")]
    Autonome,
    #[serde(rename = "à accompagner")]
    AAccompagner,
    #[serde(rename = "éloigné du numérique")]
    Eloigne,
}

impl Profile {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Profile::Autonome => "autonome",
            Profile::AAccompagner => "à accompagner",
            Profile::Eloigne => "éloigné du numérique",
        }
    }
}
