//! Judges one field: its name's words (lexicon), its type and its struct decide whether it is
//! personal or health data, which category, and how sure we are. Pure.

use super::lexicon::{self, Meaning, WordKind};
use crate::hir::DataClass;
use crate::syntax::ir::TypeRef;

/// What a field's type says, once wrappers (`Option`, `Vec`, `&`, `Box`, ...) are looked through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TyClass {
    Bool,
    Int,
    Float,
    Text,
    Bytes,
    Date,
    Ip,
    /// A client, pool, connection or transport: the struct is a service object.
    Service,
    Other,
}

const WRAPPERS: &[&str] = &[
    "Option",
    "Vec",
    "Box",
    "Arc",
    "Rc",
    "Cow",
    "Mutex",
    "RwLock",
    "RefCell",
    "Cell",
    "HashSet",
    "BTreeSet",
    "VecDeque",
    "Secret",
    "SecretString",
    "Sensitive",
    "Json",
];
const INTS: &[&str] = &[
    "u8",
    "u16",
    "u32",
    "u64",
    "u128",
    "usize",
    "i8",
    "i16",
    "i32",
    "i64",
    "i128",
    "isize",
    "NonZeroU32",
    "NonZeroU64",
    "AtomicU64",
    "AtomicUsize",
    "AtomicU32",
    "AtomicI64",
];
const TEXTS: &[&str] = &[
    "String",
    "str",
    "SmolStr",
    "CompactString",
    "ArcStr",
    "Name",
];
const DATES: &[&str] = &[
    "NaiveDate",
    "Date",
    "DateTime",
    "NaiveDateTime",
    "OffsetDateTime",
    "PrimitiveDateTime",
];
const IPS: &[&str] = &[
    "IpAddr",
    "Ipv4Addr",
    "Ipv6Addr",
    "IpNetwork",
    "IpNet",
    "Ipv4Net",
];
const SERVICE_SUFFIXES: &[&str] = &[
    "Client",
    "Pool",
    "PgPool",
    "Connection",
    "Transport",
    "SmtpTransport",
    "Sender",
    "Db",
    "Store",
    "Service",
    "Cipher",
    "Mailer",
];

/// The last path segment of the type under its wrappers (`Option<Vec<Visit>>` → `Visit`).
pub fn leaf_name(t: &TypeRef) -> Option<String> {
    let mut t = t;
    for _ in 0..16 {
        match t {
            TypeRef::Ref { inner, .. } | TypeRef::Slice(inner) => t = inner,
            TypeRef::Path(p) => {
                let last = p.segments.last()?;
                match last.generics.first() {
                    Some(arg) if WRAPPERS.contains(&&*last.name) => t = arg,
                    _ => return Some(last.name.to_string()),
                }
            }
            _ => return None,
        }
    }
    None
}

/// The class of a written type, wrappers looked through (depth-limited: no panic on any input).
pub fn classify(t: &TypeRef) -> TyClass {
    classify_at(t, 0)
}

fn classify_at(t: &TypeRef, depth: u32) -> TyClass {
    if depth > 16 {
        return TyClass::Other;
    }
    match t {
        TypeRef::Ref { inner, .. } => classify_at(inner, depth + 1),
        TypeRef::Slice(inner) => match classify_at(inner, depth + 1) {
            TyClass::Int if is_u8(inner) => TyClass::Bytes,
            other => other,
        },
        TypeRef::Path(p) => {
            let Some(last) = p.segments.last() else {
                return TyClass::Other;
            };
            let n = &*last.name;
            if n == "Vec" {
                if let Some(arg) = last.generics.first() {
                    if is_u8(arg) {
                        return TyClass::Bytes;
                    }
                }
            }
            if WRAPPERS.contains(&n) {
                return match last.generics.first() {
                    Some(arg) => classify_at(arg, depth + 1),
                    None if n.starts_with("Secret") => TyClass::Text,
                    None => TyClass::Other,
                };
            }
            if n == "bool" || n == "AtomicBool" {
                TyClass::Bool
            } else if INTS.contains(&n) {
                TyClass::Int
            } else if n == "f32" || n == "f64" || n == "Decimal" {
                TyClass::Float
            } else if TEXTS.contains(&n) {
                TyClass::Text
            } else if DATES.contains(&n) {
                TyClass::Date
            } else if IPS.contains(&n) {
                TyClass::Ip
            } else if SERVICE_SUFFIXES.iter().any(|s| n.ends_with(s)) {
                TyClass::Service
            } else {
                TyClass::Other
            }
        }
        _ => TyClass::Other,
    }
}

fn is_u8(t: &TypeRef) -> bool {
    matches!(t, TypeRef::Path(p) if p.segments.len() == 1 && &*p.segments[0].name == "u8")
}

/// What a struct is about, from its name and its fields' names and types.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub struct_name: String,
    /// A record about a person (customer, patient, a struct with an email field, ...).
    pub person: bool,
    /// A health record (patient, visit, diagnosis, ...).
    pub health: bool,
    /// User-written content (message, ticket, upload, ...).
    pub content: bool,
    /// A note or report (`VisitNote`, `NoteDraft`, `Befund`): in a health record, a clinical
    /// note, not a message between users.
    pub note: bool,
    /// A service or configuration object (a client, a config): its secrets are its own.
    pub service: bool,
}

impl Context {
    /// The struct's doc comment speaks of health (`/// ... while the visit runs`, `/// may
    /// contain medical data`): free text in it is health data.
    pub fn with_doc(mut self, doc_words: &[String]) -> Context {
        let health = doc_words.iter().any(|w| {
            let w = w.as_str();
            let stem = w.strip_suffix('s').unwrap_or(w);
            lexicon::HEALTH_WORDS.contains(&w) || lexicon::HEALTH_WORDS.contains(&stem)
        });
        self.health |= health;
        self
    }

    /// `fields`: each field's name and type.
    pub fn of(struct_name: &str, fields: &[(&str, &TypeRef)]) -> Context {
        let own = lexicon::tokens(struct_name);
        // Only fields that can hold the data speak for the struct (`require_email_verification:
        // bool` does not make a settings struct a person).
        let field_toks: Vec<Vec<String>> = fields
            .iter()
            .filter(|(_, t)| !matches!(classify(t), TyClass::Bool | TyClass::Int | TyClass::Float))
            .map(|(n, _)| lexicon::tokens(n))
            .collect();
        let strong_personal_field = field_toks.iter().any(|t| {
            lexicon::has_any(
                t,
                &[
                    "email",
                    "phone",
                    "address",
                    "firstname",
                    "lastname",
                    "surname",
                    "vorname",
                ],
            ) || t.windows(2).any(|w| {
                matches!(
                    (w[0].as_str(), w[1].as_str()),
                    ("first" | "last" | "full", "name") | ("date", "of")
                )
            })
        });
        let health_field = field_toks.iter().any(|t| {
            lexicon::has_any(
                t,
                &["patient", "patienten", "diagnosis", "diagnoses", "diagnose"],
            ) || t.iter().any(|w| {
                lexicon::word(w).is_some_and(|m| m.kind == WordKind::Health && m.confidence >= 0.85)
            })
        });
        let service_field = fields.iter().any(|(_, t)| classify(t) == TyClass::Service);
        Context {
            struct_name: struct_name.to_string(),
            person: names_a_person(&own) || strong_personal_field,
            health: lexicon::has_any(&own, lexicon::HEALTH_WORDS) || health_field,
            content: lexicon::has_any(&own, lexicon::CONTENT_WORDS),
            note: lexicon::has_any(
                &own,
                &["note", "notes", "notiz", "bericht", "befund", "verslag"],
            ),
            service: own
                .last()
                .is_some_and(|w| lexicon::SERVICE_WORDS.contains(&w.as_str()))
                || service_field,
        }
    }
}

/// A struct name whose head is a person word (`Patient`, `CustomerProfile`, `UserInfo`,
/// `LoginRequest`): the person word followed only by words that say "a record of it". A person
/// word that qualifies another head (`RecordLitField`, `PathImportCandidate`'s `Path..`) does not
/// make the struct about a person.
fn names_a_person(own: &[String]) -> bool {
    own.iter().enumerate().any(|(i, w)| {
        lexicon::PERSON_WORDS.contains(&w.as_str())
            && own[i + 1..]
                .iter()
                .all(|t| lexicon::RECORD_SUFFIXES.contains(&t.as_str()))
    })
}

/// The verdict on one field.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub category: String,
    pub class: DataClass,
    pub confidence: f64,
    pub reason: String,
}

/// Last words that make a field bookkeeping, not data: counters, flags, timestamps, amounts.
const BOOKKEEPING_LAST: &[&str] = &[
    "count",
    "counter",
    "total",
    "num",
    "enabled",
    "disabled",
    "verified",
    "confirmed",
    "flag",
    "at",
    "since",
    "until",
    "timestamp",
    "ts",
    "version",
    "revision",
    "seconds",
    "secs",
    "minutes",
    "ms",
    "millis",
    "cents",
    "amount",
    "size",
    "len",
    "length",
    "limit",
    "max",
    "min",
    "url",
    "uri",
    "endpoint",
    "kind",
    "status",
    "visible",
    "deleted",
    "expires",
    "ttl",
];
/// Last words that make a free-text word's field metadata about the text.
const METADATA_LAST: &[&str] = &[
    "type", "kind", "length", "hash", "encoding", "format", "language", "lang", "mime", "preview",
];
const FLAG_FIRST: &[&str] = &["is", "has", "can", "should", "allow", "use", "show"];

/// Judges a field named `name` (as written, or as a `serde`/column rename says: `spelled` is
/// which one, for the reason) of type `ty` in a struct described by `cx`.
pub fn field(name: &str, spelled: &str, ty: &TypeRef, cx: &Context) -> Option<Verdict> {
    let toks = lexicon::tokens(name);
    if toks.is_empty() || toks.iter().all(|t| t.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let tc = classify(ty);
    if tc == TyClass::Bool || tc == TyClass::Service {
        return None;
    }
    let last = toks.last().map(String::as_str).unwrap_or("");
    let first = toks.first().map(String::as_str).unwrap_or("");
    if FLAG_FIRST.contains(&first) && toks.len() > 1 {
        return None;
    }
    if BOOKKEEPING_LAST.contains(&last) && !is_dob(&toks) {
        return None;
    }
    let shown = format!("field name `{spelled}`");
    if tc == TyClass::Ip {
        if cx.service {
            return None;
        }
        return Some(Verdict {
            category: "user.device.ip_address".into(),
            class: DataClass::Pii,
            confidence: 0.85,
            reason: format!("{shown} has an IP address type"),
        });
    }
    let id_like = last == "id" || last == "uuid" || last == "key";
    // A patient's own identifier written as text is a medical record number, which HIPAA names
    // as PHI; numeric `patient_id`s are the database's keys.
    if id_like && tc == TyClass::Text && toks.iter().any(|t| t == "patient" || t == "patienten") {
        return Some(Verdict {
            category: "user.health_and_medical.record_id".into(),
            class: DataClass::Phi,
            confidence: 0.6,
            reason: format!("{shown} (a patient identifier as text: a medical record number)"),
        });
    }
    let (meaning, matched) = match best_meaning(&toks) {
        Some(found) => found,
        None => return payload(&shown, tc, cx),
    };
    // `id`-like names are identifiers of records unless the lexicon phrase says otherwise
    // (`device_id`, `tax_id`).
    if id_like && matched.rsplit('_').next() != Some(last) {
        return None;
    }
    let mut conf = meaning.confidence;
    let mut class = meaning.class;
    let mut category = meaning.category.to_string();
    let mut why = format!("{shown} ({})", meaning.gloss);
    if matched != name.to_lowercase() && !matched.is_empty() && toks.len() > 1 {
        why = if matched.replace('_', " ") == meaning.gloss {
            format!("{shown} (says `{matched}`)")
        } else {
            format!("{shown} (`{matched}`: {})", meaning.gloss)
        };
    }
    // A billing address is payment data (fideslang `user.financial`), not a contact address.
    if category.starts_with("user.contact.address")
        && lexicon::has_any(&toks, &["billing", "rechnung", "rechnungs", "factuur"])
    {
        category = "user.financial".into();
        why = format!("{why}; billing details are payment data");
    }
    match meaning.kind {
        WordKind::Strong | WordKind::Numeric => {
            let numeric_ok = meaning.kind == WordKind::Numeric;
            match tc {
                TyClass::Int if !numeric_ok => return None,
                TyClass::Float => return None,
                TyClass::Date if meaning.category != "user.demographic.date_of_birth" => {
                    return None
                }
                _ => {}
            }
            if cx.service {
                conf -= 0.3;
            }
        }
        WordKind::PersonName => {
            if !matches!(tc, TyClass::Text | TyClass::Other) || cx.service {
                return None;
            }
            let at = toks.iter().rposition(|t| t == "name" || t == "naam");
            let qualifier = at.and_then(|i| i.checked_sub(1)).map(|i| toks[i].as_str());
            match qualifier {
                Some(q) if lexicon::THING_QUALIFIERS.contains(&q) => return None,
                Some(q) if lexicon::PERSON_WORDS.contains(&q) => conf = 0.85,
                Some(_) if cx.person => conf = meaning.confidence.max(0.6),
                Some(_) => conf = 0.35,
                None if cx.person => conf = 0.75,
                None => {
                    conf = 0.3;
                    why = format!(
                        "{why}; `{}` does not look like a record about a person",
                        cx.struct_name
                    );
                }
            }
        }
        WordKind::Secret => {
            // The service's own secrets, wherever they are kept (`client_secret`, `api_token`).
            let at = toks
                .iter()
                .position(|t| *t == matched || matched.starts_with(t.as_str()));
            let qualifier = at.and_then(|i| i.checked_sub(1)).map(|i| toks[i].as_str());
            let system = qualifier.is_some_and(|q| lexicon::SYSTEM_SECRET_QUALIFIERS.contains(&q));
            if cx.service || system {
                return None;
            }
            if tc == TyClass::Int && last != "pin" {
                return None;
            }
            // `token_type` (`"Bearer"`), `password_length`: about the secret, not the secret.
            if last != matched && matches!(last, "type" | "kind" | "length" | "format" | "encoding")
            {
                return None;
            }
            // A token that is neither text nor bytes is a lexer's or parser's (`SyntaxToken`,
            // `Vec<TokenTree>`, a token table), unless its type says whose secret it is
            // (`AccessToken`, `RefreshToken`).
            if matched == "token" && tc == TyClass::Other {
                let ty_toks = leaf_name(ty)
                    .map(|n| lexicon::tokens(&n))
                    .unwrap_or_default();
                if !lexicon::has_any(&ty_toks, lexicon::CREDENTIAL_TOKEN_KINDS) {
                    return None;
                }
            }
            if matched == "token" {
                conf += if toks.len() > 1 { 0.05 } else { -0.05 };
            }
        }
        WordKind::Health => {
            if cx.service {
                conf -= 0.3;
            }
            if cx.health {
                conf += 0.1;
            } else if meaning.confidence < 0.6 {
                return None;
            }
        }
        WordKind::FreeText => {
            if !matches!(tc, TyClass::Text | TyClass::Bytes) || cx.service {
                return None;
            }
            // The word must be the field's head noun: `notes`, `reason_for_visit`, not
            // `comment_actions`.
            let at = toks.iter().position(|t| *t == matched);
            let head = at.is_some_and(|i| {
                i + 1 == toks.len() || matches!(toks[i + 1].as_str(), "for" | "of" | "von" | "van")
            });
            if !head {
                return None;
            }
            // `content_type`, `body_length`, `message_id`: about the text, not the text.
            if last != matched && METADATA_LAST.contains(&last) {
                return None;
            }
            // `embed_description`, `og_title`: a link preview's text, fetched from the linked
            // page, not written by the user.
            if lexicon::has_any(&toks, &["embed", "og", "opengraph", "seo", "meta"]) {
                return None;
            }
            // A clinical note is health data; a message between users that may speak of health
            // stays user content, as health data.
            if cx.health && (!cx.content || cx.note) {
                class = DataClass::Phi;
                category = "user.health_and_medical".into();
                conf += 0.1;
                why = format!("{why} in `{}`, a health record", cx.struct_name);
            } else if cx.content {
                conf += 0.1;
                category = "user.content".into();
                if cx.health {
                    class = DataClass::Phi;
                    why = format!(
                        "{why} in `{}`, user-written content about health",
                        cx.struct_name
                    );
                } else {
                    why = format!("{why} in `{}`, user-written content", cx.struct_name);
                }
            } else {
                return None;
            }
        }
        WordKind::Weak => {
            if !cx.person || cx.service || !matches!(tc, TyClass::Text | TyClass::Int) {
                return None;
            }
            why = format!("{why} in `{}`, a record about a person", cx.struct_name);
        }
    }
    let conf = (conf * 100.0).round() / 100.0;
    (conf > 0.0).then(|| Verdict {
        category,
        class,
        confidence: conf.clamp(0.0, 1.0),
        reason: why,
    })
}

fn is_dob(toks: &[String]) -> bool {
    toks.iter()
        .any(|t| t == "birth" || t == "dob" || t.contains("geburt"))
}

/// No word matched: a binary payload of a health record or an upload is still data.
fn payload(shown: &str, tc: TyClass, cx: &Context) -> Option<Verdict> {
    if tc != TyClass::Bytes || cx.service {
        return None;
    }
    if cx.health && cx.content && !cx.note {
        return Some(Verdict {
            category: "user.content".into(),
            class: DataClass::Phi,
            confidence: 0.55,
            reason: format!(
                "{shown}: binary payload of `{}`, user content about health",
                cx.struct_name
            ),
        });
    }
    if cx.health {
        return Some(Verdict {
            category: "user.health_and_medical".into(),
            class: DataClass::Phi,
            confidence: 0.55,
            reason: format!(
                "{shown}: binary payload of `{}`, a health record",
                cx.struct_name
            ),
        });
    }
    if cx.content {
        return Some(Verdict {
            category: "user.content".into(),
            class: DataClass::Pii,
            confidence: 0.5,
            reason: format!(
                "{shown}: binary payload of `{}`, user content",
                cx.struct_name
            ),
        });
    }
    None
}

/// The best lexicon meaning among `toks`: the longest phrase, else the surest word (the later
/// word on a tie: English compounds put the head noun last), else a compound stem inside a
/// token. Returns the meaning and the words that matched (`_`-joined).
pub fn best_meaning(toks: &[String]) -> Option<(&'static Meaning, String)> {
    let mut best: Option<(usize, &'static Meaning, String)> = None;
    for (phrase, meaning) in lexicon::PHRASES {
        let n = phrase.len();
        if n > toks.len() {
            continue;
        }
        let hit = toks
            .windows(n)
            .any(|w| w.iter().zip(phrase.iter()).all(|(a, b)| a == b));
        if hit && !matches!(&best, Some((len, _, _)) if *len >= n) {
            best = Some((n, meaning, phrase.join("_")));
        }
    }
    if let Some((_, m, w)) = best {
        return Some((m, w));
    }
    let mut word: Option<(&'static Meaning, String)> = None;
    for t in toks {
        if let Some(m) = lexicon::word(t) {
            if !matches!(&word, Some((b, _)) if m.confidence < b.confidence) {
                word = Some((m, t.clone()));
            }
        }
    }
    if word.is_some() {
        return word;
    }
    for t in toks {
        for stem in lexicon::COMPOUND_STEMS {
            if t.len() > stem.len() && t.contains(stem) {
                if let Some(m) = lexicon::word(stem) {
                    return Some((m, t.clone()));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ir::{name, Path, PathSeg, Span};

    fn ty(s: &str) -> TypeRef {
        // `Option<String>` → Option with one generic; enough for these tests.
        let (outer, inner) = match s.split_once('<') {
            Some((o, rest)) => (o, Some(ty(rest.trim_end_matches('>')))),
            None => (s, None),
        };
        TypeRef::Path(Path {
            global: false,
            segments: vec![PathSeg {
                name: name(outer),
                generics: inner.into_iter().collect(),
            }],
            qself: None,
            span: Span::default(),
        })
    }

    fn judge(struct_name: &str, fields: &[(&str, &str)], field: &str) -> Option<Verdict> {
        let tys: Vec<(&str, TypeRef)> = fields.iter().map(|(n, t)| (*n, ty(t))).collect();
        let named: Vec<(&str, &TypeRef)> = tys.iter().map(|(n, t)| (*n, t)).collect();
        let cx = Context::of(struct_name, &named);
        let t = &tys.iter().find(|(n, _)| *n == field).expect("field").1;
        field_verdict(field, t, &cx)
    }

    fn field_verdict(n: &str, t: &TypeRef, cx: &Context) -> Option<Verdict> {
        super::field(n, n, t, cx).filter(|v| v.confidence >= crate::suggest::DEFAULT_MIN_CONFIDENCE)
    }

    const USER: &[(&str, &str)] = &[
        ("id", "i64"),
        ("email", "String"),
        ("email_verified", "bool"),
        ("retry_count", "u32"),
        ("created_at", "i64"),
        ("notifications_enabled", "bool"),
        ("geburtsdatum", "NaiveDate"),
        ("telefoonnummer", "String"),
        ("achternaam", "String"),
        ("lanr", "Option<String>"),
        ("last_ip", "IpAddr"),
        ("name", "String"),
    ];

    #[test]
    fn ok_bookkeeping_fields_are_not_data() {
        for f in [
            "id",
            "email_verified",
            "retry_count",
            "created_at",
            "notifications_enabled",
        ] {
            assert_eq!(judge("User", USER, f), None, "{f}");
        }
    }

    #[test]
    fn ok_a_file_name_in_a_non_person_struct_is_not_data() {
        let file = &[
            ("file_name", "String"),
            ("size", "u64"),
            ("content_type", "String"),
        ];
        assert_eq!(judge("Attachment", file, "file_name"), None);
        assert_eq!(judge("Attachment", file, "content_type"), None);
        let tag = &[("name", "String"), ("color", "String")];
        assert_eq!(
            judge("Tag", tag, "name"),
            None,
            "`Tag.name` is below medium"
        );
        assert!(
            super::field("name", "name", &ty("String"), &Context::of("Tag", &[]))
                .is_some_and(|v| v.confidence < 0.5)
        );
    }

    #[test]
    fn ok_service_secrets_are_not_personal_data() {
        let client = &[
            ("http", "Client"),
            ("api_token", "String"),
            ("base_url", "String"),
        ];
        assert_eq!(judge("CrmClient", client, "api_token"), None);
    }

    #[test]
    fn names_in_three_languages_and_types_decide() {
        let cat = |f: &str| judge("User", USER, f).map(|v| (v.class, v.category));
        let pii = |c: &str| Some((DataClass::Pii, c.to_string()));
        assert_eq!(cat("email"), pii("user.contact.email"));
        assert_eq!(cat("geburtsdatum"), pii("user.demographic.date_of_birth"));
        assert_eq!(cat("telefoonnummer"), pii("user.contact.phone_number"));
        assert_eq!(cat("achternaam"), pii("user.name"));
        assert_eq!(cat("lanr"), pii("user.unique_id"));
        assert_eq!(cat("last_ip"), pii("user.device.ip_address"));
        assert_eq!(cat("name"), pii("user.name"));
        let visit = &[
            ("patient_id", "i64"),
            ("diagnose", "String"),
            ("notes", "String"),
        ];
        let v = |f: &str| judge("Visit", visit, f).map(|v| (v.class, v.category));
        assert_eq!(v("patient_id"), None, "a numeric key");
        assert_eq!(
            v("diagnose"),
            Some((DataClass::Phi, "user.health_and_medical".into()))
        );
        assert_eq!(
            v("notes"),
            Some((DataClass::Phi, "user.health_and_medical".into()))
        );
    }

    /// False suggestions seen on Lemmy, kept as cases.
    #[test]
    fn ok_link_previews_and_token_types_are_not_personal_data() {
        let post = &[
            ("body", "Option<String>"),
            ("embed_description", "Option<String>"),
            ("embed_title", "Option<String>"),
        ];
        assert!(judge("Post", post, "body").is_some());
        assert_eq!(judge("Post", post, "embed_description"), None);
        let token = &[
            ("access_token", "String"),
            ("token_type", "String"),
            ("refresh_token", "Option<String>"),
        ];
        assert!(judge("TokenResponse", token, "access_token").is_some());
        assert_eq!(judge("TokenResponse", token, "token_type"), None);
        // A parser's tokens (rust-analyzer): not credentials; an OAuth token type is.
        let lexer = &[
            ("doc_token", "SyntaxToken"),
            ("token_trees", "Vec<TokenTree>"),
            ("token_map", "SpanMap"),
            ("access_token", "AccessToken"),
            ("session_token", "Option<Secret<String>>"),
        ];
        assert_eq!(judge("DocCommentToken", lexer, "doc_token"), None);
        assert_eq!(judge("DocCommentToken", lexer, "token_trees"), None);
        assert_eq!(judge("DocCommentToken", lexer, "token_map"), None);
        assert!(judge("DocCommentToken", lexer, "access_token").is_some());
        assert!(judge("DocCommentToken", lexer, "session_token").is_some());
    }

    #[test]
    fn a_person_word_counts_as_the_struct_name_head_only() {
        let named = &[("name", "Option<Name>"), ("expr", "Option<ExprId>")];
        // rust-analyzer's `RecordLitField { name, expr }`: a record literal's field name.
        assert!(judge("RecordLitField", named, "name").is_none_or(|v| v.confidence < 0.5));
        let person = &[("name", "String"), ("bio", "Option<String>")];
        for s in ["Patient", "UserInfo", "CustomerRow", "UserSettingsBackup"] {
            assert!(
                judge(s, person, "name").is_some_and(|v| v.confidence >= 0.7),
                "{s}"
            );
        }
    }

    #[test]
    fn a_statement_or_a_doc_comment_makes_content_health_data() {
        let msg = &[("id", "i64"), ("body", "String")];
        let plain = judge("Message", msg, "body").map(|v| (v.class, v.category));
        assert_eq!(plain, Some((DataClass::Pii, "user.content".into())));
        // `/// ... may contain medical data`: still content, as health data.
        let tys: Vec<(&str, TypeRef)> = msg.iter().map(|(n, t)| (*n, ty(t))).collect();
        let named: Vec<(&str, &TypeRef)> = tys.iter().map(|(n, t)| (*n, t)).collect();
        let doc: Vec<String> = ["may", "contain", "medical", "data"]
            .map(String::from)
            .to_vec();
        let cx = Context::of("Message", &named).with_doc(&doc);
        let v = field_verdict("body", &tys[1].1, &cx).map(|v| (v.class, v.category));
        assert_eq!(v, Some((DataClass::Phi, "user.content".into())));
        // A note in a health record is a clinical note.
        let cx = Context::of("NoteDraft", &named).with_doc(&["visit".to_string()]);
        let v = field_verdict("body", &tys[1].1, &cx).map(|v| (v.class, v.category));
        assert_eq!(v, Some((DataClass::Phi, "user.health_and_medical".into())));
    }

    #[test]
    fn a_billing_address_is_payment_data() {
        let pay = &[("card_token", "String"), ("billing_zip", "String")];
        let v = judge("Payment", pay, "billing_zip").map(|v| v.category);
        assert_eq!(v.as_deref(), Some("user.financial"));
    }

    #[test]
    fn a_date_is_a_birth_date_only_when_named_so() {
        let p = &[
            ("birth_date", "NaiveDate"),
            ("visit_date", "NaiveDate"),
            ("email", "String"),
        ];
        assert!(judge("Person", p, "birth_date").is_some());
        assert_eq!(judge("Person", p, "visit_date"), None);
    }
}
