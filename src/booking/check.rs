//! The check step's account of what is being booked, before "Confirmer": what, when, how
//! long, where and what to bring, as the receipt will say it. For a workshop, what it
//! teaches comes first.
use super::agenda::Where;
use super::ticket::{self, Confirmed};
use crate::ui::View;
use crate::ui::page::{self, Para};

pub fn paras(c: &Confirmed, about: Option<String>, view: &View) -> Vec<Para> {
    let tr = &view.tr;
    let mut out = vec![page::strong(c.what.clone())];
    if let Some(about) = about {
        out.push(page::text(about));
    }
    out.push(page::text(ticket::when(c, tr)));
    out.push(page::text(tr.text_with(
        "check-duration",
        &[("minutes", (c.ends - c.starts).num_minutes().into())],
    )));
    out.push(page::text(match (c.place, &c.phone) {
        (Where::ByPhone, Some(phone)) => tr.text_with(
            "confirm-by-phone",
            &[("phone", crate::domain::person::show_phone(phone).into())],
        ),
        (Where::ByPhone, None) => tr.text("check-by-phone"),
        (Where::OnSite, _) => tr.text_with(
            "confirm-place",
            &[("place", ticket::place(c, view.kiosk).into())],
        ),
    }));
    if let Some(bring) = &c.bring {
        out.push(page::text(bring.clone()));
    }
    out
}
