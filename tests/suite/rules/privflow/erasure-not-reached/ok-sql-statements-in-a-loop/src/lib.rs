//! The erasure runs a list of DELETE statements in a loop (the SQL is held in a variable):
//! each statement's table is read from the literals the loop goes over.

pub struct Account {
    pub id: i64,
}
pub struct Draft {
    pub author_id: i64,
}

#[privflow::erases(Account, Draft)]
pub async fn erase_account(pool: &sqlx::PgPool, account_id: i64) -> Result<(), sqlx::Error> {
    for statement in [
        "DELETE FROM drafts WHERE author_id = $1",
        "DELETE FROM accounts WHERE id = $1",
    ] {
        sqlx::query(statement).bind(account_id).execute(pool).await?;
    }
    Ok(())
}
