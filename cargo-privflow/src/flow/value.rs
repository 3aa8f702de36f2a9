//! Abstract values: what the analysis knows about one Rust value.
//!
//! A value is its whole-value tags, the explicit contents of its fields (written by struct
//! literals, assignments, builders), its static type (whose tagged fields add their tags when
//! read), consent knowledge (for `bool`/`Result`/`Option` results of consent checks), and what
//! it is if it can be called. Containers are their elements joined ("array smashing"): a
//! `Vec<Patient>` value's fields are its elements' fields.

use super::tags::{San, TagSet};
use crate::hir::{FnId, Ty};
use crate::syntax::ir::Name;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Consent purposes that hold.
pub type Purposes = BTreeSet<Name>;

/// Does consent for one of `held` cover `purpose` (equal, or a dotted prefix of it)?
pub fn consented(held: &Purposes, purpose: &str) -> bool {
    held.iter().any(|h| covers(h, purpose))
}

/// Does consent for `held` cover `purpose` (the same purpose, or a prefix of it)?
pub fn covers(held: &str, purpose: &str) -> bool {
    purpose == held || (purpose.starts_with(held) && purpose[held.len()..].starts_with('.'))
}

/// What a condition tells about consent: purposes that hold when it is true / when it is false.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Guard {
    pub if_true: Purposes,
    pub if_false: Purposes,
}

impl Guard {
    pub fn negate(&self) -> Guard {
        Guard {
            if_true: self.if_false.clone(),
            if_false: self.if_true.clone(),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.if_true.is_empty() && self.if_false.is_empty()
    }
}

/// Something a value can be called as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callable {
    Fn(FnId),
    /// A closure of the function being analysed (index into its closure table).
    Closure(u32),
}

/// Where a reference points: a local variable and a field path in it. A write through the
/// reference (`*r = x`, `r.f = x`, `r.push(x)`) is a write to that place too. Weak: the
/// reference points at one element among several (`v.get_mut(i)`, `iter_mut()`), or at one of
/// several places (joined), so a write through it adds to the place instead of replacing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub var: Name,
    pub path: Vec<Name>,
    pub weak: bool,
}

impl Alias {
    /// The same place, or one element of it.
    pub fn weakened(&self) -> Alias {
        Alias {
            weak: true,
            ..self.clone()
        }
    }

    /// Both places as one: the common prefix of two paths in one variable (weak), or none.
    fn join(a: &Alias, b: &Alias) -> Option<Alias> {
        if a == b {
            return Some(a.clone());
        }
        if a.var != b.var {
            return None;
        }
        let common = a
            .path
            .iter()
            .zip(&b.path)
            .take_while(|(x, y)| x == y)
            .count();
        Some(Alias {
            var: a.var.clone(),
            path: a.path[..common].to_vec(),
            weak: true,
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Value {
    pub tags: TagSet,
    /// Shared until written (values are copied at every branch and call; most copies are
    /// never changed): write through [`Value::fields_mut`].
    pub fields: Arc<BTreeMap<Name, Value>>,
    pub ty: Ty,
    pub guard: Option<Guard>,
    pub callable: Option<Callable>,
    /// Sanitizers applied to what the type declares (a sanitizer that returns a tagged type).
    pub ty_san: San,
    /// The local place this value is a reference to (only inside the function: summaries drop it).
    pub alias: Option<Arc<Alias>>,
    /// A `Result`'s `Err` contents, when known apart from its `Ok` contents (the value itself):
    /// `Ok(x)` holds none, `Err(e)` holds `e` and no `Ok` contents. None: either variant may hold
    /// all of the value.
    pub err: Option<Arc<Value>>,
    /// A fixed-size array's (or `vec![..]`'s) elements one by one, when built from a literal:
    /// `a[0]` and `let [x, y] = a` read one of them. A refinement of the value itself, which
    /// still holds all of them joined (so dropping it is always sound: any write that does not
    /// know which element it changes does).
    pub elems: Option<Arc<Vec<Value>>>,
    /// The variable or parameter this value is, or is a part, borrow or clone of
    /// ([`super::held`]'s roots): what a bound check's value is compared by. None: a value
    /// computed from others (or not the same one on every path).
    pub root: Option<crate::syntax::ir::Name>,
    /// The texts this value is, when it is one of a few string literals the code wrote
    /// (constant propagation over a finite set: a literal, a variable holding one of several, a
    /// `format!` of such pieces). None: not known. Read for what SQL text says (`DELETE FROM
    /// ..` held in a variable). Sorted, at most [`MAX_TEXTS`].
    pub texts: Option<Arc<Vec<Name>>>,
    /// Fields a struct or variant literal set to a constant (`None`, a literal) and nothing
    /// wrote since, on every path whose type is known: the field tags their type declares do
    /// not apply to them (a `Conversion { hashed_email: None, .. }` holds no e-mail). Sorted.
    pub unset: Option<Arc<Vec<Name>>>,
}

/// Texts one value is known to be one of at most (more is "not known").
pub const MAX_TEXTS: usize = 8;

/// The union of two sets of texts, or None when either is not known or the union is too big.
pub fn join_texts(
    a: &Option<Arc<Vec<Name>>>,
    b: &Option<Arc<Vec<Name>>>,
) -> Option<Arc<Vec<Name>>> {
    match (a, b) {
        (Some(x), Some(y)) if Arc::ptr_eq(x, y) || x == y => Some(x.clone()),
        (Some(x), Some(y)) => {
            let mut u: Vec<Name> = x.iter().chain(y.iter()).cloned().collect();
            u.sort();
            u.dedup();
            (u.len() <= MAX_TEXTS).then(|| Arc::new(u))
        }
        _ => None,
    }
}

/// Elements known one by one at most (a longer literal is only its elements joined).
pub const MAX_KNOWN_ELEMS: usize = 8;

/// Nesting of field maps kept; deeper contents fold into the parent's tags.
pub const MAX_FIELD_DEPTH: usize = 4;

/// Field nodes one value keeps (k-limiting by breadth, as [`MAX_FIELD_DEPTH`] by depth): a
/// bigger value has its deepest levels folded into their parents' tags
/// ([`super::body`]'s `bounded`), so substituting a summary into a call costs at most this
/// squared, whatever the program builds.
pub const MAX_VALUE_NODES: usize = 64;

impl Value {
    /// The fields, for writing (copied first if shared).
    pub fn fields_mut(&mut self) -> &mut BTreeMap<Name, Value> {
        Arc::make_mut(&mut self.fields)
    }

    pub fn of_ty(ty: Ty) -> Value {
        Value {
            ty,
            ..Value::default()
        }
    }
    pub fn from_tags(tags: TagSet) -> Value {
        Value {
            tags,
            ..Value::default()
        }
    }

    /// Joins `other` into `self` (union of tags and fields; the type is kept if known).
    pub fn join(&mut self, other: &Value) {
        self.join_depth(other, 0)
    }

    fn join_depth(&mut self, other: &Value, depth: usize) {
        self.elems = match (&self.elems, &other.elems) {
            (Some(a), Some(b)) if Arc::ptr_eq(a, b) => Some(a.clone()),
            (Some(a), Some(b)) if a.len() == b.len() => Some(Arc::new(
                a.iter()
                    .zip(b.iter())
                    .map(|(x, y)| x.clone().joined(y))
                    .collect(),
            )),
            // Elements known on one side only: the joined whole is what is known.
            _ => None,
        };
        if self.err.is_some() || other.err.is_some() {
            let mut e = self.err_part();
            e.join_depth(&other.err_part(), depth + 1);
            self.err = Some(Arc::new(e));
        }
        self.tags.union(&other.tags);
        if depth >= MAX_FIELD_DEPTH {
            for f in other.fields.values() {
                self.tags.union(&f.all_tags_shallow());
            }
        } else {
            for (k, v) in other.fields.iter() {
                self.fields_mut()
                    .entry(k.clone())
                    .or_default()
                    .join_depth(v, depth + 1);
            }
        }
        if !self.ty.is_known() {
            self.ty = other.ty.clone();
            self.ty_san = other.ty_san;
            self.unset = other.unset.clone();
        } else if other.ty.is_known() {
            self.ty_san &= other.ty_san;
            // Unset on every path whose type is known: a value of no known type (a summary's
            // bottom) declares no fields.
            self.unset = match (&self.unset, &other.unset) {
                (Some(a), Some(b)) if Arc::ptr_eq(a, b) => Some(a.clone()),
                (Some(a), Some(b)) => {
                    let both: Vec<Name> = a.iter().filter(|n| b.contains(n)).cloned().collect();
                    (!both.is_empty()).then(|| Arc::new(both))
                }
                _ => None,
            };
        }
        self.guard = match (&self.guard, &other.guard) {
            (Some(a), Some(b)) => Some(Guard {
                if_true: a.if_true.intersection(&b.if_true).cloned().collect(),
                if_false: a.if_false.intersection(&b.if_false).cloned().collect(),
            }),
            _ => None,
        };
        if self.callable.is_none() {
            self.callable = other.callable.clone();
        }
        if self.root != other.root {
            self.root = None;
        }
        self.texts = join_texts(&self.texts, &other.texts);
        self.alias = match (&self.alias, &other.alias) {
            (Some(a), Some(b)) if Arc::ptr_eq(a, b) => Some(a.clone()),
            (Some(a), Some(b)) => Alias::join(a, b).map(Arc::new),
            // A reference on one path only: writes through it may reach the place.
            (Some(a), None) | (None, Some(a)) => Some(Arc::new(a.weakened())),
            (None, None) => None,
        };
    }

    pub fn joined(mut self, other: &Value) -> Value {
        self.join(other);
        self
    }

    /// What the `Err` variant of this value holds (the whole value when not known apart).
    pub fn err_part(&self) -> Value {
        match &self.err {
            Some(e) => (**e).clone(),
            None => Value {
                err: None,
                guard: None,
                callable: None,
                ..self.clone()
            },
        }
    }

    /// What the `Ok` variant holds: the value without a known `Err` part.
    pub fn ok_part(mut self) -> Value {
        self.err = None;
        self
    }

    /// Tags of the value and its explicit fields (not type-derived).
    pub fn all_tags_shallow(&self) -> TagSet {
        let mut t = self.tags.clone();
        if let Some(e) = &self.err {
            t.union(&e.all_tags_shallow());
        }
        for f in self.fields.values() {
            t.union(&f.all_tags_shallow());
        }
        t
    }

    /// Whether the value has more than `limit` field nodes (stops counting there).
    pub fn nodes_exceed(&self, limit: usize) -> bool {
        fn count(v: &Value, left: &mut usize) -> bool {
            for f in v.fields.values() {
                if *left == 0 {
                    return true;
                }
                *left -= 1;
                if count(f, left) {
                    return true;
                }
            }
            false
        }
        let mut left = limit;
        count(self, &mut left)
    }

    /// Depth of the field tree (0: no fields).
    pub fn field_depth(&self) -> usize {
        self.fields
            .values()
            .map(|f| 1 + f.field_depth())
            .max()
            .unwrap_or(0)
    }

    pub fn is_untagged(&self) -> bool {
        self.tags.is_empty()
            && self.fields.values().all(|f| f.is_untagged())
            && !matches!(&self.err, Some(e) if !e.is_untagged())
    }

    /// The same contents, seen as another type (`Some(x)`, `x.into()`, an element).
    pub fn with_ty(mut self, ty: Ty) -> Value {
        self.ty = ty;
        self
    }

    pub fn ty_san(&self) -> San {
        self.ty_san
    }
    pub fn set_ty_san(&mut self, s: San) {
        self.ty_san = s;
    }

    /// Cuts field nesting below `depth`, folding deeper contents into tags (keeps summaries
    /// finite when recursion builds ever deeper values).
    pub fn truncate(&mut self, depth: usize) {
        self.elems = None;
        if depth == 0 {
            let folded = self.all_tags_shallow();
            self.tags = folded;
            self.fields = Default::default();
            self.err = None;
            return;
        }
        if let Some(e) = &mut self.err {
            Arc::make_mut(e).truncate(depth - 1);
        }
        if self.fields.is_empty() {
            return;
        }
        for f in self.fields_mut().values_mut() {
            f.truncate(depth - 1);
        }
    }

    /// Drops what only makes sense inside the function that built it.
    pub fn without_local(mut self) -> Value {
        self.callable = match self.callable {
            Some(Callable::Closure(_)) => None,
            c => c,
        };
        // What a check's result tells survives as far as it is about the parameters (a wrapper
        // that returns a check's result counts as that check at its calls).
        self.guard = self.guard.map(|g| Guard {
            if_true: super::held::for_summary(&g.if_true),
            if_false: super::held::for_summary(&g.if_false),
        });
        self.alias = None;
        self.elems = None;
        self.root = None;
        if let Some(e) = self.err.take() {
            self.err = Some(Arc::new((*e).clone().without_local()));
        }
        for f in self.fields_mut().values_mut() {
            *f = std::mem::take(f).without_local();
        }
        self
    }
}
