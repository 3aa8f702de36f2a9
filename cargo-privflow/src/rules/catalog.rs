//! The rule packs as `cargo privflow rules` / `explain` and the SARIF rule table show them.
//!
//! STUB declared by the CLI developer; the core developer replaces the body.

use crate::model::{PackInfo, Problem};

/// The packs `selection` names (pack ids or paths to pack files), or every built-in pack when
/// `selection` is empty. A pack that cannot be found or read is a [`Problem`] of kind `Rules`.
pub fn catalog(selection: &[String]) -> Result<Vec<PackInfo>, Vec<Problem>> {
    let _ = selection;
    Ok(vec![])
}
