use super::*;

impl<'a, 'p> Eval<'a, 'p> {
    // -----------------------------------------------------------------------------------------
    // Control flow
    // -----------------------------------------------------------------------------------------

    /// Evaluates a condition; `let` patterns bind in the current scope. Returns what it tells
    /// about consent.
    pub(super) fn cond(&mut self, c: &'p Expr) -> Guard {
        match c {
            Expr::Let { pat, expr, .. } => {
                let v = self.expr(expr);
                let g = v.guard.clone();
                let if_true = Self::pattern_consent(pat, &g, v.ty.answers_in_bool());
                let if_false = match (&g, pat) {
                    (Some(g), Pat::TupleStruct { path, .. })
                        if matches!(path.last().map(|s| &**s), Some("Some" | "Ok")) =>
                    {
                        g.if_false.clone()
                    }
                    _ => Purposes::new(),
                };
                self.bind(pat, v);
                Guard { if_true, if_false }
            }
            Expr::Binary {
                op: BinOp::And,
                lhs,
                rhs,
                ..
            } => {
                let a = self.cond(lhs);
                let saved = self.st.consent.clone();
                self.st.consent.extend(a.if_true.iter().cloned());
                let b = self.cond(rhs);
                self.st.consent = saved;
                Guard {
                    if_true: a.if_true.union(&b.if_true).cloned().collect(),
                    if_false: a.if_false.intersection(&b.if_false).cloned().collect(),
                }
            }
            // `check(x) == Some(true)`, `ok == true`, `check(x) != Ok(true)`.
            Expr::Binary {
                op: op @ (BinOp::Eq | BinOp::Ne),
                lhs,
                rhs,
                ..
            } => {
                let (checked, lit) = match (success_literal(lhs), success_literal(rhs)) {
                    (None, Some(l)) => (lhs, l),
                    (Some(l), None) => (rhs, l),
                    _ => return self.expr(c).guard.unwrap_or_default(),
                };
                let v = self.expr(checked);
                let Some(g) = v.guard else {
                    return Guard::default();
                };
                // `== Some(true)` / `== Ok(true)` holds only on success, whatever the check
                // answers in; `== true` / `== false` compare a plain `bool` check.
                let plain = !v.ty.answers_in_bool();
                let g = match lit {
                    Compared::TrueInside => Guard {
                        if_true: g.if_true,
                        if_false: Purposes::new(),
                    },
                    Compared::Bool(true) if plain => g,
                    Compared::Bool(false) if plain => g.negate(),
                    Compared::Bool(_) => Guard::default(),
                };
                if matches!(op, BinOp::Ne) {
                    g.negate()
                } else {
                    g
                }
            }
            other => self.expr(other).guard.unwrap_or_default(),
        }
    }

    pub(super) fn if_expr(
        &mut self,
        cond: &'p Expr,
        then: &'p Block,
        els: Option<&'p Expr>,
    ) -> Value {
        self.push_scope();
        let g = self.cond(cond);
        // `if false { .. }` never runs its block, `if true { .. } else { .. }` never its else.
        let constant = match cond {
            Expr::Lit { boolean, .. } => *boolean,
            _ => None,
        };
        let mut else_st = self.st.clone();
        if else_st.scopes.len() > 1 {
            else_st.scopes.pop();
        }
        else_st.consent.extend(g.if_false.iter().cloned());
        self.st.consent.extend(g.if_true.iter().cloned());
        let v1 = if constant == Some(false) {
            self.st.dead = true;
            Value::default()
        } else {
            self.block(then)
        };
        self.pop_scope();
        let then_st = std::mem::replace(&mut self.st, else_st);
        let v2 = match els {
            _ if constant == Some(true) => {
                self.st.dead = true;
                Value::default()
            }
            Some(e) => self.expr(e),
            None => Value::default(),
        };
        let then_dead = then_st.dead;
        let else_dead = self.st.dead;
        let else_st = std::mem::take(&mut self.st);
        self.st = State::join(then_st, else_st);
        match (then_dead, else_dead) {
            (true, false) => v2,
            (false, true) => v1,
            _ => v1.joined(&v2),
        }
    }

    pub(super) fn match_expr(&mut self, scrutinee: &'p Expr, arms: &'p [Arm]) -> Value {
        let s = self.expr(scrutinee);
        let start = self.st.clone();
        let mut end: Option<State> = None;
        let mut result = Value::default();
        for arm in arms {
            self.st = start.clone();
            self.push_scope();
            let c = Self::pattern_consent(&arm.pat, &s.guard, s.ty.answers_in_bool());
            self.st.consent.extend(c);
            self.bind(&arm.pat, s.clone());
            if let Some(g) = &arm.guard {
                let gg = self.cond(g);
                self.st.consent.extend(gg.if_true.iter().cloned());
            }
            let v = self.expr(&arm.body);
            self.pop_scope();
            if !self.st.dead {
                result.join(&v);
            }
            let st = std::mem::take(&mut self.st);
            end = Some(match end {
                None => st,
                Some(e) => State::join(e, st),
            });
        }
        self.st = end.unwrap_or(start);
        result
    }

    pub(super) fn loop_expr(
        &mut self,
        label: &Option<Name>,
        cond: Option<&'p Expr>,
        for_pat: Option<(&'p Pat, Value)>,
        body: &'p Block,
    ) -> Value {
        let before = self.st.clone();
        let mut exits: Vec<State> = Vec::new();
        let mut value: Option<Value> = None;
        // The state at the loop head: `before`, joined with the end of each iteration so far.
        let mut head = before.clone();
        let mut assigned: Option<Vec<Name>> = None;
        for round in 0..2 * MAX_LOOP_ROUNDS {
            self.loops.push(JumpTarget {
                label: label.clone(),
                is_loop: true,
                jumps: Vec::new(),
                value: None,
            });
            self.push_scope();
            if let Some(c) = cond {
                let g = self.cond(c);
                self.st.consent.extend(g.if_true.iter().cloned());
            }
            if let Some((pat, el)) = &for_pat {
                self.bind(pat, el.clone());
            }
            self.block(body);
            self.pop_scope();
            let target = self.loops.pop();
            let mut end = std::mem::take(&mut self.st);
            if let Some(t) = target {
                end = Self::join_jumps(end, t.jumps);
                if let Some(v) = t.value {
                    value = Some(match value {
                        Some(w) => w.joined(&v),
                        None => v,
                    });
                }
            }
            exits.push(end.clone());
            // Next round starts from "the head so far, or after one more iteration".
            let mut next = State::join(head.clone(), end);
            next.dead = false;
            next.consent = before.consent.clone();
            if next.same_as(&head) {
                break;
            }
            if round + 1 >= MAX_LOOP_ROUNDS {
                // Not settled in MAX_LOOP_ROUNDS: widen. Every variable the body assigns may
                // hold what any of them holds (a chain of assignments carried around the loop
                // is followed to its end at once); coarser, never fewer tags.
                let vars = assigned.get_or_insert_with(|| assigned_vars(body));
                Self::widen(&mut next, vars);
            }
            head = next.clone();
            self.st = next;
        }
        let mut out = before;
        for e in exits {
            out = State::join(out, e);
        }
        out.dead = false;
        self.st = out;
        value.unwrap_or_default()
    }

    /// Joins into each of `vars` the tags all of them hold.
    fn widen(st: &mut State, vars: &[Name]) {
        let mut all = TagSet::default();
        for scope in &st.scopes {
            for (n, v) in scope {
                if vars.contains(n) {
                    all.union(&v.all_tags_shallow());
                }
            }
        }
        if all.is_empty() {
            return;
        }
        for scope in &mut st.scopes {
            for (n, v) in scope.iter_mut() {
                if vars.contains(n) && !all.0.keys().all(|t| v.tags.0.contains_key(t)) {
                    Rc::make_mut(v).tags.union(&all);
                }
            }
        }
    }

    /// `'label: { .. }`: its value is its tail's or what a `break 'label v` carries out.
    pub(super) fn labeled_block(&mut self, label: &Name, body: &'p Block) -> Value {
        self.loops.push(JumpTarget {
            label: Some(label.clone()),
            is_loop: false,
            jumps: Vec::new(),
            value: None,
        });
        let tail = self.block(body);
        let target = self.loops.pop();
        let mut out = if self.st.dead { None } else { Some(tail) };
        if let Some(t) = target {
            let end = std::mem::take(&mut self.st);
            self.st = Self::join_jumps(end, t.jumps);
            if let Some(v) = t.value {
                out = Some(match out {
                    Some(w) => w.joined(&v),
                    None => v,
                });
            }
        }
        out.unwrap_or_default()
    }

    /// The state after a loop body or labelled block: its end joined with the states that
    /// jumped out of it (their inner scopes dropped).
    fn join_jumps(mut end: State, jumps: Vec<State>) -> State {
        let depth = end.scopes.len().max(1);
        for mut j in jumps {
            while j.scopes.len() > depth {
                j.scopes.pop();
            }
            end = State::join(end, j);
        }
        end
    }

    /// `break` (with the value it carries) or `continue` (`value` none): the current state
    /// jumps to the loop or block it names, and this path ends here.
    pub(super) fn jump(&mut self, label: Option<&Name>, value: Option<Value>) {
        let is_break = value.is_some();
        let target = self.loops.iter_mut().rev().find(|t| match label {
            Some(l) => t.label.as_ref() == Some(l),
            // An unlabelled `break`/`continue` leaves the innermost loop, not a block.
            None => t.is_loop,
        });
        if let Some(t) = target {
            if !self.st.dead {
                t.jumps.push(self.st.clone());
                if let (true, Some(v)) = (is_break, value) {
                    match &mut t.value {
                        Some(w) => w.join(&v),
                        None => t.value = Some(v),
                    }
                }
            }
        }
        self.st.dead = true;
    }
}

/// The variables a loop body assigns (`x = ..`, `x.f = ..`, `x += ..`), at any depth.
fn assigned_vars(body: &Block) -> Vec<Name> {
    let mut out: Vec<Name> = Vec::new();
    let mut stack: Vec<&Expr> = Vec::new();
    body.for_each_expr(&mut |e| stack.push(e));
    while let Some(e) = stack.pop() {
        if let Expr::Assign { lhs, .. } = e {
            if let Some((var, _, _)) = Eval::place(lhs) {
                if !out.contains(&var) {
                    out.push(var);
                }
            }
        }
        e.for_each_child(&mut |c| stack.push(c));
    }
    out
}

/// A literal a check's result is compared with.
#[derive(Clone, Copy)]
enum Compared {
    /// `Some(true)` / `Ok(true)`: success of a check that answers in a `bool` inside, or of a
    /// plain one whose value is `true`.
    TrueInside,
    /// `true` and `false`: a plain `bool` check's answer.
    Bool(bool),
}

fn success_literal(e: &Expr) -> Option<Compared> {
    match e {
        Expr::Lit {
            boolean: Some(b), ..
        } => Some(Compared::Bool(*b)),
        Expr::Call { func, args, .. } => match (&**func, args.as_slice()) {
            (
                Expr::Path(p),
                [Expr::Lit {
                    boolean: Some(true),
                    ..
                }],
            ) if matches!(p.segments.last().map(|s| &*s.name), Some("Some" | "Ok")) => {
                Some(Compared::TrueInside)
            }
            _ => None,
        },
        _ => None,
    }
}
