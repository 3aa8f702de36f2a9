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
        self.diagnosis.clone()
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

pub fn show(p: &Patient) {
    audit(&Describe::describe(p)); //~ baseline/phi-to-log
    audit(&<Patient as Describe>::describe(p)); //~ baseline/phi-to-log
    audit(&<Patient as Describe>::headline(p)); //~ baseline/phi-to-log
    audit(&<Patient>::describe(p)); //~ baseline/phi-to-log
}
