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

use hello_world::greeter_server::Greeter;
use hello_world::{HelloReply, HelloRequest};
use tonic::{Request, Response, Status};

pub struct PatientGreeter {
    pub patients: Vec<Patient>,
}

#[tonic::async_trait]
impl Greeter for PatientGreeter {
    async fn say_hello(&self, request: Request<HelloRequest>) -> Result<Response<HelloReply>, Status> {
        let id = request.into_inner().name;
        let p = self
            .patients
            .iter()
            .find(|p| p.id == id)
            .ok_or_else(|| Status::not_found("no such patient"))?;
        Ok(Response::new(HelloReply { message: p.diagnosis.clone() })) //~ suite-responses/phi-in-response
    }
}
