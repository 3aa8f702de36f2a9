//! The command line (SPEC §3): arguments, dispatch to `check` / `rules` / `explain`, output, and
//! the exit code. [`run`] does it all in-process, writing to the given streams, so tests can
//! drive it; `main` only passes it the process's arguments and streams.

use crate::baseline::{self, Baseline};
use crate::driver::{check, BaselineChoice, CheckOptions};
use crate::map::render::{render as render_map, MapFormat};
use crate::model::{PackInfo, Problem, ProblemKind, Report, Severity};
use crate::report::{cargo_json, catalog as show_rules, human, json, sarif, Escaping};
use crate::rules::catalog;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

const ABOUT: &str =
    "Checks the flows of personal and health data in a Rust workspace against a privacy statement.
It reads the code without compiling it and reports every flow that breaks a rule.";

// Each example is its command line, then what it does on the next line: every line fits 80
// columns, so a terminal never wraps one mid-sentence.
const AFTER_HELP: &str = "\
Examples:
  cargo privflow
      check the workspace with its configured packs
  cargo privflow --rules cgm-videosprechstunde
      check against one statement's pack
  cargo privflow --message-format sarif > privflow.sarif
      write a SARIF log for GitHub code scanning
  cargo privflow --message-format cargo-json
      cargo's JSON messages, for rust-analyzer's check.overrideCommand
  cargo privflow init --rules baseline,visus
      add the macros dependency and the config section to Cargo.toml
  cargo privflow rules
      list the packs and their rules
  cargo privflow explain baseline/phi-to-log
      show one rule with its quote and an example
  cargo privflow baseline
      accept today's findings (privflow-baseline.json): later runs report
      only new ones
  cargo privflow map --format dot | dot -Tsvg > map.svg
      draw the data map: what personal data goes where
  cargo privflow --features compliant
      analyse the code as `cargo build --features compliant` compiles it

Configuration: [workspace.metadata.privflow] or [package.metadata.privflow] in
  Cargo.toml (keys: rules, region, sinks, skip). A privflow-baseline.json at the
  workspace root is read when present (--baseline PATH, --no-baseline).

Exit status:
  0  no error-severity finding
  1  error-severity findings (or any finding with --deny-warnings)
  2  the analysis could not be done or is incomplete (bad config or rule file,
     a file that cannot be read or parsed, unknown rule or option)";

// `cargo privflow`: the help text is ABOUT and AFTER_HELP, not doc comments. Each subcommand
// takes only its own options (so its `--help` lists only those); the options of the default
// command are also accepted before a subcommand's name, and are moved after it before parsing.
// A new subcommand is one `Command` variant (its options: the groups below it takes, plus its
// own) and one arm in `run`'s dispatch.
#[derive(Debug, Parser)]
#[command(
    name = "cargo-privflow",
    bin_name = "cargo privflow",
    version,
    about = ABOUT,
    long_about = None,
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = false,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// The options of the default command (`check`), when no subcommand is named.
    #[command(flatten)]
    pub check: CheckArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What a command's options say, resolved: what every command reads (a command's own options,
/// such as `map --format`, stay in its variant). Options a command does not take keep their
/// defaults.
#[derive(Debug, Default)]
pub struct GlobalArgs {
    pub manifest_path: Option<PathBuf>,
    pub package: Vec<String>,
    pub workspace: bool,
    pub exclude: Vec<String>,
    pub rules: Vec<String>,
    pub message_format: MessageFormat,
    pub color: Option<ColorChoice>,
    pub style: Style,
    pub quiet: bool,
    pub verbose: u8,
    pub deny_warnings: bool,
    pub features: Vec<String>,
    pub all_features: bool,
    pub no_default_features: bool,
    pub baseline: Option<PathBuf>,
    pub no_baseline: bool,
    pub sarif_root: Option<PathBuf>,
    pub locked: bool,
    pub offline: bool,
    pub frozen: bool,
}

/// A group of options: writes what it holds into the resolved options.
trait Apply {
    fn apply(&self, g: &mut GlobalArgs);
}

/// Which packages to analyse.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Package selection")]
pub struct SelectArgs {
    /// Path to Cargo.toml [default: the one found from the current directory up]
    #[arg(long, value_name = "PATH")]
    pub manifest_path: Option<PathBuf>,
    /// Package to check (repeatable) [default: the workspace's default members]
    #[arg(short = 'p', long = "package", value_name = "SPEC")]
    pub package: Vec<String>,
    /// Check every member of the workspace
    #[arg(long)]
    pub workspace: bool,
    /// Package to leave out (repeatable)
    #[arg(long, value_name = "SPEC")]
    pub exclude: Vec<String>,
}

impl Apply for SelectArgs {
    fn apply(&self, g: &mut GlobalArgs) {
        g.manifest_path.clone_from(&self.manifest_path);
        g.package.extend(self.package.iter().cloned());
        g.workspace |= self.workspace;
        g.exclude.extend(self.exclude.iter().cloned());
    }
}

/// Which `#[cfg(feature = "..")]` code is analysed, and what is passed on to `cargo metadata`.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Feature selection")]
pub struct FeatureArgs {
    /// Cargo features to analyse the code with (comma- or space-separated; repeatable;
    /// `package/feature` for one package). Decides `#[cfg(feature = "..")]` code, as cargo does
    #[arg(short = 'F', long, value_name = "FEATURES")]
    pub features: Vec<String>,
    /// Analyse with every feature of the selected packages enabled
    #[arg(long)]
    pub all_features: bool,
    /// Do not enable the `default` feature
    #[arg(long)]
    pub no_default_features: bool,
}

impl Apply for FeatureArgs {
    fn apply(&self, g: &mut GlobalArgs) {
        g.features.extend(self.features.iter().cloned());
        g.all_features |= self.all_features;
        g.no_default_features |= self.no_default_features;
    }
}

/// cargo's own flags: passed on to `cargo metadata`, or accepted for the tools that pass
/// `cargo check`'s arguments (rust-analyzer's check command).
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Cargo options")]
pub struct CargoArgs {
    /// Passed on to `cargo metadata`: Cargo.lock must be up to date
    #[arg(long)]
    pub locked: bool,
    /// Passed on to `cargo metadata`: no network access
    #[arg(long)]
    pub offline: bool,
    /// Passed on to `cargo metadata`: --locked and --offline
    #[arg(long)]
    pub frozen: bool,
    /// Accepted, as `cargo check` takes it: privflow always reads every target (lib, bins,
    /// examples; not `#[cfg(test)]` code)
    #[arg(long)]
    pub all_targets: bool,
    /// Accepted, as `cargo check` takes it: privflow always goes on after a problem
    #[arg(long)]
    pub keep_going: bool,
    /// Accepted and unused: privflow compiles nothing, so it writes no build output
    #[arg(long, value_name = "DIR")]
    pub target_dir: Option<PathBuf>,
}

impl Apply for CargoArgs {
    fn apply(&self, g: &mut GlobalArgs) {
        g.locked |= self.locked;
        g.offline |= self.offline;
        g.frozen |= self.frozen;
    }
}

/// Which rule packs.
#[derive(Debug, Clone, Default, Args)]
pub struct RulesArg {
    /// Rule pack to run, by id or path to a pack file (repeatable; overrides the config's `rules`)
    #[arg(long = "rules", value_name = "ID_OR_PATH")]
    pub rules: Vec<String>,
}

impl Apply for RulesArg {
    fn apply(&self, g: &mut GlobalArgs) {
        g.rules.extend(self.rules.iter().cloned());
    }
}

/// `--message-format`.
#[derive(Debug, Clone, Default, Args)]
pub struct FormatArg {
    /// Output format [default: human]. Repeatable or comma-separated as cargo takes it: with
    /// `cargo-json`, cargo's other values are ignored; `short` means human
    #[arg(long, value_enum, value_name = "FMT", value_delimiter = ',')]
    pub message_format: Vec<MessageFormat>,
}

impl Apply for FormatArg {
    fn apply(&self, g: &mut GlobalArgs) {
        if let Some(format) = resolve_format(&self.message_format) {
            g.message_format = format;
        }
    }
}

/// The format several `--message-format` values mean: `cargo-json` when one of them is (cargo's
/// `json-diagnostic-*` values modify it, as in cargo: `--message-format cargo-json,json`), else
/// the last one; `None` when none is given.
fn resolve_format(values: &[MessageFormat]) -> Option<MessageFormat> {
    if values.contains(&MessageFormat::CargoJson) {
        Some(MessageFormat::CargoJson)
    } else {
        values.last().copied()
    }
}

/// How human output looks.
#[derive(Debug, Clone, Default, Args)]
pub struct DisplayArgs {
    /// Colours (auto: when writing to a terminal and NO_COLOR is not set) [default:
    /// CARGO_TERM_COLOR, else auto]
    #[arg(long, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,
    /// How human diagnostics are laid out (auto: graphical on a terminal, narrated otherwise)
    #[arg(long, value_enum, value_name = "STYLE")]
    pub style: Option<Style>,
    /// Print only findings and problems (no summary line)
    #[arg(short, long)]
    pub quiet: bool,
    /// Say more (repeatable)
    #[arg(short, long, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

impl Apply for DisplayArgs {
    fn apply(&self, g: &mut GlobalArgs) {
        if self.color.is_some() {
            g.color = self.color;
        }
        if let Some(style) = self.style {
            g.style = style;
        }
        g.quiet |= self.quiet;
        g.verbose = g.verbose.saturating_add(self.verbose);
    }
}

/// Which baseline file.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Baseline")]
pub struct BaselineArgs {
    /// Baseline file: its findings are not reported [default: privflow-baseline.json at the
    /// workspace root, when it exists]. With `baseline`: the file to write
    #[arg(long, value_name = "PATH")]
    pub baseline: Option<PathBuf>,
    /// Report every finding, ignoring the baseline file
    #[arg(long, conflicts_with = "baseline")]
    pub no_baseline: bool,
}

impl Apply for BaselineArgs {
    fn apply(&self, g: &mut GlobalArgs) {
        g.baseline.clone_from(&self.baseline);
        g.no_baseline |= self.no_baseline;
    }
}

/// The options of `check` (the default command).
#[derive(Debug, Clone, Default, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub rules: RulesArg,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub display: DisplayArgs,
    /// Exit with 1 on warning findings too
    #[arg(long)]
    pub deny_warnings: bool,
    /// With `--message-format sarif`: the directory SARIF paths are relative to [default: the
    /// git top level (the nearest directory up holding `.git`), else the workspace root]
    #[arg(long, value_name = "DIR")]
    pub sarif_root: Option<PathBuf>,
    #[command(flatten)]
    pub select: SelectArgs,
    #[command(flatten)]
    pub features: FeatureArgs,
    #[command(flatten)]
    pub cargo: CargoArgs,
    #[command(flatten)]
    pub baseline: BaselineArgs,
}

impl Apply for CheckArgs {
    fn apply(&self, g: &mut GlobalArgs) {
        let groups: [&dyn Apply; 7] = [
            &self.rules,
            &self.format,
            &self.display,
            &self.select,
            &self.features,
            &self.cargo,
            &self.baseline,
        ];
        groups.iter().for_each(|a| a.apply(g));
        g.deny_warnings |= self.deny_warnings;
        g.sarif_root.clone_from(&self.sarif_root);
    }
}

/// The options of the commands that analyse the workspace without judging it (`baseline`,
/// `map`): what to analyse and with which packs.
#[derive(Debug, Clone, Default, Args)]
pub struct AnalysisArgs {
    #[command(flatten)]
    pub rules: RulesArg,
    #[command(flatten)]
    pub display: DisplayArgs,
    #[command(flatten)]
    pub select: SelectArgs,
    #[command(flatten)]
    pub features: FeatureArgs,
    #[command(flatten)]
    pub cargo: CargoArgs,
}

impl Apply for AnalysisArgs {
    fn apply(&self, g: &mut GlobalArgs) {
        let groups: [&dyn Apply; 5] = [
            &self.rules,
            &self.display,
            &self.select,
            &self.features,
            &self.cargo,
        ];
        groups.iter().for_each(|a| a.apply(g));
    }
}

/// The options of the commands that only read the packs (`rules`, `explain`).
#[derive(Debug, Clone, Default, Args)]
pub struct PackArgs {
    #[command(flatten)]
    pub rules: RulesArg,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub display: DisplayArgs,
}

impl Apply for PackArgs {
    fn apply(&self, g: &mut GlobalArgs) {
        self.rules.apply(g);
        self.format.apply(g);
        self.display.apply(g);
    }
}

impl GlobalArgs {
    /// The resolved options of one group (or command) of options.
    fn from(args: &dyn Apply) -> GlobalArgs {
        let mut g = GlobalArgs::default();
        args.apply(&mut g);
        g
    }

    /// `--color`, else `CARGO_TERM_COLOR` (as cargo reads it), else auto.
    pub fn color(&self) -> ColorChoice {
        self.color
            .or_else(|| color_from_env(std::env::var("CARGO_TERM_COLOR").ok().as_deref()))
            .unwrap_or(ColorChoice::Auto)
    }

    /// The cargo flags privflow passes on to `cargo metadata`.
    fn cargo_flags(&self) -> Vec<String> {
        [
            (self.locked, "--locked"),
            (self.offline, "--offline"),
            (self.frozen, "--frozen"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, flag)| flag.to_string())
        .collect()
    }
}

/// `CARGO_TERM_COLOR`'s value as a colour choice (cargo's values: auto, always, never).
fn color_from_env(value: Option<&str>) -> Option<ColorChoice> {
    match value?.trim().to_ascii_lowercase().as_str() {
        "always" => Some(ColorChoice::Always),
        "never" => Some(ColorChoice::Never),
        "auto" => Some(ColorChoice::Auto),
        _ => None,
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse the workspace (the default command)
    #[command(after_help = AFTER_HELP)]
    Check(CheckArgs),
    /// Set a package up: add the privflow-macros dependency (as `privflow`) and a
    /// `[package.metadata.privflow]` section with the packs of --rules (default: baseline).
    /// Changes nothing already there
    #[command(after_help = INIT_AFTER_HELP)]
    Init {
        /// Path to the Cargo.toml to edit [default: the one found from the current directory up]
        #[arg(long, value_name = "PATH")]
        manifest_path: Option<PathBuf>,
        #[command(flatten)]
        rules: RulesArg,
        #[command(flatten)]
        display: DisplayArgs,
    },
    /// List the rule packs and their rules
    Rules(PackArgs),
    /// List the built-in catalogue of library sinks (catalogue/*.toml)
    Catalogue {
        /// Output format: `json` for one JSON object per entry [default: human]
        #[arg(long, value_enum, value_name = "FMT", value_delimiter = ',')]
        message_format: Vec<MessageFormat>,
        #[command(flatten)]
        display: DisplayArgs,
    },
    /// Show one rule: its quote, what it reports, how to fix it, an example
    Explain {
        /// Rule id, `pack/rule` (e.g. baseline/phi-to-log)
        rule: String,
        #[command(flatten)]
        options: PackArgs,
    },
    /// Accept the current findings: write them to the baseline file (privflow-baseline.json at
    /// the workspace root, or --baseline PATH), so later runs report only new ones
    #[command(after_help = BASELINE_AFTER_HELP)]
    Baseline {
        #[command(flatten)]
        format: FormatArg,
        #[command(flatten)]
        analysis: AnalysisArgs,
        #[command(flatten)]
        baseline: BaselineArgs,
    },
    /// Generate the data map: every tagged data item, every sink it reaches (kind, region,
    /// recipient, purpose, encryption, retention, consent), the recipients, and the drift
    /// against the packs' statements
    #[command(after_help = MAP_AFTER_HELP)]
    Map {
        /// Output format
        #[arg(long, value_enum, value_name = "FMT", default_value_t = MapFormatArg::Markdown)]
        format: MapFormatArg,
        /// Write the map to FILE instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        analysis: AnalysisArgs,
    },
    /// Propose annotations for unannotated code (data fields, sanitizers, consent checks), each
    /// with a reason and a confidence; --apply writes them into the source
    Suggest {
        #[command(flatten)]
        args: crate::suggest::command::SuggestArgs,
        #[command(flatten)]
        analysis: AnalysisArgs,
    },
}

const INIT_AFTER_HELP: &str = "\
Examples:
  cargo privflow init
      add the dependency and rules = [\"baseline\"] to ./Cargo.toml
  cargo privflow init --rules baseline,visus --manifest-path app/Cargo.toml
      set another package up, with two packs";

const BASELINE_AFTER_HELP: &str = "\
To adopt privflow on a codebase that already has findings:
  cargo privflow baseline
      write privflow-baseline.json (commit it)
  cargo privflow
      now fails only on findings that are not in the baseline
  cargo privflow --no-baseline
      every finding, the baselined ones too

A finding matches an entry by rule and fingerprint (rule, file, sink and data;
not the line), so editing around a baselined finding keeps it baselined. Each
run says how many baseline entries match nothing any more; run
`cargo privflow baseline` again to drop them.

Exit status:
  0  the file was written
  2  the analysis is incomplete (nothing is written: fix the problems first,
     so that the baseline records a complete run)";

const MAP_AFTER_HELP: &str = "\
Examples:
  cargo privflow map
      a Markdown report on stdout
  cargo privflow map --format dot | dot -Tsvg > map.svg
      the graph as an SVG picture
  cargo privflow map --format mermaid
      a flowchart GitHub renders in Markdown
  cargo privflow map --format fides -o privflow.yml
      a fideslang system manifest for Fides
  cargo privflow map --format json
      the map as data
  cargo privflow map --format html -o map.html
      one page: the graph, filterable tables

Exit status:
  0  the map is complete
  2  the analysis is incomplete (the map is still written, and the problems
     are printed on stderr)";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MapFormatArg {
    /// A Markdown report: inventory per data category, recipients, sinks, drift
    #[value(alias = "md")]
    Markdown,
    /// The map as one JSON document
    Json,
    /// A Graphviz graph: data → functions → sinks, clustered by recipient and country
    Dot,
    /// A Mermaid flowchart
    Mermaid,
    /// A fideslang `system` manifest (YAML)
    Fides,
    /// One self-contained HTML page: the graph drawn as SVG, the tables filterable
    Html,
}

impl From<MapFormatArg> for MapFormat {
    fn from(f: MapFormatArg) -> MapFormat {
        match f {
            MapFormatArg::Markdown => MapFormat::Markdown,
            MapFormatArg::Json => MapFormat::Json,
            MapFormatArg::Dot => MapFormat::Dot,
            MapFormatArg::Mermaid => MapFormat::Mermaid,
            MapFormatArg::Fides => MapFormat::Fides,
            MapFormatArg::Html => MapFormat::Html,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum MessageFormat {
    /// Diagnostics with source snippets (cargo's `short` means the same)
    #[default]
    #[value(alias = "short")]
    Human,
    /// JSON lines (one object per finding, problem, and a summary)
    Json,
    /// One SARIF 2.1.0 log
    Sarif,
    /// cargo's JSON messages (`compiler-message` lines, then `build-finished`), for
    /// rust-analyzer's `check.overrideCommand` and other readers of cargo's output. cargo's
    /// rustc-style values (as editors pass them) mean the same
    #[value(
        name = "cargo-json",
        alias = "json-diagnostic-rendered-ansi",
        alias = "json-diagnostic-short",
        alias = "json-render-diagnostics"
    )]
    CargoJson,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Style {
    /// Graphical on a terminal (or with --color always), narrated otherwise
    #[default]
    Auto,
    /// Source snippets with the path drawn under the code
    Graphical,
    /// Plain sentences, one fact per line: for CI logs, screen readers and grep
    Narrated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Drops the `privflow` cargo passes when run as `cargo privflow ...`.
fn strip_cargo_arg(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let mut args: Vec<OsString> = args.into_iter().collect();
    if args.get(1).is_some_and(|a| a == "privflow") {
        args.remove(1);
    }
    args
}

/// Moves a subcommand's name that follows options of the default command before them
/// (`--rules visus check -p app` → `check --rules visus -p app`), so those options are parsed
/// as the subcommand's own (and refused when it does not take them). Values of options are
/// skipped, so `--rules map` stays a pack named `map`.
fn subcommand_first(mut args: Vec<OsString>) -> Vec<OsString> {
    let cli = Cli::command();
    let takes_value = |arg: &clap::Arg| arg.get_action().takes_values();
    let long_takes_value = |name: &str| {
        cli.get_arguments()
            .any(|a| a.get_long() == Some(name) && takes_value(a))
    };
    let short_takes_value = |c: char| {
        cli.get_arguments()
            .any(|a| a.get_short() == Some(c) && takes_value(a))
    };
    let mut i = 1;
    while i < args.len() {
        let Some(arg) = args[i].to_str() else { break };
        if arg == "--" {
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            if !long.contains('=') && long_takes_value(long) {
                i += 1;
            }
        } else if let Some(shorts) = arg.strip_prefix('-').filter(|s| !s.is_empty()) {
            // A cluster (`-vq`); a short option with a value takes the rest, or the next word.
            for (at, c) in shorts.char_indices() {
                if short_takes_value(c) {
                    if at + c.len_utf8() == shorts.len() {
                        i += 1;
                    }
                    break;
                }
            }
        } else {
            if i > 1 && cli.find_subcommand(arg).is_some() {
                let name = args.remove(i);
                args.insert(1, name);
            }
            break;
        }
        i += 1;
    }
    args
}

/// For clap's "unexpected argument" error: when the argument is an option of another command
/// (`rules --features x`), the sentence that says so, naming the command.
fn not_applicable(e: &clap::Error, args: &[OsString]) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(given)) = e.get(ContextKind::InvalidArg) else {
        return None;
    };
    let option = given.split('=').next().unwrap_or(given);
    let command = args.get(1)?.to_str()?;
    let cli = Cli::command();
    let command = cli.find_subcommand(command)?.get_name().to_owned();
    let known = cli
        .get_arguments()
        .any(|a| match option.strip_prefix("--") {
            Some(long) => a.get_long() == Some(long),
            None => option
                .chars()
                .nth(1)
                .is_some_and(|c| a.get_short() == Some(c)),
        })
        || all_options().iter().any(|o| o == option);
    known.then(|| {
        format!(
            "error: {option} does not apply to `cargo privflow {command}` (see `cargo privflow {command} --help`)"
        )
    })
}

/// Every long option of every command (`--format`, `--output`).
fn all_options() -> Vec<String> {
    let cli = Cli::command();
    cli.get_subcommands()
        .flat_map(|s| s.get_arguments())
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .collect()
}

/// Runs the command line `args` (the program name first), writing to `stdout` and `stderr`, and
/// returns the exit code.
pub fn run(
    args: impl IntoIterator<Item = OsString>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let args = subcommand_first(strip_cargo_arg(args));
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            if let Some(sentence) = not_applicable(&e, &args) {
                let _ = writeln!(Escaping(stderr), "{sentence}");
                return 2;
            }
            // Plain text (`to_string` drops clap's styles), escaped: it repeats the arguments.
            let text = e.render().to_string();
            let text = crate::report::escape_controls(&text);
            // A closed stream leaves nothing to report to.
            let _ = if e.use_stderr() {
                stderr.write_all(text.as_bytes())
            } else {
                stdout.write_all(text.as_bytes())
            };
            return e.exit_code();
        }
    };
    let code = match &cli.command {
        None => run_check(&GlobalArgs::from(&cli.check), stdout, stderr),
        Some(Command::Check(options)) => run_check(&GlobalArgs::from(options), stdout, stderr),
        Some(Command::Rules(options)) => run_rules(&GlobalArgs::from(options), stdout, stderr),
        Some(Command::Catalogue { message_format, .. }) => {
            let json = resolve_format(message_format) == Some(MessageFormat::Json);
            finish(crate::report::sinks::list(json, stdout), 0, stderr)
        }
        Some(Command::Init {
            manifest_path,
            rules,
            display,
        }) => {
            let mut g = GlobalArgs::from(rules);
            display.apply(&mut g);
            g.manifest_path.clone_from(manifest_path);
            crate::init::run(&g, stdout, stderr)
        }
        Some(Command::Explain { rule, options }) => {
            run_explain(&GlobalArgs::from(options), rule, stdout, stderr)
        }
        Some(Command::Baseline {
            format,
            analysis,
            baseline,
        }) => {
            let mut g = GlobalArgs::from(analysis);
            format.apply(&mut g);
            baseline.apply(&mut g);
            run_baseline(&g, stdout, stderr)
        }
        Some(Command::Map {
            format,
            output,
            analysis,
        }) => run_map(
            &GlobalArgs::from(analysis),
            (*format).into(),
            output.as_deref(),
            stdout,
            stderr,
        ),
        Some(Command::Suggest { args, analysis }) => {
            crate::suggest::command::run(&GlobalArgs::from(analysis), args, stdout, stderr)
        }
    };
    // Flushing fails only when the reader went away; the exit code still stands.
    let _ = stdout.flush();
    let _ = stderr.flush();
    code
}

/// Whether to colour what goes to a stream that is (or is not) a terminal.
fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            is_terminal && !no_color
        }
    }
}

/// Whether diagnostics on a stream that is (or is not) a terminal are narrated.
fn narrated(g: &GlobalArgs, is_terminal: bool) -> bool {
    match g.style {
        Style::Graphical => false,
        Style::Narrated => true,
        Style::Auto => !is_terminal && g.color() != ColorChoice::Always,
    }
}

fn run_check(g: &GlobalArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    if g.sarif_root.is_some() && g.message_format != MessageFormat::Sarif {
        let _ = writeln!(
            stderr,
            "error: --sarif-root (without --message-format sarif) does not apply to `cargo privflow check` (see `cargo privflow check --help`)"
        );
        return 2;
    }
    let started = Instant::now();
    let report = check(&check_options(g));
    let written = match g.message_format {
        MessageFormat::Json => json::render(&report, stdout),
        MessageFormat::CargoJson => cargo_json::render(&report, g.deny_warnings, stdout),
        MessageFormat::Sarif => {
            let packs = packs_that_ran(&report, &g.rules);
            let prefix = match report.root.as_deref() {
                Some(root) => sarif::repository_prefix(root, g.sarif_root.as_deref()),
                None => Ok(String::new()),
            };
            match prefix {
                Ok(prefix) => sarif::render_under(&report, &packs, &prefix, stdout),
                Err(e) => {
                    let _ = writeln!(Escaping(stderr), "error: --sarif-root: {e}");
                    return 2;
                }
            }
        }
        MessageFormat::Human => {
            let terminal = std::io::stderr().is_terminal();
            let options = human::HumanOptions {
                color: use_color(g.color(), terminal),
                width: None,
                no_wrap: !terminal,
                quiet: g.quiet,
                verbose: g.verbose,
                elapsed: Some(started.elapsed()),
                narrated: narrated(g, terminal),
            };
            human::render(&report, &options, stderr)
        }
    };
    match written {
        Ok(()) => report.exit_code(g.deny_warnings),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => report.exit_code(g.deny_warnings),
        Err(e) => {
            let _ = writeln!(Escaping(stderr), "error: could not write the report: {e}");
            2
        }
    }
}

/// The catalogue entries of the packs that ran (for the SARIF rule table). Each pack is looked
/// up on its own, so one that cannot be found (e.g. a pack file named in the config) does not
/// hide the others; its rules are then described from its findings.
fn packs_that_ran(report: &Report, cli_rules: &[String]) -> Vec<PackInfo> {
    let wanted: &[String] = if report.packs.is_empty() {
        cli_rules
    } else {
        &report.packs
    };
    let mut packs: Vec<PackInfo> = Vec::new();
    for id in wanted {
        if let Ok(found) = catalog(std::slice::from_ref(id)) {
            for p in found {
                if !packs.iter().any(|q| q.id == p.id) {
                    packs.push(p);
                }
            }
        }
    }
    packs
}

/// The packs `--rules` names, or every built-in pack; problems are printed and give exit 2.
fn load_catalog(g: &GlobalArgs, stderr: &mut dyn Write) -> Result<Vec<PackInfo>, i32> {
    catalog(&g.rules).map_err(|problems| {
        print_problems(&problems, g, stderr);
        2
    })
}

fn print_problems(problems: &[Problem], g: &GlobalArgs, stderr: &mut dyn Write) {
    let report = Report {
        problems: problems.to_vec(),
        ..Report::default()
    };
    let terminal = std::io::stderr().is_terminal();
    let options = human::HumanOptions {
        color: use_color(g.color(), terminal),
        no_wrap: !terminal,
        quiet: true,
        narrated: narrated(g, terminal),
        ..human::HumanOptions::default()
    };
    let _ = human::render(&report, &options, stderr);
}

fn run_rules(g: &GlobalArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let packs = match load_catalog(g, stderr) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let written = match g.message_format {
        MessageFormat::Json => show_rules::list_json(&packs, stdout),
        MessageFormat::Human | MessageFormat::Sarif | MessageFormat::CargoJson => {
            show_rules::list_human(&packs, &mut Escaping(stdout))
        }
    };
    finish(written, 0, stderr)
}

fn run_explain(g: &GlobalArgs, id: &str, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let packs = match load_catalog(g, stderr) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let Some((pack, rule)) = show_rules::find(&packs, id) else {
        let problem = Problem {
            kind: ProblemKind::Rules,
            severity: Severity::Error,
            file: None,
            line: None,
            column: None,
            message: show_rules::unknown_rule(&packs, id),
        };
        match g.message_format {
            MessageFormat::Json => {
                let report = Report {
                    problems: vec![problem],
                    ..Report::default()
                };
                let _ = json::render(&report, stdout);
            }
            _ => {
                let _ = writeln!(Escaping(stderr), "error: {}", problem.message);
            }
        }
        return 2;
    };
    let written = match g.message_format {
        MessageFormat::Json => show_rules::explain_json(pack, rule, stdout),
        MessageFormat::Human | MessageFormat::Sarif | MessageFormat::CargoJson => {
            show_rules::explain_human(pack, rule, &mut Escaping(stdout))
        }
    };
    finish(written, 0, stderr)
}

/// The analysis options the command line sets.
pub(crate) fn check_options(g: &GlobalArgs) -> CheckOptions {
    CheckOptions {
        manifest_path: g.manifest_path.clone(),
        packages: g.package.clone(),
        workspace: g.workspace,
        exclude: g.exclude.clone(),
        rules: g.rules.clone(),
        features: g.features.clone(),
        all_features: g.all_features,
        no_default_features: g.no_default_features,
        baseline: match (&g.baseline, g.no_baseline) {
            (_, true) => BaselineChoice::Off,
            (Some(path), false) => BaselineChoice::File(path.clone()),
            (None, false) => BaselineChoice::Auto,
        },
        every_sink: false,
        cargo_flags: g.cargo_flags(),
    }
}

/// `cargo privflow baseline`: writes every finding of a complete run to the baseline file, with
/// the previous baseline's entries for files this run did not analyse.
fn run_baseline(g: &GlobalArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let mut opts = check_options(g);
    if matches!(&opts.baseline, BaselineChoice::File(p) if !p.exists()) {
        // A first baseline at a path of the user's choosing.
        opts.baseline = BaselineChoice::Off;
    }
    let mut report = check(&opts);
    // A previous baseline that cannot be read is what this command replaces: say so, go on.
    let (unreadable, problems): (Vec<Problem>, Vec<Problem>) = std::mem::take(&mut report.problems)
        .into_iter()
        .partition(|p| p.kind == ProblemKind::Baseline);
    report.problems = problems;
    report.problems.extend(unreadable.into_iter().map(|mut p| {
        p.severity = Severity::Warning;
        p.message = format!("{}; it is replaced", p.message);
        p
    }));
    if !report.problems.is_empty() {
        print_problems(&report.problems, g, stderr);
    }
    let Some(root) = report.root.as_deref() else {
        return 2;
    };
    if report.is_incomplete() {
        let _ = writeln!(
            stderr,
            "privflow: the baseline was not written: the analysis is incomplete (see the problems above)"
        );
        return 2;
    }
    let path = g
        .baseline
        .clone()
        .unwrap_or_else(|| root.join(baseline::DEFAULT_FILE));
    let shown = crate::workspace::relative_path(root, &path);
    let previous = report.baseline.take();
    let (accepted, kept) = match &previous {
        Some(b) => (&b.baselined[..], &b.kept[..]),
        None => (&[][..], &[][..]),
    };
    let written = Baseline::from_findings(report.findings.iter().chain(accepted), kept);
    if let Err(e) = write_file(&path, written.to_json().as_bytes(), Some(root)) {
        let _ = writeln!(
            Escaping(stderr),
            "error: could not write {}: {e}",
            path.display()
        );
        return 2;
    }
    // How the file changed: findings it did not hold, and entries that matched nothing.
    let change = previous
        .as_ref()
        .map(|b| (report.findings.len(), b.gone.len()));
    let mut counts = report.summary();
    for f in accepted {
        match f.severity {
            Severity::Error => counts.errors += 1,
            Severity::Warning => counts.warnings += 1,
        }
    }
    let out = match g.message_format {
        MessageFormat::Json => json::baseline_written(&shown, &counts, change, stdout),
        MessageFormat::Human | MessageFormat::Sarif | MessageFormat::CargoJson if g.quiet => Ok(()),
        MessageFormat::Human | MessageFormat::Sarif | MessageFormat::CargoJson => {
            let changed = match change {
                Some((added, removed)) => {
                    format!("; {added} added, {removed} removed since the previous baseline")
                }
                None => String::new(),
            };
            let others = if kept.is_empty() {
                String::new()
            } else {
                format!(
                    "; kept {} of files this run did not analyse",
                    human::count(kept.len(), "entry", "entries")
                )
            };
            writeln!(
                Escaping(stderr),
                "privflow: wrote {shown} ({}, {}){changed}{others}; `cargo privflow` now reports only findings not in it",
                human::count(counts.errors, "error", "errors"),
                human::count(counts.warnings, "warning", "warnings"),
            )
        }
    };
    finish(out, 0, stderr)
}

fn run_map(
    g: &GlobalArgs,
    format: MapFormat,
    output: Option<&std::path::Path>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    // The map shows every flow: a baseline (or a broken baseline file) has no say in it.
    let opts = CheckOptions {
        baseline: BaselineChoice::Off,
        every_sink: true,
        ..check_options(g)
    };
    let report = check(&opts);
    let incomplete = report.is_incomplete();
    if !report.problems.is_empty() {
        print_problems(&report.problems, g, stderr);
    }
    if report.root.is_none() {
        // Nothing was analysed: there is no map to write.
        return 2;
    }
    let text = render_map(&report.map, format, &report.system);
    let code = if incomplete { 2 } else { 0 };
    match output {
        None => finish(stdout.write_all(text.as_bytes()), code, stderr),
        Some(path) => match write_file(path, text.as_bytes(), report.root.as_deref()) {
            Ok(()) => {
                if !g.quiet {
                    let m = &report.map;
                    let _ = writeln!(
                        Escaping(stderr),
                        "privflow: wrote the data map of {} to {} ({} data, {} sink calls, {} flows, {} recipients){}",
                        report.system,
                        path.display(),
                        m.data.len(),
                        m.sinks.len(),
                        m.flows.len(),
                        m.recipients.len(),
                        if incomplete { "; the analysis is incomplete, see the problems above" } else { "" }
                    );
                }
                code
            }
            Err(e) => {
                let _ = writeln!(
                    Escaping(stderr),
                    "error: could not write {}: {e}",
                    path.display()
                );
                2
            }
        },
    }
}

fn finish(written: std::io::Result<()>, code: i32, stderr: &mut dyn Write) -> i32 {
    match written {
        Ok(()) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            let _ = writeln!(Escaping(stderr), "error: could not write the output: {e}");
            2
        }
    }
}

#[cfg(test)]
#[allow(clippy::items_after_test_module)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_cargo_argument_is_dropped() {
        assert_eq!(
            strip_cargo_arg(args(&["cargo-privflow", "privflow", "rules"])),
            args(&["cargo-privflow", "rules"])
        );
        assert_eq!(
            strip_cargo_arg(args(&["cargo-privflow", "check"])),
            args(&["cargo-privflow", "check"])
        );
    }

    #[test]
    fn options_parse_before_and_after_the_command() {
        let cli = Cli::try_parse_from(subcommand_first(args(&[
            "cargo-privflow",
            "--rules",
            "visus",
            "check",
            "-p",
            "app",
            "--message-format",
            "json",
            "-vv",
        ])));
        let cli = cli.map_err(|e| e.to_string());
        let Ok(Cli {
            command: Some(Command::Check(options)),
            ..
        }) = cli
        else {
            panic!("{cli:?}")
        };
        let g = GlobalArgs::from(&options);
        assert_eq!(g.rules, vec!["visus".to_string()]);
        assert_eq!(g.package, vec!["app".to_string()]);
        assert_eq!(g.message_format, MessageFormat::Json);
        assert_eq!(g.verbose, 2);
    }

    #[test]
    fn a_subcommand_name_moves_before_the_options() {
        assert_eq!(
            subcommand_first(args(&[
                "x", "--rules", "visus", "-vq", "-p", "a", "map", "-o", "m"
            ])),
            args(&["x", "map", "--rules", "visus", "-vq", "-p", "a", "-o", "m"])
        );
        // An option's value is no command name.
        assert_eq!(
            subcommand_first(args(&["x", "--rules", "map", "-pmap", "--rules=rules"])),
            args(&["x", "--rules", "map", "-pmap", "--rules=rules"])
        );
    }

    #[test]
    fn message_formats_as_cargo_takes_them() {
        use MessageFormat::*;
        assert_eq!(resolve_format(&[]), None);
        assert_eq!(resolve_format(&[CargoJson, Json]), Some(CargoJson));
        assert_eq!(resolve_format(&[Json, Sarif]), Some(Sarif));
    }

    #[test]
    fn cargo_term_color_values() {
        assert_eq!(color_from_env(Some("always")), Some(ColorChoice::Always));
        assert_eq!(color_from_env(Some("Never")), Some(ColorChoice::Never));
        assert_eq!(color_from_env(Some("auto")), Some(ColorChoice::Auto));
        assert_eq!(color_from_env(Some("sometimes")), None);
        assert_eq!(color_from_env(None), None);
    }

    #[test]
    fn colour_choice() {
        assert!(use_color(ColorChoice::Always, false));
        assert!(!use_color(ColorChoice::Never, true));
        assert!(!use_color(ColorChoice::Auto, false));
    }

    #[test]
    fn help_is_not_an_error() {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let code = run(args(&["cargo-privflow", "--help"]), &mut out, &mut err);
        assert_eq!(code, 0);
        assert!(String::from_utf8_lossy(&out).contains("Exit status:"));
    }
}

/// Writes a file privflow produces (the baseline, a data map) without ever writing through a
/// symbolic link: a link or a directory at `path` is refused, a file inside the workspace `root`
/// whose directory leads out of it (through a linked directory) is refused, and the bytes go to a
/// new file beside it that is then renamed over it (a rename replaces a name, never a link's
/// target).
pub fn write_file(path: &Path, bytes: &[u8], root: Option<&Path>) -> Result<(), String> {
    if let Ok(md) = std::fs::symlink_metadata(path) {
        if md.file_type().is_symlink() {
            return Err(
                "it is a symbolic link, and privflow does not write through links \
                        (remove the link, or name the file it points to)"
                    .into(),
            );
        }
        if md.is_dir() {
            return Err("it is a directory".into());
        }
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if let Some(root) = root {
        let lexically_inside = path.starts_with(root);
        if lexically_inside && !crate::workspace::inside(root, &dir) {
            return Err("its directory leads out of the workspace (a linked directory)".into());
        }
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "privflow-output".into());
    let tmp = dir.join(format!(".{name}.privflow-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        std::io::Write::write_all(&mut f, bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|e| e.to_string())
}
