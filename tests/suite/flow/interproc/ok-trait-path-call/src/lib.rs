#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub trait Describe {
    fn describe(&self) -> String;
    fn headline(p: &Patient) -> String;
}

pub struct Chart;

impl Describe for Patient {
    fn describe(&self) -> String {
        format!("patient {}", self.id)
    }
    fn headline(p: &Patient) -> String {
        p.diagnosis.clone()
    }
}

impl Describe for Chart {
    fn describe(&self) -> String {
        String::from("chart")
    }
    fn headline(p: &Patient) -> String {
        p.id.to_string()
    }
}

pub trait Scrub {
    fn scrub(s: &str) -> String;
}

pub struct Redactor;

impl Scrub for Redactor {
    #[privflow::sanitizer(redact)]
    fn scrub(s: &str) -> String {
        s.chars().map(|_| '*').collect()
    }
}

pub fn show(p: &Patient) {
    audit(&Describe::describe(p));
    audit(&<Patient as Describe>::describe(p));
    audit(&<Chart as Describe>::headline(p));
    audit(&<Redactor as Scrub>::scrub(&p.diagnosis));
    audit(&Redactor::scrub(&p.diagnosis));
}
