//! The name lexicon: field-name words in English, German and Dutch, each with the fideslang
//! category and data class a field so named usually holds, and how sure a name alone makes us.
//!
//! Pure data and pure functions over identifiers; the judgement that also weighs the field's
//! type and its struct lives in `judge.rs`. Every word here is a general word of its language
//! (or a general technical abbreviation: `dob`, `iban`, `icd10`), never a name taken from one
//! codebase.

use crate::hir::DataClass;

/// What a lexicon word says about a field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Meaning {
    pub category: &'static str,
    pub class: DataClass,
    /// How sure the name alone makes us (0..1), before the type and context adjust it.
    pub confidence: f64,
    /// What the word means, for the reason text ("German: date of birth").
    pub gloss: &'static str,
    /// What kind of word it is: decides how type and context adjust it.
    pub kind: WordKind,
}

/// Kinds of words that the type and the context judge differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// Contact, identity, financial data: a name alone is strong evidence.
    Strong,
    /// A number-like identifier (phone, postcode, insurance number): an integer type is fine.
    Numeric,
    /// Person names: `name` alone needs a person-like struct.
    PersonName,
    /// Secrets: a user's credential, unless the struct is a service client holding its own key.
    Secret,
    /// Health words: PHI wherever they are.
    Health,
    /// Free text (`notes`, `body`, `description`): personal only in a personal or health context.
    FreeText,
    /// Weak words (`state`, `country`): only in a person-like struct.
    Weak,
}

use DataClass::{Phi, Pii};
use WordKind::*;

const fn m(
    category: &'static str,
    class: DataClass,
    confidence: f64,
    gloss: &'static str,
    kind: WordKind,
) -> Meaning {
    Meaning {
        category,
        class,
        confidence,
        gloss,
        kind,
    }
}

const EMAIL: &str = "user.contact.email";
const PHONE: &str = "user.contact.phone_number";
const ADDRESS: &str = "user.contact.address";
const DOB: &str = "user.demographic.date_of_birth";
const NAME: &str = "user.name";
const CREDENTIALS: &str = "user.authorization.credentials";
const HEALTH: &str = "user.health_and_medical";
const INSURANCE: &str = "user.health_and_medical.insurance_beneficiary_id";
const BANK: &str = "user.financial.bank_account";
const CARD: &str = "user.financial.credit_card";
const GOV_ID: &str = "user.government_id";
const IP: &str = "user.device.ip_address";
const DEVICE_ID: &str = "user.device.device_id";
const CONTENT: &str = "user.content";

/// Multi-token phrases, tried before single words (`date_of_birth` before `date`, `card_token`
/// before `token`): (tokens, meaning). Longest first within an entry list is not required: the
/// judge takes the phrase that covers the most tokens.
#[rustfmt::skip]
pub const PHRASES: &[(&[&str], Meaning)] = &[
    (&["e", "mail"], m(EMAIL, Pii, 0.95, "email address", Strong)),
    (&["date", "of", "birth"], m(DOB, Pii, 0.95, "date of birth", Strong)),
    (&["birth", "date"], m(DOB, Pii, 0.95, "date of birth", Strong)),
    (&["birth", "day"], m(DOB, Pii, 0.9, "birthday", Strong)),
    (&["ip", "address"], m(IP, Pii, 0.9, "IP address", Strong)),
    (&["ip", "addr"], m(IP, Pii, 0.9, "IP address", Strong)),
    (&["remote", "addr"], m(IP, Pii, 0.8, "client IP address", Strong)),
    (&["zip", "code"], m(ADDRESS, Pii, 0.8, "postal code", Numeric)),
    (&["postal", "code"], m(ADDRESS, Pii, 0.8, "postal code", Numeric)),
    (&["post", "code"], m(ADDRESS, Pii, 0.8, "postal code", Numeric)),
    (&["phone", "number"], m(PHONE, Pii, 0.95, "phone number", Numeric)),
    (&["first", "name"], m(NAME, Pii, 0.9, "first name", Strong)),
    (&["last", "name"], m(NAME, Pii, 0.9, "last name", Strong)),
    (&["given", "name"], m(NAME, Pii, 0.9, "given name", Strong)),
    (&["family", "name"], m(NAME, Pii, 0.9, "family name", Strong)),
    (&["middle", "name"], m(NAME, Pii, 0.9, "middle name", Strong)),
    (&["full", "name"], m(NAME, Pii, 0.9, "full name", Strong)),
    (&["display", "name"], m(NAME, Pii, 0.8, "display name", PersonName)),
    (&["maiden", "name"], m(NAME, Pii, 0.9, "maiden name", Strong)),
    (&["nick", "name"], m(NAME, Pii, 0.7, "nickname", Strong)),
    (&["user", "name"], m("user.account.username", Pii, 0.8, "user name", PersonName)),
    (&["login", "name"], m(CREDENTIALS, Pii, 0.8, "login name", Strong)),
    (&["bank", "account"], m(BANK, Pii, 0.9, "bank account", Numeric)),
    (&["account", "number"], m(BANK, Pii, 0.7, "account number", Numeric)),
    (&["card", "number"], m(CARD, Pii, 0.9, "card number", Numeric)),
    (&["card", "token"], m(CARD, Pii, 0.85, "payment card token", Strong)),
    (&["credit", "card"], m(CARD, Pii, 0.9, "credit card", Numeric)),
    (&["device", "token"], m(DEVICE_ID, Pii, 0.8, "device (push) token", Strong)),
    (&["device", "id"], m(DEVICE_ID, Pii, 0.7, "device identifier", Strong)),
    (&["push", "token"], m(DEVICE_ID, Pii, 0.8, "push token", Strong)),
    (&["job", "title"], m("user.job_title", Pii, 0.8, "job title", Strong)),
    (&["user", "agent"], m("user.device", Pii, 0.6, "browser user agent", Strong)),
    (&["access", "code"], m(CREDENTIALS, Pii, 0.8, "access code", Secret)),
    (&["api", "key"], m(CREDENTIALS, Pii, 0.7, "API key", Secret)),
    (&["social", "security"], m(GOV_ID, Pii, 0.95, "social security number", Numeric)),
    (&["tax", "id"], m(GOV_ID, Pii, 0.85, "tax identification number", Numeric)),
    (&["national", "id"], m(GOV_ID, Pii, 0.85, "national identification number", Numeric)),
    (&["passport", "number"], m(GOV_ID, Pii, 0.9, "passport number", Numeric)),
    (&["insurance", "number"], m(INSURANCE, Phi, 0.9, "health insurance number", Numeric)),
    (&["insurance", "id"], m(INSURANCE, Phi, 0.85, "health insurance id", Numeric)),
    (&["policy", "number"], m(INSURANCE, Phi, 0.6, "insurance policy number", Numeric)),
    (&["medical", "record"], m(HEALTH, Phi, 0.9, "medical record", Health)),
    (&["blood", "type"], m(HEALTH, Phi, 0.9, "blood type", Health)),
    (&["blood", "group"], m(HEALTH, Phi, 0.9, "blood group", Health)),
    (&["icd", "code"], m(HEALTH, Phi, 0.9, "ICD diagnosis code", Health)),
    (&["icd", "10"], m(HEALTH, Phi, 0.9, "ICD-10 diagnosis code", Health)),
    (&["body", "part"], m(HEALTH, Phi, 0.6, "examined body part", Health)),
    (&["test", "type"], m(HEALTH, Phi, 0.45, "the medical test ordered", Health)),
    (&["lab", "test"], m(HEALTH, Phi, 0.8, "lab test", Health)),
    (&["house", "number"], m(ADDRESS, Pii, 0.8, "house number", Numeric)),
];

/// Single words: (word, meaning). A word marked compound-friendly in [`COMPOUND_STEMS`] is also
/// found inside a longer token (`notfalltelefon`, `emailadresse`).
#[rustfmt::skip]
pub const WORDS: &[(&str, Meaning)] = &[
    // contact: email
    ("email", m(EMAIL, Pii, 0.95, "email address", Strong)),
    ("mail", m(EMAIL, Pii, 0.7, "email address", Strong)),
    ("emailadresse", m(EMAIL, Pii, 0.95, "German: email address", Strong)),
    ("emailadres", m(EMAIL, Pii, 0.95, "Dutch: email address", Strong)),
    // contact: phone
    ("phone", m(PHONE, Pii, 0.9, "phone number", Numeric)),
    ("telephone", m(PHONE, Pii, 0.9, "phone number", Numeric)),
    ("mobile", m(PHONE, Pii, 0.8, "mobile phone number", Numeric)),
    ("cellphone", m(PHONE, Pii, 0.9, "mobile phone number", Numeric)),
    ("msisdn", m(PHONE, Pii, 0.9, "mobile phone number", Numeric)),
    ("fax", m(PHONE, Pii, 0.7, "fax number", Numeric)),
    ("telefon", m(PHONE, Pii, 0.9, "German: phone number", Numeric)),
    ("telefonnummer", m(PHONE, Pii, 0.95, "German: phone number", Numeric)),
    ("handy", m(PHONE, Pii, 0.7, "German: mobile phone", Numeric)),
    ("mobilnummer", m(PHONE, Pii, 0.9, "German: mobile number", Numeric)),
    ("telefoon", m(PHONE, Pii, 0.9, "Dutch: phone number", Numeric)),
    ("telefoonnummer", m(PHONE, Pii, 0.95, "Dutch: phone number", Numeric)),
    ("mobiel", m(PHONE, Pii, 0.8, "Dutch: mobile phone", Numeric)),
    // contact: address
    ("address", m(ADDRESS, Pii, 0.85, "postal address", Strong)),
    ("street", m(ADDRESS, Pii, 0.85, "street address", Strong)),
    ("postcode", m(ADDRESS, Pii, 0.8, "postal code", Numeric)),
    ("zip", m(ADDRESS, Pii, 0.7, "postal code", Numeric)),
    ("zipcode", m(ADDRESS, Pii, 0.8, "postal code", Numeric)),
    ("city", m(ADDRESS, Pii, 0.55, "city of residence", Weak)),
    ("state", m(ADDRESS, Pii, 0.55, "state of residence", Weak)),
    ("country", m(ADDRESS, Pii, 0.45, "country of residence", Weak)),
    ("adresse", m(ADDRESS, Pii, 0.85, "German: address", Strong)),
    ("anschrift", m(ADDRESS, Pii, 0.85, "German: postal address", Strong)),
    ("strasse", m(ADDRESS, Pii, 0.85, "German: street", Strong)),
    ("straße", m(ADDRESS, Pii, 0.85, "German: street", Strong)),
    ("hausnummer", m(ADDRESS, Pii, 0.8, "German: house number", Numeric)),
    ("plz", m(ADDRESS, Pii, 0.8, "German: postal code", Numeric)),
    ("postleitzahl", m(ADDRESS, Pii, 0.85, "German: postal code", Numeric)),
    ("wohnort", m(ADDRESS, Pii, 0.8, "German: place of residence", Strong)),
    ("ort", m(ADDRESS, Pii, 0.5, "German: town", Weak)),
    ("adres", m(ADDRESS, Pii, 0.85, "Dutch: address", Strong)),
    ("straat", m(ADDRESS, Pii, 0.85, "Dutch: street", Strong)),
    ("huisnummer", m(ADDRESS, Pii, 0.8, "Dutch: house number", Numeric)),
    ("woonplaats", m(ADDRESS, Pii, 0.85, "Dutch: place of residence", Strong)),
    // demographics
    ("dob", m(DOB, Pii, 0.9, "date of birth", Strong)),
    ("birthday", m(DOB, Pii, 0.9, "birthday", Strong)),
    ("birthdate", m(DOB, Pii, 0.95, "date of birth", Strong)),
    ("geburtsdatum", m(DOB, Pii, 0.95, "German: date of birth", Strong)),
    ("geburtstag", m(DOB, Pii, 0.9, "German: birthday", Strong)),
    ("geboortedatum", m(DOB, Pii, 0.95, "Dutch: date of birth", Strong)),
    ("gender", m("user.demographic.gender", Pii, 0.85, "gender", Strong)),
    ("sex", m("user.demographic.gender", Pii, 0.7, "sex", Strong)),
    ("geschlecht", m("user.demographic.gender", Pii, 0.85, "German: gender", Strong)),
    ("geslacht", m("user.demographic.gender", Pii, 0.85, "Dutch: gender", Strong)),
    ("nationality", m("user.demographic", Pii, 0.8, "nationality", Strong)),
    ("religion", m("user.demographic.religious_belief", Pii, 0.8, "religion", Strong)),
    ("ethnicity", m("user.demographic.race_ethnicity", Pii, 0.85, "ethnicity", Strong)),
    // names
    ("name", m(NAME, Pii, 0.6, "name", PersonName)),
    ("firstname", m(NAME, Pii, 0.9, "first name", Strong)),
    ("lastname", m(NAME, Pii, 0.9, "last name", Strong)),
    ("surname", m(NAME, Pii, 0.9, "surname", Strong)),
    ("fullname", m(NAME, Pii, 0.9, "full name", Strong)),
    ("salutation", m(NAME, Pii, 0.6, "salutation (form of address)", Weak)),
    ("vorname", m(NAME, Pii, 0.9, "German: first name", Strong)),
    ("nachname", m(NAME, Pii, 0.9, "German: last name", Strong)),
    ("familienname", m(NAME, Pii, 0.9, "German: family name", Strong)),
    ("anrede", m(NAME, Pii, 0.6, "German: salutation", Weak)),
    ("voornaam", m(NAME, Pii, 0.9, "Dutch: first name", Strong)),
    ("achternaam", m(NAME, Pii, 0.9, "Dutch: last name", Strong)),
    ("naam", m(NAME, Pii, 0.6, "Dutch: name", PersonName)),
    ("username", m("user.account.username", Pii, 0.8, "user name", PersonName)),
    ("benutzername", m("user.account.username", Pii, 0.8, "German: user name", PersonName)),
    ("gebruikersnaam", m("user.account.username", Pii, 0.8, "Dutch: user name", PersonName)),
    // work
    ("job", m("user.job_title", Pii, 0.5, "job title", Weak)),
    ("occupation", m("user.job_title", Pii, 0.7, "occupation", Weak)),
    ("beruf", m("user.job_title", Pii, 0.7, "German: occupation", Weak)),
    ("beroep", m("user.job_title", Pii, 0.7, "Dutch: occupation", Weak)),
    // credentials
    ("password", m(CREDENTIALS, Pii, 0.95, "password", Secret)),
    ("passwd", m(CREDENTIALS, Pii, 0.95, "password", Secret)),
    ("passcode", m(CREDENTIALS, Pii, 0.9, "passcode", Secret)),
    ("passwort", m(CREDENTIALS, Pii, 0.95, "German: password", Secret)),
    ("kennwort", m(CREDENTIALS, Pii, 0.95, "German: password", Secret)),
    ("wachtwoord", m(CREDENTIALS, Pii, 0.95, "Dutch: password", Secret)),
    ("pin", m(CREDENTIALS, Pii, 0.6, "PIN", Secret)),
    ("otp", m(CREDENTIALS, Pii, 0.7, "one-time password", Secret)),
    ("secret", m(CREDENTIALS, Pii, 0.7, "secret", Secret)),
    ("token", m(CREDENTIALS, Pii, 0.5, "token", Secret)),
    ("credentials", m(CREDENTIALS, Pii, 0.8, "credentials", Secret)),
    // financial
    ("iban", m(BANK, Pii, 0.95, "bank account (IBAN)", Numeric)),
    ("bic", m(BANK, Pii, 0.6, "bank code (BIC)", Numeric)),
    ("kontonummer", m(BANK, Pii, 0.9, "German: account number", Numeric)),
    ("bankverbindung", m(BANK, Pii, 0.9, "German: bank details", Numeric)),
    ("rekeningnummer", m(BANK, Pii, 0.9, "Dutch: account number", Numeric)),
    ("cvv", m(CARD, Pii, 0.9, "card security code", Numeric)),
    ("pan", m(CARD, Pii, 0.5, "card number (PAN)", Numeric)),
    // government ids
    ("ssn", m(GOV_ID, Pii, 0.95, "social security number", Numeric)),
    ("bsn", m(GOV_ID, Pii, 0.9, "Dutch: citizen service number (BSN)", Numeric)),
    ("burgerservicenummer", m(GOV_ID, Pii, 0.95, "Dutch: citizen service number", Numeric)),
    ("passport", m(GOV_ID, Pii, 0.85, "passport number", Numeric)),
    ("steuernummer", m(GOV_ID, Pii, 0.85, "German: tax number", Numeric)),
    ("lanr", m("user.unique_id", Pii, 0.85, "German: lifelong physician number (LANR)", Numeric)),
    ("personalausweis", m(GOV_ID, Pii, 0.9, "German: identity card", Numeric)),
    ("sozialversicherungsnummer", m(GOV_ID, Pii, 0.95, "German: social security number", Numeric)),
    // health
    ("diagnosis", m(HEALTH, Phi, 0.95, "diagnosis", Health)),
    ("diagnoses", m(HEALTH, Phi, 0.95, "diagnoses", Health)),
    ("diagnose", m(HEALTH, Phi, 0.95, "German: diagnosis", Health)),
    ("diagnosen", m(HEALTH, Phi, 0.95, "German: diagnoses", Health)),
    ("icd", m(HEALTH, Phi, 0.9, "ICD diagnosis code", Health)),
    ("icd10", m(HEALTH, Phi, 0.95, "ICD-10 diagnosis code", Health)),
    ("befund", m(HEALTH, Phi, 0.9, "German: medical findings", Health)),
    ("befunde", m(HEALTH, Phi, 0.9, "German: medical findings", Health)),
    ("symptom", m(HEALTH, Phi, 0.85, "symptom", Health)),
    ("symptoms", m(HEALTH, Phi, 0.85, "symptoms", Health)),
    ("medication", m(HEALTH, Phi, 0.9, "medication", Health)),
    ("medications", m(HEALTH, Phi, 0.9, "medications", Health)),
    ("medikament", m(HEALTH, Phi, 0.9, "German: medication", Health)),
    ("medikation", m(HEALTH, Phi, 0.9, "German: medication", Health)),
    ("medicatie", m(HEALTH, Phi, 0.9, "Dutch: medication", Health)),
    ("prescription", m(HEALTH, Phi, 0.8, "prescription", Health)),
    ("sig", m(HEALTH, Phi, 0.45, "a prescription's directions (sig)", Health)),
    ("dosage", m(HEALTH, Phi, 0.7, "dosage", Health)),
    ("dosierung", m(HEALTH, Phi, 0.7, "German: dosage", Health)),
    ("dosering", m(HEALTH, Phi, 0.7, "Dutch: dosage", Health)),
    ("untersuchung", m(HEALTH, Phi, 0.6, "German: medical examination", Health)),
    ("rezept", m(HEALTH, Phi, 0.6, "German: prescription", Health)),
    ("allergy", m(HEALTH, Phi, 0.9, "allergy", Health)),
    ("allergies", m(HEALTH, Phi, 0.9, "allergies", Health)),
    ("allergie", m(HEALTH, Phi, 0.9, "German/Dutch: allergy", Health)),
    ("treatment", m(HEALTH, Phi, 0.8, "treatment", Health)),
    ("behandlung", m(HEALTH, Phi, 0.8, "German: treatment", Health)),
    ("behandeling", m(HEALTH, Phi, 0.8, "Dutch: treatment", Health)),
    ("therapy", m(HEALTH, Phi, 0.8, "therapy", Health)),
    ("therapie", m(HEALTH, Phi, 0.8, "German/Dutch: therapy", Health)),
    ("clinical", m(HEALTH, Phi, 0.85, "clinical", Health)),
    ("anamnesis", m(HEALTH, Phi, 0.9, "medical history", Health)),
    ("anamnese", m(HEALTH, Phi, 0.9, "German/Dutch: medical history", Health)),
    ("vaccination", m(HEALTH, Phi, 0.85, "vaccination", Health)),
    ("impfung", m(HEALTH, Phi, 0.85, "German: vaccination", Health)),
    ("disability", m(HEALTH, Phi, 0.85, "disability", Health)),
    ("pregnancy", m(HEALTH, Phi, 0.85, "pregnancy", Health)),
    ("modality", m(HEALTH, Phi, 0.5, "imaging modality", Health)),
    ("mrn", m("user.health_and_medical.record_id", Phi, 0.85, "medical record number", Health)),
    ("insurance", m(INSURANCE, Phi, 0.6, "health insurance", Health)),
    ("versichertennummer", m(INSURANCE, Phi, 0.95, "German: health insurance number", Numeric)),
    ("krankenversichertennummer", m(INSURANCE, Phi, 0.95, "German: health insurance number", Numeric)),
    ("kvnr", m(INSURANCE, Phi, 0.95, "German: health insurance number (KVNR)", Numeric)),
    ("krankenkasse", m(INSURANCE, Phi, 0.8, "German: health insurer", Health)),
    ("zorgverzekeraar", m(INSURANCE, Phi, 0.8, "Dutch: health insurer", Health)),
    // device
    ("ip", m(IP, Pii, 0.85, "IP address", Strong)),
    ("imei", m(DEVICE_ID, Pii, 0.9, "device identifier (IMEI)", Strong)),
    ("geolocation", m("user.location", Pii, 0.85, "geolocation", Strong)),
    ("latitude", m("user.location", Pii, 0.6, "location", Weak)),
    ("longitude", m("user.location", Pii, 0.6, "location", Weak)),
    // free text: personal only where the struct holds personal or health data
    ("notes", m(CONTENT, Pii, 0.55, "free-text notes", FreeText)),
    ("note", m(CONTENT, Pii, 0.5, "free-text note", FreeText)),
    ("text", m(CONTENT, Pii, 0.5, "free text", FreeText)),
    ("body", m(CONTENT, Pii, 0.5, "message body", FreeText)),
    ("message", m(CONTENT, Pii, 0.55, "message text", FreeText)),
    ("content", m(CONTENT, Pii, 0.5, "content", FreeText)),
    ("description", m(CONTENT, Pii, 0.5, "free-text description", FreeText)),
    ("comment", m(CONTENT, Pii, 0.5, "comment", FreeText)),
    ("comments", m(CONTENT, Pii, 0.5, "comments", FreeText)),
    ("remarks", m(CONTENT, Pii, 0.5, "remarks", FreeText)),
    ("reason", m(CONTENT, Pii, 0.5, "stated reason", FreeText)),
    ("findings", m(CONTENT, Pii, 0.5, "findings", FreeText)),
    ("impression", m(CONTENT, Pii, 0.5, "assessment (impression)", FreeText)),
    ("bytes", m(CONTENT, Pii, 0.45, "uploaded bytes", FreeText)),
    ("bemerkung", m(CONTENT, Pii, 0.5, "German: remark", FreeText)),
    ("nachricht", m(CONTENT, Pii, 0.55, "German: message", FreeText)),
    ("notiz", m(CONTENT, Pii, 0.5, "German: note", FreeText)),
    ("opmerking", m(CONTENT, Pii, 0.5, "Dutch: remark", FreeText)),
    ("bericht", m(CONTENT, Pii, 0.55, "German/Dutch: report, message", FreeText)),
];

/// Stems that mark personal data inside a longer (German or Dutch compound) token:
/// `notfalltelefon`, `kontaktemail`, `patientengeburtsdatum`. Only long, unambiguous stems.
#[rustfmt::skip]
pub const COMPOUND_STEMS: &[&str] = &[
    "email", "telefon", "telefoon", "geburtsdatum", "geboortedatum", "versichertennummer",
    "adresse", "passwort", "wachtwoord", "diagnose",
];

/// Words of a qualifier before `name` that make it a thing's name, not a person's: `file_name`,
/// `host_name`, `table_name`.
#[rustfmt::skip]
pub const THING_QUALIFIERS: &[&str] = &[
    "file", "host", "table", "column", "field", "tag", "type", "class", "bucket", "key", "app",
    "service", "event", "product", "project", "package", "crate", "module", "domain", "server",
    "database", "db", "schema", "index", "queue", "topic", "channel", "role", "group", "plan",
    "feature", "metric", "method", "function", "fn", "struct", "variant", "enum", "test",
    "job", "task", "page", "route", "path", "dir", "folder", "image", "asset", "template",
    "device", "model", "brand", "category", "label", "attribute", "param", "parameter",
    "header", "cookie", "env", "var", "variable", "config", "setting", "option", "command",
    "cmd", "bin", "lib", "repo", "branch", "site", "sheet", "tab", "section", "room",
    "community", "instance", "language", "lang", "locale", "region", "zone", "country", "city",
    "street", "company", "organisation", "organization", "org", "team", "dataset", "data",
    "object", "item", "node", "cluster", "pod", "container", "volume", "disk", "bot",
    "provider", "vendor", "network", "protocol", "scheme", "format", "mime", "content",
];

/// Qualifiers of a secret that make it the system's own (`client_secret`, `api_token`,
/// `signing_key`), not a person's credential.
#[rustfmt::skip]
pub const SYSTEM_SECRET_QUALIFIERS: &[&str] = &[
    "client", "api", "app", "application", "service", "server", "bot", "webhook", "signing",
    "jwt", "encryption", "private", "public", "master", "root", "admin", "instance", "site",
    "project", "hmac", "oauth", "provider", "integration", "deploy",
];

/// Words of a struct's name (or its fields' names) that make it a record about a person.
#[rustfmt::skip]
pub const PERSON_WORDS: &[&str] = &[
    "person", "people", "user", "customer", "client", "patient", "member", "employee", "staff",
    "guest", "invitee", "contact", "account", "profile", "subscriber", "signup",
    "registration", "applicant", "candidate", "student", "author", "reporter", "recipient",
    "sender", "owner", "participant", "attendee", "visitor", "consumer", "buyer", "seller",
    "tenant", "resident", "citizen", "driver", "passenger", "traveller", "traveler", "doctor",
    "physician", "nurse", "caregiver", "kunde", "benutzer", "nutzer", "mitarbeiter",
    "patienten", "klant", "gebruiker", "medewerker", "persoon", "login", "identity", "inquiry",
    "lead", "invitation", "record", "appointment", "booking", "order", "peer",
];

/// Words that make a struct a health record: free text and payloads in it are PHI.
#[rustfmt::skip]
pub const HEALTH_WORDS: &[&str] = &[
    "patient", "patienten", "patiënt", "visit", "diagnosis", "diagnose", "prescription",
    "clinical", "medical", "health", "radiology", "dicom", "lab", "study", "treatment",
    "therapy", "encounter", "observation", "medication", "befund", "behandlung", "rezept",
    "arzt", "gesundheit", "zorg", "gezondheid", "behandeling", "consultation", "anamnesis",
    "symptom", "vaccination", "ehr", "emr", "fhir", "hl7",
];

/// Words that make a struct a piece of user-written content: free text in it is `user.content`.
#[rustfmt::skip]
pub const CONTENT_WORDS: &[&str] = &[
    "message", "chat", "ticket", "comment", "post", "feedback", "inquiry", "review", "upload",
    "attachment", "letter", "conversation", "thread", "note", "nachricht", "bericht",
    "anfrage", "draft", "entwurf",
];

/// Struct names that mark a service or configuration object (its secrets are the service's, not
/// a person's; its addresses are endpoints).
#[rustfmt::skip]
pub const SERVICE_WORDS: &[&str] = &[
    "client", "config", "configuration", "settings", "options", "gateway", "service", "state",
    "tracker", "mailer", "cipher", "transport", "backend", "provider", "connector", "api",
    "store", "pool", "relay", "dsn", "credentials", "keys", "env", "context", "ctx", "app",
    "server", "handler", "manager", "registry", "factory", "builder",
];

/// Splits an identifier into lowercase words (the syntax layer's [`words`]).
pub fn tokens(ident: &str) -> Vec<String> {
    crate::syntax::ident::words(ident)
}

/// The meaning of a single word, if the lexicon has it.
pub fn word(w: &str) -> Option<&'static Meaning> {
    WORDS.iter().find(|(k, _)| *k == w).map(|(_, m)| m)
}

/// Whether any of `words` is among `toks`.
pub fn has_any(toks: &[String], words: &[&str]) -> bool {
    toks.iter().any(|t| words.contains(&t.as_str()))
}

/// Words that make a token type a credential (`AccessToken`, `BearerToken`, `IdToken`): a
/// `token` of another non-text type is a lexer's or parser's.
#[rustfmt::skip]
pub const CREDENTIAL_TOKEN_KINDS: &[&str] = &[
    "access", "refresh", "auth", "bearer", "session", "id", "jwt", "csrf", "api", "reset",
    "verification", "login", "device", "push", "oauth", "secret", "password",
];

/// Words after a person word in a struct name that keep the struct about that person
/// (`UserInfo`, `PatientRow`, `SignupForm`, `KundenDaten`).
#[rustfmt::skip]
pub const RECORD_SUFFIXES: &[&str] = &[
    "info", "infos", "data", "record", "records", "row", "rows", "form", "dto", "view", "views",
    "details", "detail", "request", "req", "response", "resp", "entity", "model", "payload",
    "body", "input", "output", "summary", "card", "entry", "item", "items", "list", "update",
    "create", "insert", "new", "patch", "query", "params", "event", "settings", "preferences",
    "prefs", "state", "snapshot", "export", "import", "ref", "page", "result", "results",
    "contact", "contacts", "inner", "raw", "public", "private", "full", "with", "daten",
    "gegevens", "eintrag", "stammdaten", "kaart", "profile", "account", "login", "session",
    "message", "notification", "invite", "invitation", "application", "registration",
    "submission", "upsert", "edit", "change", "changes", "attributes", "attrs", "meta",
    "metadata", "identity", "credentials", "auth", "address", "note", "notes", "report", "backup",
    "dump", "archive",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_snake_and_camel_case() {
        assert_eq!(tokens("patientBirthDate"), ["patient", "birth", "date"]);
        assert_eq!(tokens("date_of_birth"), ["date", "of", "birth"]);
        assert_eq!(tokens("HTTPServer"), ["http", "server"]);
        assert_eq!(tokens("icd10_code"), ["icd10", "code"]);
        assert_eq!(tokens("r#type"), ["type"]);
        assert_eq!(tokens("E_Mail"), ["e", "mail"]);
    }

    #[test]
    fn every_category_is_a_user_category_and_confidences_are_in_range() {
        for m in WORDS
            .iter()
            .map(|(_, m)| m)
            .chain(PHRASES.iter().map(|(_, m)| m))
        {
            assert!(m.category.starts_with("user."), "{}", m.category);
            assert!((0.0..=1.0).contains(&m.confidence));
            if m.class == DataClass::Phi {
                assert!(m.category.starts_with("user.health_and_medical"));
            }
        }
    }

    #[test]
    fn words_are_lowercase_and_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for (w, _) in WORDS {
            assert_eq!(*w, w.to_lowercase());
            assert!(seen.insert(*w), "duplicate lexicon word {w}");
        }
    }
}
