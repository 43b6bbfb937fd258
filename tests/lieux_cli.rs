//! `borne import-lieux`, `import-communes`, `lieux near`, `communes search`.
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn borne(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_borne"));
    cmd.env_remove("BORNE_CONFIG")
        .env("BORNE_NOW", "2026-03-02T10:15")
        .arg("--config")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config"))
        .arg("--db")
        .arg(dir.join("borne.db"));
    cmd
}

fn out(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into(),
        String::from_utf8_lossy(&o.stderr).into(),
    )
}

#[test]
fn import_reports_each_rejected_row_and_reimport_updates() {
    let dir = tempfile::tempdir().unwrap();
    let o = borne(dir.path())
        .arg("import-lieux")
        .arg(fixture("lieux-problems.csv"))
        .arg(fixture("hinaura-v01.json"))
        .output()
        .unwrap();
    assert!(o.status.success());
    let (stdout, stderr) = out(&o);
    assert!(
        stdout.contains("lieux-problems.csv: 2 added, 0 updated, 3 rejected"),
        "{stdout}"
    );
    assert!(
        stdout.contains("hinaura-v01.json: 6 added, 0 updated, 0 rejected"),
        "{stdout}"
    );
    assert!(
        stderr.contains("lieux-problems.csv:3: code_postal: \"5000\" is not a 5-digit postal code"),
        "{stderr}"
    );
    assert!(
        stderr.contains("lieux-problems.csv:4: latitude: \"nord\" is not a coordinate"),
        "{stderr}"
    );
    assert!(
        stderr.contains("lieux-problems.csv:5: id: missing (required by the standard)"),
        "{stderr}"
    );
    let again = borne(dir.path())
        .arg("import-lieux")
        .arg(fixture("lieux-problems.csv"))
        .output()
        .unwrap();
    assert!(
        out(&again).0.contains("0 added, 2 updated, 3 rejected"),
        "{:?}",
        out(&again)
    );
}

#[test]
fn a_file_that_cannot_be_read_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let o = borne(dir.path())
        .args(["import-lieux", "/nonexistent/lieux.csv"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out(&o).1.contains("/nonexistent/lieux.csv: cannot read"),
        "{:?}",
        out(&o)
    );
}

#[test]
fn lieux_near_prints_what_the_screen_shows() {
    let dir = tempfile::tempdir().unwrap();
    let o = borne(dir.path())
        .args(["lieux", "near", "05100", "--limit", "3"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{:?}", out(&o));
    let (stdout, _) = out(&o);
    assert!(stdout.starts_with("Briançon (05100):"), "{stdout}");
    // The commune, two lines a lieu, and how fresh the data is.
    assert_eq!(stdout.lines().count(), 1 + 3 * 2 + 1, "{stdout}");
    assert_eq!(stdout.lines().last(), Some("Données du 1er août 2024"));
    let o = borne(dir.path())
        .args([
            "lieux",
            "near",
            "gap",
            "--json",
            "--service",
            "aide-aux-demarches-administratives",
            "--at",
            "2026-03-01T11:00",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["commune"], "Gap");
    let lieux = json["lieux"].as_array().unwrap();
    assert!(!lieux.is_empty());
    assert!(
        lieux
            .windows(2)
            .all(|w| w[0]["km"].as_f64() <= w[1]["km"].as_f64()),
        "closest first"
    );
    // Sunday morning: closed.
    assert!(lieux.iter().all(|l| l["open"] != "open"), "{json}");
    let o = borne(dir.path())
        .args(["lieux", "near", "99999"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out(&o)
            .1
            .contains("no commune or postal code matches \"99999\"")
    );
}

#[test]
fn a_far_nearest_place_is_said_to_be_far_with_the_national_ways_to_find_help() {
    let dir = tempfile::tempdir().unwrap();
    // Saint-Pierre-et-Miquelon: no help place of the national lists is there.
    let o = borne(dir.path())
        .args(["lieux", "near", "97500", "--limit", "1"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{:?}", out(&o));
    let (stdout, _) = out(&o);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "Saint-Pierre (97500):");
    assert!(
        lines[1].starts_with("Le lieu d'aide le plus proche que nous connaissons est à ")
            && lines[1].ends_with(" km."),
        "{stdout}"
    );
    assert!(
        lines[2].contains("39 39") && lines[2].contains("cartographie.societenumerique.gouv.fr")
    );
    // Near a place, nothing of the kind.
    let o = borne(dir.path())
        .args(["lieux", "near", "05000", "--limit", "1"])
        .output()
        .unwrap();
    assert!(
        !out(&o).0.contains("le plus proche que nous connaissons"),
        "{:?}",
        out(&o)
    );
}

#[test]
fn communes_search_finds_former_names_and_typos() {
    let dir = tempfile::tempdir().unwrap();
    let o = borne(dir.path())
        .args(["communes", "search", "Bellegarde-sur-Valserine"])
        .output()
        .unwrap();
    let (stdout, _) = out(&o);
    assert!(
        stdout
            .lines()
            .next()
            .unwrap()
            .contains("01200 Bellegarde-sur-Valserine → Valserhône (01033)"),
        "{stdout}"
    );
    let o = borne(dir.path())
        .args(["communes", "search", "l argentiere", "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json[0]["nom"], "L'Argentière-la-Bessée");
    assert_eq!(json[0]["code_postal"], "05120");
    // A former commune says, in JSON too, which commune it is part of now.
    let o = borne(dir.path())
        .args(["communes", "search", "Bellegarde-sur-Valserine", "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json[0]["now_part_of"]["nom"], "Valserhône", "{json}");
    assert_eq!(json[0]["now_part_of"]["code_insee"], "01033", "{json}");
    // At the demo's help point (Gap), its own département first: Briançon before Brive.
    let o = borne(dir.path())
        .args(["communes", "search", "bri"])
        .output()
        .unwrap();
    let (stdout, _) = out(&o);
    assert!(
        stdout.lines().next().unwrap().contains("Briançon"),
        "{stdout}"
    );
}

#[test]
fn import_communes_replaces_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("communes.csv");
    std::fs::write(
        &file,
        "code_insee,nom,code_postal,type,code_insee_parent,departement,region,population,latitude,longitude\n05061,Gap,05000,commune,,05,93,41293,44.58,6.06\n99999,Nulle-Part,123,commune,,99,99,0,,\n",
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_borne"))
        .arg("--db")
        .arg(dir.path().join("only.db"))
        .arg("import-communes")
        .arg(&file)
        .arg("--force")
        .output()
        .unwrap();
    let (stdout, stderr) = out(&o);
    assert!(
        stdout.contains("1 added, 0 updated, 1 rejected"),
        "{stdout}{stderr}"
    );
    assert!(
        stderr.contains("communes.csv:3: code_postal: \"123\" is not a postal code"),
        "{stderr}"
    );
}

#[test]
fn a_lieu_in_la_reunion_is_open_on_its_own_clock() {
    let dir = tempfile::tempdir().unwrap();
    let o = borne(dir.path())
        .arg("import-lieux")
        .arg(fixture("lieux-reunion.csv"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{:?}", out(&o));
    // 06:30 on the kiosk's clock in Gap (UTC+1) is 09:30 in Saint-Denis (UTC+4): open.
    let o = borne(dir.path())
        .args([
            "lieux",
            "near",
            "97400",
            "--limit",
            "50",
            "--at",
            "2026-03-02T06:30",
        ])
        .output()
        .unwrap();
    let (stdout, stderr) = out(&o);
    assert!(o.status.success(), "{stderr}");
    assert_eq!(
        state_of(&stdout, "Médiathèque de Saint-Denis"),
        "Ouvert maintenant — ferme à 12 h 00",
        "{stdout}"
    );
    // 10:15 in Gap is 13:15 there: closed until tomorrow 08:00 (their time).
    let o = borne(dir.path())
        .args([
            "lieux",
            "near",
            "97400",
            "--limit",
            "50",
            "--at",
            "2026-03-02T10:15",
        ])
        .output()
        .unwrap();
    assert_eq!(
        state_of(&out(&o).0, "Médiathèque de Saint-Denis"),
        "Fermé — ouvre demain à 8 h 00"
    );
    // 20 December is La Réunion's holiday (abolition of slavery): closed all day.
    let o = borne(dir.path())
        .args([
            "lieux",
            "near",
            "97400",
            "--limit",
            "50",
            "--at",
            "2027-12-20T06:30",
        ])
        .output()
        .unwrap();
    assert!(state_of(&out(&o).0, "Médiathèque de Saint-Denis").starts_with("Fermé — ouvre demain"));
}

/// The open state said under a lieu of `lieux near`'s list.
fn state_of(listing: &str, name: &str) -> String {
    let lines: Vec<&str> = listing.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(name))
        .unwrap_or_else(|| panic!("{name} not listed:\n{listing}"));
    lines[at + 1].trim().to_string()
}

#[test]
fn a_command_whose_reader_went_away_stops_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = borne(dir.path())
        .args(["communes", "search", "05000", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // `| head -c 0`: the reader is gone before anything is written.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
}

#[test]
fn a_communes_file_cut_short_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let import = |file: &Path, force: bool| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_borne"));
        cmd.arg("--db").arg(&db).arg("import-communes").arg(file);
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config/communes.csv");
    assert!(import(&shipped, false).status.success());
    let text = std::fs::read_to_string(&shipped).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let half = dir.path().join("half.csv");
    std::fs::write(&half, lines[..lines.len() / 2].join("\n")).unwrap();
    let o = import(&half, false);
    assert_eq!(o.status.code(), Some(2));
    let (_, stderr) = out(&o);
    assert!(stderr.contains("is the file cut short?"), "{stderr}");
    assert!(stderr.contains("the communes are unchanged"), "{stderr}");
    let header = dir.path().join("header.csv");
    std::fs::write(&header, format!("{}\n", lines[0])).unwrap();
    let o = import(&header, false);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        out(&o).1.contains("no commune in the file"),
        "{}",
        out(&o).1
    );
    // Still every commune: Crévoux (05200) is found.
    let o = Command::new(env!("CARGO_BIN_EXE_borne"))
        .arg("--db")
        .arg(&db)
        .args(["communes", "search", "Crévoux"])
        .output()
        .unwrap();
    assert!(out(&o).0.contains("Crévoux"), "{:?}", out(&o));
    // Coordinates that are no place on Earth are rejected rows.
    let nan = dir.path().join("nan.csv");
    std::fs::write(
        &nan,
        format!(
            "{}\n05061,Gap,05000,commune,,05,93,41293,NaN,6.06,,\n05023,Briançon,05100,commune,,05,93,11000,144.9,6.6,,\n05046,Crévoux,05200,commune,,05,93,130,44.55,6.6,,\n",
            lines[0]
        ),
    )
    .unwrap();
    let o = import(&nan, true);
    let (stdout, stderr) = out(&o);
    assert!(
        stdout.contains("1 added, 0 updated, 2 rejected"),
        "{stdout}{stderr}"
    );
    assert!(
        stderr.contains("nan.csv:2: latitude: \"NaN\", \"6.06\" is not a place on Earth"),
        "{stderr}"
    );
}

#[test]
fn a_lieux_file_that_is_a_pipe_or_a_device_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("lieux.csv");
    let c_path = std::ffi::CString::new(pipe.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads a valid C string.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let zero = dir.path().join("lieux.json");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    // Were the pipe opened as a file, the command would wait for a writer for ever.
    let o = borne(dir.path())
        .arg("import-lieux")
        .arg(&pipe)
        .arg(&zero)
        .output()
        .unwrap();
    let (_, stderr) = out(&o);
    assert!(!o.status.success());
    assert!(
        stderr.contains("lieux.csv: cannot read: a named pipe, not a regular file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("lieux.json: cannot read: a device, not a regular file"),
        "{stderr}"
    );
}
