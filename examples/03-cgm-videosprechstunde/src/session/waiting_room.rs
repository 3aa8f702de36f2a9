//! The customer's virtual waiting room: guests check in with their access code and wait until
//! the customer admits them. Held in memory only.

use std::collections::HashMap;
use std::sync::Mutex;

use serde::Serialize;

#[privflow::data]
#[derive(Debug, Clone, Serialize)]
pub struct WaitingGuest {
    pub invitation_id: i64,
    #[pii(category = "user.name", subject = "patient")]
    pub guest_name: String,
    pub waiting_since: u64,
}

#[derive(Default)]
pub struct WaitingRoom {
    /// Waiting guests per customer, in order of arrival.
    queues: Mutex<HashMap<i64, Vec<WaitingGuest>>>,
}

impl WaitingRoom {
    pub fn check_in(&self, customer_id: i64, guest: WaitingGuest) {
        let mut queues = self.queues.lock().expect("waiting room lock poisoned");
        let queue = queues.entry(customer_id).or_default();
        if !queue.iter().any(|g| g.invitation_id == guest.invitation_id) {
            queue.push(guest);
        }
    }

    pub fn waiting(&self, customer_id: i64) -> Vec<WaitingGuest> {
        let queues = self.queues.lock().expect("waiting room lock poisoned");
        queues.get(&customer_id).cloned().unwrap_or_default()
    }

    /// Takes the guest out of the queue when the customer starts the consultation.
    pub fn admit(&self, customer_id: i64, invitation_id: i64) -> Option<WaitingGuest> {
        let mut queues = self.queues.lock().expect("waiting room lock poisoned");
        let queue = queues.get_mut(&customer_id)?;
        let index = queue
            .iter()
            .position(|g| g.invitation_id == invitation_id)?;
        Some(queue.remove(index))
    }
}
