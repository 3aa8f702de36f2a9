//! `cargo privflow suggest`: proposes privflow annotations for an unannotated codebase, each with
//! a reason and a confidence, from the names and types of its fields and functions.
//!
//! It reads the workspace exactly as `check` does (`workspace::load` → `syntax::load` →
//! `hir::Program::build`) and stops at the item layer: suggestions are about items, not flows.
//! `lexicon` holds the words, `judge` weighs a field, `candidates` finds sanitizer and consent
//! functions and unknown library sinks, `output` prints, `apply` writes the accepted ones into
//! the source.

pub mod apply;
pub mod candidates;
pub mod command;
pub mod judge;
pub mod lexicon;
pub mod output;
pub mod preview;
pub mod sinks;

use crate::driver::CheckOptions;
use crate::hir::{DataClass, ModId, Program};
use crate::model::{Problem, ProblemKind, Severity};
use crate::syntax::load::{CrateRoot, Loaded};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// What a suggestion is about (`--only`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Data,
    Sinks,
    Sanitizers,
    Consents,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Data => "data",
            Kind::Sinks => "sinks",
            Kind::Sanitizers => "sanitizers",
            Kind::Consents => "consents",
        }
    }
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s.trim() {
            "data" => Kind::Data,
            "sinks" | "sink" => Kind::Sinks,
            "sanitizers" | "sanitizer" => Kind::Sanitizers,
            "consents" | "consent" => Kind::Consents,
            _ => return None,
        })
    }
}

/// Where `--apply` puts a suggestion.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// Above the field named `field` of the type whose name is on line `type_line`.
    Field { type_line: u32, field: String },
    /// Above the attributes of the struct or enum whose name is on `line`.
    Type { line: u32 },
    /// Above the attributes of the newtype whose name is on `line` (a type tag).
    TypeTag { line: u32 },
    /// Above the attributes of the function whose name is on `line`.
    Fn { line: u32 },
    /// A config entry to review: printed, never written.
    Config,
}

/// One proposed annotation.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub kind: Kind,
    /// Relative to the workspace root, `/`-separated.
    pub file: String,
    /// Absolute path of the file (for `--apply`).
    pub path: PathBuf,
    pub line: u32,
    pub column: u32,
    /// `crate::module::Type.field`, `crate::module::function`.
    pub item: String,
    /// The attribute (or config entry) text.
    pub attribute: String,
    pub category: Option<String>,
    pub class: Option<DataClass>,
    pub confidence: f64,
    pub reason: String,
    pub place: Place,
}

/// `suggest`'s options beyond the workspace selection.
#[derive(Debug, Clone)]
pub struct SuggestOptions {
    pub check: CheckOptions,
    /// Suggestions below this confidence are left out.
    pub min_confidence: f64,
    /// Empty: every kind.
    pub only: Vec<Kind>,
}

/// The default `--min-confidence`: medium.
pub const DEFAULT_MIN_CONFIDENCE: f64 = 0.5;

/// `--min-confidence`: a number in 0..=1 or `low` (0.3), `medium` (0.5), `high` (0.8).
pub fn parse_confidence(s: &str) -> Result<f64, String> {
    match s.trim() {
        "low" => Ok(0.3),
        "medium" => Ok(0.5),
        "high" => Ok(0.8),
        other => match other.parse::<f64>() {
            Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
            _ => Err(format!(
                "`{s}` is not a confidence: give a number from 0 to 1, or low, medium, high"
            )),
        },
    }
}

/// The confidence's word, for human output.
pub fn level(c: f64) -> &'static str {
    if c >= 0.8 {
        "high"
    } else if c >= 0.5 {
        "medium"
    } else {
        "low"
    }
}

/// What a run found: the suggestions (sorted by file, line, column, item) and the problems that
/// made it incomplete (files that could not be read or parsed: exit 2).
#[derive(Debug, Default)]
pub struct Outcome {
    pub root: PathBuf,
    pub suggestions: Vec<Suggestion>,
    pub problems: Vec<Problem>,
    /// Files that could not be read or parsed: `--apply` never writes them.
    pub unreadable: Vec<String>,
    /// Each package's manifest and the files of its crates (for `--apply`'s dependency).
    pub packages: Vec<(PathBuf, Vec<String>)>,
}

impl Outcome {
    /// Whether the input was read completely (otherwise exit 2).
    pub fn complete(&self) -> bool {
        !self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// Runs the suggestion on a thread with a large stack (the item layer recurses, as in `check`).
/// Never panics.
pub fn run(opts: &SuggestOptions) -> Outcome {
    let owned = opts.clone();
    let worker = std::thread::Builder::new()
        .name("privflow-suggest".into())
        .stack_size(512 * 1024 * 1024)
        .spawn(move || run_here(&owned));
    match worker.map(|h| h.join()) {
        Ok(Ok(out)) => out,
        Ok(Err(_)) | Err(_) => Outcome {
            problems: vec![Problem {
                kind: ProblemKind::Parse,
                severity: Severity::Error,
                file: None,
                line: None,
                column: None,
                message: "internal error: suggest stopped unexpectedly (please report this)".into(),
            }],
            ..Outcome::default()
        },
    }
}

fn run_here(opts: &SuggestOptions) -> Outcome {
    let ws = match crate::workspace::load(&opts.check) {
        Ok(ws) => ws,
        Err(problem) => {
            return Outcome {
                problems: vec![problem],
                ..Outcome::default()
            }
        }
    };
    // The same crate roots `check` reads (driver.rs), so `suggest` sees the same files.
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
    // The chosen packs say what some kinds of data are in their statement (`[[classes]]`).
    let regions = crate::rules::regions::Regions::builtin();
    let (packs, pack_problems) = crate::driver::selected_packs(&opts.check, &ws, &regions);
    let declared = DeclaredClasses::of(&packs);
    let loaded = crate::syntax::load::load(&roots, &ws.root);
    let config_of: Vec<usize> = loaded.crates.iter().map(|c| c.index).collect();
    let program = Program::build(&loaded.crates, &config_of, &loaded.db);
    let mut out = Outcome {
        root: ws.root.clone(),
        ..Outcome::default()
    };
    out.problems.extend(ws.problems.iter().cloned());
    out.problems.extend(pack_problems);
    for p in &loaded.problems {
        if matches!(p.kind, ProblemKind::Read | ProblemKind::Parse) {
            if let Some(f) = &p.file {
                out.unreadable.push(f.clone());
            }
        }
        out.problems.push(p.clone());
    }
    out.suggestions = collect(&program, &loaded, opts, &declared);
    // Files per package: each file belongs to the package whose root is the nearest directory
    // above it (a member nested in another package's directory is its own package).
    let mut pkgs: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
    for f in &loaded.db.files {
        let owner = ws
            .targets
            .iter()
            .filter(|t| f.path.starts_with(&t.package_root))
            .max_by_key(|t| t.package_root.components().count());
        if let Some(t) = owner {
            pkgs.entry(t.package_root.join("Cargo.toml"))
                .or_default()
                .push(f.rel.clone());
        }
    }
    out.packages = pkgs.into_iter().collect();
    out.problems.sort();
    out.problems.dedup();
    out.unreadable.sort();
    out.unreadable.dedup();
    out
}

/// `crate::a::b` for module `m`.
pub(crate) fn module_path(p: &Program, m: ModId) -> String {
    let mut parts = Vec::new();
    let mut cur = Some(m);
    let mut guard = 0;
    while let Some(id) = cur {
        guard += 1;
        if guard > 256 {
            break;
        }
        let md = p.module(id);
        if md.parent.is_none() && md.fn_scope_of.is_none() {
            parts.push(p.crates[md.krate.idx()].name.clone());
            break;
        }
        if md.fn_scope_of.is_none() {
            parts.push(md.name.to_string());
        }
        cur = md.fn_scope_of.or(md.parent);
    }
    parts.reverse();
    parts.join("::")
}

/// Every suggestion for the program, filtered by `opts`, sorted.
pub fn collect(
    program: &Program,
    loaded: &Loaded,
    opts: &SuggestOptions,
    declared: &DeclaredClasses,
) -> Vec<Suggestion> {
    let wanted = |k: Kind| opts.only.is_empty() || opts.only.contains(&k);
    let texts = output::SourceTexts::new(&loaded.db);
    let mut out = Vec::new();
    if wanted(Kind::Data) {
        out.extend(data_suggestions(
            program,
            loaded,
            &texts,
            opts.min_confidence,
            declared,
        ));
    }
    if wanted(Kind::Sinks) {
        out.extend(sinks::sink_candidates(program, loaded, opts.min_confidence));
    }
    out.extend(candidates::fn_candidates(
        program,
        loaded,
        opts.min_confidence,
        &wanted,
    ));
    out.sort_by(|a, b| {
        (&a.file, a.line, a.column, &a.item, &a.attribute).cmp(&(
            &b.file,
            b.line,
            b.column,
            &b.item,
            &b.attribute,
        ))
    });
    out.dedup_by(|a, b| a.file == b.file && a.item == b.item && a.attribute == b.attribute);
    out
}

/// Whether the struct already carries a privflow attribute of this name.
fn has_attr(attrs: &crate::syntax::ir::Attrs, name: &str) -> bool {
    attrs.privflow.iter().any(|a| a.last() == name)
}

fn data_suggestions(
    program: &Program,
    loaded: &Loaded,
    texts: &output::SourceTexts,
    min: f64,
    declared: &DeclaredClasses,
) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let bearing = data_bearing(program, min);
    for s in &program.structs {
        if program.module(s.module).cfg_test || s.ir.attrs.cfg_test || s.type_tag.is_some() {
            continue;
        }
        let Some(file) = loaded.db.get(s.ir.span.file) else {
            continue;
        };
        let all: Vec<(&crate::syntax::ir::FieldIr, Option<&str>)> =
            s.ir.fields
                .iter()
                .map(|f| (f, None))
                .chain(
                    s.ir.variants
                        .iter()
                        .flat_map(|v| v.fields.iter().map(move |f| (f, Some(&*v.name)))),
                )
                .collect();
        let named: Vec<(&str, &crate::syntax::ir::TypeRef)> =
            all.iter().map(|(f, _)| (&*f.name, &f.ty)).collect();
        let cx =
            judge::Context::of(&s.name, &named).with_doc(&texts.doc_words(file.id, s.ir.span.line));
        let base = format!("{}::{}", module_path(program, s.module), s.name);
        if let Some(v) = newtype_verdict(s, min) {
            out.push(Suggestion {
                kind: Kind::Data,
                file: file.rel.clone(),
                path: file.path.clone(),
                line: s.ir.span.line,
                column: s.ir.span.col,
                item: base.clone(),
                attribute: data_attribute(v.class, &v.category).replacen("#[", "#[privflow::", 1),
                category: Some(v.category),
                class: Some(v.class),
                confidence: v.confidence,
                reason: v.reason,
                place: Place::TypeTag {
                    line: s.ir.span.line,
                },
            });
            continue;
        }
        let mut best = 0.0f64;
        let mut fields = Vec::new();
        for (f, variant) in &all {
            if !f.attrs.privflow.is_empty() || f.attrs.cfg_test || f.attrs.cfg_off {
                continue;
            }
            // A field holding a workspace type whose own fields carry (or get) the tags is
            // followed through those: tagging the whole value too would be redundant.
            if judge::leaf_name(&f.ty).is_some_and(|n| bearing.contains(n.as_str())) {
                continue;
            }
            // Renamed fields are judged by the name the data has outside too (`#[serde(rename
            // = "geburtsdatum")]`, a column name): the surest of the names wins.
            let mut verdict = judge::field(&f.name, &f.name, &f.ty, &cx);
            for alias in texts.renames(file.id, f.span.line) {
                if let Some(v) = judge::field(&alias, &alias, &f.ty, &cx) {
                    let v = judge::Verdict {
                        reason: format!("{} (renamed from `{}`)", v.reason, f.name),
                        ..v
                    };
                    if !matches!(&verdict, Some(b) if v.confidence <= b.confidence) {
                        verdict = Some(v);
                    }
                }
            }
            let Some(v) = verdict else { continue };
            let v = declared.apply(v);
            if v.confidence < min {
                continue;
            }
            best = best.max(v.confidence);
            let item = match variant {
                Some(var) => format!("{base}::{var}.{}", f.name),
                None => format!("{base}.{}", f.name),
            };
            fields.push(Suggestion {
                kind: Kind::Data,
                file: file.rel.clone(),
                path: file.path.clone(),
                line: f.span.line,
                column: f.span.col,
                item,
                attribute: data_attribute(v.class, &v.category),
                category: Some(v.category),
                class: Some(v.class),
                confidence: v.confidence,
                reason: v.reason,
                place: Place::Field {
                    type_line: s.ir.span.line,
                    field: f.name.to_string(),
                },
            });
        }
        if !fields.is_empty() && !has_attr(&s.ir.attrs, "data") {
            out.push(Suggestion {
                kind: Kind::Data,
                file: file.rel.clone(),
                path: file.path.clone(),
                line: s.ir.span.line,
                column: s.ir.span.col,
                item: base.clone(),
                attribute: "#[privflow::data]".into(),
                category: None,
                class: None,
                confidence: best,
                reason: format!(
                    "`{}` holds the suggested fields below: privflow reads their tags through \
                     `#[privflow::data]`",
                    s.name
                ),
                place: Place::Type {
                    line: s.ir.span.line,
                },
            });
        }
        out.extend(fields);
    }
    out
}

/// What the chosen packs' statements say kinds of data are (`[[classes]]`), most specific
/// category first: `user.content` is health data where the statement says user content may
/// contain medical data.
#[derive(Debug, Clone, Default)]
pub struct DeclaredClasses {
    /// (category, class, pack id, the statement's sentence).
    entries: Vec<(String, DataClass, String, String)>,
}

impl DeclaredClasses {
    pub fn of(packs: &[crate::rules::pack::Pack]) -> DeclaredClasses {
        use crate::rules::pack::DeclaredClass;
        let mut entries: Vec<(String, DataClass, String, String)> = packs
            .iter()
            .flat_map(|p| {
                p.classes.iter().map(|c| {
                    let class = match c.class {
                        DeclaredClass::Pii => DataClass::Pii,
                        DeclaredClass::Phi => DataClass::Phi,
                    };
                    (
                        c.category.clone(),
                        class,
                        p.pack.id.clone(),
                        c.quote.clone(),
                    )
                })
            })
            .collect();
        // The longest category decides; between packs, health data wins (the stricter reading).
        entries.sort_by(|a, b| (b.0.len(), b.1, &a.2, &a.0).cmp(&(a.0.len(), a.1, &b.2, &b.0)));
        DeclaredClasses { entries }
    }

    /// The verdict at the class a statement declares for its category, saying so.
    pub fn apply(&self, v: judge::Verdict) -> judge::Verdict {
        let under = |cat: &str| {
            v.category == cat
                || v.category
                    .strip_prefix(cat)
                    .is_some_and(|rest| rest.starts_with('.'))
        };
        match self.entries.iter().find(|(cat, ..)| under(cat)) {
            Some((_, class, pack, quote)) if *class != v.class => judge::Verdict {
                class: *class,
                reason: format!("{}; the `{pack}` statement: \"{quote}\"", v.reason),
                ..v
            },
            _ => v,
        }
    }
}

/// Names of the workspace types that carry data tags on their fields (written, or suggested at
/// `min`), or are tagged themselves.
fn data_bearing(program: &Program, min: f64) -> std::collections::BTreeSet<&str> {
    let mut out = std::collections::BTreeSet::new();
    for s in &program.structs {
        let tagged = s.type_tag.is_some() || s.field_tags.iter().any(Option::is_some);
        let named: Vec<(&str, &crate::syntax::ir::TypeRef)> =
            s.all_fields().map(|f| (&*f.name, &f.ty)).collect();
        let cx = judge::Context::of(&s.name, &named);
        let suggested = || {
            s.all_fields().any(|f| {
                judge::field(&f.name, &f.name, &f.ty, &cx).is_some_and(|v| v.confidence >= min)
            })
        };
        if tagged || suggested() || newtype_verdict(s, min).is_some() {
            out.insert(&*s.name);
        }
    }
    out
}

/// A newtype named like data (`struct Email(String)`, `struct Geburtsdatum(NaiveDate)`): its
/// name is judged as a field's would be, in a context that is about a person (the type exists
/// to hold that one value).
fn newtype_verdict(s: &crate::hir::StructData, min: f64) -> Option<judge::Verdict> {
    let [only] = s.ir.fields.as_slice() else {
        return None;
    };
    if s.ir.is_enum || &*only.name != "0" || s.type_tag.is_some() || s.field_tags[0].is_some() {
        return None;
    }
    let cx = judge::Context {
        struct_name: s.name.to_string(),
        person: true,
        ..judge::Context::default()
    };
    let v = judge::field(&s.name, &s.name, &only.ty, &cx)?;
    (v.confidence >= min).then(|| judge::Verdict {
        reason: v.reason.replacen("field name", "type name", 1),
        ..v
    })
}

/// The tag's text: `#[pii(category = "user.contact.email")]`, `#[phi]` for plain health data.
pub fn data_attribute(class: DataClass, category: &str) -> String {
    match class {
        DataClass::Phi if category == "user.health_and_medical" => "#[phi]".into(),
        c => format!("#[{}(category = \"{category}\")]", c.as_str()),
    }
}
