//! Helpers shared by the integration tests that read fixture crates (each test file that uses
//! them declares `mod common;`, so not every helper is used by every file).
#![allow(dead_code)]

pub mod markers;
pub mod spec;
