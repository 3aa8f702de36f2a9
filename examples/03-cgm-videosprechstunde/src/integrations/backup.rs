//! Nightly backup of the customer data (section 8, "Backup / Datensicherung") to the object
//! storage that CompuGroup Medical SE operates for La-Well (processor table of section 3.1:
//! "Serverhosting und -management").

use crate::models::{Customer, CustomerProfile};

#[derive(Clone)]
pub struct BackupTarget {
    http: reqwest::Client,
    access_key: String,
}

impl BackupTarget {
    pub fn new(http: reqwest::Client, access_key: String) -> Self {
        BackupTarget { http, access_key }
    }
}

/// The backup bucket in CGM SE's data centre in Koblenz.
#[cfg(feature = "compliant")]
impl BackupTarget {
    #[privflow::sink(
        kind = "storage",
        recipient = "CompuGroup Medical SE",
        region = "DE",
        encrypted = true,
        retention_days = 30
    )]
    pub async fn upload_snapshot(
        &self,
        day: &str,
        customers: &[Customer],
        profiles: &[CustomerProfile],
    ) -> Result<(), reqwest::Error> {
        self.http
            .put(format!(
                "https://backup.koblenz.cgm.internal/videosprechstunde/{day}.json"
            ))
            .bearer_auth(&self.access_key)
            .json(&serde_json::json!({ "customers": customers, "profiles": profiles }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}

/// The new backup site of CGM SE in Echt, Netherlands (more space, same operator).
#[cfg(not(feature = "compliant"))]
impl BackupTarget {
    #[privflow::sink(
        kind = "storage",
        recipient = "CompuGroup Medical SE",
        region = "NL",
        encrypted = true,
        retention_days = 30
    )]
    pub async fn upload_snapshot(
        &self,
        day: &str,
        customers: &[Customer],
        profiles: &[CustomerProfile],
    ) -> Result<(), reqwest::Error> {
        self.http
            .put(format!(
                "https://backup.echt.cgm.internal/videosprechstunde/{day}.json"
            ))
            .bearer_auth(&self.access_key)
            .json(&serde_json::json!({ "customers": customers, "profiles": profiles }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
