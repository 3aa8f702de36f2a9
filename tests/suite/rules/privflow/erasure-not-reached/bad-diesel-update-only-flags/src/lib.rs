//! The "deletion" only sets a flag: every personal column stays.

use diesel::prelude::*;

pub struct Person {
    pub id: i32,
}

#[privflow::erases(Person)] //~ privflow/erasure-not-reached
pub async fn delete_account(conn: &mut diesel_async::AsyncPgConnection, person_id: i32) -> QueryResult<usize> {
    diesel::update(person::table.find(person_id))
        .set(person::deleted.eq(true))
        .execute(conn)
        .await
}
