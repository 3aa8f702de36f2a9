use super::*;

impl<'a, 'p> Eval<'a, 'p> {
    pub(super) fn call_closure(&mut self, idx: u32, args: Vec<Value>) -> Value {
        let Some(c) = self.closures.get(idx as usize).copied() else {
            return Value::default();
        };
        if self.depth > MAX_EVAL_DEPTH / 2 {
            return Value::default();
        }
        let saved_ret = self.ret.take();
        let saved_dead = self.st.dead;
        let saved_effects = std::mem::take(&mut self.effects);
        let saved_mut = std::mem::take(&mut self.mut_params);
        self.push_scope();
        let fallback = args.iter().fold(Value::default(), |acc, v| acc.joined(v));
        for (i, (pat, ty)) in c.params.iter().enumerate() {
            let mut v = args.get(i).cloned().unwrap_or_else(|| {
                if args.len() == 1 {
                    fallback.clone()
                } else {
                    Value::default()
                }
            });
            let lowered = self.sh.p.lower_ty(&self.sh.ty_ctx[self.f.idx()], ty);
            if lowered.is_known() {
                v.ty = lowered;
            }
            self.bind(pat, v);
        }
        let v = self.expr(&c.body);
        let mut result = if self.st.dead { Value::default() } else { v };
        if let Some(r) = self.ret.take() {
            result.join(&r);
        }
        self.pop_scope();
        self.ret = saved_ret;
        self.st.dead = saved_dead;
        self.effects = saved_effects;
        self.mut_params = saved_mut;
        result
    }
}
