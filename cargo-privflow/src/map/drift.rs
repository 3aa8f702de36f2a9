//! Drift: the data map against a pack's statement. What the code does that the statement does not
//! disclose (recipients, regions, purposes), and what the statement discloses that the code never
//! does. "Disclosed" means named by the pack: its `[[recipients]]` (with their countries), the
//! regions its region rules allow, and the purposes its rules name.

use super::{DataMap, MapSink};
use crate::rules::pack::{normalize_name, Pack};
use crate::rules::regions::Regions;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackDrift {
    pub pack: String,
    /// The statement's title.
    pub statement: String,
    /// Recipients the code sends personal data to that the statement does not name.
    pub undisclosed_recipients: Vec<DriftItem>,
    /// Recipients the statement names that no sink in the code has.
    pub unused_recipients: Vec<String>,
    /// Countries personal data goes to that the statement does not allow (`unknown` for sinks
    /// without a region).
    pub undisclosed_regions: Vec<DriftItem>,
    /// Countries the statement names that no sink uses.
    pub unused_regions: Vec<String>,
    /// Sink purposes and declared data purposes the statement does not name.
    pub undisclosed_purposes: Vec<DriftItem>,
    /// Purposes the statement names that no sink or data declares.
    pub unused_purposes: Vec<String>,
}

/// A value the code uses, and the sinks and data (ids, `s3`, `d1`) that use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DriftItem {
    pub value: String,
    pub used_by: Vec<String>,
}

fn under(key: &str, prefix: &str) -> bool {
    key == prefix || (key.starts_with(prefix) && key[prefix.len()..].starts_with('.'))
}

fn is_country(name: &str) -> bool {
    name.len() == 2 && name.chars().all(|c| c.is_ascii_uppercase())
}

/// Sinks that receive personal data (a flow reaches them).
fn personal_sinks(map: &DataMap) -> Vec<&MapSink> {
    let reached: BTreeSet<&str> = map.flows.iter().map(|f| f.sink.as_str()).collect();
    map.sinks
        .iter()
        .filter(|s| reached.contains(s.id.as_str()))
        .collect()
}

pub fn compare(map: &DataMap, pack: &Pack, regions: &Regions) -> PackDrift {
    let sinks = personal_sinks(map);
    let group = |items: Vec<(String, String)>| -> Vec<DriftItem> {
        let mut by: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (value, user) in items {
            let v = by.entry(value).or_default();
            if !v.contains(&user) {
                v.push(user);
            }
        }
        by.into_iter()
            .map(|(value, used_by)| DriftItem { value, used_by })
            .collect()
    };

    // Recipients.
    let undisclosed_recipients = group(
        sinks
            .iter()
            .filter_map(|s| Some((s.recipient.clone()?, s.id.clone())))
            .filter(|(r, _)| pack.recipient(r).is_none())
            .collect(),
    );
    let used_recipients: BTreeSet<String> = map
        .sinks
        .iter()
        .filter_map(|s| s.recipient.as_deref())
        .filter_map(|r| pack.recipient(r).map(|k| normalize_name(&k.name)))
        .collect();
    let unused_recipients: Vec<String> = pack
        .recipients
        .iter()
        .filter(|r| !used_recipients.contains(&normalize_name(&r.name)))
        .map(|r| r.name.clone())
        .collect();

    // Regions: the sets the pack's region rules allow, and its recipients' countries.
    let mut allowed: BTreeSet<String> = BTreeSet::new();
    for rule in &pack.rules {
        for sel in rule.sink.as_slice() {
            allowed.extend(sel.region_outside.iter().cloned());
        }
    }
    let disclosed_recipient_country = |s: &MapSink, c: &str| {
        s.recipient
            .as_deref()
            .and_then(|r| pack.recipient(r))
            .and_then(|r| r.country.as_deref())
            == Some(c)
    };
    let undisclosed_regions = group(
        sinks
            .iter()
            .filter_map(|s| match &s.country {
                None => Some(("unknown".to_string(), s.id.clone())),
                Some(c)
                    if !allowed.iter().any(|a| regions.contains(a, c))
                        && !disclosed_recipient_country(s, c) =>
                {
                    Some((c.clone(), s.id.clone()))
                }
                Some(_) => None,
            })
            .collect(),
    );
    let used_countries: BTreeSet<&str> = map
        .sinks
        .iter()
        .filter_map(|s| s.country.as_deref())
        .collect();
    let unused_regions: Vec<String> = allowed
        .iter()
        .filter(|a| is_country(a) && !used_countries.contains(a.as_str()))
        .cloned()
        .collect();

    // Purposes: every purpose key the rules name.
    let mut named: BTreeSet<String> = BTreeSet::new();
    for rule in &pack.rules {
        for sel in rule.sink.as_slice() {
            named.extend(sel.purpose_under.iter().cloned());
            named.extend(sel.purpose_outside.iter().cloned());
        }
    }
    let mut used_purposes: Vec<(String, String)> = sinks
        .iter()
        .filter_map(|s| Some((s.purpose.clone()?, s.id.clone())))
        .collect();
    for d in &map.data {
        for pu in &d.purposes {
            used_purposes.push((pu.clone(), d.id.clone()));
        }
    }
    let undisclosed_purposes = group(
        used_purposes
            .iter()
            .filter(|(pu, _)| !named.iter().any(|n| under(pu, n)))
            .cloned()
            .collect(),
    );
    let unused_purposes: Vec<String> = named
        .iter()
        .filter(|n| !used_purposes.iter().any(|(pu, _)| under(pu, n)))
        .cloned()
        .collect();

    PackDrift {
        pack: pack.pack.id.clone(),
        statement: pack.pack.title.clone(),
        undisclosed_recipients,
        unused_recipients,
        undisclosed_regions,
        unused_regions,
        undisclosed_purposes,
        unused_purposes,
    }
}
