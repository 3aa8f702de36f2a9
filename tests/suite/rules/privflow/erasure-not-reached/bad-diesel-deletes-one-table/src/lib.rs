//! The diesel erasure deletes the post but not its comments.

use diesel::prelude::*;

pub struct Post {
    pub id: i32,
}
pub struct Comment {
    pub post_id: i32,
}

#[privflow::erases(Post, Comment)] //~ privflow/erasure-not-reached
pub fn erase(conn: &mut diesel::PgConnection, post_id: i32) -> QueryResult<usize> {
    diesel::delete(post::table.find(post_id)).execute(conn)
}
