//! A crate without problems of its own: the test names a rule pack that does not exist.

pub mod ok;
