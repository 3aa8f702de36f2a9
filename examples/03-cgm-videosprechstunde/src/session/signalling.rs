//! Signalling: the participants' offers and IP addresses, held in memory for as long as the
//! session runs ("Die IP-Adresse wird nicht persistent gespeichert.", section 3.4).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

use crate::models::JoinRequest;

/// A participant as the other participants' browsers need it to connect.
#[privflow::data]
#[derive(Debug, Clone, Serialize)]
pub struct Peer {
    pub participant_id: String,
    #[pii(category = "user.device.ip_address")]
    pub ip: String,
    #[serde(skip)]
    #[pii(category = "user.device")]
    pub user_agent: String,
    pub offer: String,
}

#[derive(Default)]
struct LiveSession {
    started_at: u64,
    peers: Vec<Peer>,
    participants_seen: u32,
}

/// What is left of a session when it ends: the raw material of the usage statistics.
pub struct SessionSummary {
    pub started_at: u64,
    pub ended_at: u64,
    pub participants: u32,
    pub peers: Vec<Peer>,
}

#[derive(Default)]
pub struct Signalling {
    sessions: Mutex<HashMap<String, LiveSession>>,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

impl Signalling {
    /// Adds the participant and returns the peers already in the session.
    pub fn join(&self, req: JoinRequest) -> Vec<Peer> {
        let mut sessions = self.sessions.lock().expect("signalling lock poisoned");
        let session = sessions
            .entry(req.session_id.clone())
            .or_insert_with(|| LiveSession {
                started_at: now(),
                ..LiveSession::default()
            });
        let others = session.peers.clone();
        session.peers.push(Peer {
            participant_id: req.participant_id,
            ip: req.peer_ip,
            user_agent: req.user_agent,
            offer: req.offer,
        });
        session.participants_seen += 1;
        others
    }

    pub fn leave(&self, session_id: &str, participant_id: &str) {
        if let Some(session) = self
            .sessions
            .lock()
            .expect("signalling lock poisoned")
            .get_mut(session_id)
        {
            session.peers.retain(|p| p.participant_id != participant_id);
        }
    }

    /// Forgets the session (and with it every IP address) and returns its summary.
    pub fn end(&self, session_id: &str) -> Option<SessionSummary> {
        let session = self
            .sessions
            .lock()
            .expect("signalling lock poisoned")
            .remove(session_id)?;
        Some(SessionSummary {
            started_at: session.started_at,
            ended_at: now(),
            participants: session.participants_seen,
            peers: session.peers,
        })
    }
}
