//! `#[privflow::data]`: checks and removes the field markers `#[pii(..)]` and
//! `#[phi(..)]`, and leaves everything else on the struct or enum as written.

use crate::args::Args;
use crate::errors::Errors;
use crate::suggest::did_you_mean;
use crate::target::Target;
use crate::validate;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use quote::ToTokens;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::{Attribute, Fields, Item, Meta, Path, Token};

/// The attribute names of the crate, for "did you mean" on a misspelt
/// `#[privflow::..]` field marker.
const VOCABULARY: &[&str] = &[
    "data",
    "pii",
    "phi",
    "source",
    "sink",
    "sanitizer",
    "consent",
    "erases",
    "allow",
];

const CRATE_NAMES: &[&str] = &["privflow", "privflow_macros"];

pub(crate) fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    if !args.is_empty() {
        errors.push(syn::Error::new_spanned(
            &args,
            "`data` takes no arguments; put `#[pii(..)]` or `#[phi(..)]` on the fields that hold personal data",
        ));
    }
    let output = match syn::parse2::<Item>(item.clone()) {
        Ok(Item::Struct(mut item)) => {
            strip_fields(&mut item.fields, &mut errors);
            item.into_token_stream()
        }
        Ok(Item::Enum(mut item)) => {
            for variant in &mut item.variants {
                strip_variant(&mut variant.attrs, &mut errors);
                strip_fields(&mut variant.fields, &mut errors);
            }
            item.into_token_stream()
        }
        _ => {
            let target = Target::of(item.clone());
            if target.is_known() {
                let hint = match target {
                    Target::Fn(_) => {
                        "; to tag a function's return value use #[privflow::source(pii)]"
                    }
                    Target::TypeAlias => {
                        "; to tag a type alias use #[privflow::pii] or #[privflow::phi]"
                    }
                    _ => "",
                };
                errors.push(syn::Error::new(
                    Span::call_site(),
                    format!(
                        "`data` goes on a struct or enum whose fields hold personal data, not on {}{hint}",
                        target.describe()
                    ),
                ));
            }
            item
        }
    };
    let mut tokens = errors.to_compile_errors();
    tokens.extend(output);
    tokens
}

#[derive(Clone, Copy, PartialEq)]
enum Tag {
    Pii,
    Phi,
}

impl Tag {
    fn name(self) -> &'static str {
        match self {
            Tag::Pii => "pii",
            Tag::Phi => "phi",
        }
    }
}

enum Marker {
    Tag(Tag),
    /// `#[privflow::something_else]`: never valid on a field.
    Privflow(String),
    /// Not ours: kept.
    Foreign,
}

fn marker(path: &Path) -> Marker {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    let name = match segments.as_slice() {
        [name] if path.leading_colon.is_none() => name,
        [krate, name] if CRATE_NAMES.contains(&krate.as_str()) => {
            if !path.segments.iter().all(|s| s.arguments.is_none()) {
                return Marker::Foreign;
            }
            match name.as_str() {
                "pii" => return Marker::Tag(Tag::Pii),
                "phi" => return Marker::Tag(Tag::Phi),
                other => return Marker::Privflow(other.to_owned()),
            }
        }
        _ => return Marker::Foreign,
    };
    match name.as_str() {
        "pii" => Marker::Tag(Tag::Pii),
        "phi" => Marker::Tag(Tag::Phi),
        _ => Marker::Foreign,
    }
}

fn strip_fields(fields: &mut Fields, errors: &mut Errors) {
    for field in fields.iter_mut() {
        let mut tagged: Option<Tag> = None;
        let attrs = std::mem::take(&mut field.attrs);
        for attr in attrs {
            if take_marker(&attr.meta, &mut tagged, errors) {
                continue;
            }
            if let Some(attr) = strip_cfg_attr(attr, &mut tagged, errors) {
                field.attrs.push(attr);
            }
        }
    }
}

/// Checks `meta` if it is a field marker, and says whether it is one (and
/// so is to be removed).
fn take_marker(meta: &Meta, tagged: &mut Option<Tag>, errors: &mut Errors) -> bool {
    match marker(meta.path()) {
        Marker::Foreign => false,
        Marker::Tag(tag) => {
            check_marker(tag, meta, errors);
            match *tagged {
                None => *tagged = Some(tag),
                Some(before) if before == tag => errors.push(syn::Error::new_spanned(
                    meta.path(),
                    format!("this field is already marked `#[{}]`", tag.name()),
                )),
                Some(_) => errors.push(syn::Error::new_spanned(
                    meta.path(),
                    "a field is either `#[pii]` or `#[phi]`, not both (health data is personal data too)",
                )),
            }
            true
        }
        Marker::Privflow(name) => {
            let message = if VOCABULARY.contains(&name.as_str()) {
                format!(
                    "`{name}` does not go on a field; a field takes `#[pii(..)]` or `#[phi(..)]`"
                )
            } else {
                match did_you_mean(&name, &["pii", "phi"]) {
                    Some(meant) => {
                        format!("unknown field marker `{name}`; did you mean `{meant}`?")
                    }
                    None => format!(
                        "unknown field marker `{name}`; a field takes `#[pii(..)]` or `#[phi(..)]`"
                    ),
                }
            };
            errors.push(syn::Error::new_spanned(meta.path(), message));
            true
        }
    }
}

/// rustc does not expand `cfg_attr` in the input of an attribute macro, so
/// markers behind one (`#[cfg_attr(feature = "privacy", pii)]`, for an
/// optional dependency) are taken out of it here: `#[cfg_attr(pred, a,
/// pii(..), b)]` becomes `#[cfg_attr(pred, a, b)]`, or goes if nothing is
/// left.
fn strip_cfg_attr(
    mut attr: Attribute,
    tagged: &mut Option<Tag>,
    errors: &mut Errors,
) -> Option<Attribute> {
    let Meta::List(list) = &mut attr.meta else {
        return Some(attr);
    };
    if !list.path.is_ident("cfg_attr") {
        return Some(attr);
    }
    let parsed = list.parse_args_with(|input: ParseStream| {
        let predicate: Meta = input.parse()?;
        input.parse::<Token![,]>()?;
        let attrs = Punctuated::<Meta, Token![,]>::parse_terminated(input)?;
        Ok((predicate, attrs))
    });
    let Ok((predicate, attrs)) = parsed else {
        return Some(attr);
    };
    if attrs
        .iter()
        .all(|meta| matches!(marker(meta.path()), Marker::Foreign))
    {
        return Some(attr);
    }
    let kept: Vec<&Meta> = attrs
        .iter()
        .filter(|meta| !take_marker(meta, tagged, errors))
        .collect();
    if kept.is_empty() {
        return None;
    }
    list.tokens = quote!(#predicate, #(#kept),*);
    Some(attr)
}

/// A marker on an enum variant itself: report it and take it off.
fn strip_variant(attrs: &mut Vec<Attribute>, errors: &mut Errors) {
    attrs.retain(|attr| match marker(attr.path()) {
        Marker::Foreign => true,
        Marker::Tag(tag) => {
            errors.push(syn::Error::new_spanned(
                attr.path(),
                format!(
                    "`#[{0}]` goes on the fields of a variant, not on the variant: mark each field that holds {1} data",
                    tag.name(),
                    match tag {
                        Tag::Pii => "personal",
                        Tag::Phi => "health",
                    }
                ),
            ));
            false
        }
        Marker::Privflow(name) => {
            errors.push(syn::Error::new_spanned(
                attr.path(),
                format!("`{name}` does not go on an enum variant"),
            ));
            false
        }
    });
}

fn check_marker(tag: Tag, meta: &Meta, errors: &mut Errors) {
    let name = tag.name();
    match meta {
        Meta::Path(_) => {}
        Meta::List(list) => match list.parse_args_with(<Args as syn::parse::Parse>::parse) {
            Ok(args) => validate::tag_args(name, &args, errors),
            Err(error) => errors.push(error),
        },
        Meta::NameValue(meta) => errors.push(syn::Error::new_spanned(
            &meta.value,
            format!(r#"expected `#[{name}]` or `#[{name}(category = "..")]`"#),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &str, item: &str) -> String {
        let args: TokenStream = args.parse().unwrap_or_default();
        let item: TokenStream = item.parse().unwrap_or_default();
        expand(args, item).to_string()
    }

    #[test]
    fn strips_only_markers() {
        let out = run(
            "",
            r#"#[derive(Debug)] pub struct P {
                #[pii(category = "user.name")] #[serde(rename = "n")] name: String,
                /// doc
                #[privflow::phi] diagnosis: String,
                #[privflow_macros::pii] #[serde(skip)] id: u64,
                #[other::pii] kept: u8,
            }"#,
        );
        assert!(!out.contains("compile_error"), "{out}");
        assert!(!out.contains("pii ("), "{out}");
        assert!(!out.contains(":: phi"), "{out}");
        assert!(out.contains("serde (rename"), "{out}");
        assert!(out.contains("serde (skip)"), "{out}");
        assert!(out.contains("other :: pii"), "{out}");
        assert!(out.contains("doc"), "{out}");
    }

    #[test]
    fn tuple_and_enum_fields() {
        let out = run(
            "",
            "enum E { A(#[pii] String), B { #[phi(subject = \"patient\")] d: String } }",
        );
        assert!(!out.contains("compile_error"), "{out}");
        assert!(!out.contains("pii") && !out.contains("phi"), "{out}");
    }

    #[test]
    fn markers_behind_cfg_attr() {
        let out = run(
            "",
            r#"struct S {
                #[cfg_attr(feature = "privacy", pii(category = "user.name"))] a: String,
                #[cfg_attr(feature = "privacy", serde(skip), phi, doc = "x")] b: String,
                #[cfg_attr(test, serde(skip))] c: String,
            }"#,
        );
        assert!(!out.contains("compile_error"), "{out}");
        assert!(!out.contains("pii") && !out.contains("phi"), "{out}");
        assert!(
            out.contains(r#"cfg_attr (feature = "privacy" , serde (skip) , doc = "x")"#),
            "{out}"
        );
        assert!(out.contains("cfg_attr (test , serde (skip))"), "{out}");
        assert_eq!(out.matches("cfg_attr").count(), 2, "{out}");
    }

    #[test]
    fn errors_keep_the_item() {
        let out = run("x", "struct S(#[pii(categroy = \"user\")] String);");
        assert!(out.contains("compile_error"), "{out}");
        assert!(out.contains("did you mean `category`"), "{out}");
        assert!(out.contains("struct S (String) ;"), "{out}");
    }
}
