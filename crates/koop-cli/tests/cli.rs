//! The `koop` binary as a user runs it: set up an agency and a login, import good and
//! bad files, export.

use std::io::Write;
use std::process::{Command, Stdio};

fn koop(args: &[&str], stdin: &str) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_koop"))
        .args(args)
        .env_remove("KOOP_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("koop runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("koop finishes");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_fresh_installation_imports_and_exports_and_rejects_bad_files_whole() {
    let dir = std::env::temp_dir().join(format!("koop-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = format!("sqlite://{}", dir.join("cli.db").display());
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();

    assert!(koop(&["migrate", "--db", &db], "").0);
    let (ok, _, err) = koop(
        &[
            "agency",
            "add",
            "wifo-halle",
            "Wirtschaftsförderung Halle",
            "--db",
            &db,
        ],
        "",
    );
    assert!(ok, "{err}");
    let (ok, _, err) = koop(&["agency", "add", "Wifo Halle", "x", "--db", &db], "");
    assert!(!ok && err.contains("slug"), "{err}");
    let (ok, _, err) = koop(
        &[
            "user",
            "add",
            "--email",
            "staff@halle.example",
            "--name",
            "Team",
            "--role",
            "agency_staff",
            "--agency",
            "wifo-halle",
            "--db",
            &db,
        ],
        "sicheres-passwort\n",
    );
    assert!(ok, "{err}");

    std::fs::write(path("good.csv"), "Name;Art;Land;Ort;NACE\nMüller GmbH;company;DE;Halle;28.41\nООО «Волга»;company;RU;Самара;01.11\n").unwrap();
    let (ok, out, err) = koop(
        &[
            "import",
            "organisations",
            &path("good.csv"),
            "--agency",
            "wifo-halle",
            "--db",
            &db,
        ],
        "",
    );
    assert!(ok, "{err}");
    assert!(out.contains("\"created\":2"), "{out}");
    let (_, out, _) = koop(
        &[
            "import",
            "organisations",
            &path("good.csv"),
            "--agency",
            "wifo-halle",
            "--db",
            &db,
        ],
        "",
    );
    assert!(
        out.contains("\"created\":0") && out.contains("\"unchanged\":2"),
        "re-import duplicates nothing: {out}"
    );

    std::fs::write(
        path("bad.csv"),
        "name,country\nNeu GmbH,DE\nKaputt AG,Germany\n",
    )
    .unwrap();
    let (ok, _, err) = koop(
        &[
            "import",
            "organisations",
            &path("bad.csv"),
            "--agency",
            "wifo-halle",
            "--db",
            &db,
        ],
        "",
    );
    assert!(!ok);
    assert!(
        err.contains("nothing was imported")
            && err.contains("line 3, column country")
            && err.contains("Germany"),
        "{err}"
    );

    let (ok, _, err) = koop(
        &[
            "export",
            "organisations",
            "--agency",
            "wifo-halle",
            "--output",
            &path("out.xlsx"),
            "--db",
            &db,
        ],
        "",
    );
    assert!(ok, "{err}");
    let (ok, _, err) = koop(
        &[
            "import",
            "organisations",
            &path("out.xlsx"),
            "--agency",
            "wifo-halle",
            "--db",
            &db,
        ],
        "",
    );
    assert!(ok, "{err}");
    let (ok, _, _) = koop(
        &[
            "export",
            "organisations",
            "--agency",
            "wifo-halle",
            "--output",
            &path("out.csv"),
            "--db",
            &db,
        ],
        "",
    );
    assert!(ok);
    let csv = std::fs::read_to_string(path("out.csv")).unwrap();
    assert!(
        csv.starts_with('\u{feff}') && csv.contains("Müller GmbH;company;DE;Halle;28.41"),
        "{csv}"
    );
    assert!(
        !csv.contains("Neu GmbH"),
        "the rejected file left nothing behind"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A small exchange in the published format, for the event-size bench.
const EXCHANGE: &str = "nBusiness = 4;\nnMeetings = 4;\nnTables = 2;\nnTotalSlots = 4;\n\
    nMorningSlots = 2;\nrequested = [|1, 2, 3,\n|1, 3, 3,\n|2, 4, 3,\n|3, 4, 3,\n|];\n\
    meetingsxBusiness = [{1,2},{1,3},{2,4},{3,4}];\nnMeetingsBusiness = [2,2,2,2];\n\
    forbidden = [{0},{0},{0},{0}];\nfixed = [0, 0, 0, 0];\nprecedences = [{}, {}, {}, {}];\n";

#[test]
fn the_event_size_bench_runs_a_directory_without_known_results_and_writes_its_table() {
    let dir = std::env::temp_dir().join(format!("koop-scale-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("gen-p4-s1.dzn"), EXCHANGE).unwrap();
    let doc = dir.join("BENCHMARKS.md");
    std::fs::write(&doc, "# koop benchmarks\n").unwrap();
    let data = dir.to_string_lossy().into_owned();
    let (ok, out, err) = koop(
        &[
            "schedule",
            "bench",
            "--data",
            &data,
            "--time-limit",
            "2",
            "--write",
            &doc.to_string_lossy(),
        ],
        "",
    );
    assert!(ok, "{err}");
    let line: serde_json::Value = serde_json::from_str(out.trim()).expect(&out);
    assert_eq!(line["instances"], 1);
    assert_eq!(line["all_placed"], 1);
    assert_eq!(line["invalid"], 0);
    let table = std::fs::read_to_string(&doc).unwrap();
    assert!(
        table.contains("## Meeting scheduler at event size"),
        "{table}"
    );
    assert!(table.contains("| gen-p4-s1 | 4 | 4 | 0 |"), "{table}");
    std::fs::remove_dir_all(&dir).unwrap();
}
