//! The sign-up DTO is stored as a `User` (the storage sink says `stores`); deleting the user
//! deletes what the DTO carried.

#[privflow::data]
pub struct CreateUserDto {
    #[pii(category = "user.contact.email")]
    pub email: String,
}

pub struct User {
    pub id: u64,
}

#[privflow::sink(kind = "storage", region = "DE", encrypted = true, stores = "User")]
pub fn insert_user(_dto: &CreateUserDto) {}

#[privflow::sink(kind = "storage", op = "delete", region = "DE", stores = "User")]
pub fn delete_user_row(_id: u64) {}

pub fn sign_up(dto: &CreateUserDto) {
    insert_user(dto);
}

#[privflow::erases(User, CreateUserDto)]
pub fn erase(user_id: u64) {
    delete_user_row(user_id);
}
