//! A crate whose `[package.metadata.privflow]` sets `region` to an array.

pub mod ok;
