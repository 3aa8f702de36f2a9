//! The terminal report: miette diagnostics with snippets from every file the flow passes through,
//! problems naming file and line, and the summary line.

mod common;

use privflow::report::human::{self, HumanOptions};
use std::time::Duration;

fn options() -> HumanOptions {
    HumanOptions {
        color: false,
        width: Some(100),
        no_wrap: false,
        quiet: false,
        verbose: 0,
        elapsed: None,
        narrated: false,
    }
}

fn render(report: &privflow::Report, opts: &HumanOptions) -> String {
    let mut out = Vec::new();
    human::render(report, opts, &mut out).expect("writing to a Vec cannot fail");
    String::from_utf8(out).expect("the report is UTF-8")
}

#[test]
fn snapshot() {
    insta::assert_snapshot!(render(&common::report(), &options()));
}

#[test]
fn findings_show_rule_quote_and_every_file_of_the_path() {
    let text = render(&common::report(), &options());
    assert!(
        text.contains("cgm-videosprechstunde/no-third-country-transfer"),
        "{text}"
    );
    assert!(
        text.contains(
            "\"Es erfolgt keine Datenübermittlung in Drittstaaten.\" — § 4 Datenübermittlung"
        ),
        "{text}"
    );
    // The sink's file and the source's file each get a snippet.
    assert!(text.contains("[src/upload.rs:5:5]"), "{text}");
    assert!(text.contains("[src/model.rs:7:9]"), "{text}");
    assert!(text.contains("upload_to_s3(&body);"), "{text}");
    assert!(text.contains("pub diagnosis: String,"), "{text}");
    assert!(text.contains("`p.diagnosis` is read"), "{text}");
    // The problem names its file and line.
    assert!(text.contains("[src/broken.rs:3:12]"), "{text}");
    assert!(
        text.ends_with("privflow: 1 error, 1 warning in 3 files (incomplete: 1 parse error)\n"),
        "{text}"
    );
}

#[test]
fn missing_files_fall_back_to_text() {
    let mut report = common::report();
    report.root = Some(common::fixture_root().join("no-such-dir"));
    let text = render(&report, &options());
    assert!(text.contains("--> src/upload.rs:5:5"), "{text}");
    assert!(
        text.contains(
            "src/model.rs:7:9: Patient.diagnosis (user.health_and_medical) comes from here"
        ),
        "{text}"
    );
    assert!(text.contains("--> src/broken.rs:3:12"), "{text}");
}

#[test]
fn lines_past_the_end_of_a_file_do_not_break_rendering() {
    let mut report = common::report();
    report.findings[0].sink.location.line = 999;
    report.findings[0].path[0].location.column = 999;
    let text = render(&report, &options());
    assert!(text.contains("--> src/upload.rs:999:5"), "{text}");
}

#[test]
fn summary_line_variants() {
    let mut opts = options();
    opts.elapsed = Some(Duration::from_millis(420));
    let clean = privflow::Report {
        files: vec!["src/lib.rs".into()],
        ..privflow::Report::default()
    };
    assert_eq!(
        render(&clean, &opts),
        "privflow: 0 errors, 0 warnings in 1 file [0.42s]\n"
    );
    opts.quiet = true;
    assert_eq!(render(&clean, &opts), "");
}

#[test]
fn no_colour_codes_unless_asked() {
    let plain = render(&common::report(), &options());
    assert!(!plain.contains('\u{1b}'));
    let coloured = render(
        &common::report(),
        &HumanOptions {
            color: true,
            ..options()
        },
    );
    assert!(coloured.contains('\u{1b}'));
}

/// One call breaking rules of two packs is one diagnostic: every rule, every tag labelled by its
/// own class, each statement quoted once per run (again with `-v`); JSON keeps one result per
/// rule, and the results of one call share their `site`.
#[test]
fn one_call_is_one_finding_listing_every_rule_and_tag() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/suite/flow/catalogue/bad-one-call-breaks-several-rules");
    let report = privflow::check(&privflow::CheckOptions {
        manifest_path: Some(dir.join("Cargo.toml")),
        ..Default::default()
    });
    assert_eq!(report.findings.len(), 5, "{:#?}", report.findings);
    for narrated in [true, false] {
        let opts = HumanOptions {
            narrated,
            ..options()
        };
        let text = render(&report, &opts);
        let heads = if narrated {
            "error[baseline/phi-to-log, baseline/pii-to-log, cloudvisit/phi-stays-in-us]: PHI `Patient.diagnosis` and personal data `Patient.email` reaches `println!`"
        } else {
            "baseline/phi-to-log, baseline/pii-to-log, cloudvisit/phi-stays-in-us\n"
        };
        assert_eq!(text.matches(heads).count(), 1, "{text}");
        assert!(
            text.contains("PHI `Patient.diagnosis` and personal data `Patient.email` reaches"),
            "{text}"
        );
        assert!(
            !text.contains("PHI `Patient.diagnosis`, `Patient.email`"),
            "{text}"
        );
        // The GDPR Art. 5(1)(f) sentence of baseline/phi-to-log: once, though two calls break it.
        let quote = "appropriate security of the personal data";
        assert_eq!(text.matches(quote).count(), 1, "{text}");
        assert!(text.contains("quoted above"), "{text}");
        let verbose = render(
            &report,
            &HumanOptions {
                verbose: 1,
                ..opts.clone()
            },
        );
        assert_eq!(verbose.matches(quote).count(), 2, "{verbose}");
    }
    let mut json = Vec::new();
    privflow::report::json::render(&report, &mut json).expect("writing to a Vec cannot fail");
    let sites: Vec<(String, u64)> = String::from_utf8_lossy(&json)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["reason"] == "violation")
        .map(|v| {
            (
                v["site"].as_str().unwrap_or_default().to_string(),
                v["sink"]["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(sites.len(), 5);
    for (site, line) in &sites {
        assert!(!site.is_empty());
        for (other, other_line) in &sites {
            assert_eq!(site == other, line == other_line, "{sites:?}");
        }
    }
}
