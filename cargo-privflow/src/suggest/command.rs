//! The `suggest` subcommand's arguments and its run: options in, output and exit code out.

use super::{apply, output, parse_confidence, Kind, SuggestOptions};
use crate::cli::GlobalArgs;
use crate::report::Escaping;
use std::io::Write;

/// `cargo privflow suggest` options.
#[derive(Debug, clap::Args)]
pub struct SuggestArgs {
    /// Leave out suggestions below this confidence: a number from 0 to 1, or low (0.3), medium
    /// (0.5), high (0.8)
    #[arg(long, value_name = "C", value_parser = parse_confidence, default_value = "medium")]
    pub min_confidence: f64,
    /// Only these kinds of suggestions (repeatable or comma-separated)
    #[arg(long, value_enum, value_name = "KIND", value_delimiter = ',')]
    pub only: Vec<OnlyArg>,
    /// Output format: human (grouped by file) or json (one JSON object per line)
    #[arg(long, value_enum, value_name = "FMT", default_value_t = SuggestFormat::Human)]
    pub format: SuggestFormat,
    /// Write the suggested attributes into the source (and the privflow dependency into
    /// Cargo.toml when missing); config entries are only printed
    #[arg(long)]
    pub apply: bool,
    /// Also show what `cargo privflow` would find with the suggestions applied (on a temporary
    /// copy of the workspace): findings per rule, now and then
    #[arg(long)]
    pub preview: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OnlyArg {
    Data,
    Sinks,
    Sanitizers,
    Consents,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SuggestFormat {
    Human,
    Json,
}

/// Runs `suggest`: 0 when it ran (suggestions are not violations), 2 when input could not be
/// read or parsed, or an edit could not be written.
pub fn run(
    g: &GlobalArgs,
    args: &SuggestArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let only = args
        .only
        .iter()
        .map(|o| match o {
            OnlyArg::Data => Kind::Data,
            OnlyArg::Sinks => Kind::Sinks,
            OnlyArg::Sanitizers => Kind::Sanitizers,
            OnlyArg::Consents => Kind::Consents,
        })
        .collect();
    let opts = SuggestOptions {
        check: crate::cli::check_options(g),
        min_confidence: args.min_confidence,
        only,
    };
    let outcome = super::run(&opts);
    let mut code = 0;
    for p in &outcome.problems {
        let at = match (&p.file, p.line) {
            (Some(f), Some(l)) => format!("{f}:{l}: "),
            (Some(f), None) => format!("{f}: "),
            _ => String::new(),
        };
        let level = match p.severity {
            crate::model::Severity::Error => {
                code = 2;
                "error"
            }
            _ => "warning",
        };
        let _ = writeln!(Escaping(&mut *stderr), "{level}: {at}{}", p.message);
    }
    // Before `--apply`: the preview compares the code as it is with the suggestions applied.
    let preview = if args.preview && outcome.complete() {
        match super::preview::preview(&outcome, &opts) {
            Ok(counts) => Some(counts),
            Err(e) => {
                let _ = writeln!(Escaping(&mut *stderr), "error: --preview: {e}");
                code = 2;
                None
            }
        }
    } else {
        None
    };
    let applied = if args.apply {
        let a = apply::apply(&outcome);
        for p in &a.problems {
            let _ = writeln!(Escaping(&mut *stderr), "error: {p}");
            code = 2;
        }
        Some(a)
    } else {
        None
    };
    match args.format {
        SuggestFormat::Human => output::human(&outcome, applied.as_ref(), stdout),
        SuggestFormat::Json => output::json(&outcome, stdout),
    }
    if let Some(counts) = &preview {
        match args.format {
            SuggestFormat::Human => output::preview_human(counts, stdout),
            SuggestFormat::Json => output::preview_json(counts, stdout),
        }
    }
    code
}
