//! The sign-up DTO is stored as a `User` record (the sink says so with `stores`), and the
//! erasure function deletes `User` records: the DTO needs no erases of its own.

#[privflow::data]
pub struct CreateUserDto {
    #[pii(category = "user.contact.email")]
    pub email: String,
}

pub struct User {
    pub id: u64,
    pub email: String,
}

#[privflow::sink(kind = "storage", stores = "User", region = "DE", encrypted = true)]
pub fn insert_user(_dto: &CreateUserDto) {}

#[privflow::sink(kind = "storage", op = "delete", stores = "User", region = "DE")]
pub fn delete_user_row(_id: u64) {}

pub fn sign_up(dto: &CreateUserDto) {
    insert_user(dto);
}

#[privflow::erases(User)]
pub fn delete_user(u: &User) {
    delete_user_row(u.id);
}
