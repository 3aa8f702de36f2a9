//! Input privflow cannot analyse completely (SPEC §3: exit status 2, the file named in the
//! output), run through the real binary.
//!
//! Every case is a crate with one bad part and one good module, `src/ok.rs`, that holds a real
//! PHI-to-log flow: the bad part must be reported as a `{"reason":"error",..}` line naming its
//! file (and line, where there is one), the good module must still be analysed (its
//! `baseline/phi-to-log` violation is reported), the run must end with exit status 2, and
//! nothing may panic. The human format is run too, for the same exit status and no panic.
//!
//! The committed crates live in `tests/bad-input/`; the cases that would put odd files into git
//! (a non-UTF-8 file, a 5,000-deep expression, a symlink loop) are built in a temporary
//! directory at run time.
//!
//! Covered elsewhere, not repeated here: a manifest that does not exist
//! (`cli.rs`: `a_missing_manifest_exits_2_naming_it`) and the messages for a malformed
//! `[package.metadata.privflow]` table (`cli.rs`: `malformed_config_exits_2_naming_every_key`;
//! here only: the rest of the crate is still analysed).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The good module every case carries.
const OK_RS: &str = include_str!("../../tests/bad-input/syntax-error/src/ok.rs");

/// The committed crates (each has a copy of [`OK_RS`]).
const COMMITTED: &[&str] = &[
    "syntax-error",
    "missing-module",
    "unknown-rules",
    "malformed-metadata",
];

fn bad_input(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/bad-input")
        .join(name)
}

fn privflow(manifest: &Path, extra: &[&str], json: bool) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cargo-privflow"));
    cmd.arg("check").arg("--manifest-path").arg(manifest);
    if json {
        cmd.args(["--message-format", "json"]);
    }
    cmd.args(extra)
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// 1-based line of the sink call in [`OK_RS`].
fn ok_sink_line() -> u64 {
    let i = OK_RS
        .lines()
        .position(|l| l.contains("audit(&p.diagnosis)"))
        .expect("ok.rs calls audit");
    i as u64 + 1
}

/// A one-package workspace in a temporary directory: `src/lib.rs` as given, `src/ok.rs`.
fn temp_crate(lib_rs: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(
        dir.path().join("Cargo.toml"),
        "[package]\nname = \"bad-input-tmp\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[workspace]\n\n[package.metadata.privflow]\nrules = [\"baseline\"]\n",
    )
    .expect("write Cargo.toml");
    std::fs::create_dir(dir.path().join("src")).expect("mkdir src");
    std::fs::write(dir.path().join("src/lib.rs"), lib_rs).expect("write lib.rs");
    std::fs::write(dir.path().join("src/ok.rs"), OK_RS).expect("write ok.rs");
    dir
}

/// The error line a case must produce.
struct Expected<'a> {
    kind: &'a str,
    /// `None`: the problem is about the command line, not a file.
    file: Option<&'a str>,
    line: Option<u64>,
    /// Pieces the message must contain.
    message: &'a [&'a str],
}

/// Runs `manifest` (JSON and human), checks exit 2, no panic, the expected error lines, and the
/// violation in `src/ok.rs`. Returns the JSON lines for further checks.
fn check(manifest: &Path, extra: &[&str], expected: &[Expected<'_>]) -> Vec<Value> {
    let out = privflow(manifest, extra, true);
    let stdout = text(&out.stdout);
    let stderr = text(&out.stderr);
    let ctx = format!("--- stdout\n{stdout}--- stderr\n{stderr}");
    assert!(!stderr.contains("panicked"), "privflow panicked\n{ctx}");
    assert_eq!(out.status.code(), Some(2), "exit status\n{ctx}");
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}\n{ctx}")))
        .collect();

    let errors: Vec<&Value> = lines.iter().filter(|l| l["reason"] == "error").collect();
    for want in expected {
        let found = errors.iter().find(|e| {
            e["kind"] == want.kind
                && e["file"].as_str() == want.file
                && want.line.map_or(true, |n| e["line"].as_u64() == Some(n))
        });
        let Some(found) = found else {
            panic!(
                "no error line of kind `{}` for {:?} line {:?}\n{ctx}",
                want.kind, want.file, want.line
            )
        };
        let message = found["message"].as_str().unwrap_or_default();
        for piece in want.message {
            assert!(
                message.contains(piece),
                "message {message:?} lacks {piece:?}\n{ctx}"
            );
        }
    }

    let violation = lines.iter().find(|l| {
        l["reason"] == "violation"
            && l["rule"] == "baseline/phi-to-log"
            && l["sink"]["file"] == "src/ok.rs"
    });
    let Some(violation) = violation else {
        panic!("the good module src/ok.rs was not analysed (no baseline/phi-to-log)\n{ctx}")
    };
    assert_eq!(violation["sink"]["line"], ok_sink_line(), "{ctx}");
    assert_eq!(violation["source"]["data"], "Patient.diagnosis", "{ctx}");

    let summary = lines.last().expect("a summary line");
    assert_eq!(summary["reason"], "summary", "{ctx}");
    assert_eq!(summary["incomplete"], true, "{ctx}");

    // The human format: same exit status, no panic, the files named.
    let out = privflow(manifest, extra, false);
    let human = text(&out.stderr);
    assert!(
        !human.contains("panicked"),
        "privflow panicked (human)\n{human}"
    );
    assert_eq!(out.status.code(), Some(2), "exit status (human)\n{human}");
    for want in expected {
        if let Some(file) = want.file {
            assert!(human.contains(file), "human output lacks {file}\n{human}");
        }
    }
    lines
}

#[test]
fn committed_crates_carry_the_same_good_module() {
    for name in COMMITTED {
        let path = bad_input(name).join("src/ok.rs");
        let ok = std::fs::read_to_string(&path).expect("read ok.rs");
        assert_eq!(ok, OK_RS, "{} differs from syntax-error's", path.display());
    }
}

/// (a) A module file with a syntax error.
#[test]
fn a_syntax_error_is_named_and_the_rest_analysed() {
    check(
        &bad_input("syntax-error").join("Cargo.toml"),
        &[],
        &[Expected {
            kind: "parse",
            file: Some("src/broken.rs"),
            line: Some(4),
            message: &["syntax error"],
        }],
    );
}

/// (b) A module file that is not UTF-8 (Latin-1 text).
#[test]
fn a_non_utf8_file_is_named_and_the_rest_analysed() {
    let dir = temp_crate("mod latin1;\npub mod ok;\n");
    std::fs::write(
        dir.path().join("src/latin1.rs"),
        b"//! Saved as Latin-1.\npub fn greet() -> &'static str {\n    \"Gr\xfc\xdfe\"\n}\n",
    )
    .expect("write latin1.rs");
    check(
        &dir.path().join("Cargo.toml"),
        &[],
        &[Expected {
            kind: "read",
            file: Some("src/latin1.rs"),
            line: Some(3),
            message: &["not valid UTF-8"],
        }],
    );
}

/// (c) An expression nested 5,000 parentheses deep: no stack overflow, the file named.
#[test]
fn a_5000_deep_expression_is_named_and_the_rest_analysed() {
    let dir = temp_crate("mod deep;\npub mod ok;\n");
    let deep = format!(
        "pub fn deep() -> i32 {{\n    {}1{}\n}}\n",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    std::fs::write(dir.path().join("src/deep.rs"), deep).expect("write deep.rs");
    check(
        &dir.path().join("Cargo.toml"),
        &[],
        &[Expected {
            kind: "parse",
            file: Some("src/deep.rs"),
            line: Some(2),
            message: &["deep", "`deep`"],
        }],
    );
}

/// (d) `mod missing;` whose file does not exist.
#[test]
fn a_missing_module_file_is_named_and_the_rest_analysed() {
    check(
        &bad_input("missing-module").join("Cargo.toml"),
        &[],
        &[Expected {
            kind: "missing-module",
            file: Some("src/lib.rs"),
            line: Some(3),
            message: &["`missing`", "src/missing.rs", "src/missing/mod.rs"],
        }],
    );
}

/// (e) A module file that is a symlink to itself.
#[cfg(unix)]
#[test]
fn a_symlink_loop_is_named_and_the_rest_analysed() {
    let dir = temp_crate("mod cycle;\npub mod ok;\n");
    std::os::unix::fs::symlink("cycle.rs", dir.path().join("src/cycle.rs")).expect("symlink");
    check(
        &dir.path().join("Cargo.toml"),
        &[],
        &[Expected {
            kind: "read",
            file: Some("src/cycle.rs"),
            line: None,
            message: &["symlink loop"],
        }],
    );
}

/// (g) An unknown `--rules` id: named, and the packs that do exist still run.
#[test]
fn an_unknown_rules_id_is_named_and_the_known_packs_run() {
    let manifest = bad_input("unknown-rules").join("Cargo.toml");
    check(
        &manifest,
        &["--rules", "no-such-pack", "--rules", "baseline"],
        &[Expected {
            kind: "rules",
            file: None,
            line: None,
            message: &["no-such-pack"],
        }],
    );

    // Alone, it leaves no pack to run: still exit 2 naming it, not a clean 0.
    let out = privflow(&manifest, &["--rules", "no-such-pack"], true);
    let stdout = text(&out.stdout);
    assert!(
        !text(&out.stderr).contains("panicked"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(
        stdout.lines().any(|l| {
            serde_json::from_str::<Value>(l).is_ok_and(|v| {
                v["reason"] == "error"
                    && v["kind"] == "rules"
                    && v["message"]
                        .as_str()
                        .is_some_and(|m| m.contains("no-such-pack"))
            })
        }),
        "{stdout}"
    );
}

/// (h) A malformed `[package.metadata.privflow]` (`region = ["x"]`): the run is incomplete, but
/// the crate is still analysed with the keys that are right (`rules`).
#[test]
fn malformed_metadata_is_named_and_the_rest_analysed() {
    check(
        &bad_input("malformed-metadata").join("Cargo.toml"),
        &[],
        &[Expected {
            kind: "config",
            file: Some("Cargo.toml"),
            line: Some(11),
            message: &["`region` must be a string"],
        }],
    );
}

/// Several bad files in one crate: each one is reported, not only the first.
#[test]
fn every_bad_file_is_reported() {
    let dir = temp_crate("mod broken;\nmod latin1;\nmod missing;\npub mod ok;\n");
    std::fs::write(dir.path().join("src/broken.rs"), "pub fn f( {}\n").expect("write");
    std::fs::write(dir.path().join("src/latin1.rs"), b"// caf\xe9\n").expect("write");
    let lines = check(
        &dir.path().join("Cargo.toml"),
        &[],
        &[
            Expected {
                kind: "parse",
                file: Some("src/broken.rs"),
                line: Some(1),
                message: &["syntax error"],
            },
            Expected {
                kind: "read",
                file: Some("src/latin1.rs"),
                line: Some(1),
                message: &["UTF-8"],
            },
            Expected {
                kind: "missing-module",
                file: Some("src/lib.rs"),
                line: Some(3),
                message: &["`missing`"],
            },
        ],
    );
    let errors = lines.iter().filter(|l| l["reason"] == "error").count();
    assert_eq!(errors, 3, "{lines:#?}");
}

/// (i) Code nested beyond what the parser's stack holds, in every shape syn recurses on without
/// brackets (angles, prefix operators, operator, method, call and closure chains, `else if`,
/// return types): each file is named (never a stack overflow), the rest analysed.
#[test]
fn deep_nesting_of_every_shape_is_named_and_the_rest_analysed() {
    let n = 40_000;
    let shapes: Vec<(&str, String)> = vec![
        (
            "angles",
            format!("pub type T = {}u32{};\n", "Vec<".repeat(n), ">".repeat(n)),
        ),
        (
            "refs",
            format!("pub type T = {}u32;\n", "&'static ".repeat(n)),
        ),
        (
            "nots",
            format!("pub fn f(x: bool) -> bool {{ {}x }}\n", "!".repeat(n)),
        ),
        (
            "plus",
            format!("pub fn f() -> u32 {{ 1{} }}\n", " + 1".repeat(n)),
        ),
        (
            "methods",
            format!(
                "pub fn f(s: String) -> String {{ s{} }}\n",
                ".clone()".repeat(n)
            ),
        ),
        (
            "closures",
            format!("pub fn f() {{ let c = {}1; }}\n", "|| ".repeat(n)),
        ),
        (
            "pointers",
            format!("pub type T = {}u32;\n", "*const ".repeat(n)),
        ),
        (
            "fn_pointers",
            format!("pub type T = {}u32;\n", "fn() -> ".repeat(n)),
        ),
        (
            "calls",
            format!("pub fn f(s: fn()) {{ s{}; }}\n", "()".repeat(n)),
        ),
        (
            "tries",
            format!(
                "pub fn f(s: Option<u8>) -> Option<u8> {{ s{} }}\n",
                "?".repeat(n)
            ),
        ),
        (
            "else_if",
            format!(
                "pub fn f(a: bool) {{ if a {{}}{} }}\n",
                " else if a {}".repeat(n)
            ),
        ),
        (
            "nested_fns",
            format!("{}{}\n", "pub fn f() { ".repeat(n / 2), " }".repeat(n / 2)),
        ),
    ];
    let mut lib = String::new();
    for (name, _) in &shapes {
        lib.push_str(&format!("mod {name};\n"));
    }
    lib.push_str("pub mod ok;\n");
    let dir = temp_crate(&lib);
    for (name, code) in &shapes {
        std::fs::write(dir.path().join(format!("src/{name}.rs")), code).expect("write");
    }
    let files: Vec<String> = shapes.iter().map(|(n, _)| format!("src/{n}.rs")).collect();
    let expected: Vec<Expected<'_>> = files
        .iter()
        .map(|f| Expected {
            kind: "parse",
            file: Some(f.as_str()),
            line: Some(1),
            message: &["levels deep"],
        })
        .collect();
    check(&dir.path().join("Cargo.toml"), &[], &expected);
}

/// (j) A 60,000-digit integer literal (syn reads its value in time quadratic in the digits: 20 s
/// before it was refused) is named at once.
#[test]
fn a_huge_integer_literal_is_named_and_the_rest_analysed() {
    let dir = temp_crate("mod digits;\npub mod ok;\n");
    std::fs::write(
        dir.path().join("src/digits.rs"),
        format!(
            "pub fn one() -> u32 {{ 1 }}\npub const X: u32 = {};\n",
            "1".repeat(60_000)
        ),
    )
    .expect("write");
    let started = std::time::Instant::now();
    check(
        &dir.path().join("Cargo.toml"),
        &[],
        &[Expected {
            kind: "parse",
            file: Some("src/digits.rs"),
            line: Some(2),
            message: &["integer literal", "60000 digits"],
        }],
    );
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

/// (k) `include!` of a workspace file among a file's items: its items are analysed as the
/// module's own (a leak in it is reported at the included file).
#[test]
fn an_included_file_is_analysed() {
    let dir = temp_crate("include!(\"leak.rs\");\npub mod ok;\n");
    std::fs::write(
        dir.path().join("src/leak.rs"),
        "pub fn leak(p: &ok::Patient) {\n    ok::audit(&p.diagnosis);\n}\n",
    )
    .expect("write");
    let out = privflow(&dir.path().join("Cargo.toml"), &[], true);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}{}", text(&out.stderr));
    let lines: Vec<Value> = stdout
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert!(
        lines.iter().any(|l| l["reason"] == "violation"
            && l["rule"] == "baseline/phi-to-log"
            && l["sink"]["file"] == "src/leak.rs"
            && l["sink"]["line"] == 2),
        "{stdout}"
    );
    assert!(!lines.iter().any(|l| l["reason"] == "error"), "{stdout}");
}

/// (l) `include!` that privflow cannot read as items (an expression, a `concat!` path, a file
/// outside the workspace, a missing file): named, the run incomplete, never a silent pass.
#[test]
fn an_include_privflow_cannot_follow_is_named() {
    let dir = temp_crate("mod expr;\nmod computed;\nmod outside;\nmod missing_inc;\npub mod ok;\n");
    let src = dir.path().join("src");
    std::fs::write(
        src.join("expr.rs"),
        "pub fn h(p: &crate::ok::Patient) {\n    include!(\"body.rs\")\n}\n",
    )
    .expect("write");
    std::fs::write(src.join("body.rs"), "crate::ok::audit(&p.diagnosis)\n").expect("write");
    std::fs::write(
        src.join("computed.rs"),
        "include!(concat!(env!(\"OUT_DIR\"), \"/gen.rs\"));\n",
    )
    .expect("write");
    std::fs::write(
        src.join("outside.rs"),
        "\ninclude!(\"../../../../x.rs\");\n",
    )
    .expect("write");
    std::fs::write(src.join("missing_inc.rs"), "include!(\"nope.rs\");\n").expect("write");
    check(
        &dir.path().join("Cargo.toml"),
        &[],
        &[
            Expected {
                kind: "parse",
                file: Some("src/expr.rs"),
                line: Some(2),
                message: &["include!(\"body.rs\")", "not analysed"],
            },
            Expected {
                kind: "parse",
                file: Some("src/computed.rs"),
                line: Some(1),
                message: &["not a string literal"],
            },
            Expected {
                kind: "parse",
                file: Some("src/outside.rs"),
                line: Some(2),
                message: &["outside the workspace"],
            },
            Expected {
                kind: "missing-module",
                file: Some("src/missing_inc.rs"),
                line: Some(1),
                message: &["file not found", "nope.rs"],
            },
        ],
    );
}

/// Hostile text in the analysed code (escape sequences, OSC 8 links, CR, a bidi override, in
/// code, in annotation strings and in an allow comment's rule id) never reaches the human output
/// raw, in either style; a finding past column 65,535 does not crash graphical output; and a
/// config naming a file outside the workspace gets its path, never its content.
#[test]
fn hostile_text_is_escaped_long_lines_render_and_outside_files_stay_unread() {
    let esc = '\u{1b}';
    let lib = format!(
        "mod ok;\n\
         #[privflow::sink(kind = \"network\", recipient = \"Evil{esc}[2J{esc}]8;;http://x{esc}\\\\Corp\u{202e}\", purpose = \"ads\\rforged\")]\n\
         pub fn send(_s: &str) {{}}\n\
         // privflow-allow: baseline/x{esc}[31m -- because\n\
         pub fn leak(p: &ok::Patient) {{ let _c = \"{esc}[2J\"; send(&p.diagnosis); }}\n\
         pub fn far(p: &ok::Patient) {{ {}println!(\"{{}}\", p.diagnosis); }}\n",
        " ".repeat(70_000)
    );
    let dir = temp_crate(&lib);
    let manifest = dir.path().join("Cargo.toml");
    // `visus` reports the network sink, quoting its recipient and purpose.
    let with_visus = std::fs::read_to_string(&manifest).expect("read").replace(
        "rules = [\"baseline\"]",
        "rules = [\"baseline\", \"visus\"]",
    );
    std::fs::write(&manifest, with_visus).expect("write");
    for style in ["graphical", "narrated"] {
        let out = privflow(&manifest, &["--style", style, "--color", "always"], false);
        let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(!all.contains("panicked"), "{style}: {all}");
        assert_eq!(out.status.code(), Some(1), "{style}: {all}");
        assert!(
            all.contains("recipient Evil\\u{1b}[2J"),
            "{style}: the recipient, escaped: {all}"
        );
        assert!(
            all.contains("baseline/x\\u{1b}[31m"),
            "{style}: the allow rule id, escaped"
        );
        for bad in ["\u{1b}[2J", "\u{1b}]8;", "\u{202e}", "\r"] {
            assert!(!all.contains(bad), "{style}: raw {bad:?} in the output");
        }
        assert!(
            all.contains("\\u{1b}"),
            "{style}: the escape is shown escaped"
        );
    }

    // A rule file outside the workspace: named, its content never printed.
    let secret = tempfile::NamedTempFile::new().expect("a temporary file");
    std::fs::write(secret.path(), "TOP_SECRET_TOKEN=hunter2\nmore = \n").expect("write");
    let cfg = dir.path().join("Cargo.toml");
    let manifest_text = std::fs::read_to_string(&cfg).expect("read").replace(
        "rules = [\"baseline\", \"visus\"]",
        &format!(
            "rules = [\"baseline\", {:?}]",
            secret.path().to_string_lossy()
        ),
    );
    std::fs::write(&cfg, manifest_text).expect("write");
    for style in ["graphical", "narrated"] {
        let out = privflow(&manifest, &["--style", style, "--color", "always"], false);
        let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(2), "{style}: {all}");
        assert!(
            !all.contains("hunter2"),
            "{style}: outside content printed: {all}"
        );
    }
    // Parse errors that quote a value or a key (`invalid type: string "..."`, `unknown field
    // `..``) keep the file's position, never its content, in every format.
    for content in [
        "rules = \"hunter2-value\"\n",
        "HUNTER2_KEY = 1\n",
        "pack = { id = 1 }\n[hunter2\n",
    ] {
        std::fs::write(secret.path(), content).expect("write");
        for format in ["human", "json", "sarif"] {
            let out = privflow(&manifest, &["--message-format", format], false);
            let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
            assert_eq!(out.status.code(), Some(2), "{format}: {all}");
            assert!(
                !all.to_lowercase().contains("hunter2"),
                "{format}: outside content printed: {all}"
            );
            assert!(
                all.contains(&*secret.path().to_string_lossy()),
                "{format}: the file is named: {all}"
            );
        }
    }
}

/// A module file that is a directory (`src/foo.rs/`) is named as one, not "not found".
#[test]
fn a_module_file_that_is_a_directory_is_named_as_one() {
    let dir = temp_crate("mod ok;\nmod foo;\n");
    std::fs::create_dir(dir.path().join("src/foo.rs")).expect("mkdir");
    check(
        &dir.path().join("Cargo.toml"),
        &[],
        &[Expected {
            kind: "missing-module",
            file: Some("src/lib.rs"),
            line: Some(2),
            message: &["`foo`", "src/foo.rs is a directory"],
        }],
    );
}
