//! Output: the report as the terminal shows it ([`human`]; [`narrated`] for logs and screen
//! readers), as JSON lines ([`json`], SPEC §4) and
//! as a SARIF 2.1.0 log ([`sarif`]); and the rule catalogue ([`catalog`]) for `rules` / `explain`.
//!
//! Every renderer is a pure function of its input that writes to a `&mut dyn Write`: the same
//! report always gives the same bytes.

pub mod catalog;
pub mod human;
pub mod json;
pub mod narrated;
pub mod sarif;

use crate::model::{Problem, Report};

/// The report's problems in a stable order: by file, line, column, then kind and message.
/// Problems without a file come first (they are about the whole run).
pub fn sorted_problems(report: &Report) -> Vec<&Problem> {
    let mut problems: Vec<&Problem> = report.problems.iter().collect();
    problems.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.kind, &a.message)
            .cmp(&(&b.file, b.line, b.column, b.kind, &b.message))
    });
    problems
}
