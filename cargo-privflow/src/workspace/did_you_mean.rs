//! "Did you mean": the known names closest to a misspelt one.

/// Edit distance (insertions, deletions, substitutions) between two strings, by characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diag
            } else {
                1 + diag.min(above).min(row[j])
            };
            diag = above;
        }
    }
    row[b.len()]
}

/// The known names close enough to `wrong` to be what was meant, closest first (ties keep the
/// given order). "Close enough": at most a third of the longer name differs, or one contains the
/// other.
pub fn close_matches<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let wrong_lc = wrong.to_lowercase();
    let mut scored: Vec<(usize, usize, &'a str)> = known
        .into_iter()
        .enumerate()
        .filter_map(|(i, k)| {
            let k_lc = k.to_lowercase();
            let d = distance(&wrong_lc, &k_lc);
            let limit = (wrong_lc.chars().count().max(k_lc.chars().count()) / 3).max(1);
            let contains = (wrong_lc.chars().count() >= 3 && k_lc.contains(&wrong_lc))
                || (k_lc.chars().count() >= 3 && wrong_lc.contains(&k_lc));
            (d <= limit || contains).then_some((d, i, k))
        })
        .collect();
    scored.sort();
    scored.into_iter().map(|(_, _, k)| k).collect()
}

/// The closest known name, if any is close enough.
pub fn closest<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    close_matches(wrong, known).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_close_names() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(
            closest("regoin", ["rules", "region", "skip"]),
            Some("region")
        );
        assert_eq!(closest("zzz", ["rules", "region"]), None);
        assert_eq!(
            close_matches(
                "baseline/phi-to-logs",
                ["baseline/pii-to-log", "baseline/phi-to-log"]
            ),
            vec!["baseline/phi-to-log", "baseline/pii-to-log"]
        );
    }
}
