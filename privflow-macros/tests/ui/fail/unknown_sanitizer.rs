use privflow_macros as privflow;

#[privflow::sanitizer(encript)]
fn encrypt(data: &[u8]) -> Vec<u8> {
    data.to_vec()
}

#[privflow::sanitizer(mask)]
fn mask(data: &str) -> String {
    data.to_owned()
}

#[privflow::sanitizer(scramble)]
fn scramble(data: &str) -> String {
    data.to_owned()
}

fn main() {}
