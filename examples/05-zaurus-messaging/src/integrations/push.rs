//! Mobile push notifications. The push relay (our own service in the cluster) holds the APNs and
//! FCM credentials and forwards each notification to the device.

use crate::models::PushNotification;

/// Hands one notification to the push relay.
///
/// The relay moved into the cluster, so this was pointed at its plain-HTTP service port: "it
/// never leaves the VPC". The notification carries the sender's name and the device token.
#[cfg(not(feature = "compliant"))]
#[privflow::sink(
    kind = "network",
    region = "eu-central-1",
    purpose = "essential.service.notifications"
)]
pub async fn send_to_relay(
    http: &reqwest::Client,
    notification: &PushNotification,
) -> Result<(), reqwest::Error> {
    http.post("http://push-relay.messaging.svc.cluster.local:8080/v1/notify")
        .json(notification)
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

/// Hands one notification to the push relay over TLS.
#[cfg(feature = "compliant")]
#[privflow::sink(
    kind = "network",
    region = "eu-central-1",
    encrypted = true,
    purpose = "essential.service.notifications"
)]
pub async fn send_to_relay(
    http: &reqwest::Client,
    notification: &PushNotification,
) -> Result<(), reqwest::Error> {
    http.post("https://push-relay.messaging.svc.cluster.local:8443/v1/notify")
        .json(notification)
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
