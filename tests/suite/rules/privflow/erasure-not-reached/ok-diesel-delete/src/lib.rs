//! diesel deletes through its query DSL: `diesel::delete(table.find(id))`, and raw SQL text.

use diesel::prelude::*;

pub struct Post {
    pub id: i32,
}
pub struct Comment {
    pub post_id: i32,
}
pub struct Person {
    pub id: i32,
}

#[privflow::erases(Post, Comment, Person)]
pub fn erase(conn: &mut diesel::PgConnection, post_id: i32, person_id: i32) -> QueryResult<usize> {
    diesel::delete(comment::table.filter(comment::post_id.eq(post_id))).execute(conn)?;
    diesel::delete(post::table.find(post_id)).execute(conn)?;
    diesel::sql_query("DELETE FROM person WHERE id = $1")
        .bind::<diesel::sql_types::Integer, _>(person_id)
        .execute(conn)
}
