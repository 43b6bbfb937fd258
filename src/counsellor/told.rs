//! After a change that concerns people (a booking or a workshop session cancelled or moved),
//! the counsellor reads who was told and who must be told another way: "La personne est
//! prévenue" only when a message really went to the outbox and a gateway will send it.
use crate::domain::person::show_phone;
use crate::i18n::Tr;
use crate::store::Registrant;
use crate::ui::page::{self, Para};

#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Told {
    pub told: usize,
    /// First name, and the phone or e-mail to use, for those not told.
    pub to_tell: Vec<(String, Option<String>)>,
}

impl Told {
    pub(crate) fn of(registrants: &[Registrant]) -> Told {
        Told {
            told: registrants.iter().filter(|r| r.told).count(),
            to_tell: registrants
                .iter()
                .filter(|r| !r.told)
                .map(|r| (r.first_name.clone(), r.contact.clone()))
                .collect(),
        }
    }

    /// What the counsellor reads; `done` says what happened ("Rendez-vous annulé.").
    pub(crate) fn paras(&self, done: &str, tr: &Tr) -> Vec<Para> {
        let mut out = vec![page::success(done.to_string())];
        if self.told > 0 {
            out.push(page::text(tr.text_with(
                "counsellor-told",
                &[("count", (self.told as i64).into())],
            )));
        }
        if !self.to_tell.is_empty() {
            out.push(page::notice(tr.text_with(
                "counsellor-to-tell",
                &[("count", (self.to_tell.len() as i64).into())],
            )));
            out.extend(self.people(tr));
        }
        out
    }

    /// Each person not told, with the phone or e-mail to reach them by.
    pub fn people(&self, tr: &Tr) -> Vec<Para> {
        self.to_tell
            .iter()
            .map(|(name, contact)| {
                let name = if name.is_empty() { "—" } else { name };
                page::item(match contact {
                    Some(c) if c.contains('@') => tr.text_with(
                        "counsellor-tell-at",
                        &[("name", name.into()), ("contact", c.clone().into())],
                    ),
                    Some(phone) => tr.text_with(
                        "counsellor-tell-at",
                        &[("name", name.into()), ("contact", show_phone(phone).into())],
                    ),
                    None => tr.text_with("counsellor-tell-no-contact", &[("name", name.into())]),
                })
            })
            .collect()
    }
}

/// What a counsellor screen says after an action.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Notice {
    /// A warning or a refusal.
    Says(&'static str),
    /// Done as asked.
    Done(&'static str),
    /// A change that concerns people: what was done (a message id), and who was told.
    Told { done: &'static str, told: Told },
}

impl Notice {
    pub(crate) fn paras(&self, tr: &Tr) -> Vec<Para> {
        match self {
            Notice::Says(id) => vec![page::notice(tr.text(id))],
            Notice::Done(id) => vec![page::success(tr.text(id))],
            Notice::Told { done, told } => told.paras(&tr.text(done), tr),
        }
    }
}
