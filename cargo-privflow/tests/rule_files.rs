//! Errors in rule pack files: each names the file, line and column of the offending value, and a
//! user pack with an error makes the run incomplete (exit 2).

use privflow::rules::pack::parse_pack;
use privflow::rules::regions::Regions;

const GOOD_HEAD: &str = r#"[pack]
id = "acme"
title = "Acme Health"
company = "Acme GmbH"
date = "2024"
language = "en"
law = "GDPR"

[[recipients]]
name = "Mailer Ltd"
country = "IE"
"#;

fn rule(body: &str) -> String {
    format!(
        "{GOOD_HEAD}\n[[rules]]\nid = \"r1\"\nseverity = \"error\"\nsection = \"1\"\nquote = \"q\"\nenglish = \"e\"\nsummary = \"s\"\nhelp = \"h\"\n{body}\n"
    )
}

fn errors(text: &str) -> String {
    match parse_pack("acme.toml", text, &Regions::builtin()) {
        Ok(_) => "ok".to_string(),
        Err(ps) => ps
            .iter()
            .map(|p| {
                format!(
                    "{}:{}:{}: {}",
                    p.file.clone().unwrap_or_default(),
                    p.line.unwrap_or(0),
                    p.column.unwrap_or(0),
                    p.message
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

#[test]
fn a_well_formed_pack_loads() {
    assert_eq!(
        errors(&rule(
            "data = { class = \"phi\" }\nsink = { kinds = [\"log\"] }"
        )),
        "ok"
    );
}

#[test]
fn rule_file_errors_point_at_their_span() {
    let cases = [
        (
            "unknown key",
            rule("data = { class = \"phi\" }\nsink = { kinds = [\"log\"], colour = \"red\" }"),
        ),
        (
            "bad category",
            rule("data = { categories = [\"contact.email\"] }"),
        ),
        (
            "unknown region",
            rule("sink = { region_outside = [\"Atlantis\"] }"),
        ),
        (
            "unknown sink kind",
            rule("sink = { kinds = [\"carrier-pigeon\"] }"),
        ),
        (
            "unknown recipient",
            rule("sink = { recipient = [\"Nobody Inc\"] }"),
        ),
        (
            "unknown sanitizer",
            rule("lifted_by = { sanitizers = [\"shred\"] }"),
        ),
        (
            "bad severity",
            rule("").replace("severity = \"error\"", "severity = \"fatal\""),
        ),
        ("toml syntax", rule("data = { class = ")),
        (
            "allowlist without categories",
            rule("check = \"allowlist\""),
        ),
    ];
    let mut out = String::new();
    for (name, text) in cases {
        out += &format!("## {name}\n{}\n\n", errors(&text));
    }
    insta::assert_snapshot!(out);
}

#[test]
fn a_broken_user_pack_makes_the_run_incomplete() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pack = dir.path().join("acme.toml");
    std::fs::write(&pack, rule("sink = { region_outside = [\"Atlantis\"] }")).expect("write pack");
    std::fs::create_dir(dir.path().join("src")).expect("mkdir");
    std::fs::write(
        dir.path().join("Cargo.toml"),
        "[package]\nname = \"x\"\nversion = \"0.0.0\"\nedition = \"2021\"\n[workspace]\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("src/lib.rs"), "pub fn f() {}\n").expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cargo-privflow"))
        .args(["check", "--message-format", "json", "--rules"])
        .arg(&pack)
        .arg("--manifest-path")
        .arg(dir.path().join("Cargo.toml"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("unknown region or region set `Atlantis`"),
        "{stdout}"
    );
    assert!(stdout.contains("\"line\":21"), "{stdout}");
}

#[test]
fn an_allow_that_suppresses_nothing_is_a_warning() {
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/suite/flow/suppress/bad-allow-other-rule/Cargo.toml");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cargo-privflow"))
        .args(["check", "--message-format", "json", "--manifest-path"])
        .arg(&manifest)
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.lines().any(
            |l| l.contains(r#""reason":"warning","kind":"unused-allow""#)
                && l.contains("baseline/pii-to-log")
        ),
        "{stdout}"
    );
    // The warning does not make the run incomplete; the real finding still fails it.
    assert_eq!(out.status.code(), Some(1));
}
