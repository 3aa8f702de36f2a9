//! The rule packs as `cargo privflow rules` / `explain` and the SARIF rule table show them.

use super::pack::{load_packs, Pack, BUILTIN};
use super::regions::Regions;
use crate::model::{PackInfo, Problem, RuleInfo};

pub fn pack_info(p: &Pack) -> PackInfo {
    PackInfo {
        id: p.pack.id.clone(),
        title: p.pack.title.clone(),
        company: p.pack.company.clone(),
        date: p.pack.date.clone(),
        language: p.pack.language.clone(),
        law: p.pack.law.clone(),
        rules: p
            .rules
            .iter()
            .map(|r| RuleInfo {
                id: format!("{}/{}", p.pack.id, r.id),
                severity: r.severity,
                section: r.section.clone(),
                quote: r.quote.clone(),
                english: r.english.clone(),
                summary: r.summary.clone(),
                help: r.help.clone(),
                example: r.example.clone(),
            })
            .collect(),
    }
}

/// The packs `selection` names (pack ids or paths to pack files), or every built-in pack when
/// `selection` is empty. A pack that cannot be found or read is a [`Problem`] of kind `Rules`.
pub fn catalog(selection: &[String]) -> Result<Vec<PackInfo>, Vec<Problem>> {
    let all: Vec<String> = BUILTIN.iter().map(|(id, _)| id.to_string()).collect();
    let sel = if selection.is_empty() {
        &all[..]
    } else {
        selection
    };
    let (packs, problems) = load_packs(sel, &Regions::builtin());
    if problems.is_empty() {
        Ok(packs.iter().map(pack_info).collect())
    } else {
        Err(problems)
    }
}
