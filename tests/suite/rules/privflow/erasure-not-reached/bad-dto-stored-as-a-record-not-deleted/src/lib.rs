//! The sign-up DTO is stored as a `User`, but the erasure deletes only the user's sessions.

#[privflow::data]
pub struct CreateUserDto {
    #[pii(category = "user.contact.email")]
    pub email: String,
}

pub struct User {
    pub id: u64,
}
pub struct Session {
    pub user_id: u64,
}

#[privflow::sink(kind = "storage", region = "DE", encrypted = true, stores = "User")]
pub fn insert_user(_dto: &CreateUserDto) {}

#[privflow::sink(kind = "storage", op = "delete", region = "DE", stores = "Session")]
pub fn delete_sessions(_user_id: u64) {}

pub fn sign_up(dto: &CreateUserDto) {
    insert_user(dto);
}

#[privflow::erases(Session, CreateUserDto)] //~ privflow/erasure-not-reached
pub fn erase(user_id: u64) {
    delete_sessions(user_id);
}
