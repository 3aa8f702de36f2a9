//! Google Analytics for www.zaurus.nl, set up as the Dutch DPA's "Manual – Privacy-friendly
//! set-up of Google Analytics" asks: processing agreement with Google, data sharing off, IP
//! addresses anonymised. The website beacon posts to our own endpoint, which forwards the hit
//! with the Measurement Protocol.

use crate::models::PageView;

const COLLECT_URL: &str = "https://www.google-analytics.com/collect";

/// One Measurement Protocol hit.
#[privflow::sink(kind = "analytics", recipient = "Google", purpose = "analytics")]
async fn collect(http: &reqwest::Client, params: &[(&str, String)]) -> Result<(), reqwest::Error> {
    http.post(COLLECT_URL)
        .form(params)
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

/// Forwards a page view to Google Analytics.
pub async fn forward_page_view(
    http: &reqwest::Client,
    tracking_id: &str,
    hit: &PageView,
) -> Result<(), reqwest::Error> {
    let params = measurement_params(tracking_id, hit);
    collect(http, &params).await //~ zaurus/analytics-ip-anonymized
}

/// The hit's parameters. Since the site moved behind our load balancer, Google only saw the
/// balancer's address, so the visitor's address is now passed on in `uip` for the geo reports,
/// and `aip` was dropped along the way.
#[cfg(not(feature = "compliant"))]
fn measurement_params(tracking_id: &str, hit: &PageView) -> Vec<(&'static str, String)> {
    vec![
        ("v", "1".to_string()),
        ("tid", tracking_id.to_string()),
        ("t", "pageview".to_string()),
        ("cid", hit.client_id.clone()),
        ("dp", hit.path.clone()),
        ("dt", hit.title.clone()),
        ("uip", hit.ip.clone()),
    ]
}

/// The hit's parameters: the visitor's address only with its host part removed, and `aip` set so
/// that Google anonymises it as well.
#[cfg(feature = "compliant")]
fn measurement_params(tracking_id: &str, hit: &PageView) -> Vec<(&'static str, String)> {
    vec![
        ("v", "1".to_string()),
        ("tid", tracking_id.to_string()),
        ("t", "pageview".to_string()),
        ("cid", hit.client_id.clone()),
        ("dp", hit.path.clone()),
        ("dt", hit.title.clone()),
        ("uip", crate::privacy::anonymize_ip(&hit.ip)),
        ("aip", "1".to_string()),
    ]
}
