//! `cargo metadata --no-deps` → the selected packages' crates and settings.

use super::config::{self, RawConfig, TableSource};
use super::did_you_mean::close_matches;
use super::{relative_path, Target, TargetKind, Workspace};
use crate::driver::CheckOptions;
use crate::model::{Problem, ProblemKind, Severity};
use cargo_metadata::{Metadata, MetadataCommand, Package, TargetKind as CargoKind};
use std::path::{Path, PathBuf};

/// Loads the workspace `opts` names. A problem that leaves nothing to analyse (no manifest,
/// `cargo metadata` failing, an unknown `-p`) is the `Err`; config problems are in
/// [`Workspace::problems`] and leave the rest of the workspace to analyse.
pub fn load(opts: &CheckOptions) -> Result<Workspace, Problem> {
    let manifest = manifest_path(opts.manifest_path.as_deref())?;
    let metadata = run_cargo_metadata(manifest.as_deref(), &opts.cargo_flags)?;
    let root = metadata.workspace_root.clone().into_std_path_buf();

    let members = members(&metadata);
    let invoked = manifest.clone().or_else(nearest_manifest);
    let (selected, mut problems) = select(&members, &metadata, opts, invoked.as_deref())?;
    problems.extend(super::features::unknown(&selected, opts));

    let root_manifest = root.join("Cargo.toml");
    let root_text = std::fs::read_to_string(&root_manifest).ok();
    let mut ws_raw = config::parse(
        metadata.workspace_metadata.get("privflow"),
        &TableSource {
            manifest: "Cargo.toml",
            table: "workspace.metadata.privflow",
            text: root_text.as_deref(),
        },
        &mut problems,
    );
    anchor_rule_files(&mut ws_raw, &root);

    let mut targets = Vec::new();
    let unified = super::features::enabled_unified(&selected, opts);
    for (package, features) in selected.iter().zip(unified) {
        let manifest_path = package.manifest_path.clone().into_std_path_buf();
        let manifest_rel = relative_path(&root, &manifest_path);
        let text = if manifest_path == root_manifest {
            root_text.clone()
        } else {
            std::fs::read_to_string(&manifest_path).ok()
        };
        let mut pkg_raw = config::parse(
            package.metadata.get("privflow"),
            &TableSource {
                manifest: &manifest_rel,
                table: "package.metadata.privflow",
                text: text.as_deref(),
            },
            &mut problems,
        );
        if let Some(dir) = manifest_path.parent() {
            anchor_rule_files(&mut pkg_raw, dir);
        }
        targets.extend(targets_of(package, &pkg_raw, &ws_raw, &features));
    }

    Ok(Workspace {
        root,
        config: RawConfig::default().over(&ws_raw),
        targets,
        problems,
    })
}

/// A pack file a table's `rules` names (`"rules/ours.toml"`) is relative to the directory of the
/// manifest that holds the table: the package's for `[package.metadata.privflow]`, the workspace
/// root for `[workspace.metadata.privflow]`. Pack ids (`baseline`) are left as they are.
fn anchor_rule_files(raw: &mut RawConfig, dir: &Path) {
    for rule in raw.rules.iter_mut().flatten() {
        let is_file = rule.ends_with(".toml") || rule.contains('/') || rule.contains('\\');
        if is_file && Path::new(rule.as_str()).is_relative() {
            *rule = dir.join(rule.as_str()).to_string_lossy().into_owned();
        }
    }
}

fn manifest_problem(file: Option<String>, message: String) -> Problem {
    Problem {
        kind: ProblemKind::Manifest,
        severity: Severity::Error,
        file,
        line: None,
        column: None,
        message,
    }
}

/// `--manifest-path`, checked: it must exist; a directory holding a `Cargo.toml` is accepted.
fn manifest_path(given: Option<&Path>) -> Result<Option<PathBuf>, Problem> {
    let Some(path) = given else { return Ok(None) };
    let shown = path.display().to_string();
    if path.is_dir() {
        let inside = path.join("Cargo.toml");
        return if inside.is_file() {
            Ok(Some(inside))
        } else {
            Err(manifest_problem(
                Some(shown.clone()),
                format!("manifest path `{shown}` is a directory without a Cargo.toml"),
            ))
        };
    }
    if !path.exists() {
        return Err(manifest_problem(
            Some(shown.clone()),
            format!("manifest `{shown}` does not exist"),
        ));
    }
    Ok(Some(path.to_path_buf()))
}

/// Runs `cargo metadata --no-deps` with the cargo that runs privflow (`$CARGO`, which cargo sets
/// for its subcommands; else `cargo` on PATH) and the user's `--locked`/`--offline`/`--frozen`.
/// privflow compiles nothing, so a `rust-toolchain.toml` pinning a toolchain that is not
/// installed must not stop it: when rustup refuses for that reason, `cargo metadata` runs again
/// from outside the workspace (rustup's default toolchain) with the manifest named; if that fails
/// too, the problem is one line naming the pin file.
fn run_cargo_metadata(
    manifest: Option<&Path>,
    cargo_flags: &[String],
) -> Result<Metadata, Problem> {
    let command = |cwd: Option<&Path>, manifest: Option<&Path>| {
        let mut cmd = MetadataCommand::new();
        cmd.no_deps();
        if let Some(cargo) = std::env::var_os("CARGO").filter(|c| !c.is_empty()) {
            cmd.cargo_path(cargo);
        }
        if let Some(m) = manifest {
            cmd.manifest_path(m);
        }
        if let Some(dir) = cwd {
            cmd.current_dir(dir);
        }
        // rustup and cargo print a backtrace with RUST_BACKTRACE set: not for privflow's users.
        cmd.env("RUST_BACKTRACE", "0");
        cmd.other_options(cargo_flags.to_vec());
        cmd
    };
    let file = manifest.map(|m| m.display().to_string());
    let first = command(None, manifest).exec();
    let err = match first {
        Ok(m) => return Ok(m),
        Err(e) => e,
    };
    if let cargo_metadata::Error::CargoMetadata { stderr } = &err {
        if let Some(pin) = toolchain_pin(stderr) {
            // The pin is read from the current directory: ask from outside it, naming the
            // manifest (absolute, since the directory changes).
            let named = manifest
                .map(Path::to_path_buf)
                .or_else(nearest_manifest)
                .and_then(|m| std::path::absolute(m).ok());
            if let Some(m) = named {
                let outside = std::env::temp_dir();
                if let Ok(metadata) = command(Some(&outside), Some(&m)).exec() {
                    return Ok(metadata);
                }
            }
            return Err(manifest_problem(
                file.clone(),
                format!(
                    "`cargo metadata` failed: {pin} pins a Rust toolchain that is not installed \
                     (privflow compiles nothing and needs only cargo: install the toolchain, or run \
                     with RUSTUP_TOOLCHAIN=stable)"
                ),
            ));
        }
    }
    Err(manifest_problem(file, metadata_error(err)))
}

fn metadata_error(e: cargo_metadata::Error) -> String {
    match e {
        cargo_metadata::Error::CargoMetadata { stderr } => {
            format!("`cargo metadata` failed: {}", useful_lines(&stderr))
        }
        cargo_metadata::Error::Io(io) => {
            format!("could not run `cargo metadata` (is cargo installed and on PATH?): {io}")
        }
        other => format!("could not read the output of `cargo metadata`: {other}"),
    }
}

/// The toolchain file rustup names when it refuses to run because the toolchain that file pins
/// is not installed (`... specified in override file '/x/rust-toolchain.toml' is not installed`).
fn toolchain_pin(stderr: &str) -> Option<String> {
    let line = stderr
        .lines()
        .find(|l| l.contains("toolchain") && l.contains("is not installed"))?;
    let file = line
        .split_once("override file '")
        .and_then(|(_, rest)| rest.split_once('\''))
        .map(|(f, _)| f.to_string());
    Some(match file {
        Some(f) => format!("`{f}`"),
        None => "the workspace's `rust-toolchain.toml` (or `rust-toolchain`)".to_string(),
    })
}

/// The lines of cargo's stderr that say what went wrong: from the first `error` line on, at most
/// six, without cargo's `error: ` prefix on the first.
fn useful_lines(stderr: &str) -> String {
    let lines: Vec<&str> = stderr
        .lines()
        .take_while(|l| !l.trim_start().starts_with("Stack backtrace"))
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("error"))
        .unwrap_or(0);
    let picked: Vec<&str> = lines.iter().skip(start).take(6).copied().collect();
    if picked.is_empty() {
        return "no error message".to_string();
    }
    let first = picked[0].strip_prefix("error: ").unwrap_or(picked[0]);
    std::iter::once(first)
        .chain(picked[1..].iter().copied())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The workspace's members, sorted by name.
fn members(metadata: &Metadata) -> Vec<&Package> {
    let mut members: Vec<&Package> = metadata
        .packages
        .iter()
        .filter(|p| metadata.workspace_members.contains(&p.id))
        .collect();
    members.sort_by(|a, b| {
        a.name
            .cmp(&b.name)
            .then(a.manifest_path.cmp(&b.manifest_path))
    });
    members
}

/// The `Cargo.toml` cargo would use from the current directory: the nearest one upwards.
fn nearest_manifest() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    cwd.ancestors()
        .map(|d| d.join("Cargo.toml"))
        .find(|m| m.is_file())
}

fn same_path(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The packages `-p`, `--workspace` and `--exclude` select. Without them, as cargo does: the
/// package of the manifest privflow was pointed at (`--manifest-path`, or the nearest
/// `Cargo.toml`) when that is a member's, else the workspace's default members.
fn select<'a>(
    members: &[&'a Package],
    metadata: &Metadata,
    opts: &CheckOptions,
    invoked: Option<&Path>,
) -> Result<(Vec<&'a Package>, Vec<Problem>), Problem> {
    let root_manifest = metadata
        .workspace_root
        .join("Cargo.toml")
        .into_std_path_buf();
    let invoked_member: Option<&'a Package> = invoked
        .filter(|m| !same_path(m, &root_manifest))
        .and_then(|m| {
            members
                .iter()
                .copied()
                .find(|p| same_path(p.manifest_path.as_std_path(), m))
        });
    let mut problems = Vec::new();
    let names: Vec<&str> = members.iter().map(|p| p.name.as_str()).collect();
    let mut selected: Vec<&'a Package> = if !opts.packages.is_empty() {
        let unknown: Vec<&String> = opts
            .packages
            .iter()
            .filter(|p| !names.contains(&p.as_str()))
            .collect();
        if !unknown.is_empty() {
            return Err(unknown_packages(&unknown, &names));
        }
        members
            .iter()
            .copied()
            .filter(|p| opts.packages.contains(&p.name))
            .collect()
    } else if let Some(p) = invoked_member.filter(|_| !opts.workspace) {
        vec![p]
    } else if opts.workspace || !metadata.workspace_default_members.is_available() {
        members.to_vec()
    } else {
        let defaults: &[cargo_metadata::PackageId] = &metadata.workspace_default_members;
        let picked: Vec<&'a Package> = members
            .iter()
            .copied()
            .filter(|p| defaults.contains(&p.id))
            .collect();
        if picked.is_empty() {
            members.to_vec()
        } else {
            picked
        }
    };
    for name in &opts.exclude {
        if !names.contains(&name.as_str()) {
            problems.push(Problem {
                kind: ProblemKind::Manifest,
                severity: Severity::Warning,
                file: None,
                line: None,
                column: None,
                message: format!("`--exclude {name}` matches no package of the workspace"),
            });
        }
    }
    selected.retain(|p| !opts.exclude.contains(&p.name));
    Ok((selected, problems))
}

fn unknown_packages(unknown: &[&String], names: &[&str]) -> Problem {
    let quoted = |v: &[&str]| {
        v.iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let wanted: Vec<&str> = unknown.iter().map(|s| s.as_str()).collect();
    let mut message = if wanted.len() == 1 {
        format!(
            "package {} is not a member of the workspace",
            quoted(&wanted)
        )
    } else {
        format!(
            "packages {} are not members of the workspace",
            quoted(&wanted)
        )
    };
    let hints: Vec<&str> = wanted
        .iter()
        .filter_map(|w| close_matches(w, names.iter().copied()).into_iter().next())
        .collect();
    if !hints.is_empty() {
        message.push_str(&format!(" (did you mean {}?)", quoted(&hints)));
    }
    message.push_str(&format!("; its packages are: {}", quoted(names)));
    // About the command line, not a place in a file.
    manifest_problem(None, message)
}

/// A package's analysed crates: its library (or proc-macro) first, then its binaries by name.
fn targets_of(
    package: &Package,
    pkg_raw: &RawConfig,
    ws_raw: &RawConfig,
    features: &std::collections::BTreeSet<String>,
) -> Vec<Target> {
    let package_root = package
        .manifest_path
        .parent()
        .map(|p| p.to_path_buf().into_std_path_buf())
        .unwrap_or_default();
    let config = pkg_raw.over(ws_raw);
    let extern_crates: Vec<(String, String)> = package
        .dependencies
        .iter()
        .map(|d| {
            let krate = d.name.replace('-', "_");
            let alias = d
                .rename
                .as_deref()
                .map(|r| r.replace('-', "_"))
                .unwrap_or_else(|| krate.clone());
            (alias, krate)
        })
        .collect();
    let mut out: Vec<Target> = package
        .targets
        .iter()
        .filter_map(|t| {
            let kind = target_kind(&t.kind)?;
            Some(Target {
                package: package.name.to_string(),
                package_root: package_root.clone(),
                crate_name: t.name.replace('-', "_"),
                kind,
                root_file: t.src_path.clone().into_std_path_buf(),
                config: config.clone(),
                extern_crates: extern_crates.clone(),
                features: features.clone(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.kind.cmp(&b.kind).then(a.crate_name.cmp(&b.crate_name)));
    out
}

/// Libraries of every crate type and proc-macros and binaries are analysed; tests, benches,
/// examples and build scripts are not.
fn target_kind(kinds: &[CargoKind]) -> Option<TargetKind> {
    let mut found = None;
    for k in kinds {
        let this = match k {
            CargoKind::Lib
            | CargoKind::RLib
            | CargoKind::DyLib
            | CargoKind::CDyLib
            | CargoKind::StaticLib => TargetKind::Lib,
            CargoKind::ProcMacro => TargetKind::ProcMacro,
            CargoKind::Bin => TargetKind::Bin,
            _ => continue,
        };
        found = Some(found.map_or(this, |f: TargetKind| f.min(this)));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_error_lines_of_cargo() {
        let stderr = "warning: something\nerror: failed to parse manifest at `/x/Cargo.toml`\n\nCaused by:\n  bad\n";
        assert_eq!(
            useful_lines(stderr),
            "failed to parse manifest at `/x/Cargo.toml`\nCaused by:\n  bad"
        );
    }

    #[test]
    fn a_missing_manifest_is_named() {
        let err = manifest_path(Some(Path::new("/nonexistent/Cargo.toml")));
        let p = err.err();
        assert_eq!(
            p.map(|p| p.message),
            Some("manifest `/nonexistent/Cargo.toml` does not exist".to_string())
        );
    }

    #[test]
    fn target_kinds() {
        assert_eq!(
            target_kind(&[CargoKind::CDyLib, CargoKind::RLib]),
            Some(TargetKind::Lib)
        );
        assert_eq!(target_kind(&[CargoKind::Bin]), Some(TargetKind::Bin));
        assert_eq!(
            target_kind(&[CargoKind::ProcMacro]),
            Some(TargetKind::ProcMacro)
        );
        assert_eq!(target_kind(&[CargoKind::Example]), None);
        assert_eq!(target_kind(&[CargoKind::CustomBuild]), None);
    }
}
