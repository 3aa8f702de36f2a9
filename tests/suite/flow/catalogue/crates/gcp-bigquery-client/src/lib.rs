#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use gcp_bigquery_client::model::table_data_insert_all_request::TableDataInsertAllRequest;

pub async fn record(client: &gcp_bigquery_client::Client, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let mut request = TableDataInsertAllRequest::new();
    request.add_row(None, p.clone())?;
    client.tabledata().insert_all("clinic", "analytics", "visits", request).await?; //~ cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
