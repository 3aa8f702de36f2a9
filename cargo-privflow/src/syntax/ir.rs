//! The intermediate representation the analysis works on: a `Send`, span-resolved, reduced form of
//! the Rust syntax that matters for data flow.
//!
//! `syn`'s trees are `!Send` and their spans only resolve on the thread that parsed them, so each
//! file is lowered to this IR on its parsing thread (see `lower`). Macros privflow understands
//! (format-like, logging, `vec!`, `json!`) are already expanded into their argument expressions.

use std::sync::Arc;

/// An identifier or path segment. Cheap to clone, ordered by content.
pub type Name = Arc<str>;

/// A crate's enabled cargo features (shared by all its files).
pub type Features = Arc<std::collections::BTreeSet<String>>;

/// An identifier as the IR spells it: raw identifiers lose their `r#` (`r#loop` names the module
/// file `loop.rs`, and is the same name as `loop` in paths).
pub fn name(s: &str) -> Name {
    Arc::from(s.strip_prefix("r#").unwrap_or(s))
}

/// Index of a source file in the [`crate::syntax::SourceDb`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub u32);

/// A resolved source range: 1-based lines and columns (columns in characters; `end_col` is one
/// past the last character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub file: FileId,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PathSeg {
    pub name: Name,
    pub generics: Vec<TypeRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Path {
    /// Starts with `::`.
    pub global: bool,
    pub segments: Vec<PathSeg>,
    /// `<T as Trait>::f`: the qualified self type.
    pub qself: Option<Box<TypeRef>>,
    pub span: Span,
}

impl Path {
    pub fn single(&self) -> Option<&Name> {
        if self.segments.len() == 1 && !self.global && self.qself.is_none() {
            Some(&self.segments[0].name)
        } else {
            None
        }
    }
    pub fn last(&self) -> Option<&Name> {
        self.segments.last().map(|s| &s.name)
    }
    pub fn to_string_lossy(&self) -> String {
        let s: Vec<&str> = self.segments.iter().map(|s| &*s.name).collect();
        s.join("::")
    }
}

/// A written type, unresolved.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TypeRef {
    Path(Path),
    Ref {
        inner: Box<TypeRef>,
        mutable: bool,
    },
    Tuple(Vec<TypeRef>),
    /// `[T]`, `[T; N]`, `*const T`.
    Slice(Box<TypeRef>),
    ImplTrait(Vec<Path>),
    DynTrait(Vec<Path>),
    Fn,
    Never,
    /// `_` or anything privflow does not model.
    Infer,
}

#[derive(Debug, Clone)]
pub enum Pat {
    /// `x`, `ref x`, `mut x`, `x @ sub`.
    Bind {
        name: Name,
        sub: Option<Box<Pat>>,
        span: Span,
    },
    Tuple(Vec<Pat>),
    /// `S { a, b: p, .. }`
    Struct {
        path: Path,
        fields: Vec<(Name, Pat)>,
    },
    /// `Some(p)`, `Variant(a, b)`, `Ok(_)`.
    TupleStruct {
        path: Path,
        elems: Vec<Pat>,
    },
    /// A bare path pattern: `None`, `Kind::A`.
    Path(Path),
    Slice(Vec<Pat>),
    Or(Vec<Pat>),
    Ref(Box<Pat>),
    Wild,
    Rest,
    /// `true` / `false`: what a check's `Ok(true)` pattern tells (SPEC §5).
    Bool(bool),
    /// Any other literal.
    Lit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnOp {
    Deref,
    Not,
    Neg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    And,
    Or,
    /// `+`, `-`, `*`, `/`, `%`, `&`, `|`, `^`, `<<`, `>>`: the `std::ops` method a workspace
    /// type's impl provides (`add`, ...); without one, the result carries both operands' tags.
    Arith(&'static str),
    /// `==` and `!=` (read for what comparing a check's result with `Some(true)` tells), and
    /// the other comparisons: the result carries both operands' tags.
    Eq,
    Ne,
    Other,
}

/// What kind of macro call privflow recognised (the name is in `path`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MacroKind {
    /// `format!`, `println!`, `info!`, ...: arguments after the format string, inline captures
    /// `{name}` included.
    Format,
    /// `write!(dest, ...)`, `writeln!`: `dest` receives the formatted arguments.
    Write,
    /// `vec![..]`, `json!(..)`, unknown macros whose tokens parse as expressions.
    Exprs,
    /// A macro whose tokens are not expressions privflow can read.
    Opaque,
}

#[derive(Debug, Clone)]
pub struct Arm {
    pub pat: Pat,
    pub guard: Option<Expr>,
    pub body: Expr,
}

#[derive(Debug, Clone)]
pub struct Closure {
    pub params: Vec<(Pat, TypeRef)>,
    pub body: Expr,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum Expr {
    /// A variable, constant, unit struct, fn item or enum variant.
    Path(Path),
    /// A literal; string literals keep their text (SQL statements, format strings).
    Lit {
        text: Option<Name>,
        /// The value of an integer literal that fits in `u64` (a constant index: `a[0]`).
        int: Option<u64>,
        /// The value of `true` / `false` (a branch that never runs: `if false { .. }`).
        boolean: Option<bool>,
        span: Span,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        span: Span,
    },
    MethodCall {
        recv: Box<Expr>,
        method: Name,
        turbofish: Vec<TypeRef>,
        args: Vec<Expr>,
        span: Span,
    },
    Field {
        base: Box<Expr>,
        field: Name,
        span: Span,
    },
    Index {
        base: Box<Expr>,
        index: Box<Expr>,
        span: Span,
    },
    Struct {
        path: Path,
        fields: Vec<(Name, Expr)>,
        rest: Option<Box<Expr>>,
        span: Span,
    },
    Tuple {
        elems: Vec<Expr>,
        span: Span,
    },
    Array {
        elems: Vec<Expr>,
        span: Span,
    },
    Unary {
        op: UnOp,
        expr: Box<Expr>,
        span: Span,
    },
    Ref {
        expr: Box<Expr>,
        mutable: bool,
        span: Span,
    },
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
        span: Span,
    },
    /// `a = b` or `a += b` (`compound`).
    Assign {
        lhs: Box<Expr>,
        rhs: Box<Expr>,
        compound: bool,
        span: Span,
    },
    Block(Box<Block>),
    If {
        cond: Box<Expr>,
        then: Box<Block>,
        els: Option<Box<Expr>>,
        span: Span,
    },
    /// `let PAT = EXPR` inside an `if`/`while` condition.
    Let {
        pat: Pat,
        expr: Box<Expr>,
        span: Span,
    },
    Match {
        scrutinee: Box<Expr>,
        arms: Vec<Arm>,
        span: Span,
    },
    While {
        label: Option<Name>,
        cond: Box<Expr>,
        body: Box<Block>,
        span: Span,
    },
    Loop {
        label: Option<Name>,
        body: Box<Block>,
        span: Span,
    },
    For {
        label: Option<Name>,
        pat: Pat,
        iter: Box<Expr>,
        body: Box<Block>,
        span: Span,
    },
    /// `'label: { .. }`: a block `break 'label value` leaves.
    Labeled {
        label: Name,
        body: Box<Block>,
        span: Span,
    },
    Closure(Box<Closure>),
    Return {
        expr: Option<Box<Expr>>,
        span: Span,
    },
    Break {
        label: Option<Name>,
        expr: Option<Box<Expr>>,
        span: Span,
    },
    Continue {
        label: Option<Name>,
        span: Span,
    },
    Try {
        expr: Box<Expr>,
        span: Span,
    },
    Await {
        expr: Box<Expr>,
        span: Span,
    },
    Cast {
        expr: Box<Expr>,
        ty: TypeRef,
        span: Span,
    },
    Macro {
        path: Path,
        kind: MacroKind,
        args: Vec<Expr>,
        span: Span,
    },
    /// Anything else: its value carries the tags of its parts.
    Opaque {
        parts: Vec<Expr>,
        span: Span,
    },
}

impl Expr {
    pub fn span(&self) -> Span {
        match self {
            Expr::Path(p) => p.span,
            Expr::Block(b) => b.span,
            Expr::Closure(c) => c.span,
            Expr::Lit { span, .. }
            | Expr::Call { span, .. }
            | Expr::MethodCall { span, .. }
            | Expr::Field { span, .. }
            | Expr::Index { span, .. }
            | Expr::Struct { span, .. }
            | Expr::Tuple { span, .. }
            | Expr::Array { span, .. }
            | Expr::Unary { span, .. }
            | Expr::Ref { span, .. }
            | Expr::Binary { span, .. }
            | Expr::Assign { span, .. }
            | Expr::If { span, .. }
            | Expr::Let { span, .. }
            | Expr::Match { span, .. }
            | Expr::While { span, .. }
            | Expr::Loop { span, .. }
            | Expr::For { span, .. }
            | Expr::Return { span, .. }
            | Expr::Break { span, .. }
            | Expr::Labeled { span, .. }
            | Expr::Continue { span, .. }
            | Expr::Try { span, .. }
            | Expr::Await { span, .. }
            | Expr::Cast { span, .. }
            | Expr::Macro { span, .. }
            | Expr::Opaque { span, .. } => *span,
        }
    }
}

impl Expr {
    /// Calls `f` on each direct sub-expression (statements of nested blocks included), in
    /// source order. One level only: walkers keep their own stack.
    pub fn for_each_child<'a>(&'a self, f: &mut impl FnMut(&'a Expr)) {
        match self {
            Expr::Path(_) | Expr::Lit { .. } | Expr::Continue { .. } => {}
            Expr::Call { func, args, .. } => {
                f(func);
                args.iter().for_each(f);
            }
            Expr::MethodCall { recv, args, .. } => {
                f(recv);
                args.iter().for_each(f);
            }
            Expr::Field { base, .. } => f(base),
            Expr::Index { base, index, .. } => {
                f(base);
                f(index);
            }
            Expr::Struct { fields, rest, .. } => {
                fields.iter().for_each(|(_, e)| f(e));
                if let Some(r) = rest {
                    f(r);
                }
            }
            Expr::Tuple { elems, .. } | Expr::Array { elems, .. } => elems.iter().for_each(f),
            Expr::Unary { expr, .. }
            | Expr::Ref { expr, .. }
            | Expr::Let { expr, .. }
            | Expr::Try { expr, .. }
            | Expr::Await { expr, .. }
            | Expr::Cast { expr, .. } => f(expr),
            Expr::Binary { lhs, rhs, .. } | Expr::Assign { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            Expr::Block(b) => b.for_each_expr(f),
            Expr::If {
                cond, then, els, ..
            } => {
                f(cond);
                then.for_each_expr(f);
                if let Some(e) = els {
                    f(e);
                }
            }
            Expr::Match {
                scrutinee, arms, ..
            } => {
                f(scrutinee);
                for a in arms {
                    if let Some(g) = &a.guard {
                        f(g);
                    }
                    f(&a.body);
                }
            }
            Expr::While { cond, body, .. } => {
                f(cond);
                body.for_each_expr(f);
            }
            Expr::Loop { body, .. } | Expr::Labeled { body, .. } => body.for_each_expr(f),
            Expr::For { iter, body, .. } => {
                f(iter);
                body.for_each_expr(f);
            }
            Expr::Closure(c) => f(&c.body),
            Expr::Return { expr, .. } | Expr::Break { expr, .. } => {
                if let Some(e) = expr {
                    f(e);
                }
            }
            Expr::Macro { args, .. } => args.iter().for_each(f),
            Expr::Opaque { parts, .. } => parts.iter().for_each(f),
        }
    }
}

#[derive(Debug, Clone)]
#[allow(clippy::large_enum_variant)] // built once per statement, read in place
pub enum Stmt {
    Let {
        pat: Pat,
        ty: Option<TypeRef>,
        init: Option<Expr>,
        els: Option<Block>,
        span: Span,
    },
    Expr {
        expr: Expr,
        semi: bool,
    },
}

#[derive(Debug, Clone)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub span: Span,
}

impl Block {
    /// Calls `f` on each statement's expressions (initialisers, `else` blocks' statements).
    pub fn for_each_expr<'a>(&'a self, f: &mut impl FnMut(&'a Expr)) {
        for s in &self.stmts {
            match s {
                Stmt::Let { init, els, .. } => {
                    if let Some(e) = init {
                        f(e);
                    }
                    if let Some(b) = els {
                        b.for_each_expr(f);
                    }
                }
                Stmt::Expr { expr, .. } => f(expr),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Items
// ---------------------------------------------------------------------------------------------

/// A value in an attribute's arguments.
#[derive(Debug, Clone, PartialEq)]
pub enum AttrValue {
    Str(String),
    Bool(bool),
    Int(u64),
    List(Vec<AttrValue>),
    Path(Vec<Name>),
    Other,
}

/// A `#[...]` that may be one of privflow's: its path and arguments, read but not yet
/// interpreted (a bare `#[sink]` only counts when the module imports it from privflow).
#[derive(Debug, Clone)]
pub struct RawAttr {
    /// `["privflow", "sink"]`, `["sink"]`.
    pub path: Vec<Name>,
    /// Positional arguments: `pii`, `encrypt`, `TypeA` (a path).
    pub positional: Vec<(AttrValue, Span)>,
    /// `key = value` arguments.
    pub keys: Vec<(Name, AttrValue, Span)>,
    /// The arguments could not be read as `key = value` / paths.
    pub malformed: Option<String>,
    pub span: Span,
}

impl RawAttr {
    pub fn last(&self) -> &str {
        self.path.last().map(|n| &**n).unwrap_or("")
    }
    pub fn key(&self, k: &str) -> Option<&AttrValue> {
        self.keys
            .iter()
            .find(|(n, _, _)| &**n == k)
            .map(|(_, v, _)| v)
    }
    pub fn key_str(&self, k: &str) -> Option<&str> {
        match self.key(k) {
            Some(AttrValue::Str(s)) => Some(s),
            _ => None,
        }
    }
}

/// The attributes of an item that matter to privflow.
#[derive(Debug, Clone, Default)]
pub struct Attrs {
    pub privflow: Vec<RawAttr>,
    /// `#[cfg(test)]` or `#[test]`: not analysed.
    pub cfg_test: bool,
    /// A `#[cfg(..)]` that is false for the enabled cargo features (`feature = ".."` under
    /// `not`/`all`/`any`): the item or statement is not compiled, so it is dropped.
    pub cfg_off: bool,
    /// `#[serde(skip)]` / `skip_serializing` on a field.
    pub serde_skip: bool,
    /// `#[path = "..."]` on a `mod`.
    pub path_attr: Option<String>,
}

#[derive(Debug, Clone)]
pub struct FieldIr {
    /// Field name, or its index for tuple fields.
    pub name: Name,
    pub ty: TypeRef,
    pub attrs: Attrs,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct VariantIr {
    pub name: Name,
    pub fields: Vec<FieldIr>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct StructIr {
    pub name: Name,
    pub is_enum: bool,
    pub generics: Vec<Name>,
    pub fields: Vec<FieldIr>,
    pub variants: Vec<VariantIr>,
    pub attrs: Attrs,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelfKind {
    Value,
    Ref,
    RefMut,
}

#[derive(Debug, Clone)]
pub struct ParamIr {
    pub pat: Pat,
    pub ty: TypeRef,
}

#[derive(Debug, Clone)]
pub struct FnIr {
    pub name: Name,
    pub self_param: Option<SelfKind>,
    pub params: Vec<ParamIr>,
    pub ret: Option<TypeRef>,
    /// Generic parameters with their trait bounds (from `<T: A>` and `where`).
    pub generics: Vec<(Name, Vec<Path>)>,
    pub is_async: bool,
    /// Shared: the module tree and the program each hold the function, and a body is the bulk
    /// of a file's IR (copying it twice was a tenth of a run on rust-analyzer).
    pub body: Option<std::sync::Arc<Block>>,
    pub attrs: Attrs,
    /// Items declared inside the body (at any depth).
    pub local_items: Vec<ItemIr>,
    pub span: Span,
    /// Every identifier the function's signature and body spell, macro arguments included, as
    /// [`ident_hash`]es, sorted: what the flow layer's demand reads (does this function name a
    /// tagged type?) without walking the body.
    pub mentions: Arc<[u64]>,
}

/// The hash [`FnIr::mentions`] holds for an identifier (`r#type` as `type`). Fixed keys: the
/// same in every run.
pub fn ident_hash(ident: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    ident.strip_prefix("r#").unwrap_or(ident).hash(&mut h);
    h.finish()
}

impl FnIr {
    /// Whether the function spells identifier `hash` (an [`ident_hash`]).
    pub fn mentions(&self, hash: u64) -> bool {
        self.mentions.binary_search(&hash).is_ok()
    }
}

#[derive(Debug, Clone)]
pub struct ImplIr {
    pub self_ty: TypeRef,
    pub trait_: Option<Path>,
    pub generics: Vec<(Name, Vec<Path>)>,
    pub fns: Vec<FnIr>,
    pub attrs: Attrs,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct TraitIr {
    pub name: Name,
    /// `trait Storage: ApiKeys + Send`: the supertraits' paths.
    pub supertraits: Vec<Path>,
    pub fns: Vec<FnIr>,
    pub attrs: Attrs,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum UseKind {
    /// `use a::b;` or `use a::b as c;`: binds `alias`.
    Named(Name),
    /// `use a::b::*;`
    Glob,
}

#[derive(Debug, Clone)]
pub struct UseIr {
    pub path: Vec<Name>,
    pub kind: UseKind,
    pub is_pub: bool,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct ModIr {
    pub name: Name,
    /// Inline module body, or (after loading) the items of its file; `None` for a `mod foo;`
    /// whose file could not be loaded.
    pub items: Option<Vec<ItemIr>>,
    /// `mod foo;` (its items live in another file).
    pub out_of_line: bool,
    pub attrs: Attrs,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum ItemIr {
    Struct(StructIr),
    Fn(FnIr),
    Impl(ImplIr),
    Trait(TraitIr),
    TypeAlias {
        name: Name,
        ty: TypeRef,
        attrs: Attrs,
        span: Span,
    },
    Use(Vec<UseIr>),
    Mod(ModIr),
    /// `const`/`static`: a named value.
    Const {
        name: Name,
        ty: TypeRef,
        expr: Option<Expr>,
        span: Span,
    },
    ExternCrate {
        name: Name,
        alias: Option<Name>,
    },
}
