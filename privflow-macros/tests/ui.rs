//! Compile-time behaviour of the attributes: what they accept, and the
//! error rustc shows for every mistake they catch.
//!
//! Regenerate the expected output with
//! `TRYBUILD=overwrite cargo test -p privflow-macros --test ui`
//! and read every changed `.stderr` before committing it.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/*.rs");
    t.compile_fail("tests/ui/fail/*.rs");
}
