//! Contract test for the shipped rule packs in `rules/`.
//!
//! It reads the TOML files as plain `toml::Value`s (independent of the engine's own types) and checks:
//! 1. every rule id fixed by SPEC §2 exists, with the severity the SPEC gives;
//! 2. every quote is a verbatim substring of the pack's statement, and the statements under
//!    `rules/statements/` are byte-identical copies of the seed statements (when those are present);
//! 3. the packs are well formed: known keys only, required keys present, unique ids, valid regions,
//!    categories, sink kinds and recipients;
//! 4. the sanitizer rule of SPEC §2 holds (anonymize/redact lift everything except
//!    `cloudvisit/no-sale-to-brokers-or-ads`; pseudonymize/hash lift nothing);
//! 5. every rule has labeled fixtures under `tests/suite/rules/<pack>/<rule>/`: at least one crate
//!    that expects a finding of the rule (`//~ pack/rule`) and one that expects none.

use std::collections::{BTreeMap, BTreeSet};
mod common;

use std::fs;
use std::path::{Path, PathBuf};

use toml::Value;

use common::spec::SPEC_RULE_IDS;

/// The packs SPEC §2 names.
const SPEC_PACKS: [&str; 6] = [
    "baseline",
    "visus",
    "cloudvisit",
    "cgm-videosprechstunde",
    "visual-systems",
    "zaurus",
];

/// Statement copy under `rules/statements/` -> seed file under `shared/seeds/`.
const STATEMENT_SEEDS: [(&str, &str); 5] = [
    ("visus.txt", "000_7d0a8b3fa8b46f41.txt"),
    ("cloudvisit.txt", "001_870c08e9a46e4911.txt"),
    ("cgm-videosprechstunde.txt", "002_1dd5a8d046b1a49d.txt"),
    ("visual-systems.txt", "003_38d305e4e554337b.txt"),
    ("zaurus.txt", "004_0c86e47efc9ee675.txt"),
];

/// Sink kinds of SPEC §1.
const SINK_KINDS: [&str; 11] = [
    "storage",
    "network",
    "log",
    "email",
    "sms",
    "analytics",
    "advertising",
    "social",
    "cookie",
    "device",
    "display",
];

const SANITIZERS: [&str; 5] = ["encrypt", "anonymize", "pseudonymize", "hash", "redact"];

const PACK_KEYS: [&str; 7] = [
    "id",
    "title",
    "company",
    "date",
    "language",
    "law",
    "statement",
];
const RECIPIENT_KEYS: [&str; 5] = ["name", "aliases", "country", "service", "section"];
const CLASS_KEYS: [&str; 4] = ["category", "class", "section", "quote"];
const RULE_KEYS: [&str; 14] = [
    "id",
    "severity",
    "section",
    "quote",
    "english",
    "summary",
    "help",
    "check",
    "example",
    "data",
    "sink",
    "lifted_by",
    "except",
    "allowed_categories",
];
const RULE_REQUIRED: [&str; 7] = [
    "id", "severity", "section", "quote", "english", "summary", "help",
];
const DATA_KEYS: [&str; 4] = ["class", "categories", "subject", "declares_purposes"];
const SINK_KEYS: [&str; 11] = [
    "kinds",
    "not_kinds",
    "region_outside",
    "region_inside",
    "recipient",
    "purpose_under",
    "purpose_outside",
    "purpose_outside_data_purposes",
    "encrypted",
    "persistent",
    "retention_days_above",
];
const LIFTED_KEYS: [&str; 3] = ["sanitizers", "encryption", "consent"];
const EXCEPT_KEYS: [&str; 4] = ["recipients", "encrypted", "only_categories", "note"];

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("crate lies inside the repository")
        .to_path_buf()
}

fn rules_dir() -> PathBuf {
    repo_root().join("rules")
}

fn read_toml(path: &Path) -> toml::Table {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    toml::from_str::<toml::Table>(&text)
        .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()))
}

struct Pack {
    id: String,
    path: PathBuf,
    table: toml::Table,
}

impl Pack {
    fn rules(&self) -> Vec<&toml::Table> {
        match self.table.get("rules") {
            Some(Value::Array(rules)) => rules
                .iter()
                .map(|r| {
                    r.as_table()
                        .unwrap_or_else(|| panic!("{}: [[rules]] entry is not a table", self.id))
                })
                .collect(),
            Some(_) => panic!("{}: `rules` must be an array of tables", self.id),
            None => Vec::new(),
        }
    }

    fn recipients(&self) -> Vec<&toml::Table> {
        match self.table.get("recipients") {
            Some(Value::Array(rs)) => rs
                .iter()
                .map(|r| {
                    r.as_table().unwrap_or_else(|| {
                        panic!("{}: [[recipients]] entry is not a table", self.id)
                    })
                })
                .collect(),
            Some(_) => panic!("{}: `recipients` must be an array of tables", self.id),
            None => Vec::new(),
        }
    }

    fn classes(&self) -> Vec<&toml::Table> {
        match self.table.get("classes") {
            Some(Value::Array(cs)) => cs
                .iter()
                .map(|c| {
                    c.as_table()
                        .unwrap_or_else(|| panic!("{}: [[classes]] entry is not a table", self.id))
                })
                .collect(),
            Some(_) => panic!("{}: `classes` must be an array of tables", self.id),
            None => Vec::new(),
        }
    }

    fn header(&self) -> &toml::Table {
        self.table
            .get("pack")
            .and_then(Value::as_table)
            .unwrap_or_else(|| panic!("{}: missing [pack] table", self.path.display()))
    }

    fn statement(&self) -> Option<&str> {
        self.header().get("statement").and_then(Value::as_str)
    }
}

fn load_packs() -> Vec<Pack> {
    let mut packs = Vec::new();
    for entry in fs::read_dir(rules_dir()).expect("rules/ exists") {
        let path = entry.expect("readable dir entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("utf-8 file name")
            .to_string();
        if stem == "regions" {
            continue;
        }
        let table = read_toml(&path);
        packs.push(Pack {
            id: stem,
            path,
            table,
        });
    }
    packs.sort_by(|a, b| a.id.cmp(&b.id));
    packs
}

fn str_list<'a>(v: &'a Value, what: &str) -> Vec<&'a str> {
    match v {
        Value::String(s) => vec![s.as_str()],
        Value::Array(items) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .unwrap_or_else(|| panic!("{what}: list items must be strings, got {i}"))
            })
            .collect(),
        other => panic!("{what}: expected a string list, got {other}"),
    }
}

/// One selector table or a list of them.
fn selectors<'a>(v: &'a Value, what: &str) -> Vec<&'a toml::Table> {
    match v {
        Value::Table(t) => vec![t],
        Value::Array(items) => {
            assert!(!items.is_empty(), "{what}: empty selector list");
            items
                .iter()
                .map(|i| {
                    i.as_table()
                        .unwrap_or_else(|| panic!("{what}: selector list items must be tables"))
                })
                .collect()
        }
        other => panic!("{what}: expected a table or a list of tables, got {other}"),
    }
}

fn check_keys(t: &toml::Table, allowed: &[&str], what: &str, errors: &mut Vec<String>) {
    for k in t.keys() {
        if !allowed.contains(&k.as_str()) {
            errors.push(format!("{what}: unknown key `{k}`"));
        }
    }
}

fn is_rule_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Normalises a recipient name the way SPEC §1 matches names: case-insensitive, punctuation and
/// repeated spaces ignored.
fn norm_name(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if c.is_whitespace() && !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

struct Regions {
    cloud: BTreeMap<String, String>,
    sets: BTreeMap<String, Vec<String>>,
}

impl Regions {
    fn load() -> Regions {
        let t = read_toml(&rules_dir().join("regions.toml"));
        for k in t.keys() {
            assert!(
                k == "cloud" || k == "sets",
                "regions.toml: unknown top-level table `{k}`"
            );
        }
        let cloud = t
            .get("cloud")
            .and_then(Value::as_table)
            .expect("regions.toml: [cloud] table")
            .iter()
            .map(|(k, v)| {
                let country = v
                    .as_str()
                    .unwrap_or_else(|| panic!("regions.toml: cloud.{k} must be a string"));
                (k.clone(), country.to_string())
            })
            .collect();
        let sets = t
            .get("sets")
            .and_then(Value::as_table)
            .expect("regions.toml: [sets] table")
            .iter()
            .map(|(k, v)| {
                let members = str_list(v, &format!("regions.toml: sets.{k}"))
                    .into_iter()
                    .map(String::from)
                    .collect();
                (k.clone(), members)
            })
            .collect();
        Regions { cloud, sets }
    }

    fn countries(&self) -> BTreeSet<String> {
        let mut out: BTreeSet<String> = self.cloud.values().cloned().collect();
        for members in self.sets.values() {
            for m in members {
                if !self.sets.contains_key(m) {
                    out.insert(m.clone());
                }
            }
        }
        out
    }

    fn expand(&self, name: &str, depth: usize, out: &mut BTreeSet<String>) {
        assert!(depth < 16, "regions.toml: set inclusion cycle at `{name}`");
        match self.sets.get(name) {
            Some(members) => {
                for m in members {
                    self.expand(m, depth + 1, out);
                }
            }
            None => {
                out.insert(name.to_string());
            }
        }
    }

    fn is_known(&self, code: &str) -> bool {
        self.sets.contains_key(code)
            || self.cloud.contains_key(code)
            || (code.len() == 2 && self.countries().contains(code))
    }
}

fn is_country_code(s: &str) -> bool {
    s.len() == 2 && s.chars().all(|c| c.is_ascii_uppercase())
}

#[test]
fn regions_table_is_complete_and_consistent() {
    let regions = Regions::load();
    let mut errors = Vec::new();
    for (id, country) in &regions.cloud {
        if !is_country_code(country) {
            errors.push(format!(
                "regions.toml: cloud.{id} = {country:?} is not an ISO alpha-2 code"
            ));
        }
    }
    for (name, members) in &regions.sets {
        for m in members {
            if !regions.sets.contains_key(m) && !is_country_code(m) {
                errors.push(format!(
                    "regions.toml: sets.{name} member {m:?} is neither a set nor a country"
                ));
            }
        }
    }
    let mut eu = BTreeSet::new();
    regions.expand("EU", 0, &mut eu);
    assert_eq!(
        eu.len(),
        27,
        "regions.toml: EU must list the 27 member states: {eu:?}"
    );
    let mut eea = BTreeSet::new();
    regions.expand("EEA", 0, &mut eea);
    assert_eq!(
        eea.len(),
        30,
        "regions.toml: EEA = EU + IS, LI, NO: {eea:?}"
    );
    for gone in ["GB", "CH"] {
        assert!(
            !eea.contains(gone),
            "regions.toml: {gone} is not in the EEA"
        );
    }
    // Spot checks from SPEC §1 and the brief; a wrong mapping here silently breaks region rules.
    for (id, country) in [
        ("us-east-1", "US"),
        ("eu-central-1", "DE"),
        ("eu-west-1", "IE"),
        ("eu-central-2", "CH"),
        ("europe-west3", "DE"),
        ("europe-west4", "NL"),
        ("europe-west6", "CH"),
        ("us-central1", "US"),
        ("westeurope", "NL"),
        ("northeurope", "IE"),
        ("switzerlandnorth", "CH"),
        ("germanywestcentral", "DE"),
        ("uksouth", "GB"),
        ("eastus", "US"),
    ] {
        match regions.cloud.get(id) {
            Some(c) if c == country => {}
            other => errors.push(format!(
                "regions.toml: {id} must map to {country}, found {other:?}"
            )),
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn spec_rule_ids_exist_with_spec_severity() {
    let packs = load_packs();
    let ids: BTreeSet<&str> = packs.iter().map(|p| p.id.as_str()).collect();
    for pack in SPEC_PACKS {
        assert!(
            ids.contains(pack),
            "pack `{pack}` of SPEC §2 is missing (rules/{pack}.toml)"
        );
    }
    let mut severities = BTreeMap::new();
    for pack in &packs {
        for rule in pack.rules() {
            let id = rule.get("id").and_then(Value::as_str).unwrap_or("<no id>");
            let sev = rule
                .get("severity")
                .and_then(Value::as_str)
                .unwrap_or("<none>");
            severities.insert(format!("{}/{}", pack.id, id), sev.to_string());
        }
    }
    let mut errors = Vec::new();
    for id in SPEC_RULE_IDS {
        let want = if id == "baseline/pii-to-log" {
            "warning"
        } else {
            "error"
        };
        match severities.get(id) {
            None => errors.push(format!("SPEC rule `{id}` is missing")),
            Some(sev) if sev != want => errors.push(format!(
                "SPEC rule `{id}` has severity `{sev}`, SPEC wants `{want}`"
            )),
            Some(_) => {}
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn quotes_are_verbatim_and_statements_are_seed_copies() {
    let statements = rules_dir().join("statements");
    let mut errors = Vec::new();
    for pack in load_packs() {
        let Some(file) = pack.statement() else {
            continue;
        };
        let text = match fs::read_to_string(statements.join(file)) {
            Ok(t) => t,
            Err(e) => {
                errors.push(format!("{}: statement {file}: {e}", pack.id));
                continue;
            }
        };
        let classes = pack.classes();
        let class_quotes = classes.iter().map(|c| ("[[classes]]", *c));
        let rule_quotes = pack
            .rules()
            .into_iter()
            .map(|r| (r.get("id").and_then(Value::as_str).unwrap_or("<no id>"), r));
        for (id, rule) in rule_quotes.chain(class_quotes) {
            match rule.get("quote").and_then(Value::as_str) {
                Some(q) if q.trim().is_empty() => {
                    errors.push(format!("{}/{id}: empty quote", pack.id))
                }
                Some(q) if !text.contains(q) => errors.push(format!(
                    "{}/{id}: quote is not a verbatim substring of statements/{file}: {q:?}",
                    pack.id
                )),
                Some(_) => {}
                None => errors.push(format!("{}/{id}: no quote", pack.id)),
            }
        }
    }

    let seeds = repo_root().join("..").join("shared").join("seeds");
    if seeds.is_dir() {
        for (copy, seed) in STATEMENT_SEEDS {
            let a = fs::read(statements.join(copy));
            let b = fs::read(seeds.join(seed));
            match (a, b) {
                (Ok(a), Ok(b)) if a == b => {}
                (Ok(_), Ok(_)) => errors.push(format!(
                    "rules/statements/{copy} differs from seed {seed} (copy it with cp)"
                )),
                (a, b) => errors.push(format!(
                    "cannot compare rules/statements/{copy} with seed {seed}: {:?} / {:?}",
                    a.err(),
                    b.err()
                )),
            }
        }
    } else {
        println!(
            "note: {} not found; statement copies not compared with the seeds",
            seeds.display()
        );
        for (copy, _) in STATEMENT_SEEDS {
            assert!(
                statements.join(copy).is_file(),
                "rules/statements/{copy} is missing"
            );
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

fn check_categories(list: &Value, what: &str, errors: &mut Vec<String>) {
    for c in str_list(list, what) {
        if !(c == "user" || c.starts_with("user.")) {
            errors.push(format!("{what}: category {c:?} must start with \"user.\""));
        }
    }
}

#[test]
fn packs_are_well_formed() {
    let regions = Regions::load();
    let mut errors = Vec::new();
    for pack in load_packs() {
        check_pack(&pack, &regions, &mut errors);
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// Structural checks of one pack (keys, values, regions, categories, kinds, recipients, sanitizers).
fn check_pack(pack: &Pack, regions: &Regions, errors: &mut Vec<String>) {
    {
        let p = &pack.id;
        check_keys(
            &pack.table,
            &["pack", "recipients", "classes", "rules"],
            &format!("{p}: top level"),
            errors,
        );
        let header = pack.header();
        check_keys(header, &PACK_KEYS, &format!("{p}: [pack]"), errors);
        for k in ["id", "title", "company", "date", "language", "law"] {
            if header
                .get(k)
                .and_then(Value::as_str)
                .map_or(true, |s| s.trim().is_empty())
            {
                errors.push(format!("{p}: [pack] needs a non-empty `{k}`"));
            }
        }
        if header.get("id").and_then(Value::as_str) != Some(p.as_str()) {
            errors.push(format!("{p}: [pack] id must equal the file stem `{p}`"));
        }
        if p == "baseline" {
            if header.contains_key("statement") {
                errors.push("baseline: must have no `statement`".into());
            }
            if header.get("law").and_then(Value::as_str) != Some("GDPR") {
                errors.push("baseline: law must be \"GDPR\"".into());
            }
        } else if SPEC_PACKS.contains(&p.as_str()) && pack.statement().is_none() {
            errors.push(format!("{p}: needs `statement`"));
        }

        // What the statement says kinds of data are.
        for (i, c) in pack.classes().into_iter().enumerate() {
            let what = format!("{p}: classes[{i}]");
            check_keys(c, &CLASS_KEYS, &what, errors);
            if !c
                .get("category")
                .and_then(Value::as_str)
                .is_some_and(|k| k == "user" || k.starts_with("user."))
            {
                errors.push(format!("{what}: needs a fideslang `category` under `user`"));
            }
            if !matches!(c.get("class").and_then(Value::as_str), Some("pii" | "phi")) {
                errors.push(format!("{what}: `class` must be \"pii\" or \"phi\""));
            }
        }

        // Recipients.
        let mut names = BTreeSet::new();
        for (i, r) in pack.recipients().into_iter().enumerate() {
            let what = format!("{p}: recipients[{i}]");
            check_keys(r, &RECIPIENT_KEYS, &what, errors);
            for k in ["name", "country", "service", "section"] {
                if r.get(k)
                    .and_then(Value::as_str)
                    .map_or(true, |s| s.trim().is_empty())
                {
                    errors.push(format!("{what}: needs a non-empty `{k}`"));
                }
            }
            if let Some(c) = r.get("country").and_then(Value::as_str) {
                if !is_country_code(c) {
                    errors.push(format!("{what}: country {c:?} is not ISO 3166-1 alpha-2"));
                }
            }
            if let Some(n) = r.get("name").and_then(Value::as_str) {
                if !names.insert(norm_name(n)) {
                    errors.push(format!("{what}: name {n:?} listed twice"));
                }
            }
            if let Some(a) = r.get("aliases") {
                for alias in str_list(a, &format!("{what}.aliases")) {
                    names.insert(norm_name(alias));
                }
            }
        }

        // Rules.
        let mut ids = BTreeSet::new();
        for (i, rule) in pack.rules().into_iter().enumerate() {
            let id = rule
                .get("id")
                .and_then(Value::as_str)
                .map(String::from)
                .unwrap_or_else(|| format!("rules[{i}]"));
            let what = format!("{p}/{id}");
            check_keys(rule, &RULE_KEYS, &what, errors);
            for k in RULE_REQUIRED {
                if rule
                    .get(k)
                    .and_then(Value::as_str)
                    .map_or(true, |s| s.trim().is_empty())
                {
                    errors.push(format!("{what}: needs a non-empty string `{k}`"));
                }
            }
            if !is_rule_id(&id) {
                errors.push(format!("{what}: rule id must match ^[a-z0-9-]+$"));
            }
            if !ids.insert(id.clone()) {
                errors.push(format!("{what}: duplicate rule id"));
            }
            match rule.get("severity").and_then(Value::as_str) {
                Some("error") | Some("warning") => {}
                other => errors.push(format!(
                    "{what}: severity must be error|warning, got {other:?}"
                )),
            }
            let check = rule.get("check").and_then(Value::as_str).unwrap_or("flow");
            // The always-on pack's checks read the annotations themselves (SPEC §5), not flows
            // into sinks: they take no `sink` selector.
            let annotation_check = ["guarded", "other-value", "erasure-reached"].contains(&check);
            if !["flow", "presence", "allowlist", "erasure"].contains(&check) && !annotation_check {
                errors.push(format!("{what}: unknown check {check:?}"));
            }
            if let Some(ex) = rule.get("example") {
                match ex.as_str() {
                    Some(s) if s.contains("#[privflow::") => {}
                    _ => errors.push(format!(
                        "{what}: example must be a Rust snippet using #[privflow::…] attributes"
                    )),
                }
            } else {
                errors.push(format!("{what}: needs an `example`"));
            }

            // data
            match (check, rule.get("data")) {
                ("presence", Some(_)) => {
                    errors.push(format!("{what}: a presence rule takes no `data` selector"))
                }
                (_, Some(d)) => {
                    for (j, sel) in selectors(d, &format!("{what}.data"))
                        .into_iter()
                        .enumerate()
                    {
                        let w = format!("{what}.data[{j}]");
                        check_keys(sel, &DATA_KEYS, &w, errors);
                        if let Some(c) = sel.get("class") {
                            if !matches!(c.as_str(), Some("personal" | "phi" | "pii-only")) {
                                errors.push(format!(
                                    "{w}: class must be personal|phi|pii-only, got {c}"
                                ));
                            }
                        }
                        if let Some(c) = sel.get("categories") {
                            check_categories(c, &format!("{w}.categories"), errors);
                        }
                        if let Some(s) = sel.get("subject") {
                            if s.as_str().is_none() {
                                errors.push(format!("{w}: subject must be a string"));
                            }
                        }
                        if let Some(b) = sel.get("declares_purposes") {
                            if b.as_bool().is_none() {
                                errors.push(format!("{w}: declares_purposes must be a bool"));
                            }
                        }
                    }
                }
                _ => {}
            }

            // sink
            match rule.get("sink") {
                None if annotation_check => {}
                None => errors.push(format!("{what}: needs a `sink` selector")),
                Some(s) => {
                    for (j, sel) in selectors(s, &format!("{what}.sink"))
                        .into_iter()
                        .enumerate()
                    {
                        let w = format!("{what}.sink[{j}]");
                        check_keys(sel, &SINK_KEYS, &w, errors);
                        for k in ["kinds", "not_kinds"] {
                            if let Some(v) = sel.get(k) {
                                for kind in str_list(v, &format!("{w}.{k}")) {
                                    if !SINK_KINDS.contains(&kind) {
                                        errors.push(format!("{w}.{k}: unknown sink kind {kind:?}"));
                                    }
                                }
                            }
                        }
                        for k in ["region_outside", "region_inside"] {
                            if let Some(v) = sel.get(k) {
                                for code in str_list(v, &format!("{w}.{k}")) {
                                    if !regions.is_known(code) {
                                        errors.push(format!(
                                            "{w}.{k}: {code:?} is neither a set, a country nor a cloud region of regions.toml"
                                        ));
                                    }
                                }
                            }
                        }
                        if let Some(r) = sel.get("recipient") {
                            match r {
                                Value::String(s) => {
                                    if !["any", "none", "undisclosed"].contains(&s.as_str()) {
                                        errors.push(format!(
                                            "{w}.recipient: a string must be any|none|undisclosed; use a list for names"
                                        ));
                                    }
                                }
                                Value::Array(_) => {
                                    for n in str_list(r, &format!("{w}.recipient")) {
                                        if !names.contains(&norm_name(n)) {
                                            errors.push(format!(
                                                "{w}.recipient: {n:?} is not among the pack's [[recipients]]"
                                            ));
                                        }
                                    }
                                }
                                other => errors.push(format!("{w}.recipient: bad value {other}")),
                            }
                        }
                        for k in ["purpose_under", "purpose_outside"] {
                            if let Some(v) = sel.get(k) {
                                let list = str_list(v, &format!("{w}.{k}"));
                                if list.iter().any(|x| x.is_empty() || x.starts_with("user")) {
                                    errors
                                        .push(format!("{w}.{k}: purposes are fideslang data uses"));
                                }
                            }
                        }
                        for k in ["purpose_outside_data_purposes", "encrypted", "persistent"] {
                            if let Some(v) = sel.get(k) {
                                if v.as_bool().is_none() {
                                    errors.push(format!("{w}.{k}: must be a bool"));
                                }
                            }
                        }
                        if let Some(v) = sel.get("retention_days_above") {
                            if v.as_integer().map_or(true, |n| n < 0) {
                                errors.push(format!(
                                    "{w}.retention_days_above: must be a non-negative integer"
                                ));
                            }
                        }
                    }
                }
            }

            // lifted_by
            let mut sanitizers: Vec<String> = vec!["anonymize".into(), "redact".into()];
            if let Some(l) = rule.get("lifted_by") {
                match l.as_table() {
                    None => errors.push(format!("{what}: lifted_by must be a table")),
                    Some(l) => {
                        check_keys(l, &LIFTED_KEYS, &format!("{what}.lifted_by"), errors);
                        if let Some(s) = l.get("sanitizers") {
                            sanitizers = str_list(s, &format!("{what}.lifted_by.sanitizers"))
                                .into_iter()
                                .map(String::from)
                                .collect();
                            for s in &sanitizers {
                                if !SANITIZERS.contains(&s.as_str()) {
                                    errors
                                        .push(format!("{what}.lifted_by: unknown sanitizer {s:?}"));
                                }
                            }
                        }
                        for k in ["encryption", "consent"] {
                            if let Some(v) = l.get(k) {
                                if v.as_bool().is_none() {
                                    errors.push(format!("{what}.lifted_by.{k}: must be a bool"));
                                }
                            }
                        }
                    }
                }
            }
            // SPEC §2: anonymize/redact lift every rule except cloudvisit/no-sale-to-brokers-or-ads;
            // pseudonymize/hash lift nothing; encrypt only through `encryption` or an exception.
            if what == "cloudvisit/no-sale-to-brokers-or-ads" {
                if !sanitizers.is_empty() {
                    errors.push(format!(
                        "{what}: nothing may lift it (lifted_by.sanitizers = [])"
                    ));
                }
            } else if check != "presence" {
                for s in ["anonymize", "redact"] {
                    if !sanitizers.iter().any(|x| x == s) {
                        errors.push(format!("{what}: `{s}` must lift it (SPEC §2)"));
                    }
                }
            }
            for s in ["pseudonymize", "hash", "encrypt"] {
                if sanitizers.iter().any(|x| x == s) {
                    errors.push(format!(
                        "{what}: `{s}` may not be listed in lifted_by.sanitizers (SPEC §2)"
                    ));
                }
            }

            // except
            if let Some(e) = rule.get("except") {
                if check != "flow" {
                    errors.push(format!("{what}: exceptions apply to flow rules only"));
                }
                match e.as_array() {
                    None => {
                        errors.push(format!("{what}: `except` must be [[rules.except]] tables"))
                    }
                    Some(list) => {
                        for (j, ex) in list.iter().enumerate() {
                            let w = format!("{what}.except[{j}]");
                            let Some(ex) = ex.as_table() else {
                                errors.push(format!("{w}: must be a table"));
                                continue;
                            };
                            check_keys(ex, &EXCEPT_KEYS, &w, errors);
                            if ex
                                .get("note")
                                .and_then(Value::as_str)
                                .map_or(true, |s| s.trim().is_empty())
                            {
                                errors.push(format!("{w}: needs a `note`"));
                            }
                            if let Some(r) = ex.get("recipients") {
                                for n in str_list(r, &format!("{w}.recipients")) {
                                    if !names.contains(&norm_name(n)) {
                                        errors.push(format!(
                                            "{w}.recipients: {n:?} is not among the pack's [[recipients]]"
                                        ));
                                    }
                                }
                            }
                            if let Some(c) = ex.get("only_categories") {
                                check_categories(c, &format!("{w}.only_categories"), errors);
                            }
                            if let Some(v) = ex.get("encrypted") {
                                if v.as_bool().is_none() {
                                    errors.push(format!("{w}.encrypted: must be a bool"));
                                }
                            }
                        }
                    }
                }
            }

            // allowed_categories
            match (check, rule.get("allowed_categories")) {
                ("allowlist", Some(c)) => {
                    check_categories(c, &format!("{what}.allowed_categories"), errors)
                }
                ("allowlist", None) => errors.push(format!(
                    "{what}: an allowlist rule needs `allowed_categories`"
                )),
                (_, Some(_)) => errors.push(format!(
                    "{what}: `allowed_categories` is for check = \"allowlist\" only"
                )),
                _ => {}
            }
        }
    }
}

/// The `//~ pack/rule` annotations of one fixture crate, by rule id.
fn fixture_expectations(dir: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.join("src")];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().and_then(|x| x.to_str()) == Some("rs") {
                let text = fs::read_to_string(&path).unwrap_or_default();
                for line in text.lines() {
                    if let Some(pos) = line.find("//~") {
                        for id in line[pos + 3..].split_whitespace() {
                            out.insert(id.to_string());
                        }
                    }
                }
            }
        }
    }
    out
}

#[test]
fn every_rule_has_positive_and_negative_fixtures() {
    let suite = repo_root().join("tests").join("suite").join("rules");
    let packs = load_packs();
    let mut all_ids = BTreeSet::new();
    for pack in &packs {
        for rule in pack.rules() {
            if let Some(id) = rule.get("id").and_then(Value::as_str) {
                all_ids.insert(format!("{}/{}", pack.id, id));
            }
        }
    }
    let macros = repo_root().join("privflow-macros");
    let mut errors = Vec::new();
    let mut package_names = BTreeMap::new();
    let mut fixtures = 0usize;
    for pack in &packs {
        for rule in pack.rules() {
            let Some(id) = rule.get("id").and_then(Value::as_str) else {
                continue;
            };
            let full = format!("{}/{}", pack.id, id);
            let dir = suite.join(&pack.id).join(id);
            let Ok(entries) = fs::read_dir(&dir) else {
                errors.push(format!("{full}: no fixtures in {}", dir.display()));
                continue;
            };
            let (mut positive, mut negative) = (0, 0);
            for e in entries.flatten() {
                let fx = e.path();
                if !fx.join("Cargo.toml").is_file() {
                    continue;
                }
                fixtures += 1;
                let name = fx.strip_prefix(&suite).unwrap_or(&fx).display().to_string();
                let manifest = read_toml(&fx.join("Cargo.toml"));
                if !manifest.contains_key("workspace") {
                    errors.push(format!("{name}: Cargo.toml needs an empty [workspace]"));
                }
                let pkg_name = manifest
                    .get("package")
                    .and_then(|p| p.get("name"))
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string();
                if let Some(prev) = package_names.insert(pkg_name.clone(), name.clone()) {
                    errors.push(format!(
                        "{name}: package name {pkg_name:?} also used by {prev}"
                    ));
                }
                let dep = manifest
                    .get("dependencies")
                    .and_then(|d| d.get("privflow"))
                    .and_then(|d| d.get("path"))
                    .and_then(Value::as_str);
                match dep {
                    Some(rel) => {
                        let target = fx.join(rel);
                        if fs::canonicalize(&target).ok() != fs::canonicalize(&macros).ok() {
                            errors.push(format!(
                                "{name}: privflow dependency path {rel:?} does not lead to privflow-macros"
                            ));
                        }
                    }
                    None => errors.push(format!(
                        "{name}: needs the privflow (privflow-macros) path dependency"
                    )),
                }
                let mut selected: Vec<String> = manifest
                    .get("package")
                    .and_then(|p| p.get("metadata"))
                    .and_then(|m| m.get("privflow"))
                    .and_then(|m| m.get("rules"))
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .map(String::from)
                            .collect()
                    })
                    .unwrap_or_default();
                // The `privflow` pack runs whatever a crate selects.
                selected.push("privflow".to_string());
                if !selected.contains(&pack.id) {
                    errors.push(format!(
                        "{name}: [package.metadata.privflow] rules must select `{}`",
                        pack.id
                    ));
                }
                let expected = fixture_expectations(&fx);
                for exp in &expected {
                    if !all_ids.contains(exp) {
                        errors.push(format!("{name}: `//~ {exp}` names no rule"));
                    } else if !selected.iter().any(|s| exp.starts_with(&format!("{s}/"))) {
                        errors.push(format!("{name}: `//~ {exp}` is not in a selected pack"));
                    }
                }
                if expected.contains(&full) {
                    positive += 1;
                } else {
                    negative += 1;
                }
            }
            if positive == 0 {
                errors.push(format!(
                    "{full}: no fixture expects a finding (`//~ {full}`)"
                ));
            }
            if negative == 0 {
                errors.push(format!(
                    "{full}: no near-miss fixture where it does not fire"
                ));
            }
        }
    }
    println!("{fixtures} rule fixtures checked");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// The worked example of rules/README.md §7 must stay a valid pack whose quotes are verbatim
/// substrings of the statement excerpt printed above it.
#[test]
fn readme_worked_example_is_a_valid_pack() {
    let readme = fs::read_to_string(rules_dir().join("README.md")).expect("rules/README.md exists");
    let section = readme
        .split("\n## 7.")
        .nth(1)
        .expect("README has a section 7 (worked example)");
    let block = |lang: &str, from: &str| -> (String, usize) {
        let fence = format!("```{lang}\n");
        let start = from
            .find(&fence)
            .unwrap_or_else(|| panic!("README §7: no {fence:?} block"))
            + fence.len();
        let len = from[start..].find("\n```").expect("closed code block");
        (from[start..start + len + 1].to_string(), start + len)
    };
    let (statement, after) = block("text", section);
    let (pack_text, _) = block("toml", &section[after..]);
    let table = toml::from_str::<toml::Table>(&pack_text)
        .unwrap_or_else(|e| panic!("README §7 pack does not parse: {e}"));
    let id = table
        .get("pack")
        .and_then(|p| p.get("id"))
        .and_then(Value::as_str)
        .expect("README §7 pack has [pack] id")
        .to_string();
    let pack = Pack {
        id,
        path: rules_dir().join("README.md"),
        table,
    };
    let mut errors = Vec::new();
    check_pack(&pack, &Regions::load(), &mut errors);
    assert!(!pack.rules().is_empty(), "README §7 pack has no rules");
    for rule in pack.rules() {
        let id = rule.get("id").and_then(Value::as_str).unwrap_or("<no id>");
        let q = rule.get("quote").and_then(Value::as_str).unwrap_or("");
        if !statement.contains(q) {
            errors.push(format!(
                "README §7 {id}: quote not in the statement excerpt: {q:?}"
            ));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
