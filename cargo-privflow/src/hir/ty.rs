//! Just enough type knowledge to resolve fields and methods: written types resolved in their
//! scope, wrappers (`&`, `Box`, `Arc`, `Rc`, `RefCell`, `Mutex`, ...) seen through, and element
//! types of containers (`Option`, `Vec`, `Result`, maps, slices, iterators).

use super::scope::{resolve_path_ns, Ns};
use super::*;
use crate::syntax::ir::TypeRef;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Ty {
    #[default]
    Unknown,
    /// A workspace struct or enum.
    Adt(StructId, Vec<Ty>),
    /// A workspace type alias (it may carry a type-level tag) and what it stands for.
    Alias(AliasId, Box<Ty>),
    /// A library type: `Option`, `Vec`, `String`, `HashMap` (std paths by their last segment),
    /// or a full path (`reqwest::Client`).
    Lib(Name, Vec<Ty>),
    Tuple(Vec<Ty>),
    /// A generic parameter with trait bounds, `impl Trait` or `dyn Trait`.
    Bounded(Vec<TraitId>),
    Slice(Box<Ty>),
    /// The i-th type parameter of the struct whose field this is (`inner: T`), replaced by the
    /// struct's type argument when the field is read.
    Generic(u32),
}

/// Types that only wrap or point to another: seen through.
const WRAPPERS: &[&str] = &[
    "Box",
    "Arc",
    "Rc",
    "Cow",
    "RefCell",
    "Cell",
    "Mutex",
    "RwLock",
    "Pin",
    "MutexGuard",
    "RwLockReadGuard",
    "RwLockWriteGuard",
    "Ref",
    "RefMut",
    "ManuallyDrop",
    "Weak",
    "OnceCell",
    "OnceLock",
    "Lazy",
    "LazyLock",
];

/// Containers whose element type is their first (or, for maps, second) type argument.
const CONTAINERS: &[&str] = &[
    "Option",
    "Vec",
    "VecDeque",
    "HashSet",
    "BTreeSet",
    "LinkedList",
    "BinaryHeap",
    "Result",
    // diesel's `QueryResult<T>` (`Result<T, diesel::result::Error>`).
    "QueryResult",
    "Iter",
    "IntoIter",
    "IterMut",
    "Receiver",
    "Sender",
    "Json",
    "Query",
    "Form",
    "Path",
    "Data",
    "Extension",
    "State",
    "Poll",
    "Ready",
];
const MAPS: &[&str] = &["HashMap", "BTreeMap", "IndexMap", "DashMap"];

impl Ty {
    /// The type of one element: `Option<T>`/`Vec<T>`/`Result<T, _>`/`[T]` → `T`, maps → value.
    pub fn elem(&self) -> Ty {
        match self {
            Ty::Lib(n, args) if CONTAINERS.contains(&&**n) => {
                args.first().cloned().unwrap_or_default()
            }
            Ty::Lib(n, args) if MAPS.contains(&&**n) => args.get(1).cloned().unwrap_or_default(),
            Ty::Slice(t) => (**t).clone(),
            Ty::Alias(_, t) => t.elem(),
            _ => Ty::Unknown,
        }
    }

    /// Is this a container (so `elem` means something)?
    /// `Result<bool, _>` or `Option<bool>`: a check whose success is not its answer.
    pub fn answers_in_bool(&self) -> bool {
        match self {
            Ty::Lib(n, args) if &**n == "Result" || &**n == "Option" => {
                matches!(args.first(), Some(Ty::Lib(b, _)) if &**b == "bool")
            }
            Ty::Alias(_, t) => t.answers_in_bool(),
            _ => false,
        }
    }

    pub fn is_container(&self) -> bool {
        match self {
            Ty::Lib(n, _) => CONTAINERS.contains(&&**n) || MAPS.contains(&&**n),
            Ty::Slice(_) => true,
            Ty::Alias(_, t) => t.is_container(),
            _ => false,
        }
    }

    /// The workspace struct this type is (through aliases and containers).
    pub fn adt(&self) -> Option<StructId> {
        match self {
            Ty::Adt(s, _) => Some(*s),
            Ty::Alias(_, t) => t.adt(),
            _ if self.is_container() => self.elem().adt(),
            _ => None,
        }
    }

    /// The type an alias stands for (through every alias layer); any other type itself.
    pub fn unaliased(&self) -> &Ty {
        match self {
            Ty::Alias(_, t) => t.unaliased(),
            _ => self,
        }
    }

    pub fn is_known(&self) -> bool {
        !matches!(self, Ty::Unknown)
    }

    pub fn lib_name(&self) -> Option<&str> {
        match self {
            Ty::Lib(n, _) => Some(n),
            Ty::Alias(_, t) => t.lib_name(),
            _ => None,
        }
    }

    pub fn wrap(name: &str, inner: Ty) -> Ty {
        Ty::Lib(Name::from(name), vec![inner])
    }

    /// This type with its unknown parts taken from `other`, where the two have the same shape:
    /// `Vec<?>` filled from a declared `Vec<Patient>`. Where they differ, this one stands (a
    /// generic signature says less than the value it returned).
    pub fn filled_from(&self, other: &Ty) -> Ty {
        fn zip(xs: &[Ty], ys: &[Ty]) -> Vec<Ty> {
            (0..xs.len().max(ys.len()))
                .map(|i| {
                    let x = xs.get(i).cloned().unwrap_or_default();
                    match ys.get(i) {
                        Some(y) => x.filled_from(y),
                        None => x,
                    }
                })
                .collect()
        }
        match (self, other) {
            (Ty::Unknown, o) => o.clone(),
            (Ty::Lib(a, xs), Ty::Lib(b, ys)) if a == b => Ty::Lib(a.clone(), zip(xs, ys)),
            (Ty::Adt(a, xs), Ty::Adt(b, ys)) if a == b => Ty::Adt(*a, zip(xs, ys)),
            (Ty::Tuple(xs), Ty::Tuple(ys)) if xs.len() == ys.len() => Ty::Tuple(zip(xs, ys)),
            (Ty::Slice(x), Ty::Slice(y)) => Ty::Slice(Box::new(x.filled_from(y))),
            _ => self.clone(),
        }
    }
}

/// Where a written type is resolved: its module, the generics in scope, and `Self`.
#[derive(Debug, Clone, Default)]
pub struct TyCtx {
    pub module: Option<ModId>,
    pub generics: Vec<(Name, Vec<TraitId>)>,
    pub self_ty: Option<Ty>,
    /// Type parameters of the struct whose fields are being typed.
    pub struct_params: Vec<Name>,
}

impl Program {
    /// The context a function's signature and body are typed in.
    pub fn ty_ctx(&self, f: FnId) -> TyCtx {
        let d = self.fn_(f);
        let mut generics = Vec::new();
        let mut self_ty = None;
        let module = d.scope;
        let push_generics = |gs: &[(Name, Vec<crate::syntax::ir::Path>)],
                             m: ModId,
                             out: &mut Vec<(Name, Vec<TraitId>)>| {
            for (n, bounds) in gs {
                let traits = bounds
                    .iter()
                    .filter_map(|b| match resolve_path_ns(self, m, b, Ns::Type) {
                        Some(Def::Trait(t)) => Some(t),
                        _ => None,
                    })
                    .collect();
                out.push((n.clone(), traits));
            }
        };
        match d.owner {
            Owner::Impl(i) => {
                let imp = &self.impls[i.idx()];
                push_generics(&imp.generics, imp.module, &mut generics);
                let base = TyCtx {
                    module: Some(imp.module),
                    generics: generics.clone(),
                    self_ty: None,
                    struct_params: Vec::new(),
                };
                self_ty = Some(self.lower_ty(&base, &imp.self_ty));
            }
            Owner::Trait(t) => self_ty = Some(Ty::Bounded(vec![t])),
            Owner::Free => {}
        }
        push_generics(&d.ir.generics, d.module, &mut generics);
        TyCtx {
            module: Some(module),
            generics,
            self_ty,
            struct_params: Vec::new(),
        }
    }

    pub fn lower_ty(&self, cx: &TyCtx, t: &TypeRef) -> Ty {
        self.lower_ty_depth(cx, t, 0)
    }

    fn lower_ty_depth(&self, cx: &TyCtx, t: &TypeRef, depth: u32) -> Ty {
        if depth > 16 {
            return Ty::Unknown;
        }
        match t {
            TypeRef::Ref { inner, .. } => self.lower_ty_depth(cx, inner, depth + 1),
            TypeRef::Tuple(ts) if ts.is_empty() => Ty::Unknown,
            TypeRef::Tuple(ts) => Ty::Tuple(
                ts.iter()
                    .map(|t| self.lower_ty_depth(cx, t, depth + 1))
                    .collect(),
            ),
            TypeRef::Slice(t) => Ty::Slice(Box::new(self.lower_ty_depth(cx, t, depth + 1))),
            TypeRef::ImplTrait(bounds) | TypeRef::DynTrait(bounds) => {
                let traits: Vec<TraitId> = bounds
                    .iter()
                    .filter_map(|b| {
                        match cx
                            .module
                            .and_then(|m| resolve_path_ns(self, m, b, Ns::Type))
                        {
                            Some(Def::Trait(t)) => Some(t),
                            _ => None,
                        }
                    })
                    .collect();
                // `impl Iterator<Item = T>` / `impl Fn..`: unknown library traits.
                if traits.is_empty() {
                    Ty::Unknown
                } else {
                    Ty::Bounded(traits)
                }
            }
            TypeRef::Path(p) => {
                let args: Vec<Ty> = p
                    .segments
                    .last()
                    .map(|s| {
                        s.generics
                            .iter()
                            .map(|g| self.lower_ty_depth(cx, g, depth + 1))
                            .collect()
                    })
                    .unwrap_or_default();
                if let Some(n) = p.single() {
                    if &**n == "Self" {
                        return cx.self_ty.clone().unwrap_or_default();
                    }
                    if let Some(i) = cx.struct_params.iter().position(|g| g == n) {
                        return Ty::Generic(i as u32);
                    }
                    if let Some((_, traits)) = cx.generics.iter().find(|(g, _)| g == n) {
                        return if traits.is_empty() {
                            Ty::Unknown
                        } else {
                            Ty::Bounded(traits.clone())
                        };
                    }
                }
                let Some(m) = cx.module else {
                    return Ty::Unknown;
                };
                match resolve_path_ns(self, m, p, Ns::Type) {
                    Some(Def::Struct(s)) => Ty::Adt(s, args),
                    Some(Def::Alias(a)) => {
                        let ad = &self.aliases[a.idx()];
                        let inner_cx = TyCtx {
                            module: Some(ad.module),
                            ..TyCtx::default()
                        };
                        Ty::Alias(
                            a,
                            Box::new(self.lower_ty_depth(&inner_cx, &ad.ty, depth + 1)),
                        )
                    }
                    Some(Def::Trait(t)) => Ty::Bounded(vec![t]),
                    Some(Def::External(path)) => lib_ty(&path, args),
                    _ => Ty::Unknown,
                }
            }
            _ => Ty::Unknown,
        }
    }
}

/// A library type by path; std types by their last segment, wrappers seen through.
pub fn lib_ty(path: &[Name], args: Vec<Ty>) -> Ty {
    let last = path.last().cloned().unwrap_or_else(|| Name::from(""));
    if WRAPPERS.contains(&&*last) {
        return args.into_iter().next().unwrap_or_default();
    }
    let is_std =
        path.len() == 1 || matches!(path.first().map(|s| &**s), Some("std" | "core" | "alloc"));
    // A `Sender` is a channel's only in the channel crates (`sendgrid::v3::Sender` sends mail).
    let channel_elsewhere = matches!(&*last, "Sender" | "Receiver")
        && !matches!(
            path.first().map(|s| &**s),
            Some(
                "std"
                    | "tokio"
                    | "crossbeam"
                    | "crossbeam_channel"
                    | "flume"
                    | "async_channel"
                    | "futures"
                    | "kanal"
            )
        )
        && path.len() > 1;
    let is_container =
        (CONTAINERS.contains(&&*last) || MAPS.contains(&&*last)) && !channel_elsewhere;
    if is_std || is_container {
        Ty::Lib(last, args)
    } else {
        let joined: Vec<&str> = path.iter().map(|s| &**s).collect();
        Ty::Lib(Name::from(joined.join("::")), args)
    }
}
