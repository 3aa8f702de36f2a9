//! The I/O shell: load the workspace, read and parse its files, run the pure analysis.

use crate::baseline;
use crate::facts::Facts;
use crate::flow::demand::Scope;
use crate::flow::FlowConfig;
use crate::hir::Program;
use crate::model::{Finding, Problem, ProblemKind, Report, Severity};
use crate::rules::engine::evaluate;
use crate::rules::pack::{load_packs, Pack};
use crate::rules::regions::Regions;
use crate::syntax::load::{CrateRoot, Loaded};
use std::path::{Path, PathBuf};

/// What to analyse and with which rules (the `check` command's options).
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// `--manifest-path`; default: the `Cargo.toml` found from the current directory upwards.
    pub manifest_path: Option<PathBuf>,
    /// `-p/--package` (repeatable); empty = the default members (or all with `workspace`).
    pub packages: Vec<String>,
    /// `--workspace`: every member.
    pub workspace: bool,
    /// `--exclude` (with `--workspace`).
    pub exclude: Vec<String>,
    /// `--rules` (repeatable): pack ids or paths to pack files; overrides the config's `rules`.
    pub rules: Vec<String>,
    /// `--features` (repeatable, comma- or space-separated; `package/feature` names one package's).
    pub features: Vec<String>,
    /// `--all-features`.
    pub all_features: bool,
    /// `--no-default-features`.
    pub no_default_features: bool,
    /// Which baseline file takes out accepted findings.
    pub baseline: BaselineChoice,
    /// The data map is wanted: every sink call, whatever reaches it (`cargo privflow map`).
    /// Otherwise only what tagged data can reach is analysed (and the report's map shows only
    /// that).
    pub every_sink: bool,
    /// `--locked`, `--offline`, `--frozen`: passed on to `cargo metadata`, as cargo tools do.
    pub cargo_flags: Vec<String>,
}

/// Which baseline file a run uses (see [`crate::baseline`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum BaselineChoice {
    /// `privflow-baseline.json` at the workspace root, when it exists.
    #[default]
    Auto,
    /// `--baseline PATH`: this file, which must exist.
    File(PathBuf),
    /// `--no-baseline`, and `cargo privflow baseline` itself: report every finding.
    Off,
}

/// Runs the analysis. Never panics; every problem is in the report's `problems`.
pub fn check(opts: &CheckOptions) -> Report {
    // The analysis recurses over module trees, types and expressions (each guarded by a depth
    // limit); run it on a thread whose stack is far beyond what those limits can use.
    let owned = opts.clone();
    let worker = std::thread::Builder::new()
        .name("privflow-analysis".into())
        .stack_size(ANALYSIS_STACK_BYTES)
        .spawn(move || check_on_this_thread(&owned));
    match worker.map(|h| h.join()) {
        Ok(Ok(report)) => report,
        // No thread could be started, or the analysis panicked (a bug): report, never crash.
        Ok(Err(_)) | Err(_) => Report {
            problems: vec![Problem {
                kind: ProblemKind::Parse,
                severity: Severity::Error,
                file: None,
                line: None,
                column: None,
                message: "internal error: the analysis stopped unexpectedly; results are incomplete (please report this)".into(),
            }],
            ..Report::default()
        },
    }
}

const ANALYSIS_STACK_BYTES: usize = 512 * 1024 * 1024;

fn check_on_this_thread(opts: &CheckOptions) -> Report {
    let mut clock = PhaseClock::start();
    // Workspace loading (manifest, `cargo metadata`, `[*.metadata.privflow]`): a problem that
    // leaves nothing to analyse ends the run here, as an incomplete report (exit 2).
    let ws = match crate::workspace::load(opts) {
        Ok(ws) => ws,
        Err(problem) => {
            return Report {
                problems: vec![problem],
                ..Report::default()
            }
        }
    };
    let mut packages: Vec<&str> = ws.targets.iter().map(|t| t.package.as_str()).collect();
    packages.dedup();
    let system = match packages.as_slice() {
        [one] => one.to_string(),
        _ => ws
            .root
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "workspace".to_string()),
    };
    let mut report = Report {
        problems: ws.problems.clone(),
        root: Some(ws.root.clone()),
        system,
        ..Report::default()
    };
    let regions = Regions::builtin();
    let (packs, pack_problems) = selected_packs(opts, &ws, &regions);
    report.problems.extend(pack_problems);
    report.packs = packs.iter().map(|p| p.pack.id.clone()).collect();

    let roots: Vec<CrateRoot> = ws
        .targets
        .iter()
        .map(|t| CrateRoot {
            name: t.crate_name.clone(),
            root_file: t.root_file.clone(),
            skip: t
                .config
                .skip
                .iter()
                .map(|s| t.package_root.join(s))
                .collect(),
            extern_crates: t.extern_crates.clone(),
            features: Some(std::sync::Arc::new(t.features.clone())),
        })
        .collect();
    let mut configs: Vec<FlowConfig> = ws
        .targets
        .iter()
        .map(|t| FlowConfig::of(&t.config))
        .collect();
    clock.lap("workspace");
    let mut loaded = crate::syntax::load::load(&roots, &ws.root);
    let rust_files = loaded.db.files.len();
    locate_config_entries(&mut configs, &mut loaded.db, &ws.root);
    clock.lap("parse");
    let scope = if opts.every_sink || needs_every_sink(&packs) {
        Scope::Everything
    } else {
        Scope::TaggedData
    };
    let out = analyze(&loaded, configs, &packs, &regions, scope);
    report.phases = clock.phases;
    report.phases.extend(out.phases);
    report.problems.extend(loaded.problems.iter().cloned());
    report.notes = loaded.notes.clone();
    report.problems.extend(out.problems);
    report.findings = out.findings;
    report.map = out.map;
    // The manifests registered for config entries' places are no analysed files.
    report.files = loaded.db.files[..rust_files]
        .iter()
        .map(|f| f.rel.clone())
        .collect();
    apply_baseline(&mut report, &opts.baseline, &ws.root);
    report.problems.sort();
    report.problems.dedup();
    report
}

/// Gives each config library entry (`[[..types]]`, `[[..sources]]`, ...) a span in its manifest,
/// which is registered as a file for that (findings name the entry as where the data comes
/// from).
fn locate_config_entries(
    configs: &mut [FlowConfig],
    db: &mut crate::syntax::SourceDb,
    root: &Path,
) {
    for c in configs {
        let places = c
            .types
            .iter_mut()
            .map(|t| &mut t.location)
            .chain(c.sources.iter_mut().map(|t| &mut t.location))
            .chain(c.sanitizers.iter_mut().map(|t| &mut t.location))
            .chain(c.consents.iter_mut().map(|t| &mut t.location))
            .chain(c.checks.iter_mut().map(|t| &mut t.location));
        for place in places {
            let file = match db.files.iter().find(|f| f.rel == place.manifest) {
                Some(f) => f.id,
                None => {
                    let id = crate::syntax::FileId(db.files.len() as u32);
                    db.files.push(crate::syntax::SourceFile {
                        id,
                        path: root.join(&place.manifest),
                        rel: place.manifest.clone(),
                        allow_comments: Vec::new(),
                    });
                    id
                }
            };
            place.span = crate::syntax::Span {
                file,
                line: place.line.max(1),
                col: place.column.max(1),
                end_line: place.line.max(1),
                end_col: place.column.max(1) + 4,
            };
        }
    }
}

/// Takes the findings the baseline file lists out of the report. A baseline that cannot be read
/// or parsed is an error problem (the run is incomplete, exit 2) and takes nothing out.
fn apply_baseline(report: &mut Report, choice: &BaselineChoice, root: &std::path::Path) {
    let path = match choice {
        BaselineChoice::Off => return,
        BaselineChoice::Auto => {
            let path = root.join(baseline::DEFAULT_FILE);
            // Absent: no baseline. Anything else there (a directory, a dangling link) is read
            // below and fails closed, naming it.
            if std::fs::symlink_metadata(&path).is_err() {
                return;
            }
            path
        }
        BaselineChoice::File(path) => path.clone(),
    };
    let shown = crate::workspace::relative_path(root, &path);
    let parsed = std::fs::read_to_string(&path)
        .map_err(|e| Problem {
            kind: ProblemKind::Baseline,
            severity: Severity::Error,
            file: Some(shown.clone()),
            line: None,
            column: None,
            message: format!("cannot read the baseline file {shown}: {e}"),
        })
        .and_then(|text| baseline::Baseline::parse(&text, &shown));
    // An entry is judged by this run when its file was analysed, or is no more (its findings
    // are then gone); entries of files outside the selected packages (or skipped) are kept.
    let analysed: std::collections::BTreeSet<&str> =
        report.files.iter().map(String::as_str).collect();
    let in_scope = |file: &str| analysed.contains(file) || !root.join(file).exists();
    match parsed {
        Ok(b) => {
            let findings = std::mem::take(&mut report.findings);
            let (new, outcome) = baseline::apply(findings, &b, &shown, in_scope);
            report.findings = new;
            report.baseline = Some(outcome);
        }
        Err(problem) => report.problems.push(problem),
    }
}

/// What the pure analysis returns.
pub struct Analysis {
    pub findings: Vec<Finding>,
    pub problems: Vec<Problem>,
    pub map: crate::map::DataMap,
    /// Wall time of each analysis phase (reading a clock is the one effect the core has).
    pub phases: Vec<(&'static str, std::time::Duration)>,
}

/// The packs a run uses: `--rules`, else the config's `rules` (workspace, then each package),
/// else `baseline`; and the always-on `privflow` pack. Problems are located, relative to the root.
pub fn selected_packs(
    opts: &CheckOptions,
    ws: &crate::workspace::Workspace,
    regions: &Regions,
) -> (Vec<Pack>, Vec<Problem>) {
    let mut selection: Vec<String> = opts.rules.clone();
    if selection.is_empty() {
        for r in ws
            .config
            .rules
            .iter()
            .chain(ws.targets.iter().flat_map(|t| t.config.rules.iter()))
        {
            if !selection.contains(r) {
                selection.push(r.clone());
            }
        }
    }
    if selection.is_empty() {
        selection.push("baseline".to_string());
    }
    // The annotations' own policies (SPEC §5) hold whatever packs are chosen.
    if !selection.iter().any(|s| s == crate::rules::pack::ALWAYS_ON) {
        selection.push(crate::rules::pack::ALWAYS_ON.to_string());
    }
    let (packs, mut pack_problems) = load_packs(&selection, regions);
    // A pack file the config names is read from its absolute path: show it from the root.
    for p in &mut pack_problems {
        if let Some(f) = p.file.as_mut() {
            if Path::new(f.as_str()).starts_with(&ws.root) {
                *f = crate::workspace::relative_path(&ws.root, Path::new(f.as_str()));
            }
        }
    }
    // A config entry naming no pack is already reported with its file and line.
    pack_problems.retain(|p| {
        let from_config = selection.iter().any(|sel| {
            p.file.is_none()
                && opts.rules.is_empty()
                && p.message.starts_with(&format!("unknown rule pack `{sel}`"))
        });
        !from_config
    });
    let pack_problems = crate::rules::pack::without_outside_content(pack_problems, &ws.root);
    (packs, pack_problems)
}

/// The pure core: parsed crates, their settings and the packs in; findings and problems out.
/// No I/O, no panics on any input.
/// Whether a pack judges sink calls whatever reaches them (`check = "presence"`).
pub fn needs_every_sink(packs: &[Pack]) -> bool {
    packs
        .iter()
        .flat_map(|p| &p.rules)
        .any(|r| r.check == crate::rules::pack::Check::Presence)
}

/// `scope`: what the flow layer analyses ([`crate::flow::demand`]); [`Scope::Everything`] for
/// the data map, and whenever `packs` need every sink call ([`needs_every_sink`]).
pub fn analyze(
    loaded: &Loaded,
    configs: Vec<FlowConfig>,
    packs: &[Pack],
    regions: &Regions,
    scope: Scope,
) -> Analysis {
    let mut clock = PhaseClock::start();
    let config_of: Vec<usize> = loaded.crates.iter().map(|c| c.index).collect();
    let program = Program::build(&loaded.crates, &config_of, &loaded.db);
    clock.lap("resolve");
    let mut problems = program.problems.clone();
    // Regions privflow cannot map are an error: every region rule would silently treat them as
    // "outside", which is right for the rule but wrong to leave unsaid.
    for f in &program.fns {
        if let Some(r) = f.annots.sink.as_ref().and_then(|s| s.region.as_ref()) {
            let declared_unknown = r == crate::rules::regions::UNKNOWN_REGION;
            if regions.country(r).is_none() && !declared_unknown && !f.cfg_test {
                let sp = f.ir.span;
                problems.push(Problem {
                    kind: ProblemKind::Annotation,
                    severity: Severity::Error,
                    file: Some(loaded.db.rel(sp.file).to_string()),
                    line: Some(sp.line),
                    column: Some(sp.col),
                    message: format!(
                        "sink `{}` has unknown region `{r}`: use an ISO 3166-1 alpha-2 code (\"DE\") or a known cloud region id (\"eu-central-1\")",
                        f.name
                    ),
                });
            }
        }
    }
    // A config's unknown regions are reported where the config is read (with file and line,
    // `workspace::config`).
    let facts = crate::flow::solver::solve(&program, configs, scope);
    clock.lap("flow");
    let inp = Facts {
        p: &program,
        db: &loaded.db,
        facts: &facts,
        packs,
        regions,
    };
    let (findings, rule_problems) = evaluate(&inp);
    problems.extend(rule_problems);
    clock.lap("rules");
    let map = crate::map::build(&inp);
    clock.lap("map");
    Analysis {
        findings,
        problems,
        map,
        phases: clock.phases,
    }
}

/// Times consecutive phases: `lap(name)` closes the phase that ran since the last lap.
pub(crate) struct PhaseClock {
    last: std::time::Instant,
    pub phases: Vec<(&'static str, std::time::Duration)>,
}

impl PhaseClock {
    pub fn start() -> Self {
        PhaseClock {
            last: std::time::Instant::now(),
            phases: Vec::new(),
        }
    }

    pub fn lap(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        self.phases.push((name, now - self.last));
        self.last = now;
    }
}
