//! The sign-up DTO is stored as a `User` record, and nothing erases `User`: the finding is at
//! `User`, the type the data is stored as, not at the DTO.

#[privflow::data]
pub struct CreateUserDto {
    #[pii(category = "user.contact.email")]
    pub email: String,
}

pub struct User { //~ zaurus/erasure-supported
    pub id: u64,
    pub email: String,
}

#[privflow::sink(kind = "storage", stores = "User", region = "DE", encrypted = true)]
pub fn insert_user(_dto: &CreateUserDto) {}

pub fn sign_up(dto: &CreateUserDto) {
    insert_user(dto);
}
