use super::*;

const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$eWa/S3TQeDgKzzHaPKNXSg$INcWuyxs7FjsU8vswNHNk+e0qAyyfZin18E0gflUX90";

fn valid() -> String {
    format!(
        r#"[help_point]
name = "Point numérique — Mairie de Gap"
address = "3 rue Colonel Roux"
postal_code = "05000"
commune = "Gap"
phone = "04 92 53 24 24"

[display]
default_locale = "fr"
locales = ["fr", "en"]

[staff]
pin_hash = "{HASH}"
"#
    )
}

fn problems(text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = Path::new("kiosk-config/kiosk.toml");
    parse(path, text, dir.path())
        .expect_err("the file is refused")
        .iter()
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn a_minimal_file_gets_the_documented_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let config = parse(Path::new("kiosk.toml"), &valid(), dir.path()).unwrap();
    assert_eq!(config.idle_seconds, 90);
    assert_eq!(config.warning_seconds, 30);
    assert_eq!(config.retention_days, 30);
    assert_eq!(config.locales, vec!["fr", "en"]);
    assert_eq!(config.theme, ThemeChoice::Default);
    assert!(!config.large_text);
    assert_eq!(config.database, None);
}

#[test]
fn the_shipped_demo_configuration_is_valid() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let config = crate::kiosk::load(&dir).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(config.kiosk.help_point.commune, "Gap");
    assert_eq!(config.kiosk.help_point.postal_code, "05000");
    assert_eq!(
        config.kiosk.locales,
        vec!["fr", "fr-x-falc", "en", "pt", "uk"]
    );
    assert!(crate::domain::pin::verify_pin(
        "2468",
        &config.kiosk.staff_pin_hash
    ));
}

#[test]
fn unknown_keys_are_errors_at_their_position() {
    let text = valid().replace("commune = \"Gap\"", "commune = \"Gap\"\ncolor = \"blue\"");
    let p = problems(&text);
    assert_eq!(p.len(), 1);
    assert!(
        p[0].starts_with("kiosk-config/kiosk.toml:6:1: unknown field `color`"),
        "{p:?}"
    );
}

#[test]
fn wrong_types_are_errors_at_their_position() {
    let text = valid() + "\n[session]\nidle_seconds = \"ninety\"\n";
    let p = problems(&text);
    assert!(p[0].starts_with("kiosk-config/kiosk.toml:16:16:"), "{p:?}");
    assert!(p[0].contains("expected a whole number"), "{p:?}");
}

#[test]
fn a_pin_that_is_not_a_hash_is_refused_on_its_line() {
    let text = valid().replace(HASH, "2468");
    let p = problems(&text);
    assert!(
        p[0].starts_with("kiosk-config/kiosk.toml:13:12: staff.pin_hash"),
        "{p:?}"
    );
    assert!(p[0].contains("borne hash-pin"), "{p:?}");
}

#[test]
fn a_locale_without_fluent_files_is_refused() {
    let text = valid().replace(r#"["fr", "en"]"#, r#"["fr", "de"]"#);
    let p = problems(&text);
    assert!(
        p[0].starts_with("kiosk-config/kiosk.toml:10:18: locale \"de\" has no .ftl files"),
        "{p:?}"
    );
}

#[test]
fn the_default_locale_must_be_offered() {
    let text = valid().replace(r#"default_locale = "fr""#, r#"default_locale = "en""#);
    assert!(parse(Path::new("k"), &text, Path::new(".")).is_ok());
    let text = valid().replace(r#"["fr", "en"]"#, r#"["en"]"#);
    let p = problems(&text);
    assert!(
        p[0].contains("default_locale \"fr\" is not in display.locales"),
        "{p:?}"
    );
}

#[test]
fn the_idle_warning_gives_at_least_twenty_seconds() {
    let text = valid() + "\n[session]\nwarning_seconds = 5\n";
    let p = problems(&text);
    assert!(
        p[0].starts_with("kiosk-config/kiosk.toml:16:19: session.warning_seconds"),
        "{p:?}"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = valid().replace("\"05000\"", "\"5000\"").replace(HASH, "x")
        + "\n[data]\nretention_days = 0\n";
    let p = problems(&text);
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(p[0].contains("postal_code"));
}

#[test]
fn a_missing_directory_or_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let p = crate::kiosk::load(&missing).err().unwrap();
    assert!(
        p[0].to_string()
            .contains("nope:1:1: configuration directory not found")
    );
    let p = crate::kiosk::load(dir.path()).err().unwrap();
    assert!(
        p[0].to_string()
            .contains("kiosk.toml:1:1: cannot read the file"),
        "{p:?}"
    );
}

#[test]
fn the_time_zone_comes_from_the_iana_database() {
    let dir = tempfile::tempdir().unwrap();
    let parse_with = |extra: &str| {
        let text = valid().replace(
            "phone = \"04 92 53 24 24\"",
            &format!("phone = \"04 92 53 24 24\"\n{extra}"),
        );
        parse(Path::new("kiosk.toml"), &text, dir.path())
    };
    let paris = parse_with("").unwrap();
    assert_eq!(paris.help_point.calendar.zone, chrono_tz::Europe::Paris);
    let reunion = parse_with("timezone = \"Indian/Reunion\"").unwrap();
    assert_eq!(reunion.help_point.calendar.zone, chrono_tz::Indian::Reunion);
    let text = valid().replace(
        "phone = \"04 92 53 24 24\"",
        "phone = \"04 92 53 24 24\"\ntimezone = \"Europe/Pariss\"",
    );
    let said = problems(&text);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with(
            "kiosk-config/kiosk.toml:7:12: help_point.timezone: unknown time zone \"Europe/Pariss\""
        ),
        "{said:?}"
    );
}

#[test]
fn an_overseas_help_point_gets_its_own_zone_and_holidays_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let text = valid().replace("\"05000\"", "\"97400\"");
    let config = parse(Path::new("kiosk.toml"), &text, dir.path()).unwrap();
    assert_eq!(config.help_point.calendar.zone, chrono_tz::Indian::Reunion);
    assert_eq!(
        config.help_point.calendar.region,
        crate::calendar::Region::Reunion
    );
}

#[test]
fn the_kiosk_refuses_at_start_the_questionnaire_check_config_refuses() {
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config");
    let dir = tempfile::tempdir().unwrap();
    for file in ["kiosk.toml", "agenda.toml"] {
        std::fs::copy(shipped.join(file), dir.path().join(file)).unwrap();
    }
    // A question no answer leads to: harmless to a person, a mistake for the help point.
    let text = std::fs::read_to_string(shipped.join("diagnostic.toml")).unwrap();
    std::fs::write(
        dir.path().join("diagnostic.toml"),
        format!(
            "{text}\n[[question]]\nid = \"jamais\"\ntext = \"diag-equipement\"\n[[question.answer]]\nid = \"aucun\"\ntext = \"diag-dont-know\"\nnext = \"fin\"\n[[question.answer]]\nid = \"ne-sait-pas\"\ntext = \"diag-dont-know\"\ndont_know = true\nnext = \"fin\"\n"
        ),
    )
    .unwrap();
    let problems = crate::kiosk::load(dir.path()).err().expect("refused");
    assert!(
        problems[0]
            .to_string()
            .contains("question \"jamais\" is never asked"),
        "{problems:?}"
    );
}

#[test]
fn a_receipt_printer_is_a_device_or_a_network_address_port_9100_by_default() {
    use super::EscposTarget;
    assert_eq!(
        EscposTarget::parse("/dev/usb/lp0"),
        Ok(EscposTarget::Device("/dev/usb/lp0".into()))
    );
    assert_eq!(
        EscposTarget::parse("tcp://192.168.1.50"),
        Ok(EscposTarget::Tcp("192.168.1.50:9100".into()))
    );
    assert_eq!(
        EscposTarget::parse("tcp://ticket.local:9101/"),
        Ok(EscposTarget::Tcp("ticket.local:9101".into()))
    );
    assert_eq!(
        EscposTarget::parse("tcp://[fe80::1]:9100"),
        Ok(EscposTarget::Tcp("[fe80::1]:9100".into()))
    );
    assert_eq!(
        EscposTarget::parse("tcp://[fe80::1]"),
        Ok(EscposTarget::Tcp("[fe80::1]:9100".into()))
    );
    assert_eq!(
        EscposTarget::parse("tcp://192.168.1.50")
            .unwrap()
            .to_string(),
        "tcp://192.168.1.50:9100"
    );
}
