//! `suggest --apply`: writes the suggested attributes into the source, as text insertions at
//! places found with syn (so the user's formatting stays), bottom-up per file; adds the macros
//! dependency to each touched package's Cargo.toml (with `init`'s editor).
//!
//! Safety: a file that does not parse is never rewritten; an edited file that would not parse
//! is not written; nothing is written through a link or outside the workspace
//! ([`crate::cli::write_file`], [`crate::workspace::inside`]). Idempotent: a place that already
//! carries the attribute gets nothing.

use super::{Outcome, Place, Suggestion};
use proc_macro2::LineColumn;
use std::collections::BTreeMap;
use std::path::Path;
use syn::spanned::Spanned;

/// What `--apply` did.
#[derive(Debug, Default)]
pub struct Applied {
    /// Attribute lines inserted.
    pub inserted: usize,
    /// Files written (relative).
    pub files: Vec<String>,
    /// Suggestions whose item is not written where `--apply` can find it (inside a macro call
    /// or a function body): printed, not applied.
    pub unplaced: usize,
    /// Manifests the dependency was added to (relative).
    pub manifests: Vec<String>,
    /// What could not be applied, with the file: an incomplete apply (exit 2).
    pub problems: Vec<String>,
}

/// Applies every suggestion of `out` that has a place in the source.
pub fn apply(out: &Outcome) -> Applied {
    let mut done = Applied::default();
    let mut by_file: BTreeMap<(&str, &Path), Vec<&Suggestion>> = BTreeMap::new();
    for s in &out.suggestions {
        if s.place != Place::Config {
            by_file
                .entry((s.file.as_str(), s.path.as_path()))
                .or_default()
                .push(s);
        }
    }
    for ((rel, path), wants) in by_file {
        if out.unreadable.iter().any(|u| u == rel) {
            done.problems.push(format!(
                "{rel}: could not be read or parsed, so it is left as it is"
            ));
            continue;
        }
        if !crate::workspace::inside(&out.root, path) {
            done.problems.push(format!(
                "{rel}: lies outside the workspace (a link): not written"
            ));
            continue;
        }
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                done.problems.push(format!("{rel}: cannot read: {e}"));
                continue;
            }
        };
        match edit(&text, &wants) {
            Ok(e) => {
                done.unplaced += e.unplaced;
                if e.inserted == 0 {
                    continue;
                }
                match crate::cli::write_file(path, e.text.as_bytes(), Some(&out.root)) {
                    Ok(()) => {
                        done.inserted += e.inserted;
                        done.files.push(rel.to_string());
                    }
                    Err(err) => done.problems.push(format!("{rel}: could not write: {err}")),
                }
            }
            Err(e) => done.problems.push(format!("{rel}: {e}")),
        }
    }
    // The macros dependency, for each package a file was annotated in.
    for (manifest, files) in &out.packages {
        let pkg_touched = files.iter().any(|f| done.files.iter().any(|d| d == f));
        if !pkg_touched {
            continue;
        }
        let shown = crate::workspace::relative_path(&out.root, manifest);
        let text = match std::fs::read_to_string(manifest) {
            Ok(t) => t,
            Err(e) => {
                done.problems.push(format!("{shown}: cannot read: {e}"));
                continue;
            }
        };
        match crate::init::edit_with(&text, None, crate::init::macros_dir().as_deref()) {
            Ok(e) if e.added.is_empty() => {}
            Ok(e) => match crate::cli::write_file(manifest, e.text.as_bytes(), Some(&out.root)) {
                Ok(()) => done.manifests.push(shown),
                Err(err) => done
                    .problems
                    .push(format!("{shown}: could not write: {err}")),
            },
            Err(msg) => done.problems.push(format!("{shown}: {msg}")),
        }
    }
    done
}

/// The edited text and the number of insertions, or why the file is left alone.
pub fn edit(text: &str, wants: &[&Suggestion]) -> Result<Edited, String> {
    // syn reads past a byte order mark, so its spans count from after it: edit without it.
    if let Some(body) = text.strip_prefix('\u{feff}') {
        return edit(body, wants).map(|e| Edited {
            text: format!("\u{feff}{}", e.text),
            ..e
        });
    }
    let file = syn::parse_file(text).map_err(|e| {
        let at = e.span().start();
        format!(
            "does not parse at {}:{} ({e}), so it is left as it is",
            at.line,
            at.column + 1
        )
    })?;
    let index = LineIndex::new(text);
    // Inserted lines end as the file's lines do.
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut inserts: Vec<(usize, String)> = Vec::new();
    let mut unplaced = 0;
    for s in wants {
        // `None`: no such item in the text (inside a macro call, a function body); `Some(None)`:
        // it already carries the attribute.
        let found: Option<Option<LineColumn>> = match &s.place {
            Place::Type { line } => find_type(&file.items, *line, 0)
                .map(|it| (!item_has(it.attrs, &["data"])).then_some(it.start)),
            Place::TypeTag { line } => find_type(&file.items, *line, 0)
                .map(|it| (!item_has(it.attrs, &["pii", "phi"])).then_some(it.start)),
            Place::Field { type_line, field } => find_type(&file.items, *type_line, 0)
                .and_then(|it| it.fields.into_iter().find(|f| f.name == *field))
                .map(|f| (!item_has(f.attrs, &["pii", "phi"])).then_some(f.start)),
            Place::Fn { line } => find_fn(&file.items, *line, 0).map(|it| {
                (!item_has(it.attrs, &["sanitizer", "consent", "sink", "source"]))
                    .then_some(it.start)
            }),
            Place::Config => continue,
        };
        let start = match found {
            Some(Some(start)) => start,
            Some(None) => continue,
            None => {
                unplaced += 1;
                continue;
            }
        };
        let attr = &s.attribute;
        let Some(at) = index.offset(start) else {
            continue;
        };
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let before = &text[line_start..at];
        let insertion = if before.trim().is_empty() {
            (line_start, format!("{before}{attr}{newline}"))
        } else {
            // Something precedes the item on its line (`struct A { email: String }`): insert
            // in the line, before the item.
            (at, format!("{attr} "))
        };
        if !inserts.contains(&insertion) {
            inserts.push(insertion);
        }
    }
    // Bottom-up, so earlier offsets stay valid; the same offset keeps suggestion order.
    inserts.sort_by_key(|i| std::cmp::Reverse(i.0));
    let mut out = text.to_string();
    let n = inserts.len();
    let mut at_same: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (off, s) in inserts {
        at_same.entry(off).or_default().push(s);
    }
    for (off, mut lines) in at_same.into_iter().rev() {
        // Pushed in reverse order of the sorted list: restore the suggestions' own order.
        lines.reverse();
        out.insert_str(off, &lines.concat());
    }
    if let Err(e) = syn::parse_file(&out) {
        return Err(format!(
            "the edited file would not parse ({e}): nothing is written (please report this)"
        ));
    }
    Ok(Edited {
        text: out,
        inserted: n,
        unplaced,
    })
}

/// An edited file: its text, the attributes inserted, and the suggestions whose item was not
/// found in the text (written inside a macro call or a function body: left to the user).
pub struct Edited {
    pub text: String,
    pub inserted: usize,
    pub unplaced: usize,
}

/// Line starts, to turn syn's (line, char column) into byte offsets.
struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }
    fn offset(&self, lc: LineColumn) -> Option<usize> {
        let start = *self.starts.get(lc.line.checked_sub(1)?)?;
        let line = &self.text[start..];
        let byte = line
            .char_indices()
            .nth(lc.column)
            .map(|(i, _)| i)
            .unwrap_or(line.len());
        Some(start + byte)
    }
}

/// A located type (or fn): where its attribute block starts, its attributes and its fields.
struct Located<'a> {
    start: LineColumn,
    attrs: &'a [syn::Attribute],
    fields: Vec<LocatedField<'a>>,
}

struct LocatedField<'a> {
    name: String,
    start: LineColumn,
    attrs: &'a [syn::Attribute],
}

/// Whether `attrs` hold an attribute whose last path segment is one of `names`.
fn item_has(attrs: &[syn::Attribute], names: &[&str]) -> bool {
    attrs.iter().any(|a| {
        a.path()
            .segments
            .last()
            .is_some_and(|s| names.iter().any(|n| s.ident == n))
    })
}

/// Where an item's new attribute goes: above its first attribute that is not a doc comment, or
/// above the item itself (its visibility or keyword) when it has none.
fn block_start(attrs: &[syn::Attribute], item_start: LineColumn) -> LineColumn {
    attrs
        .iter()
        .find(|a| !a.path().is_ident("doc"))
        .map(|a| a.pound_token.span.start())
        .unwrap_or(item_start)
}

fn first_token_after_attrs(vis: &syn::Visibility, keyword: proc_macro2::Span) -> LineColumn {
    match vis {
        syn::Visibility::Inherited => keyword.start(),
        v => v.span().start(),
    }
}

fn fields_of(fields: &syn::Fields) -> Vec<LocatedField<'_>> {
    fields
        .iter()
        .filter_map(|f| {
            let ident = f.ident.as_ref()?;
            let start = match &f.vis {
                syn::Visibility::Inherited => ident.span().start(),
                v => v.span().start(),
            };
            Some(LocatedField {
                name: ident.to_string().trim_start_matches("r#").to_string(),
                start,
                attrs: &f.attrs,
            })
        })
        .collect()
}

const MAX_DEPTH: u32 = 64;

/// The struct or enum whose name is on `line`, in `items` or inline modules below them.
fn find_type(items: &[syn::Item], line: u32, depth: u32) -> Option<Located<'_>> {
    if depth > MAX_DEPTH {
        return None;
    }
    for it in items {
        match it {
            syn::Item::Struct(s) if s.ident.span().start().line == line as usize => {
                return Some(Located {
                    start: block_start(
                        &s.attrs,
                        first_token_after_attrs(&s.vis, s.struct_token.span),
                    ),
                    attrs: &s.attrs,
                    fields: fields_of(&s.fields),
                })
            }
            syn::Item::Enum(e) if e.ident.span().start().line == line as usize => {
                return Some(Located {
                    start: block_start(
                        &e.attrs,
                        first_token_after_attrs(&e.vis, e.enum_token.span),
                    ),
                    attrs: &e.attrs,
                    fields: e
                        .variants
                        .iter()
                        .flat_map(|v| fields_of(&v.fields))
                        .collect(),
                })
            }
            syn::Item::Mod(m) => {
                if let Some((_, inner)) = &m.content {
                    if let Some(found) = find_type(inner, line, depth + 1) {
                        return Some(found);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// The function or method whose name is on `line`.
fn find_fn(items: &[syn::Item], line: u32, depth: u32) -> Option<Located<'_>> {
    if depth > MAX_DEPTH {
        return None;
    }
    let at = |sig: &syn::Signature| sig.ident.span().start().line == line as usize;
    for it in items {
        match it {
            syn::Item::Fn(f) if at(&f.sig) => {
                return Some(Located {
                    start: block_start(&f.attrs, sig_start(&f.vis, &f.sig)),
                    attrs: &f.attrs,
                    fields: Vec::new(),
                })
            }
            syn::Item::Impl(imp) => {
                for ii in &imp.items {
                    if let syn::ImplItem::Fn(f) = ii {
                        if at(&f.sig) {
                            return Some(Located {
                                start: block_start(&f.attrs, sig_start(&f.vis, &f.sig)),
                                attrs: &f.attrs,
                                fields: Vec::new(),
                            });
                        }
                    }
                }
            }
            syn::Item::Trait(t) => {
                for ti in &t.items {
                    if let syn::TraitItem::Fn(f) = ti {
                        if at(&f.sig) {
                            return Some(Located {
                                start: block_start(
                                    &f.attrs,
                                    sig_start(&syn::Visibility::Inherited, &f.sig),
                                ),
                                attrs: &f.attrs,
                                fields: Vec::new(),
                            });
                        }
                    }
                }
            }
            syn::Item::Mod(m) => {
                if let Some((_, inner)) = &m.content {
                    if let Some(found) = find_fn(inner, line, depth + 1) {
                        return Some(found);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

fn sig_start(vis: &syn::Visibility, sig: &syn::Signature) -> LineColumn {
    match vis {
        syn::Visibility::Inherited => sig.span().start(),
        v => v.span().start(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::{Kind, Suggestion};
    use std::path::PathBuf;

    fn field(type_line: u32, name: &str, attr: &str) -> Suggestion {
        Suggestion {
            kind: Kind::Data,
            file: "src/lib.rs".into(),
            path: PathBuf::from("src/lib.rs"),
            line: 0,
            column: 0,
            item: name.into(),
            attribute: attr.into(),
            category: None,
            class: None,
            confidence: 0.9,
            reason: String::new(),
            place: Place::Field {
                type_line,
                field: name.into(),
            },
        }
    }

    fn ty(line: u32) -> Suggestion {
        Suggestion {
            place: Place::Type { line },
            ..field(0, "", "#[privflow::data]")
        }
    }

    #[test]
    fn keeps_crlf_and_finds_columns_after_non_ascii_text() {
        let text =
            "/// Größe, Straße\r\npub struct Straße { pub ort: String, pub email: String }\r\n";
        let wants = [ty(2), field(2, "email", "#[pii]")];
        let refs: Vec<&Suggestion> = wants.iter().collect();
        let e = edit(text, &refs).expect("edits");
        let (out, n) = (e.text, e.inserted);
        assert_eq!(n, 2);
        assert_eq!(
            out,
            "/// Größe, Straße\r\n#[privflow::data]\r\npub struct Straße { pub ort: String, #[pii] pub email: String }\r\n"
        );
    }

    #[test]
    fn nothing_twice_and_nothing_in_a_file_that_does_not_parse() {
        let text = "#[privflow::data]\nstruct A {\n    #[pii]\n    email: String,\n}\n";
        let wants = [
            ty(2),
            field(2, "email", "#[pii(category = \"user.contact.email\")]"),
        ];
        let refs: Vec<&Suggestion> = wants.iter().collect();
        assert_eq!(edit(text, &refs).expect("parses").inserted, 0);
        assert!(edit("struct A { email: String", &refs).is_err());
    }
}
