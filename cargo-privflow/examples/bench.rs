//! Benchmark: generates synthetic health-app workspaces of about 10k, 100k and 1M lines and
//! reports parse time, analysis time and peak memory for each.
//!
//! Run: `cargo run --release -p cargo-privflow --example bench [-- 10000 100000 1000000]`
//! (`PRIVFLOW_BENCH_KEEP=1` keeps the generated workspaces to look at.)
//!
//! Real code: `... --example bench -- --real path/to/crate/src [1 2 4]` copies a real crate's
//! sources 1×, 2×, 4× (each copy a module of one generated crate, its `lib.rs` as the module's
//! `mod.rs`) and reports, beside privflow's times, a syn parse-only pass over the same files in
//! the same run (the floor; on all cores, as privflow parses) and the ratio to it.
//!
//! The generated code has the shapes real apps have: tagged models, repositories, services
//! calling helpers across modules, closures over iterators, consent checks, logging and storage
//! sinks. A fraction of the services leak PHI to a log so the rules have work to do.

use privflow::flow::FlowConfig;
use privflow::rules::pack::load_packs;
use privflow::rules::regions::Regions;
use privflow::syntax::load::{load, CrateRoot};
use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

// The allocator `cargo-privflow` itself runs with, so the figures are the shipped binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// One module of about 100 lines.
fn module(i: usize) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        r#"use crate::common::{{audit, store_row, may_market, send_newsletter}};

#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient{i} {{
    pub id: u64,
    #[phi]
    pub diagnosis: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub ward: u32,
}}

pub struct Repo{i} {{
    rows: Vec<Patient{i}>,
}}

impl Repo{i} {{
    pub fn load(&self, id: u64) -> Option<Patient{i}> {{
        self.rows.iter().find(|p| p.id == id).cloned()
    }}

    pub fn ids(&self) -> Vec<u64> {{
        self.rows.iter().map(|p| p.id).collect()
    }}

    pub fn summary(&self, id: u64) -> String {{
        match self.load(id) {{
            Some(p) => format!("{{}} in ward {{}}", p.id, p.ward),
            None => String::new(),
        }}
    }}
}}

fn describe{i}(p: &Patient{i}) -> String {{
    let mut out = String::new();
    out.push_str(&p.id.to_string());
    if p.ward > 3 {{
        out.push_str(" (intensive)");
    }}
    out
}}

fn helper{i}(text: &str, n: usize) -> String {{
    let mut acc = String::from(text);
    for k in 0..n {{
        if k % 2 == 0 {{
            acc.push('.');
        }}
    }}
    acc
}}

pub fn service{i}(repo: &Repo{i}, id: u64) {{
    let ids = repo.ids();
    for other in ids.iter().filter(|x| **x != id) {{
        audit(&helper{i}(&other.to_string(), 2));
    }}
    if let Some(p) = repo.load(id) {{
        audit(&describe{i}(&p));
        store_row(&repo.summary(id));
        if may_market(p.id) {{
            send_newsletter(&p.email);
        }}
"#
    );
    // Every tenth service leaks a diagnosis into the log.
    if i % 10 == 0 {
        let _ = writeln!(s, "        audit(&p.diagnosis);");
    }
    let _ = write!(
        s,
        r#"    }}
}}

pub fn batch{i}(repo: &Repo{i}, ids: &[u64]) -> usize {{
    let mut done = 0;
    for id in ids {{
        service{i}(repo, *id);
        done += 1;
    }}
    let total: u64 = ids.iter().fold(0, |a, b| a + b);
    if total > 100 {{
        audit(&total.to_string());
    }}
    done
}}
"#
    );
    s
}

const COMMON: &str = r#"
#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[privflow::sink(kind = "storage", encrypted = true, region = "DE")]
pub fn store_row(_row: &str) {}

#[privflow::consent(purpose = "marketing")]
pub fn may_market(_id: u64) -> bool { true }

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_newsletter(_to: &str) {}
"#;

fn generate(dir: &Path, lines: usize) -> std::io::Result<usize> {
    let per_module = module(1).lines().count();
    let modules = (lines / per_module).max(1);
    let src = dir.join("src");
    std::fs::create_dir_all(&src)?;
    std::fs::write(dir.join("Cargo.toml"), BENCH_MANIFEST)?;
    let mut lib = String::from("pub mod common;\n");
    let mut total = COMMON.lines().count();
    for i in 0..modules {
        let text = module(i);
        total += text.lines().count();
        std::fs::write(src.join(format!("m{i}.rs")), text)?;
        let _ = writeln!(lib, "pub mod m{i};");
    }
    std::fs::write(src.join("common.rs"), COMMON)?;
    std::fs::write(src.join("lib.rs"), lib)?;
    Ok(total)
}

const BENCH_MANIFEST: &str =
    "[package]\nname = \"bench\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[workspace]\n";

/// The one crate of a generated workspace.
fn bench_root(dir: &Path) -> Vec<CrateRoot> {
    vec![CrateRoot {
        name: "bench".into(),
        root_file: dir.join("src/lib.rs"),
        skip: Vec::new(),
        extern_crates: Vec::new(),
        features: None,
    }]
}

/// Peak resident memory of this process so far, in MiB (Linux; 0 elsewhere).
fn peak_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

/// Copies the `.rs` files under `src` (a crate's source directory with a `lib.rs`) `copies`
/// times into `dir/src/copy{k}/`, each copy's `lib.rs` as its `mod.rs`.
fn generate_real(
    dir: &Path,
    src: &Path,
    copies: usize,
) -> std::io::Result<Vec<std::path::PathBuf>> {
    fn walk(root: &Path, rel: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
        let mut entries: Vec<_> = std::fs::read_dir(root.join(rel))?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let r = rel.join(e.file_name());
            let ft = e.file_type()?;
            if ft.is_dir() {
                walk(root, &r, out)?;
            } else if ft.is_file() && r.extension().is_some_and(|x| x == "rs") {
                out.push(r);
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(src, Path::new(""), &mut files)?;
    let out_src = dir.join("src");
    std::fs::create_dir_all(&out_src)?;
    std::fs::write(dir.join("Cargo.toml"), BENCH_MANIFEST)?;
    let mut lib = String::new();
    let mut written = Vec::new();
    for k in 0..copies {
        let _ = writeln!(lib, "pub mod copy{k};");
        for f in &files {
            let to = if f == Path::new("lib.rs") {
                out_src.join(format!("copy{k}")).join("mod.rs")
            } else {
                out_src.join(format!("copy{k}")).join(f)
            };
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::copy(src.join(f), &to)?;
            written.push(to);
        }
    }
    std::fs::write(out_src.join("lib.rs"), lib)?;
    Ok(written)
}

/// The floor: every file read and parsed by syn, on all cores, nothing else. Returns seconds.
fn syn_floor(files: &[std::path::PathBuf]) -> f64 {
    use rayon::prelude::*;
    let t = Instant::now();
    let parsed: usize = files
        .par_iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            usize::from(syn::parse_file(&text).is_ok())
        })
        .sum();
    let secs = t.elapsed().as_secs_f64();
    std::hint::black_box(parsed);
    secs
}

fn real_rows(src: &Path, copies: &[usize]) {
    let regions = Regions::builtin();
    let (packs, _) = load_packs(&["baseline".to_string()], &regions);
    println!(
        "{:>7} {:>10} {:>8} {:>10} {:>10} {:>12} {:>10} {:>7} {:>10}",
        "copies",
        "lines",
        "files",
        "floor s",
        "parse s",
        "analysis s",
        "total s",
        "ratio",
        "peak MiB"
    );
    for &n in copies {
        let dir =
            std::env::temp_dir().join(format!("privflow-bench-real-{n}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let files = match generate_real(&dir, src, n) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("cannot copy {}: {e}", src.display());
                return;
            }
        };
        let lines: usize = files
            .iter()
            .map(|f| {
                std::fs::read_to_string(f)
                    .map(|t| t.lines().count())
                    .unwrap_or(0)
            })
            .sum();
        // The floor first, then privflow, each over the same files, best of three.
        let floor = (0..3)
            .map(|_| syn_floor(&files))
            .fold(f64::INFINITY, f64::min);
        let roots = bench_root(&dir);
        let mut best = (f64::INFINITY, 0.0, 0.0, 0usize);
        for _ in 0..3 {
            let t0 = Instant::now();
            let loaded = load(&roots, &dir);
            let parse = t0.elapsed().as_secs_f64();
            let t1 = Instant::now();
            let _out = privflow::driver::analyze(
                &loaded,
                vec![FlowConfig::default()],
                &packs,
                &regions,
                privflow::flow::demand::Scope::TaggedData,
            );
            let analysis = t1.elapsed().as_secs_f64();
            if parse + analysis < best.0 {
                best = (parse + analysis, parse, analysis, loaded.db.files.len());
            }
        }
        println!(
            "{:>7} {:>10} {:>8} {:>10.3} {:>10.3} {:>12.3} {:>10.3} {:>6.1}x {:>10.0}",
            n,
            lines,
            best.3,
            floor,
            best.1,
            best.2,
            best.0,
            best.0 / floor,
            peak_mib()
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = argv.iter().position(|a| a == "--real") {
        let Some(src) = argv.get(i + 1) else {
            eprintln!("--real needs a crate's source directory (the one holding lib.rs)");
            std::process::exit(2);
        };
        let copies: Vec<usize> = argv[i + 2..]
            .iter()
            .filter_map(|a| a.parse().ok())
            .collect();
        let copies = if copies.is_empty() {
            vec![1, 2, 4]
        } else {
            copies
        };
        real_rows(Path::new(src), &copies);
        return;
    }
    let sizes: Vec<usize> = {
        let args: Vec<usize> = std::env::args()
            .skip(1)
            .filter_map(|a| a.parse().ok())
            .collect();
        if args.is_empty() {
            vec![10_000, 100_000, 1_000_000]
        } else {
            args
        }
    };
    let regions = Regions::builtin();
    let (packs, problems) = load_packs(&["baseline".to_string()], &regions);
    assert!(
        problems.is_empty(),
        "built-in pack failed to load: {problems:?}"
    );
    println!(
        "{:>10} {:>8} {:>10} {:>12} {:>10} {:>9} {:>10}",
        "lines", "files", "parse s", "analysis s", "total s", "findings", "peak MiB"
    );
    for size in sizes {
        let dir =
            std::env::temp_dir().join(format!("privflow-bench-{size}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let lines = match generate(&dir, size) {
            Ok(n) => n,
            Err(e) => {
                eprintln!("cannot generate {size}-line workspace: {e}");
                continue;
            }
        };
        let roots = bench_root(&dir);
        let t0 = Instant::now();
        let loaded = load(&roots, &dir);
        let parse = t0.elapsed().as_secs_f64();
        let t1 = Instant::now();
        let out = privflow::driver::analyze(
            &loaded,
            vec![FlowConfig::default()],
            &packs,
            &regions,
            privflow::flow::demand::Scope::TaggedData,
        );
        let analysis = t1.elapsed().as_secs_f64();
        println!(
            "{:>10} {:>8} {:>10.3} {:>12.3} {:>10.3} {:>9} {:>10.0}",
            lines,
            loaded.db.files.len(),
            parse,
            analysis,
            parse + analysis,
            out.findings.len(),
            peak_mib()
        );
        if std::env::var_os("PRIVFLOW_BENCH_KEEP").is_some() {
            println!("kept {}", dir.display());
        } else {
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}
