//! `key = value` arguments checked against a table of keys: each key known
//! (else "did you mean"), given once, with a value of its type; required keys
//! present.

use crate::args::{Args, Value};
use crate::errors::{call_site, Errors};
use crate::suggest::{did_you_mean, one_of};
use quote::ToTokens;
use syn::LitStr;

/// The type of a key's value.
#[derive(Clone, Copy)]
pub(crate) enum Ty {
    /// A non-empty string.
    Str,
    /// A dotted fideslang key such as `user.contact.email`; the words say
    /// what kind of key, for messages.
    Dotted(&'static str),
    Bool,
    /// A non-negative integer.
    Int,
    /// A non-empty list of dotted keys.
    DottedList(&'static str),
    /// A non-empty list of distinct non-negative integers (parameter
    /// indices), where `"self"` may also stand (the receiver).
    IntList,
    /// A non-empty list of distinct non-empty strings.
    StrList,
}

pub(crate) struct Key {
    pub name: &'static str,
    pub ty: Ty,
    /// A valid value, as written in source, for messages.
    pub example: &'static str,
}

pub(crate) const fn key(name: &'static str, ty: Ty, example: &'static str) -> Key {
    Key { name, ty, example }
}

/// What the arguments say about each key.
#[derive(Default)]
pub(crate) struct Found<'a> {
    /// The keys given with a valid value.
    valid: Vec<(&'static str, &'a Value)>,
    /// Every key the user wrote or was told to write by an error already
    /// reported: a required key among them is not reported missing.
    mentioned: Vec<&'static str>,
}

impl<'a> Found<'a> {
    pub(crate) fn get(&self, name: &str) -> Option<&'a Value> {
        self.valid.iter().find(|(n, _)| *n == name).map(|&(_, v)| v)
    }

    pub(crate) fn str(&self, name: &str) -> Option<&'a LitStr> {
        match self.get(name) {
            Some(Value::Str(lit)) => Some(lit),
            _ => None,
        }
    }

    /// Records that an error already reported told the user to write `name`.
    pub(crate) fn mention(&mut self, name: &'static str) {
        self.mentioned.push(name);
    }

    /// Reports a required key that is missing.
    pub(crate) fn require(
        &self,
        name: &str,
        message: impl FnOnce() -> String,
        errors: &mut Errors,
    ) {
        if !self.mentioned.contains(&name) {
            errors.push(call_site(message()));
        }
    }
}

/// Checks the `key = value` arguments: each key known, given once, with a
/// value of its type.
pub(crate) fn check_keys<'a>(
    attr: &str,
    args: &'a Args,
    keys: &[Key],
    errors: &mut Errors,
) -> Found<'a> {
    let names: Vec<&'static str> = keys.iter().map(|k| k.name).collect();
    let mut found = Found::default();
    for (ident, value) in args.keyed() {
        let name = ident.to_string();
        let Some(key) = keys.iter().find(|k| k.name == name) else {
            let message = match did_you_mean(&name, &names) {
                Some(meant) => {
                    found.mentioned.push(meant);
                    format!("unknown key `{name}`; did you mean `{meant}`?")
                }
                None if names.len() == 1 => {
                    format!("unknown key `{name}`: `{attr}` takes only `{}`", names[0])
                }
                None => format!("unknown key `{name}`: `{attr}` takes {}", one_of(&names)),
            };
            errors.push(syn::Error::new(ident.span(), message));
            continue;
        };
        if found.mentioned.contains(&key.name) {
            errors.push(syn::Error::new(
                ident.span(),
                format!("duplicate key `{name}`"),
            ));
            continue;
        }
        found.mentioned.push(key.name);
        match check_value(key, value) {
            Ok(()) => found.valid.push((key.name, value)),
            Err(error) => errors.push(error),
        }
    }
    found
}

fn check_value(key: &Key, value: &Value) -> syn::Result<()> {
    let Key { name, ty, example } = key;
    match (ty, value) {
        (Ty::Str, Value::Str(lit)) => non_empty(name, lit, example),
        (Ty::Dotted(what), Value::Str(lit)) => dotted(lit, what, example),
        (Ty::Str | Ty::Dotted(_), Value::Path(path)) => Err(value.error(format!(
            "expected a string: write `{name} = \"{}\"`",
            tokens_to_string(path)
        ))),
        (Ty::Str | Ty::Dotted(_), _) => {
            Err(value.error(format!("expected a string, e.g. `{name} = {example}`")))
        }

        (Ty::Bool, Value::Bool(_)) => Ok(()),
        (Ty::Bool, Value::Str(lit)) if matches!(lit.value().as_str(), "true" | "false") => {
            Err(value.error(format!(
                "expected `true` or `false` without quotes: write `{name} = {}`",
                lit.value()
            )))
        }
        (Ty::Bool, _) => Err(value.error("expected `true` or `false`")),

        (Ty::Int, Value::Int(lit)) => lit
            .base10_parse::<u32>()
            .map(drop)
            .map_err(|_| value.error(format!("`{name}` is too large"))),
        (Ty::Int, Value::Str(lit)) if lit.value().trim().parse::<u32>().is_ok() => Err(value
            .error(format!(
                "expected an integer without quotes: write `{name} = {}`",
                lit.value().trim()
            ))),
        (Ty::Int, _) => Err(value.error(format!(
            "expected a non-negative integer, e.g. `{name} = {example}`"
        ))),

        (Ty::DottedList(what), Value::List { items, .. }) => {
            if items.is_empty() {
                return Err(value.error(format!(
                    "`{name}` lists at least one entry; leave the key out if there is none"
                )));
            }
            let mut errors = Errors::default();
            for item in items {
                let checked = match item {
                    Value::Str(lit) => dotted(lit, what, "essential.service"),
                    _ => Err(item.error("expected a string")),
                };
                if let Err(error) = checked {
                    errors.push(error);
                }
            }
            errors.into_result()
        }
        (Ty::DottedList(_), Value::Str(lit)) => Err(value.error(format!(
            "expected a list of strings: write `{name} = [\"{}\"]`",
            lit.value()
        ))),
        (Ty::DottedList(_), _) => Err(value.error(format!(
            "expected a list of strings, e.g. `{name} = {example}`"
        ))),

        (Ty::IntList, Value::List { items, .. }) => {
            if items.is_empty() {
                return Err(value.error(format!(
                    "`{name}` lists at least one parameter index; leave the key out to mean every parameter"
                )));
            }
            let mut errors = Errors::default();
            let mut seen = Vec::new();
            let mut seen_self = false;
            for item in items {
                let checked = match item {
                    Value::Str(lit) if lit.value() == "self" => {
                        if seen_self {
                            Err(item.error("`\"self\"` is listed twice"))
                        } else {
                            seen_self = true;
                            Ok(())
                        }
                    }
                    Value::Int(lit) => lit
                        .base10_parse::<u16>()
                        .map_err(|_| item.error("parameter index too large"))
                        .and_then(|n| {
                            if seen.contains(&n) {
                                Err(item.error(format!("parameter index {n} is listed twice")))
                            } else {
                                seen.push(n);
                                Ok(())
                            }
                        }),
                    Value::Path(path) if tokens_to_string(path) == "self" => {
                        Err(item.error("write the receiver in quotes: `\"self\"`"))
                    }
                    _ => Err(item.error(
                        "expected a parameter index (0 for the first parameter after `self`) or `\"self\"` (the receiver)",
                    )),
                };
                if let Err(error) = checked {
                    errors.push(error);
                }
            }
            errors.into_result()
        }
        (Ty::IntList, Value::Str(lit)) if lit.value() == "self" => {
            Err(value.error(format!("expected a list: write `{name} = [\"self\"]`")))
        }
        (Ty::IntList, Value::Int(lit)) => Err(value.error(format!(
            "expected a list of parameter indices: write `{name} = [{lit}]`"
        ))),
        (Ty::IntList, _) => Err(value.error(format!(
            "expected a list of parameter indices, e.g. `{name} = [0, 2]`"
        ))),

        (Ty::StrList, Value::List { items, .. }) => {
            if items.is_empty() {
                return Err(value.error(format!(
                    "`{name}` lists at least one name, e.g. `{name} = {example}`"
                )));
            }
            let mut errors = Errors::default();
            let mut seen: Vec<String> = Vec::new();
            for item in items {
                let checked = match item {
                    Value::Str(lit) if lit.value().trim().is_empty() => {
                        Err(item.error("expected a name, not an empty string"))
                    }
                    Value::Str(lit) if seen.contains(&lit.value()) => {
                        Err(item.error(format!("`{}` is listed twice", lit.value())))
                    }
                    Value::Str(lit) => {
                        seen.push(lit.value());
                        Ok(())
                    }
                    Value::Path(path) => Err(item.error(format!(
                        "expected a string: write `\"{}\"`",
                        tokens_to_string(path)
                    ))),
                    _ => Err(item.error("expected a string")),
                };
                if let Err(error) = checked {
                    errors.push(error);
                }
            }
            errors.into_result()
        }
        (Ty::StrList, Value::Str(lit)) => Err(value.error(format!(
            "expected a list of strings: write `{name} = [\"{}\"]`",
            lit.value()
        ))),
        (Ty::StrList, _) => Err(value.error(format!(
            "expected a list of strings, e.g. `{name} = {example}`"
        ))),
    }
}

fn non_empty(name: &str, lit: &LitStr, example: &str) -> syn::Result<()> {
    if lit.value().trim().is_empty() {
        Err(syn::Error::new(
            lit.span(),
            format!("`{name}` must not be empty, e.g. `{name} = {example}`"),
        ))
    } else {
        Ok(())
    }
}

/// A fideslang key: words of letters, digits, `_` and `-`, joined by dots.
fn dotted(lit: &LitStr, what: &str, example: &str) -> syn::Result<()> {
    let value = lit.value();
    let ok = !value.is_empty()
        && value.split('.').all(|word| {
            !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        });
    if ok {
        Ok(())
    } else {
        Err(syn::Error::new(
            lit.span(),
            format!(
                "expected {what} key like {example}: words of letters, digits and `_` joined by dots"
            ),
        ))
    }
}

/// Reports every positional argument of an attribute that takes only
/// `key = value` pairs. `main` is the key a bare string most likely meant,
/// and `main_values` the words that are values of it (`sink(log)`; empty:
/// any word, as in `consent(marketing)`).
pub(crate) fn no_positionals(
    attr: &str,
    args: &Args,
    keys: &[Key],
    (main, main_values): (&'static str, &[&str]),
    found: &mut Found,
    errors: &mut Errors,
) {
    for value in args.positional() {
        let ident = value.as_ident().map(ToString::to_string);
        let named = ident
            .as_deref()
            .and_then(|ident| keys.iter().find(|k| ident == k.name));
        let message = match (named, value) {
            (Some(key), _) => {
                found.mentioned.push(key.name);
                format!(
                    "`{0}` needs a value: write `{0} = {1}`",
                    key.name, key.example
                )
            }
            (None, Value::Str(lit)) => {
                found.mentioned.push(main);
                format!(
                    "expected `key = value`: write `{main} = \"{}\"`",
                    lit.value()
                )
            }
            (None, Value::Path(_))
                if ident
                    .as_deref()
                    .is_some_and(|word| main_values.is_empty() || main_values.contains(&word)) =>
            {
                found.mentioned.push(main);
                format!(
                    "expected `key = value`: write `{main} = \"{}\"`",
                    ident.unwrap_or_default()
                )
            }
            (None, _) => {
                let names: Vec<&str> = keys.iter().map(|k| k.name).collect();
                format!("expected `key = value`; `{attr}` takes {}", one_of(&names))
            }
        };
        errors.push(value.error(message));
    }
}

/// `a :: b` as `a::b`, for messages.
pub(crate) fn tokens_to_string(tokens: impl ToTokens) -> String {
    tokens.into_token_stream().to_string().replace(' ', "")
}
