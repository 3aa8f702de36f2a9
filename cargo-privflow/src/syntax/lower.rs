//! `syn` → IR. Runs on the thread that parsed the file (spans only resolve there).
//!
//! Macros privflow understands are read here: format-like and logging macros (their arguments,
//! `tracing` fields `name = %value`, inline captures `{email}`), `write!`, `vec!`, `json!`; any
//! other macro whose tokens parse as comma-separated expressions is read as those expressions.
//!
//! Recursion is guarded: an expression nested deeper than [`MAX_DEPTH`] stops the lowering of
//! its function, which is then reported (not silently skipped).

use super::ir::*;
use proc_macro2::{Delimiter, TokenStream, TokenTree};
use syn::spanned::Spanned;

/// Deepest expression/pattern/type nesting privflow lowers. Real code stays far below; generated
/// or adversarial code beyond it is reported as not analysed.
pub const MAX_DEPTH: u32 = 400;

/// Attribute names privflow owns (bare forms need an import to count).
pub const PRIVFLOW_ATTRS: &[&str] = &[
    "data",
    "pii",
    "phi",
    "source",
    "sink",
    "sanitizer",
    "consent",
    "check",
    "guarded",
    "erases",
    "allow",
];

pub struct Lowerer {
    file: FileId,
    /// The crate's enabled cargo features; `None`: unknown, so `feature = ".."` decides nothing.
    features: Option<Features>,
    depth: u32,
    /// Where the nesting limit was hit, if it was.
    pub too_deep: Option<Span>,
    /// Items found inside the function body being lowered.
    local_items: Vec<ItemIr>,
    /// `use log::warn as alert;` anywhere in the file: `alert` → `warn`, so the macro's
    /// arguments are read as a log macro's.
    macro_renames: std::collections::HashMap<String, String>,
    /// The file's `macro_rules!` macros by name, expanded where they are called (and the other
    /// files' ones, parsed when first called).
    macros: std::cell::RefCell<MacroDefs>,
    /// Other workspace files' `macro_rules!` macros (see [`lower_file`]).
    foreign: std::sync::Arc<ForeignMacros>,
    /// Macro expansions being lowered, innermost last (bounded).
    expanding: u32,
    /// Token trees all expansions in this file produced so far (bounded: a macro calling
    /// itself several times per expansion would otherwise grow exponentially).
    expanded_trees: std::cell::Cell<usize>,
    /// Inline modules and bodies around the item being lowered (0: the file's own items).
    nesting: u32,
    /// `include!` calls met so far.
    includes: Vec<Include>,
    /// Calls of macros privflow neither knows nor could expand, in source order.
    unexpanded: Vec<Unexpanded>,
    /// Names of other files' macros this file's lowering expanded.
    foreign_used: std::collections::BTreeSet<String>,
}

/// The `macro_rules!` macros of other workspace files, by name: the text of their rules; and the
/// workspace's crate names (`stdx::never!` names a workspace macro, `log::info!` a library's).
#[derive(Debug, Clone, Default)]
pub struct ForeignMacros {
    pub macros: std::collections::HashMap<String, String>,
    pub crates: std::collections::HashSet<String>,
}

impl ForeignMacros {
    /// The workspace macro a call path names, if it can name one: `name`, `crate::name`
    /// (`self`, `super`, `$crate`), `workspace_crate::name`.
    pub fn name_of<'s>(&self, segments: &[&'s str]) -> Option<&'s str> {
        match segments {
            [name] => Some(name),
            [first, name]
                if matches!(*first, "crate" | "self" | "super" | "$crate")
                    || self.crates.contains(*first) =>
            {
                Some(name)
            }
            _ => None,
        }
    }
}

/// A macro call whose expansion privflow does not see: its arguments are read as expressions
/// (their data flows into its result), or not at all.
#[derive(Debug, Clone)]
pub struct Unexpanded {
    pub name: String,
    /// The arguments were read as expressions (else they are not read).
    pub args_read: bool,
    pub span: Span,
}

/// An `include!(..)` call: code privflow must read from another file, or report.
#[derive(Debug, Clone)]
pub struct Include {
    /// The literal path argument (`None`: `concat!`, `env!` or anything else).
    pub path: Option<String>,
    /// Index among the file's own items where the included items belong; `None` when the call is
    /// not among the file's own items (an expression, a statement, an inline module's item).
    pub at: Option<usize>,
    pub span: Span,
}

/// Output of lowering one file.
pub struct LoweredFile {
    pub items: Vec<ItemIr>,
    pub inner_attrs: Attrs,
    /// Functions not analysed because they nest too deeply: (fn name, span where the limit hit).
    pub too_deep: Vec<(Name, Span)>,
    /// `include!` calls, in source order.
    pub includes: Vec<Include>,
    /// The file's own `macro_rules!` definitions: (name, text of the rules), for other files.
    pub macro_defs: Vec<(String, String)>,
    /// Macro calls not expanded nor known (see [`Unexpanded`]).
    pub unexpanded: Vec<Unexpanded>,
    /// The other files' macros (of `foreign`) it expanded, by name.
    pub foreign_used: std::collections::BTreeSet<String>,
}

/// Lowers one file. `foreign`: `macro_rules!` macros defined in other files of the workspace,
/// expanded where this file calls them and defines no macro of that name itself.
pub fn lower_file(
    file: FileId,
    ast: &syn::File,
    features: Option<Features>,
    foreign: &std::sync::Arc<ForeignMacros>,
) -> LoweredFile {
    let (macro_renames, macros, own_texts) = file_macros(ast);
    let macro_defs: Vec<(String, String)> = own_texts.into_iter().collect();
    let mut l = Lowerer {
        file,
        features,
        depth: 0,
        too_deep: None,
        local_items: Vec::new(),
        macro_renames,
        macros: std::cell::RefCell::new(macros),
        foreign: foreign.clone(),
        expanding: 0,
        expanded_trees: std::cell::Cell::new(0),
        nesting: 0,
        includes: Vec::new(),
        unexpanded: Vec::new(),
        foreign_used: Default::default(),
    };
    let mut too_deep = Vec::new();
    let inner_attrs = l.attrs(&ast.attrs);
    let items = l.items(&ast.items, &mut too_deep);
    LoweredFile {
        items,
        inner_attrs,
        too_deep,
        includes: std::mem::take(&mut l.includes),
        macro_defs,
        unexpanded: std::mem::take(&mut l.unexpanded),
        foreign_used: std::mem::take(&mut l.foreign_used),
    }
}

impl Lowerer {
    pub fn span(&self, s: proc_macro2::Span) -> Span {
        let a = s.start();
        let b = s.end();
        Span {
            file: self.file,
            line: a.line as u32,
            col: a.column as u32 + 1,
            end_line: b.line as u32,
            end_col: b.column as u32 + 1,
        }
    }

    /// Whether `#[cfg]` attributes among `attrs` remove the code for the enabled features.
    fn compiled_out(&mut self, attrs: &[syn::Attribute]) -> bool {
        self.features.is_some()
            && attrs.iter().any(|a| a.path().is_ident("cfg"))
            && self.attrs(attrs).cfg_off
    }

    fn items(&mut self, items: &[syn::Item], too_deep: &mut Vec<(Name, Span)>) -> Vec<ItemIr> {
        let mut out = Vec::new();
        for it in items {
            if self.compiled_out(item_attrs(it)) {
                continue;
            }
            // A workspace macro in item position: the items it expands to.
            if let syn::Item::Macro(m) = it {
                if let Some(ts) = self.expand_workspace_macro(&m.mac) {
                    if let Ok(file) = syn::parse2::<syn::File>(ts) {
                        // Not the file's own items: an `include!` in them is reported.
                        self.expanding += 1;
                        self.nesting += 1;
                        let inner = self.items(&file.items, too_deep);
                        self.nesting -= 1;
                        self.expanding -= 1;
                        out.extend(inner);
                        continue;
                    }
                }
                let last = m.mac.path.segments.last().map(|s| s.ident.to_string());
                let known = matches!(
                    last.as_deref(),
                    Some(
                        "macro_rules"
                            | "cfg_if"
                            | "include"
                            | "lazy_static"
                            | "thread_local"
                            | "compile_error"
                    )
                );
                if !known && m.ident.is_none() {
                    let path = self.path(&m.mac.path);
                    let span = self.span(super::span::macro_span(&m.mac));
                    self.unexpanded.push(Unexpanded {
                        name: path_text(&path),
                        args_read: false,
                        span,
                    });
                }
            }
            // `cfg_if! { if #[cfg(..)] { items } else { items } }`: the branches the crate's
            // features select, as items of this module.
            if let syn::Item::Macro(m) = it {
                if let Some(branches) = self.cfg_if_branches(&m.mac) {
                    for ts in branches {
                        if let Ok(file) = syn::parse2::<syn::File>(ts) {
                            self.nesting += 1;
                            let inner = self.items(&file.items, too_deep);
                            self.nesting -= 1;
                            out.extend(inner);
                        }
                    }
                    continue;
                }
            }
            if let syn::Item::Macro(m) = it {
                if m.ident.is_none() && is_include(&m.mac) {
                    let at = (self.nesting == 0).then_some(out.len());
                    self.include(&m.mac, at);
                    continue;
                }
            }
            if let Some(i) = self.item(it, too_deep) {
                out.push(i);
            }
        }
        out
    }

    fn item(&mut self, it: &syn::Item, too_deep: &mut Vec<(Name, Span)>) -> Option<ItemIr> {
        Some(match it {
            syn::Item::Struct(s) => {
                let fields = self.fields(&s.fields);
                ItemIr::Struct(StructIr {
                    name: name(&s.ident.to_string()),
                    is_enum: false,
                    generics: s
                        .generics
                        .type_params()
                        .map(|t| name(&t.ident.to_string()))
                        .collect(),
                    fields,
                    variants: Vec::new(),
                    attrs: self.attrs(&s.attrs),
                    span: self.span(s.ident.span()),
                })
            }
            syn::Item::Union(s) => ItemIr::Struct(StructIr {
                name: name(&s.ident.to_string()),
                is_enum: false,
                generics: s
                    .generics
                    .type_params()
                    .map(|t| name(&t.ident.to_string()))
                    .collect(),
                fields: s
                    .fields
                    .named
                    .iter()
                    .enumerate()
                    .map(|(i, f)| self.field(i, f))
                    .collect(),
                variants: Vec::new(),
                attrs: self.attrs(&s.attrs),
                span: self.span(s.ident.span()),
            }),
            syn::Item::Enum(e) => {
                let variants = e
                    .variants
                    .iter()
                    .map(|v| VariantIr {
                        name: name(&v.ident.to_string()),
                        fields: self.fields(&v.fields),
                        span: self.span(v.ident.span()),
                    })
                    .collect();
                ItemIr::Struct(StructIr {
                    name: name(&e.ident.to_string()),
                    is_enum: true,
                    generics: e
                        .generics
                        .type_params()
                        .map(|t| name(&t.ident.to_string()))
                        .collect(),
                    fields: Vec::new(),
                    variants,
                    attrs: self.attrs(&e.attrs),
                    span: self.span(e.ident.span()),
                })
            }
            syn::Item::Fn(f) => {
                let lowered = self.function(&f.attrs, &f.sig, Some(&f.block));
                if let Some(sp) = self.too_deep.take() {
                    too_deep.push((lowered.name.clone(), sp));
                }
                ItemIr::Fn(lowered)
            }
            syn::Item::Impl(i) => {
                let mut fns = Vec::new();
                for ii in &i.items {
                    match ii {
                        syn::ImplItem::Fn(m) if self.compiled_out(&m.attrs) => {}
                        syn::ImplItem::Fn(m) => {
                            let lowered = self.function(&m.attrs, &m.sig, Some(&m.block));
                            if let Some(sp) = self.too_deep.take() {
                                too_deep.push((lowered.name.clone(), sp));
                            }
                            fns.push(lowered);
                        }
                        syn::ImplItem::Macro(m) if is_include(&m.mac) => self.include(&m.mac, None),
                        syn::ImplItem::Macro(_)
                        | syn::ImplItem::Const(_)
                        | syn::ImplItem::Type(_) => {}
                        _ => {}
                    }
                }
                ItemIr::Impl(ImplIr {
                    self_ty: self.ty(&i.self_ty),
                    trait_: i.trait_.as_ref().map(|(_, p, _)| self.path(p)),
                    generics: self.generics(&i.generics),
                    fns,
                    attrs: self.attrs(&i.attrs),
                    span: self.span(i.impl_token.span),
                })
            }
            syn::Item::Trait(t) => {
                let mut fns = Vec::new();
                for ti in &t.items {
                    if let syn::TraitItem::Fn(m) = ti {
                        if self.compiled_out(&m.attrs) {
                            continue;
                        }
                        let lowered = self.function(&m.attrs, &m.sig, m.default.as_ref());
                        if let Some(sp) = self.too_deep.take() {
                            too_deep.push((lowered.name.clone(), sp));
                        }
                        fns.push(lowered);
                    }
                }
                let supertraits = t
                    .supertraits
                    .iter()
                    .filter_map(|b| match b {
                        syn::TypeParamBound::Trait(tb) => Some(self.path(&tb.path)),
                        _ => None,
                    })
                    .collect();
                ItemIr::Trait(TraitIr {
                    name: name(&t.ident.to_string()),
                    supertraits,
                    fns,
                    attrs: self.attrs(&t.attrs),
                    span: self.span(t.ident.span()),
                })
            }
            syn::Item::Type(t) => ItemIr::TypeAlias {
                name: name(&t.ident.to_string()),
                ty: self.ty(&t.ty),
                attrs: self.attrs(&t.attrs),
                span: self.span(t.ident.span()),
            },
            syn::Item::Use(u) => {
                let mut out = Vec::new();
                let is_pub = !matches!(u.vis, syn::Visibility::Inherited);
                let mut prefix = Vec::new();
                if u.leading_colon.is_some() {
                    prefix.push(name("::"));
                }
                self.use_tree(&u.tree, &mut prefix, is_pub, &mut out);
                if self.attrs(&u.attrs).cfg_test {
                    return None;
                }
                ItemIr::Use(out)
            }
            syn::Item::Mod(m) => ItemIr::Mod(ModIr {
                name: name(&m.ident.to_string()),
                items: m.content.as_ref().map(|(_, items)| {
                    self.nesting += 1;
                    let known = self.includes.len();
                    let out = self.items(items, too_deep);
                    // Test-only code is not analysed: neither are its includes.
                    if self.attrs(&m.attrs).cfg_test {
                        self.includes.truncate(known);
                    }
                    self.nesting -= 1;
                    out
                }),
                out_of_line: m.content.is_none(),
                attrs: self.attrs(&m.attrs),
                span: self.span(m.ident.span()),
            }),
            syn::Item::Const(c) => ItemIr::Const {
                name: name(&c.ident.to_string()),
                ty: self.ty(&c.ty),
                expr: Some(self.expr(&c.expr)),
                span: self.span(c.ident.span()),
            },
            syn::Item::Static(c) => ItemIr::Const {
                name: name(&c.ident.to_string()),
                ty: self.ty(&c.ty),
                expr: Some(self.expr(&c.expr)),
                span: self.span(c.ident.span()),
            },
            syn::Item::ExternCrate(e) => ItemIr::ExternCrate {
                name: name(&e.ident.to_string()),
                alias: e.rename.as_ref().map(|(_, i)| name(&i.to_string())),
            },
            _ => return None,
        })
    }

    fn use_tree(
        &self,
        t: &syn::UseTree,
        prefix: &mut Vec<Name>,
        is_pub: bool,
        out: &mut Vec<UseIr>,
    ) {
        match t {
            syn::UseTree::Path(p) => {
                prefix.push(name(&p.ident.to_string()));
                self.use_tree(&p.tree, prefix, is_pub, out);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let id = n.ident.to_string();
                let mut path = prefix.clone();
                // `use a::b::{self}` binds `b`.
                let alias = if id == "self" {
                    prefix.last().cloned().unwrap_or_else(|| name("self"))
                } else {
                    path.push(name(&id));
                    name(&id)
                };
                out.push(UseIr {
                    path,
                    kind: UseKind::Named(alias),
                    is_pub,
                    span: self.span(n.ident.span()),
                });
            }
            syn::UseTree::Rename(r) => {
                let mut path = prefix.clone();
                let id = r.ident.to_string();
                if id != "self" {
                    path.push(name(&id));
                }
                out.push(UseIr {
                    path,
                    kind: UseKind::Named(name(&r.rename.to_string())),
                    is_pub,
                    span: self.span(r.ident.span()),
                });
            }
            syn::UseTree::Glob(g) => out.push(UseIr {
                path: prefix.clone(),
                kind: UseKind::Glob,
                is_pub,
                span: self.span(g.star_token.span),
            }),
            syn::UseTree::Group(g) => {
                for it in &g.items {
                    self.use_tree(it, prefix, is_pub, out);
                }
            }
        }
    }

    fn fields(&mut self, fields: &syn::Fields) -> Vec<FieldIr> {
        match fields {
            syn::Fields::Named(n) => n
                .named
                .iter()
                .enumerate()
                .map(|(i, f)| self.field(i, f))
                .collect(),
            syn::Fields::Unnamed(u) => u
                .unnamed
                .iter()
                .enumerate()
                .map(|(i, f)| self.field(i, f))
                .collect(),
            syn::Fields::Unit => Vec::new(),
        }
    }

    fn field(&mut self, idx: usize, f: &syn::Field) -> FieldIr {
        let (n, span) = match &f.ident {
            Some(i) => (name(&i.to_string()), self.span(i.span())),
            None => (name(&idx.to_string()), self.span(f.ty.span())),
        };
        FieldIr {
            name: n,
            ty: self.ty(&f.ty),
            attrs: self.attrs(&f.attrs),
            span,
        }
    }

    fn generics(&mut self, g: &syn::Generics) -> Vec<(Name, Vec<Path>)> {
        let mut out: Vec<(Name, Vec<Path>)> = Vec::new();
        for tp in g.type_params() {
            let bounds = tp.bounds.iter().filter_map(|b| self.bound(b)).collect();
            out.push((name(&tp.ident.to_string()), bounds));
        }
        if let Some(w) = &g.where_clause {
            for pred in &w.predicates {
                if let syn::WherePredicate::Type(pt) = pred {
                    if let syn::Type::Path(tp) = &pt.bounded_ty {
                        if let Some(id) = tp.path.get_ident() {
                            let n = name(&id.to_string());
                            let bounds: Vec<Path> =
                                pt.bounds.iter().filter_map(|b| self.bound(b)).collect();
                            if let Some(e) = out.iter_mut().find(|(x, _)| *x == n) {
                                e.1.extend(bounds);
                            } else {
                                out.push((n, bounds));
                            }
                        }
                    }
                }
            }
        }
        out
    }

    fn bound(&mut self, b: &syn::TypeParamBound) -> Option<Path> {
        match b {
            syn::TypeParamBound::Trait(t) => Some(self.path(&t.path)),
            _ => None,
        }
    }

    fn function(
        &mut self,
        attrs: &[syn::Attribute],
        sig: &syn::Signature,
        body: Option<&syn::Block>,
    ) -> FnIr {
        let mut self_param = None;
        let mut params = Vec::new();
        for input in &sig.inputs {
            match input {
                syn::FnArg::Receiver(r) => {
                    self_param = Some(match (&r.reference, r.mutability) {
                        (Some(_), Some(_)) => SelfKind::RefMut,
                        (Some(_), None) => SelfKind::Ref,
                        (None, _) => match &*r.ty {
                            syn::Type::Reference(tr) if tr.mutability.is_some() => SelfKind::RefMut,
                            syn::Type::Reference(_) => SelfKind::Ref,
                            _ => SelfKind::Value,
                        },
                    })
                }
                syn::FnArg::Typed(pt) => {
                    let pat = self.pat(&pt.pat);
                    let ty = self.ty(&pt.ty);
                    params.push(ParamIr { pat, ty });
                }
            }
        }
        let ret = match &sig.output {
            syn::ReturnType::Default => None,
            syn::ReturnType::Type(_, t) => Some(self.ty(t)),
        };
        let mentions = mentions(sig, body);
        let saved_items = std::mem::take(&mut self.local_items);
        let body = body.map(|b| std::sync::Arc::new(self.block(b)));
        let local_items = std::mem::replace(&mut self.local_items, saved_items);
        FnIr {
            name: name(&sig.ident.to_string()),
            self_param,
            params,
            ret,
            generics: self.generics(&sig.generics),
            is_async: sig.asyncness.is_some(),
            body,
            attrs: self.attrs(attrs),
            local_items,
            span: self.span(sig.ident.span()),
            mentions,
        }
    }

    // -----------------------------------------------------------------------------------------
    // Attributes
    // -----------------------------------------------------------------------------------------

    pub fn attrs(&mut self, attrs: &[syn::Attribute]) -> Attrs {
        let mut out = Attrs::default();
        let expanded;
        let attrs = if attrs.iter().any(|a| a.path().is_ident("cfg_attr")) {
            expanded = self.expand_cfg_attr(attrs, 0);
            &expanded[..]
        } else {
            attrs
        };
        for a in attrs {
            let path: Vec<Name> = a
                .path()
                .segments
                .iter()
                .map(|s| name(&s.ident.to_string()))
                .collect();
            let p: Vec<&str> = path.iter().map(|s| &**s).collect();
            match p.as_slice() {
                ["test"] | ["tokio", "test"] | ["async_std", "test"] => out.cfg_test = true,
                ["cfg"] => {
                    if let syn::Meta::List(l) = &a.meta {
                        if cfg_is_test(&l.tokens) {
                            out.cfg_test = true;
                        }
                        if let Some(features) = &self.features {
                            let tts: Vec<TokenTree> = l.tokens.clone().into_iter().collect();
                            if cfg_value(&tts, features) == Some(false) {
                                out.cfg_off = true;
                            }
                        }
                    }
                }
                ["serde"] => {
                    if let syn::Meta::List(l) = &a.meta {
                        let s = l.tokens.to_string();
                        if s.split(|c: char| !c.is_alphanumeric() && c != '_')
                            .any(|w| w == "skip" || w == "skip_serializing")
                        {
                            out.serde_skip = true;
                        }
                    }
                }
                ["path"] => {
                    if let syn::Meta::NameValue(nv) = &a.meta {
                        if let syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(s),
                            ..
                        }) = &nv.value
                        {
                            out.path_attr = Some(s.value());
                        }
                    }
                }
                [first, last]
                    if (*first == "privflow" || *first == "privflow_macros")
                        && PRIVFLOW_ATTRS.contains(last) =>
                {
                    out.privflow.push(self.raw_attr(a, path.clone()));
                }
                [one] if PRIVFLOW_ATTRS.contains(one) => {
                    // `allow` is also rustc's lint attribute: only the privflow form has `rule =`.
                    let raw = self.raw_attr(a, path.clone());
                    if *one != "allow" || raw.key("rule").is_some() {
                        out.privflow.push(raw);
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// `#[cfg_attr(pred, a, b)]` as `#[a] #[b]` where the crate's features make `pred` true or
    /// cannot decide it (an annotation under an undecidable predicate is kept, as code is), and
    /// as nothing where they make it false. The attributes keep the `cfg_attr`'s place.
    fn expand_cfg_attr(&self, attrs: &[syn::Attribute], depth: u32) -> Vec<syn::Attribute> {
        let mut out = Vec::with_capacity(attrs.len());
        for a in attrs {
            let syn::Meta::List(l) = &a.meta else {
                out.push(a.clone());
                continue;
            };
            if !l.path.is_ident("cfg_attr") || depth > 4 {
                out.push(a.clone());
                continue;
            }
            let chunks = split_commas(l.tokens.clone());
            let Some((pred, inner)) = chunks.split_first() else {
                continue;
            };
            let holds = match &self.features {
                Some(f) => cfg_value(pred, f),
                None => None,
            };
            if holds == Some(false) {
                continue;
            }
            let mut metas = Vec::new();
            for chunk in inner {
                let ts: TokenStream = chunk.iter().cloned().collect();
                if let Ok(meta) = syn::parse2::<syn::Meta>(ts) {
                    metas.push(syn::Attribute {
                        pound_token: a.pound_token,
                        style: a.style,
                        bracket_token: a.bracket_token,
                        meta,
                    });
                }
            }
            out.extend(self.expand_cfg_attr(&metas, depth + 1));
        }
        out
    }

    fn raw_attr(&mut self, a: &syn::Attribute, path: Vec<Name>) -> RawAttr {
        let mut raw = RawAttr {
            path,
            positional: Vec::new(),
            keys: Vec::new(),
            malformed: None,
            span: self.span(a.span()),
        };
        let tokens = match &a.meta {
            syn::Meta::Path(_) => return raw,
            syn::Meta::List(l) => l.tokens.clone(),
            syn::Meta::NameValue(_) => {
                raw.malformed = Some("expected `#[name(..)]`, found `#[name = ..]`".into());
                return raw;
            }
        };
        for chunk in split_commas(tokens) {
            if chunk.is_empty() {
                continue;
            }
            let chunk_span = self.span(chunk[0].span());
            // `key = value`
            if chunk.len() >= 3 {
                if let (TokenTree::Ident(k), TokenTree::Punct(eq)) = (&chunk[0], &chunk[1]) {
                    if eq.as_char() == '=' {
                        let value_tokens: TokenStream = chunk[2..].iter().cloned().collect();
                        let v = match syn::parse2::<syn::Expr>(value_tokens) {
                            Ok(e) => attr_value(&e),
                            Err(_) => AttrValue::Other,
                        };
                        raw.keys
                            .push((name(&k.to_string()), v, self.span(k.span())));
                        continue;
                    }
                }
            }
            let ts: TokenStream = chunk.iter().cloned().collect();
            match syn::parse2::<syn::Expr>(ts) {
                Ok(e) => raw.positional.push((attr_value(&e), chunk_span)),
                Err(e) => {
                    raw.malformed = Some(e.to_string());
                }
            }
        }
        raw
    }

    // -----------------------------------------------------------------------------------------
    // Types, paths, patterns
    // -----------------------------------------------------------------------------------------

    pub fn path(&mut self, p: &syn::Path) -> Path {
        Path {
            global: p.leading_colon.is_some(),
            segments: p
                .segments
                .iter()
                .map(|s| PathSeg {
                    name: name(&s.ident.to_string()),
                    generics: match &s.arguments {
                        syn::PathArguments::AngleBracketed(a) => a
                            .args
                            .iter()
                            .filter_map(|g| match g {
                                syn::GenericArgument::Type(t) => Some(self.ty(t)),
                                _ => None,
                            })
                            .collect(),
                        _ => Vec::new(),
                    },
                })
                .collect(),
            qself: None,
            span: self.span(p.span()),
        }
    }

    pub fn ty(&mut self, t: &syn::Type) -> TypeRef {
        if self.depth > MAX_DEPTH {
            return TypeRef::Infer;
        }
        self.depth += 1;
        let r = match t {
            syn::Type::Path(tp) => {
                let mut p = self.path(&tp.path);
                if let Some(q) = &tp.qself {
                    p.qself = Some(Box::new(self.ty(&q.ty)));
                }
                TypeRef::Path(p)
            }
            syn::Type::Reference(r) => TypeRef::Ref {
                inner: Box::new(self.ty(&r.elem)),
                mutable: r.mutability.is_some(),
            },
            syn::Type::Tuple(tt) => TypeRef::Tuple(tt.elems.iter().map(|t| self.ty(t)).collect()),
            syn::Type::Slice(s) => TypeRef::Slice(Box::new(self.ty(&s.elem))),
            syn::Type::Array(a) => TypeRef::Slice(Box::new(self.ty(&a.elem))),
            syn::Type::Ptr(p) => TypeRef::Slice(Box::new(self.ty(&p.elem))),
            syn::Type::Paren(p) => self.ty(&p.elem),
            syn::Type::Group(g) => self.ty(&g.elem),
            syn::Type::ImplTrait(i) => {
                TypeRef::ImplTrait(i.bounds.iter().filter_map(|b| self.bound(b)).collect())
            }
            syn::Type::TraitObject(o) => {
                TypeRef::DynTrait(o.bounds.iter().filter_map(|b| self.bound(b)).collect())
            }
            syn::Type::BareFn(_) => TypeRef::Fn,
            syn::Type::Never(_) => TypeRef::Never,
            _ => TypeRef::Infer,
        };
        self.depth -= 1;
        r
    }

    pub fn pat(&mut self, p: &syn::Pat) -> Pat {
        if self.depth > MAX_DEPTH {
            self.note_too_deep(p.span());
            return Pat::Wild;
        }
        self.depth += 1;
        let r = match p {
            syn::Pat::Ident(i) => Pat::Bind {
                name: name(&i.ident.to_string()),
                sub: i.subpat.as_ref().map(|(_, s)| Box::new(self.pat(s))),
                span: self.span(i.ident.span()),
            },
            syn::Pat::Tuple(t) => Pat::Tuple(t.elems.iter().map(|p| self.pat(p)).collect()),
            syn::Pat::Struct(s) => Pat::Struct {
                path: self.path(&s.path),
                fields: s
                    .fields
                    .iter()
                    .map(|f| {
                        let n = member_name(&f.member);
                        (n, self.pat(&f.pat))
                    })
                    .collect(),
            },
            syn::Pat::TupleStruct(t) => Pat::TupleStruct {
                path: self.path(&t.path),
                elems: t.elems.iter().map(|p| self.pat(p)).collect(),
            },
            syn::Pat::Path(p) => Pat::Path(self.path(&p.path)),
            syn::Pat::Slice(s) => Pat::Slice(s.elems.iter().map(|p| self.pat(p)).collect()),
            syn::Pat::Or(o) => Pat::Or(o.cases.iter().map(|p| self.pat(p)).collect()),
            syn::Pat::Reference(r) => Pat::Ref(Box::new(self.pat(&r.pat))),
            syn::Pat::Paren(p) => self.pat(&p.pat),
            syn::Pat::Type(t) => self.pat(&t.pat),
            syn::Pat::Wild(_) => Pat::Wild,
            syn::Pat::Rest(_) => Pat::Rest,
            syn::Pat::Lit(syn::ExprLit {
                lit: syn::Lit::Bool(b),
                ..
            }) => Pat::Bool(b.value),
            _ => Pat::Lit,
        };
        self.depth -= 1;
        r
    }

    // -----------------------------------------------------------------------------------------
    // Blocks, statements, expressions
    // -----------------------------------------------------------------------------------------

    pub fn block(&mut self, b: &syn::Block) -> Block {
        let mut stmts = Vec::new();
        for s in &b.stmts {
            match s {
                syn::Stmt::Local(l) => {
                    if self.attrs(&l.attrs).cfg_test || self.compiled_out(&l.attrs) {
                        continue;
                    }
                    let (pat, ty) = match &l.pat {
                        syn::Pat::Type(pt) => (self.pat(&pt.pat), Some(self.ty(&pt.ty))),
                        other => (self.pat(other), None),
                    };
                    let (init, els) = match &l.init {
                        Some(init) => (
                            Some(self.expr(&init.expr)),
                            init.diverge.as_ref().map(|(_, e)| self.expr_as_block(e)),
                        ),
                        None => (None, None),
                    };
                    stmts.push(Stmt::Let {
                        pat,
                        ty,
                        init,
                        els,
                        span: self.span(super::span::local_span(l)),
                    });
                }
                syn::Stmt::Item(it) if self.compiled_out(item_attrs(it)) => {}
                syn::Stmt::Item(it) => {
                    let mut nested_too_deep = Vec::new();
                    // Local items count towards the enclosing body's depth: items nested in
                    // bodies nested in items recurse here, in the HIR and in the evaluator.
                    if self.depth > MAX_DEPTH {
                        self.note_too_deep(super::span::block_span(b));
                        continue;
                    }
                    self.depth += 1;
                    self.nesting += 1;
                    if let syn::Item::Macro(m) = it {
                        if m.ident.is_none() && is_include(&m.mac) {
                            self.include(&m.mac, None);
                        }
                    }
                    if let Some(i) = self.item(it, &mut nested_too_deep) {
                        self.local_items.push(i);
                    }
                    self.nesting -= 1;
                    self.depth -= 1;
                    if let Some((_, sp)) = nested_too_deep.into_iter().next() {
                        self.too_deep.get_or_insert(sp);
                    }
                }
                syn::Stmt::Expr(e, semi) => {
                    if expr_attrs(e)
                        .map(|a| self.attrs(a).cfg_test || self.compiled_out(a))
                        .unwrap_or(false)
                    {
                        continue;
                    }
                    stmts.push(Stmt::Expr {
                        expr: self.expr(e),
                        semi: semi.is_some(),
                    })
                }
                syn::Stmt::Macro(m) => {
                    if self.attrs(&m.attrs).cfg_test || self.compiled_out(&m.attrs) {
                        continue;
                    }
                    if let Some(branches) = self.cfg_if_branches(&m.mac) {
                        for ts in branches {
                            let braced = proc_macro2::TokenTree::Group(proc_macro2::Group::new(
                                proc_macro2::Delimiter::Brace,
                                ts,
                            ));
                            if let Ok(b) = syn::parse2::<syn::Block>(braced.into()) {
                                let inner = self.block(&b);
                                stmts.extend(inner.stmts);
                            }
                        }
                        continue;
                    }
                    stmts.push(Stmt::Expr {
                        expr: self.mac(&m.mac),
                        semi: m.semi_token.is_some(),
                    })
                }
            }
        }
        Block {
            stmts,
            span: self.span(super::span::block_span(b)),
        }
    }

    fn expr_as_block(&mut self, e: &syn::Expr) -> Block {
        match e {
            syn::Expr::Block(b) => self.block(&b.block),
            other => {
                let ex = self.expr(other);
                let span = ex.span();
                Block {
                    stmts: vec![Stmt::Expr {
                        expr: ex,
                        semi: false,
                    }],
                    span,
                }
            }
        }
    }

    fn note_too_deep(&mut self, s: proc_macro2::Span) {
        if self.too_deep.is_none() {
            self.too_deep = Some(self.span(s));
        }
    }

    pub fn expr(&mut self, e: &syn::Expr) -> Expr {
        if self.depth > MAX_DEPTH {
            self.note_too_deep(super::span::expr_span(e));
            return Expr::Opaque {
                parts: Vec::new(),
                span: self.span(super::span::expr_span(e)),
            };
        }
        self.depth += 1;
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn boxed(&mut self, e: &syn::Expr) -> Box<Expr> {
        Box::new(self.expr(e))
    }

    fn exprs<'a>(&mut self, es: impl IntoIterator<Item = &'a syn::Expr>) -> Vec<Expr> {
        es.into_iter().map(|e| self.expr(e)).collect()
    }

    fn expr_inner(&mut self, e: &syn::Expr) -> Expr {
        let span = self.span(super::span::expr_span(e));
        match e {
            syn::Expr::Path(p) => {
                let mut path = self.path(&p.path);
                if let Some(q) = &p.qself {
                    path.qself = Some(Box::new(self.ty(&q.ty)));
                }
                Expr::Path(path)
            }
            syn::Expr::Lit(l) => Expr::Lit {
                text: match &l.lit {
                    syn::Lit::Str(s) => Some(name(&s.value())),
                    _ => None,
                },
                int: match &l.lit {
                    syn::Lit::Int(i) => i.base10_parse::<u64>().ok(),
                    _ => None,
                },
                boolean: match &l.lit {
                    syn::Lit::Bool(b) => Some(b.value),
                    _ => None,
                },
                span,
            },
            syn::Expr::Call(c) => Expr::Call {
                func: self.boxed(&c.func),
                args: self.exprs(&c.args),
                span,
            },
            syn::Expr::MethodCall(m) => {
                // The call is located at the method name: in a multi-line chain, that is the line
                // that hands the data over.
                let mspan = self.span(m.method.span());
                let call_span = Span {
                    end_line: span.end_line,
                    end_col: span.end_col,
                    ..mspan
                };
                Expr::MethodCall {
                    recv: self.boxed(&m.receiver),
                    method: name(&m.method.to_string()),
                    turbofish: m
                        .turbofish
                        .as_ref()
                        .map(|t| {
                            t.args
                                .iter()
                                .filter_map(|g| match g {
                                    syn::GenericArgument::Type(t) => Some(self.ty(t)),
                                    _ => None,
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                    args: self.exprs(&m.args),
                    span: call_span,
                }
            }
            syn::Expr::Field(f) => Expr::Field {
                base: self.boxed(&f.base),
                field: member_name(&f.member),
                span,
            },
            syn::Expr::Index(i) => Expr::Index {
                base: self.boxed(&i.expr),
                index: self.boxed(&i.index),
                span,
            },
            syn::Expr::Struct(s) => Expr::Struct {
                path: self.path(&s.path),
                fields: s
                    .fields
                    .iter()
                    .map(|f| {
                        let n = member_name(&f.member);
                        (n, self.expr(&f.expr))
                    })
                    .collect(),
                rest: s.rest.as_ref().map(|r| self.boxed(r)),
                span,
            },
            syn::Expr::Tuple(t) => Expr::Tuple {
                elems: self.exprs(&t.elems),
                span,
            },
            syn::Expr::Array(a) => Expr::Array {
                elems: self.exprs(&a.elems),
                span,
            },
            syn::Expr::Repeat(r) => Expr::Array {
                elems: vec![self.expr(&r.expr)],
                span,
            },
            syn::Expr::Unary(u) => Expr::Unary {
                op: match u.op {
                    syn::UnOp::Deref(_) => UnOp::Deref,
                    syn::UnOp::Not(_) => UnOp::Not,
                    _ => UnOp::Neg,
                },
                expr: self.boxed(&u.expr),
                span,
            },
            syn::Expr::Reference(r) => Expr::Ref {
                expr: self.boxed(&r.expr),
                mutable: r.mutability.is_some(),
                span,
            },
            syn::Expr::RawAddr(r) => Expr::Ref {
                expr: self.boxed(&r.expr),
                mutable: false,
                span,
            },
            syn::Expr::Binary(b) => {
                use syn::BinOp as B;
                let compound = matches!(
                    b.op,
                    B::AddAssign(_)
                        | B::SubAssign(_)
                        | B::MulAssign(_)
                        | B::DivAssign(_)
                        | B::RemAssign(_)
                        | B::BitXorAssign(_)
                        | B::BitAndAssign(_)
                        | B::BitOrAssign(_)
                        | B::ShlAssign(_)
                        | B::ShrAssign(_)
                );
                if compound {
                    Expr::Assign {
                        lhs: self.boxed(&b.left),
                        rhs: self.boxed(&b.right),
                        compound: true,
                        span,
                    }
                } else {
                    let op = match b.op {
                        B::And(_) => BinOp::And,
                        B::Or(_) => BinOp::Or,
                        B::Add(_) => BinOp::Arith("add"),
                        B::Sub(_) => BinOp::Arith("sub"),
                        B::Mul(_) => BinOp::Arith("mul"),
                        B::Div(_) => BinOp::Arith("div"),
                        B::Rem(_) => BinOp::Arith("rem"),
                        B::BitAnd(_) => BinOp::Arith("bitand"),
                        B::BitOr(_) => BinOp::Arith("bitor"),
                        B::BitXor(_) => BinOp::Arith("bitxor"),
                        B::Shl(_) => BinOp::Arith("shl"),
                        B::Shr(_) => BinOp::Arith("shr"),
                        B::Eq(_) => BinOp::Eq,
                        B::Ne(_) => BinOp::Ne,
                        _ => BinOp::Other,
                    };
                    Expr::Binary {
                        op,
                        lhs: self.boxed(&b.left),
                        rhs: self.boxed(&b.right),
                        span,
                    }
                }
            }
            syn::Expr::Assign(a) => Expr::Assign {
                lhs: self.boxed(&a.left),
                rhs: self.boxed(&a.right),
                compound: false,
                span,
            },
            syn::Expr::Block(b) => {
                if self.attrs(&b.attrs).cfg_test {
                    return Expr::Opaque {
                        parts: Vec::new(),
                        span,
                    };
                }
                let body = Box::new(self.block(&b.block));
                match label_name(&b.label) {
                    Some(label) => Expr::Labeled { label, body, span },
                    None => Expr::Block(body),
                }
            }
            syn::Expr::Unsafe(u) => Expr::Block(Box::new(self.block(&u.block))),
            syn::Expr::Async(a) => Expr::Block(Box::new(self.block(&a.block))),
            syn::Expr::TryBlock(t) => Expr::Block(Box::new(self.block(&t.block))),
            syn::Expr::Const(c) => Expr::Block(Box::new(self.block(&c.block))),
            syn::Expr::If(i) => Expr::If {
                cond: self.boxed(&i.cond),
                then: Box::new(self.block(&i.then_branch)),
                els: i.else_branch.as_ref().map(|(_, e)| self.boxed(e)),
                span,
            },
            syn::Expr::Let(l) => Expr::Let {
                pat: self.pat(&l.pat),
                expr: self.boxed(&l.expr),
                span,
            },
            syn::Expr::Match(m) => Expr::Match {
                scrutinee: self.boxed(&m.expr),
                arms: m
                    .arms
                    .iter()
                    .map(|a| Arm {
                        pat: self.pat(&a.pat),
                        guard: a.guard.as_ref().map(|(_, g)| self.expr(g)),
                        body: self.expr(&a.body),
                    })
                    .collect(),
                span,
            },
            syn::Expr::While(w) => Expr::While {
                label: label_name(&w.label),
                cond: self.boxed(&w.cond),
                body: Box::new(self.block(&w.body)),
                span,
            },
            syn::Expr::Loop(l) => Expr::Loop {
                label: label_name(&l.label),
                body: Box::new(self.block(&l.body)),
                span,
            },
            syn::Expr::ForLoop(f) => Expr::For {
                label: label_name(&f.label),
                pat: self.pat(&f.pat),
                iter: self.boxed(&f.expr),
                body: Box::new(self.block(&f.body)),
                span,
            },
            syn::Expr::Closure(c) => {
                let params = c
                    .inputs
                    .iter()
                    .map(|p| match p {
                        syn::Pat::Type(pt) => (self.pat(&pt.pat), self.ty(&pt.ty)),
                        other => (self.pat(other), TypeRef::Infer),
                    })
                    .collect();
                Expr::Closure(Box::new(Closure {
                    params,
                    body: self.expr(&c.body),
                    span,
                }))
            }
            syn::Expr::Return(r) => Expr::Return {
                expr: r.expr.as_ref().map(|e| self.boxed(e)),
                span,
            },
            syn::Expr::Break(b) => Expr::Break {
                label: b.label.as_ref().map(|l| Name::from(l.ident.to_string())),
                expr: b.expr.as_ref().map(|e| self.boxed(e)),
                span,
            },
            syn::Expr::Continue(c) => Expr::Continue {
                label: c.label.as_ref().map(|l| Name::from(l.ident.to_string())),
                span,
            },
            syn::Expr::Try(t) => Expr::Try {
                expr: self.boxed(&t.expr),
                span,
            },
            syn::Expr::Await(a) => Expr::Await {
                expr: self.boxed(&a.base),
                span,
            },
            syn::Expr::Cast(c) => Expr::Cast {
                expr: self.boxed(&c.expr),
                ty: self.ty(&c.ty),
                span,
            },
            syn::Expr::Paren(p) => self.expr(&p.expr),
            syn::Expr::Group(g) => self.expr(&g.expr),
            syn::Expr::Macro(m) => self.mac(&m.mac),
            syn::Expr::Range(r) => {
                let parts = r
                    .start
                    .iter()
                    .chain(r.end.iter())
                    .map(|e| self.expr(e))
                    .collect();
                Expr::Opaque { parts, span }
            }
            syn::Expr::Yield(y) => Expr::Opaque {
                parts: y.expr.iter().map(|e| self.expr(e)).collect(),
                span,
            },
            _ => Expr::Opaque {
                parts: Vec::new(),
                span,
            },
        }
    }

    // -----------------------------------------------------------------------------------------
    // Macros
    // -----------------------------------------------------------------------------------------

    /// The branches of a `cfg_if!` the crate's features select: the first whose predicate holds,
    /// and, where a predicate cannot be decided (target, `test`, unknown features), that branch
    /// and the ones after it too (privflow would rather analyse code that is not compiled than
    /// miss code that is). None: not a `cfg_if!`, or not its shape.
    fn cfg_if_branches(&self, m: &syn::Macro) -> Option<Vec<TokenStream>> {
        if m.path.segments.last()?.ident != "cfg_if" {
            return None;
        }
        let tts: Vec<TokenTree> = m.tokens.clone().into_iter().collect();
        let mut branches: Vec<(Option<Vec<TokenTree>>, TokenStream)> = Vec::new();
        let mut i = 0;
        loop {
            let is_ident =
                |t: Option<&TokenTree>, w: &str| matches!(t, Some(TokenTree::Ident(x)) if x == w);
            let mut pred = None;
            if is_ident(tts.get(i), "if") {
                // `if #[cfg(pred)] { .. }`
                let (Some(TokenTree::Punct(hash)), Some(TokenTree::Group(attr))) =
                    (tts.get(i + 1), tts.get(i + 2))
                else {
                    return None;
                };
                if hash.as_char() != '#' {
                    return None;
                }
                let inner: Vec<TokenTree> = attr.stream().into_iter().collect();
                match inner.as_slice() {
                    [TokenTree::Ident(c), TokenTree::Group(args)] if c == "cfg" => {
                        pred = Some(args.stream().into_iter().collect());
                    }
                    _ => return None,
                }
                i += 3;
            }
            let Some(TokenTree::Group(body)) = tts.get(i) else {
                return None;
            };
            if body.delimiter() != proc_macro2::Delimiter::Brace {
                return None;
            }
            let last = pred.is_none();
            branches.push((pred, body.stream()));
            i += 1;
            if last || i >= tts.len() {
                break;
            }
            if !is_ident(tts.get(i), "else") {
                return None;
            }
            i += 1;
        }
        let mut out = Vec::new();
        for (pred, body) in branches {
            let value = match (&pred, &self.features) {
                (None, _) => Some(true),
                (Some(p), Some(f)) => cfg_value(p, f),
                (Some(_), None) => None,
            };
            match value {
                Some(true) => {
                    out.push(body);
                    break;
                }
                Some(false) => {}
                None => out.push(body),
            }
        }
        Some(out)
    }

    /// The tokens a call of one of the file's `macro_rules!` macros expands to (None: not one,
    /// no rule matches, or expansion too deep or too big).
    fn expand_workspace_macro(&mut self, m: &syn::Macro) -> Option<TokenStream> {
        if self.expanding >= super::mbe::MAX_EXPANSION_DEPTH {
            return None;
        }
        // `name!`, `crate::name!`, `workspace_crate::name!` (a `#[macro_export]` macro); a
        // library's `krate::name!` is not a workspace macro of that name.
        let segs: Vec<String> = m
            .path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        let seg_refs: Vec<&str> = segs.iter().map(String::as_str).collect();
        let name = self.foreign.name_of(&seg_refs)?.to_string();
        let last = m.path.segments.last()?;
        let def = {
            let mut defs = self.macros.borrow_mut();
            if !defs.contains_key(&name) {
                let parsed = self
                    .foreign
                    .macros
                    .get(&name)
                    .and_then(|text| text.parse::<TokenStream>().ok())
                    .and_then(super::mbe::parse_rules);
                if let Some(d) = parsed {
                    defs.insert(name.clone(), std::rc::Rc::new(d));
                    self.foreign_used.insert(name.clone());
                }
            }
            defs.get(&name).cloned()?
        };
        if self.expanded_trees.get() > super::mbe::MAX_FILE_EXPANSION_TREES {
            return None;
        }
        let out = super::mbe::expand(&def, m.tokens.clone(), last.ident.span())?;
        let n = super::mbe::count_trees(&out);
        self.expanded_trees.set(self.expanded_trees.get() + n);
        (self.expanded_trees.get() <= super::mbe::MAX_FILE_EXPANSION_TREES).then_some(out)
    }

    /// Records an `include!` call; `at`: where its items join the file's own.
    fn include(&mut self, m: &syn::Macro, at: Option<usize>) {
        let path = syn::parse2::<syn::LitStr>(m.tokens.clone())
            .ok()
            .map(|l| l.value());
        let span = self.span(super::span::macro_span(m));
        self.includes.push(Include { path, at, span });
    }

    fn mac(&mut self, m: &syn::Macro) -> Expr {
        if is_include(m) {
            self.include(m, None);
        }
        // A workspace `macro_rules!` macro: its expansion, as a block at the call.
        if let Some(ts) = self.expand_workspace_macro(m) {
            let braced: TokenStream =
                TokenTree::Group(proc_macro2::Group::new(Delimiter::Brace, ts)).into();
            if let Ok(b) = syn::parse2::<syn::Block>(braced) {
                self.expanding += 1;
                let block = self.block(&b);
                self.expanding -= 1;
                return Expr::Block(Box::new(block));
            }
        }
        let path = self.path(&m.path);
        let span = self.span(super::span::macro_span(m));
        let mut last = path.last().map(|s| s.to_string()).unwrap_or_default();
        if let Some(original) = path.single().and_then(|n| self.macro_renames.get(&**n)) {
            last = original.clone();
        }
        if last == "matches" {
            if let Some(e) = self.matches_macro(m, span) {
                return e;
            }
        }
        let kind = macro_kind(&last);
        let chunks = split_commas(m.tokens.clone());
        let mut args = Vec::new();
        match kind {
            MacroKind::Format | MacroKind::Write => {
                for chunk in &chunks {
                    self.format_arg(chunk, &mut args);
                }
            }
            MacroKind::Exprs => {
                if last == "json" {
                    self.json(m.tokens.clone(), &mut args);
                } else {
                    let mut ok = true;
                    let mut parsed = Vec::new();
                    for chunk in &chunks {
                        if chunk.is_empty() {
                            continue;
                        }
                        // `vec![x; n]`
                        let ts: TokenStream = chunk.iter().cloned().collect();
                        let ts = strip_after_semicolon(ts);
                        match syn::parse2::<syn::Expr>(ts) {
                            Ok(e) => parsed.push(e),
                            Err(_) => ok = false,
                        }
                    }
                    if !known_expr_macro(&last) {
                        self.unexpanded.push(Unexpanded {
                            name: path_text(&path),
                            args_read: ok,
                            span,
                        });
                    }
                    if !ok {
                        return Expr::Macro {
                            path,
                            kind: MacroKind::Opaque,
                            args: self.exprs(&parsed),
                            span,
                        };
                    }
                    args = self.exprs(&parsed);
                }
            }
            MacroKind::Opaque => {}
        }
        Expr::Macro {
            path,
            kind,
            args,
            span,
        }
    }

    /// `matches!(e, P)` (also `P if guard`): `if let P = e` in a block of its own, so that what
    /// a check's result matched is read as in an `if let` (`matches!(check(x), Ok(true))`) and
    /// the pattern's bindings stay inside. None when it does not parse.
    fn matches_macro(&mut self, m: &syn::Macro, span: Span) -> Option<Expr> {
        use syn::parse::Parser;
        let toks: Vec<TokenTree> = m.tokens.clone().into_iter().collect();
        let comma = toks
            .iter()
            .position(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ','))?;
        let scrutinee: TokenStream = toks[..comma].iter().cloned().collect();
        let mut rest = &toks[comma + 1..];
        if let Some(TokenTree::Punct(p)) = rest.last() {
            if p.as_char() == ',' {
                rest = &rest[..rest.len() - 1];
            }
        }
        let guard_at = rest
            .iter()
            .position(|t| matches!(t, TokenTree::Ident(i) if i == "if"));
        let (pat_toks, guard_toks) = match guard_at {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        };
        let expr = syn::parse2::<syn::Expr>(scrutinee).ok()?;
        let pat = syn::Pat::parse_multi_with_leading_vert
            .parse2(pat_toks.iter().cloned().collect())
            .ok()?;
        let mut cond = Expr::Let {
            pat: self.pat(&pat),
            expr: Box::new(self.expr(&expr)),
            span,
        };
        if let Some(g) = guard_toks {
            let g = syn::parse2::<syn::Expr>(g.iter().cloned().collect()).ok()?;
            cond = Expr::Binary {
                op: BinOp::And,
                lhs: Box::new(cond),
                rhs: Box::new(self.expr(&g)),
                span,
            };
        }
        Some(Expr::Block(Box::new(Block {
            stmts: vec![Stmt::Expr {
                expr: cond,
                semi: false,
            }],
            span,
        })))
    }

    /// One argument of a format-like or `tracing` macro: a format string (its inline captures), an
    /// expression, `name = value`, `%value`, `?value`, `target: "x"`.
    fn format_arg(&mut self, chunk: &[TokenTree], out: &mut Vec<Expr>) {
        let mut toks: &[TokenTree] = chunk;
        if toks.is_empty() {
            return;
        }
        // `target: "..."`, `parent: span` (tracing), `key = value` (tracing fields, named args).
        let mut i = 0;
        while i + 1 < toks.len() {
            match (&toks[i], &toks[i + 1]) {
                (TokenTree::Ident(_), TokenTree::Punct(p)) if p.as_char() == '.' => i += 2,
                (TokenTree::Ident(_), TokenTree::Punct(p)) if p.as_char() == '=' => {
                    // not `==`
                    if toks
                        .get(i + 2)
                        .map(|t| matches!(t, TokenTree::Punct(q) if q.as_char() == '='))
                        .unwrap_or(false)
                    {
                        break;
                    }
                    toks = &toks[i + 2..];
                    break;
                }
                (TokenTree::Ident(_), TokenTree::Punct(p))
                    if p.as_char() == ':' && p.spacing() == proc_macro2::Spacing::Alone =>
                {
                    toks = &toks[i + 2..];
                    break;
                }
                _ => break,
            }
        }
        if let Some(TokenTree::Punct(p)) = toks.first() {
            if p.as_char() == '%' || p.as_char() == '?' {
                toks = &toks[1..];
            }
        }
        // `"label" => value` (the `metrics` macros' labels): the value.
        if let Some(at) = toks.windows(2).position(|w| {
            matches!((&w[0], &w[1]), (TokenTree::Punct(a), TokenTree::Punct(b))
                if a.as_char() == '=' && a.spacing() == proc_macro2::Spacing::Joint && b.as_char() == '>')
        }) {
            toks = &toks[at + 2..];
        }
        if toks.is_empty() {
            return;
        }
        let ts: TokenStream = toks.iter().cloned().collect();
        match syn::parse2::<syn::Expr>(ts) {
            Ok(syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            })) => {
                let sp = self.span(s.span());
                // The literal itself (untagged), for what it says: a format string's
                // `https://` prefix names the scheme of the URL it builds.
                out.push(Expr::Lit {
                    text: Some(name(&s.value())),
                    int: None,
                    boolean: None,
                    span: sp,
                });
                for cap in format_captures(&s.value()) {
                    out.push(Expr::Path(Path {
                        global: false,
                        segments: vec![PathSeg {
                            name: name(&cap),
                            generics: Vec::new(),
                        }],
                        qself: None,
                        span: sp,
                    }));
                }
            }
            Ok(e) => out.push(self.expr(&e)),
            Err(_) => {}
        }
    }

    /// `json!({"a": x, "b": [y, {"c": z}]})`: every value expression.
    fn json(&mut self, tokens: TokenStream, out: &mut Vec<Expr>) {
        if self.depth > MAX_DEPTH {
            return;
        }
        self.depth += 1;
        let tts: Vec<TokenTree> = tokens.into_iter().collect();
        if tts.len() == 1 {
            if let TokenTree::Group(g) = &tts[0] {
                match g.delimiter() {
                    Delimiter::Brace => {
                        for chunk in split_commas(g.stream()) {
                            // key tokens up to the first top-level `:`
                            if let Some(pos) = chunk.iter().position(
                                |t| matches!(t, TokenTree::Punct(p) if p.as_char() == ':'),
                            ) {
                                self.json(chunk[pos + 1..].iter().cloned().collect(), out);
                            }
                        }
                        self.depth -= 1;
                        return;
                    }
                    Delimiter::Bracket => {
                        for chunk in split_commas(g.stream()) {
                            self.json(chunk.into_iter().collect(), out);
                        }
                        self.depth -= 1;
                        return;
                    }
                    _ => {}
                }
            }
        }
        let ts: TokenStream = tts.into_iter().collect();
        if let Ok(e) = syn::parse2::<syn::Expr>(ts) {
            out.push(self.expr(&e));
        }
        self.depth -= 1;
    }
}

/// `x.name` / `x.0`: the field's name as the IR spells it.
fn member_name(m: &syn::Member) -> Name {
    match m {
        syn::Member::Named(i) => name(&i.to_string()),
        syn::Member::Unnamed(i) => name(&i.index.to_string()),
    }
}

/// The outer attributes of an expression statement. syn attaches `#[attr] a.b()?;`'s attributes
/// to the leftmost operand (`a`), so walk down the left edge to the first expression that has any.
fn expr_attrs(e: &syn::Expr) -> Option<&Vec<syn::Attribute>> {
    let mut e = e;
    for _ in 0..MAX_DEPTH {
        let (attrs, left): (&Vec<syn::Attribute>, Option<&syn::Expr>) = match e {
            syn::Expr::Block(x) => (&x.attrs, None),
            syn::Expr::If(x) => (&x.attrs, None),
            syn::Expr::Match(x) => (&x.attrs, None),
            syn::Expr::ForLoop(x) => (&x.attrs, None),
            syn::Expr::While(x) => (&x.attrs, None),
            syn::Expr::Loop(x) => (&x.attrs, None),
            syn::Expr::Unsafe(x) => (&x.attrs, None),
            syn::Expr::Async(x) => (&x.attrs, None),
            syn::Expr::Macro(x) => (&x.attrs, None),
            syn::Expr::Path(x) => (&x.attrs, None),
            syn::Expr::Lit(x) => (&x.attrs, None),
            syn::Expr::Call(x) => (&x.attrs, Some(&x.func)),
            syn::Expr::MethodCall(x) => (&x.attrs, Some(&x.receiver)),
            syn::Expr::Try(x) => (&x.attrs, Some(&x.expr)),
            syn::Expr::Await(x) => (&x.attrs, Some(&x.base)),
            syn::Expr::Field(x) => (&x.attrs, Some(&x.base)),
            syn::Expr::Index(x) => (&x.attrs, Some(&x.expr)),
            syn::Expr::Cast(x) => (&x.attrs, Some(&x.expr)),
            syn::Expr::Assign(x) => (&x.attrs, Some(&x.left)),
            syn::Expr::Binary(x) => (&x.attrs, Some(&x.left)),
            _ => return None,
        };
        if !attrs.is_empty() {
            return Some(attrs);
        }
        e = left?;
    }
    None
}
/// The value of a `cfg` predicate given the enabled features: `Some(true/false)` when the features
/// decide it, `None` when it depends on anything else (target, `test`, `debug_assertions`, ...).
/// Unknown predicates keep code in: privflow would rather analyse code that is not compiled than
/// miss code that is.
fn cfg_value(tts: &[TokenTree], features: &Features) -> Option<bool> {
    match tts {
        [TokenTree::Ident(i), TokenTree::Punct(eq), TokenTree::Literal(lit)]
            if i == "feature" && eq.as_char() == '=' =>
        {
            let text = lit.to_string();
            let name = text.strip_prefix('"')?.strip_suffix('"')?;
            Some(features.contains(name))
        }
        [TokenTree::Ident(i), TokenTree::Group(g)] if i == "not" => {
            let inner: Vec<TokenTree> = g.stream().into_iter().collect();
            cfg_value(&inner, features).map(|v| !v)
        }
        [TokenTree::Ident(i), TokenTree::Group(g)] if i == "all" || i == "any" => {
            let parts: Vec<Option<bool>> = split_commas(g.stream())
                .iter()
                .map(|p| cfg_value(p, features))
                .collect();
            // `all`: false if any part is false; `any`: true if any part is true.
            let decisive = i == "any";
            if parts.contains(&Some(decisive)) {
                Some(decisive)
            } else if parts.iter().all(|p| p.is_some()) {
                Some(!decisive)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// `include!(..)` / `std::include!(..)` (not `include_str!`, `include_bytes!`: data, not code).
fn is_include(m: &syn::Macro) -> bool {
    m.path.segments.last().is_some_and(|s| s.ident == "include")
}

/// The attributes of an item, whatever its kind.
fn item_attrs(it: &syn::Item) -> &[syn::Attribute] {
    match it {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::ExternCrate(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::ForeignMod(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Macro(i) => &i.attrs,
        syn::Item::Mod(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::TraitAlias(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Union(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

/// `cfg(test)`, `cfg(all(test, ..))`: code that only exists in test builds. `cfg(not(test))` and
/// `any(test, ..)` are kept.
fn cfg_is_test(tokens: &TokenStream) -> bool {
    let tts: Vec<TokenTree> = tokens.clone().into_iter().collect();
    match tts.as_slice() {
        [TokenTree::Ident(i)] => i == "test",
        [TokenTree::Ident(i), TokenTree::Group(g)] if i == "all" => split_commas(g.stream())
            .iter()
            .any(|c| cfg_is_test(&c.iter().cloned().collect())),
        _ => false,
    }
}

/// Expression macros whose meaning privflow models without expanding them (`vec!`, `json!`,
/// `matches!`, sqlx's query macros): no note that they were not expanded.
fn known_expr_macro(last: &str) -> bool {
    matches!(
        last,
        "vec"
            | "json"
            | "matches"
            | "query"
            | "query_as"
            | "query_scalar"
            | "query_unchecked"
            | "query_as_unchecked"
            | "query_scalar_unchecked"
            | "cfg_if"
            | "select"
            | "join"
            | "try_join"
            | "pin"
            | "ready"
            | "lazy_static"
            | "thread_local"
    )
}

/// `a::b!` as written.
fn path_text(p: &Path) -> String {
    p.segments
        .iter()
        .map(|s| s.name.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

pub fn macro_kind(last: &str) -> MacroKind {
    match last {
        "format" | "print" | "println" | "eprint" | "eprintln" | "format_args" | "panic"
        | "todo" | "unimplemented" | "unreachable" | "assert" | "assert_eq" | "assert_ne"
        | "debug_assert" | "debug_assert_eq" | "debug_assert_ne" | "dbg" | "info" | "warn"
        | "error" | "debug" | "trace" | "log" | "event" | "info_span" | "warn_span"
        | "error_span" | "debug_span" | "trace_span" | "span" | "anyhow" | "bail" | "ensure"
        | "format_err" | "eyre" | "counter" | "gauge" | "histogram" => MacroKind::Format,
        "write" | "writeln" => MacroKind::Write,
        "macro_rules" | "include" | "include_str" | "include_bytes" | "env" | "option_env"
        | "concat" | "stringify" | "line" | "column" | "file" | "module_path" | "cfg"
        | "compile_error" => MacroKind::Opaque,
        _ => MacroKind::Exprs,
    }
}

/// Splits a token stream at its top-level commas.
pub fn split_commas(ts: TokenStream) -> Vec<Vec<TokenTree>> {
    let mut out = vec![Vec::new()];
    for tt in ts {
        match &tt {
            TokenTree::Punct(p) if p.as_char() == ',' => out.push(Vec::new()),
            _ => {
                if let Some(last) = out.last_mut() {
                    last.push(tt)
                }
            }
        }
    }
    if out.last().map(|l| l.is_empty()).unwrap_or(false) {
        out.pop();
    }
    out
}

fn strip_after_semicolon(ts: TokenStream) -> TokenStream {
    let mut out = Vec::new();
    for tt in ts {
        if matches!(&tt, TokenTree::Punct(p) if p.as_char() == ';') {
            break;
        }
        out.push(tt);
    }
    out.into_iter().collect()
}

/// Identifiers captured inline by a format string: `"{email}"`, `"{name:?}"`, `"{x:>8}"`.
pub fn format_captures(fmt: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '{' {
            if chars.peek() == Some(&'{') {
                chars.next();
                continue;
            }
            let mut inner = String::new();
            for d in chars.by_ref() {
                if d == '}' {
                    break;
                }
                inner.push(d);
            }
            let arg = inner.split(':').next().unwrap_or("").trim();
            let is_ident = arg
                .chars()
                .next()
                .map(|c| c.is_alphabetic() || c == '_')
                .unwrap_or(false)
                && arg.chars().all(|c| c.is_alphanumeric() || c == '_');
            if is_ident && !out.iter().any(|x| x == arg) {
                out.push(arg.to_string());
            }
        }
    }
    out
}

fn attr_value(e: &syn::Expr) -> AttrValue {
    match e {
        syn::Expr::Lit(l) => match &l.lit {
            syn::Lit::Str(s) => AttrValue::Str(s.value()),
            syn::Lit::Bool(b) => AttrValue::Bool(b.value),
            syn::Lit::Int(i) => i
                .base10_parse::<u64>()
                .map(AttrValue::Int)
                .unwrap_or(AttrValue::Other),
            _ => AttrValue::Other,
        },
        syn::Expr::Array(a) => AttrValue::List(a.elems.iter().map(attr_value).collect()),
        syn::Expr::Path(p) => AttrValue::Path(
            p.path
                .segments
                .iter()
                .map(|s| name(&s.ident.to_string()))
                .collect(),
        ),
        _ => AttrValue::Other,
    }
}

#[cfg(test)]
#[allow(clippy::items_after_test_module)]
mod tests {
    use super::*;

    #[test]
    fn captures_in_format_strings() {
        assert_eq!(
            format_captures("{email} {{x}} {name:?} {0} {} {w:>8}"),
            vec!["email", "name", "w"]
        );
    }
}

/// Every identifier of a function's signature and body (macro arguments' tokens included), as
/// sorted [`ident_hash`](super::ir::ident_hash)es.
fn mentions(sig: &syn::Signature, body: Option<&syn::Block>) -> std::sync::Arc<[u64]> {
    struct Idents(Vec<u64>);
    impl Idents {
        fn tokens(&mut self, ts: &TokenStream) {
            // Token trees nest only as deep as the brackets the parser accepted.
            for tt in ts.clone() {
                match tt {
                    TokenTree::Ident(i) => self.0.push(super::ir::ident_hash(&i.to_string())),
                    TokenTree::Group(g) => self.tokens(&g.stream()),
                    _ => {}
                }
            }
        }
    }
    impl<'a> syn::visit::Visit<'a> for Idents {
        fn visit_ident(&mut self, i: &'a proc_macro2::Ident) {
            self.0.push(super::ir::ident_hash(&i.to_string()));
        }
        // A local item is a function (or type) of its own, with its own mentions: walking into
        // it from every enclosing function would cost the square of the nesting.
        fn visit_item(&mut self, _: &'a syn::Item) {}
        fn visit_macro(&mut self, m: &'a syn::Macro) {
            syn::visit::visit_path(self, &m.path);
            self.tokens(&m.tokens);
        }
    }
    let mut v = Idents(Vec::new());
    syn::visit::visit_signature(&mut v, sig);
    if let Some(b) = body {
        syn::visit::visit_block(&mut v, b);
    }
    v.0.sort_unstable();
    v.0.dedup();
    v.0.into()
}

/// A loop's or block's label, without its quote.
fn label_name(l: &Option<syn::Label>) -> Option<Name> {
    l.as_ref().map(|l| Name::from(l.name.ident.to_string()))
}

type MacroDefs = std::collections::HashMap<String, std::rc::Rc<super::mbe::MacroDef>>;

/// What the file says about macros, read in one walk over its items (function bodies are walked
/// for their items only): every `use a::b as c;` whose `b` is a macro privflow reads by name
/// (`c` → `b`: `use log::warn as alert;`), and every `macro_rules! name { .. }` definition by
/// name (a later one replaces an earlier one).
fn file_macros(
    ast: &syn::File,
) -> (
    std::collections::HashMap<String, String>,
    MacroDefs,
    std::collections::BTreeMap<String, String>,
) {
    #[derive(Default)]
    struct Macros {
        renames: std::collections::HashMap<String, String>,
        defs: MacroDefs,
        texts: std::collections::BTreeMap<String, String>,
    }
    impl Macros {
        fn define(&mut self, name: String, body: TokenStream) {
            let text = body.to_string();
            if let Some(def) = super::mbe::parse_rules(body) {
                self.defs.insert(name.clone(), std::rc::Rc::new(def));
                self.texts.insert(name, text);
            }
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for Macros {
        fn visit_use_rename(&mut self, r: &'ast syn::UseRename) {
            let original = r.ident.to_string();
            if macro_kind(&original) != MacroKind::Exprs {
                self.renames.insert(r.rename.to_string(), original);
            }
        }
        fn visit_item_macro(&mut self, m: &'ast syn::ItemMacro) {
            if let (Some(name), true) = (&m.ident, m.mac.path.is_ident("macro_rules")) {
                self.define(name.to_string(), m.mac.tokens.clone());
            }
        }
        fn visit_block(&mut self, b: &'ast syn::Block) {
            for s in &b.stmts {
                match s {
                    syn::Stmt::Item(i) => self.visit_item(i),
                    // `macro_rules! name { .. }` inside a function body is a statement macro.
                    syn::Stmt::Macro(m) if m.mac.path.is_ident("macro_rules") => {
                        let mut tts = m.mac.tokens.clone().into_iter();
                        if let (Some(TokenTree::Ident(n)), Some(TokenTree::Group(g))) =
                            (tts.next(), tts.next())
                        {
                            self.define(n.to_string(), g.stream());
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    let mut m = Macros::default();
    syn::visit::Visit::visit_file(&mut m, ast);
    (m.renames, m.defs, m.texts)
}
