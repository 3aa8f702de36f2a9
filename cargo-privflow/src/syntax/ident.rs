//! Identifiers as words: how names written in different cases compare (a type `SupportTicket`
//! and its table `support_tickets`, a field `patientBirthDate` and a lexicon word).

/// Splits an identifier into lowercase words: snake_case, camelCase, digits
/// (`patientBirthDate` → patient, birth, date; `icd10_code` → icd10, code; `HTTPServer` → http,
/// server).
pub fn words(ident: &str) -> Vec<String> {
    let ident = ident.strip_prefix("r#").unwrap_or(ident);
    let mut out = Vec::new();
    for part in ident.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = part.chars().collect();
        let mut cur = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            let boundary = match prev {
                None => false,
                Some(p) => {
                    (c.is_uppercase() && p.is_lowercase())
                        || (c.is_uppercase()
                            && p.is_uppercase()
                            && next.is_some_and(char::is_lowercase))
                }
            };
            if boundary && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            cur.extend(c.to_lowercase());
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

/// The singular of an English plural noun as tables are named (`tickets` → `ticket`,
/// `inquiries` → `inquiry`, `addresses` → `address`, `statuses` → `status`); a word that is no
/// plural is its own (`newsletter`, `status`, `address`).
pub fn singular(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() > 1) {
        return format!("{stem}y");
    }
    for es in ["sses", "shes", "ches", "xes", "uses"] {
        if w.len() > es.len() + 1 && w.ends_with(es) {
            return w[..w.len() - 2].to_string();
        }
    }
    match w.strip_suffix('s') {
        Some(stem) if stem.len() > 1 && !stem.ends_with('s') && !stem.ends_with('u') => {
            stem.to_string()
        }
        _ => w.to_string(),
    }
}

/// Does a table named `table` (`support_tickets`, `shop.customers`, `"TicketMessages"`) hold
/// records of a type named `ty` (`SupportTicket`)? Compared as words with the table's last word
/// made singular: the table's words are the type's words, or their end (`tickets` holds
/// `SupportTicket`). A table named in the singular may name a topic rather than its records, so
/// its words may also be the type's start (`newsletter` holds `NewsletterSubscriber`); a plural
/// names its records (`tickets` does not hold `TicketMessage`).
pub fn table_holds(table: &str, ty: &str) -> bool {
    let name = table.rsplit('.').next().unwrap_or(table);
    let mut t = words(name);
    let Some(last) = t.pop() else {
        return false;
    };
    let one = singular(&last);
    let plural = one != last;
    t.push(one);
    let s: Vec<String> = words(ty).iter().map(|w| singular(w)).collect();
    let t: Vec<String> = t.iter().map(|w| singular(w)).collect();
    t.len() <= s.len() && (s.ends_with(&t) || !plural && s.starts_with(&t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_become_singular() {
        for (p, s) in [
            ("tickets", "ticket"),
            ("inquiries", "inquiry"),
            ("addresses", "address"),
            ("statuses", "status"),
            ("boxes", "box"),
            ("patches", "patch"),
            ("newsletter", "newsletter"),
            ("address", "address"),
            ("status", "status"),
            ("s", "s"),
            ("", ""),
        ] {
            assert_eq!(singular(p), s, "{p}");
        }
    }

    #[test]
    fn tables_hold_the_types_named_like_them() {
        assert!(table_holds("customers", "Customer"));
        assert!(table_holds("shop.customers", "Customer"));
        assert!(table_holds("ticket_messages", "TicketMessage"));
        assert!(table_holds("tickets", "SupportTicket"));
        assert!(table_holds("newsletter", "NewsletterSubscriber"));
        assert!(table_holds("inquiries", "ContactInquiry"));
        assert!(table_holds("PatientVisits", "PatientVisit"));
        assert!(!table_holds("tickets", "TicketMessage"));
        assert!(!table_holds("sessions", "Customer"));
        assert!(!table_holds("customer_notes", "Customer"));
        assert!(!table_holds("", "Customer"));
    }
}
