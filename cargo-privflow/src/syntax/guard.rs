//! The cheap pre-scan that runs before `syn` sees a file: a conservative estimate of how deep the
//! parser (and the passes over its tree: visiting, dropping) will recurse, and integer literals
//! too long for any Rust integer type (syn reads their value with a big integer, in time
//! quadratic in the digits).
//!
//! `syn` recurses not only on brackets but on generic angle brackets (`Vec<Vec<..>>`), prefix
//! operators (`!!!x`, `&&&x`, `*const *const T`), return types (`fn() -> fn() -> T`), closures
//! (`|| || x`), `else if` chains and right-associative operators; left-associative chains
//! (`a + b + ..`, `x.f().g()..`, `x???`) build trees as deep as they are long, which are then
//! visited and dropped recursively. The scan counts, per bracket group, every token that can add
//! a level, and forgets what a separator ends: `;` (a statement), `,` (an argument, an element,
//! a field; not generic arguments or closure parameters, which stay open), `=>` (a match arm's
//! pattern), and a `}` followed by what starts a new statement or item (not `else`, `.`, `?`,
//! `as`, an operator or a bracket). Every other token of the kinds above adds one level. The
//! estimate over-counts (a comparison `<` counts as an unclosed angle until its statement ends);
//! it must never under-count, since the parser runs on a stack sized for [`MAX_NESTING`] levels.

/// Deepest estimated nesting privflow parses (brackets, angles, operator and method chains,
/// closures, `else if`). Real code stays far below (lowering reports any function nesting deeper
/// than [`super::lower::MAX_DEPTH`] anyway); beyond it a file is reported, not parsed.
pub const MAX_NESTING: usize = 20_000;

/// Significant digits (leading zeros and `_` not counted) an integer literal may have: enough
/// for any `u128`/`i128` in any base.
pub const MAX_INT_DIGITS: usize = 128;

/// Why a file is not handed to the parser, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuardFailure {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Angle,
    Bar,
}

#[derive(Default)]
struct Frame {
    /// Levels this group's open angles and closure parameter lists hold (kept across `,`).
    base: usize,
    /// Levels since the last `,`/`;`/`=>` (operators, method calls, prefix keywords...).
    chain: usize,
    /// Open angles and closure bars: the (base, chain) to restore when they close.
    saved: Vec<(Open, usize, usize)>,
    /// Levels the enclosing groups hold (this group's own bracket included).
    outer: usize,
    /// A `}` just closed a group of this frame: the next token decides whether a statement or
    /// item ended there.
    after_brace: bool,
}

impl Frame {
    fn depth(&self) -> usize {
        self.outer + self.base + self.chain
    }
    fn reset(&mut self) {
        self.base = 0;
        self.chain = 0;
        self.saved.clear();
    }
    fn open(&mut self, kind: Open) {
        self.saved.push((kind, self.base, self.chain));
        self.base += self.chain + 1;
        self.chain = 0;
    }
    /// Closes the innermost open `kind`, if it is on top; otherwise counts one level.
    fn close(&mut self, kind: Open) {
        match self.saved.last() {
            Some((k, b, c)) if *k == kind => {
                self.base = *b;
                self.chain = *c + 1;
                self.saved.pop();
            }
            _ => self.chain += 1,
        }
    }
}

/// Keywords that add a level (prefix expressions, types, `else if`), and after which a `|`
/// opens a closure.
const LEVEL_KEYWORDS: &[&str] = &[
    "return", "break", "yield", "move", "let", "else", "if", "as", "dyn", "impl", "fn", "const",
    "mut", "static", "box", "ref", "match", "while", "loop", "for", "unsafe", "async", "await",
    "in", "become", "do",
];

/// Checks `text`; `Err` names the first place where the estimated nesting exceeds
/// [`MAX_NESTING`] or an integer literal has more than [`MAX_INT_DIGITS`] digits.
pub fn check(text: &str) -> Result<(), GuardFailure> {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0usize;
    let mut line = 1u32;
    let mut line_start = 0usize;
    let mut frames: Vec<Frame> = vec![Frame::default()];
    // Whether the previous significant token leaves the parser expecting an operand (a `|` there
    // opens a closure).
    let mut prefix = true;
    let column = |line_start: usize, at: usize| -> u32 {
        text.get(line_start..at)
            .map(|s| s.chars().count() as u32 + 1)
            .unwrap_or(1)
    };
    macro_rules! fail {
        ($at:expr, $($msg:tt)*) => {
            return Err(GuardFailure {
                line,
                column: column(line_start, $at),
                message: format!($($msg)*),
            })
        };
    }
    macro_rules! top {
        () => {
            match frames.last_mut() {
                Some(f) => f,
                None => return Ok(()),
            }
        };
    }
    while i < n {
        let c = b[i];
        // Whitespace and comments.
        if c == b'\n' {
            line += 1;
            i += 1;
            line_start = i;
            continue;
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c == b'/' && i + 1 < n && b[i + 1] == b'/' {
            while i < n && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if c == b'/' && i + 1 < n && b[i + 1] == b'*' {
            let mut depth = 0usize;
            while i < n {
                if b[i] == b'/' && i + 1 < n && b[i + 1] == b'*' {
                    depth += 1;
                    i += 2;
                } else if b[i] == b'*' && i + 1 < n && b[i + 1] == b'/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if b[i] == b'\n' {
                        line += 1;
                        line_start = i + 1;
                    }
                    i += 1;
                }
            }
            continue;
        }
        let start = i;
        // A token: decide what it is, then count it.
        let f = top!();
        // `}` followed by the start of a new statement or item: what came before has ended.
        let starts_statement = c.is_ascii_alphanumeric()
            || c == b'_'
            || c >= 0x80
            || c == b'#'
            || c == b'\''
            || c == b'"';
        if f.after_brace {
            f.after_brace = false;
            if starts_statement && !(word_at(b, i) == "else" || word_at(b, i) == "as") {
                f.reset();
            }
        }
        // String-like literals (raw strings first: `r"`, `r#"`, `br"`, `cr#"`).
        if let Some(end) = raw_string_end(b, i) {
            for &x in &b[i..end] {
                if x == b'\n' {
                    line += 1;
                }
            }
            if let Some(p) = b[i..end].iter().rposition(|x| *x == b'\n') {
                line_start = i + p + 1;
            }
            i = end;
            prefix = false;
            continue;
        }
        if c == b'"' || ((c == b'b' || c == b'c') && i + 1 < n && b[i + 1] == b'"') {
            i += if c == b'"' { 1 } else { 2 };
            while i < n && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                }
                if i < n && b[i] == b'\n' {
                    line += 1;
                    line_start = i + 1;
                }
                i += 1;
            }
            i += 1;
            prefix = false;
            continue;
        }
        if c == b'\'' || (c == b'b' && i + 1 < n && b[i + 1] == b'\'') {
            let q = if c == b'\'' { i } else { i + 1 };
            // A char literal `'x'`, `'\n'`, `'\u{..}'`, or a lifetime / label `'a`.
            let after = q + 1;
            if after < n && b[after] == b'\\' {
                let mut j = after + 2;
                while j < n && b[j] != b'\'' && b[j] != b'\n' {
                    j += 1;
                }
                i = (j + 1).min(n);
                prefix = false;
                continue;
            }
            let ch_len = text
                .get(after..)
                .and_then(|s| s.chars().next())
                .map(char::len_utf8)
                .unwrap_or(1);
            if after + ch_len < n && b[after + ch_len] == b'\'' {
                i = after + ch_len + 1;
                prefix = false;
                continue;
            }
            // Lifetime: skip its name.
            i = after;
            while i < n && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80) {
                i += 1;
            }
            if i == after {
                i += 1;
            }
            prefix = false;
            continue;
        }
        if c.is_ascii_digit() {
            i = number_end(b, i);
            if let Some(digits) = int_digits(&b[start..i]) {
                if digits > MAX_INT_DIGITS {
                    fail!(
                        start,
                        "integer literal has {digits} digits, more than any Rust integer type holds ({MAX_INT_DIGITS}); privflow does not parse it"
                    );
                }
            }
            prefix = false;
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            // `r#ident`
            if c == b'r' && i + 2 < n && b[i + 1] == b'#' {
                i += 2;
            }
            let w_start = i;
            while i < n && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80) {
                i += 1;
            }
            let word = &text[w_start..i];
            if LEVEL_KEYWORDS.contains(&word) {
                f.chain += 1;
                prefix = true;
            } else {
                prefix = false;
            }
            if f.depth() > MAX_NESTING {
                fail!(start, "{}", too_deep(f.depth()));
            }
            continue;
        }
        // Punctuation.
        i += 1;
        match c {
            b'(' | b'[' | b'{' => {
                // After an operand: a call or an index, one more link of a postfix chain.
                if !prefix {
                    f.chain += 1;
                }
                let outer = f.depth() + 1;
                if outer > MAX_NESTING {
                    fail!(start, "{}", too_deep(outer));
                }
                frames.push(Frame {
                    outer,
                    ..Frame::default()
                });
                prefix = true;
                continue;
            }
            b')' | b']' | b'}' => {
                if frames.len() > 1 {
                    frames.pop();
                }
                if c == b'}' {
                    top!().after_brace = true;
                }
                prefix = false;
                continue;
            }
            b';' => {
                f.reset();
                prefix = true;
                continue;
            }
            b',' => {
                f.chain = 0;
                prefix = true;
                continue;
            }
            b':' | b'#' | b'$' | b'@' | b'\\' | b'`' => {
                prefix = c != b':' || !(i < n && b[i] == b':');
                if c == b':' && i < n && b[i] == b':' {
                    i += 1;
                }
                continue;
            }
            b'=' if i < n && b[i] == b'>' => {
                i += 1;
                f.chain = 0;
            }
            b'-' if i < n && b[i] == b'>' => {
                i += 1;
                f.chain += 1;
            }
            b'<' | b'>' if i < n && b[i] == b'=' => {
                i += 1;
                f.chain += 1;
            }
            b'<' => f.open(Open::Angle),
            b'>' => f.close(Open::Angle),
            b'|' if i < n && b[i] == b'|' => {
                i += 1;
                f.chain += 1;
            }
            b'|' => {
                if matches!(f.saved.last(), Some((Open::Bar, _, _))) {
                    f.close(Open::Bar);
                    prefix = true;
                    if f.depth() > MAX_NESTING {
                        fail!(start, "{}", too_deep(f.depth()));
                    }
                    continue;
                } else if prefix {
                    f.open(Open::Bar);
                } else {
                    f.chain += 1;
                }
            }
            _ => f.chain += 1,
        }
        // A `?` or `>` ends an operand; any other operator expects one.
        prefix = !matches!(c, b'?' | b'>');
        if f.depth() > MAX_NESTING {
            fail!(start, "{}", too_deep(f.depth()));
        }
    }
    Ok(())
}

fn too_deep(depth: usize) -> String {
    format!(
        "code nests about {depth} levels deep here (brackets, generic arguments, operator, method or closure chains), beyond the {MAX_NESTING} privflow parses"
    )
}

/// The identifier starting at `i` (empty if none).
fn word_at(b: &[u8], i: usize) -> &str {
    let mut j = i;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
        j += 1;
    }
    std::str::from_utf8(&b[i..j]).unwrap_or("")
}

/// The end of a raw string literal starting at `i` (`r"..."`, `r#".."#`, `br".."`, `cr".."`).
fn raw_string_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    if j < b.len() && (b[j] == b'b' || b[j] == b'c') {
        j += 1;
    }
    if j >= b.len() || b[j] != b'r' {
        return None;
    }
    j += 1;
    let mut hashes = 0;
    while j < b.len() && b[j] == b'#' {
        hashes += 1;
        j += 1;
    }
    if j >= b.len() || b[j] != b'"' {
        return None;
    }
    j += 1;
    while j < b.len() {
        if b[j] == b'"'
            && b[j + 1..]
                .iter()
                .take(hashes)
                .filter(|x| **x == b'#')
                .count()
                == hashes
            && b.len() >= j + 1 + hashes
        {
            return Some(j + 1 + hashes);
        }
        j += 1;
    }
    Some(b.len())
}

/// The end of a number literal starting at `i` (digits, `_`, letters of a base prefix, exponent
/// or suffix, a `.` followed by a digit).
fn number_end(b: &[u8], mut i: usize) -> usize {
    let n = b.len();
    while i < n {
        let c = b[i];
        if c.is_ascii_alphanumeric() || c == b'_' {
            // An exponent's sign: `1e-5`, `2.5E+3`.
            if (c == b'e' || c == b'E')
                && i + 2 < n
                && (b[i + 1] == b'-' || b[i + 1] == b'+')
                && b[i + 2].is_ascii_digit()
            {
                i += 2;
            }
            i += 1;
        } else if c == b'.' && i + 1 < n && b[i + 1].is_ascii_digit() {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Significant digits of an integer literal (`None` for a float).
fn int_digits(tok: &[u8]) -> Option<usize> {
    let (digits, hex) = match tok {
        [b'0', b'x' | b'X', rest @ ..] => (rest, true),
        [b'0', b'o' | b'O' | b'b' | b'B', rest @ ..] => (rest, false),
        _ => {
            if tok.iter().any(|c| matches!(c, b'.' | b'e' | b'E')) {
                return None;
            }
            (tok, false)
        }
    };
    let is_digit = |c: &u8| {
        if hex {
            c.is_ascii_hexdigit()
        } else {
            c.is_ascii_digit()
        }
    };
    let mut count = 0usize;
    let mut leading = true;
    for c in digits {
        if *c == b'_' {
            continue;
        }
        if !is_digit(c) {
            break; // the suffix
        }
        if leading && *c == b'0' {
            continue;
        }
        leading = false;
        count += 1;
    }
    Some(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_ok(s: &str) -> bool {
        check(s).is_ok()
    }

    #[test]
    fn real_code_passes() {
        let mut s = String::new();
        for i in 0..50_000 {
            s.push_str(&format!(
                "#[inline] pub fn f{i}<T: Clone>(x: &Vec<T>, y: u32) -> Option<u32> {{ if y < 3 && y > 1 {{ return None; }} let v = x.iter().map(|a| a.clone()).count(); match y {{ 0 => {{}} 1 => {{}} _ => {{}} }} Some(v as u32 + 'a' as u32) }}\n"
            ));
        }
        s.push_str("pub fn g(a: bool) { if a {} if a {} while a {} loop {} }\n");
        assert!(check(&s).is_ok(), "{:?}", check(&s));
    }

    #[test]
    fn chains_without_brackets_count() {
        let n = MAX_NESTING + 10;
        for (what, s) in [
            (
                "vec",
                format!("type T = {}u8{};", "Vec<".repeat(n), ">".repeat(n)),
            ),
            ("refs", format!("type T = {}u8;", "&'static ".repeat(n))),
            ("not", format!("fn f() {{ {}x }}", "!".repeat(n))),
            ("plus", format!("fn f() {{ 1{} }}", "+1".repeat(n))),
            ("methods", format!("fn f() {{ s{} }}", ".a()".repeat(n))),
            ("closures", format!("fn f() {{ {}1 }}", "|| ".repeat(n))),
            ("bars", format!("fn f() {{ {}1 }}", "|a, b| ".repeat(n))),
            ("ptr", format!("type T = {}u8;", "*const ".repeat(n))),
            ("fnptr", format!("type T = {}u8;", "fn() -> ".repeat(n))),
            ("try", format!("fn f() {{ x{} }}", "?".repeat(n))),
            (
                "else-if",
                format!("fn f() {{ if a {{}}{} }}", " else if a {}".repeat(n)),
            ),
            (
                "generic-commas",
                format!("type T = {}u8{};", "R<u8, ".repeat(n), ">".repeat(n)),
            ),
            (
                "call-brace",
                format!("fn f() {{ x{} }}", ".a({})".repeat(n)),
            ),
            ("calls", format!("fn f() {{ x{} }}", "()".repeat(n))),
            ("index", format!("fn f() {{ x{} }}", "[0]".repeat(n))),
            ("assign", format!("fn f() {{ a{} }}", "=a".repeat(n))),
            ("return", format!("fn f() {{ {}1 }}", "return ".repeat(n))),
        ] {
            assert!(!depth_ok(&s), "{what} must be too deep");
        }
    }

    #[test]
    fn separators_reset() {
        let n = MAX_NESTING * 2;
        assert!(depth_ok(&format!(
            "fn f() {{ {} }}",
            "x.a().b();".repeat(n)
        )));
        assert!(depth_ok(&format!(
            "const A: [i32; 1] = [{}];",
            "-1, ".repeat(n)
        )));
        assert!(depth_ok(&format!(
            "fn f() {{ match x {{ {} }} }}",
            "1 => {} ".repeat(n)
        )));
        assert!(depth_ok(&"pub fn a() -> u8 { 1 } ".repeat(n)));
        assert!(depth_ok(&format!(
            "fn f() {{ {} }}",
            "if a < b { x += 1; } ".repeat(n)
        )));
        // Strings, chars and comments do not count.
        assert!(depth_ok(&format!(
            "const S: &str = \"{}\"; // {}\n/* {} */ const C: char = '<'; const R: &str = r#\"<<\"#;",
            "<".repeat(n),
            "(".repeat(n),
            "[".repeat(n)
        )));
    }

    #[test]
    fn long_integer_literals_are_refused() {
        assert!(check("const X: u128 = 340282366920938463463374607431768211455;").is_ok());
        assert!(check(&format!("const X: u8 = 0b{};", "1".repeat(128))).is_ok());
        assert!(check(&format!("const X: u8 = {}1;", "0".repeat(10_000))).is_ok());
        assert!(check(&format!("const X: f64 = 1.{};", "5".repeat(10_000))).is_ok());
        let e = check(&format!("\nconst X: u8 = {};", "1".repeat(60_000))).unwrap_err();
        assert_eq!((e.line, e.column), (2, 15));
        assert!(e.message.contains("60000 digits"), "{}", e.message);
    }
}
