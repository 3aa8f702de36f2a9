//! The terminal report: one miette diagnostic per finding (the rule id as its code, the sink call
//! as primary label, the source and the path's steps as secondary labels, one snippet per file),
//! one per problem, and a summary line.

use crate::model::{Finding, Location, Problem, Report, Severity, SinkRef};
use miette::{
    Diagnostic, GraphicalTheme, LabeledSpan, MietteHandler, MietteHandlerOpts, NamedSource,
    ReportHandler, SourceCode, SourceSpan,
};
use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct HumanOptions {
    /// ANSI colours.
    pub color: bool,
    /// Line width; `None`: the terminal's (80 when unknown).
    pub width: Option<usize>,
    /// Do not wrap long lines (for output that is not a terminal: logs, files, pipes).
    pub no_wrap: bool,
    /// No summary line.
    pub quiet: bool,
    /// `-v`: also name the packs that ran.
    pub verbose: u8,
    /// Shown at the end of the summary line.
    pub elapsed: Option<Duration>,
    /// Plain lines instead of drawn snippets ([`super::narrated`]): one fact per line with its
    /// `file:line:column`, for CI logs, screen readers and grep.
    pub narrated: bool,
}

/// Writes every finding and problem, then the summary line.
pub fn render(report: &Report, opts: &HumanOptions, out: &mut dyn Write) -> io::Result<()> {
    if opts.narrated {
        for f in &report.findings {
            out.write_all(super::narrated::finding(f).as_bytes())?;
        }
        for p in super::sorted_problems(report) {
            out.write_all(super::narrated::problem(p).as_bytes())?;
        }
    } else {
        let handler = handler(opts);
        let mut sources = Sources::new(report.root.clone());
        for f in &report.findings {
            let diag = finding(f, &mut sources);
            out.write_all(show(&handler, &diag).as_bytes())?;
        }
        for p in super::sorted_problems(report) {
            let diag = problem(p, &mut sources);
            out.write_all(show(&handler, &diag).as_bytes())?;
        }
    }
    if opts.verbose > 0 && !report.packs.is_empty() {
        writeln!(out, "privflow: packs: {}", report.packs.join(", "))?;
    }
    if opts.verbose > 0 && !report.phases.is_empty() {
        let phases: Vec<String> = report
            .phases
            .iter()
            .map(|(name, d)| format!("{name} {:.2}s", d.as_secs_f64()))
            .collect();
        writeln!(out, "privflow: time: {}", phases.join(", "))?;
    }
    if let Some(b) = report.baseline.as_ref().filter(|_| opts.verbose > 0) {
        for f in &b.baselined {
            let at = &f.sink.location;
            writeln!(
                out,
                "privflow: baselined: {} at {}:{}:{}",
                f.rule, at.file, at.line, at.column
            )?;
        }
        for e in &b.gone {
            let data = e
                .data
                .as_deref()
                .map(|d| format!("{d} → "))
                .unwrap_or_default();
            writeln!(
                out,
                "privflow: gone from the baseline: {} ({data}`{}` in {})",
                e.rule, e.sink, e.file
            )?;
        }
    }
    if !opts.quiet {
        writeln!(out, "{}", summary_line(report, opts))?;
    }
    Ok(())
}

fn handler(opts: &HumanOptions) -> MietteHandler {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let mut o = MietteHandlerOpts::new()
        .graphical_theme(theme)
        .force_graphical(true)
        .terminal_links(false)
        .unicode(true)
        .color(opts.color)
        .context_lines(1)
        .show_related_errors_as_nested();
    if let Some(w) = opts.width {
        o = o.width(w);
    }
    if opts.no_wrap {
        o = o.wrap_lines(false);
    }
    o.build()
}

struct Render<'a>(&'a MietteHandler, &'a dyn Diagnostic);

impl fmt::Display for Render<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.debug(self.1, f)
    }
}

/// The diagnostic rendered, followed by a blank line; plain text if miette cannot render it.
fn show(handler: &MietteHandler, diag: &Diag) -> String {
    let mut s = String::new();
    if write!(s, "{}", Render(handler, diag)).is_err() {
        s = diag.plain();
    }
    let mut s = s.trim_end().to_string();
    s.push_str("\n\n");
    s
}

/// `privflow: 1 error, 2 warnings in 12 files (incomplete: 1 parse error) [0.42s]`
pub fn summary_line(report: &Report, opts: &HumanOptions) -> String {
    let s = report.summary();
    let paint = |text: String, code: &str, on: bool| {
        if opts.color && on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text
        }
    };
    let mut line = format!(
        "privflow: {}, {} in {}",
        paint(count(s.errors, "error", "errors"), "1;31", s.errors > 0),
        paint(
            count(s.warnings, "warning", "warnings"),
            "1;33",
            s.warnings > 0
        ),
        count(s.files, "file", "files"),
    );
    if s.incomplete {
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        for p in report
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
        {
            *kinds.entry(p.kind.as_str()).or_default() += 1;
        }
        let what: Vec<String> = kinds
            .iter()
            .map(|(k, n)| format!("{n} {k} {}", if *n == 1 { "error" } else { "errors" }))
            .collect();
        line.push_str(&format!(
            " ({})",
            paint(format!("incomplete: {}", what.join(", ")), "1;31", true)
        ));
    }
    if let Some(b) = &report.baseline {
        line.push_str(&format!(
            "; {} in the baseline {}",
            count(s.baselined, "finding", "findings"),
            b.file
        ));
        if s.baseline_gone > 0 {
            line.push_str(&format!(
                " ({} nothing now: `cargo privflow baseline` drops {})",
                count(s.baseline_gone, "entry matches", "entries match"),
                if s.baseline_gone == 1 { "it" } else { "them" }
            ));
        }
    }
    if let Some(e) = opts.elapsed {
        line.push_str(&format!(" [{:.2}s]", e.as_secs_f64()));
    }
    line
}

/// `1 error`, `2 errors`.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The workspace's files, read once each; `None` for a file that cannot be read.
struct Sources {
    root: Option<PathBuf>,
    files: BTreeMap<String, Option<Arc<str>>>,
}

impl Sources {
    fn new(root: Option<PathBuf>) -> Self {
        Sources {
            root,
            files: BTreeMap::new(),
        }
    }

    fn get(&mut self, file: &str) -> Option<Arc<str>> {
        if let Some(cached) = self.files.get(file) {
            return cached.clone();
        }
        let path = match &self.root {
            Some(root) => root.join(file),
            None => Path::new(file).to_path_buf(),
        };
        let text = std::fs::read_to_string(path).ok().map(Arc::<str>::from);
        self.files.insert(file.to_string(), text.clone());
        text
    }
}

/// The byte span of `loc` in `text`: from (line, column) to (end_line, end_column), columns
/// counted in characters; at least one character where there is one. `None` when the line is
/// not in the text.
fn span_of(text: &str, loc: &Location) -> Option<SourceSpan> {
    let start = offset_of(text, loc.line, loc.column)?;
    let end =
        if loc.end_line > loc.line || (loc.end_line == loc.line && loc.end_column > loc.column) {
            offset_of(text, loc.end_line, loc.end_column).unwrap_or(start)
        } else {
            start
        };
    let len = if end > start {
        end - start
    } else {
        text[start..]
            .chars()
            .next()
            .filter(|c| *c != '\n' && *c != '\r')
            .map_or(0, char::len_utf8)
    };
    Some(SourceSpan::new(start.into(), len))
}

/// Columns beyond this get no snippet: miette pads the underline with a `{:width$}` format, which
/// panics past `u16::MAX` (a minified or generated line; found by the fuzzer).
const MAX_SNIPPET_COLUMN: u32 = 10_000;

/// Byte offset of 1-based (line, column); a column past the line's end is clamped to it.
fn offset_of(text: &str, line: u32, column: u32) -> Option<usize> {
    if column > MAX_SNIPPET_COLUMN {
        return None;
    }
    let line_idx = usize::try_from(line.checked_sub(1)?).ok()?;
    let mut line_start = 0usize;
    for _ in 0..line_idx {
        line_start += text[line_start..].find('\n')? + 1;
    }
    let rest = &text[line_start..];
    let line_text = rest.split('\n').next().unwrap_or("");
    let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
    let col = usize::try_from(column.max(1) - 1).ok()?;
    let within = line_text
        .char_indices()
        .nth(col)
        .map_or(line_text.len(), |(i, _)| i);
    Some(line_start + within)
}

/// A place to point at, with what happens there.
struct Mark<'a> {
    loc: &'a Location,
    text: String,
    role: Role,
}

/// What a mark shows: it decides the heading of a snippet away from the sink call, and (in this
/// order) where the snippet stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The sink call: the primary label.
    Sink,
    Source,
    Step,
    Consent,
    Declaration,
}

/// Marks further apart than this (in lines, in one file) are shown in snippets of their own, so
/// a label far from the sink call does not pull every line between into the snippet.
const SNIPPET_GAP_LINES: u32 = 8;

fn finding(f: &Finding, sources: &mut Sources) -> Diag {
    let data = f.source.as_ref().map(|s| s.data.as_str());
    let what = sink_words(&f.sink, false);
    let sink_text = match data {
        Some(d) => format!("{d} reaches `{}` ({what})", f.sink.name),
        None => format!("`{}` ({what})", f.sink.name),
    };
    let mut marks = vec![Mark {
        loc: &f.sink.location,
        text: sink_text,
        role: Role::Sink,
    }];
    if let Some(src) = &f.source {
        let sanitized = if src.sanitized.is_empty() {
            String::new()
        } else {
            format!(", {}", src.sanitized.join(", "))
        };
        marks.push(Mark {
            loc: &src.location,
            text: format!("{} ({}{sanitized}) comes from here", src.data, src.category),
            role: Role::Source,
        });
    }
    if let Some(decl) = &f.sink.declared {
        marks.push(Mark {
            loc: decl,
            text: declared(&f.sink),
            role: Role::Declaration,
        });
    }
    for (steps, role) in [(&f.path, Role::Step), (&f.consent_steps, Role::Consent)] {
        for step in steps {
            marks.push(Mark {
                loc: &step.location,
                text: step.note.clone(),
                role,
            });
        }
    }
    // One label per place: the first mark there (the sink's, then the source's) wins.
    let mut seen: Vec<&Location> = Vec::new();
    marks.retain(|m| {
        let fresh = !seen.contains(&m.loc);
        seen.push(m.loc);
        fresh
    });

    let mut main = Diag::new(f.message.clone(), f.severity);
    main.code = Some(f.rule.clone());
    main.help = Some(format!("\"{}\" — {}\n{}", f.quote, f.section, f.help));
    for group in snippet_groups(&marks) {
        let file = group[0].loc.file.as_str();
        let text = sources.get(file);
        let mut labels = Vec::new();
        let mut unplaced = Vec::new();
        for m in &group {
            match text.as_deref().and_then(|t| span_of(t, m.loc)) {
                Some(span) if m.role == Role::Sink => labels.push(
                    LabeledSpan::new_primary_with_span(Some(m.text.clone()), span),
                ),
                Some(span) => labels.push(LabeledSpan::new_with_span(Some(m.text.clone()), span)),
                None => unplaced.push(*m),
            }
        }
        let named = text
            .filter(|_| !labels.is_empty())
            .map(|t| NamedSource::new(file, t).with_language("Rust"));
        if group.iter().any(|m| m.role == Role::Sink) {
            main.source = named;
            main.labels = labels;
            if let Some(sink) = unplaced.iter().find(|m| m.role == Role::Sink) {
                main.message.push_str(&format!("\n  --> {}", at(sink.loc)));
            }
        } else if named.is_some() {
            let all = |role: Role| group.iter().all(|m| m.role == role);
            let message = if group.iter().any(|m| m.role == Role::Source) {
                format!("the data comes from {file}")
            } else if all(Role::Declaration) {
                format!("the sink is declared in {file}")
            } else if all(Role::Consent) {
                format!("consent on the way to the sink, in {file}")
            } else {
                format!("the data passes through {file}")
            };
            let mut rel = Diag::new(message, Severity::Warning);
            rel.severity = miette::Severity::Advice;
            rel.source = named;
            rel.labels = labels;
            main.related.push(rel);
        }
        for m in unplaced.iter().filter(|m| m.role != Role::Sink) {
            let mut rel = Diag::new(format!("{}: {}", at(m.loc), m.text), Severity::Warning);
            rel.severity = miette::Severity::Advice;
            main.related.push(rel);
        }
    }
    main
}

/// The marks in snippets: per file, split where two marks are more than [`SNIPPET_GAP_LINES`]
/// apart; the sink's snippet first, then by the first [`Role`] each shows.
fn snippet_groups<'m, 'a>(marks: &'m [Mark<'a>]) -> Vec<Vec<&'m Mark<'a>>> {
    let mut files: Vec<&str> = Vec::new();
    for m in marks {
        if !files.contains(&m.loc.file.as_str()) {
            files.push(&m.loc.file);
        }
    }
    let mut groups: Vec<Vec<&Mark>> = Vec::new();
    for file in files {
        let mut here: Vec<&Mark> = marks.iter().filter(|m| m.loc.file == file).collect();
        here.sort_by_key(|m| (m.loc.line, m.loc.column));
        let mut current: Vec<&Mark> = Vec::new();
        for m in here {
            let far = current.last().is_some_and(|last| {
                m.loc.line > last.loc.end_line.max(last.loc.line) + SNIPPET_GAP_LINES
            });
            if far {
                groups.push(std::mem::take(&mut current));
            }
            current.push(m);
        }
        groups.push(current);
    }
    // The sink's snippet is the diagnostic's own; the others follow in the order a reader
    // needs them: where the data comes from, its way, the consent, the sink's declaration.
    groups.sort_by_key(|g| g.iter().map(|m| m.role as u8).min().unwrap_or(u8::MAX));
    groups
}

/// "`upload` is declared here: storage sink, region us-east-1 (US), encrypted".
pub(super) fn declared(s: &SinkRef) -> String {
    format!("`{}` is declared here: {}", s.name, sink_words(s, true))
}

/// "storage sink, region us-east-1 (US), purpose Y, encrypted": [`SinkRef::attributes`] with
/// the kind named as a sink.
fn sink_words(s: &SinkRef, complete: bool) -> String {
    let mut what = s.attributes(complete);
    if let Some(kind) = what.first_mut() {
        kind.push_str(" sink");
    }
    what.join(", ")
}

/// `file:line:column`.
pub(super) fn at(loc: &Location) -> String {
    format!("{}:{}:{}", loc.file, loc.line, loc.column)
}

fn problem(p: &Problem, sources: &mut Sources) -> Diag {
    let mut diag = Diag::new(p.message.clone(), p.severity);
    diag.code = Some(format!("privflow::{}", p.kind.as_str()));
    let Some(file) = &p.file else { return diag };
    let placed = p.line.and_then(|line| {
        let text = sources.get(file)?;
        let loc = Location {
            file: file.clone(),
            line,
            column: p.column.unwrap_or(1),
            end_line: 0,
            end_column: 0,
        };
        let start = offset_of(&text, line, loc.column)?;
        // Without a column, the whole line; with one, the character there.
        let span = if p.column.is_none() {
            let len = text[start..].find('\n').unwrap_or(text.len() - start);
            let len = text[start..start + len].trim_end_matches('\r').len();
            SourceSpan::new(start.into(), len)
        } else {
            span_of(&text, &loc)?
        };
        Some((text, span))
    });
    match placed {
        Some((text, span)) => {
            let lang = if file.ends_with(".toml") {
                "TOML"
            } else {
                "Rust"
            };
            diag.source = Some(NamedSource::new(file, text).with_language(lang));
            diag.labels = vec![LabeledSpan::new_primary_with_span(
                Some("here".to_string()),
                span,
            )];
        }
        None => {
            let mut place = file.clone();
            if let Some(l) = p.line {
                place.push_str(&format!(":{l}"));
                if let Some(c) = p.column {
                    place.push_str(&format!(":{c}"));
                }
            }
            if !diag.message.contains(file.as_str()) || p.line.is_some() {
                diag.message.push_str(&format!("\n  --> {place}"));
            }
        }
    }
    diag
}

/// A diagnostic built at run time.
#[derive(Debug)]
struct Diag {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<NamedSource<Arc<str>>>,
    labels: Vec<LabeledSpan>,
    related: Vec<Diag>,
}

impl Diag {
    fn new(message: String, severity: Severity) -> Self {
        Diag {
            message,
            code: None,
            severity: match severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
            },
            help: None,
            source: None,
            labels: Vec::new(),
            related: Vec::new(),
        }
    }

    /// Text-only rendering, for when miette fails.
    fn plain(&self) -> String {
        let level = match self.severity {
            miette::Severity::Error => "error",
            miette::Severity::Warning => "warning",
            miette::Severity::Advice => "note",
        };
        let mut s = match &self.code {
            Some(code) => format!("{level}[{code}]: {}\n", self.message),
            None => format!("{level}: {}\n", self.message),
        };
        if let Some(help) = &self.help {
            s.push_str(&format!("  help: {help}\n"));
        }
        for r in &self.related {
            s.push_str(&r.plain());
        }
        s
    }
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag {}

impl Diagnostic for Diag {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(line: u32, column: u32, end_line: u32, end_column: u32) -> Location {
        Location {
            file: "a.rs".into(),
            line,
            column,
            end_line,
            end_column,
        }
    }

    #[test]
    fn spans_count_columns_in_characters() {
        let text = "fn a() {}\nlet ü = x(y);\n";
        let span = span_of(text, &loc(2, 9, 2, 13));
        assert_eq!(span.map(|s| (s.offset(), s.len())), Some((19, 4)));
        assert_eq!(&text[19..23], "x(y)");
        // No end: one character.
        assert_eq!(span_of(text, &loc(1, 1, 0, 0)).map(|s| s.len()), Some(1));
        // A line past the end.
        assert!(span_of(text, &loc(9, 1, 0, 0)).is_none());
        // A column past the line's end is clamped to it.
        assert_eq!(
            span_of(text, &loc(1, 99, 0, 0)).map(|s| (s.offset(), s.len())),
            Some((9, 0))
        );
    }
}
