#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub mod hello_world {
    tonic::include_proto!("helloworld");
}

use hello_world::greeter_client::GreeterClient;
use hello_world::HelloRequest;

pub async fn greet(p: &Patient) -> Result<String, Box<dyn std::error::Error>> {
    let mut client = GreeterClient::connect("http://[::1]:50051").await?;
    let request = tonic::Request::new(HelloRequest { name: p.diagnosis.clone() }); //~ cloudvisit/phi-stays-in-us cloudvisit/encrypt-in-transit
    let response = client.say_hello(request).await?;
    Ok(response.into_inner().message)
}
