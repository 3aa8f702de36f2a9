//! Constant strings ([`Value::texts`]): what text a value is when the code wrote it as literals,
//! and what SQL held that way says. `let sql = "DELETE FROM ..";`, a loop over an array of
//! statements, `format!("DELETE FROM {table} ..")` over an array of table names: each is read as
//! the literals it may be, at most [`MAX_TEXTS`] of them.

use super::*;
use crate::flow::value::MAX_TEXTS;

/// The texts a string literal is.
pub(super) fn literal_texts(text: &Name) -> Option<Arc<Vec<Name>>> {
    Some(Arc::new(vec![text.clone()]))
}

/// One piece of a format string: literal text, or the value of the argument at this index of
/// the macro's lowered arguments.
enum Piece {
    Text(String),
    Arg(usize),
}

/// The pieces of `fmt`, whose arguments are lowered as `[fmt, captures.., explicit args..]`
/// (see `syntax::lower`); None for a placeholder that names an argument privflow cannot place.
fn pieces(fmt: &str) -> Option<Vec<Piece>> {
    let captures = crate::syntax::lower::format_captures(fmt);
    let mut out = Vec::new();
    let mut text = String::new();
    let mut next_positional = 0usize;
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '{' => {
                let mut inner = String::new();
                for d in chars.by_ref() {
                    if d == '}' {
                        break;
                    }
                    inner.push(d);
                }
                let (arg, spec) = inner.split_once(':').unwrap_or((&inner, ""));
                // A width, fill or `?` changes the text: not a plain substitution.
                if !spec.is_empty() {
                    return None;
                }
                let arg = arg.trim();
                let index = if arg.is_empty() {
                    next_positional += 1;
                    1 + captures.len() + next_positional - 1
                } else if let Ok(k) = arg.parse::<usize>() {
                    1 + captures.len() + k
                } else {
                    1 + captures.iter().position(|c| c == arg)?
                };
                out.push(Piece::Text(std::mem::take(&mut text)));
                out.push(Piece::Arg(index));
            }
            _ => text.push(c),
        }
    }
    out.push(Piece::Text(text));
    Some(out)
}

/// The texts `format!(fmt, ..)` makes when every argument it interpolates is known text.
pub(super) fn format_texts(fmt: &Name, vals: &[Value]) -> Option<Arc<Vec<Name>>> {
    let mut made = vec![String::new()];
    for piece in pieces(fmt)? {
        match piece {
            Piece::Text(t) => made.iter_mut().for_each(|m| m.push_str(&t)),
            Piece::Arg(i) => {
                let texts = vals.get(i)?.texts.as_ref()?;
                if made.len() * texts.len() > MAX_TEXTS {
                    return None;
                }
                made = made
                    .iter()
                    .flat_map(|m| texts.iter().map(move |t| format!("{m}{t}")))
                    .collect();
            }
        }
    }
    let mut out: Vec<Name> = made.into_iter().map(Name::from).collect();
    out.sort();
    out.dedup();
    Some(Arc::new(out))
}

/// The SQL texts an argument is: its literal, else the texts its value is known to be.
pub(super) fn sql_texts(e: Option<&Expr>, v: Option<&Value>) -> Vec<Name> {
    if let Some(Expr::Lit { text: Some(t), .. }) = e {
        return vec![t.clone()];
    }
    v.and_then(|v| v.texts.as_ref())
        .map(|t| t.to_vec())
        .unwrap_or_default()
}

/// How the SQL texts erase rows, one entry per text that does.
pub(super) fn sql_erasures(texts: &[Name]) -> Vec<cat::SqlErasure> {
    texts.iter().filter_map(|t| cat::sql_erasure(t)).collect()
}

/// The tables the SQL texts write rows into.
pub(super) fn sql_written_tables(texts: &[Name]) -> Vec<String> {
    let mut out: Vec<String> = texts
        .iter()
        .filter_map(|t| cat::sql_written_table(t))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Does one of the SQL texts write rows?
pub(super) fn sql_any_writes(texts: &[Name]) -> bool {
    texts.iter().any(|t| cat::sql_writes(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &[&str]) -> Value {
        Value {
            texts: Some(Arc::new(t.iter().map(|s| Name::from(*s)).collect())),
            ..Value::default()
        }
    }

    fn made(fmt: &str, vals: &[Value]) -> Option<Vec<String>> {
        format_texts(&Name::from(fmt), vals).map(|v| v.iter().map(|n| n.to_string()).collect())
    }

    #[test]
    fn format_substitutes_known_texts() {
        let fmt = Value::default();
        let tables = texts(&["a", "b"]);
        assert_eq!(
            made(
                "DELETE FROM {table} WHERE id = $1",
                &[fmt.clone(), tables.clone()]
            ),
            Some(vec![
                "DELETE FROM a WHERE id = $1".into(),
                "DELETE FROM b WHERE id = $1".into()
            ])
        );
        assert_eq!(
            made("{} and {{x}}", &[fmt.clone(), tables.clone()]),
            Some(vec!["a and {x}".into(), "b and {x}".into()])
        );
        // Not known, formatted with a spec, or too many: no texts.
        assert_eq!(made("{x}", &[fmt.clone(), Value::default()]), None);
        assert_eq!(made("{:>4}", &[fmt.clone(), tables.clone()]), None);
        let many = texts(&["1", "2", "3"]);
        assert_eq!(made("{} {}", &[fmt.clone(), many.clone(), many]), None);
        assert_eq!(made("{}", &[fmt]), None);
    }
}
