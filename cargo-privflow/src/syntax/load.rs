//! Reads each crate's files, starting at its root and following `mod` declarations (`foo.rs`,
//! `foo/mod.rs`, `#[path]`, inline modules), parsing level by level in parallel on threads with a
//! large stack. Every file that cannot be read or parsed becomes a [`Problem`]; the rest is kept.

use super::ir::{Features, FileId, ItemIr, ModIr, Name, Span};
use super::lower::ForeignMacros;
use super::parse::{parse_bytes, too_deep_message, ParsedFile};
use super::{SourceDb, SourceFile};
use crate::model::{Note, Problem, ProblemKind, Severity};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Parsing recurses deeply on nested code; give each worker a stack far beyond what real code
/// needs: enough for `guard::MAX_NESTING` levels of the costliest construct (a generic argument
/// nests about 8 KiB of syn's stack frames in a release build, more in a debug one). Only the
/// pages touched are ever committed.
const PARSE_STACK_BYTES: usize = 1024 * 1024 * 1024;

/// A crate to read: its name as used in paths and its root file.
#[derive(Debug, Clone)]
pub struct CrateRoot {
    pub name: String,
    pub root_file: PathBuf,
    /// Files not to analyse (absolute paths).
    pub skip: Vec<PathBuf>,
    /// Dependency names used in this crate's code → crate names.
    pub extern_crates: Vec<(String, String)>,
    /// Enabled cargo features; `None`: unknown (every `#[cfg(feature)]` branch is analysed).
    pub features: Option<Features>,
}

/// A crate's module tree: the root module's items, with every `mod foo;` filled in.
#[derive(Debug, Clone)]
pub struct ParsedCrate {
    pub name: String,
    pub root: ModIr,
    pub root_file: FileId,
    /// Index of this crate in the `crates` given to [`load`].
    pub index: usize,
    pub extern_crates: Vec<(String, String)>,
}

pub struct Loaded {
    pub crates: Vec<ParsedCrate>,
    pub db: SourceDb,
    pub problems: Vec<Problem>,
    /// What `-v` says about code privflow read only in part (macros it did not expand).
    pub notes: Vec<Note>,
}

/// A file waiting to be parsed, and what to call it in messages.
struct Pending {
    path: PathBuf,
    /// The features of the crate that reached the file first.
    features: Option<Features>,
}

/// Where `mod` declarations inside a file look for their files.
#[derive(Clone)]
struct ModDir {
    /// Directory of the file itself (for `#[path]` outside inline modules).
    file_dir: PathBuf,
    /// Directory child modules live in.
    child_dir: PathBuf,
    /// Inside an inline `mod x { .. }`.
    inline: bool,
}

fn mod_dir_of(file: &Path, is_mod_root: bool) -> ModDir {
    let file_dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
    let child_dir = if is_mod_root {
        file_dir.clone()
    } else {
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        file_dir.join(stem)
    };
    ModDir {
        file_dir,
        child_dir,
        inline: false,
    }
}

/// Candidate files for `mod name;` (with its `#[path]`), in the order rustc tries them.
fn candidates(dir: &ModDir, m: &ModIr) -> Vec<PathBuf> {
    if let Some(p) = &m.attrs.path_attr {
        let base = if dir.inline {
            &dir.child_dir
        } else {
            &dir.file_dir
        };
        return vec![base.join(p)];
    }
    vec![
        dir.child_dir.join(format!("{}.rs", m.name)),
        dir.child_dir.join(&*m.name).join("mod.rs"),
    ]
}

fn is_mod_root_file(path: &Path, is_crate_root: bool) -> bool {
    is_crate_root || path.file_name().map(|n| n == "mod.rs").unwrap_or(false)
}

/// Walks `items` for out-of-line `mod` declarations, calling `f(dir, decl)` for each.
fn for_each_mod_decl(items: &[ItemIr], dir: &ModDir, f: &mut dyn FnMut(&ModDir, &ModIr)) {
    for it in items {
        if let ItemIr::Mod(m) = it {
            if m.attrs.cfg_test {
                continue;
            }
            if m.out_of_line {
                f(dir, m);
            } else if let Some(inner) = &m.items {
                let sub = ModDir {
                    file_dir: dir.file_dir.clone(),
                    child_dir: dir.child_dir.join(&*m.name),
                    inline: true,
                };
                for_each_mod_decl(inner, &sub, f);
            }
        }
    }
}

pub fn load(crates: &[CrateRoot], workspace_root: &Path) -> Loaded {
    let mut db = SourceDb::default();
    let mut problems = Vec::new();
    let mut by_path: HashMap<PathBuf, FileId> = HashMap::new();
    let mut parsed: BTreeMap<FileId, ParsedFile> = BTreeMap::new();
    let mut crate_root_files: Vec<(usize, PathBuf)> = Vec::new();
    let skip: Vec<PathBuf> = crates.iter().flat_map(|c| c.skip.iter().cloned()).collect();

    let pool = rayon::ThreadPoolBuilder::new()
        .stack_size(PARSE_STACK_BYTES)
        .build();

    // Level by level: parse all files known so far in parallel, then collect their `mod` files.
    let mut frontier: Vec<(FileId, Pending, bool)> = Vec::new();
    for (ci, c) in crates.iter().enumerate() {
        let id = intern(&mut db, &mut by_path, &c.root_file, workspace_root);
        crate_root_files.push((ci, c.root_file.clone()));
        if !frontier.iter().any(|(f, _, _)| *f == id) {
            frontier.push((
                id,
                Pending {
                    path: c.root_file.clone(),
                    features: c.features.clone(),
                },
                true,
            ));
        }
    }
    let mut is_root: HashMap<FileId, bool> = HashMap::new();
    // Files read through `include!`: where their `mod` declarations look (the includer's), and
    // for each file the (item index, file) of the includes whose items join its own.
    let mut dir_override: HashMap<FileId, ModDir> = HashMap::new();
    let mut includes_of: Includes = HashMap::new();
    let mut features_by_file: HashMap<FileId, Option<Features>> = HashMap::new();
    let mut macro_defs = MacroTexts::new();
    let crate_names: std::collections::HashSet<String> =
        crates.iter().map(|c| c.name.clone()).collect();
    while !frontier.is_empty() {
        let work: Vec<(FileId, PathBuf, Option<Features>)> = frontier
            .iter()
            .map(|(id, p, _)| (*id, p.path.clone(), p.features.clone()))
            .collect();
        let features_of: HashMap<FileId, Option<Features>> =
            work.iter().map(|(id, _, f)| (*id, f.clone())).collect();
        for (id, _, root) in &frontier {
            is_root.insert(*id, *root);
        }
        features_by_file.extend(features_of.iter().map(|(id, f)| (*id, f.clone())));
        // The macros of the files read so far are known to the files read next: at earlier
        // levels (a crate root's `#[macro_use] mod macros;` reaches every file below it), and at
        // this one the files that define `macro_rules!` are read before the others.
        let (defining, using): (Vec<_>, Vec<_>) =
            work.into_iter().partition(|(_, p, _)| defines_macros(p));
        let mut results = Vec::new();
        for batch in [defining, using] {
            let known = Arc::new(unique_macros(&macro_defs, &crate_names));
            let batch: Vec<ParseWork> = batch
                .into_iter()
                .map(|(id, p, f)| (id, p, f, known.clone()))
                .collect();
            for (id, r) in parse_all(&pool, &batch, &db) {
                if let Ok(pf) = &r {
                    add_macro_defs(&mut macro_defs, pf);
                }
                results.push((id, r));
            }
        }
        // Files in the order they were discovered, as before the split.
        results.sort_by_key(|(id, _)| *id);
        let mut next = Vec::new();
        for (id, r) in results {
            match r {
                Ok(pf) => {
                    for (fname, sp) in &pf.lowered.too_deep {
                        problems.push(problem_at(
                            &db,
                            ProblemKind::Parse,
                            *sp,
                            too_deep_message(fname),
                        ));
                    }
                    if let Some(f) = db.files.get_mut(id.0 as usize) {
                        f.allow_comments = pf.allow_comments.clone();
                    }
                    let path = db.files[id.0 as usize].path.clone();
                    let dir = dir_override.get(&id).cloned().unwrap_or_else(|| {
                        mod_dir_of(
                            &path,
                            is_mod_root_file(&path, is_root.get(&id).copied().unwrap_or(false)),
                        )
                    });
                    for inc in &pf.lowered.includes {
                        let shown = match &inc.path {
                            Some(p) => format!("include!({p:?})"),
                            None => "include!(..)".to_string(),
                        };
                        let (Some(p), Some(at)) = (&inc.path, inc.at) else {
                            let why = if inc.path.is_none() {
                                "its path is not a string literal (`concat!`, `env!`)"
                            } else {
                                "it is not among the file's own items (an expression, a statement, an `impl` or inline module item)"
                            };
                            problems.push(problem_at(
                                &db,
                                ProblemKind::Parse,
                                inc.span,
                                format!("`{shown}`: the included code is not analysed, as {why}"),
                            ));
                            continue;
                        };
                        // rustc resolves the path from the including file's directory.
                        let found = normalize(&path.parent().unwrap_or(Path::new("")).join(p));
                        if !normalize(&found).starts_with(normalize(workspace_root)) {
                            problems.push(problem_at(
                                &db,
                                ProblemKind::Parse,
                                inc.span,
                                format!(
                                    "`{shown}`: {} is outside the workspace; the included code is not analysed",
                                    found.display()
                                ),
                            ));
                            continue;
                        }
                        if !(found.is_file() || found.is_symlink()) {
                            problems.push(problem_at(
                                &db,
                                ProblemKind::MissingModule,
                                inc.span,
                                format!(
                                    "file not found for `{shown}` (looked for {})",
                                    rel_path(&found, workspace_root)
                                ),
                            ));
                            continue;
                        }
                        if skip.iter().any(|s| same_file(s, &found)) {
                            continue;
                        }
                        let known = by_path.contains_key(&found);
                        let fid = intern(&mut db, &mut by_path, &found, workspace_root);
                        includes_of.entry(id).or_default().push((at, fid));
                        if !known {
                            dir_override.insert(fid, dir.clone());
                            next.push((
                                fid,
                                Pending {
                                    path: found.clone(),
                                    features: features_of.get(&id).cloned().unwrap_or_default(),
                                },
                                false,
                            ));
                        }
                    }
                    let mut decls = Vec::new();
                    for_each_mod_decl(&pf.lowered.items, &dir, &mut |d, m| {
                        decls.push((candidates(d, m), m.name.clone(), m.span))
                    });
                    for (cands, mname, span) in decls {
                        match cands.iter().find(|c| c.is_file() || c.is_symlink()) {
                            Some(found) => {
                                if skip.iter().any(|s| same_file(s, found)) {
                                    continue;
                                }
                                let known = by_path.contains_key(&normalize(found));
                                let fid = intern(&mut db, &mut by_path, found, workspace_root);
                                if !known {
                                    next.push((
                                        fid,
                                        Pending {
                                            path: found.clone(),
                                            features: features_of
                                                .get(&id)
                                                .cloned()
                                                .unwrap_or_default(),
                                        },
                                        false,
                                    ));
                                }
                            }
                            None => {
                                let looked: Vec<String> =
                                    cands.iter().map(|c| rel_path(c, workspace_root)).collect();
                                // `foo.rs` that is a directory: say so, not "not found".
                                let message = match cands.iter().find(|c| c.is_dir()) {
                                    Some(d) => format!(
                                        "module `{mname}`: {} is a directory, not a source file",
                                        rel_path(d, workspace_root)
                                    ),
                                    None => format!(
                                        "file not found for module `{mname}` (looked for {})",
                                        looked.join(" and ")
                                    ),
                                };
                                problems.push(problem_at(
                                    &db,
                                    ProblemKind::MissingModule,
                                    span,
                                    message,
                                ));
                            }
                        }
                    }
                    parsed.insert(id, pf);
                }
                Err(p) => problems.push(p),
            }
        }
        frontier = next;
    }

    relower_with_foreign_macros(
        &pool,
        &mut parsed,
        unique_macros(&macro_defs, &crate_names),
        &features_by_file,
        &db,
        &mut problems,
    );
    let notes = unexpanded_notes(&parsed, &db);

    // Assemble each crate's tree.
    let mut out = Vec::new();
    for (ci, root_path) in crate_root_files {
        let Some(&root_id) = by_path.get(&normalize(&root_path)) else {
            continue;
        };
        let Some(pf) = parsed.get(&root_id) else {
            continue;
        };
        let mut stack = vec![root_id];
        let mut items = file_items(root_id, &parsed, &includes_of, &mut stack);
        let dir = mod_dir_of(&root_path, true);
        fill_modules(
            &mut items,
            &dir,
            &parsed,
            &by_path,
            &includes_of,
            &mut stack,
        );
        out.push(ParsedCrate {
            name: crates[ci].name.clone(),
            root: ModIr {
                name: Name::from(crates[ci].name.as_str()),
                items: Some(items),
                out_of_line: false,
                attrs: pf.lowered.inner_attrs.clone(),
                span: Span {
                    file: root_id,
                    line: 1,
                    col: 1,
                    end_line: 1,
                    end_col: 1,
                },
            },
            root_file: root_id,
            index: ci,
            extern_crates: crates[ci].extern_crates.clone(),
        });
    }
    problems.sort();
    problems.dedup();
    Loaded {
        crates: out,
        db,
        problems,
        notes,
    }
}

type ParseWork = (FileId, PathBuf, Option<Features>, Arc<ForeignMacros>);

/// Reads and parses files in parallel on the big-stack pool (on this thread without one).
fn parse_all(
    pool: &Result<rayon::ThreadPool, rayon::ThreadPoolBuildError>,
    work: &[ParseWork],
    db: &SourceDb,
) -> Vec<(FileId, Result<ParsedFile, Problem>)> {
    let one = |(id, path, f, foreign): &ParseWork| {
        (*id, read_and_parse(*id, path, f.clone(), foreign, db))
    };
    match pool {
        Ok(pool) => pool.install(|| work.par_iter().map(one).collect()),
        // No threads: parse on this thread (deep nesting is then guarded by the limits only).
        Err(_) => work.iter().map(one).collect(),
    }
}

/// Whether a file (probably) defines a `macro_rules!` macro: a byte scan, so that it can be read
/// before the files that call it (a file that cannot be read is "no": its read fails later).
fn defines_macros(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|b| b.windows(12).any(|w| w == b"macro_rules!"))
}

/// Every workspace `macro_rules!` name: the text of its rules, or `None` when two files define
/// it differently (ambiguous: never expanded from another file).
type MacroTexts = BTreeMap<String, Option<String>>;

fn add_macro_defs(defs: &mut MacroTexts, pf: &ParsedFile) {
    for (name, text) in &pf.lowered.macro_defs {
        defs.entry(name.clone())
            .and_modify(|d| {
                if d.as_deref() != Some(text.as_str()) {
                    *d = None;
                }
            })
            .or_insert_with(|| Some(text.clone()));
    }
}

fn unique_macros(defs: &MacroTexts, crates: &std::collections::HashSet<String>) -> ForeignMacros {
    ForeignMacros {
        macros: defs
            .iter()
            .filter_map(|(n, t)| Some((n.clone(), t.clone()?)))
            .collect(),
        crates: crates.clone(),
    }
}

/// A `macro_rules!` macro defined in one file and called in another (`#[macro_use] mod
/// macros;`, `#[macro_export]`) is expanded as in its own file. Files lowered after the
/// definition's file had it already; the others (the same level of the module tree, or earlier)
/// are lowered again now that every workspace macro is known, and so are files that expanded a
/// name a later file turned out to define differently.
fn relower_with_foreign_macros(
    pool: &Result<rayon::ThreadPool, rayon::ThreadPoolBuildError>,
    parsed: &mut BTreeMap<FileId, ParsedFile>,
    foreign: ForeignMacros,
    features: &HashMap<FileId, Option<Features>>,
    db: &SourceDb,
    problems: &mut Vec<Problem>,
) {
    let foreign = Arc::new(foreign);
    let work: Vec<ParseWork> = parsed
        .iter()
        .filter(|(_, pf)| {
            let own = |name: &str| pf.lowered.macro_defs.iter().any(|(n, _)| n == name);
            let now_known = pf.lowered.unexpanded.iter().any(|u| {
                let segs: Vec<&str> = u.name.split("::").collect();
                foreign
                    .name_of(&segs)
                    .is_some_and(|name| foreign.macros.contains_key(name) && !own(name))
            });
            let now_ambiguous = pf
                .lowered
                .foreign_used
                .iter()
                .any(|n| !foreign.macros.contains_key(n));
            now_known || now_ambiguous
        })
        .filter_map(|(id, _)| {
            let path = db.get(*id)?.path.clone();
            let f = features.get(id).cloned().unwrap_or_default();
            Some((*id, path, f, foreign.clone()))
        })
        .collect();
    for (id, r) in parse_all(pool, &work, db) {
        match r {
            // Only the items change: the `mod` and `include!` declarations were read already.
            Ok(pf) => {
                if let Some(old) = parsed.get_mut(&id) {
                    old.lowered.items = pf.lowered.items;
                    old.lowered.unexpanded = pf.lowered.unexpanded;
                }
            }
            // The file changed while it was read: what was read first stands, and that is said.
            Err(p) => problems.push(p),
        }
    }
}

/// `-v` notes: each macro call whose expansion privflow does not see, in file order.
fn unexpanded_notes(parsed: &BTreeMap<FileId, ParsedFile>, db: &SourceDb) -> Vec<Note> {
    let mut out: Vec<Note> = parsed
        .values()
        .flat_map(|pf| pf.lowered.unexpanded.iter())
        .map(|u| Note {
            location: db.location(u.span),
            message: if u.args_read {
                format!("macro `{}!` is not expanded (not a workspace `macro_rules!` privflow could match): its arguments are read as expressions whose data flows into its result", u.name)
            } else {
                format!("macro `{}!` is not expanded and its arguments are not read: data passed to it is not followed", u.name)
            },
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// For each file, the `include!`s whose items join its own: (index among its items, file).
type Includes = HashMap<FileId, Vec<(usize, FileId)>>;

/// A file's items, with the items of the files it `include!`s in their places (a file that
/// includes itself, directly or not, is included once).
fn file_items(
    fid: FileId,
    parsed: &BTreeMap<FileId, ParsedFile>,
    includes: &Includes,
    stack: &mut Vec<FileId>,
) -> Vec<ItemIr> {
    let Some(pf) = parsed.get(&fid) else {
        return Vec::new();
    };
    let mut items = pf.lowered.items.clone();
    if let Some(incs) = includes.get(&fid) {
        // From the last, so that earlier indices stay right.
        for (at, inc) in incs.iter().rev() {
            if stack.contains(inc) {
                continue;
            }
            stack.push(*inc);
            let sub = file_items(*inc, parsed, includes, stack);
            stack.pop();
            let at = (*at).min(items.len());
            items.splice(at..at, sub);
        }
    }
    items
}

/// Replaces each `mod foo;` with the items of its file (already parsed).
fn fill_modules(
    items: &mut [ItemIr],
    dir: &ModDir,
    parsed: &BTreeMap<FileId, ParsedFile>,
    by_path: &HashMap<PathBuf, FileId>,
    includes: &Includes,
    stack: &mut Vec<FileId>,
) {
    for it in items.iter_mut() {
        let ItemIr::Mod(m) = it else { continue };
        if m.attrs.cfg_test {
            m.items = None;
            continue;
        }
        if m.out_of_line {
            let cands = candidates(dir, m);
            let Some(found) = cands.iter().find(|c| c.is_file() || c.is_symlink()) else {
                continue;
            };
            let Some(&fid) = by_path.get(&normalize(found)) else {
                continue;
            };
            // A file that includes itself (through `#[path]`) would recurse forever.
            if stack.contains(&fid) {
                continue;
            }
            if !parsed.contains_key(&fid) {
                continue;
            }
            stack.push(fid);
            let mut sub_items = file_items(fid, parsed, includes, stack);
            stack.pop();
            let sub_dir = mod_dir_of(
                found,
                is_mod_root_file(found, false)
                    || m.attrs.path_attr.is_some()
                        && found.file_name().map(|n| n == "mod.rs").unwrap_or(false),
            );
            stack.push(fid);
            fill_modules(&mut sub_items, &sub_dir, parsed, by_path, includes, stack);
            stack.pop();
            m.items = Some(sub_items);
        } else if let Some(inner) = m.items.as_mut() {
            let sub = ModDir {
                file_dir: dir.file_dir.clone(),
                child_dir: dir.child_dir.join(&*m.name),
                inline: true,
            };
            fill_modules(inner, &sub, parsed, by_path, includes, stack);
        }
    }
}

fn read_and_parse(
    id: FileId,
    path: &Path,
    features: Option<Features>,
    foreign: &Arc<ForeignMacros>,
    db: &SourceDb,
) -> Result<ParsedFile, Problem> {
    let rel = db.rel(id).to_string();
    // `canonicalize` resolves symlinks and fails on loops (ELOOP) before we try to read.
    if let Err(e) = std::fs::canonicalize(path) {
        return Err(Problem {
            kind: ProblemKind::Read,
            severity: Severity::Error,
            file: Some(rel),
            line: None,
            column: None,
            message: format!("cannot read file: {}", io_reason(&e)),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| Problem {
        kind: ProblemKind::Read,
        severity: Severity::Error,
        file: Some(rel.clone()),
        line: None,
        column: None,
        message: format!("cannot read file: {}", io_reason(&e)),
    })?;
    parse_bytes(id, &bytes, features, foreign).map_err(|f| Problem {
        kind: if f.message.contains("UTF-8") {
            ProblemKind::Read
        } else {
            ProblemKind::Parse
        },
        severity: Severity::Error,
        file: Some(rel),
        line: f.line,
        column: f.column,
        message: f.message,
    })
}

fn io_reason(e: &std::io::Error) -> String {
    // ELOOP has no stable ErrorKind; its raw code is 40 on Linux, 62 on macOS.
    match e.raw_os_error() {
        Some(40) | Some(62) => "too many levels of symbolic links (a symlink loop)".to_string(),
        _ => e.to_string(),
    }
}

fn problem_at(db: &SourceDb, kind: ProblemKind, sp: Span, message: String) -> Problem {
    Problem {
        kind,
        severity: Severity::Error,
        file: Some(db.rel(sp.file).to_string()),
        line: Some(sp.line),
        column: Some(sp.col),
        message,
    }
}

/// Lexical normalisation (no symlink resolution: a loop must not hang us here).
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

fn same_file(a: &Path, b: &Path) -> bool {
    normalize(a) == normalize(b)
}

pub fn rel_path(p: &Path, root: &Path) -> String {
    let n = normalize(p);
    let r = normalize(root);
    let rel = n.strip_prefix(&r).map(Path::to_path_buf).unwrap_or(n);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect::<Vec<_>>()
        .join("/")
}

fn intern(
    db: &mut SourceDb,
    by_path: &mut HashMap<PathBuf, FileId>,
    path: &Path,
    root: &Path,
) -> FileId {
    let key = normalize(path);
    if let Some(id) = by_path.get(&key) {
        return *id;
    }
    let id = FileId(db.files.len() as u32);
    db.files.push(SourceFile {
        id,
        path: key.clone(),
        rel: rel_path(&key, root),
        allow_comments: Vec::new(),
    });
    by_path.insert(key, id);
    id
}
