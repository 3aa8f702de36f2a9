//! Where a syn node starts and ends, read off its first and last tokens.
//!
//! `syn::spanned::Spanned::span` prints the whole node back to a token stream to find its first
//! and last token: lowering, which asks for the span of every expression, then costs the size of
//! each subtree, quadratic in nesting (it was a third of lowering on rust-analyzer's sources) and
//! as deep in recursion as the node. These walk only the leftmost and the rightmost spine, in a
//! loop: the same spans (outer attributes included, as rustc and syn count them), in the length
//! of a spine and constant stack.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::Expr;

/// The span from `e`'s first token to its last.
pub fn expr_span(e: &Expr) -> Span {
    let first = expr_first(e);
    first.join(expr_last(e)).unwrap_or(first)
}

/// The span of a `let` statement, `let` (or its first attribute) to `;`.
pub fn local_span(l: &syn::Local) -> Span {
    let first = l
        .attrs
        .first()
        .map_or(l.let_token.span, |a| a.pound_token.span);
    first.join(l.semi_token.span).unwrap_or(first)
}

/// The span of a macro call, path to closing delimiter (attributes are not part of `Macro`).
pub fn macro_span(m: &syn::Macro) -> Span {
    let first = path_first(&m.path);
    let last = match &m.delimiter {
        syn::MacroDelimiter::Paren(p) => p.span.close(),
        syn::MacroDelimiter::Brace(b) => b.span.close(),
        syn::MacroDelimiter::Bracket(b) => b.span.close(),
    };
    first.join(last).unwrap_or(first)
}

/// The span of a block, brace to brace.
pub fn block_span(b: &syn::Block) -> Span {
    b.brace_token.span.join()
}

fn path_first(p: &syn::Path) -> Span {
    match (&p.leading_colon, p.segments.first()) {
        (Some(c), _) => c.spans[0],
        (None, Some(s)) => s.ident.span(),
        (None, None) => Span::call_site(),
    }
}

fn path_last(p: &syn::Path) -> Span {
    match p.segments.last() {
        // A segment is small: its generic arguments at most.
        Some(s) => s.span(),
        None => p.leading_colon.map_or_else(Span::call_site, |c| c.spans[1]),
    }
}

fn label_first(l: &Option<syn::Label>) -> Option<Span> {
    l.as_ref().map(|l| l.name.apostrophe)
}

/// The outer attributes every expression kind prints before itself.
fn attrs_of(e: &Expr) -> &[syn::Attribute] {
    match e {
        Expr::Array(x) => &x.attrs,
        Expr::Assign(x) => &x.attrs,
        Expr::Async(x) => &x.attrs,
        Expr::Await(x) => &x.attrs,
        Expr::Binary(x) => &x.attrs,
        Expr::Block(x) => &x.attrs,
        Expr::Break(x) => &x.attrs,
        Expr::Call(x) => &x.attrs,
        Expr::Cast(x) => &x.attrs,
        Expr::Closure(x) => &x.attrs,
        Expr::Const(x) => &x.attrs,
        Expr::Continue(x) => &x.attrs,
        Expr::Field(x) => &x.attrs,
        Expr::ForLoop(x) => &x.attrs,
        Expr::Group(x) => &x.attrs,
        Expr::If(x) => &x.attrs,
        Expr::Index(x) => &x.attrs,
        Expr::Infer(x) => &x.attrs,
        Expr::Let(x) => &x.attrs,
        Expr::Lit(x) => &x.attrs,
        Expr::Loop(x) => &x.attrs,
        Expr::Macro(x) => &x.attrs,
        Expr::Match(x) => &x.attrs,
        Expr::MethodCall(x) => &x.attrs,
        Expr::Paren(x) => &x.attrs,
        Expr::Path(x) => &x.attrs,
        Expr::Range(x) => &x.attrs,
        Expr::RawAddr(x) => &x.attrs,
        Expr::Reference(x) => &x.attrs,
        Expr::Repeat(x) => &x.attrs,
        Expr::Return(x) => &x.attrs,
        Expr::Struct(x) => &x.attrs,
        Expr::Try(x) => &x.attrs,
        Expr::TryBlock(x) => &x.attrs,
        Expr::Tuple(x) => &x.attrs,
        Expr::Unary(x) => &x.attrs,
        Expr::Unsafe(x) => &x.attrs,
        Expr::While(x) => &x.attrs,
        Expr::Yield(x) => &x.attrs,
        _ => &[],
    }
}

/// The span of `e`'s first token: down the leftmost spine.
fn expr_first(mut e: &Expr) -> Span {
    loop {
        if let Some(a) = attrs_of(e).first() {
            return a.pound_token.span;
        }
        let next: &Expr = match e {
            Expr::Assign(x) => &x.left,
            Expr::Await(x) => &x.base,
            Expr::Binary(x) => &x.left,
            Expr::Call(x) => &x.func,
            Expr::Cast(x) => &x.expr,
            Expr::Field(x) => &x.base,
            Expr::Index(x) => &x.expr,
            Expr::MethodCall(x) => &x.receiver,
            Expr::Try(x) => &x.expr,
            Expr::Range(x) => match &x.start {
                Some(s) => s,
                None => return range_limits_span(&x.limits, true),
            },
            Expr::Array(x) => return x.bracket_token.span.open(),
            Expr::Async(x) => return x.async_token.span,
            Expr::Block(x) => {
                return label_first(&x.label).unwrap_or_else(|| x.block.brace_token.span.open())
            }
            Expr::Break(x) => return x.break_token.span,
            Expr::Closure(x) => return closure_first(x),
            Expr::Const(x) => return x.const_token.span,
            Expr::Continue(x) => return x.continue_token.span,
            Expr::ForLoop(x) => return label_first(&x.label).unwrap_or(x.for_token.span),
            Expr::Group(x) => return x.group_token.span,
            Expr::If(x) => return x.if_token.span,
            Expr::Infer(x) => return x.underscore_token.span,
            Expr::Let(x) => return x.let_token.span,
            Expr::Lit(x) => return x.lit.span(),
            Expr::Loop(x) => return label_first(&x.label).unwrap_or(x.loop_token.span),
            Expr::Macro(x) => return path_first(&x.mac.path),
            Expr::Match(x) => return x.match_token.span,
            Expr::Paren(x) => return x.paren_token.span.open(),
            Expr::Path(x) => {
                return match &x.qself {
                    Some(q) => q.lt_token.span,
                    None => path_first(&x.path),
                }
            }
            Expr::RawAddr(x) => return x.and_token.span,
            Expr::Reference(x) => return x.and_token.span,
            Expr::Repeat(x) => return x.bracket_token.span.open(),
            Expr::Return(x) => return x.return_token.span,
            Expr::Struct(x) => {
                return match &x.qself {
                    Some(q) => q.lt_token.span,
                    None => path_first(&x.path),
                }
            }
            Expr::TryBlock(x) => return x.try_token.span,
            Expr::Tuple(x) => return x.paren_token.span.open(),
            Expr::Unary(x) => return x.op.span(),
            Expr::Unsafe(x) => return x.unsafe_token.span,
            Expr::While(x) => return label_first(&x.label).unwrap_or(x.while_token.span),
            Expr::Yield(x) => return x.yield_token.span,
            // `Verbatim` and kinds syn may add: the printing way (rare, small).
            other => return other.span(),
        };
        e = next;
    }
}

fn closure_first(c: &syn::ExprClosure) -> Span {
    if let Some(l) = &c.lifetimes {
        return l.for_token.span;
    }
    if let Some(t) = &c.constness {
        return t.span;
    }
    if let Some(t) = &c.movability {
        return t.span;
    }
    if let Some(t) = &c.asyncness {
        return t.span;
    }
    if let Some(t) = &c.capture {
        return t.span;
    }
    c.or1_token.span
}

fn range_limits_span(l: &syn::RangeLimits, first: bool) -> Span {
    match l {
        syn::RangeLimits::HalfOpen(t) => {
            if first {
                t.spans[0]
            } else {
                t.spans[1]
            }
        }
        syn::RangeLimits::Closed(t) => {
            if first {
                t.spans[0]
            } else {
                t.spans[2]
            }
        }
    }
}

/// The span of `e`'s last token: down the rightmost spine.
fn expr_last(mut e: &Expr) -> Span {
    loop {
        let next: &Expr = match e {
            Expr::Assign(x) => &x.right,
            Expr::Binary(x) => &x.right,
            Expr::Closure(x) => &x.body,
            Expr::Let(x) => &x.expr,
            Expr::RawAddr(x) => &x.expr,
            Expr::Reference(x) => &x.expr,
            Expr::Unary(x) => &x.expr,
            Expr::Range(x) => match &x.end {
                Some(end) => end,
                None => return range_limits_span(&x.limits, false),
            },
            Expr::Break(x) => match (&x.expr, &x.label) {
                (Some(v), _) => v,
                (None, Some(l)) => return l.ident.span(),
                (None, None) => return x.break_token.span,
            },
            Expr::Return(x) => match &x.expr {
                Some(v) => v,
                None => return x.return_token.span,
            },
            Expr::Yield(x) => match &x.expr {
                Some(v) => v,
                None => return x.yield_token.span,
            },
            Expr::If(x) => match &x.else_branch {
                Some((_, els)) => els,
                None => return x.then_branch.brace_token.span.close(),
            },
            Expr::Array(x) => return x.bracket_token.span.close(),
            Expr::Async(x) => return x.block.brace_token.span.close(),
            Expr::Await(x) => return x.await_token.span,
            Expr::Block(x) => return x.block.brace_token.span.close(),
            Expr::Call(x) => return x.paren_token.span.close(),
            Expr::Cast(x) => return x.ty.span(),
            Expr::Const(x) => return x.block.brace_token.span.close(),
            Expr::Continue(x) => {
                return x
                    .label
                    .as_ref()
                    .map_or(x.continue_token.span, |l| l.ident.span())
            }
            Expr::Field(x) => return x.member.span(),
            Expr::ForLoop(x) => return x.body.brace_token.span.close(),
            Expr::Group(x) => return x.group_token.span,
            Expr::Index(x) => return x.bracket_token.span.close(),
            Expr::Infer(x) => return x.underscore_token.span,
            Expr::Lit(x) => return x.lit.span(),
            Expr::Loop(x) => return x.body.brace_token.span.close(),
            Expr::Macro(x) => return macro_span_last(&x.mac),
            Expr::Match(x) => return x.brace_token.span.close(),
            Expr::MethodCall(x) => return x.paren_token.span.close(),
            Expr::Paren(x) => return x.paren_token.span.close(),
            Expr::Path(x) => return path_last(&x.path),
            Expr::Repeat(x) => return x.bracket_token.span.close(),
            Expr::Struct(x) => return x.brace_token.span.close(),
            Expr::Try(x) => return x.question_token.span,
            Expr::TryBlock(x) => return x.block.brace_token.span.close(),
            Expr::Tuple(x) => return x.paren_token.span.close(),
            Expr::Unsafe(x) => return x.block.brace_token.span.close(),
            Expr::While(x) => return x.body.brace_token.span.close(),
            other => return other.span(),
        };
        e = next;
    }
}

fn macro_span_last(m: &syn::Macro) -> Span {
    match &m.delimiter {
        syn::MacroDelimiter::Paren(p) => p.span.close(),
        syn::MacroDelimiter::Brace(b) => b.span.close(),
        syn::MacroDelimiter::Bracket(b) => b.span.close(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(s: Span) -> ((usize, usize), (usize, usize)) {
        let (a, b) = (s.start(), s.end());
        ((a.line, a.column), (b.line, b.column))
    }

    /// Every expression kind, with attributes, labels and nesting: the spine walk gives the spans
    /// syn's printing way gives.
    #[test]
    fn same_spans_as_printing() {
        let src = r#"
fn f() {
    let _ = [1, 2];
    a = b + c * d;
    let _ = async move { x };
    let _ = fut.await;
    let _ = 'l: { break 'l 3 };
    let _ = call(a, b);
    let _ = x as u64;
    let _ = move |a, b| a + b;
    let _ = const { 1 };
    loop { continue; break; }
    'o: for i in 0..n { continue 'o; }
    let _ = s.field.0;
    if a { b } else if c { d } else { e };
    let _ = v[i];
    let _ = #[allow(unused)] x;
    while let Some(x) = it.next() {}
    let _ = m!(a, b);
    let _ = vec![1; 3];
    match x { _ => 1 }
    let _ = a.b().c::<T>(d);
    let _ = (a);
    let _ = <T as Tr>::f;
    let _ = std::mem::take;
    let _ = ..;
    let _ = a..;
    let _ = ..=b;
    let _ = &mut x;
    let _ = [0u8; 4];
    return;
    let _ = S { a: 1, ..Default::default() };
    let _ = f()?;
    let _ = (1, 2);
    let _ = !x;
    let _ = unsafe { p.read() };
    let _ = -x;
    let _ = "lit";
}
"#;
        let file = syn::parse_file(src).expect("parses");
        let syn::Item::Fn(f) = &file.items[0] else {
            panic!("not a fn")
        };
        struct V(usize);
        impl<'a> syn::visit::Visit<'a> for V {
            fn visit_expr(&mut self, e: &'a Expr) {
                assert_eq!(pos(expr_span(e)), pos(e.span()), "{}", quote::quote!(#e));
                self.0 += 1;
                syn::visit::visit_expr(self, e);
            }
            fn visit_local(&mut self, l: &'a syn::Local) {
                assert_eq!(pos(local_span(l)), pos(l.span()));
                syn::visit::visit_local(self, l);
            }
            fn visit_macro(&mut self, m: &'a syn::Macro) {
                assert_eq!(pos(macro_span(m)), pos(m.span()));
                syn::visit::visit_macro(self, m);
            }
            fn visit_block(&mut self, b: &'a syn::Block) {
                assert_eq!(pos(block_span(b)), pos(b.span()));
                syn::visit::visit_block(self, b);
            }
        }
        let mut v = V(0);
        syn::visit::visit_item_fn(&mut v, f);
        assert!(v.0 > 90, "visited {} expressions", v.0);
    }
}
