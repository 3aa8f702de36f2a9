//! The provider console: what clinicians of a practice see in the browser. Patients' names and
//! reasons for visit are shown to the treating provider only (the route is behind the
//! practice's provider login).

use axum::response::Html;

use crate::models::{Patient, Visit};

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Renders today's waiting room for the provider.
#[privflow::sink(kind = "display")]
pub fn render_waiting_room(entries: &[(Patient, Visit)]) -> Html<String> {
    let mut rows = String::new();
    for (patient, visit) in entries {
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td><a href=\"/provider/visits/{}/start\">Start</a></td></tr>",
            escape(&visit.scheduled_at),
            escape(&patient.full_name),
            escape(&visit.reason_for_visit),
            visit.id
        ));
    }
    Html(format!(
        "<table class=\"waiting-room\"><tr><th>Time</th><th>Patient</th><th>Reason</th><th></th></tr>{rows}</table>"
    ))
}
