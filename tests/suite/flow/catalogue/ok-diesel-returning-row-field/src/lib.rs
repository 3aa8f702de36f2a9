//! `INSERT .. RETURNING` through diesel's `get_result` gives back the row as the database stored
//! it, typed by the caller: its untagged `url` is not the form's tagged `body`, so logging it is
//! fine (Lemmy's `Post::insert_apub`, then a log of `post.url`).
#[privflow::data]
pub struct PostForm {
    pub url: Option<String>,
    #[pii(category = "user.content")]
    pub body: Option<String>,
}

#[privflow::data]
pub struct Post {
    pub id: i32,
    pub url: Option<String>,
    #[pii(category = "user.content")]
    pub body: Option<String>,
}

pub fn insert(conn: &mut diesel::PgConnection, form: &PostForm) -> diesel::QueryResult<Post> {
    diesel::insert_into(post::table).values(form).get_result(conn)
}

pub fn create(conn: &mut diesel::PgConnection, form: PostForm) {
    if let Ok(post) = insert(conn, &form) {
        tracing::info!("created post {} at {:?}", post.id, post.url);
    }
}
