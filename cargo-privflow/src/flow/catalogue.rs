//! Built-in knowledge of library code: which library calls are sinks (SPEC §1's catalogue), and
//! which library calls privflow models more precisely than "arguments flow to the result".
//!
//! Library types are known by path (`reqwest::Client`) when a signature or a constructor call
//! names them; a method on a library type is matched by the type's crate and the method name,
//! since fluent APIs (`client.post(url).json(&body)`) return many intermediate types.

use crate::hir::SinkSpec;
use crate::model::{LibrarySink, Problem};
use crate::workspace::config::{sinks as parse_sinks, TableSource};
use std::sync::OnceLock;

/// The catalogue's files (`catalogue/*.toml` at the repository root), embedded.
pub const FILES: &[(&str, &str)] = &[
    (
        "catalogue/core.toml",
        include_str!("../../../catalogue/core.toml"),
    ),
    (
        "catalogue/http.toml",
        include_str!("../../../catalogue/http.toml"),
    ),
    (
        "catalogue/databases.toml",
        include_str!("../../../catalogue/databases.toml"),
    ),
    (
        "catalogue/cloud.toml",
        include_str!("../../../catalogue/cloud.toml"),
    ),
    (
        "catalogue/messaging.toml",
        include_str!("../../../catalogue/messaging.toml"),
    ),
    (
        "catalogue/telemetry.toml",
        include_str!("../../../catalogue/telemetry.toml"),
    ),
    (
        "catalogue/web.toml",
        include_str!("../../../catalogue/web.toml"),
    ),
];

/// Known service hosts, for the recipient of a call to a literal URL.
pub const HOSTS_FILE: (&str, &str) = (
    "catalogue/hosts.toml",
    include_str!("../../../catalogue/hosts.toml"),
);

/// A library sink: how it is recognised and what kind of sink it is.
#[derive(Debug, Clone)]
pub struct LibSink {
    pub id: u32,
    /// Display name in findings.
    pub name: String,
    pub spec: SinkSpec,
    /// The entry as written in its file.
    pub entry: LibrarySink,
    /// The file it is written in (`catalogue/cloud.toml`).
    pub file: &'static str,
}

impl LibSink {
    /// The crates.io name of the entry's crate.
    pub fn crate_name(&self) -> String {
        self.entry
            .krate
            .clone()
            .unwrap_or_else(|| lib_crate(&self.entry.path).replace('_', "-"))
    }
}

/// A known service host (`api.stripe.com`, `*.amazonaws.com`) and who runs it.
#[derive(Debug, Clone)]
pub struct Host {
    pub host: String,
    pub recipient: String,
}

/// The built-in catalogue, read from its embedded files.
#[derive(Debug, Default)]
pub struct Catalogue {
    pub entries: Vec<LibSink>,
    pub hosts: Vec<Host>,
    /// What the embedded files got wrong (empty: the unit tests check it).
    pub problems: Vec<Problem>,
    /// The entries code refers to: log macros, writes to a `File`.
    pub log: u32,
    pub file_write: u32,
    /// The entry of `panic!` messages (also `.expect(msg)`'s).
    pub panic: Option<u32>,
    /// The entries that may match a call, by the called name (a method, a macro, a function's
    /// last segment), in file order: a lookup per call, not a scan of the catalogue.
    by_name: std::collections::HashMap<String, Vec<u32>>,
}

/// The catalogue, parsed once per process.
pub fn builtin() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(Catalogue::load)
}

/// A TOML text as the JSON value the config parser reads (as `cargo metadata` gives manifests).
fn toml_to_json(v: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => J::from(f),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            J::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

fn file_problem(file: &str, line: Option<u32>, message: String) -> Problem {
    Problem {
        kind: crate::model::ProblemKind::Config,
        severity: crate::model::Severity::Error,
        file: Some(file.to_string()),
        line,
        column: None,
        message: format!("{file}: {message}"),
    }
}

impl Catalogue {
    /// The entries that may match a call of `name`, in file order.
    fn named(&self, name: &str) -> impl Iterator<Item = &LibSink> {
        self.by_name
            .get(name)
            .into_iter()
            .flatten()
            .filter_map(|&id| self.entries.get(id as usize))
    }

    /// Reads the embedded files; a broken entry is left out and named in `problems`.
    pub fn load() -> Catalogue {
        Catalogue::from_files(FILES, HOSTS_FILE)
    }

    pub fn from_files(files: &[(&'static str, &str)], hosts: (&str, &str)) -> Catalogue {
        let mut cat = Catalogue::default();
        for (file, text) in files {
            let value = match text.parse::<toml::Table>() {
                Ok(t) => toml_to_json(toml::Value::Table(t)),
                Err(e) => {
                    let line = e
                        .span()
                        .map(|s| text[..s.start.min(text.len())].lines().count().max(1) as u32);
                    cat.problems
                        .push(file_problem(file, line, e.message().to_string()));
                    continue;
                }
            };
            let src = TableSource {
                manifest: file,
                table: "",
                text: Some(text),
            };
            if let Some(other) = value
                .as_object()
                .and_then(|m| m.keys().find(|k| *k != "sinks"))
            {
                cat.problems.push(file_problem(
                    file,
                    None,
                    format!("unknown key `{other}`; a catalogue file holds `[[sinks]]` only"),
                ));
            }
            let Some(list) = value.get("sinks") else {
                continue;
            };
            for s in parse_sinks(list, &src, true, &mut cat.problems).unwrap_or_default() {
                let id = cat.entries.len() as u32;
                let mut spec = crate::flow::solver::configured_spec(&s);
                spec.region = s.region.clone();
                cat.entries.push(LibSink {
                    id,
                    name: s.name.clone().unwrap_or_else(|| s.path.clone()),
                    spec,
                    entry: s,
                    file,
                });
            }
        }
        match hosts.1.parse::<toml::Table>() {
            Ok(t) => {
                let list = t
                    .get("hosts")
                    .and_then(|h| h.as_array())
                    .cloned()
                    .unwrap_or_default();
                for (i, h) in list.iter().enumerate() {
                    let host = h.get("host").and_then(|v| v.as_str());
                    let recipient = h.get("recipient").and_then(|v| v.as_str());
                    match (host, recipient) {
                        (Some(host), Some(recipient)) => cat.hosts.push(Host {
                            host: host.to_ascii_lowercase(),
                            recipient: recipient.to_string(),
                        }),
                        _ => cat.problems.push(file_problem(
                            hosts.0,
                            None,
                            format!("`hosts[{i}]` needs a string `host` and a string `recipient`"),
                        )),
                    }
                }
            }
            Err(e) => cat
                .problems
                .push(file_problem(hosts.0, None, e.message().to_string())),
        }
        let find = |cat: &Catalogue, path: &str| {
            cat.entries
                .iter()
                .find(|e| e.entry.path == path)
                .map(|e| e.id)
        };
        match find(&cat, "std") {
            Some(id) => cat.log = id,
            None => cat.problems.push(file_problem(
                "catalogue/core.toml",
                None,
                "the entry `std` (the print macros) is missing".to_string(),
            )),
        }
        for e in &cat.entries {
            let s = &e.entry;
            let mut names: Vec<&str> = Vec::new();
            for list in [&s.methods, &s.macros, &s.fills].into_iter().flatten() {
                names.extend(list.iter().map(String::as_str));
            }
            if s.methods.is_none() && s.macros.is_none() {
                names.extend(s.path.rsplit("::").next());
            }
            names.sort_unstable();
            names.dedup();
            for n in names {
                cat.by_name.entry(n.to_string()).or_default().push(e.id);
            }
        }
        cat.panic = cat.macro_sink(&["std", "panic"]);
        match find(&cat, "File") {
            Some(id) => cat.file_write = id,
            None => cat.problems.push(file_problem(
                "catalogue/core.toml",
                None,
                "the entry `File` (writes to a file) is missing".to_string(),
            )),
        }
        cat
    }

    /// The catalogued macro sink this macro (by its resolved path) is: `println!`, `log::info!`,
    /// a bare `info!` (imported), `panic!`.
    pub fn macro_sink(&self, path: &[&str]) -> Option<u32> {
        let (krate, m) = match path {
            // A bare name not resolved to an import: the prelude's and the log crates' names.
            [one] => {
                return self
                    .named(one)
                    .find(|e| {
                        matches!(e.entry.path.as_str(), "std" | "log" | "tracing")
                            && e.entry
                                .macros
                                .as_ref()
                                .is_some_and(|ms| ms.iter().any(|x| x == one))
                    })
                    .map(|e| e.id)
            }
            [krate, .., m] => (Some(if *krate == "core" { "std" } else { *krate }), *m),
            [] => return None,
        };
        self.named(m)
            .find(|e| {
                e.entry
                    .macros
                    .as_ref()
                    .is_some_and(|ms| ms.iter().any(|x| x == m))
                    && krate.map_or(true, |k| e.entry.path == k)
            })
            .map(|e| e.id)
    }

    /// A free library function (or an associated function, `Object::create`, or a tuple-struct
    /// constructor, `axum::Json`) that is a sink, by full path.
    pub fn fn_sink(&self, path: &[&str]) -> Option<u32> {
        let call = path.join("::");
        self.named(path.last().copied().unwrap_or(""))
            .find(|e| {
                e.entry.methods.is_none()
                    && e.entry.macros.is_none()
                    && e.entry.path.contains("::")
                    && crate::flow::body::path_matches(&e.entry.path, &call)
            })
            .map(|e| e.id)
    }

    /// A method of a library type that is a sink: an entry naming the type's crate, module or
    /// the type itself with `methods`, or `crate::Type::method`. `sql_writes`: the call's first
    /// argument is SQL text that writes (for `sql = "writes"` entries).
    pub fn method_sink(&self, ty_name: &str, method: &str, sql_writes: bool) -> Option<u32> {
        let covers = |p: &str| covers(ty_name, p);
        self.named(method)
            .find(|e| {
                let hit = match &e.entry.methods {
                    Some(ms) => ms.iter().any(|m| m == method) && covers(&e.entry.path),
                    None if e.entry.macros.is_none() => e
                        .entry
                        .path
                        .rsplit_once("::")
                        .is_some_and(|(ty, m)| m == method && is_type_path(ty) && covers(ty)),
                    None => false,
                };
                hit && (!e.entry.sql_writes || sql_writes)
            })
            .map(|e| e.id)
    }

    /// Is `method` one that fills a value of this library type in place (an entry's `fills`)?
    pub fn fills(&self, ty_name: &str, method: &str) -> bool {
        self.named(method).any(|e| {
            e.entry
                .fills
                .as_ref()
                .is_some_and(|fs| fs.iter().any(|f| f == method))
                && covers(ty_name, &e.entry.path)
        })
    }

    /// Who runs this host, if it is a known service's.
    pub fn host_recipient(&self, host: &str) -> Option<&str> {
        let host = host.to_ascii_lowercase();
        self.hosts
            .iter()
            .find(|h| match h.host.strip_prefix("*.") {
                Some(suffix) => host == suffix || host.ends_with(&format!(".{suffix}")),
                None => host == h.host,
            })
            .map(|h| h.recipient.as_str())
    }
}

/// Is the type `ty_name` the path `p`, or in the crate, module or type `p` names?
fn covers(ty_name: &str, p: &str) -> bool {
    ty_name == p || ty_name.strip_prefix(p).is_some_and(|r| r.starts_with("::"))
}

/// `crate::module::Type` (last segment capitalised), not `crate::module::function`.
fn is_type_path(p: &str) -> bool {
    p.rsplit("::")
        .next()
        .and_then(|s| s.chars().next())
        .is_some_and(|c| c.is_ascii_uppercase())
}

/// The URL a literal argument names: `"https://api.stripe.com/v1/customers"`, or the literal
/// prefix of `format!("https://{host}/..")` (its scheme, and its host when the literal holds it).
pub fn literal_url(e: &crate::syntax::ir::Expr) -> Option<String> {
    use crate::syntax::ir::Expr;
    let text = match e {
        Expr::Lit { text: Some(t), .. } => t.to_string(),
        Expr::Macro { path, args, .. }
            if path.segments.last().is_some_and(|s| &*s.name == "format") =>
        {
            match args.first() {
                Some(Expr::Lit { text: Some(t), .. }) => {
                    t.split('{').next().unwrap_or("").to_string()
                }
                _ => return None,
            }
        }
        Expr::Ref { expr, .. } => return literal_url(expr),
        Expr::MethodCall { recv, method, .. }
            if matches!(&**method, "to_string" | "to_owned" | "as_str" | "into") =>
        {
            return literal_url(recv)
        }
        _ => return None,
    };
    let lower = text.to_ascii_lowercase();
    (lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("wss://")
        || lower.starts_with("ws://"))
    .then_some(text)
}

/// A URL's scheme is encrypted in transit (`https`, `wss`).
pub fn url_is_encrypted(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("wss://")
}

/// A URL's host, when its literal text holds all of it (`https://api.stripe.com/v1` →
/// `api.stripe.com`; `https://{host}` → none).
pub fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let end = rest.find(['/', '?', '#']);
    let host = match end {
        Some(i) => &rest[..i],
        // `format!("https://api.x.com{}", path)`'s prefix ends at the `{`: not known complete.
        None if url.contains('{') => return None,
        None => rest,
    };
    let host = host.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'))
    .then_some(host)
}

/// The type name of a request being built by catalogue entry `id` (`client.put_object()`), whose
/// data leaves at the entry's `sent_by` methods.
pub fn builder_ty_name(id: u32) -> String {
    format!("privflow::request::{id}")
}

/// The entry whose request this type is being built for.
pub fn builder_of(ty_name: &str) -> Option<u32> {
    ty_name.strip_prefix("privflow::request::")?.parse().ok()
}

/// A fact about how a library value was made (its URL, the table its SQL erases), carried as a
/// type argument named `privflow::<kind>::<value>` so that it rides along with the type through
/// builder calls (`sqlx::query(..).bind(x).execute(pool)`).
fn marker_of<'t>(ty: &'t crate::hir::ty::Ty, kind: &str) -> Option<&'t str> {
    match ty {
        crate::hir::ty::Ty::Lib(_, args) => args.iter().find_map(|a| match a {
            crate::hir::ty::Ty::Lib(n, _) => n.strip_prefix("privflow::")?.strip_prefix(kind),
            _ => None,
        }),
        crate::hir::ty::Ty::Alias(_, t) => marker_of(t, kind),
        _ => None,
    }
}

/// `ty` with the marker `privflow::<kind><value>`, replacing one of the same kind (a library
/// type; others are left as they are).
fn with_marker(ty: crate::hir::ty::Ty, kind: &str, value: &str) -> crate::hir::ty::Ty {
    use crate::hir::ty::Ty;
    match ty {
        Ty::Lib(n, mut args) => {
            let prefix = format!("privflow::{kind}");
            args.retain(|a| !matches!(a, Ty::Lib(m, _) if m.starts_with(&prefix)));
            args.push(Ty::Lib(
                crate::syntax::ir::Name::from(format!("{prefix}{value}")),
                Vec::new(),
            ));
            Ty::Lib(n, args)
        }
        other => other,
    }
}

/// The URL a library value was made with (`privflow::url::..`).
pub fn url_of(ty: &crate::hir::ty::Ty) -> Option<&str> {
    marker_of(ty, "url::")
}

/// `ty` made with the URL `url`.
pub fn with_url(ty: crate::hir::ty::Ty, url: &str) -> crate::hir::ty::Ty {
    with_marker(ty, "url::", url)
}

/// How the SQL texts a query was made from erase rows (`privflow::delete::a,b`,
/// `privflow::nulls::c`: table names hold no comma).
pub fn erasures_of(ty: &crate::hir::ty::Ty) -> Vec<SqlErasure> {
    let mut out = Vec::new();
    for (kind, make) in [
        ("delete::", SqlErasure::Delete as fn(String) -> SqlErasure),
        ("nulls::", SqlErasure::Nulls),
    ] {
        if let Some(tables) = marker_of(ty, kind) {
            out.extend(tables.split(',').map(|t| make(t.to_string())));
        }
    }
    out
}

/// The table a `diesel::update(..)` statement updates (`privflow::update::t`), until its `.set(..)`.
pub fn updated_table_of(ty: &crate::hir::ty::Ty) -> Option<&str> {
    marker_of(ty, "update::")
}

/// `ty`, a diesel update statement of `table`.
pub fn with_updated_table(ty: crate::hir::ty::Ty, table: &str) -> crate::hir::ty::Ty {
    with_marker(ty, "update::", table)
}

/// The tables the SQL texts a query was made from write into (`privflow::writes::a,b`).
pub fn written_tables_of(ty: &crate::hir::ty::Ty) -> Vec<String> {
    marker_of(ty, "writes::")
        .map(|t| t.split(',').map(str::to_string).collect())
        .unwrap_or_default()
}

/// `ty`, a query made from SQL texts that write into `tables`.
pub fn with_written_tables(ty: crate::hir::ty::Ty, tables: &[String]) -> crate::hir::ty::Ty {
    if tables.is_empty() {
        return ty;
    }
    with_marker(ty, "writes::", &tables.join(","))
}

/// `ty`, a query made from SQL texts that erase rows as `es` say.
pub fn with_erasures(ty: crate::hir::ty::Ty, es: &[SqlErasure]) -> crate::hir::ty::Ty {
    let tables = |delete: bool| {
        es.iter()
            .filter(|e| matches!(e, SqlErasure::Delete(_)) == delete)
            .map(SqlErasure::table)
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut ty = ty;
    for (kind, delete) in [("delete::", true), ("nulls::", false)] {
        let t = tables(delete);
        if !t.is_empty() {
            ty = with_marker(ty, kind, &t);
        }
    }
    ty
}

/// The crate a library type belongs to (`reqwest::RequestBuilder` → `reqwest`; std types have
/// no crate prefix and give their own name).
pub fn lib_crate(ty_name: &str) -> &str {
    ty_name.split("::").next().unwrap_or(ty_name)
}

/// The type privflow gives a sqlx query (`sqlx::query(..)`, `query_as`, `query_scalar`, and
/// their macros) whose SQL text is a statement that writes.
pub const SQLX_WRITE_QUERY: &str = "sqlx::WriteQuery";

/// The sqlx functions that make a query from SQL text (their first argument).
pub fn sqlx_query_fn(segs: &[&str]) -> bool {
    matches!(
        segs,
        [
            "sqlx",
            ..,
            "query"
                | "query_as"
                | "query_scalar"
                | "query_with"
                | "query_as_with"
                | "query_scalar_with"
        ]
    )
}

/// Library functions that build a value of the type they are told (`serde_json::from_str::<T>`),
/// returning `Result<T, _>`.
pub fn deserializer(segs: &[&str]) -> bool {
    matches!(
        segs.last(),
        Some(
            &("from_str"
                | "from_slice"
                | "from_value"
                | "from_reader"
                | "from_bytes"
                | "from_json")
        )
    )
}

/// How a SQL statement erases rows, and of which table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SqlErasure {
    /// `DELETE FROM t ..`: the rows are gone.
    Delete(String),
    /// `UPDATE t SET col = NULL, ..`: the rows stay, anonymised in place (a write as well).
    Nulls(String),
}

impl SqlErasure {
    pub fn table(&self) -> &str {
        match self {
            SqlErasure::Delete(t) | SqlErasure::Nulls(t) => t,
        }
    }
}

/// The words of SQL text, upper-cased, with `=` kept as a word and line comments dropped;
/// quoted names lose their quotes (`"shop"."customers"` → `SHOP.CUSTOMERS`).
fn sql_words(sql: &str) -> Vec<String> {
    let mut words = Vec::new();
    for line in sql.lines() {
        let code = line.split("--").next().unwrap_or("");
        let mut cur = String::new();
        for c in code.chars() {
            if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
                cur.push(c.to_ascii_uppercase());
            } else if matches!(c, '"' | '`' | '[' | ']') {
                // Quotes around a name part: the name goes on.
            } else {
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
                if c == '=' {
                    words.push("=".to_string());
                }
            }
        }
        if !cur.is_empty() {
            words.push(cur);
        }
    }
    words
}

/// Does this SQL text erase rows, and of which table (lower-cased, schema dropped)? A `DELETE`
/// (also after a `WITH` clause), or an `UPDATE` that sets a column to `NULL`.
pub fn sql_erasure(sql: &str) -> Option<SqlErasure> {
    let words = sql_words(sql);
    let start = match words.first().map(String::as_str) {
        Some("WITH") => words.iter().position(|w| w == "DELETE" || w == "UPDATE")?,
        Some("DELETE" | "UPDATE") => 0,
        _ => return None,
    };
    let rest = &words[start + 1..];
    let table_at = |i: usize| {
        let mut i = i;
        if rest.get(i).is_some_and(|w| w == "ONLY") {
            i += 1;
        }
        let t = rest.get(i)?;
        let name = t.rsplit('.').next().unwrap_or(t).to_ascii_lowercase();
        (!name.is_empty() && name != "=").then_some(name)
    };
    if words[start] == "DELETE" {
        let from = usize::from(rest.first().is_some_and(|w| w == "FROM"));
        return table_at(from).map(SqlErasure::Delete);
    }
    let table = table_at(0)?;
    let set = rest.iter().position(|w| w == "SET")?;
    let end = rest[set..]
        .iter()
        .position(|w| w == "WHERE" || w == "FROM" || w == "RETURNING")
        .map_or(rest.len(), |e| set + e);
    let nulls = rest[set..end]
        .windows(2)
        .any(|w| w[0] == "=" && w[1] == "NULL");
    nulls.then_some(SqlErasure::Nulls(table))
}

/// The table a SQL statement writes rows into (`INSERT INTO t`, `UPDATE t`, `REPLACE INTO t`,
/// `UPSERT INTO t`, `MERGE INTO t`, also after a `WITH` clause), lower-cased, schema dropped.
pub fn sql_written_table(sql: &str) -> Option<String> {
    let words = sql_words(sql);
    let writes = |w: &str| matches!(w, "INSERT" | "UPDATE" | "UPSERT" | "REPLACE" | "MERGE");
    let start = match words.first().map(String::as_str) {
        Some("WITH") => words.iter().position(|w| writes(w))?,
        Some(w) if writes(w) => 0,
        _ => return None,
    };
    let mut rest = words[start + 1..].iter().skip_while(|w| {
        matches!(
            w.as_str(),
            "INTO" | "ONLY" | "OR" | "IGNORE" | "LOW_PRIORITY" | "DELAYED"
        )
    });
    let t = rest.next()?;
    let name = t.rsplit('.').next().unwrap_or(t).to_ascii_lowercase();
    (!name.is_empty() && name != "=").then_some(name)
}

/// Does this SQL text write rows (`INSERT`, `UPDATE`, `UPSERT`, `REPLACE`, `MERGE`, also after a
/// `WITH` clause)? Line comments and case do not matter.
pub fn sql_writes(sql: &str) -> bool {
    let mut words = Vec::new();
    for line in sql.lines() {
        let code = line.split("--").next().unwrap_or("");
        words.extend(
            code.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .filter(|w| !w.is_empty())
                .map(|w| w.to_ascii_uppercase()),
        );
    }
    let writes = |w: &str| matches!(w, "INSERT" | "UPDATE" | "UPSERT" | "REPLACE" | "MERGE");
    match words.first().map(String::as_str) {
        Some("WITH") => words.iter().any(|w| writes(w)),
        Some(first) => writes(first),
        None => false,
    }
}

/// Database calls whose result is what the database returns (rows read, rows affected, a
/// generated key), not the values bound into the query: the query's tags do not flow into it.
/// Rows read are as personal as the table they come from, which the code tags by type
/// (`Patient::from_row`), not through the parameters of the lookup.
pub fn result_is_database_output(ty_name: &str, method: &str) -> bool {
    let cat = builtin();
    if cat
        .method_sink(ty_name, method, true)
        .is_some_and(|id| cat.entries[id as usize].entry.result_is_output)
    {
        return true;
    }
    matches!(
        (lib_crate(ty_name), method),
        (
            "sqlx",
            "execute"
                | "execute_many"
                | "fetch"
                | "fetch_one"
                | "fetch_all"
                | "fetch_optional"
                | "fetch_many"
        ) | ("rusqlite", "execute" | "insert" | "execute_batch")
            | ("diesel", "execute")
    )
}

/// Methods that count a collection's elements (or test whether it has any).
pub fn counts_elements(method: &str) -> bool {
    matches!(method, "len" | "is_empty" | "count" | "capacity")
}

/// Methods that tell which variant an `Option`/`Result` is (`is_ok`, `is_some`, ...): a `bool`
/// that holds none of the contents (branching on it is an implicit flow, not tracked).
pub fn tests_variant(method: &str) -> bool {
    matches!(method, "is_ok" | "is_err" | "is_some" | "is_none")
}

/// Methods of library types whose arguments do not flow into the result (lookups, tests).
pub fn args_do_not_flow(method: &str) -> bool {
    matches!(
        method,
        "get"
            | "get_mut"
            | "contains"
            | "contains_key"
            | "starts_with"
            | "ends_with"
            | "eq"
            | "ne"
            | "cmp"
            | "partial_cmp"
            | "remove"
            | "find"
            | "position"
            | "any"
            | "all"
            | "is_some_and"
            | "len"
            | "is_empty"
            | "matches"
            | "strip_prefix"
            | "strip_suffix"
            | "split"
            | "splitn"
    )
}

/// Std methods that take no argument (`map.values()`, `it.next()`): one called with arguments
/// is another type's (`insert_into(t).values(&row)`).
pub fn takes_no_args(method: &str) -> bool {
    matches!(
        method,
        "clone"
            | "cloned"
            | "copied"
            | "iter"
            | "into_iter"
            | "iter_mut"
            | "to_owned"
            | "as_slice"
            | "as_str"
            | "rev"
            | "peekable"
            | "flatten"
            | "collect"
            | "to_vec"
            | "values"
            | "keys"
            | "lines"
            | "into_values"
            | "values_mut"
            | "first"
            | "last"
            | "pop"
            | "next"
            | "unwrap"
            | "unwrap_or_default"
            | "borrow"
            | "borrow_mut"
            | "deref"
            | "as_deref"
            | "as_ref"
    )
}

/// Methods that hand back (a view of) the receiver's elements.
pub fn elem_method(method: &str) -> bool {
    matches!(
        method,
        "unwrap"
            | "expect"
            | "unwrap_or_default"
            | "unwrap_unchecked"
            | "get"
            | "get_mut"
            | "first"
            | "last"
            | "pop"
            | "pop_front"
            | "pop_back"
            | "next"
            | "next_back"
            | "nth"
            | "remove"
            | "take"
            | "values"
            | "into_values"
            | "values_mut"
            | "max"
            | "min"
            | "find"
            | "peek"
            | "entry"
            | "or_insert"
            | "or_insert_with"
            | "or_default"
            | "unwrap_or"
            | "unwrap_or_else"
            | "swap_remove"
            | "ok_or"
            | "ok_or_else"
            | "context"
            | "with_context"
            | "map_err"
            | "lock"
            | "read"
            | "write"
            | "borrow"
            | "borrow_mut"
            | "recv"
            | "try_recv"
            | "blocking_recv"
    )
}

/// Methods that mutate their receiver with their arguments (`v.push(x)`: `x` flows into `v`).
pub fn mutates_receiver(method: &str) -> bool {
    matches!(
        method,
        "push"
            | "push_str"
            | "push_back"
            | "push_front"
            | "insert"
            | "extend"
            | "extend_from_slice"
            | "append"
            | "write_str"
            | "write_fmt"
            | "write_all"
            | "send"
            | "try_send"
            | "resize"
            | "fill"
            | "get_or_insert"
            | "get_or_insert_with"
    )
}

/// Iterator/Option/Result methods whose closure argument's result is the method's result.
pub fn maps_with_closure(method: &str) -> bool {
    matches!(
        method,
        "map"
            | "and_then"
            | "filter_map"
            | "flat_map"
            | "map_or"
            | "map_or_else"
            | "then"
            | "then_some"
            | "unwrap_or_else"
            | "or_else"
            | "map_while"
            | "scan"
            | "find_map"
            | "fold"
            | "try_fold"
            | "reduce"
            | "sum"
            | "product"
    )
}

/// Functions that never return.
pub fn diverges(path: &[&str]) -> bool {
    matches!(
        path,
        ["std", "process", "exit"]
            | ["process", "exit"]
            | ["std", "process", "abort"]
            | ["exit"]
            | ["abort"]
    )
}

/// Macros that never return.
pub fn diverging_macro(last: &str) -> bool {
    matches!(
        last,
        "panic" | "unreachable" | "todo" | "unimplemented" | "bail"
    )
}

/// Serialisation functions: their result carries every serialised field (not `#[serde(skip)]`).
pub fn serializer(path: &[&str]) -> bool {
    matches!(
        path,
        [.., "to_string" | "to_string_pretty" | "to_vec" | "to_vec_pretty" | "to_writer" | "to_writer_pretty" | "to_value"]
            if matches!(path.first(), Some(&"serde_json" | &"serde_yaml" | &"toml" | &"bincode" | &"rmp_serde" | &"serde_cbor" | &"ron" | &"csv"))
    )
}

#[cfg(test)]
mod tests {
    use super::{sql_erasure, sql_writes, SqlErasure};

    #[test]
    fn statements_that_erase_name_their_table() {
        let del = |t: &str| Some(SqlErasure::Delete(t.to_string()));
        let nul = |t: &str| Some(SqlErasure::Nulls(t.to_string()));
        assert_eq!(
            sql_erasure("DELETE FROM shop.inquiries WHERE id = $1"),
            del("inquiries")
        );
        assert_eq!(
            sql_erasure("delete from \"Visits\" where id = ?"),
            del("visits")
        );
        assert_eq!(sql_erasure("-- gone\nDELETE FROM ONLY t"), del("t"));
        assert_eq!(
            sql_erasure("WITH x AS (SELECT id FROM a) DELETE FROM b USING x"),
            del("b")
        );
        assert_eq!(
            sql_erasure("UPDATE shop.customers SET email = NULL, phone=NULL WHERE id = $1"),
            nul("customers")
        );
        assert_eq!(sql_erasure("UPDATE t SET a = $1 WHERE b = NULL"), None);
        assert_eq!(sql_erasure("UPDATE t SET a = $1 WHERE id = $2"), None);
        assert_eq!(sql_erasure("SELECT * FROM deleted"), None);
        assert_eq!(sql_erasure("INSERT INTO t VALUES (NULL)"), None);
        assert_eq!(sql_erasure("DELETE"), None);
        assert_eq!(sql_erasure(""), None);
    }

    #[test]
    fn statements_that_write_name_their_table() {
        use super::sql_written_table as w;
        assert_eq!(
            w("INSERT INTO shop.customers (a) VALUES ($1)").as_deref(),
            Some("customers")
        );
        assert_eq!(
            w("insert or ignore into \"Visits\" values (?)").as_deref(),
            Some("visits")
        );
        assert_eq!(
            w("UPDATE login_history SET at = $1").as_deref(),
            Some("login_history")
        );
        assert_eq!(
            w("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x").as_deref(),
            Some("t")
        );
        assert_eq!(w("SELECT * FROM t"), None);
        assert_eq!(w("DELETE FROM t"), None);
        assert_eq!(w("INSERT"), None);
    }

    #[test]
    fn statements_that_write_are_told_from_reads() {
        for sql in [
            "INSERT INTO visits (diagnosis) VALUES ($1) RETURNING id",
            "  insert into t values (?)",
            "-- store the visit\nUPDATE visits SET diagnosis = $1 WHERE id = $2 RETURNING id",
            "WITH v AS (SELECT 1) INSERT INTO t SELECT * FROM v",
            "REPLACE INTO t VALUES (1)",
            "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a",
        ] {
            assert!(sql_writes(sql), "{sql}");
        }
        for sql in [
            "SELECT id FROM visits WHERE diagnosis = $1",
            "select * from inserts",
            "WITH v AS (SELECT 1) SELECT * FROM v",
            "DELETE FROM visits WHERE id = $1",
            "",
        ] {
            assert!(!sql_writes(sql), "{sql}");
        }
    }
}

/// Methods returning a mutable reference to one element (or entry) of their receiver.
pub fn element_ref_method(m: &str) -> bool {
    matches!(
        m,
        "get_mut"
            | "first_mut"
            | "last_mut"
            | "iter_mut"
            | "values_mut"
            | "get_or_insert"
            | "get_or_insert_with"
            | "entry"
            | "or_insert"
            | "or_insert_with"
            | "or_insert_with_key"
            | "or_default"
            | "front_mut"
            | "back_mut"
            | "peek_mut"
            | "range_mut"
            | "chunks_mut"
            | "split_first_mut"
            | "split_last_mut"
            | "get_unchecked_mut"
    )
}

/// Methods returning a mutable reference to (or a guard of) their whole receiver.
pub fn whole_ref_method(m: &str) -> bool {
    matches!(
        m,
        "as_mut" | "as_deref_mut" | "as_mut_slice" | "borrow_mut" | "deref_mut" | "lock" | "write"
    )
}

/// Methods passing on the reference their receiver holds (`unwrap` of an `Option<&mut T>`).
pub fn passes_ref_method(m: &str) -> bool {
    matches!(
        m,
        "unwrap" | "expect" | "next" | "by_ref" | "unwrap_or_default"
    )
}

#[cfg(test)]
mod catalogue_files {
    use super::*;

    #[test]
    fn the_embedded_catalogue_parses() {
        let cat = Catalogue::load();
        let problems: Vec<&str> = cat.problems.iter().map(|p| p.message.as_str()).collect();
        assert!(problems.is_empty(), "{problems:#?}");
        let crates: std::collections::BTreeSet<String> =
            cat.entries.iter().map(LibSink::crate_name).collect();
        assert!(crates.len() >= 100, "{} crates: {crates:?}", crates.len());
        assert!(!cat.hosts.is_empty());
    }

    #[test]
    fn a_broken_entry_is_named_with_its_file_and_line() {
        let text = "[[sinks]]\npath = \"a::b\"\nkind = \"storage\"\n\n[[sinks]]\npath = \"c::d\"\nkind = \"stroage\"\n";
        let cat = Catalogue::from_files(&[("catalogue/x.toml", text)], ("h.toml", ""));
        let p = cat
            .problems
            .iter()
            .find(|p| p.message.contains("stroage"))
            .expect("a problem for the unknown kind");
        assert_eq!(p.file.as_deref(), Some("catalogue/x.toml"));
        assert_eq!(p.line, Some(7), "{p:?}");
        assert!(p.message.starts_with("catalogue/x.toml: "), "{}", p.message);
        let bad = Catalogue::from_files(
            &[("catalogue/y.toml", "[[sinks]]\npath = \n")],
            ("h.toml", ""),
        );
        assert_eq!(bad.problems[0].file.as_deref(), Some("catalogue/y.toml"));
        assert_eq!(bad.problems[0].line, Some(2), "{:?}", bad.problems[0]);
    }

    #[test]
    fn literal_urls_tell_encryption_and_host() {
        assert!(url_is_encrypted("https://api.stripe.com/v1"));
        assert!(!url_is_encrypted("http://api.stripe.com/v1"));
        assert_eq!(
            url_host("https://api.stripe.com/v1/customers"),
            Some("api.stripe.com")
        );
        assert_eq!(url_host("https://{}"), None);
        assert_eq!(url_host("https://api.x.com"), Some("api.x.com"));
        let cat = builtin();
        assert_eq!(
            cat.host_recipient("s3.eu-central-1.amazonaws.com"),
            Some("Amazon Web Services, Inc.")
        );
        assert_eq!(cat.host_recipient("api.stripe.com"), Some("Stripe, Inc."));
        assert_eq!(cat.host_recipient("stripe.com.evil.example"), None);
    }
}
