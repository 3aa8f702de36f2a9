#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn index(writer: &mut tantivy::IndexWriter, schema: &tantivy::schema::Schema, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let doc = tantivy::TantivyDocument::parse_json(schema, &serde_json::to_string(p)?)?;
    writer.add_document(doc)?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
