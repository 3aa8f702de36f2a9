//! A whole-pipeline fuzzer: seeded, deterministic mutants of the example apps and the suite
//! fixtures, each written into a temporary workspace and run through the real binary (a child
//! process, so that an abort or a stack overflow is caught like a panic) in every output format.
//! Each run must end with exit status 0, 1 or 2, within [`RUN_LIMIT`], without a panic, and the
//! JSON output must be the same bytes when run twice.
//!
//! `cargo test` runs a short bounded fuzz (`bounded_fuzz`, fixed seed, a few seconds). For a long
//! run:
//!
//! ```text
//! PRIVFLOW_FUZZ_SECS=3600 PRIVFLOW_FUZZ_SEED=7 cargo test --release -p cargo-privflow \
//!     --test fuzz -- --ignored --nocapture
//! ```
//!
//! A failing mutant is written to `$PRIVFLOW_FUZZ_OUT` (default: `privflow-fuzz-failures` in the
//! system temporary directory) as a one-package workspace; copy its `src/lib.rs` into
//! `tests/bad-input/fuzz/NAME.rs` to keep it as a regression fixture: `fuzz_fixtures` runs every
//! file there through the same checks.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Longest a single run may take (a release build; a debug build gets four times as long).
const RUN_LIMIT: Duration = Duration::from_secs(10);

fn run_limit() -> Duration {
    if cfg!(debug_assertions) {
        RUN_LIMIT * 4
    } else {
        RUN_LIMIT
    }
}

/// SplitMix64: small, seeded, the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every `.rs` file of the example apps and the suite fixtures, in a fixed order.
fn seeds() -> Vec<Vec<u8>> {
    let mut files = Vec::new();
    for dir in ["examples", "tests/suite"] {
        collect(&repo().join(dir), &mut files);
    }
    files.sort();
    files.iter().filter_map(|f| std::fs::read(f).ok()).collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "target") {
                continue;
            }
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Tokens worth inserting: brackets, operators, keywords, literals and comments cut in half,
/// privflow's own attributes, `include!`.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "<",
    ">",
    "<<",
    ">>",
    "->",
    "=>",
    "|",
    "||",
    "&",
    "&&",
    "!",
    "?",
    "*",
    ".",
    "..",
    "..=",
    "::",
    ":",
    ";",
    ",",
    "#",
    "#!",
    "$",
    "@",
    "'a",
    "'",
    "\"",
    "r#\"",
    "/*",
    "*/",
    "//",
    "fn",
    "mod",
    "impl",
    "struct",
    "enum",
    "trait",
    "let",
    "if",
    "else",
    "match",
    "loop",
    "while",
    "for",
    "return",
    "async",
    "await",
    "move",
    "dyn",
    "unsafe",
    "const",
    "static",
    "mut",
    "ref",
    "pub",
    "use",
    "crate",
    "self",
    "super",
    "Self",
    "where",
    "0",
    "1.5e3",
    "0x_ff",
    "b'x'",
    "'\\u{1F600}'",
    "\"\\\"\"",
    "é",
    "\u{feff}",
    "\0",
    "#[privflow::data]",
    "#[phi]",
    "#[pii(category = \"user.contact\")]",
    "#[privflow::sink(kind = \"log\")]",
    "#[privflow::sink(kind = \"storage\", region = \"us-east-1\")]",
    "#[privflow::source(phi)]",
    "#[privflow::consent(purpose = \"marketing\")]",
    "#[privflow::sanitizer(encrypt)]",
    "#[privflow::erases(Patient)]",
    "#[privflow::allow(rule = \"baseline/phi-to-log\", reason = \"x\")]",
    "// privflow-allow: baseline/phi-to-log -- fuzz\n",
    "#[cfg(test)]",
    "#[cfg(feature = \"x\")]",
    "#[path = \"inc.rs\"] mod inc;",
    "include!(\"inc.rs\");",
    "include!(concat!(\"a\", \"b\"));",
    "println!(\"{}\", x);",
    "format!(\"{x:?}\")",
    "json!({\"a\": [x, {\"b\": y}]})",
];

/// Attribute arguments to put in place of real ones.
const ATTR_ARGS: &[&str] = &[
    "",
    "kind",
    "kind = ",
    "kind = 1",
    "kind = \"nowhere\"",
    "kind = \"log\", kind = \"log\"",
    "category = \"\"",
    "category = \"user.\"",
    "purposes = [",
    "purposes = [\"a\", 1, [2]]",
    "region = \"xx-nowhere-9\"",
    "binds = 18446744073709551616",
    "binds = -1",
    "by = []",
    "rule = \"no/such\", reason = \"\"",
    "retention_days = 1e400",
    "args = [\"self\", 99999]",
    "phi, pii, phi",
    "= = =",
    "stores = \"Not::A::Type<>\"",
    "op = \"delete\", op = \"write\"",
];

/// Deep shapes the parser recurses on: (open, close) repeated some number of times.
const NESTINGS: &[(&str, &str)] = &[
    ("(", ")"),
    ("[", "]"),
    ("{", "}"),
    ("Vec<", ">"),
    ("&'static ", ""),
    ("!", ""),
    ("-", ""),
    ("*", ""),
    ("", " + 1"),
    ("", ".clone()"),
    ("", "?"),
    ("", ".0"),
    ("", "[0]"),
    ("|| ", ""),
    ("|a, b| ", ""),
    ("*const ", ""),
    ("fn() -> ", ""),
    ("mod m { ", "}"),
    ("fn f() { ", "}"),
    ("if a {} else ", ""),
    ("return ", ""),
    ("", " as u8"),
];

const DEPTHS: &[usize] = &[2, 10, 100, 401, 1_000, 5_000, 19_000, 20_001, 60_000];

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut s = rng.pick(seeds).clone();
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let at = rng.below(s.len() + 1);
        match rng.below(10) {
            // Bytes: flip, insert, delete a range.
            0 => {
                if !s.is_empty() {
                    let i = rng.below(s.len());
                    s[i] ^= 1 << rng.below(8);
                }
            }
            1 => s.insert(at, rng.next() as u8),
            2 => {
                let len = rng.below(64).min(s.len() - at.min(s.len()));
                s.drain(at..at + len);
            }
            // Tokens: insert one, duplicate a slice, splice in another seed's slice.
            3 | 4 => {
                let t = format!(" {} ", rng.pick(TOKENS));
                s.splice(at..at, t.into_bytes());
            }
            5 => {
                let len = rng.below(200).min(s.len() - at.min(s.len()));
                let copy: Vec<u8> = s[at..at + len].to_vec();
                let times = 1 + rng.below(8);
                for _ in 0..times {
                    s.splice(at..at, copy.iter().copied());
                }
            }
            6 => {
                let other = rng.pick(seeds);
                let from = rng.below(other.len() + 1);
                let len = rng.below(400).min(other.len() - from);
                s.splice(at..at, other[from..from + len].iter().copied());
            }
            // Nesting depth: a deep shape around a small expression.
            7 | 8 => {
                let (open, close) = *rng.pick(NESTINGS);
                let n = *rng.pick(DEPTHS);
                let mut t = open.repeat(n);
                t.push('x');
                t.push_str(&close.repeat(n));
                s.splice(at..at, t.into_bytes());
            }
            // Attribute arguments: replace the inside of some `#[..(..)]`.
            _ => {
                let text = String::from_utf8_lossy(&s).into_owned();
                let starts: Vec<usize> = text.match_indices("#[").map(|(i, _)| i).collect();
                if starts.is_empty() {
                    continue;
                }
                let i = *rng.pick(&starts);
                let Some(open) = text[i..].find('(').map(|o| i + o) else {
                    continue;
                };
                let Some(close) = text[open..].find(")]").map(|c| open + c) else {
                    continue;
                };
                let mut t = text;
                let args = *rng.pick(ATTR_ARGS);
                t.replace_range(open + 1..close, args);
                s = t.into_bytes();
            }
        }
    }
    s
}

/// The output formats every mutant is run in: (label, extra arguments).
const FORMATS: &[(&str, &[&str])] = &[
    ("json", &["check", "--message-format", "json"]),
    ("sarif", &["check", "--message-format", "sarif"]),
    (
        "graphical",
        &["check", "--style", "graphical", "--color", "always"],
    ),
    ("narrated", &["check", "--style", "narrated"]),
    ("map-markdown", &["map", "--format", "markdown"]),
    ("map-json", &["map", "--format", "json"]),
    ("map-dot", &["map", "--format", "dot"]),
    ("map-mermaid", &["map", "--format", "mermaid"]),
    ("map-fides", &["map", "--format", "fides"]),
    ("map-html", &["map", "--format", "html"]),
];

const CARGO_TOML: &str = "[package]\nname = \"fuzzed\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[workspace]\n\n[package.metadata.privflow]\nrules = [\"baseline\", \"visus\", \"cloudvisit\", \"cgm-videosprechstunde\", \"visual-systems\", \"zaurus\"]\n";

/// A one-package workspace whose `src/lib.rs` is `lib_rs` (and a small `src/inc.rs` for the
/// `include!` and `#[path]` tokens).
fn workspace(dir: &Path, lib_rs: &[u8]) {
    std::fs::write(dir.join("Cargo.toml"), CARGO_TOML).expect("write Cargo.toml");
    std::fs::create_dir_all(dir.join("src")).expect("mkdir src");
    std::fs::write(dir.join("src/lib.rs"), lib_rs).expect("write lib.rs");
    std::fs::write(
        dir.join("src/inc.rs"),
        "pub fn inc(p: &crate::Patient) { println!(\"{}\", p.diagnosis); }\n",
    )
    .expect("write inc.rs");
}

/// Runs one format; `Err` says what went wrong.
fn run(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out_path = dir.join("privflow.stdout");
    let err_path = dir.join("privflow.stderr");
    let out = std::fs::File::create(&out_path).map_err(|e| e.to_string())?;
    let err = std::fs::File::create(&err_path).map_err(|e| e.to_string())?;
    let mut child = Command::new(env!("CARGO_BIN_EXE_cargo-privflow"))
        .args(args)
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"))
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .map_err(|e| format!("cannot start privflow: {e}"))?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => {}
            Err(e) => return Err(format!("wait: {e}")),
        }
        if started.elapsed() > run_limit() {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("{args:?} took longer than {:?}", run_limit()));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stderr =
        String::from_utf8_lossy(&std::fs::read(&err_path).unwrap_or_default()).into_owned();
    let stdout = std::fs::read(&out_path).unwrap_or_default();
    let tail: String = stderr
        .chars()
        .rev()
        .take(2000)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if stderr.contains("panicked") || stderr.contains("stack overflow") {
        return Err(format!("{args:?} crashed:\n{tail}"));
    }
    if !matches!(status.code(), Some(0..=2)) {
        return Err(format!("{args:?} ended with {status}:\n{tail}"));
    }
    Ok(stdout)
}

/// Checks one input in the given formats (JSON always, twice, for determinism).
fn check_input(dir: &Path, lib_rs: &[u8], formats: &[&(&str, &[&str])]) -> Result<(), String> {
    workspace(dir, lib_rs);
    let first = run(dir, FORMATS[0].1)?;
    let again = run(dir, FORMATS[0].1)?;
    if first != again {
        return Err("JSON output differs between two runs of the same input".into());
    }
    for (_, args) in formats {
        run(dir, args)?;
    }
    Ok(())
}

fn failures_dir() -> PathBuf {
    std::env::var_os("PRIVFLOW_FUZZ_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("privflow-fuzz-failures"))
}

/// Fuzzes for `budget`, from `seed`; every failing mutant is saved, and the test fails naming
/// them.
fn fuzz(seed: u64, budget: Duration, every_format: bool) {
    let seeds = seeds();
    assert!(
        !seeds.is_empty(),
        "no seed files under examples/ and tests/suite/"
    );
    let mut rng = Rng(seed);
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut failures = Vec::new();
    let mut n = 0usize;
    while started.elapsed() < budget || n == 0 {
        let mutant = mutate(&mut rng, &seeds);
        // One more format per mutant in turn (all of them in a long run).
        let formats: Vec<&(&str, &[&str])> = if every_format {
            FORMATS[1..].iter().collect()
        } else {
            vec![&FORMATS[1 + n % (FORMATS.len() - 1)]]
        };
        if let Err(why) = check_input(dir.path(), &mutant, &formats) {
            let keep = failures_dir().join(format!("seed{seed}-case{n}"));
            let _ = std::fs::create_dir_all(&keep);
            workspace(&keep, &mutant);
            eprintln!("fuzz: case {n} failed: {why}\n  kept in {}", keep.display());
            failures.push(format!("{}: {why}", keep.display()));
        }
        n += 1;
    }
    eprintln!(
        "fuzz: {n} mutants from seed {seed} in {:.1?}",
        started.elapsed()
    );
    assert!(
        failures.is_empty(),
        "{} failing mutants:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// The bounded run every `cargo test` does: a fixed seed, a few seconds.
#[test]
fn bounded_fuzz() {
    fuzz(
        env_u64("PRIVFLOW_FUZZ_SEED").unwrap_or(20_261_202),
        Duration::from_secs(env_u64("PRIVFLOW_FUZZ_BOUNDED_SECS").unwrap_or(4)),
        false,
    );
}

/// The long run, by hand: `PRIVFLOW_FUZZ_SECS` (default an hour), `PRIVFLOW_FUZZ_SEED`.
#[test]
#[ignore = "long: run with --ignored, see the module docs"]
fn long_fuzz() {
    fuzz(
        env_u64("PRIVFLOW_FUZZ_SEED").unwrap_or(1),
        Duration::from_secs(env_u64("PRIVFLOW_FUZZ_SECS").unwrap_or(3600)),
        true,
    );
}

/// Every mutant the fuzzer ever failed on, kept in `tests/bad-input/fuzz/`, in every format.
#[test]
fn fuzz_fixtures() {
    let mut files = Vec::new();
    collect(&repo().join("tests/bad-input/fuzz"), &mut files);
    files.sort();
    assert!(!files.is_empty(), "tests/bad-input/fuzz/ has no fixtures");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let all: Vec<&(&str, &[&str])> = FORMATS[1..].iter().collect();
    for f in files {
        let text = std::fs::read(&f).expect("read fixture");
        if let Err(why) = check_input(dir.path(), &text, &all) {
            panic!("{}: {why}", f.display());
        }
    }
}
