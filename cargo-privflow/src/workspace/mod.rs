//! The workspace to analyse: which crates (targets) and with which settings.
//!
//! [`load`] asks `cargo metadata --no-deps` (which compiles nothing and runs no build script) for
//! the packages, selects them as `-p/--workspace/--exclude` say, and reads each package's
//! `[package.metadata.privflow]` over the workspace's `[workspace.metadata.privflow]`.

pub(crate) mod config;
pub mod did_you_mean;
mod features;
mod load;

pub use config::SINK_KINDS;
pub use config::{
    ConfigPlace, LibraryCheck, LibraryConsent, LibraryItems, LibrarySanitizer, LibrarySource,
    LibraryTag, LibraryType,
};
pub use load::load;

use crate::model::{PackageConfig, Problem};
use std::path::{Component, Path, PathBuf};

/// The loaded workspace.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    /// The workspace root (the directory of the root `Cargo.toml`); every file name in findings
    /// and problems is relative to it.
    pub root: PathBuf,
    /// `[workspace.metadata.privflow]` alone.
    pub config: PackageConfig,
    /// The crates to analyse, in a stable order (package name, then lib before bins).
    pub targets: Vec<Target>,
    /// Problems that do not stop the analysis: malformed config (errors: the run is incomplete),
    /// `--exclude` names that match nothing (warnings).
    pub problems: Vec<Problem>,
}

/// One crate of a selected package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The package's name, as in its `Cargo.toml`.
    pub package: String,
    /// The directory of the package's `Cargo.toml`.
    pub package_root: PathBuf,
    /// The crate's name as used in paths (`my-app` → `my_app`).
    pub crate_name: String,
    pub kind: TargetKind,
    /// `src/lib.rs`, `src/main.rs`, ... (absolute).
    pub root_file: PathBuf,
    /// The package's settings over the workspace's: a key the package sets wins.
    pub config: PackageConfig,
    /// Names the crate's code uses for its dependencies, and the crate each stands for
    /// (`shared` → `my_shared` for `shared = { package = "my-shared" }`).
    pub extern_crates: Vec<(String, String)>,
    /// The package's enabled cargo features (defaults, `--features`, `--all-features`, and the
    /// features they enable in turn), which decide `#[cfg(feature = "..")]`.
    pub features: std::collections::BTreeSet<String>,
}

/// The kinds of crates that are analysed (tests, benches, examples and build scripts are not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TargetKind {
    Lib,
    ProcMacro,
    Bin,
}

/// `path` relative to `root`, with `/` separators; `path` itself (also with `/`) when it is not
/// under `root`.
pub fn relative_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            Component::ParentDir => Some("..".to_string()),
            Component::CurDir | Component::RootDir | Component::Prefix(_) => None,
        })
        .collect();
    let joined = parts.join("/");
    if rel.has_root() {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Whether `path` lies inside `root` once every symlink is resolved (both must exist; when either
/// cannot be resolved, it is not). privflow shows the content of, and writes to, files inside the
/// workspace only: a committed symlink or a config naming `/proc/self/environ` must not make it
/// print or overwrite what lies outside.
pub fn inside(root: &Path, path: &Path) -> bool {
    match (root.canonicalize(), path.canonicalize()) {
        (Ok(root), Ok(path)) => path.starts_with(root),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::relative_path;
    use std::path::Path;

    #[test]
    fn relative_paths_use_slashes() {
        assert_eq!(
            relative_path(Path::new("/w"), Path::new("/w/a/Cargo.toml")),
            "a/Cargo.toml"
        );
        assert_eq!(
            relative_path(Path::new("/w"), Path::new("/x/Cargo.toml")),
            "/x/Cargo.toml"
        );
        assert_eq!(
            relative_path(Path::new("/w"), Path::new("/w/Cargo.toml")),
            "Cargo.toml"
        );
    }
}
