//! `--message-format json` (SPEC §4): one object per line, the SPEC's keys, a stable order.

mod common;

use privflow::report::json;
use serde_json::Value;

fn render(report: &privflow::Report) -> String {
    let mut out = Vec::new();
    json::render(report, &mut out).expect("writing to a Vec cannot fail");
    String::from_utf8(out).expect("JSON is UTF-8")
}

#[test]
fn snapshot() {
    insta::assert_snapshot!(render(&common::report()));
}

#[test]
fn every_line_is_an_object_with_the_spec_keys() {
    let text = render(&common::report());
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let reasons: Vec<&str> = lines
        .iter()
        .map(|l| l["reason"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        reasons,
        ["violation", "violation", "error", "warning", "summary"]
    );

    for v in &lines[..2] {
        for k in [
            "rule", "severity", "message", "quote", "sink", "source", "path",
        ] {
            assert!(v.get(k).is_some(), "violation without `{k}`: {v}");
        }
        for k in ["file", "line", "column", "name"] {
            assert!(v["sink"].get(k).is_some(), "sink without `{k}`: {v}");
        }
        for k in ["file", "line", "column", "data", "category"] {
            assert!(v["source"].get(k).is_some(), "source without `{k}`: {v}");
        }
        for step in v["path"].as_array().expect("path is an array") {
            for k in ["file", "line", "column", "note"] {
                assert!(step.get(k).is_some(), "path step without `{k}`: {v}");
            }
        }
    }
    assert_eq!(lines[0]["sink"]["file"], "src/upload.rs");
    assert_eq!(lines[0]["sink"]["line"], 5);
    assert_eq!(lines[0]["source"]["file"], "src/model.rs");
    assert_eq!(lines[1]["severity"], "warning");

    for k in ["kind", "file", "line", "message"] {
        assert!(lines[2].get(k).is_some(), "problem without `{k}`");
    }
    assert_eq!(lines[2]["kind"], "parse");
    assert_eq!(lines[2]["file"], "src/broken.rs");
    assert_eq!(lines[2]["line"], 3);
    assert_eq!(lines[3]["kind"], "unused-allow");

    assert_eq!(
        lines[4],
        serde_json::json!({"reason": "summary", "errors": 1, "warnings": 1, "files": 3, "incomplete": true})
    );
}

#[test]
fn keys_come_in_the_spec_order() {
    let text = render(&common::report());
    let first = text.lines().next().unwrap_or_default();
    assert!(
        first.starts_with(r#"{"reason":"violation","rule":"cgm-videosprechstunde/no-third-country-transfer","severity":"error","message":"#),
        "{first}"
    );
    assert!(
        first.contains(
            r#""sink":{"file":"src/upload.rs","line":5,"column":5,"name":"upload_to_s3","#
        ),
        "{first}"
    );
    assert!(first.contains(r#""source":{"file":"src/model.rs","line":7,"column":9,"data":"Patient.diagnosis","category":"user.health_and_medical","#), "{first}");
    let problem = text.lines().nth(2).unwrap_or_default();
    assert!(
        problem.starts_with(
            r#"{"reason":"error","kind":"parse","file":"src/broken.rs","line":3,"message":"#
        ),
        "{problem}"
    );
    let last = text.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        r#"{"reason":"summary","errors":1,"warnings":1,"files":3,"incomplete":true}"#
    );
}

#[test]
fn output_is_deterministic_and_problems_are_sorted() {
    let mut shuffled = common::report();
    shuffled.problems.reverse();
    assert_eq!(render(&common::report()), render(&shuffled));
}

#[test]
fn an_empty_report_is_one_summary_line() {
    let text = render(&privflow::Report::default());
    assert_eq!(
        text,
        "{\"reason\":\"summary\",\"errors\":0,\"warnings\":0,\"files\":0,\"incomplete\":false}\n"
    );
}

#[test]
fn a_finding_without_source_has_null_source() {
    let mut report = common::report();
    report.findings[0].source = None;
    let text = render(&report);
    let v: Value = serde_json::from_str(text.lines().next().unwrap_or_default()).expect("JSON");
    assert!(v["source"].is_null());
}
