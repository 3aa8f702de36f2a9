//! The argument syntax shared by every attribute: a comma-separated list of
//! `key = value` pairs and bare positional values.
//!
//! ```text
//! args     := (arg ("," arg)* ","?)?
//! arg      := IDENT "=" value | value
//! value    := STRING | INTEGER | "true" | "false" | "[" (value ("," value)* ","?)? "]" | PATH
//! ```
//!
//! Parsing only checks this shape and remembers where every token was; what
//! the keys and values mean is checked in `validate`.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{bracketed, Ident, Lit, LitBool, LitInt, LitStr, Token};

/// The parsed arguments of one attribute, in source order.
pub(crate) struct Args {
    pub items: Vec<Arg>,
}

pub(crate) enum Arg {
    /// `key = value`
    Key { key: Ident, value: Value },
    /// A bare value: `pii`, `redact`, `Patient`, …
    Positional(Value),
}

pub(crate) enum Value {
    Str(LitStr),
    Int(LitInt),
    Bool(LitBool),
    List {
        span: Span,
        items: Vec<Value>,
    },
    Path(syn::Path),
    /// Anything else that reads as a value (a float, a char, a negative
    /// number, …): kept only to point at it in an error.
    Other(TokenStream),
}

impl Args {
    pub(crate) fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub(crate) fn keyed(&self) -> impl Iterator<Item = (&Ident, &Value)> {
        self.items.iter().filter_map(|arg| match arg {
            Arg::Key { key, value } => Some((key, value)),
            Arg::Positional(_) => None,
        })
    }

    pub(crate) fn positional(&self) -> impl Iterator<Item = &Value> {
        self.items.iter().filter_map(|arg| match arg {
            Arg::Positional(value) => Some(value),
            Arg::Key { .. } => None,
        })
    }
}

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut items = Vec::new();
        while !input.is_empty() {
            items.push(input.parse()?);
            if input.is_empty() {
                break;
            }
            if input.peek(Token![,]) {
                input.parse::<Token![,]>()?;
            } else if input.peek(Token![:]) && !input.peek(Token![::]) {
                return Err(input.error("expected `=`: write `key = value`"));
            } else if input.peek(syn::token::Paren) {
                return Err(input.error("expected `=`: write `key = value`, not `key(value)`"));
            } else {
                return Err(input.error("expected `,`"));
            }
        }
        Ok(Args { items })
    }
}

impl Parse for Arg {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(Ident::peek_any) && input.peek2(Token![=]) {
            let key = input.call(Ident::parse_any)?;
            let eq: Token![=] = input.parse()?;
            if input.is_empty() || input.peek(Token![,]) {
                return Err(syn::Error::new(
                    eq.span,
                    format!("expected a value after `{key} =`"),
                ));
            }
            let value = input.parse()?;
            Ok(Arg::Key { key, value })
        } else {
            input.parse().map(Arg::Positional)
        }
    }
}

impl Parse for Value {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        // Before `Lit`, which would take `-1` as one literal spanning only `-`.
        if input.peek(Token![-]) && input.peek2(Lit) {
            let minus: Token![-] = input.parse()?;
            let lit: Lit = input.parse()?;
            let mut tokens = minus.into_token_stream();
            lit.to_tokens(&mut tokens);
            return Ok(Value::Other(tokens));
        }
        if input.peek(Lit) {
            return Ok(match input.parse()? {
                Lit::Str(lit) => Value::Str(lit),
                Lit::Int(lit) if lit.base10_digits().starts_with('-') => {
                    Value::Other(lit.into_token_stream())
                }
                Lit::Int(lit) => Value::Int(lit),
                Lit::Bool(lit) => Value::Bool(lit),
                other => Value::Other(other.into_token_stream()),
            });
        }
        if input.peek(syn::token::Bracket) {
            let content;
            let bracket = bracketed!(content in input);
            let items = Punctuated::<Value, Token![,]>::parse_terminated(&content)?;
            return Ok(Value::List {
                span: bracket.span.join(),
                items: items.into_iter().collect(),
            });
        }
        if input.peek(Ident::peek_any) || input.peek(Token![::]) {
            return input.parse().map(Value::Path);
        }
        Err(input.error("expected a value"))
    }
}

impl Value {
    /// An error pointing at the whole value.
    pub(crate) fn error(&self, message: impl std::fmt::Display) -> syn::Error {
        match self {
            Value::Str(lit) => syn::Error::new(lit.span(), message),
            Value::Int(lit) => syn::Error::new(lit.span(), message),
            Value::Bool(lit) => syn::Error::new(lit.span, message),
            Value::List { span, .. } => syn::Error::new(*span, message),
            Value::Path(path) => syn::Error::new_spanned(path, message),
            Value::Other(tokens) => syn::Error::new_spanned(tokens, message),
        }
    }

    /// The value as a single identifier (`pii`, `redact`), if it is one.
    pub(crate) fn as_ident(&self) -> Option<&Ident> {
        match self {
            Value::Path(path) => path.get_ident(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(tokens: &str) -> syn::Result<Args> {
        syn::parse_str(tokens)
    }

    #[test]
    fn key_values_and_positionals() {
        let args = parse(r#"pii, category = "user.name", purposes = ["a", "b"], n = 3, x = true,"#)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(args.items.len(), 5);
        assert_eq!(args.positional().count(), 1);
        let keys: Vec<String> = args.keyed().map(|(k, _)| k.to_string()).collect();
        assert_eq!(keys, ["category", "purposes", "n", "x"]);
        assert!(
            matches!(args.keyed().nth(1), Some((_, Value::List { items, .. })) if items.len() == 2)
        );
    }

    #[test]
    fn empty() {
        assert!(parse("").map(|a| a.is_empty()).unwrap_or(false));
    }

    #[test]
    fn keyword_keys_and_odd_values() {
        let args = parse("type = 1.5, n = -3, path = a::b").unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            args.items[0],
            Arg::Key {
                value: Value::Other(_),
                ..
            }
        ));
        assert!(matches!(
            args.items[1],
            Arg::Key {
                value: Value::Other(_),
                ..
            }
        ));
        assert!(matches!(
            args.items[2],
            Arg::Key {
                value: Value::Path(_),
                ..
            }
        ));
    }

    #[test]
    fn syntax_errors() {
        let message = |s: &str| parse(s).err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            message(r#"kind: "log""#),
            "expected `=`: write `key = value`"
        );
        assert_eq!(
            message(r#"kind("log")"#),
            "expected `=`: write `key = value`, not `key(value)`"
        );
        assert_eq!(message(r#"kind = "log" "x""#), "expected `,`");
        assert_eq!(message("kind = , x = 1"), "expected a value after `kind =`");
        assert_eq!(message("kind = ;"), "expected a value");
    }
}
