#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn enqueue(queue: &azure_storage_queues::QueueClient, p: &Patient) -> azure_core::Result<()> {
    queue.put_message(serde_json::to_string(p).unwrap_or_default()).await?; //~ cloudvisit/phi-stays-in-us
    Ok(())
}
