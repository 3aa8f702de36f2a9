//! What kind of item an attribute was put on.
//!
//! Only the item's header is read (attributes, visibility, and for functions
//! the signature); bodies are never parsed, so an attribute on a function
//! whose body syn cannot parse still works, and the item is always passed on
//! to rustc untouched.

use proc_macro2::TokenStream;
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, FnArg, ReturnType, Signature, Token, Type, Visibility};

pub(crate) enum Target {
    /// A free function, a method in an impl block, a trait method
    /// (declaration or default body) or a foreign function.
    Fn(Box<Signature>),
    Struct,
    Enum,
    Union,
    TypeAlias,
    Impl,
    Mod,
    Trait,
    Const,
    Static,
    Use,
    ExternCrate,
    ForeignMod,
    Macro,
    /// Something else, or tokens that do not parse as an item; rustc reports
    /// the latter itself.
    Unknown,
}

impl Target {
    pub(crate) fn of(item: TokenStream) -> Target {
        parse_target.parse2(item).unwrap_or(Target::Unknown)
    }

    /// "a struct", "an impl block", … for messages.
    pub(crate) fn describe(&self) -> &'static str {
        match self {
            Target::Fn(_) => "a function",
            Target::Struct => "a struct",
            Target::Enum => "an enum",
            Target::Union => "a union",
            Target::TypeAlias => "a type alias",
            Target::Impl => "an impl block",
            Target::Mod => "a module",
            Target::Trait => "a trait",
            Target::Const => "a const",
            Target::Static => "a static",
            Target::Use => "a `use` declaration",
            Target::ExternCrate => "an `extern crate`",
            Target::ForeignMod => "an `extern` block",
            Target::Macro => "a macro",
            Target::Unknown => "this item",
        }
    }

    pub(crate) fn is_known(&self) -> bool {
        !matches!(self, Target::Unknown)
    }
}

/// Whether a function returns something other than `()`.
pub(crate) fn returns_value(sig: &Signature) -> bool {
    match &sig.output {
        ReturnType::Default => false,
        ReturnType::Type(_, ty) => !matches!(&**ty, Type::Tuple(t) if t.elems.is_empty()),
    }
}

/// The number of parameters, `self` not counted.
pub(crate) fn param_count(sig: &Signature) -> usize {
    sig.inputs
        .iter()
        .filter(|arg| matches!(arg, FnArg::Typed(_)))
        .count()
}

fn parse_target(input: ParseStream) -> syn::Result<Target> {
    input.call(Attribute::parse_outer)?;
    input.parse::<Visibility>()?;
    // `default fn` in a specialising impl.
    if input.peek(syn::Ident) && !input.peek2(Token![!]) {
        let ahead = input.fork();
        if ahead.parse::<syn::Ident>()? == "default" && ahead.fork().parse::<Signature>().is_ok() {
            input.parse::<syn::Ident>()?;
        }
    }
    let target = if input.fork().parse::<Signature>().is_ok() {
        Target::Fn(Box::new(input.parse()?))
    } else {
        let ahead = input.fork();
        // `unsafe impl`, `unsafe trait`, `auto trait`, `unsafe mod`.
        while ahead.peek(Token![unsafe]) || ahead.peek(Token![auto]) {
            ahead.parse::<proc_macro2::TokenTree>()?;
        }
        if ahead.peek(Token![struct]) {
            Target::Struct
        } else if ahead.peek(Token![enum]) {
            Target::Enum
        } else if ahead.peek(Token![union]) && ahead.peek2(syn::Ident) {
            Target::Union
        } else if ahead.peek(Token![type]) {
            Target::TypeAlias
        } else if ahead.peek(Token![impl]) {
            Target::Impl
        } else if ahead.peek(Token![mod]) {
            Target::Mod
        } else if ahead.peek(Token![trait]) {
            Target::Trait
        } else if ahead.peek(Token![const]) {
            Target::Const
        } else if ahead.peek(Token![static]) {
            Target::Static
        } else if ahead.peek(Token![use]) {
            Target::Use
        } else if ahead.peek(Token![extern]) && ahead.peek2(Token![crate]) {
            Target::ExternCrate
        } else if ahead.peek(Token![extern]) {
            Target::ForeignMod
        } else if ahead.peek(Token![macro]) || ahead.peek2(Token![!]) || ahead.peek2(Token![::]) {
            Target::Macro
        } else {
            Target::Unknown
        }
    };
    input.parse::<TokenStream>()?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn describe(src: &str) -> &'static str {
        let tokens: TokenStream = src.parse().unwrap_or_else(|e| panic!("{e}"));
        Target::of(tokens).describe()
    }

    #[test]
    fn kinds() {
        assert_eq!(describe("pub fn f(x: u8) -> u8 { x }"), "a function");
        assert_eq!(describe("fn send(&self, to: &str);"), "a function");
        assert_eq!(describe("pub(crate) async unsafe fn f() {}"), "a function");
        assert_eq!(describe("default fn f(&self) {}"), "a function");
        assert_eq!(
            describe("#[derive(Debug)] pub struct S { a: u8 }"),
            "a struct"
        );
        assert_eq!(describe("enum E { A }"), "an enum");
        assert_eq!(describe("union U { a: u8 }"), "a union");
        assert_eq!(describe("type T = u8;"), "a type alias");
        assert_eq!(describe("unsafe impl Send for S {}"), "an impl block");
        assert_eq!(describe("mod m { fn f() {} }"), "a module");
        assert_eq!(describe("pub trait T { fn f(&self); }"), "a trait");
        assert_eq!(describe("const X: u8 = 1;"), "a const");
        assert_eq!(describe("static X: u8 = 1;"), "a static");
        assert_eq!(describe("use std::fmt;"), "a `use` declaration");
        assert_eq!(describe("extern crate core;"), "an `extern crate`");
        assert_eq!(describe("extern \"C\" { fn f(); }"), "an `extern` block");
        assert_eq!(describe("macro_rules! m { () => {} }"), "a macro");
        assert_eq!(describe("?? nonsense"), "this item");
    }

    #[test]
    fn body_is_not_parsed() {
        assert_eq!(describe("fn f() { this is not rust }"), "a function");
    }

    #[test]
    fn signatures() {
        let sig = |src: &str| match Target::of(src.parse().unwrap_or_default()) {
            Target::Fn(sig) => *sig,
            _ => panic!("not a fn: {src}"),
        };
        assert!(returns_value(&sig("fn f() -> bool { true }")));
        assert!(!returns_value(&sig("fn f() {}")));
        assert!(!returns_value(&sig("fn f() -> () {}")));
        assert_eq!(param_count(&sig("fn f(&self, a: u8, b: u8);")), 2);
        assert_eq!(param_count(&sig("fn f() {}")), 0);
    }
}
