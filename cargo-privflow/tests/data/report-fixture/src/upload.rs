use crate::model::Patient;

pub fn sync(p: &Patient) {
    let body = serde_json::to_string(&p.diagnosis).unwrap_or_default();
    upload_to_s3(&body);
}

pub fn notify(p: &Patient) {
    log::info!("sending mail to {}", p.email);
}

#[privflow::sink(kind = "storage", region = "us-east-1")]
fn upload_to_s3(_body: &str) {}
