#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use aws_sdk_cognitoidentityprovider::types::AttributeType;

pub async fn enrol(client: &aws_sdk_cognitoidentityprovider::Client, username: &str, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let attribute = AttributeType::builder()
        .name("custom:diagnosis")
        .value(p.diagnosis.clone())
        .build()?;
    client
        .admin_create_user()
        .user_pool_id("eu-central-1_clinic")
        .username(username)
        .user_attributes(attribute)
        .send() //~ cloudvisit/phi-stays-in-us cloudvisit/retention-limit
        .await?;
    Ok(())
}
