//! The video consultation itself (section 3.4): the waiting room, the server brokers the peer-to-peer connection,
//! relays chat messages when no direct data channel can be set up, and keeps whiteboard files for
//! the duration of the session.

pub mod chat;
pub mod signalling;
pub mod waiting_room;
pub mod whiteboard;
