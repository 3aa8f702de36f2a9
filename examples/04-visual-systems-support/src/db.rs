//! SQLite storage (rusqlite) on the encrypted volume of our server in the Netherlands.
//!
//! The connection sits behind a mutex; every function locks it for one statement or one small
//! transaction and never across an `.await`.

use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::{params, Connection, OptionalExtension};

use crate::models::{
    Account, Customer, EventRegistration, Invoice, NewsletterSubscriber, Session, Subscription,
    SupportTicket, TicketMessage, TicketStatus,
};

pub type Db = Arc<Mutex<Connection>>;
pub type DbResult<T> = rusqlite::Result<T>;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS customers (id INTEGER PRIMARY KEY, company TEXT, contact_name TEXT,
    email TEXT, phone TEXT, postal_address TEXT, product_news_opt_in INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS subscriptions (id INTEGER PRIMARY KEY, customer_id INTEGER, plan TEXT,
    seats INTEGER, monthly_cents INTEGER, iban TEXT, cancelled_at INTEGER);
CREATE TABLE IF NOT EXISTS invoices (number TEXT PRIMARY KEY, customer_id INTEGER,
    subscription_id INTEGER, period TEXT, amount_cents INTEGER);
CREATE TABLE IF NOT EXISTS accounts (id INTEGER PRIMARY KEY, customer_id INTEGER,
    login_email TEXT UNIQUE, password_hash TEXT);
CREATE TABLE IF NOT EXISTS sessions (token TEXT PRIMARY KEY, account_id INTEGER, expires_at INTEGER);
CREATE TABLE IF NOT EXISTS tickets (id INTEGER PRIMARY KEY, customer_id INTEGER, subject TEXT,
    reporter_name TEXT, reporter_email TEXT, description TEXT, app_version TEXT, platform TEXT,
    status TEXT, closed_at INTEGER);
CREATE TABLE IF NOT EXISTS ticket_messages (id INTEGER PRIMARY KEY, ticket_id INTEGER,
    from_agent INTEGER, body TEXT, created_at INTEGER);
CREATE TABLE IF NOT EXISTS events (code TEXT PRIMARY KEY, title TEXT, date TEXT);
CREATE TABLE IF NOT EXISTS event_registrations (id INTEGER PRIMARY KEY, event_code TEXT,
    name TEXT, email TEXT, company TEXT, event_date TEXT);
CREATE TABLE IF NOT EXISTS newsletter (id INTEGER PRIMARY KEY, email TEXT UNIQUE, token TEXT,
    confirmed_at INTEGER);
";

pub fn open(path: &str) -> DbResult<Db> {
    let conn = Connection::open(path)?;
    conn.execute_batch(SCHEMA)?;
    Ok(Arc::new(Mutex::new(conn)))
}

fn lock(db: &Db) -> MutexGuard<'_, Connection> {
    db.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

// ----------------------------------------------------------------------------- customers

/// Stores a new customer, its subscription and its portal account in one transaction; returns
/// the new customer id.
pub fn insert_signup(
    db: &Db,
    customer: &Customer,
    subscription: &Subscription,
    account: &Account,
) -> DbResult<i64> {
    let mut conn = lock(db);
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO customers (company, contact_name, email, phone, postal_address, \
         product_news_opt_in) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            customer.company,
            customer.contact_name,
            customer.email,
            customer.phone,
            customer.postal_address,
            customer.product_news_opt_in,
        ],
    )?;
    let customer_id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO subscriptions (customer_id, plan, seats, monthly_cents, iban) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            customer_id,
            subscription.plan,
            subscription.seats,
            subscription.monthly_cents,
            subscription.iban,
        ],
    )?;
    tx.execute(
        "INSERT INTO accounts (customer_id, login_email, password_hash) VALUES (?1, ?2, ?3)",
        params![customer_id, account.login_email, account.password_hash],
    )?;
    tx.commit()?;
    Ok(customer_id)
}

fn customer_from_row(row: &rusqlite::Row<'_>) -> DbResult<Customer> {
    Ok(Customer {
        id: row.get("id")?,
        company: row.get("company")?,
        contact_name: row.get("contact_name")?,
        email: row.get("email")?,
        phone: row.get("phone")?,
        postal_address: row.get("postal_address")?,
        product_news_opt_in: row.get("product_news_opt_in")?,
    })
}

pub fn all_customers(db: &Db) -> DbResult<Vec<Customer>> {
    let conn = lock(db);
    let mut stmt = conn.prepare("SELECT * FROM customers WHERE email IS NOT NULL")?;
    let rows = stmt.query_map([], customer_from_row)?;
    rows.collect()
}

/// Active subscriptions with their customer, for the monthly invoice run.
pub fn active_subscriptions(db: &Db) -> DbResult<Vec<(Subscription, Customer)>> {
    let conn = lock(db);
    let mut stmt = conn.prepare(
        "SELECT s.id AS sid, s.customer_id, s.plan, s.seats, s.monthly_cents, s.iban, c.* \
         FROM subscriptions s JOIN customers c ON c.id = s.customer_id \
         WHERE s.cancelled_at IS NULL",
    )?;
    let rows = stmt.query_map([], |row| {
        let subscription = Subscription {
            id: row.get("sid")?,
            customer_id: row.get("customer_id")?,
            plan: row.get("plan")?,
            seats: row.get("seats")?,
            monthly_cents: row.get("monthly_cents")?,
            iban: row.get("iban")?,
        };
        Ok((subscription, customer_from_row(row)?))
    })?;
    rows.collect()
}

pub fn insert_invoice(db: &Db, invoice: &Invoice) -> DbResult<()> {
    lock(db).execute(
        "INSERT INTO invoices (number, customer_id, subscription_id, period, amount_cents) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            invoice.number,
            invoice.customer_id,
            invoice.subscription_id,
            invoice.period,
            invoice.amount_cents,
        ],
    )?;
    Ok(())
}

/// Right to erasure (section 6): deletes a customer's contact data, portal accounts and
/// bank details. Invoices stay for the statutory seven years; they refer to the customer by id.
#[privflow::erases(Customer, Account, Subscription, crate::models::SignupRequest)]
pub fn erase_customer(db: &Db, customer_id: i64) -> DbResult<()> {
    let mut conn = lock(db);
    let tx = conn.transaction()?;
    tx.execute(
        "DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE customer_id = ?1)",
        params![customer_id],
    )?;
    tx.execute(
        "DELETE FROM accounts WHERE customer_id = ?1",
        params![customer_id],
    )?;
    tx.execute(
        "UPDATE subscriptions SET iban = NULL, cancelled_at = ?2 WHERE customer_id = ?1",
        params![customer_id, now()],
    )?;
    tx.execute(
        "UPDATE customers SET contact_name = NULL, email = NULL, phone = NULL, \
         postal_address = NULL WHERE id = ?1",
        params![customer_id],
    )?;
    tx.commit()
}

// ----------------------------------------------------------------------------- sessions

/// The stored password hash of a login e-mail address, with the account and customer ids.
pub fn password_hash_for(db: &Db, login_email: &str) -> DbResult<Option<(i64, String)>> {
    lock(db)
        .query_row(
            "SELECT id, password_hash FROM accounts WHERE login_email = ?1",
            params![login_email],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()
}

pub fn create_session(db: &Db, account_id: i64, token: &str) -> DbResult<()> {
    lock(db).execute(
        "INSERT INTO sessions (token, account_id, expires_at) VALUES (?1, ?2, ?3)",
        params![token, account_id, now() + 8 * 3600],
    )?;
    Ok(())
}

pub fn session_for(db: &Db, token: &str) -> DbResult<Option<Session>> {
    lock(db)
        .query_row(
            "SELECT a.id, a.customer_id, a.login_email FROM sessions s \
             JOIN accounts a ON a.id = s.account_id WHERE s.token = ?1 AND s.expires_at > ?2",
            params![token, now()],
            |row| {
                Ok(Session {
                    account_id: row.get(0)?,
                    customer_id: row.get(1)?,
                    login_email: row.get(2)?,
                })
            },
        )
        .optional()
}

// ----------------------------------------------------------------------------- helpdesk

/// Stores a new ticket; returns its number.
pub fn insert_ticket(db: &Db, ticket: &SupportTicket) -> DbResult<i64> {
    let conn = lock(db);
    conn.execute(
        "INSERT INTO tickets (customer_id, subject, reporter_name, reporter_email, description, \
         app_version, platform, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            ticket.customer_id,
            ticket.subject,
            ticket.reporter_name,
            ticket.reporter_email,
            ticket.description,
            ticket.app_version,
            ticket.platform,
            ticket.status.as_str(),
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn add_message(db: &Db, message: &TicketMessage) -> DbResult<()> {
    lock(db).execute(
        "INSERT INTO ticket_messages (ticket_id, from_agent, body, created_at) \
         VALUES (?1, ?2, ?3, ?4)",
        params![message.ticket_id, message.from_agent, message.body, now()],
    )?;
    Ok(())
}

fn status_from(s: &str) -> TicketStatus {
    match s {
        "waiting_for_customer" => TicketStatus::WaitingForCustomer,
        "closed" => TicketStatus::Closed,
        _ => TicketStatus::Open,
    }
}

fn ticket_from_row(row: &rusqlite::Row<'_>) -> DbResult<SupportTicket> {
    Ok(SupportTicket {
        id: row.get("id")?,
        customer_id: row.get("customer_id")?,
        subject: row.get("subject")?,
        reporter_name: row.get("reporter_name")?,
        reporter_email: row.get("reporter_email")?,
        description: row.get("description")?,
        app_version: row.get("app_version")?,
        platform: row.get("platform")?,
        status: status_from(&row.get::<_, String>("status")?),
    })
}

pub fn ticket(db: &Db, id: i64) -> DbResult<Option<SupportTicket>> {
    lock(db)
        .query_row(
            "SELECT * FROM tickets WHERE id = ?1",
            params![id],
            ticket_from_row,
        )
        .optional()
}

pub fn set_ticket_status(db: &Db, id: i64, status: TicketStatus) -> DbResult<()> {
    let closed_at = (status == TicketStatus::Closed).then(now);
    lock(db).execute(
        "UPDATE tickets SET status = ?2, closed_at = ?3 WHERE id = ?1",
        params![id, status.as_str(), closed_at],
    )?;
    Ok(())
}

/// Tickets closed since the given time, with their conversation.
pub fn closed_tickets_since(
    db: &Db,
    since: i64,
) -> DbResult<Vec<(SupportTicket, Vec<TicketMessage>)>> {
    let conn = lock(db);
    let mut stmt =
        conn.prepare("SELECT * FROM tickets WHERE status = 'closed' AND closed_at >= ?1")?;
    let tickets = stmt
        .query_map(params![since], ticket_from_row)?
        .collect::<DbResult<Vec<_>>>()?;
    let mut messages = conn.prepare(
        "SELECT ticket_id, from_agent, body FROM ticket_messages WHERE ticket_id = ?1 ORDER BY id",
    )?;
    let mut out = Vec::with_capacity(tickets.len());
    for ticket in tickets {
        let conversation = messages
            .query_map(params![ticket.id], |row| {
                Ok(TicketMessage {
                    ticket_id: row.get(0)?,
                    from_agent: row.get(1)?,
                    body: row.get(2)?,
                })
            })?
            .collect::<DbResult<Vec<_>>>()?;
        out.push((ticket, conversation));
    }
    Ok(out)
}

/// Deletes tickets closed more than two years ago, and "their conversations go with them": the
/// careless version counts on `ON DELETE CASCADE`, which the `ticket_messages` migration never
/// declared (SQLite also enforces foreign keys only with `PRAGMA foreign_keys = ON`). The messages
/// of old tickets, with names, addresses and whatever customers wrote, stay forever.
#[cfg(not(feature = "compliant"))]
#[privflow::erases(SupportTicket, TicketMessage)] //~ privflow/erasure-not-reached
pub fn purge_old_tickets(db: &Db) -> DbResult<usize> {
    let cutoff = now() - 2 * 365 * 24 * 3600;
    lock(db).execute(
        "DELETE FROM tickets WHERE status = 'closed' AND closed_at < ?1",
        params![cutoff],
    )
}

/// Deletes tickets closed more than two years ago, with their conversations: by then they are
/// "verouderde persoonsgegevens" (section 6).
#[cfg(feature = "compliant")]
#[privflow::erases(SupportTicket, TicketMessage)]
pub fn purge_old_tickets(db: &Db) -> DbResult<usize> {
    let cutoff = now() - 2 * 365 * 24 * 3600;
    let conn = lock(db);
    conn.execute(
        "DELETE FROM ticket_messages WHERE ticket_id IN \
         (SELECT id FROM tickets WHERE status = 'closed' AND closed_at < ?1)",
        params![cutoff],
    )?;
    conn.execute(
        "DELETE FROM tickets WHERE status = 'closed' AND closed_at < ?1",
        params![cutoff],
    )
}

// ----------------------------------------------------------------------------- events

pub fn insert_registration(db: &Db, registration: &EventRegistration) -> DbResult<i64> {
    let conn = lock(db);
    conn.execute(
        "INSERT INTO event_registrations (event_code, name, email, company, event_date) \
         VALUES (?1, ?2, ?3, ?4, (SELECT date FROM events WHERE code = ?1))",
        params![
            registration.event_code,
            registration.name,
            registration.email,
            registration.company,
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Deletes registrations of trainings and events that took place more than 30 days ago.
#[cfg(feature = "compliant")]
#[privflow::erases(EventRegistration)]
pub fn purge_past_registrations(db: &Db) -> DbResult<usize> {
    lock(db).execute(
        "DELETE FROM event_registrations WHERE event_date < date('now', '-30 days')",
        [],
    )
}

// ----------------------------------------------------------------------------- newsletter

pub fn insert_subscriber(db: &Db, subscriber: &NewsletterSubscriber) -> DbResult<()> {
    lock(db).execute(
        "INSERT INTO newsletter (email, token) VALUES (?1, ?2) \
         ON CONFLICT (email) DO UPDATE SET token = ?2",
        params![subscriber.email, subscriber.token],
    )?;
    Ok(())
}

pub fn confirm_subscriber(db: &Db, token: &str) -> DbResult<bool> {
    let changed = lock(db).execute(
        "UPDATE newsletter SET confirmed_at = ?2 WHERE token = ?1 AND confirmed_at IS NULL",
        params![token, now()],
    )?;
    Ok(changed == 1)
}

pub fn newsletter_subscribers(db: &Db) -> DbResult<Vec<NewsletterSubscriber>> {
    let conn = lock(db);
    let mut stmt = conn.prepare("SELECT id, email, token, confirmed_at FROM newsletter")?;
    let rows = stmt.query_map([], |row| {
        Ok(NewsletterSubscriber {
            id: row.get(0)?,
            email: row.get(1)?,
            token: row.get(2)?,
            confirmed_at: row.get(3)?,
        })
    })?;
    rows.collect()
}

/// The unsubscribe link deletes the address.
#[privflow::erases(NewsletterSubscriber, crate::models::NewsletterSignup)]
pub fn unsubscribe(db: &Db, token: &str) -> DbResult<bool> {
    let changed = lock(db).execute("DELETE FROM newsletter WHERE token = ?1", params![token])?;
    Ok(changed == 1)
}
