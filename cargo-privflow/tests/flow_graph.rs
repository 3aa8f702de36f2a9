//! The flow graph answers "which sinks does this tagged field reach, through which calls".

use privflow::flow::demand::Scope;
use privflow::flow::graph::Node;
use privflow::flow::solver::solve;
use privflow::flow::FlowConfig;
use privflow::hir::Program;
use privflow::syntax::load::{load, CrateRoot};

#[test]
fn the_graph_knows_which_sinks_a_field_reaches_and_through_which_calls() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("src");
    std::fs::create_dir(&src).expect("mkdir");
    std::fs::write(
        src.join("lib.rs"),
        r#"
#[privflow::data]
pub struct Patient { pub id: u64, #[phi] pub diagnosis: String, #[pii(category = "user.contact.email")] pub email: String }

#[privflow::sink(kind = "log")]
fn audit(_s: &str) {}
#[privflow::sink(kind = "storage")]
fn save(_s: &str) {}

fn note(s: &str) { audit(s); }

pub fn close(p: &Patient) {
    note(&p.diagnosis);
    save(&p.email);
    audit(&p.id.to_string());
}
"#,
    )
    .expect("write");
    let roots = vec![CrateRoot {
        name: "g".into(),
        root_file: src.join("lib.rs"),
        skip: vec![],
        extern_crates: vec![],
        features: None,
    }];
    let loaded = load(&roots, dir.path());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let program = Program::build(&loaded.crates, &[0], &loaded.db);
    let facts = &solve(&program, vec![FlowConfig::default()], Scope::Everything);
    let source = |label: &str| {
        let i = facts
            .sources
            .list
            .iter()
            .position(|s| s.label == label)
            .expect("source exists");
        privflow::flow::tags::SourceId(i as u32)
    };
    let sink_names = |label: &str| -> Vec<String> {
        facts
            .graph
            .sinks_reached(source(label))
            .into_iter()
            .map(|s| facts.sinks[s.0 as usize].name.clone())
            .collect()
    };
    assert_eq!(sink_names("Patient.diagnosis"), vec!["audit".to_string()]);
    assert_eq!(sink_names("Patient.email"), vec!["save".to_string()]);
    // The way from the diagnosis to the log goes through the call of `note`.
    let g = &facts.graph.graph;
    let through_note = g.node_indices().any(|n| match &g[n] {
        Node::Point { note, .. } => note.contains("passed to `note`"),
        _ => false,
    });
    assert!(through_note, "no node for the call of `note` in the graph");
}

/// Demand: with `Scope::TaggedData` a function tagged data cannot reach is not analysed (its
/// calls are not among the facts), while what handles the tagged value, and what it calls, is;
/// the flows found are the same as with every function analysed.
#[test]
fn only_what_tagged_data_reaches_is_analysed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("src");
    std::fs::create_dir(&src).expect("mkdir");
    std::fs::write(
        src.join("lib.rs"),
        r#"
#[privflow::data]
pub struct Patient { pub id: u64, #[phi] pub diagnosis: String }

#[privflow::sink(kind = "log")]
fn audit(_s: &str) {}

fn note(s: &str) { audit(s); }
fn helper(n: u64) -> u64 { n + 1 }

pub fn close(p: &Patient) { note(&p.diagnosis); }
pub fn unrelated() -> u64 { helper(2) }
"#,
    )
    .expect("write");
    let roots = vec![CrateRoot {
        name: "d".into(),
        root_file: src.join("lib.rs"),
        skip: vec![],
        extern_crates: vec![],
        features: None,
    }];
    let loaded = load(&roots, dir.path());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let program = Program::build(&loaded.crates, &[0], &loaded.db);
    let callers = |scope| -> Vec<String> {
        let facts = solve(&program, vec![FlowConfig::default()], scope);
        let mut names: Vec<String> = facts
            .calls
            .iter()
            .map(|e| {
                format!(
                    "{}->{}",
                    program.fn_(e.caller).name,
                    program.fn_(e.callee).name
                )
            })
            .collect();
        names.sort();
        names.push(format!("flows={}", facts.flows.len()));
        names
    };
    assert_eq!(
        callers(Scope::Everything),
        ["close->note", "note->audit", "unrelated->helper", "flows=1"]
    );
    assert_eq!(
        callers(Scope::TaggedData),
        ["close->note", "note->audit", "flows=1"]
    );
}
