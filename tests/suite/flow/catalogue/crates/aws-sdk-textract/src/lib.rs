#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use aws_sdk_textract::types::Document;

pub async fn read(client: &aws_sdk_textract::Client, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let doc = Document::builder()
        .bytes(aws_sdk_textract::primitives::Blob::new(p.diagnosis.as_bytes().to_vec()))
        .build();
    client.detect_document_text().document(doc).send().await?; //~ cloudvisit/phi-stays-in-us
    Ok(())
}
