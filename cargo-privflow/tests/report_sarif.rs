//! `--message-format sarif`: valid against the official SARIF 2.1.0 schema, with the rule table,
//! code flows, fingerprints and notifications GitHub code scanning reads.

mod common;

use privflow::report::sarif;
use serde_json::Value;

fn schema() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sarif-schema-2.1.0.json"
    );
    let text = std::fs::read_to_string(path).expect("the schema ships with the tests");
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn assert_valid(log: &Value) {
    let validator = jsonschema::validator_for(&schema()).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF log is not valid:\n{}",
        errors.join("\n")
    );
}

/// The report without its (machine-dependent, absolute) root.
fn report() -> privflow::Report {
    privflow::Report {
        root: None,
        ..common::report()
    }
}

fn render(report: &privflow::Report) -> String {
    let mut out = Vec::new();
    sarif::render(report, &common::packs(), &mut out).expect("writing to a Vec cannot fail");
    String::from_utf8(out).expect("SARIF is UTF-8")
}

#[test]
fn snapshot() {
    // The tool's version changes with every release; the snapshot should not.
    let log = render(&report()).replace(
        &format!("\"{}\"", env!("CARGO_PKG_VERSION")),
        "\"[VERSION]\"",
    );
    insta::assert_snapshot!(log);
}

#[test]
fn validates_against_the_sarif_schema() {
    let log: Value = serde_json::from_str(&render(&report())).expect("the log is JSON");
    assert_valid(&log);
    // With an absolute root: still no absolute path in the log (it must not change when the
    // checkout moves).
    let rooted = sarif::to_value(&common::report(), &common::packs());
    assert_valid(&rooted);
    assert!(rooted["runs"][0].get("originalUriBaseIds").is_none());
    let root = common::report().root.expect("the common report has a root");
    assert!(!rooted.to_string().contains(&*root.to_string_lossy()));
    // And with nothing at all.
    assert_valid(&sarif::to_value(&privflow::Report::default(), &[]));
    // With a baseline: results are `new`, the counts are invocation properties.
    let mut baselined = report();
    let accepted = baselined.findings.remove(1);
    baselined.baseline = Some(privflow::baseline::BaselineOutcome {
        file: "privflow-baseline.json".into(),
        baselined: vec![accepted],
        ..Default::default()
    });
    let log = sarif::to_value(&baselined, &common::packs());
    assert_valid(&log);
    assert_eq!(log["runs"][0]["results"].as_array().map(Vec::len), Some(1));
    assert_eq!(log["runs"][0]["results"][0]["baselineState"], "new");
    assert_eq!(
        log["runs"][0]["invocations"][0]["properties"]["baselined"],
        1
    );
}

#[test]
fn the_schema_catches_a_broken_log() {
    let mut log = sarif::to_value(&report(), &common::packs());
    log["runs"][0]["results"][0]["level"] = Value::from("fatal");
    let validator = jsonschema::validator_for(&schema()).expect("the schema compiles");
    assert!(!validator.is_valid(&log));
}

#[test]
fn results_point_at_rules_sinks_and_paths() {
    let log = sarif::to_value(&report(), &common::packs());
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "privflow");
    let rules = driver["rules"].as_array().expect("rules");
    let ids: Vec<&str> = rules
        .iter()
        .map(|r| r["id"].as_str().unwrap_or(""))
        .collect();
    // The packs' rules, then the rule only a finding names.
    assert_eq!(
        ids,
        [
            "cgm-videosprechstunde/no-cookies",
            "cgm-videosprechstunde/no-third-country-transfer",
            "baseline/pii-to-log"
        ]
    );
    // Scores fit the rule: a cookie's presence is low, a transfer medium, a warning low; only
    // security rules (here the log rule) carry the `security` tag.
    assert_eq!(rules[0]["properties"]["security-severity"], "2.0");
    assert_eq!(rules[1]["properties"]["security-severity"], "6.0");
    assert_eq!(rules[2]["properties"]["security-severity"], "3.5");
    let tags = |i: usize| rules[i]["properties"]["tags"].to_string();
    assert!(!tags(0).contains("\"security\""), "{}", tags(0));
    assert!(tags(0).contains("cookies"), "{}", tags(0));
    assert!(!tags(1).contains("\"security\""), "{}", tags(1));
    assert!(tags(2).contains("\"security\""), "{}", tags(2));
    assert!(tags(2).contains("external/cwe/cwe-532"), "{}", tags(2));
    // Plain text without Markdown backticks; the Markdown in `markdown`.
    for r in run["results"].as_array().expect("results") {
        let text = r["message"]["text"].as_str().unwrap_or("");
        assert!(!text.is_empty() && !text.contains('`'), "{text}");
        if let Some(md) = r["message"]["markdown"].as_str() {
            assert_eq!(md.replace('`', "'"), text);
        }
    }
    // The tool's page is the repository named in the workspace Cargo.toml; a shipped pack's rule
    // links to its pack file there.
    assert_eq!(
        driver["informationUri"],
        "https://github.com/privflow/privflow"
    );
    assert_eq!(
        rules[1]["helpUri"],
        "https://github.com/privflow/privflow/blob/main/rules/cgm-videosprechstunde.toml"
    );
    assert_eq!(
        rules[2]["helpUri"],
        "https://github.com/privflow/privflow/blob/main/rules/baseline.toml"
    );
    assert_eq!(rules[1]["defaultConfiguration"]["level"], "error");
    let help = rules[1]["help"]["text"].as_str().unwrap_or("");
    assert!(
        help.contains(
            "\"Es erfolgt keine Datenübermittlung in Drittstaaten.\" — § 4 Datenübermittlung"
        ),
        "{help}"
    );
    assert!(
        help.contains("No data is transferred to third countries."),
        "{help}"
    );
    assert!(rules[1]["help"]["markdown"]
        .as_str()
        .unwrap_or("")
        .contains("```rust"));

    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 2);
    let r = &results[0];
    assert_eq!(
        r["ruleId"],
        "cgm-videosprechstunde/no-third-country-transfer"
    );
    assert_eq!(r["ruleIndex"], 1);
    assert_eq!(results[1]["ruleIndex"], 2);
    assert_eq!(r["level"], "error");
    assert_eq!(results[1]["level"], "warning");
    let phys = &r["locations"][0]["physicalLocation"];
    assert_eq!(phys["artifactLocation"]["uri"], "src/upload.rs");
    assert_eq!(phys["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    assert_eq!(phys["region"]["startLine"], 5);
    assert_eq!(phys["region"]["startColumn"], 5);
    assert_eq!(phys["region"]["endColumn"], 24);
    assert_eq!(r["partialFingerprints"]["privflow/v1"], "3f2a9c1e5b7d4a60");

    let flow: Vec<(String, i64)> = r["codeFlows"][0]["threadFlows"][0]["locations"]
        .as_array()
        .expect("thread flow")
        .iter()
        .map(|l| {
            let p = &l["location"]["physicalLocation"];
            (
                p["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
                p["region"]["startLine"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        flow,
        [
            ("src/model.rs".to_string(), 7),
            ("src/upload.rs".to_string(), 4),
            ("src/upload.rs".to_string(), 4),
            ("src/upload.rs".to_string(), 5)
        ]
    );
    assert_eq!(
        r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "src/model.rs"
    );
}

/// A rule of the user's own pack has no page: no `helpUri`, its full help in `help` instead.
#[test]
fn a_rule_without_a_page_has_its_help_in_the_log() {
    let mut report = report();
    report.findings[0].rule = "acme/no-fax".into();
    let log = sarif::to_value(&report, &[]);
    assert_valid(&log);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .clone();
    let rule = rules
        .iter()
        .find(|r| r["id"] == "acme/no-fax")
        .expect("the rule of the finding is described");
    assert!(rule.get("helpUri").is_none(), "{rule}");
    assert!(!rule["help"]["text"].as_str().unwrap_or("").is_empty());
    assert!(!rule["help"]["markdown"].as_str().unwrap_or("").is_empty());
}

#[test]
fn problems_are_notifications_and_make_the_run_unsuccessful() {
    let log = sarif::to_value(&report(), &common::packs());
    let inv = &log["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let notes = inv["toolExecutionNotifications"]
        .as_array()
        .expect("notifications");
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0]["level"], "error");
    assert_eq!(notes[0]["descriptor"]["id"], "parse");
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
    assert_eq!(notes[1]["level"], "warning");

    let mut complete = report();
    complete
        .problems
        .retain(|p| p.severity == privflow::Severity::Warning);
    let log = sarif::to_value(&complete, &common::packs());
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
}

#[test]
fn output_is_deterministic() {
    assert_eq!(render(&report()), render(&report()));
}
