//! The terminal report: one miette diagnostic per finding (the rule id as its code, the sink call
//! as primary label, the source and the path's steps as secondary labels, one snippet per file),
//! one per problem, and a summary line.

use crate::model::{Finding, Location, Problem, Report, Severity, SinkRef};
use miette::{
    Diagnostic, GraphicalTheme, LabeledSpan, MietteError, MietteHandler, MietteHandlerOpts,
    MietteSpanContents, NamedSource, ReportHandler, SourceCode, SourceSpan, SpanContents,
};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::io::{self, Write};
use std::path::PathBuf;
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
        // Plain text, no colours: escaped as a whole.
        let mut plain = super::Escaping(out);
        let mut quoted = BTreeSet::new();
        let verbose = opts.verbose > 0;
        for group in super::site_groups(&report.findings) {
            match super::grouped(&group) {
                Some(g) => {
                    plain.write_all(super::narrated::group(&g, &mut quoted, verbose).as_bytes())?
                }
                None => {
                    for f in group {
                        let text = super::narrated::finding(f, &mut quoted, verbose);
                        plain.write_all(text.as_bytes())?;
                    }
                }
            }
        }
        for p in super::sorted_problems(report) {
            plain.write_all(super::narrated::problem(p).as_bytes())?;
        }
    } else {
        let handler = handler(opts);
        let mut sources = Sources::new(report.root.clone());
        let mut quoted = BTreeSet::new();
        let verbose = opts.verbose > 0;
        for group in super::site_groups(&report.findings) {
            match super::grouped(&group) {
                Some(g) => {
                    let diag = grouped(&g, &mut sources, &mut quoted, verbose);
                    out.write_all(show(&handler, diag).as_bytes())?;
                }
                None => {
                    for f in group {
                        let mut diag = finding(f, &mut sources);
                        let statement = super::narrated::statement(f, &mut quoted, verbose)
                            .unwrap_or_else(|| {
                                format!("statement {}", super::narrated::quoted_above(f))
                            });
                        diag.help = Some(format!("{statement}\n{}", f.help));
                        out.write_all(show(&handler, diag).as_bytes())?;
                    }
                }
            }
        }
        for p in super::sorted_problems(report) {
            let diag = problem(p, &mut sources);
            out.write_all(show(&handler, diag).as_bytes())?;
        }
    }
    // The lines below are plain text (the summary line's colours are its own: what it names is
    // escaped in `summary_line`).
    let out_raw = out;
    let mut plain = super::Escaping(&mut *out_raw);
    let out = &mut plain;
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
    if opts.verbose > 0 {
        for n in &report.notes {
            let at = &n.location;
            writeln!(
                out,
                "privflow: note: {}:{}:{}: {}",
                at.file, at.line, at.column, n.message
            )?;
        }
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
        writeln!(out_raw, "{}", summary_line(report, opts))?;
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
/// Every string of the diagnostic is escaped here ([`Diag::escaped`]; the snippets are escaped
/// by [`view`]), so nothing the analysed code or its config says reaches the terminal raw.
fn show(handler: &MietteHandler, diag: Diag) -> String {
    let diag = diag.escaped();
    let mut s = String::new();
    // The snippets are clipped so that miette's padding stays in range ([`MAX_SNIPPET_LINE`]);
    // should it still panic, the diagnostic is written as text rather than the run aborted.
    let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        write!(s, "{}", Render(handler, &diag))
    }));
    if !matches!(drawn, Ok(Ok(()))) {
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
            super::escape_line(&b.file)
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

/// The workspace's files, read once each; `None` for a file that cannot be read, and for one
/// outside the workspace root (symlinks resolved): its content is never shown, only its path and
/// the position (a config naming `/proc/self/environ` as a rule pack must not print the
/// environment). Without a workspace (`rules`, `explain`), the current directory stands for it.
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
        let root = self.root.clone().or_else(|| std::env::current_dir().ok());
        let text = root.and_then(|root| {
            let path = root.join(file);
            if !crate::workspace::inside(&root, &path) {
                return None;
            }
            std::fs::read_to_string(path).ok().map(Arc::<str>::from)
        });
        self.files.insert(file.to_string(), text.clone());
        text
    }
}

/// At most this many characters of a source line are shown: a longer line (minified or generated
/// code, a data blob) is clipped to a window around its marks. miette pads a label to its column
/// with `format!`, which panics past 65,535.
const MAX_SNIPPET_LINE: usize = 240;

/// Characters a clipped line keeps before its first mark.
const CLIP_MARGIN: usize = 40;

/// Lines miette shows around a mark (`context_lines` of the handler).
const CONTEXT_LINES: u32 = 1;

/// One line of a [`view`]: the window `lo..hi` (in characters) of a line `len` characters long,
/// and the view offset of each character of the window (and of its end).
struct LineWindow {
    lo: usize,
    hi: usize,
    len: usize,
    offsets: Vec<usize>,
}

/// What miette draws a snippet from: `text` with each line near the marks escaped (a control or
/// bidirectional character in the code is shown as `\u{1b}`, it never reaches the terminal) and
/// clipped to [`MAX_SNIPPET_LINE`] characters around its marks, the other lines left empty (so
/// the line numbers stay); and each mark's span in it (from (line, column) to (end_line,
/// end_column), columns counted in characters, a column past the line's end clamped to it; at
/// least one character where there is one). A mark is `None` when its line is not in the text
/// or its column is clipped away.
fn view(text: &str, marks: &[&Location]) -> (ViewSource, Vec<Option<SourceSpan>>) {
    let col0 = |c: u32| usize::try_from(c.max(1) - 1).unwrap_or(usize::MAX);
    let has_end =
        |l: &Location| l.end_line > l.line || (l.end_line == l.line && l.end_column > l.column);
    let mut wanted: BTreeMap<u32, usize> = BTreeMap::new();
    for m in marks {
        let c = wanted.entry(m.line).or_insert(usize::MAX);
        *c = (*c).min(col0(m.column));
        if has_end(m) {
            let c = wanted.entry(m.end_line).or_insert(usize::MAX);
            *c = (*c).min(col0(m.end_column));
        }
    }
    let first = wanted.keys().next().copied().unwrap_or(1);
    let last = wanted.keys().next_back().copied().unwrap_or(0);
    let shown = first.saturating_sub(CONTEXT_LINES)..=last.saturating_add(CONTEXT_LINES);

    let mut out = String::new();
    let mut windows: BTreeMap<u32, LineWindow> = BTreeMap::new();
    for (i, raw) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let Ok(n) = u32::try_from(i + 1) else { break };
        if !shown.contains(&n) {
            continue;
        }
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let len = line.chars().count();
        let lo = match wanted.get(&n) {
            Some(&c) if len > MAX_SNIPPET_LINE => c.min(len).saturating_sub(CLIP_MARGIN),
            _ => 0,
        };
        let hi = lo.saturating_add(MAX_SNIPPET_LINE).min(len);
        if lo > 0 {
            out.push('…');
        }
        let mut offsets = Vec::with_capacity(hi - lo + 1);
        for c in line.chars().skip(lo).take(hi - lo) {
            offsets.push(out.len());
            if c != '\t' && super::is_unsafe(c) {
                super::push_escaped(&mut out, c);
            } else {
                out.push(c);
            }
        }
        offsets.push(out.len());
        if hi < len {
            out.push('…');
        }
        if wanted.contains_key(&n) {
            windows.insert(
                n,
                LineWindow {
                    lo,
                    hi,
                    len,
                    offsets,
                },
            );
        }
    }
    let offset = |line: u32, column: u32, is_end: bool| -> Option<usize> {
        let w = windows.get(&line)?;
        let c = col0(column).min(w.len);
        // A start at the window's end would point at the ellipsis.
        if c < w.lo || c > w.hi || (c == w.hi && w.hi < w.len && !is_end) {
            return None;
        }
        w.offsets.get(c - w.lo).copied()
    };
    let spans = marks
        .iter()
        .map(|m| {
            let start = offset(m.line, m.column, false)?;
            let end = if has_end(m) {
                offset(m.end_line, m.end_column, true)
                    .or_else(|| {
                        windows
                            .get(&m.end_line)
                            .and_then(|w| w.offsets.last().copied())
                    })
                    .unwrap_or(start)
            } else {
                start
            };
            let len = if end > start {
                end - start
            } else {
                out[start..]
                    .chars()
                    .next()
                    .filter(|c| *c != '\n')
                    .map_or(0, char::len_utf8)
            };
            Some(SourceSpan::new(start.into(), len))
        })
        .collect::<Vec<Option<SourceSpan>>>();
    let starts = marks
        .iter()
        .zip(&spans)
        .filter_map(|(m, s)| Some((s.as_ref()?.offset(), m.column)))
        .collect();
    let source = ViewSource {
        text: Arc::from(out),
        starts,
    };
    (source, spans)
}

/// A [`view`] as miette reads it. The snippet's heading (`[file:line:column]`) gives the column
/// of the mark in the file as it is, in characters (the view's own would count the ellipsis and
/// the escapes of a clipped or escaped line).
#[derive(Debug, Clone)]
struct ViewSource {
    text: Arc<str>,
    /// View offset of each placed mark → its column in the file.
    starts: BTreeMap<usize, u32>,
}

impl SourceCode for ViewSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let contents = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        let column = match self.starts.get(&span.offset()) {
            // miette asks for the mark alone (no context) to head the snippet with it.
            Some(&c) if context_lines_before == 0 => {
                usize::try_from(c.max(1) - 1).unwrap_or(contents.column())
            }
            _ => contents.column(),
        };
        Ok(Box::new(MietteSpanContents::new(
            contents.data(),
            *contents.span(),
            contents.line(),
            column,
            contents.line_count(),
        )))
    }
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
        let locs: Vec<&Location> = group.iter().map(|m| m.loc).collect();
        let (text, spans) = match sources.get(file) {
            Some(t) => {
                let (v, spans) = view(&t, &locs);
                (Some(v), spans)
            }
            None => (None, vec![None; locs.len()]),
        };
        let mut labels = Vec::new();
        let mut unplaced = Vec::new();
        for (m, span) in group.iter().zip(spans) {
            match span {
                Some(span) if m.role == Role::Sink => labels.push(
                    LabeledSpan::new_primary_with_span(Some(m.text.clone()), span),
                ),
                Some(span) => labels.push(LabeledSpan::new_with_span(Some(m.text.clone()), span)),
                None => unplaced.push(*m),
            }
        }
        let named = text
            .filter(|_| !labels.is_empty())
            .map(|t| named(file, t, "Rust"));
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

/// One call's findings as one diagnostic: the lead finding's snippets, the data and sink once,
/// and per rule what it says is wrong, its statement (once per run) and its fix.
fn grouped(
    g: &super::Grouped,
    sources: &mut Sources,
    quoted: &mut BTreeSet<String>,
    verbose: bool,
) -> Diag {
    let mut main = finding(g.lead, sources);
    main.message = main.message.replacen(&g.lead.message, &g.headline, 1);
    main.severity = match g.severity {
        Severity::Error => miette::Severity::Error,
        _ => miette::Severity::Warning,
    };
    let rules: Vec<&str> = g.findings.iter().map(|f| f.rule.as_str()).collect();
    main.code = Some(rules.join(", "));
    let mut help = format!("breaks {} rules:", g.findings.len());
    for (f, summary) in g.findings.iter().zip(&g.summaries) {
        help.push_str(&format!("\n{}[{}]: {summary}", f.severity.as_str(), f.rule));
        match super::narrated::statement(f, quoted, verbose) {
            Some(s) => help.push_str(&format!("\n  {s}")),
            None => help.push_str(&format!(
                "\n  statement {}",
                super::narrated::quoted_above(f)
            )),
        }
        help.push_str(&format!("\n  {}", f.help));
    }
    main.help = Some(help);
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
    format!(
        "{}:{}:{}",
        super::escape_line(&loc.file),
        loc.line,
        loc.column
    )
}

fn problem(p: &Problem, sources: &mut Sources) -> Diag {
    let mut diag = Diag::new(p.message.clone(), p.severity);
    diag.code = Some(format!("privflow::{}", p.kind.as_str()));
    let Some(file) = &p.file else { return diag };
    let placed = p.line.and_then(|line| {
        let text = sources.get(file)?;
        // Without a column, the whole line; with one, the character there.
        let loc = Location {
            file: file.clone(),
            line,
            column: p.column.unwrap_or(1),
            end_line: if p.column.is_none() { line } else { 0 },
            end_column: if p.column.is_none() { u32::MAX } else { 0 },
        };
        let (v, spans) = view(&text, &[&loc]);
        Some((v, spans.into_iter().next().flatten()?))
    });
    match placed {
        Some((text, span)) => {
            let lang = if file.ends_with(".toml") {
                "TOML"
            } else {
                "Rust"
            };
            diag.source = Some(named(file, text, lang));
            diag.labels = vec![LabeledSpan::new_primary_with_span(
                Some("here".to_string()),
                span,
            )];
        }
        None => {
            let mut place = super::escape_line(file).into_owned();
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

/// A snippet's source for miette: the [`view`] of `file`, named with the file escaped.
fn named(file: &str, view: ViewSource, language: &str) -> NamedSource<ViewSource> {
    NamedSource::new(super::escape_line(file), view).with_language(language)
}

/// A diagnostic built at run time.
#[derive(Debug)]
struct Diag {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<NamedSource<ViewSource>>,
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

    /// The diagnostic with every string escaped: the message, code and help keep their line
    /// breaks ([`super::escape_controls`]), the labels and file names are one line each
    /// ([`super::escape_line`]).
    fn escaped(self) -> Diag {
        let line = |s: &str| super::escape_line(s).into_owned();
        let text = |s: &str| super::escape_controls(s).into_owned();
        Diag {
            message: text(&self.message),
            code: self.code.as_deref().map(line),
            severity: self.severity,
            help: self.help.as_deref().map(text),
            // Named with its file escaped where it is made (`named`).
            source: self.source,
            labels: self
                .labels
                .into_iter()
                .map(|l| {
                    let label = l.label().map(line);
                    let span = *l.inner();
                    if l.primary() {
                        LabeledSpan::new_primary_with_span(label, span)
                    } else {
                        LabeledSpan::new_with_span(label, span)
                    }
                })
                .collect(),
            related: self.related.into_iter().map(Diag::escaped).collect(),
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

    fn span_of(text: &str, l: &Location) -> Option<SourceSpan> {
        view(text, &[l]).1.into_iter().next().flatten()
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

    #[test]
    fn a_view_escapes_control_characters_and_keeps_the_spans_on_the_code() {
        let text = "fn a() {}\nlet s = \"\u{1b}[2J\u{202e}\"; x(y);\r\nfn b() {}\n";
        let mark = loc(2, 18, 2, 22);
        let (v, spans) = view(text, &[&mark]);
        let v = v.text;
        assert!(
            !v.contains('\u{1b}') && !v.contains('\u{202e}') && !v.contains('\r'),
            "{v:?}"
        );
        assert!(v.contains("\\u{1b}[2J\\u{202e}"), "{v:?}");
        let span = spans[0].expect("placed");
        assert_eq!(&v[span.offset()..span.offset() + span.len()], "x(y)");
        // The line numbers stay.
        assert_eq!(v.lines().count(), text.lines().count());
    }

    #[test]
    fn a_very_long_line_is_clipped_around_its_mark() {
        let text = format!("{}x(y);\n", " ".repeat(70_000));
        let mark = loc(1, 70_001, 1, 70_005);
        let (v, spans) = view(&text, &[&mark]);
        let v = v.text;
        assert!(v.chars().count() < MAX_SNIPPET_LINE + 4, "{}", v.len());
        let span = spans[0].expect("placed");
        assert_eq!(&v[span.offset()..span.offset() + span.len()], "x(y)");
        assert!(v.starts_with('…'));
        // A second mark far beyond the window is not placed.
        let far = loc(1, 2, 0, 0);
        let (_, spans) = view(&text, &[&mark, &far]);
        assert!(spans[0].is_none() || spans[1].is_none());
    }
}
