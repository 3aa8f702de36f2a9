//! Built-in knowledge of library code: which library calls are sinks (SPEC §1's catalogue), and
//! which library calls privflow models more precisely than "arguments flow to the result".
//!
//! Library types are known by path (`reqwest::Client`) when a signature or a constructor call
//! names them; a method on a library type is matched by the type's crate and the method name,
//! since fluent APIs (`client.post(url).json(&body)`) return many intermediate types.

use crate::hir::SinkSpec;

/// A library sink: how it is recognised and what kind of sink it is.
#[derive(Debug, Clone)]
pub struct LibSink {
    pub id: u32,
    /// Display name in findings.
    pub name: String,
    pub spec: SinkSpec,
}

/// Macros that write to a log (SPEC: `println!`/`eprintln!`/`dbg!`, `log` and `tracing`).
const LOG_MACROS: &[&str] = &["println", "print", "eprintln", "eprint", "dbg"];
const LEVEL_MACROS: &[&str] = &["info", "warn", "error", "debug", "trace", "log", "event"];

/// The catalogue's fixed entries.
pub struct Catalogue {
    pub entries: Vec<LibSink>,
}

pub const LOG: u32 = 0;
pub const FS_WRITE: u32 = 1;
pub const FILE_WRITE: u32 = 2;
pub const HTTP: u32 = 3;
pub const HTTP_URL: u32 = 4;
pub const SQLX: u32 = 5;
pub const RUSQLITE: u32 = 6;
pub const REDIS: u32 = 7;
pub const DIESEL: u32 = 8;
pub const LETTRE: u32 = 9;

impl Default for Catalogue {
    fn default() -> Self {
        let mk = |id: u32, name: &str, kind: &str, args: Option<Vec<u32>>, self_is_data: bool| {
            let mut spec = SinkSpec::new(kind);
            spec.args = args;
            spec.self_is_data = self_is_data;
            LibSink {
                id,
                name: name.to_string(),
                spec,
            }
        };
        Catalogue {
            entries: vec![
                mk(LOG, "log", "log", None, false),
                mk(FS_WRITE, "std::fs::write", "storage", Some(vec![1]), false),
                mk(FILE_WRITE, "std::fs::File write", "storage", None, false),
                mk(HTTP, "HTTP request body", "network", None, false),
                mk(HTTP_URL, "HTTP request", "network", None, false),
                mk(SQLX, "sqlx query", "storage", Some(vec![]), true),
                mk(
                    RUSQLITE,
                    "rusqlite execute",
                    "storage",
                    Some(vec![1]),
                    false,
                ),
                mk(REDIS, "redis write", "storage", None, false),
                mk(DIESEL, "diesel insert/update", "storage", None, false),
                mk(LETTRE, "lettre send", "email", None, false),
            ],
        }
    }
}

/// Is this macro (by its resolved path) a catalogued log sink?
pub fn log_macro(path: &[&str]) -> bool {
    match path {
        [one] => LOG_MACROS.contains(one) || LEVEL_MACROS.contains(one),
        [krate, m] if matches!(*krate, "std" | "core") => LOG_MACROS.contains(m),
        [krate, m] if matches!(*krate, "log" | "tracing" | "slog" | "defmt") => {
            LEVEL_MACROS.contains(m)
        }
        [krate, .., m] if matches!(*krate, "log" | "tracing") => LEVEL_MACROS.contains(m),
        _ => false,
    }
}

/// Free library functions that are sinks, by full path.
pub fn lib_fn_sink(path: &[&str]) -> Option<u32> {
    Some(match path {
        ["std", "fs", "write"]
        | ["fs", "write"]
        | ["tokio", "fs", "write"]
        | ["async_std", "fs", "write"] => FS_WRITE,
        ["reqwest", "get"] | ["reqwest", "blocking", "get"] => HTTP_URL,
        ["ureq", "get" | "post" | "put" | "patch" | "delete" | "request"] => HTTP_URL,
        _ => return None,
    })
}

/// The crate a library type belongs to (`reqwest::RequestBuilder` → `reqwest`; std types have
/// no crate prefix and give their own name).
pub fn lib_crate(ty_name: &str) -> &str {
    ty_name.split("::").next().unwrap_or(ty_name)
}

/// Methods on library types that are sinks: (receiver's crate or std type, method) → entry.
pub fn lib_method_sink(ty_name: &str, method: &str) -> Option<u32> {
    let krate = lib_crate(ty_name);
    Some(match (krate, method) {
        (
            "File" | "BufWriter" | "LineWriter",
            "write_all" | "write" | "write_fmt" | "write_str",
        ) => FILE_WRITE,
        (
            "reqwest" | "ureq" | "hyper" | "surf" | "isahc" | "awc",
            "json" | "body" | "form" | "query" | "multipart" | "send_json" | "send_string"
            | "send_form" | "send_bytes",
        ) => HTTP,
        ("reqwest" | "surf" | "awc", "post" | "get" | "put" | "patch" | "delete" | "request") => {
            HTTP_URL
        }
        ("hyper", "request") => HTTP,
        ("sqlx", "execute" | "execute_many") => SQLX,
        // A statement that writes stores what is bound into it, however its result is fetched
        // (`INSERT .. RETURNING id` with `fetch_one`).
        ("sqlx", "fetch" | "fetch_one" | "fetch_all" | "fetch_optional" | "fetch_many")
            if ty_name == SQLX_WRITE_QUERY =>
        {
            SQLX
        }
        ("rusqlite", "execute" | "insert" | "execute_batch") => RUSQLITE,
        (
            "redis",
            "set" | "set_ex" | "set_nx" | "hset" | "hset_multiple" | "lpush" | "rpush" | "sadd"
            | "zadd" | "mset" | "append" | "publish" | "xadd",
        ) => REDIS,
        ("diesel", "execute" | "get_result" | "get_results") => DIESEL,
        ("lettre", "send" | "send_raw") => LETTRE,
        _ => return None,
    })
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
            | "lines"
            | "chars"
            | "bytes"
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
    use super::sql_writes;

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
