//! Consents of customers (section 3.1: product surveys and marketing only with consent;
//! section 9: a consent can be withdrawn at any time with effect for the future).

use sqlx::Row;

use crate::db::Store;
use crate::models::Customer;

#[derive(Clone)]
pub struct ConsentService {
    store: Store,
}

impl ConsentService {
    pub fn new(store: Store) -> Self {
        ConsentService { store }
    }

    /// True when the customer opted in to product surveys and marketing and has not withdrawn
    /// the consent since. A failed lookup counts as "no consent".
    #[privflow::consent(purpose = "marketing")]
    pub async fn allows_marketing(&self, customer: &Customer) -> bool {
        if !customer.marketing_opt_in {
            return false;
        }
        let withdrawn = sqlx::query(
            "SELECT EXISTS (SELECT 1 FROM consent_withdrawals \
             WHERE customer_id = $1 AND purpose = 'marketing') AS withdrawn",
        )
        .bind(customer.id)
        .fetch_one(self.store.pool())
        .await
        .map(|row| row.get::<bool, _>("withdrawn"))
        .unwrap_or(true);
        !withdrawn
    }

    /// Records a withdrawal (section 9).
    pub async fn withdraw_marketing(&self, customer_id: i64) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO consent_withdrawals (customer_id, purpose, withdrawn_at) \
             VALUES ($1, 'marketing', now())",
        )
        .bind(customer_id)
        .execute(self.store.pool())
        .await?;
        Ok(())
    }
}
