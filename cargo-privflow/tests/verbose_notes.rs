//! `-v` names the macro calls privflow did not expand (so a reviewer knows what was read only in
//! part), and a `macro_rules!` macro defined in another file of the crate is expanded, not noted.

use std::path::Path;
use std::process::{Command, Output};

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path();
    write(
        root,
        "Cargo.toml",
        "[package]\nname = \"notes\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n",
    );
    write(
        root,
        "src/lib.rs",
        "#[macro_use]\nmod macros;\nmod handlers;\n\n#[privflow::data]\npub struct Patient {\n    pub id: u64,\n    #[phi]\n    pub diagnosis: String,\n}\n",
    );
    write(
        root,
        "src/macros.rs",
        "macro_rules! record {\n    ($line:expr) => {\n        println!(\"{}\", $line)\n    };\n}\n",
    );
    write(
        root,
        "src/handlers.rs",
        "use crate::Patient;\n\npub fn show(p: &Patient) {\n    record!(p.diagnosis);\n    lib_macro!(p.id);\n    other::lib_item! { struct X; }\n}\n",
    );
    dir
}

fn privflow(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-privflow"))
        .args(args)
        .arg("--manifest-path")
        .arg(root.join("Cargo.toml"))
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

#[test]
fn verbose_output_names_each_macro_call_not_expanded() {
    let dir = workspace();
    let out = privflow(dir.path(), &["-v"]);
    let err = String::from_utf8_lossy(&out.stderr);
    // The macro from macros.rs is expanded: its println! is the finding.
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("src/handlers.rs:4:5"), "{err}");
    assert!(
        !err.contains("`record!`"),
        "record! is expanded, not noted:\n{err}"
    );
    let notes: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("privflow: note:"))
        .collect();
    assert_eq!(notes.len(), 2, "{err}");
    assert!(
        notes[0]
            .starts_with("privflow: note: src/handlers.rs:5:5: macro `lib_macro!` is not expanded")
            && notes[0].contains("arguments are read as expressions"),
        "{err}"
    );
    assert!(
        notes[1].starts_with("privflow: note: src/handlers.rs:6:5: macro `other::lib_item!`")
            && notes[1].contains("not read"),
        "{err}"
    );
    // Without -v: no notes.
    let quiet = privflow(dir.path(), &[]);
    assert!(!String::from_utf8_lossy(&quiet.stderr).contains("privflow: note:"));
}
