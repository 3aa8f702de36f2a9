//! Sanitizers: what leaves this module is no longer (fully) personal data.

/// Reduces a browser's user agent to its operating system family ("Windows", "iOS", ...): the
/// "Clientinformationen zum Betriebssystem" of the usage statistics (section 3.4), which cannot
/// identify anyone.
#[cfg_attr(not(feature = "compliant"), allow(dead_code))]
#[privflow::sanitizer(anonymize)]
pub fn os_family(user_agent: &str) -> String {
    const FAMILIES: [(&str, &str); 6] = [
        ("Windows", "Windows"),
        ("iPhone", "iOS"),
        ("iPad", "iOS"),
        ("Android", "Android"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ];
    FAMILIES
        .iter()
        .find(|(needle, _)| user_agent.contains(needle))
        .map(|(_, family)| family.to_string())
        .unwrap_or_else(|| "other".to_string())
}

/// Masks a phone number for the operations log: `+49151*****23`.
#[privflow::sanitizer(redact)]
pub fn mask_phone(number: &str) -> String {
    let digits: Vec<char> = number.chars().collect();
    if digits.len() <= 8 {
        return "*".repeat(digits.len());
    }
    let head: String = digits[..6].iter().collect();
    let tail: String = digits[digits.len() - 2..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(digits.len() - 8))
}
