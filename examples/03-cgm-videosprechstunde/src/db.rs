//! The Postgres database on the servers of La-Well Systems GmbH and CGM SE in Germany
//! (section 3.2). The package's default region is "DE"; see Cargo.toml.

use sqlx::postgres::{PgPool, PgRow};
use sqlx::Row;

use crate::error::AppResult;
use crate::models::{Appointment, Customer, CustomerProfile, GuestInvitation, LoginAttempt};

#[derive(Clone)]
pub struct Store {
    pool: PgPool,
}

fn customer_from_row(row: &PgRow) -> Customer {
    Customer {
        id: row.get("id"),
        login_name: row.get("login_name"),
        first_name: row.get("first_name"),
        last_name: row.get("last_name"),
        gender: row.get("gender"),
        address: row.get("address"),
        email: row.get("email"),
        lanr: row.get("lanr"),
        iban: row.get("iban"),
        marketing_opt_in: row.get("marketing_opt_in"),
        country: row.get("country"),
    }
}

fn profile_from_row(row: &PgRow) -> CustomerProfile {
    CustomerProfile {
        customer_id: row.get("customer_id"),
        display_name: row.get("display_name"),
        birth_date: row.get("birth_date"),
        phone: row.get("phone"),
        mobile: row.get("mobile"),
        practice_name: row.get("practice_name"),
        practice_address: row.get("practice_address"),
        practice_website: row.get("practice_website"),
        specialty: row.get("specialty"),
        visible_in_search: row.get("visible_in_search"),
    }
}

impl Store {
    pub fn new(pool: PgPool) -> Self {
        Store { pool }
    }

    // ------------------------------------------------------------------ customers (3.1, 3.2)

    /// Draws the next id of a table (ids are handed out before the row is written, so that the
    /// CRM and the customer administration get the same customer number).
    async fn next_id(&self, sequence: &str) -> AppResult<i64> {
        let row = sqlx::query("SELECT nextval($1::regclass) AS id")
            .bind(sequence)
            .fetch_one(&self.pool)
            .await?;
        Ok(row.get("id"))
    }

    pub async fn insert_customer(&self, c: &Customer) -> AppResult<i64> {
        let id = self.next_id("customers_id_seq").await?;
        sqlx::query(
            "INSERT INTO customers (id, login_name, first_name, last_name, gender, address, \
             email, lanr, iban, marketing_opt_in, country) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(id)
        .bind(&c.login_name)
        .bind(&c.first_name)
        .bind(&c.last_name)
        .bind(&c.gender)
        .bind(&c.address)
        .bind(&c.email)
        .bind(&c.lanr)
        .bind(&c.iban)
        .bind(c.marketing_opt_in)
        .bind(&c.country)
        .execute(&self.pool)
        .await?;
        Ok(id)
    }

    pub async fn load_customer(&self, id: i64) -> AppResult<Customer> {
        let row = sqlx::query("SELECT * FROM customers WHERE id = $1")
            .bind(id)
            .fetch_one(&self.pool)
            .await?;
        Ok(customer_from_row(&row))
    }

    pub async fn all_customers(&self) -> AppResult<Vec<Customer>> {
        let rows = sqlx::query("SELECT * FROM customers WHERE terminated_at IS NULL")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .map(|row| customer_from_row(&row))
            .collect())
    }

    pub async fn save_profile(&self, customer_id: i64, p: &CustomerProfile) -> AppResult<()> {
        sqlx::query(
            "INSERT INTO profiles (customer_id, display_name, birth_date, phone, mobile, \
             practice_name, practice_address, practice_website, specialty, visible_in_search) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
             ON CONFLICT (customer_id) DO UPDATE SET display_name = EXCLUDED.display_name, \
             birth_date = EXCLUDED.birth_date, phone = EXCLUDED.phone, mobile = EXCLUDED.mobile, \
             practice_name = EXCLUDED.practice_name, practice_address = EXCLUDED.practice_address, \
             practice_website = EXCLUDED.practice_website, specialty = EXCLUDED.specialty, \
             visible_in_search = EXCLUDED.visible_in_search",
        )
        .bind(customer_id)
        .bind(&p.display_name)
        .bind(&p.birth_date)
        .bind(&p.phone)
        .bind(&p.mobile)
        .bind(&p.practice_name)
        .bind(&p.practice_address)
        .bind(&p.practice_website)
        .bind(&p.specialty)
        .bind(p.visible_in_search)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn load_profile(&self, customer_id: i64) -> AppResult<CustomerProfile> {
        let row = sqlx::query("SELECT * FROM profiles WHERE customer_id = $1")
            .bind(customer_id)
            .fetch_one(&self.pool)
            .await?;
        Ok(profile_from_row(&row))
    }

    /// Profiles in the contact search: only customers who opted in (privacy by default, section 8).
    pub async fn search_profiles(&self, query: &str) -> AppResult<Vec<CustomerProfile>> {
        let rows = sqlx::query(
            "SELECT * FROM profiles WHERE visible_in_search \
             AND (display_name ILIKE $1 OR practice_name ILIKE $1 OR specialty ILIKE $1) \
             ORDER BY display_name LIMIT 50",
        )
        .bind(format!("%{query}%"))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|row| profile_from_row(&row)).collect())
    }

    pub async fn all_profiles(&self) -> AppResult<Vec<CustomerProfile>> {
        let rows = sqlx::query("SELECT * FROM profiles")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|row| profile_from_row(&row)).collect())
    }

    // ------------------------------------------------------------------ patients/guests (3.6)

    /// Name and access code are kept until the customer deletes them in the account.
    #[cfg(feature = "compliant")]
    pub async fn insert_invitation(
        &self,
        customer_id: i64,
        inv: &GuestInvitation,
    ) -> AppResult<i64> {
        let id = self.next_id("invitations_id_seq").await?;
        sqlx::query(
            "INSERT INTO invitations (id, customer_id, guest_name, access_code) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(customer_id)
        .bind(&inv.guest_name)
        .bind(&inv.access_code)
        .execute(&self.pool)
        .await?;
        Ok(id)
    }

    /// Keeps the guest's e-mail address too, so that the practice can resend the code.
    #[cfg(not(feature = "compliant"))]
    pub async fn insert_invitation(
        &self,
        customer_id: i64,
        inv: &GuestInvitation,
    ) -> AppResult<i64> {
        let id = self.next_id("invitations_id_seq").await?;
        sqlx::query(
            "INSERT INTO invitations (id, customer_id, guest_name, access_code, guest_email) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(customer_id)
        .bind(&inv.guest_name)
        .bind(&inv.access_code)
        .bind(&inv.guest_email)
        .execute(&self.pool) //~ cgm-videosprechstunde/patient-email-not-persisted
        .await?;
        Ok(id)
    }

    pub async fn delete_invitation(&self, customer_id: i64, invitation_id: i64) -> AppResult<()> {
        sqlx::query("DELETE FROM invitations WHERE id = $1 AND customer_id = $2")
            .bind(invitation_id)
            .bind(customer_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The invitation an access code belongs to: (invitation id, customer id, guest name).
    pub async fn find_invitation(&self, access_code: &str) -> AppResult<(i64, i64, String)> {
        let row = sqlx::query(
            "SELECT id, customer_id, guest_name FROM invitations WHERE access_code = $1",
        )
        .bind(access_code)
        .fetch_one(&self.pool)
        .await?;
        Ok((row.get("id"), row.get("customer_id"), row.get("guest_name")))
    }

    pub async fn insert_appointment(&self, customer_id: i64, a: &Appointment) -> AppResult<i64> {
        let id = self.next_id("appointments_id_seq").await?;
        sqlx::query(
            "INSERT INTO appointments (id, customer_id, guest_name, starts_at, duration_minutes) \
             VALUES ($1, $2, $3, $4::timestamptz, $5)",
        )
        .bind(id)
        .bind(customer_id)
        .bind(&a.guest_name)
        .bind(&a.starts_at)
        .bind(a.duration_minutes)
        .execute(&self.pool)
        .await?;
        Ok(id)
    }

    // ------------------------------------------------------------------ logins (3.3)

    /// Date and time of the login, shown in the customer's profile so that misuse of the account
    /// is noticed (section 3.3).
    #[cfg(feature = "compliant")]
    pub async fn record_login(&self, customer_id: i64, _attempt: &LoginAttempt) -> AppResult<()> {
        sqlx::query("INSERT INTO login_history (customer_id, logged_in_at) VALUES ($1, now())")
            .bind(customer_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Also keeps the client's IP address, for the support team's abuse investigations.
    #[cfg(not(feature = "compliant"))]
    pub async fn record_login(&self, customer_id: i64, attempt: &LoginAttempt) -> AppResult<()> {
        sqlx::query(
            "INSERT INTO login_history (customer_id, logged_in_at, client_ip) \
             VALUES ($1, now(), $2::inet)",
        )
        .bind(customer_id)
        .bind(&attempt.client_ip)
        .execute(&self.pool) //~ cgm-videosprechstunde/ip-not-persisted
        .await?;
        Ok(())
    }

    pub async fn customer_id_for_login(&self, login_name: &str) -> AppResult<i64> {
        let row = sqlx::query("SELECT id FROM customers WHERE login_name = $1")
            .bind(login_name)
            .fetch_one(&self.pool)
            .await?;
        Ok(row.get("id"))
    }

    /// Checks the password against its bcrypt hash (pgcrypto).
    pub async fn verify_password(&self, customer_id: i64, password: &str) -> AppResult<bool> {
        let row = sqlx::query(
            "SELECT password_hash = crypt($2, password_hash) AS ok FROM customers WHERE id = $1",
        )
        .bind(customer_id)
        .bind(password)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.get("ok"))
    }

    /// Opens an API session and returns its bearer token (only its hash is kept).
    pub async fn create_auth_session(&self, customer_id: i64) -> AppResult<String> {
        let row = sqlx::query(
            "WITH t AS (SELECT encode(gen_random_bytes(32), 'hex') AS token) \
             INSERT INTO auth_sessions (token_hash, customer_id, expires_at) \
             SELECT digest(token, 'sha256'), $1, now() + interval '12 hours' FROM t \
             RETURNING (SELECT token FROM t) AS token",
        )
        .bind(customer_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.get("token"))
    }

    pub async fn customer_for_token(&self, token: &str) -> AppResult<i64> {
        let row = sqlx::query(
            "SELECT customer_id FROM auth_sessions \
             WHERE token_hash = digest($1, 'sha256') AND expires_at > now()",
        )
        .bind(token)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.get("customer_id"))
    }

    /// Keeps IMD's order number for the practice's overview; the order itself is at the lab.
    pub async fn insert_lab_order_ref(
        &self,
        customer_id: i64,
        order_number: &str,
    ) -> AppResult<()> {
        sqlx::query(
            "INSERT INTO lab_orders (customer_id, order_number, ordered_at) VALUES ($1, $2, now())",
        )
        .bind(customer_id)
        .bind(order_number)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    // ------------------------------------------------------------------ contract end (3, 9)

    /// Deletes every record of a customer after the contract ends: contract data, profile, the
    /// guests' names and access codes, appointments and the login history (section 3: "sämtliche
    /// Vertragsdaten, sämtliche Protokolldaten und sämtliche Daten zum technischen Betrieb").
    #[cfg(feature = "compliant")]
    #[privflow::erases(Customer, CustomerProfile, GuestInvitation, Appointment, LoginAttempt)]
    pub async fn purge_customer(&self, customer_id: i64) -> AppResult<()> {
        let mut tx = self.pool.begin().await?;
        for table in [
            "invitations",
            "appointments",
            "lab_orders",
            "login_history",
            "auth_sessions",
            "profiles",
        ] {
            sqlx::query(&format!("DELETE FROM {table} WHERE customer_id = $1"))
                .bind(customer_id)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("DELETE FROM customers WHERE id = $1")
            .bind(customer_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Deletes every record of a customer after the contract ends (written before the calendar
    /// feature, and not extended when `appointments` was added).
    #[cfg(not(feature = "compliant"))]
    #[privflow::erases(Customer, CustomerProfile, GuestInvitation, LoginAttempt)]
    pub async fn purge_customer(&self, customer_id: i64) -> AppResult<()> {
        let mut tx = self.pool.begin().await?;
        for table in [
            "invitations",
            "lab_orders",
            "login_history",
            "auth_sessions",
            "profiles",
        ] {
            sqlx::query(&format!("DELETE FROM {table} WHERE customer_id = $1"))
                .bind(customer_id)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("DELETE FROM customers WHERE id = $1")
            .bind(customer_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }
}
