//! Parse → validate → expand for the attributes that leave their item
//! exactly as written: the output is the input item, preceded by a
//! `compile_error!` for every mistake found in the arguments or placement.

use crate::args::Args;
use crate::errors::Errors;
use crate::target::Target;
use proc_macro2::TokenStream;

pub(crate) fn unchanged(
    args: TokenStream,
    item: TokenStream,
    validate: impl FnOnce(&Args, &Target, &mut Errors),
) -> TokenStream {
    let mut errors = Errors::default();
    match syn::parse2::<Args>(args) {
        Ok(args) => validate(&args, &Target::of(item.clone()), &mut errors),
        Err(error) => errors.push(error),
    }
    let mut tokens = errors.to_compile_errors();
    tokens.extend(item);
    tokens
}
