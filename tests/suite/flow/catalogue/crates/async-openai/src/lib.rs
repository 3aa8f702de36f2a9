#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use async_openai::types::{ChatCompletionRequestUserMessageArgs, CreateChatCompletionRequestArgs};

pub async fn summarise(
    client: &async_openai::Client<async_openai::config::OpenAIConfig>,
    p: &Patient,
) -> Result<(), Box<dyn std::error::Error>> {
    let request = CreateChatCompletionRequestArgs::default()
        .model("gpt-4o-mini")
        .messages([ChatCompletionRequestUserMessageArgs::default()
            .content(format!("Summarise: {}", p.diagnosis))
            .build()?
            .into()])
        .build()?;
    client.chat().create(request).await?; //~ cloudvisit/phi-stays-in-us
    Ok(())
}
