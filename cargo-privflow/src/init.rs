//! `cargo privflow init`: adds the macros dependency (`privflow = { package = "privflow-macros",
//! path = ".." }`) and a `[package.metadata.privflow]` section with the chosen packs to a
//! package's Cargo.toml. Each is added only when missing (running it again changes nothing), by
//! inserting lines, so the rest of the file keeps the user's formatting; a Cargo.toml that does
//! not parse is never rewritten (exit 2, with its line and column). Written with
//! [`crate::cli::write_file`] (never through a link).

use crate::cli::{write_file, GlobalArgs};
use crate::report::Escaping;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The macros crate privflow was built beside (a clone, or cargo's git checkout), if it is there.
pub(crate) fn macros_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()?
        .join("privflow-macros");
    dir.join("Cargo.toml").is_file().then_some(dir)
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// What `init` adds to `text` (a manifest), or why it cannot: `Ok(None)` = nothing to add.
pub fn edit(text: &str, rules: &[String], macros: Option<&Path>) -> Result<Edit, String> {
    edit_with(text, Some(rules), macros)
}

/// [`edit`], with `rules: None` adding the dependency only (`suggest --apply`: a package's
/// config, or the workspace's, is the user's to choose).
pub fn edit_with(
    text: &str,
    rules: Option<&[String]>,
    macros: Option<&Path>,
) -> Result<Edit, String> {
    let doc: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let at = e
            .span()
            .map(|s| {
                let before = text.get(..s.start).unwrap_or(text);
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                format!(":{line}:{column}")
            })
            .unwrap_or_default();
        format!(
            "Cargo.toml{at} does not parse, so it is left as it is: {}",
            e.message()
        )
    })?;
    let Some(package) = doc.get("package").and_then(toml::Value::as_table) else {
        return Err("Cargo.toml has no [package]: run init in a package (or -p's manifest with --manifest-path)".into());
    };
    let mut out = text.to_string();
    let mut added = Vec::new();
    let deps = doc.get("dependencies").and_then(toml::Value::as_table);
    let has_dep = deps.is_some_and(|d| {
        d.iter().any(|(k, v)| {
            k == "privflow"
                || k == "privflow-macros"
                || v.get("package").and_then(toml::Value::as_str) == Some("privflow-macros")
        })
    });
    if !has_dep {
        let Some(dir) = macros else {
            return Err("the privflow-macros crate privflow was installed from is gone: add `privflow = { package = \"privflow-macros\", path = \"..\" }` (or `git = \"..\"`) to [dependencies] by hand".into());
        };
        let line = format!(
            "privflow = {{ package = \"privflow-macros\", path = {} }}\n",
            quoted(&dir.to_string_lossy())
        );
        match header_end(&out, "[dependencies]") {
            Some(at) => out.insert_str(at, &line),
            None if deps.is_some() => {
                return Err("[dependencies] is not written as a `[dependencies]` table: add the privflow dependency by hand".into())
            }
            None => {
                ensure_blank_line(&mut out);
                out.push_str("[dependencies]\n");
                out.push_str(&line);
            }
        }
        added.push("the privflow-macros dependency (as `privflow`)".to_string());
    }
    let has_config = package
        .get("metadata")
        .and_then(|m| m.get("privflow"))
        .is_some();
    if let (false, Some(rules)) = (has_config, rules) {
        let list: Vec<String> = rules.iter().map(|r| quoted(r)).collect();
        ensure_blank_line(&mut out);
        out.push_str(&format!(
            "[package.metadata.privflow]\nrules = [{}]\n",
            list.join(", ")
        ));
        added.push(format!(
            "[package.metadata.privflow] with rules = [{}]",
            list.join(", ")
        ));
    }
    if out.parse::<toml::Table>().is_err() {
        return Err(
            "the edited Cargo.toml would not parse: nothing is written (please report this)".into(),
        );
    }
    Ok(Edit { text: out, added })
}

/// The result of [`edit`]: the new text and what was added (empty: nothing).
pub struct Edit {
    pub text: String,
    pub added: Vec<String>,
}

/// The offset just after the line holding `header` (alone on its line), if any.
fn header_end(text: &str, header: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        offset += line.len();
        let bare = line.split('#').next().unwrap_or("").trim();
        if bare == header {
            if !line.ends_with('\n') {
                return None;
            }
            return Some(offset);
        }
    }
    None
}

fn ensure_blank_line(text: &mut String) {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if !text.is_empty() && !text.ends_with("\n\n") {
        text.push('\n');
    }
}

/// `cargo privflow init`.
pub fn run(g: &GlobalArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let manifest = match &g.manifest_path {
        Some(p) if p.is_dir() => p.join("Cargo.toml"),
        Some(p) => p.clone(),
        None => match std::env::current_dir().ok().and_then(|d| {
            d.ancestors()
                .map(|a| a.join("Cargo.toml"))
                .find(|m| m.is_file())
        }) {
            Some(m) => m,
            None => {
                let _ = writeln!(stderr, "error: no Cargo.toml here or above: run init in a package, or give --manifest-path");
                return 2;
            }
        },
    };
    let text = match std::fs::read_to_string(&manifest) {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(
                Escaping(stderr),
                "error: cannot read {}: {e}",
                manifest.display()
            );
            return 2;
        }
    };
    let mut rules: Vec<String> = g
        .rules
        .iter()
        .flat_map(|r| r.split(','))
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect();
    if rules.is_empty() {
        rules.push("baseline".into());
    }
    for r in &rules {
        if !crate::workspace::config::is_pack(r) {
            let _ = writeln!(
                Escaping(stderr),
                "error: {}",
                crate::workspace::config::unknown_pack(r)
            );
            return 2;
        }
    }
    let edit = match edit(&text, &rules, macros_dir().as_deref()) {
        Ok(e) => e,
        Err(msg) => {
            let _ = writeln!(Escaping(stderr), "error: {}: {msg}", manifest.display());
            return 2;
        }
    };
    if edit.added.is_empty() {
        let _ = writeln!(
            Escaping(stdout),
            "privflow: {} is already set up; nothing changed",
            manifest.display()
        );
        return 0;
    }
    if let Err(e) = write_file(&manifest, edit.text.as_bytes(), manifest.parent()) {
        let _ = writeln!(
            Escaping(stderr),
            "error: could not write {}: {e}",
            manifest.display()
        );
        return 2;
    }
    let _ = writeln!(
        Escaping(stdout),
        "privflow: added to {}: {}",
        manifest.display(),
        edit.added.join("; ")
    );
    0
}
