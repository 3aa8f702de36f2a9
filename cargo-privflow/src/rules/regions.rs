//! Regions: cloud region ids → countries, and named country sets (EU, EEA), from
//! `rules/regions.toml` (embedded).

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

const REGIONS_TOML: &str = include_str!("../../../rules/regions.toml");

#[derive(Debug, Deserialize)]
struct RegionsFile {
    cloud: BTreeMap<String, String>,
    sets: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Default)]
pub struct Regions {
    cloud: BTreeMap<String, String>,
    /// Each set expanded to countries.
    sets: BTreeMap<String, BTreeSet<String>>,
}

/// `region = "unknown"` on a sink: explicitly no known region (chosen at deployment), even when
/// the project sets a default region (SPEC §5). The region rules judge it as unknown.
pub const UNKNOWN_REGION: &str = "unknown";

impl Regions {
    /// The embedded table. It is checked by the test suite, so a failure here is a build defect;
    /// it degrades to an empty table (every region unknown: rules fail closed) rather than panic.
    pub fn builtin() -> Regions {
        Self::parse(REGIONS_TOML).unwrap_or_default()
    }

    pub fn parse(text: &str) -> Result<Regions, String> {
        let f: RegionsFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut sets = BTreeMap::new();
        for name in f.sets.keys() {
            let mut out = BTreeSet::new();
            expand(&f.sets, name, &mut out, 0);
            sets.insert(name.clone(), out);
        }
        Ok(Regions {
            cloud: f.cloud,
            sets,
        })
    }

    /// The country a sink's region stands for: a cloud region id, or an ISO code. `None` when
    /// unknown.
    pub fn country(&self, region: &str) -> Option<String> {
        if let Some(c) = self
            .cloud
            .get(region)
            .or_else(|| self.cloud.get(&region.to_ascii_lowercase()))
        {
            return Some(c.clone());
        }
        let r = region.trim();
        if r.len() == 2 && r.chars().all(|c| c.is_ascii_alphabetic()) {
            return Some(r.to_ascii_uppercase());
        }
        None
    }

    /// Is `country` in the set or country `name`?
    pub fn contains(&self, name: &str, country: &str) -> bool {
        match self.sets.get(name) {
            Some(s) => s.contains(country),
            None => name.eq_ignore_ascii_case(country),
        }
    }

    /// A name usable in `region_outside`/`region_inside`: a set or a two-letter country code.
    pub fn is_known_set_or_country(&self, name: &str) -> bool {
        self.sets.contains_key(name)
            || (name.len() == 2 && name.chars().all(|c| c.is_ascii_uppercase()))
    }
}

fn expand(
    sets: &BTreeMap<String, Vec<String>>,
    name: &str,
    out: &mut BTreeSet<String>,
    depth: u32,
) {
    if depth > 8 {
        return;
    }
    for m in sets.get(name).into_iter().flatten() {
        if sets.contains_key(m) {
            expand(sets, m, out, depth + 1);
        } else {
            out.insert(m.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_maps_clouds_and_sets() {
        let r = Regions::builtin();
        assert_eq!(r.country("eu-central-1").as_deref(), Some("DE"));
        assert_eq!(r.country("us-east-1").as_deref(), Some("US"));
        assert_eq!(r.country("de").as_deref(), Some("DE"));
        assert_eq!(r.country("mars-north-1"), None);
        assert!(r.contains("EEA", "NO"));
        assert!(r.contains("EU", "IE"));
        assert!(!r.contains("EEA", "CH"));
        assert!(r.contains("CH", "CH"));
    }
}
