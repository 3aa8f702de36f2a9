//! Attributes that tell [cargo-privflow] where personal data lives in a Rust
//! program, where it leaves the program, and what makes that acceptable.
//!
//! Add the crate under the name `privflow`:
//!
//! ```text
//! cargo add privflow-macros --rename privflow
//! ```
//!
//! so that the attributes read `#[privflow::data]`, `#[privflow::sink(..)]`
//! and so on. The attributes cost nothing at run time: each checks its
//! arguments at compile time (an unknown key, a value of the wrong type or an
//! unknown sink kind is a compile error pointing at the token, with a "did
//! you mean" where one helps) and emits its item unchanged, minus the field
//! markers [`data`] consumes. cargo-privflow reads them from the source text;
//! it compiles nothing.
//!
//! The attributes may also be imported by name (`use privflow::{data, sink};`
//! then `#[data]`, `#[sink(..)]`), except `allow`, which is also rustc's
//! built-in lint attribute: always write `#[privflow::allow(..)]`. For the
//! same reason do not glob-import the crate (`use privflow::*;`): it makes
//! every `#[allow(..)]` lint attribute in that module ambiguous.
//!
//! # Vocabulary
//!
//! | attribute | goes on | says |
//! |---|---|---|
//! | [`#[privflow::data]`](data) | struct, enum | its fields may carry `#[pii(..)]` / `#[phi(..)]` markers |
//! | `#[pii(..)]`, `#[phi(..)]` | field inside `#[privflow::data]` | the field holds personal / health data |
//! | [`#[privflow::pii(..)]`](macro@pii), [`#[privflow::phi(..)]`](macro@phi) | struct, enum, type alias | every value of the type is personal / health data |
//! | [`#[privflow::source(pii, ..)]`](source) | fn, method | its return value is personal (or, with `phi`, health) data |
//! | [`#[privflow::sink(kind = "..", ..)]`](sink) | fn, method, trait method declaration | data passed in leaves the program here |
//! | [`#[privflow::sanitizer(redact)]`](sanitizer) | fn, method | its return value is its input encrypted / anonymized / pseudonymized / hashed / redacted |
//! | [`#[privflow::consent(purpose = "..", binds = N)]`](consent) | fn, method returning `bool`, `Result` or `Option` | code that runs only when the check succeeds has the user's consent for the purpose (with `binds`: for the value passed as parameter N) |
//! | [`#[privflow::check(name = "..", binds = N)]`](macro@check) | fn, method returning `bool`, `Result` or `Option` | a named check (`auth.patient_access`): code that runs only when the call succeeded has passed it |
//! | [`#[privflow::guarded(by = [".."], binds = N)]`](guarded) | fn, method | every call must run only after each named check succeeded |
//! | [`#[privflow::erases(Type, ..)]`](erases) | fn, method | the function deletes stored records of those types |
//! | [`#[privflow::allow(rule = "..", reason = "..")]`](allow) | fn, method, impl, mod, struct, enum | suppress one rule's findings inside |
//!
//! The keys of `pii` and `phi` (on fields, on types, and after the first
//! argument of `source`):
//!
//! - `category`: a [fideslang] data category such as `"user.contact.email"`
//!   (the `user.` prefix is optional; a category matches its sub-categories).
//!   Defaults: `user` for `pii`, `user.health_and_medical` for `phi`.
//! - `subject`: whose data it is, e.g. `"patient"`, `"customer"`, `"employee"`.
//! - `purposes`: the fideslang data uses the data was collected for, e.g.
//!   `["essential.service"]`.
//!
//! # Example
//!
//! ```
//! # use privflow_macros as privflow;
//! #[privflow::data]
//! pub struct Patient {
//!     pub id: u64,
//!     #[pii(category = "user.name", subject = "patient")]
//!     pub name: String,
//!     #[phi]
//!     pub diagnosis: String,
//! }
//!
//! #[privflow::sink(kind = "log")]
//! pub fn log_line(line: &str) {
//!     let _ = line;
//! }
//!
//! #[privflow::sanitizer(redact)]
//! pub fn redact(_text: &str) -> String {
//!     "[redacted]".to_owned()
//! }
//!
//! let p = Patient { id: 7, name: "Ada".into(), diagnosis: "flu".into() };
//! log_line(&redact(&p.diagnosis));
//! ```
//!
//! [cargo-privflow]: https://github.com/privflow/privflow
//! [fideslang]: https://ethyca.github.io/fideslang/

mod args;
mod data;
mod errors;
mod expand;
mod keys;
mod suggest;
mod target;
mod validate;

use proc_macro::TokenStream;

/// Lets the fields of a struct or enum carry the markers `#[pii(..)]` and
/// `#[phi(..)]`.
///
/// A marked field holds personal data (`pii`) or health data (`phi`, a GDPR
/// Art. 9 special category, which is personal data too). Both markers take
/// the optional keys `category`, `subject` and `purposes`; without
/// `category`, `#[pii]` means `user` and `#[phi]` means
/// `user.health_and_medical`. The markers are checked and removed; every
/// other attribute (`#[serde(..)]`, doc comments, derives) stays as written.
/// The markers may also be spelt `#[privflow::pii(..)]` / `#[privflow::phi(..)]`.
/// Derives may come before or after the attribute, and a marker may sit
/// behind `cfg_attr` (`#[cfg_attr(feature = "privacy", pii)]`, for an
/// optional dependency). The attribute takes no
/// arguments; a marker on a field of a struct without it is an error from
/// rustc ("cannot find attribute `pii`").
///
/// ```
/// # use privflow_macros as privflow;
/// use serde::Serialize;
///
/// #[privflow::data]
/// #[derive(Serialize, Debug, Clone)]
/// pub struct Patient {
///     pub id: u64,
///     #[pii(category = "user.name", subject = "patient")]
///     pub name: String,
///     #[pii(category = "user.contact.email", purposes = ["essential.service"])]
///     #[serde(rename = "mail")]
///     pub email: String,
///     #[phi(category = "user.health_and_medical")]
///     pub diagnosis: String,
/// }
///
/// #[privflow::data]
/// pub enum Contact {
///     Email(#[pii(category = "user.contact.email")] String),
///     Phone { #[pii(category = "user.contact.phone_number")] number: String },
///     None,
/// }
/// ```
#[proc_macro_attribute]
pub fn data(args: TokenStream, item: TokenStream) -> TokenStream {
    data::expand(args.into(), item.into()).into()
}

/// Tags a type: every value of it is personal data.
///
/// Goes on a struct, an enum or a type alias, with the optional keys
/// `category`, `subject` and `purposes` (see the [crate docs](crate)). To
/// tag single fields, put [`#[privflow::data]`](data) on the struct and
/// `#[pii(..)]` on the fields; to tag what a function returns, use
/// [`#[privflow::source(pii)]`](source).
///
/// ```
/// # use privflow_macros as privflow;
/// #[privflow::pii(category = "user.contact.email")]
/// pub struct EmailAddress(pub String);
///
/// #[privflow::pii(category = "user.device.ip_address", subject = "customer")]
/// pub type ClientIp = std::net::IpAddr;
/// ```
#[proc_macro_attribute]
pub fn pii(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::unchanged(args.into(), item.into(), |args, target, errors| {
        validate::tag_item("pii", args, target, errors)
    })
    .into()
}

/// Tags a type: every value of it is health data (PHI; GDPR Art. 9 special
/// category), which is personal data too.
///
/// Same keys and places as [`pii`](macro@pii); without `category` it means
/// `user.health_and_medical`.
///
/// ```
/// # use privflow_macros as privflow;
/// #[privflow::phi(subject = "patient")]
/// pub struct LabResult {
///     pub test: String,
///     pub value: f64,
/// }
///
/// #[privflow::phi(category = "user.health_and_medical.insurance_beneficiary_id")]
/// pub type InsuranceId = String;
/// ```
#[proc_macro_attribute]
pub fn phi(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::unchanged(args.into(), item.into(), |args, target, errors| {
        validate::tag_item("phi", args, target, errors)
    })
    .into()
}

/// Tags a function's return value as personal data (`pii`) or health data
/// (`phi`).
///
/// The first argument, `pii` or `phi`, is required; the keys `category`,
/// `subject` and `purposes` may follow (see the [crate docs](crate)).
///
/// With `param = "name"` it tags that parameter instead: inside the function
/// (and in what it passes it to) the parameter's value is tagged data; the
/// function need not return anything. One attribute per parameter.
///
/// ```
/// # use privflow_macros as privflow;
/// #[privflow::source(pii, category = "user.contact.phone_number", param = "phone")]
/// pub fn send_sms(phone: &str, body: &str) {
///     let _ = (phone, body);
/// }
/// ```
///
/// ```
/// # use privflow_macros as privflow;
/// pub struct Request { headers: Vec<(String, String)> }
///
/// impl Request {
///     #[privflow::source(pii, category = "user.device.ip_address")]
///     pub fn client_ip(&self) -> Option<&str> {
///         self.headers.iter().find(|(k, _)| k == "x-forwarded-for").map(|(_, v)| v.as_str())
///     }
/// }
///
/// #[privflow::source(phi, subject = "patient")]
/// pub fn read_glucose_sensor() -> u16 {
///     104
/// }
/// ```
#[proc_macro_attribute]
pub fn source(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::unchanged(args.into(), item.into(), validate::source).into()
}

/// Marks a function through which data leaves the program.
///
/// Goes on a function, a method, or a trait method declaration (then every
/// implementation is that sink). Keys:
///
/// - `kind` (required): `"storage"`, `"network"`, `"log"`, `"email"`,
///   `"sms"`, `"analytics"`, `"advertising"`, `"social"`, `"cookie"`,
///   `"device"` (the end user's own device) or `"display"` (shown to other
///   users of the product).
/// - `region`: an ISO 3166-1 alpha-2 country code (`"DE"`) or a cloud region
///   id (`"eu-central-1"`); without it, the project's default region or else
///   unknown; `"unknown"` says so explicitly, whatever the default (a region
///   chosen at deployment).
/// - `recipient`: the organisation that receives the data (absent: the
///   product's own systems).
/// - `purpose`: a fideslang data use, e.g. `"marketing.communications.email"`.
/// - `encrypted = true`: the sink encrypts what it receives (at rest for
///   storage, in transit otherwise). Default `false`.
/// - `persistent = bool`: default `true` for `storage`, `log` and `device`.
/// - `retention_days = 30`: how long stored data is kept.
/// - `args = [0, 2]`: which parameters carry the data, 0-based, `self` not
///   counted; `"self"` stands for the receiver (`args = ["self"]`,
///   `args = ["self", 0]`). Default: every parameter but `self`.
/// - `op = "write"` (default) or `"delete"`: the call deletes what it
///   receives; the rules about what is stored (encryption at rest,
///   retention, ...) do not apply to a deletion, the transfer rules do.
/// - `stores = "Patient"`: the workspace type whose records this storage
///   sink holds, whatever type its arguments have (a path such as
///   `"crate::models::Patient"` also works).
///
/// ```
/// # use privflow_macros as privflow;
/// pub trait Mailer {
///     #[privflow::sink(kind = "email", purpose = "essential.service", encrypted = true)]
///     fn send(&self, to: &str, body: &str);
/// }
///
/// #[privflow::sink(kind = "storage", region = "eu-central-1", encrypted = true,
///                  retention_days = 365, args = [1])]
/// pub fn put_object(bucket: &str, bytes: &[u8]) -> usize {
///     let _ = bucket;
///     bytes.len()
/// }
/// ```
///
/// ```
/// # use privflow_macros as privflow;
/// pub struct Patient;
/// pub struct PatientRepo;
///
/// impl PatientRepo {
///     #[privflow::sink(kind = "storage", op = "delete", stores = "Patient", args = ["self", 0])]
///     pub fn delete(&self, id: u64) -> bool {
///         id > 0
///     }
/// }
///
/// #[privflow::sink(kind = "storage", region = "unknown")]
/// pub fn save_anywhere(bytes: &[u8]) -> usize {
///     bytes.len()
/// }
/// ```
#[proc_macro_attribute]
pub fn sink(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::unchanged(args.into(), item.into(), validate::sink).into()
}

/// Marks a function whose return value is its input transformed:
/// `encrypt`, `anonymize`, `pseudonymize`, `hash` or `redact`.
///
/// The result still carries the input's tags, marked with the
/// transformation; rule packs decide which transformations lift which rules
/// (pseudonymized and hashed data are still personal data under GDPR).
///
/// ```
/// # use privflow_macros as privflow;
/// #[privflow::sanitizer(anonymize)]
/// pub fn truncate_ip(ip: std::net::Ipv4Addr) -> std::net::Ipv4Addr {
///     let [a, b, c, _] = ip.octets();
///     std::net::Ipv4Addr::new(a, b, c, 0)
/// }
///
/// #[privflow::sanitizer(redact)]
/// pub fn redact(text: &str) -> String {
///     "*".repeat(text.chars().count())
/// }
/// ```
#[proc_macro_attribute]
pub fn sanitizer(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::unchanged(args.into(), item.into(), validate::sanitizer).into()
}

/// Marks a consent check: code that runs only when the call succeeded
/// (`true`, `Ok`, `Some`; for `Result<bool, _>` / `Option<bool>` only
/// `Ok(true)` / `Some(true)`) has the user's consent for `purpose` (a
/// fideslang data use; consent for a purpose covers its sub-purposes).
///
/// `binds = N` (optional) names the parameter (0-based, `self` not counted)
/// that holds the value the consent is about: the consent then holds at a
/// sink call only if one of that call's data arguments derives from the
/// value passed there. `N` must be less than the number of parameters.
///
/// ```
/// # use privflow_macros as privflow;
/// pub struct User { pub newsletter_opt_in: bool }
///
/// #[privflow::consent(purpose = "marketing.communications.email")]
/// pub fn may_send_newsletter(user: &User) -> bool {
///     user.newsletter_opt_in
/// }
///
/// #[privflow::consent(purpose = "analytics", binds = 0)]
/// pub fn tracking_allowed(user: &User) -> Option<bool> {
///     Some(user.newsletter_opt_in)
/// }
/// ```
#[proc_macro_attribute]
pub fn consent(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::unchanged(args.into(), item.into(), validate::consent).into()
}

/// Marks a named check, such as an access-control decision: code that runs
/// only when the call succeeded (`true`, `Ok(_)`, `Some(_)`; for
/// `Result<bool, _>` / `Option<bool>` only `Ok(true)` / `Some(true)`) has
/// passed the check `name`. [`guarded`] functions name the checks that must
/// pass before they are called.
///
/// Keys:
///
/// - `name` (required): a non-empty string, e.g. `"auth.patient_access"`.
/// - `binds = N` (optional): the 0-based parameter index (`self` not
///   counted) of the value the check is about; must be less than the number
///   of parameters.
///
/// ```
/// # use privflow_macros as privflow;
/// pub struct Session { pub patients: Vec<u64> }
///
/// impl Session {
///     #[privflow::check(name = "auth.patient_access", binds = 0)]
///     pub fn can_read(&self, patient_id: u64) -> bool {
///         self.patients.contains(&patient_id)
///     }
/// }
///
/// #[privflow::check(name = "community.not_banned")]
/// pub fn not_banned(user: u64) -> Result<(), String> {
///     if user == 0 { Err("banned".into()) } else { Ok(()) }
/// }
/// ```
#[proc_macro_attribute]
pub fn check(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::unchanged(args.into(), item.into(), validate::check).into()
}

/// Marks a function that may only be called after checks have passed:
/// every call of it must run, on every path from an entry point, only after
/// every check named in `by` succeeded (all of them, not any). It may also
/// carry [`sink`].
///
/// Keys:
///
/// - `by` (required): a non-empty list of check names, e.g.
///   `by = ["auth.patient_access", "community.not_banned"]`.
/// - `binds = N` (optional): the 0-based parameter index (`self` not
///   counted) of the value the call is about. With `binds` on both the check
///   and the guarded function, the two bound arguments must derive from the
///   same value.
///
/// ```
/// # use privflow_macros as privflow;
/// pub struct Record;
///
/// #[privflow::guarded(by = ["auth.patient_access"], binds = 0)]
/// pub fn read_record(patient_id: u64) -> Option<Record> {
///     let _ = patient_id;
///     None
/// }
/// ```
#[proc_macro_attribute]
pub fn guarded(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::unchanged(args.into(), item.into(), validate::guarded).into()
}

/// Marks a function that deletes the stored records of the listed types
/// (erasure at the data subject's request, GDPR Art. 17).
///
/// ```
/// # use privflow_macros as privflow;
/// pub struct Patient;
/// pub struct Appointment;
///
/// #[privflow::erases(Patient, Appointment)]
/// pub fn forget_patient(id: u64) -> usize {
///     let _ = id;
///     0
/// }
/// ```
#[proc_macro_attribute]
pub fn erases(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::unchanged(args.into(), item.into(), validate::erases).into()
}

/// Suppresses one rule's findings inside a function, method, impl block,
/// module, struct or enum. Both keys are required: `rule` is a rule id
/// `"pack/rule"`, and `reason` says why the finding is acceptable.
///
/// Attribute macros cannot go on a statement in stable Rust; for one
/// statement write a comment on its line or the line above:
/// `// privflow-allow: pack/rule -- reason`.
///
/// ```
/// # use privflow_macros as privflow;
/// #[privflow::allow(rule = "baseline/pii-to-log", reason = "the audit log must name who signed in")]
/// pub fn audit_sign_in(user_name: &str) -> String {
///     format!("sign-in: {user_name}")
/// }
/// ```
#[proc_macro_attribute]
pub fn allow(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::unchanged(args.into(), item.into(), validate::allow).into()
}
