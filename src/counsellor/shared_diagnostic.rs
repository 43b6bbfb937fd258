//! The diagnostic a person shared with their booking, as a counsellor reads it: in the Coop's
//! own words (the needs and démarches as the activity report will carry them), with what the
//! person named ("vos allocations (CAF, MSA)") quoted, never the citizen's "pour vous".
use crate::domain::outcome::{HelpKind, Outcome};
use crate::ui::View;
use crate::ui::page::{self, Para};

pub fn paras(o: &Outcome, view: &View) -> Vec<Para> {
    let tr = &view.tr;
    let joined = |labels: Vec<&str>| labels.join(", ");
    let mut out = vec![page::heading(tr.text("counsellor-diagnostic"))];
    let line =
        |id: &str, name: &str, value: String| page::item(tr.text_with(id, &[(name, value.into())]));
    out.push(line(
        "counsellor-diag-profile",
        "profile",
        o.profile.label().to_string(),
    ));
    if !o.needs.is_empty() {
        out.push(line(
            "counsellor-diag-needs",
            "needs",
            joined(o.needs.iter().map(|n| n.label()).collect()),
        ));
    }
    if !o.administrative.is_empty() {
        out.push(line(
            "counsellor-diag-admin",
            "admin",
            joined(o.administrative.iter().map(|a| a.label()).collect()),
        ));
    }
    if let Some(named) = &o.named {
        out.push(line("counsellor-diag-named", "named", tr.text(named)));
    }
    if !o.equipment.is_empty() {
        out.push(line(
            "counsellor-diag-equipment",
            "equipment",
            joined(o.equipment.iter().map(|m| m.label()).collect()),
        ));
    }
    let help = match o.help {
        HelpKind::Appointment => "counsellor-help-appointment",
        HelpKind::Workshop => "counsellor-help-workshop",
        HelpKind::SelfService => "counsellor-help-self-service",
        HelpKind::AidantsConnect => "counsellor-help-aidants-connect",
    };
    out.push(line("counsellor-diag-help", "help", tr.text(help)));
    if let Some(category) = o.aidants_connect {
        out.push(line(
            "counsellor-diag-aidants-connect",
            "category",
            category.label().to_string(),
        ));
    }
    if o.urgent {
        out.push(page::item(tr.text("counsellor-diag-urgent")));
    }
    out
}
