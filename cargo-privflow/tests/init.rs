//! `cargo privflow init`: adds the macros dependency and the config section once, keeps the
//! user's formatting, never rewrites a Cargo.toml that does not parse, never writes through a
//! link.

use std::path::Path;
use std::process::{Command, Output};

fn init(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-privflow"))
        .arg("init")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const MANIFEST: &str = "[package]\nname    = \"app\"   # aligned, as the user likes it\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nserde = \"1\"\n\n[workspace]\n";

#[test]
fn adds_the_dependency_and_the_section_once() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let manifest = dir.path().join("Cargo.toml");
    std::fs::write(&manifest, MANIFEST).expect("write");
    std::fs::create_dir(dir.path().join("src")).expect("mkdir");
    std::fs::write(
        dir.path().join("src/lib.rs"),
        "#[privflow::data]\npub struct P {\n    #[phi]\n    pub d: String,\n}\n",
    )
    .expect("write");
    let out = init(dir.path(), &["--rules", "baseline,visus"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let after = std::fs::read_to_string(&manifest).expect("read");
    // The user's lines are all still there, as written.
    for line in MANIFEST.lines() {
        assert!(after.contains(line), "{line:?} lost:\n{after}");
    }
    let doc: toml::Table = after.parse().expect("still TOML");
    let dep = &doc["dependencies"]["privflow"];
    assert_eq!(dep["package"].as_str(), Some("privflow-macros"));
    let path = dep["path"].as_str().expect("a path dependency");
    assert!(Path::new(path).join("Cargo.toml").is_file(), "{path}");
    let rules = doc["package"]["metadata"]["privflow"]["rules"].clone();
    assert_eq!(
        rules,
        toml::Value::try_from(["baseline", "visus"]).expect("a value")
    );
    // The package now builds with the annotations (cargo resolves the dependency).
    let meta = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "metadata",
            "--no-deps",
            "--offline",
            "--format-version",
            "1",
        ])
        .current_dir(dir.path())
        .output()
        .expect("cargo runs");
    assert!(meta.status.success(), "{}", text(&meta.stderr));
    // Again: nothing changes.
    let again = init(dir.path(), &["--rules", "cloudvisit"]);
    assert_eq!(again.status.code(), Some(0));
    assert!(text(&again.stdout).contains("nothing changed"));
    assert_eq!(std::fs::read_to_string(&manifest).expect("read"), after);
}

#[test]
fn a_manifest_that_does_not_parse_is_left_alone() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let manifest = dir.path().join("Cargo.toml");
    let broken = "[package]\nname = \"app\nversion = \"0.1.0\"\n";
    std::fs::write(&manifest, broken).expect("write");
    let out = init(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("Cargo.toml:2:"), "{err}");
    assert_eq!(std::fs::read_to_string(&manifest).expect("read"), broken);
    // An unknown pack is refused before anything is written.
    std::fs::write(&manifest, MANIFEST).expect("write");
    let out = init(dir.path(), &["--rules", "basline"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("did you mean `baseline`?"));
    assert_eq!(std::fs::read_to_string(&manifest).expect("read"), MANIFEST);
}

#[cfg(unix)]
#[test]
fn a_linked_manifest_is_not_written_through() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let real = dir.path().join("real.toml");
    std::fs::write(&real, MANIFEST).expect("write");
    let pkg = dir.path().join("pkg");
    std::fs::create_dir(&pkg).expect("mkdir");
    std::os::unix::fs::symlink(&real, pkg.join("Cargo.toml")).expect("symlink");
    let out = init(&pkg, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("symbolic link"));
    assert_eq!(std::fs::read_to_string(&real).expect("read"), MANIFEST);
}
