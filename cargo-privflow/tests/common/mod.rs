//! A synthetic report over the files of `tests/data/report-fixture`: an error finding whose path
//! crosses files, a warning finding, a parse error and an unused-allow warning.

#![allow(dead_code)]

/// The `//~` markers of fixture crates.
pub mod markers;
/// SPEC §2's rule ids.
pub mod spec;

use privflow::model::{
    Finding, Location, PackInfo, PathStep, Problem, ProblemKind, Report, RuleInfo, Severity,
    SinkRef, SourceRef,
};
use std::path::PathBuf;

pub fn fixture_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/report-fixture")
}

pub fn loc(file: &str, line: u32, column: u32, end_column: u32) -> Location {
    Location {
        file: file.to_string(),
        line,
        column,
        end_line: line,
        end_column,
    }
}

fn sink(location: Location, name: &str, kind: &str) -> SinkRef {
    SinkRef {
        location,
        name: name.to_string(),
        kind: kind.to_string(),
        country: None,
        region: None,
        recipient: None,
        purpose: None,
        encrypted: false,
        persistent: kind == "storage" || kind == "log",
        retention_days: None,
        declared: None,
    }
}

fn source(location: Location, data: &str, category: &str, class: &str) -> SourceRef {
    SourceRef {
        location,
        data: data.to_string(),
        category: category.to_string(),
        class: class.to_string(),
        sanitized: vec![],
    }
}

pub fn transfer_finding() -> Finding {
    let src = source(
        loc("src/model.rs", 7, 9, 18),
        "Patient.diagnosis",
        "user.health_and_medical",
        "phi",
    );
    let mut s = sink(loc("src/upload.rs", 5, 5, 24), "upload_to_s3", "storage");
    s.region = Some("us-east-1".to_string());
    s.country = Some("US".to_string());
    Finding {
        rule: "cgm-videosprechstunde/no-third-country-transfer".to_string(),
        severity: Severity::Error,
        message:
            "health data (Patient.diagnosis) is stored in the US, outside the EEA and Switzerland"
                .to_string(),
        quote: "Es erfolgt keine Datenübermittlung in Drittstaaten.".to_string(),
        section: "§ 4 Datenübermittlung".to_string(),
        help: "store it in a region inside the EEA or Switzerland, e.g. `eu-central-1`".to_string(),
        sink: s,
        source: Some(src.clone()),
        sources: vec![src],
        path: vec![
            PathStep {
                location: loc("src/upload.rs", 4, 39, 50),
                note: "`p.diagnosis` is read".to_string(),
            },
            PathStep {
                location: loc("src/upload.rs", 4, 9, 13),
                note: "serialised into `body`".to_string(),
            },
        ],
        more_paths: vec![],
        consent_steps: vec![],
        fingerprint: "3f2a9c1e5b7d4a60".to_string(),
    }
}

pub fn log_finding() -> Finding {
    let src = source(
        loc("src/model.rs", 9, 9, 14),
        "Patient.email",
        "user.contact.email",
        "pii",
    );
    Finding {
        rule: "baseline/pii-to-log".to_string(),
        severity: Severity::Warning,
        message: "personal data (Patient.email) is written to a log".to_string(),
        quote: "Personal data is not written to logs.".to_string(),
        section: "Logging".to_string(),
        help: "log an identifier instead, or redact the value with a `redact` sanitizer"
            .to_string(),
        sink: sink(loc("src/upload.rs", 9, 5, 46), "log::info!", "log"),
        source: Some(src.clone()),
        sources: vec![src],
        path: vec![PathStep {
            location: loc("src/upload.rs", 9, 38, 45),
            note: "`p.email` is formatted".to_string(),
        }],
        more_paths: vec![],
        consent_steps: vec![],
        fingerprint: "9b0c77d2e4f1a385".to_string(),
    }
}

pub fn parse_problem() -> Problem {
    Problem {
        kind: ProblemKind::Parse,
        severity: Severity::Error,
        file: Some("src/broken.rs".to_string()),
        line: Some(3),
        column: Some(12),
        message: "src/broken.rs: expected one of `)`, `,` or a parameter, found `{`".to_string(),
    }
}

pub fn unused_allow() -> Problem {
    Problem {
        kind: ProblemKind::UnusedAllow,
        severity: Severity::Warning,
        file: Some("src/upload.rs".to_string()),
        line: Some(12),
        column: None,
        message: "`#[privflow::allow(rule = \"baseline/phi-to-log\")]` suppresses nothing"
            .to_string(),
    }
}

/// The report, with `root` set to the fixture directory.
pub fn report() -> Report {
    Report {
        findings: vec![transfer_finding(), log_finding()],
        problems: vec![unused_allow(), parse_problem()],
        files: vec![
            "src/model.rs".into(),
            "src/upload.rs".into(),
            "src/broken.rs".into(),
        ],
        packs: vec!["baseline".to_string(), "cgm-videosprechstunde".to_string()],
        root: Some(fixture_root()),
        ..Report::default()
    }
}

/// A catalogue of the packs that ran: `cgm-videosprechstunde` with two rules. (`baseline` is
/// left out on purpose: its finding's rule must then be described from the finding.)
pub fn packs() -> Vec<PackInfo> {
    let rule = |id: &str, severity, quote: &str, english: &str, summary: &str| {
        RuleInfo {
        id: id.to_string(),
        severity,
        section: "§ 4 Datenübermittlung".to_string(),
        quote: quote.to_string(),
        english: english.to_string(),
        summary: summary.to_string(),
        help: "keep the data in the EEA or Switzerland".to_string(),
        example: Some("#[privflow::sink(kind = \"storage\", region = \"us-east-1\")]\nfn upload(_: &str) {}\n".to_string()),
    }
    };
    vec![PackInfo {
        id: "cgm-videosprechstunde".to_string(),
        title: "Datenschutzerklärung CGM Videosprechstunde".to_string(),
        company: "CGM".to_string(),
        date: "2023-05-01".to_string(),
        language: "de".to_string(),
        law: "GDPR".to_string(),
        rules: vec![
            rule(
                "cgm-videosprechstunde/no-cookies",
                Severity::Error,
                "Es werden keine Cookies gesetzt.",
                "No cookies are set.",
                "a cookie sink is called",
            ),
            rule(
                "cgm-videosprechstunde/no-third-country-transfer",
                Severity::Error,
                "Es erfolgt keine Datenübermittlung in Drittstaaten.",
                "No data is transferred to third countries.",
                "personal data reaches a sink outside the EEA and Switzerland",
            ),
        ],
    }]
}
