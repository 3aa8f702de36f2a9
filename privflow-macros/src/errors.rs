//! Errors are collected, not returned at the first one: an attribute with
//! three mistakes shows three errors, each at its own token.

use proc_macro2::{Span, TokenStream};

/// The errors found so far, combined into one `syn::Error`.
#[derive(Default)]
pub(crate) struct Errors(Option<syn::Error>);

impl Errors {
    pub(crate) fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(errors) => errors.combine(error),
            None => self.0 = Some(error),
        }
    }

    pub(crate) fn into_result(self) -> syn::Result<()> {
        self.0.map_or(Ok(()), Err)
    }

    pub(crate) fn to_compile_errors(&self) -> TokenStream {
        self.0
            .as_ref()
            .map(syn::Error::to_compile_error)
            .unwrap_or_default()
    }

    #[cfg(test)]
    pub(crate) fn messages(&self) -> Vec<String> {
        self.0
            .iter()
            .flat_map(|e| e.clone().into_iter())
            .map(|e| e.to_string())
            .collect()
    }
}

/// An error at the attribute itself (`#[privflow::sink(..)]` as a whole),
/// for what is missing rather than wrong.
pub(crate) fn call_site(message: impl std::fmt::Display) -> syn::Error {
    syn::Error::new(Span::call_site(), message)
}
