//! Registration and contract handling (section 3.1): the CRM hosted by FastBill GmbH and the
//! central customer administration of CompuGroup Medical SE in Koblenz.

use serde_json::json;

use crate::models::Customer;

#[derive(Clone)]
pub struct Crm {
    http: reqwest::Client,
    fastbill_api_key: String,
}

impl Crm {
    pub fn new(http: reqwest::Client, fastbill_api_key: String) -> Self {
        Crm {
            http,
            fastbill_api_key,
        }
    }

    /// Creates the customer in the CRM (support requests, registrations, contracts).
    #[privflow::sink(
        kind = "network",
        recipient = "FastBill GmbH",
        region = "DE",
        encrypted = true
    )]
    pub async fn create_crm_contact(
        &self,
        customer_id: i64,
        c: &Customer,
    ) -> Result<(), reqwest::Error> {
        self.http
            .post("https://my.fastbill.com/api/1.0/api.php")
            .basic_auth("crm@la-well.de", Some(&self.fastbill_api_key))
            .json(&json!({
                "SERVICE": "customer.create",
                "DATA": {
                    "CUSTOMER_NUMBER": customer_id,
                    "FIRST_NAME": c.first_name,
                    "LAST_NAME": c.last_name,
                    "ADDRESS": c.address,
                    "EMAIL": c.email,
                    "COUNTRY_CODE": c.country,
                }
            }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    /// Reports the registration to the central customer administration of CGM SE.
    #[privflow::sink(
        kind = "network",
        recipient = "zentrale Kundenverwaltung der CompuGroup Medical SE",
        region = "DE",
        encrypted = true
    )]
    pub async fn report_registration(
        &self,
        customer_id: i64,
        c: &Customer,
    ) -> Result<(), reqwest::Error> {
        self.http
            .post("https://kundenverwaltung.cgm.com/api/v1/registrations")
            .json(&json!({
                "product": "CGM Videosprechstunde",
                "customer_number": customer_id,
                "login": c.login_name,
                "name": format!("{} {}", c.first_name, c.last_name),
                "address": c.address,
                "email": c.email,
                "lanr": c.lanr,
                "country": c.country,
            }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
