#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn store(graph: &neo4rs::Graph, p: &Patient) -> Result<(), neo4rs::Error> {
    graph
        .run(neo4rs::query("CREATE (v:Visit {diagnosis: $d})").param("d", p.diagnosis.clone())) //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
        .await
}
