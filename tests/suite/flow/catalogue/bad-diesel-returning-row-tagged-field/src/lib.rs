//! The row diesel's `get_result` returns holds the tagged fields its type declares: logging its
//! `body` logs the post, as logging the form's would.
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
        tracing::info!("created post {:?}", post.body); //~ baseline/pii-to-log
    }
    tracing::info!("from {:?}", form.body); //~ baseline/pii-to-log
}
