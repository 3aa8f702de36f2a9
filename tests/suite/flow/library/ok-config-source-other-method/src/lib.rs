// Near miss: another method of the same client returns no contact data.
pub async fn sync(crm: &vendor_crm::Client) {
    let n = crm.count_contacts().await.unwrap();
    log::info!("{} contacts in the CRM", n);
}
