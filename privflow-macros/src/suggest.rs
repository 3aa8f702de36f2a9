//! "Did you mean …?" for misspelt keys and values.

/// Optimal string alignment distance: Levenshtein distance that also counts
/// swapping two neighbouring characters (`knid` → `kind`) as one edit.
#[allow(clippy::needless_range_loop)]
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in 0..=a.len() {
        d[i][0] = i;
    }
    for j in 0..=b.len() {
        d[0][j] = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// The candidate the user most likely meant by `given`, if any is close:
/// the same word in another case, else the nearest within two edits, else
/// one that starts with the other (`retention` → `retention_days`).
pub(crate) fn did_you_mean<'a>(given: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if let Some(exact) = candidates.iter().find(|c| c.eq_ignore_ascii_case(given)) {
        return Some(exact);
    }
    let lower = given.to_ascii_lowercase();
    let nearest = candidates
        .iter()
        .map(|c| (distance(&lower, c), *c))
        .filter(|&(d, c)| d <= 2 && d < c.len() && d < lower.len())
        .min_by_key(|&(d, _)| d);
    if let Some((_, c)) = nearest {
        return Some(c);
    }
    candidates.iter().copied().find(|c| {
        (lower.len() >= 3 && c.starts_with(lower.as_str()))
            || (c.len() >= 3 && lower.starts_with(c))
    })
}

/// `` `a`, `b` or `c` `` for messages.
pub(crate) fn one_of(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: &[&str] = &["kind", "region", "recipient", "encrypted", "retention_days"];

    #[test]
    fn distances() {
        assert_eq!(distance("kind", "kind"), 0);
        assert_eq!(distance("knid", "kind"), 1);
        assert_eq!(distance("kin", "kind"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("region", "reason"), 2);
    }

    #[test]
    fn suggestions() {
        assert_eq!(did_you_mean("knid", KEYS), Some("kind"));
        assert_eq!(did_you_mean("Kind", KEYS), Some("kind"));
        assert_eq!(did_you_mean("REGION", KEYS), Some("region"));
        assert_eq!(did_you_mean("encrypt", KEYS), Some("encrypted"));
        assert_eq!(did_you_mean("retention", KEYS), Some("retention_days"));
        assert_eq!(did_you_mean("colour", KEYS), None);
        assert_eq!(did_you_mean("x", KEYS), None);
    }

    #[test]
    fn lists() {
        assert_eq!(one_of(&[]), "");
        assert_eq!(one_of(&["a"]), "`a`");
        assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
