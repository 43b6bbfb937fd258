//! What the framework asks of the composition root: the first screen, who a PIN opens to,
//! and the screens a sign-in opens. The framework never names a capability; the root
//! (`kiosk::routes`) does.
use super::screen::Screen;
use crate::domain::pin::Signer;

pub trait Routes {
    /// The welcome screen, as a newcomer finds it.
    fn welcome(&self) -> Box<dyn Screen>;

    /// Whom a PIN opens to (slow on purpose: the shell runs it off the screen's thread).
    fn signer(&self, entered: &str) -> Option<Signer>;

    /// The staff menu, behind the help point's PIN.
    fn staff_menu(&self) -> Box<dyn Screen>;

    /// A counsellor's first screen, behind their own PIN.
    fn counsellor_home(&self, counsellor: usize) -> Box<dyn Screen>;

    /// A counsellor's id (for the audit) and name (for the header).
    fn counsellor(&self, counsellor: usize) -> (String, String);
}
