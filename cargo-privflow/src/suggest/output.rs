//! Printing suggestions (human, grouped by file; JSON lines), and reading the source text around
//! a field for the names attributes give it (`#[serde(rename = "..")]`, column names).

use super::{level, Kind, Outcome, Suggestion};
use crate::report::Escaping;
use crate::syntax::{FileId, SourceDb};
use std::io::Write;

/// The text of every analysed file, by id (read once; a file that cannot be read is empty: the
/// loader has already reported it).
pub struct SourceTexts {
    lines: Vec<Vec<String>>,
}

impl SourceTexts {
    pub fn new(db: &SourceDb) -> SourceTexts {
        SourceTexts {
            lines: db
                .files
                .iter()
                .map(|f| {
                    std::fs::read_to_string(&f.path)
                        .map(|t| t.lines().map(str::to_string).collect())
                        .unwrap_or_default()
                })
                .collect(),
        }
    }

    /// Texts given directly (tests).
    #[cfg(test)]
    pub fn from_texts(texts: &[&str]) -> SourceTexts {
        SourceTexts {
            lines: texts
                .iter()
                .map(|t| t.lines().map(str::to_string).collect())
                .collect(),
        }
    }

    /// The words of the doc comment (`///`) above the item declared on line `line` (1-based),
    /// lowercased, over its attribute lines; at most 40 lines up.
    pub fn doc_words(&self, file: FileId, line: u32) -> Vec<String> {
        let Some(lines) = self.lines.get(file.0 as usize) else {
            return Vec::new();
        };
        let mut words = Vec::new();
        let mut i = line as usize;
        let mut steps = 0;
        while i > 1 && steps < 40 {
            i -= 1;
            steps += 1;
            let Some(l) = lines.get(i - 1) else { break };
            let t = l.trim();
            if let Some(doc) = t.strip_prefix("///") {
                words.extend(
                    doc.split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(str::to_lowercase),
                );
            } else if !(t.starts_with('#')
                || t.starts_with("//")
                || t.starts_with(')')
                || t.ends_with(',')
                || t.ends_with('('))
            {
                break;
            }
        }
        words
    }

    /// The names the attributes just above line `line` (1-based) give the field declared on it:
    /// `serde(rename = "x")`, `sqlx(rename = "x")`, `diesel(column_name = x)`,
    /// `sea_orm(column_name = "x")`. Reads upwards over attribute and comment lines only.
    pub fn renames(&self, file: FileId, line: u32) -> Vec<String> {
        let Some(lines) = self.lines.get(file.0 as usize) else {
            return Vec::new();
        };
        let mut block = String::new();
        let mut i = line as usize;
        let mut steps = 0;
        while i > 1 && steps < 12 {
            i -= 1;
            steps += 1;
            let Some(l) = lines.get(i - 1) else { break };
            let t = l.trim();
            // A field separator or an opening brace ends the field's attribute block.
            if !(t.starts_with('#') || t.starts_with("//"))
                && (t.ends_with(',') || t.ends_with('{') || t.ends_with('}') || t.is_empty())
            {
                break;
            }
            block.insert_str(0, t);
            block.insert(0, ' ');
        }
        let mut out = Vec::new();
        for key in ["rename", "column_name"] {
            let mut rest = block.as_str();
            while let Some(at) = rest.find(key) {
                rest = &rest[at + key.len()..];
                let after = rest.trim_start();
                let Some(after) = after.strip_prefix('=') else {
                    continue;
                };
                let after = after.trim_start();
                let value: String = match after.strip_prefix('"') {
                    Some(q) => q.chars().take_while(|c| *c != '"').collect(),
                    None => after
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect(),
                };
                if !value.is_empty() && !out.contains(&value) {
                    out.push(value);
                }
            }
        }
        out
    }
}

/// Human output: suggestions grouped by file, each with its attribute, confidence and reason.
pub fn human(out: &Outcome, applied: Option<&super::apply::Applied>, w: &mut dyn Write) {
    let mut w = Escaping(w);
    let mut current: Option<&str> = None;
    for s in &out.suggestions {
        if current != Some(s.file.as_str()) {
            if current.is_some() {
                let _ = writeln!(w);
            }
            let _ = writeln!(w, "{}", s.file);
            current = Some(&s.file);
        }
        let tag = match s.kind {
            Kind::Sinks => "config",
            _ => "",
        };
        let _ = writeln!(
            w,
            "  {}:{}  {}  {}{}",
            s.line,
            s.column,
            s.item,
            s.attribute.replace('\n', "\n      "),
            if tag.is_empty() {
                String::new()
            } else {
                format!("  ({tag}, to review)")
            }
        );
        let _ = writeln!(
            w,
            "      {} {:.2}: {}",
            level(s.confidence),
            s.confidence,
            s.reason
        );
    }
    let mut by_kind = std::collections::BTreeMap::new();
    for s in &out.suggestions {
        *by_kind.entry(s.kind.as_str()).or_insert(0usize) += 1;
    }
    let counts: Vec<String> = by_kind.iter().map(|(k, n)| format!("{n} {k}")).collect();
    if !out.suggestions.is_empty() {
        let _ = writeln!(w);
    }
    let _ = writeln!(
        w,
        "privflow suggest: {} suggestion{}{}",
        out.suggestions.len(),
        if out.suggestions.len() == 1 { "" } else { "s" },
        if counts.is_empty() {
            String::new()
        } else {
            format!(" ({})", counts.join(", "))
        }
    );
    if let Some(a) = applied {
        let _ = writeln!(
            w,
            "privflow suggest: applied {} annotation{} in {} file{}{}",
            a.inserted,
            if a.inserted == 1 { "" } else { "s" },
            a.files.len(),
            if a.files.len() == 1 { "" } else { "s" },
            if a.manifests.is_empty() {
                String::new()
            } else {
                format!(
                    "; added the privflow dependency to {}",
                    a.manifests.join(", ")
                )
            }
        );
        if a.unplaced > 0 {
            let _ = writeln!(
                w,
                "privflow suggest: {} not applied: written inside a macro call or a function \
                 body; add by hand",
                a.unplaced
            );
        }
    }
}

/// One JSON object per line for a suggestion.
pub fn json_line(s: &Suggestion) -> String {
    serde_json::json!({
        "kind": s.kind.as_str(),
        "file": s.file,
        "line": s.line,
        "column": s.column,
        "item": s.item,
        "attribute": s.attribute,
        "category": s.category,
        "class": s.class.map(|c| c.as_str()),
        "confidence": s.confidence,
        "reason": s.reason,
    })
    .to_string()
}

/// JSON lines: one suggestion per line.
pub fn json(out: &Outcome, w: &mut dyn Write) {
    for s in &out.suggestions {
        let _ = writeln!(w, "{}", json_line(s));
    }
}

/// `--preview`, human: findings per rule now and with the suggestions.
pub fn preview_human(counts: &super::preview::Counts, w: &mut dyn Write) {
    let mut w = Escaping(w);
    let (now, then): (usize, usize) = counts
        .iter()
        .fold((0, 0), |(a, b), (_, x, y)| (a + x, b + y));
    let _ = writeln!(
        w,
        "privflow suggest --preview: with these annotations `cargo privflow` would report {then} finding{} (now {now})",
        if then == 1 { "" } else { "s" }
    );
    for (rule, a, b) in counts {
        let _ = writeln!(w, "  {b:>5}  {rule}  (now {a})");
    }
}

/// `--preview`, JSON: one line `{"kind":"preview","rules":{rule:{"now":n,"then":m}}}`.
pub fn preview_json(counts: &super::preview::Counts, w: &mut dyn Write) {
    let rules: serde_json::Map<String, serde_json::Value> = counts
        .iter()
        .map(|(r, a, b)| (r.clone(), serde_json::json!({"now": a, "then": b})))
        .collect();
    let _ = writeln!(
        w,
        "{}",
        serde_json::json!({"kind": "preview", "rules": rules})
    );
}

#[cfg(test)]
mod tests {
    use super::SourceTexts;
    use crate::syntax::FileId;

    #[test]
    fn renames_are_read_from_the_attributes_above_a_field() {
        let text = "struct Row {\n    id: i64,\n    /// Birth date.\n    #[serde(rename = \"geburtsdatum\")]\n    #[sqlx(rename = \"gd\")]\n    gd: String,\n    #[diesel(column_name = telefoonnummer)]\n    tel: String,\n    plain: String,\n}\n";
        let t = SourceTexts::from_texts(&[text]);
        assert_eq!(t.renames(FileId(0), 6), ["geburtsdatum", "gd"]);
        assert_eq!(t.renames(FileId(0), 8), ["telefoonnummer"]);
        assert!(
            t.renames(FileId(0), 9).is_empty(),
            "stops at the previous field"
        );
        assert!(t.renames(FileId(7), 1).is_empty(), "no such file");
    }
}
