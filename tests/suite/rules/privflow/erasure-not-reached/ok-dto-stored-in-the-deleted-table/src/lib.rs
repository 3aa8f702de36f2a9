//! A sign-up request is stored as a row of `customers`; deleting the customer's row deletes it.

#[privflow::data]
pub struct SignupRequest {
    #[pii(category = "user.contact.email")]
    pub email: String,
}

pub struct Customer {
    pub id: i64,
}

pub fn sign_up(conn: &rusqlite::Connection, req: &SignupRequest) -> rusqlite::Result<usize> {
    conn.execute("INSERT INTO customers (email) VALUES (?1)", rusqlite::params![req.email])
}

#[privflow::erases(Customer, SignupRequest)]
pub fn erase(conn: &rusqlite::Connection, customer_id: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM customers WHERE id = ?1", rusqlite::params![customer_id])
}
