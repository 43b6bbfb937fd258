//! `borne network status`: every kiosk of the network as its last heartbeat tells it, for the
//! network's owner. A kiosk silent for more than three heartbeats is said to be: "silencieuse
//! depuis 12 min".
use std::process::ExitCode;

use crate::i18n::Tr;
use crate::problem::EXIT_FAILURE;
use crate::store::postgres::{KioskHealth, PgStore};

/// A kiosk whose last heartbeat is older than this (three missed) is silent.
pub(crate) const SILENT_AFTER_SECONDS: i64 = 180;

pub(crate) fn status(network: &mut PgStore, tr: &Tr, json: bool) -> ExitCode {
    let kiosks = match network.kiosks_health() {
        Ok(k) => k,
        Err(e) => {
            eprintln!("borne network status: {e}");
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    if json {
        let rows: Vec<serde_json::Value> = kiosks
            .iter()
            .map(|k| {
                serde_json::json!({
                    "role": k.role, "help_point": k.help_point, "name": k.name,
                    "version": k.version, "started_at": k.started_at, "beat_at": k.beat_at,
                    "silent": k.silent_for > SILENT_AFTER_SECONDS,
                    "silent_for_seconds": k.silent_for,
                    "last_frame_at": k.last_frame_at, "last_error": k.last_error,
                    "printer": k.printer, "speech": k.speech, "lieux_date": k.lieux_date,
                    "callbacks_waiting": k.callbacks_waiting,
                })
            })
            .collect();
        println!("{}", serde_json::Value::Array(rows));
        return ExitCode::SUCCESS;
    }
    if kiosks.is_empty() {
        println!("{}", tr.text("staff-network-none"));
    }
    for kiosk in &kiosks {
        for line in lines(network, kiosk, tr) {
            println!("{}", crate::problem::printable(&line));
        }
    }
    ExitCode::SUCCESS
}

/// What the owner reads of one kiosk.
fn lines(network: &PgStore, k: &KioskHealth, tr: &Tr) -> Vec<String> {
    let state = if k.silent_for > SILENT_AFTER_SECONDS {
        tr.text_with(
            "staff-network-silent",
            &[("minutes", (k.silent_for / 60).into())],
        )
    } else {
        tr.text_with("staff-network-alive", &[("seconds", k.silent_for.into())])
    };
    let at = |t: chrono::DateTime<chrono::Utc>| {
        network.local_time(t).format("%Y-%m-%d %H:%M").to_string()
    };
    let of = |state: &str| {
        tr.text_with(
            "staff-network-state",
            &[("state", state.to_string().into())],
        )
    };
    let mut lines = vec![
        format!("{} ({}, {}) — {state}", k.name, k.help_point, k.role),
        format!(
            "  {}",
            tr.text_with(
                "staff-network-kiosk",
                &[
                    ("version", k.version.clone().into()),
                    ("started", at(k.started_at).into()),
                    ("frame", k.last_frame_at.map_or("-".to_string(), at).into()),
                    ("printer", of(&k.printer).into()),
                    ("speech", of(&k.speech).into()),
                    (
                        "lieux",
                        crate::calendar::words::data_date(tr, k.lieux_date).into()
                    ),
                    ("callbacks", k.callbacks_waiting.into()),
                ],
            )
        ),
    ];
    if let Some(error) = &k.last_error {
        lines.push(format!(
            "  {}",
            tr.text_with("staff-network-error", &[("error", error.clone().into())])
        ));
    }
    lines
}
