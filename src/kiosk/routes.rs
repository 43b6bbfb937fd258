//! What the framework asks of the kiosk: the welcome screen, whom a PIN opens to, and what
//! it opens.
use std::rc::Rc;

use super::config::Config;
use super::welcome::Welcome;
use crate::app::routes::Routes;
use crate::app::screen::Screen;
use crate::counsellor::home::CounsellorHome;
use crate::domain::pin::{self, Signer};
use crate::staff::menu::StaffMenu;

pub(crate) struct KioskRoutes {
    pub config: Rc<Config>,
}

impl Routes for KioskRoutes {
    fn welcome(&self) -> Box<dyn Screen> {
        Box::new(Welcome::new(self.config.clone()))
    }

    fn signer(&self, entered: &str) -> Option<Signer> {
        let counsellors: Vec<&str> = self
            .config
            .agenda
            .counsellors
            .iter()
            .map(|c| c.pin_hash.as_str())
            .collect();
        pin::signer(entered, &self.config.kiosk.staff_pin_hash, &counsellors)
    }

    fn staff_menu(&self) -> Box<dyn Screen> {
        Box::new(StaffMenu::new())
    }

    fn counsellor_home(&self, counsellor: usize) -> Box<dyn Screen> {
        Box::new(CounsellorHome::new(self.config.agenda.clone(), counsellor))
    }

    fn counsellor(&self, counsellor: usize) -> (String, String) {
        let c = &self.config.agenda.counsellors[counsellor];
        (c.id.clone(), c.name.clone())
    }
}
