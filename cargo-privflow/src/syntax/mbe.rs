//! Workspace `macro_rules!` macros by example, expanded at lowering so what they hide (an
//! `insert!(table, row)` whose body calls the database) is analysed.
//!
//! A small matcher and transcriber over `proc_macro2` token trees, not rustc's: literal tokens,
//! `$name:fragment` (fragments that are one token tree are matched as such; `expr`, `ty`, `pat`,
//! `path`, `stmt`, `block`, `item`, `vis`, `meta` by syn's parser for that fragment), and
//! `$( .. ) sep op` repetitions, nested. The first rule that matches the whole input wins, as in
//! rustc; no rule matching (or an input beyond these forms) leaves the call as it was (its
//! arguments read as expressions), never fails the run. Bounded: the expansion's size and the
//! depth of macros expanding macros.

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use std::collections::HashMap;

/// Token trees an expansion may produce; a bigger one is not used.
pub const MAX_EXPANSION_TREES: usize = 20_000;
/// Token trees all expansions of one file may produce; further calls stay unexpanded.
pub const MAX_FILE_EXPANSION_TREES: usize = 400_000;
/// Macros expanding macros followed this deep.
pub const MAX_EXPANSION_DEPTH: u32 = 16;

/// Token trees in `ts`, groups' contents included.
pub fn count_trees(ts: &TokenStream) -> usize {
    let mut n = 0;
    let mut stack = vec![ts.clone()];
    while let Some(t) = stack.pop() {
        for tt in t {
            n += 1;
            if let TokenTree::Group(g) = tt {
                stack.push(g.stream());
            }
        }
    }
    n
}

/// One `macro_rules!` definition: its rules in order.
#[derive(Debug)]
pub struct MacroDef {
    rules: Vec<(Vec<Matcher>, TokenStream)>,
}

#[derive(Debug)]
enum Matcher {
    /// A literal token, compared by its text.
    Token(String),
    Group(Delimiter, Vec<Matcher>),
    Fragment(String, Fragment),
    Repeat {
        inner: Vec<Matcher>,
        sep: Option<String>,
        op: char,
    },
}

#[derive(Debug, Clone, Copy)]
enum Fragment {
    Tt,
    Ident,
    Lifetime,
    Literal,
    Expr,
    Ty,
    Pat,
    Path,
    Stmt,
    Block,
    Item,
    Vis,
    Meta,
}

#[derive(Debug, Clone)]
enum Binding {
    /// The tokens, and whether they are one operand (an expression fragment, kept grouped).
    One(TokenStream, bool),
    Many(Vec<HashMap<String, Binding>>),
}

type Bindings = HashMap<String, Binding>;

/// `{ (matcher) => { transcriber }; .. }`: the body of a `macro_rules! name { .. }`.
pub fn parse_rules(body: TokenStream) -> Option<MacroDef> {
    let tts: Vec<TokenTree> = body.into_iter().collect();
    let mut rules = Vec::new();
    let mut i = 0;
    while i < tts.len() {
        let TokenTree::Group(m) = &tts[i] else {
            return None;
        };
        let arrow = matches!((tts.get(i + 1), tts.get(i + 2)),
            (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b))) if a.as_char() == '=' && b.as_char() == '>');
        let Some(TokenTree::Group(t)) = tts.get(i + 3) else {
            return None;
        };
        if !arrow {
            return None;
        }
        let matcher = parse_matcher(&m.stream().into_iter().collect::<Vec<_>>())?;
        rules.push((matcher, t.stream()));
        i += 4;
        if matches!(tts.get(i), Some(TokenTree::Punct(p)) if p.as_char() == ';') {
            i += 1;
        }
    }
    Some(MacroDef { rules })
}

fn parse_matcher(tts: &[TokenTree]) -> Option<Vec<Matcher>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tts.len() {
        match &tts[i] {
            TokenTree::Punct(p) if p.as_char() == '$' => match tts.get(i + 1) {
                Some(TokenTree::Ident(name)) => {
                    let colon =
                        matches!(tts.get(i + 2), Some(TokenTree::Punct(c)) if c.as_char() == ':');
                    let Some(TokenTree::Ident(kind)) = tts.get(i + 3) else {
                        return None;
                    };
                    if !colon {
                        return None;
                    }
                    out.push(Matcher::Fragment(
                        name.to_string(),
                        fragment(&kind.to_string())?,
                    ));
                    i += 4;
                }
                Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis => {
                    let inner = parse_matcher(&g.stream().into_iter().collect::<Vec<_>>())?;
                    let (sep, op, used) = repetition_tail(&tts[i + 2..])?;
                    out.push(Matcher::Repeat { inner, sep, op });
                    i += 2 + used;
                }
                _ => return None,
            },
            TokenTree::Group(g) => {
                let inner = parse_matcher(&g.stream().into_iter().collect::<Vec<_>>())?;
                out.push(Matcher::Group(g.delimiter(), inner));
                i += 1;
            }
            t => {
                out.push(Matcher::Token(t.to_string()));
                i += 1;
            }
        }
    }
    Some(out)
}

/// After `$( .. )`: an optional separator token and the operator (`*`, `+`, `?`); the number
/// of token trees they take.
fn repetition_tail(tts: &[TokenTree]) -> Option<(Option<String>, char, usize)> {
    let is_op =
        |t: &TokenTree| matches!(t, TokenTree::Punct(p) if matches!(p.as_char(), '*' | '+' | '?'));
    let op_of = |t: &TokenTree| match t {
        TokenTree::Punct(p) => p.as_char(),
        _ => '*',
    };
    match (tts.first(), tts.get(1)) {
        (Some(t), _) if is_op(t) => Some((None, op_of(t), 1)),
        (Some(sep), Some(t)) if is_op(t) => Some((Some(sep.to_string()), op_of(t), 2)),
        _ => None,
    }
}

fn fragment(kind: &str) -> Option<Fragment> {
    Some(match kind {
        "tt" => Fragment::Tt,
        "ident" => Fragment::Ident,
        "lifetime" => Fragment::Lifetime,
        "literal" => Fragment::Literal,
        "expr" | "expr_2021" => Fragment::Expr,
        "ty" => Fragment::Ty,
        "pat" | "pat_param" => Fragment::Pat,
        "path" => Fragment::Path,
        "stmt" => Fragment::Stmt,
        "block" => Fragment::Block,
        "item" => Fragment::Item,
        "vis" => Fragment::Vis,
        "meta" => Fragment::Meta,
        _ => return None,
    })
}

/// The expansion of `input` by the first rule that matches it, its own tokens placed at `at`
/// (the call), so what the expansion does is reported at the call.
pub fn expand(def: &MacroDef, input: TokenStream, at: Span) -> Option<TokenStream> {
    let tts: Vec<TokenTree> = input.into_iter().collect();
    for (matcher, transcriber) in &def.rules {
        let mut b = Bindings::new();
        if let Some(used) = match_seq(matcher, &tts, &mut b) {
            if used == tts.len() {
                let mut out = Vec::new();
                transcribe(transcriber.clone(), &b, &[], at, &mut out)?;
                return Some(out.into_iter().collect());
            }
        }
    }
    None
}

/// Matches `ms` against a prefix of `tts`: the number of token trees used.
fn match_seq(ms: &[Matcher], tts: &[TokenTree], b: &mut Bindings) -> Option<usize> {
    let mut pos = 0;
    for m in ms {
        match m {
            Matcher::Token(t) => {
                if tts.get(pos)?.to_string() != *t {
                    return None;
                }
                pos += 1;
            }
            Matcher::Group(d, inner) => {
                let TokenTree::Group(g) = tts.get(pos)? else {
                    return None;
                };
                if g.delimiter() != *d {
                    return None;
                }
                let inner_tts: Vec<TokenTree> = g.stream().into_iter().collect();
                if match_seq(inner, &inner_tts, b)? != inner_tts.len() {
                    return None;
                }
                pos += 1;
            }
            Matcher::Fragment(name, kind) => {
                let n = match_fragment(*kind, &tts[pos..])?;
                b.insert(
                    name.clone(),
                    Binding::One(
                        tts[pos..pos + n].iter().cloned().collect(),
                        matches!(kind, Fragment::Expr),
                    ),
                );
                pos += n;
            }
            Matcher::Repeat { inner, sep, op } => {
                let mut reps = Vec::new();
                loop {
                    let mut rest = pos;
                    if !reps.is_empty() {
                        if let Some(s) = sep {
                            match tts.get(rest) {
                                Some(t) if t.to_string() == *s => rest += 1,
                                _ => break,
                            }
                        }
                    }
                    let mut rb = Bindings::new();
                    match match_seq(inner, &tts[rest.min(tts.len())..], &mut rb) {
                        Some(n) if n > 0 || inner.is_empty() => {
                            reps.push(rb);
                            pos = rest + n;
                        }
                        _ => break,
                    }
                    if *op == '?' || inner.is_empty() {
                        break;
                    }
                }
                if *op == '+' && reps.is_empty() {
                    return None;
                }
                for name in names_in(inner) {
                    b.insert(name.clone(), Binding::Many(reps.clone()));
                }
            }
        }
    }
    Some(pos)
}

fn names_in(ms: &[Matcher]) -> Vec<String> {
    let mut out = Vec::new();
    for m in ms {
        match m {
            Matcher::Fragment(n, _) => out.push(n.clone()),
            Matcher::Group(_, inner) | Matcher::Repeat { inner, .. } => out.extend(names_in(inner)),
            Matcher::Token(_) => {}
        }
    }
    out
}

/// How many token trees of `tts` the fragment takes, if it matches.
fn match_fragment(kind: Fragment, tts: &[TokenTree]) -> Option<usize> {
    match kind {
        Fragment::Tt => tts.first().map(|_| 1),
        Fragment::Ident => matches!(tts.first()?, TokenTree::Ident(_)).then_some(1),
        Fragment::Lifetime => match (tts.first()?, tts.get(1)) {
            (TokenTree::Punct(p), Some(TokenTree::Ident(_))) if p.as_char() == '\'' => Some(2),
            _ => None,
        },
        Fragment::Literal => match (tts.first()?, tts.get(1)) {
            (TokenTree::Literal(_), _) => Some(1),
            (TokenTree::Punct(p), Some(TokenTree::Literal(_))) if p.as_char() == '-' => Some(2),
            (TokenTree::Ident(i), _) if i == "true" || i == "false" => Some(1),
            _ => None,
        },
        _ => {
            let ts: TokenStream = tts.iter().cloned().collect();
            let rest = parse_prefix(kind, ts)?;
            let n = tts.len().checked_sub(rest)?;
            (n > 0 || matches!(kind, Fragment::Vis)).then_some(n)
        }
    }
}

/// Parses one fragment off the front of `ts`: how many token trees are left after it.
fn parse_prefix(kind: Fragment, ts: TokenStream) -> Option<usize> {
    use syn::parse::{ParseStream, Parser};
    let parser = |input: ParseStream| -> syn::Result<usize> {
        match kind {
            Fragment::Expr => {
                input.parse::<syn::Expr>()?;
            }
            Fragment::Ty => {
                input.parse::<syn::Type>()?;
            }
            Fragment::Pat => {
                syn::Pat::parse_multi_with_leading_vert(input)?;
            }
            Fragment::Path => {
                input.call(syn::Path::parse_mod_style)?;
            }
            Fragment::Stmt => {
                input.parse::<syn::Stmt>()?;
            }
            Fragment::Block => {
                input.parse::<syn::Block>()?;
            }
            Fragment::Item => {
                input.parse::<syn::Item>()?;
            }
            Fragment::Vis => {
                input.parse::<syn::Visibility>()?;
            }
            Fragment::Meta => {
                input.parse::<syn::Meta>()?;
            }
            Fragment::Tt | Fragment::Ident | Fragment::Lifetime | Fragment::Literal => {}
        }
        let rest: TokenStream = input.parse()?;
        Ok(rest.into_iter().count())
    };
    parser.parse2(ts).ok()
}

/// Writes the transcriber with the bindings put in (at repetition indices `idx`).
fn transcribe(
    ts: TokenStream,
    b: &Bindings,
    idx: &[usize],
    at: Span,
    out: &mut Vec<TokenTree>,
) -> Option<()> {
    let tts: Vec<TokenTree> = ts.into_iter().collect();
    let mut i = 0;
    while i < tts.len() {
        if out.len() > MAX_EXPANSION_TREES {
            return None;
        }
        match &tts[i] {
            TokenTree::Punct(p) if p.as_char() == '$' => match tts.get(i + 1) {
                Some(TokenTree::Ident(name)) if name == "crate" => {
                    out.push(TokenTree::Ident(proc_macro2::Ident::new("crate", at)));
                    i += 2;
                }
                Some(TokenTree::Ident(name)) => {
                    let (ts, operand) = lookup(b, &name.to_string(), idx)?;
                    if operand {
                        // Parenthesised: an expression fragment stays one operand (`$a * 2`).
                        out.push(TokenTree::Group(Group::new(Delimiter::Parenthesis, ts)));
                    } else {
                        out.extend(ts);
                    }
                    i += 2;
                }
                Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis => {
                    let (sep, _op, used) = repetition_tail(&tts[i + 2..])?;
                    let count = repeat_count(g.stream(), b, idx)?;
                    for k in 0..count {
                        if k > 0 {
                            if let Some(s) = &sep {
                                let sep_tokens: TokenStream = s.parse().ok()?;
                                out.extend(sep_tokens.into_iter().map(|t| respan(t, at)));
                            }
                        }
                        let mut inner_idx = idx.to_vec();
                        inner_idx.push(k);
                        transcribe(g.stream(), b, &inner_idx, at, out)?;
                    }
                    i += 2 + used;
                }
                _ => {
                    out.push(respan(tts[i].clone(), at));
                    i += 1;
                }
            },
            TokenTree::Group(g) => {
                let mut inner = Vec::new();
                transcribe(g.stream(), b, idx, at, &mut inner)?;
                let mut ng = Group::new(g.delimiter(), inner.into_iter().collect());
                ng.set_span(at);
                out.push(TokenTree::Group(ng));
                i += 1;
            }
            t => {
                out.push(respan(t.clone(), at));
                i += 1;
            }
        }
    }
    Some(())
}

fn respan(mut t: TokenTree, at: Span) -> TokenTree {
    t.set_span(at);
    t
}

/// The tokens bound to `name` at repetition indices `idx`.
fn lookup(b: &Bindings, name: &str, idx: &[usize]) -> Option<(TokenStream, bool)> {
    let mut cur = b.get(name)?;
    let mut level = 0;
    loop {
        match cur {
            Binding::One(ts, operand) => return Some((ts.clone(), *operand)),
            Binding::Many(reps) => {
                let k = *idx.get(level)?;
                cur = reps.get(k)?.get(name)?;
                level += 1;
            }
        }
    }
}

/// How many times `$( .. )` repeats: the repetition count of the variables it names at this
/// depth (they must agree, as rustc requires).
fn repeat_count(ts: TokenStream, b: &Bindings, idx: &[usize]) -> Option<usize> {
    let mut names = Vec::new();
    collect_vars(ts, &mut names);
    let mut count = None;
    for n in names {
        let Some(mut cur) = b.get(&n) else { continue };
        let mut level = 0;
        let here = loop {
            match cur {
                Binding::One(..) => break None,
                Binding::Many(reps) if level == idx.len() => break Some(reps.len()),
                Binding::Many(reps) => {
                    let Some(next) = reps.get(idx[level]).and_then(|r| r.get(&n)) else {
                        break None;
                    };
                    cur = next;
                    level += 1;
                }
            }
        };
        if let Some(c) = here {
            match count {
                None => count = Some(c),
                Some(k) if k != c => return None,
                _ => {}
            }
        }
    }
    count
}

fn collect_vars(ts: TokenStream, out: &mut Vec<String>) {
    let tts: Vec<TokenTree> = ts.into_iter().collect();
    for (i, t) in tts.iter().enumerate() {
        match t {
            TokenTree::Punct(p) if p.as_char() == '$' => {
                if let Some(TokenTree::Ident(n)) = tts.get(i + 1) {
                    out.push(n.to_string());
                }
            }
            TokenTree::Group(g) => collect_vars(g.stream(), out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand_str(def: &str, call: &str) -> Option<String> {
        let d = parse_rules(def.parse().unwrap())?;
        expand(&d, call.parse().unwrap(), Span::call_site()).map(|t| t.to_string())
    }

    #[test]
    fn fragments_and_repetitions_are_substituted() {
        let def =
            "($t:ident, $($k:ident = $v:expr),* $(,)?) => { $t.insert(vec![$(($k, $v)),*]) };";
        let out = expand_str(def, "table, a = 1 + 2, b = f(x)").unwrap();
        let squashed: String = out.split_whitespace().collect();
        // Expression fragments stay one operand (parenthesised); identifiers are put in as they are.
        assert_eq!(squashed, "table.insert(vec![(a,(1+2)),(b,(f(x)))])");
    }

    #[test]
    fn first_matching_rule_wins_and_no_match_is_none() {
        let def = "() => { 0 }; ($e:expr) => { audit($e) };";
        assert_eq!(expand_str(def, "").unwrap().trim(), "0");
        let one: String = expand_str(def, "&p.name")
            .unwrap()
            .split_whitespace()
            .collect();
        assert_eq!(one, "audit((&p.name))");
        assert_eq!(expand_str(def, "a, b"), None);
    }

    #[test]
    fn mismatched_repetition_counts_do_not_expand() {
        let def = "($($a:ident),* ; $($b:ident),*) => { $(f($a, $b);)* };";
        assert!(expand_str(def, "x, y ; z").is_none());
        let ok: String = expand_str(def, "x, y ; z, w")
            .unwrap()
            .split_whitespace()
            .collect();
        assert_eq!(ok, "f(x,z);f(y,w);");
    }
}
