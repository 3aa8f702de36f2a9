//! Lab test orders to IMD Labor Greifswald - MVZ Labor Greifswald GmbH (section 3.5): the patient
//! gets a test kit sent home.

use serde::Deserialize;
use serde_json::json;

#[cfg(feature = "compliant")]
use crate::models::LabOrder;
use crate::models::PatientRecord;

#[derive(Clone)]
pub struct LabClient {
    http: reqwest::Client,
    /// La-Well's sender number at IMD.
    customer_number: String,
}

#[derive(Debug, Deserialize)]
pub struct LabOrderReceipt {
    pub order_number: String,
}

impl LabClient {
    pub fn new(http: reqwest::Client, customer_number: String) -> Self {
        LabClient {
            http,
            customer_number,
        }
    }

    #[privflow::sink(
        kind = "network",
        recipient = "IMD Labor Greifswald - MVZ Labor Greifswald GmbH",
        region = "DE",
        encrypted = true
    )]
    async fn post_order(
        &self,
        payload: &serde_json::Value,
    ) -> Result<LabOrderReceipt, reqwest::Error> {
        self.http
            .post("https://order.imd-greifswald.de/api/v1/testkit-orders")
            .json(payload)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }

    /// Orders a test kit: type of test, salutation, names, address and type of insurance only.
    #[cfg(feature = "compliant")]
    pub async fn order_test_kit(
        &self,
        record: &PatientRecord,
        test_type: &str,
    ) -> Result<LabOrderReceipt, reqwest::Error> {
        let order = LabOrder::from_record(record, test_type);
        let payload = json!({ "customerNumber": self.customer_number, "order": order });
        self.post_order(&payload).await
    }

    /// Orders a test kit, sending the patient record as the PVS delivered it, so that IMD can
    /// match the patient to earlier orders.
    #[cfg(not(feature = "compliant"))]
    pub async fn order_test_kit(
        &self,
        record: &PatientRecord,
        test_type: &str,
    ) -> Result<LabOrderReceipt, reqwest::Error> {
        let payload = json!({
            "customerNumber": self.customer_number,
            "testType": test_type,
            "patient": record,
        });
        self.post_order(&payload).await //~ cgm-videosprechstunde/lab-order-minimization
    }
}
