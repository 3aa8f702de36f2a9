//! Lemmy's account deletion: the person's row stays (posts refer to it), its personal columns
//! are set to `None` (`diesel::update(..).set(col.eq(None))`): an erasure in place.

use diesel::prelude::*;

pub struct Person {
    pub id: i32,
}
pub struct LocalUser {
    pub id: i32,
}

#[privflow::erases(Person, LocalUser)]
pub async fn delete_account(conn: &mut diesel_async::AsyncPgConnection, person_id: i32, local_user_id: i32) -> QueryResult<Person> {
    diesel::update(local_user::table.find(local_user_id))
        .set(local_user::email.eq::<Option<String>>(None))
        .execute(conn)
        .await?;
    diesel::update(person::table.find(person_id))
        .set((
            person::display_name.eq::<Option<String>>(None),
            person::bio.eq::<Option<String>>(None),
            person::deleted.eq(true),
        ))
        .get_result::<Person>(conn)
        .await
}
