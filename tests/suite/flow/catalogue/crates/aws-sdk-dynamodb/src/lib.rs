#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use aws_sdk_dynamodb::types::AttributeValue;

pub async fn store(client: &aws_sdk_dynamodb::Client, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    client
        .put_item()
        .table_name("visits")
        .item("id", AttributeValue::S(p.id.clone()))
        .item("diagnosis", AttributeValue::S(p.diagnosis.clone()))
        .send() //~ cloudvisit/phi-stays-in-us cloudvisit/retention-limit
        .await?;
    Ok(())
}
