//! What a finding tells beyond its rule's help: every source's way to the sink; for a missing
//! consent, the calls on which the sink's purpose is not consented (and one where it is); and
//! the consent checks or encryption the workspace already has. Through the real binary's JSON
//! and SARIF, on small crates written here.

use std::path::Path;
use std::process::Command;

fn crate_with(lib: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(
        dir.path().join("Cargo.toml"),
        "[package]\nname = \"t\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n",
    )
    .expect("write Cargo.toml");
    std::fs::create_dir(dir.path().join("src")).expect("mkdir");
    std::fs::write(dir.path().join("src/lib.rs"), lib).expect("write lib.rs");
    dir
}

/// The violations of a run, as JSON.
fn violations(root: &Path) -> Vec<serde_json::Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-privflow"))
        .args(["--message-format", "json", "--manifest-path"])
        .arg(root.join("Cargo.toml"))
        .output()
        .expect("the binary runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON line"))
        .filter(|v| v["reason"] == "violation")
        .collect()
}

const USER: &str = r#"#[privflow::data]
pub struct User {
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub opted_in: bool,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_newsletter(_to: &str) {}
"#;

#[test]
fn a_consent_miss_names_the_unconsented_call_the_covered_one_and_the_check() {
    let lib = format!(
        r#"{USER}
#[privflow::consent(purpose = "marketing")]
pub fn may_market(u: &User) -> bool {{
    u.opted_in
}}

fn mail(u: &User) {{
    send_newsletter(&u.email);
}}

fn via(u: &User) {{
    mail(u);
}}

pub fn weekly(u: &User) {{
    if may_market(u) {{
        mail(u);
    }}
}}

pub fn on_signup(u: &User) {{
    via(u);
}}
"#
    );
    let dir = crate_with(&lib);
    let found = violations(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    let v = &found[0];
    assert_eq!(v["rule"], "baseline/marketing-without-consent");
    let steps: Vec<(u64, String)> = v["consent_steps"]
        .as_array()
        .expect("consent_steps")
        .iter()
        .map(|s| {
            (
                s["line"].as_u64().unwrap_or(0),
                s["note"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    // From the entry point down: on_signup → via (line 31), via → mail (line 21); mail is also
    // called with consent (line 26).
    assert_eq!(steps.len(), 3, "{steps:?}");
    assert_eq!(steps[0].0, 31);
    assert!(
        steps[0]
            .1
            .starts_with("`on_signup` calls `via` here without consent"),
        "{steps:?}"
    );
    assert!(
        steps[0]
            .1
            .ends_with("(an entry point: no analysed code calls it)"),
        "{steps:?}"
    );
    assert_eq!(steps[1].0, 21);
    assert!(
        steps[1]
            .1
            .starts_with("`via` calls `mail` here without consent"),
        "{steps:?}"
    );
    assert_eq!(steps[2].0, 26);
    assert!(
        steps[2].1.contains("`weekly` calls `mail` with consent"),
        "{steps:?}"
    );
    let help = v["help"].as_str().expect("help");
    assert!(
        help.ends_with("Consent checks in this workspace that cover `marketing.communications.email`: `may_market` (src/lib.rs:12, marketing)."),
        "{help}"
    );
}

#[test]
fn a_sink_called_without_consent_in_its_own_function_has_no_call_steps() {
    let lib =
        format!("{USER}\npub fn on_signup(u: &User) {{\n    send_newsletter(&u.email);\n}}\n");
    let dir = crate_with(&lib);
    let found = violations(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].get("consent_steps").is_none(), "{}", found[0]);
    let help = found[0]["help"].as_str().expect("help");
    assert!(
        help.ends_with("No function in this workspace is a #[privflow::consent] check for `marketing.communications.email` or a prefix of it yet."),
        "{help}"
    );
}

#[test]
fn an_encryption_miss_names_the_workspace_encryption_or_says_there_is_none() {
    let store = r#"#[privflow::data]
pub struct Visit {
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "storage", region = "eu-central-1")]
pub fn save(_v: &str) {}

pub fn close(v: &Visit) {
    save(&v.diagnosis);
}
"#;
    let without = crate_with(store);
    let found = violations(without.path());
    let help = found[0]["help"].as_str().expect("help");
    assert_eq!(found[0]["rule"], "baseline/phi-unencrypted-at-rest");
    // Where the sink's attributes are set: its annotated function.
    assert_eq!(
        (
            found[0]["sink"]["declared"]["line"].clone(),
            found[0]["sink"]["declared"]["column"].clone()
        ),
        (8.into(), 8.into()),
        "{}",
        found[0]
    );
    assert!(
        help.ends_with("No function in this workspace is a #[privflow::sanitizer(encrypt)] yet."),
        "{help}"
    );

    let with = crate_with(&format!(
        "{store}\n#[privflow::sanitizer(encrypt)]\npub fn seal(s: &str) -> String {{\n    s.to_string()\n}}\n"
    ));
    let found = violations(with.path());
    let help = found[0]["help"].as_str().expect("help");
    assert!(
        help.ends_with("Encryption in this workspace: `seal` (src/lib.rs:15, encrypt)."),
        "{help}"
    );
}

#[test]
fn every_source_reaching_a_sink_has_its_way_as_a_sarif_thread_flow() {
    let lib = r#"#[privflow::data]
pub struct Visit {
    #[phi]
    pub diagnosis: String,
    #[pii(category = "user.name")]
    pub name: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn close(v: &Visit) {
    let line = format!("{} {}", v.name, v.diagnosis);
    audit(&line);
}
"#;
    let dir = crate_with(lib);
    let found = violations(dir.path());
    let phi = found
        .iter()
        .find(|v| v["rule"] == "baseline/phi-to-log")
        .expect("the diagnosis is logged");
    assert_eq!(phi["source"]["data"], "Visit.diagnosis");
    // The log rule for PHI sees only the diagnosis; the PII rule sees the name.
    assert!(phi.get("more_paths").is_none(), "{phi}");

    let out = Command::new(env!("CARGO_BIN_EXE_cargo-privflow"))
        .args([
            "--message-format",
            "sarif",
            "--rules",
            "visus",
            "--manifest-path",
        ])
        .arg(dir.path().join("Cargo.toml"))
        .output()
        .expect("the binary runs");
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF");
    // visus/no-non-eu-transfer: both fields reach the log (region unknown), one finding.
    let results = log["runs"][0]["results"].as_array().expect("results");
    let transfer = results
        .iter()
        .find(|r| r["ruleId"] == "visus/no-non-eu-transfer")
        .expect("a transfer finding");
    let threads = transfer["codeFlows"][0]["threadFlows"]
        .as_array()
        .expect("threadFlows");
    assert_eq!(threads.len(), 2, "{transfer}");
    let starts: Vec<u64> = threads
        .iter()
        .map(|t| {
            t["locations"][0]["location"]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap_or(0)
        })
        .collect();
    // Each way starts at its own field and ends at the sink call.
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(sorted, vec![4, 6], "{starts:?}");
    for t in threads {
        let last = t["locations"]
            .as_array()
            .and_then(|l| l.last())
            .expect("a step");
        assert_eq!(
            last["location"]["physicalLocation"]["region"]["startLine"],
            14
        );
    }
}
