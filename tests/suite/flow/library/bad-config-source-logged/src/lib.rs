pub async fn sync(crm: &vendor_crm::Client, id: u64) {
    let contact = crm.fetch_contact(id).await.unwrap();
    log::info!("fetched {:?}", contact); //~ baseline/pii-to-log
}

// Called by its path, the receiver as first argument.
pub async fn sync_by_path(crm: &vendor_crm::Client, id: u64) {
    let contact = vendor_crm::Client::fetch_contact(crm, id).await;
    println!("{contact:?}"); //~ baseline/pii-to-log
}
