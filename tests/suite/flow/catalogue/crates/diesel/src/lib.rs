#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

#[derive(diesel::Insertable)]
#[diesel(table_name = visits)]
pub struct NewVisit<'a> {
    pub diagnosis: &'a str,
}

pub fn store(conn: &mut diesel::PgConnection, p: &Patient) -> diesel::QueryResult<usize> {
    let row = NewVisit { diagnosis: &p.diagnosis };
    diesel::insert_into(visits::table)
        .values(&row)
        .execute(conn) //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
}
