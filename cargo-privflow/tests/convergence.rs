//! The shapes on which the flow engine used to stop with "did not reach a fixpoint" (or ran
//! for minutes), generated at scale: the analysis must finish with no problem reported and
//! still find the one leak planted deep inside each. (Termination is by construction; these
//! cases keep it so. Timing is measured by the bench, not here.)

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Far above what these shapes take (well under a second in a debug build): a run still going
/// after this is a hang, and fails the test instead of stalling CI.
const HANG: Duration = Duration::from_secs(120);

/// A one-package workspace holding `lib` as its `src/lib.rs`.
fn temp_crate(lib: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let manifest = "[package]\nname = \"shape\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n\n[package.metadata.privflow]\nrules = [\"baseline\"]\n";
    std::fs::write(dir.path().join("Cargo.toml"), manifest).expect("write Cargo.toml");
    std::fs::create_dir(dir.path().join("src")).expect("mkdir src");
    std::fs::write(dir.path().join("src/lib.rs"), lib).expect("write lib.rs");
    dir
}

fn privflow_json(dir: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cargo-privflow"))
        .args(["privflow", "--message-format", "json", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > HANG {
            let _ = child.kill();
            panic!("privflow still running after {HANG:?}: the analysis does not settle");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// `lib` as a crate, analysed: it must settle and report its planted PHI-to-log leak.
fn assert_settles_with_phi_leak(lib: &str) {
    let dir = temp_crate(lib);
    assert_finds_only(
        &privflow_json(dir.path()),
        "baseline/phi-to-log",
        "Patient.diagnosis",
    );
}

/// Exit status 1, no problem line, and a `rule` finding whose message names `data`.
fn assert_finds_only(out: &Output, rule: &str, data: &str) {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "expected exit 1 (a finding)\nstdout:\n{stdout}\nstderr:\n{stderr}"
    );
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    // Problems are lines of reason "error" or "warning" with a `kind` (SPEC §4).
    let problems: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|l| (l["reason"] == "error" || l["reason"] == "warning") && l.get("kind").is_some())
        .collect();
    assert!(problems.is_empty(), "problems reported: {problems:?}");
    let found = lines.iter().any(|l| {
        l["reason"] == "violation"
            && l["rule"] == rule
            && l["message"].as_str().is_some_and(|m| m.contains(data))
    });
    assert!(found, "no {rule} finding naming {data}:\n{stdout}");
    let summary = lines
        .iter()
        .find(|l| l["reason"] == "summary")
        .expect("a summary line");
    assert_eq!(summary["incomplete"], false, "{summary}");
}

/// A recursive-descent parser: 60 mutually recursive `parse_*(&[Token]) -> (&[Token], Tree)`
/// functions over a recursive enum, each calling the next two and the first; the innermost logs
/// the tree built from a patient's diagnosis.
#[test]
fn mutually_recursive_descent_parser_settles_and_keeps_the_leak() {
    const N: usize = 60;
    let mut lib = String::from(
        r#"
#[privflow::data]
pub struct Patient { pub id: u64, #[phi] pub diagnosis: String }

pub enum Token { Word(String), Open, Close }
pub enum Tree { Leaf(String), Node(Box<Tree>, Vec<Tree>), Empty }

pub fn start(p: &Patient) {
    let toks = vec![Token::Word(p.diagnosis.clone())];
    let (_rest, tree) = parse_0(&toks);
    let _ = tree;
}
"#,
    );
    for i in 0..N {
        let a = (i + 1) % N;
        let b = (i + 7) % N;
        let log = if i == N - 1 {
            "        log::info!(\"{}\", s);\n"
        } else {
            ""
        };
        write!(
            lib,
            r#"
fn parse_{i}(toks: &[Token]) -> (&[Token], Tree) {{
    match toks.split_first() {{
        None => (toks, Tree::Empty),
        Some((Token::Word(s), rest)) => {{
{log}            let (rest, left) = parse_{a}(rest);
            let (rest, right) = parse_{b}(rest);
            (rest, Tree::Node(Box::new(left), vec![right, Tree::Leaf(s.clone())]))
        }}
        Some((Token::Open, rest)) => {{
            let (rest, inner) = parse_0(rest);
            (rest, Tree::Node(Box::new(inner), Vec::new()))
        }}
        Some((Token::Close, rest)) => (rest, Tree::Empty),
    }}
}}
"#
        )
        .expect("write to a string");
    }
    assert_settles_with_phi_leak(&lib);
}

/// A store trait with default methods taking `&impl Store`, whose resource types call back into
/// the store, 40 resources deep; one resource's `describe` logs the patient it loads.
#[test]
fn store_trait_calling_back_through_its_resources_settles_and_keeps_the_leak() {
    const N: usize = 40;
    let mut lib = String::from(
        r#"
#[privflow::data]
pub struct Patient { pub id: u64, #[phi] pub diagnosis: String }

pub trait Store {
    fn patient(&self, id: u64) -> Patient;
    fn load_all(&self, ids: &[u64]) -> Vec<Patient> {
        ids.iter().map(|i| self.patient(*i)).collect()
    }
    fn touch(&self, r: &impl Resource) -> String where Self: Sized {
        r.describe(self)
    }
}

pub trait Resource {
    fn describe(&self, store: &impl Store) -> String;
}
"#,
    );
    for i in 0..N {
        let next = (i + 1) % N;
        let body = if i == N / 2 {
            "        let p = store.patient(self.0);\n        log::warn!(\"{}\", p.diagnosis);\n        format!(\"{}\", self.0)\n".to_string()
        } else {
            format!("        let inner = R{next}(self.0 + 1);\n        let _ = store.load_all(&[self.0]);\n        inner.describe(store)\n")
        };
        write!(
            lib,
            r#"
pub struct R{i}(pub u64);
impl Resource for R{i} {{
    fn describe(&self, store: &impl Store) -> String {{
{body}    }}
}}
"#
        )
        .expect("write to a string");
    }
    assert_settles_with_phi_leak(&lib);
}

/// A self-recursive method whose result wraps its own (`Some(x.f())`): its return type must not
/// grow an `Option` deeper each round (it did, 7,600 rounds on rust-analyzer's `ide-db`).
#[test]
fn self_wrapping_recursion_settles_and_keeps_the_leak() {
    let lib = r#"
#[privflow::data]
pub struct Patient { pub id: u64, #[phi] pub diagnosis: String }

pub struct Chain { pub next: Option<Box<Chain>>, pub note: String }

impl Chain {
    pub fn notes(&self) -> Option<String> {
        self.next.as_ref().and_then(|n| Some(n.notes()?.clone()))
    }
}

pub fn report(p: &Patient, c: &mut Chain) {
    c.note = p.diagnosis.clone();
    if let Some(n) = c.notes() {
        let _ = n;
    }
    log::info!("{}", c.note);
}
"#;
    assert_settles_with_phi_leak(lib);
}
