#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

pub async fn sync_contact(crm: &vendor_crm::Client, u: &User) {
    crm.contacts().upsert(&u.email).await; //~ visus/no-non-eu-transfer
    crm.contacts().list().await;
    crm.forget(&u.email).await; //~ visus/no-non-eu-transfer
}
