//! Not valid Rust: a `let` without a pattern.

pub fn visit(id: u64) {
    let = id;
}
