//! Where personal data enters from the network edge, and how it is de-identified before it
//! reaches anything that does not need it in full.

use axum::http::HeaderMap;

/// The visitor's IP address, as set by the load balancer in `X-Forwarded-For`.
#[privflow::source(pii, category = "user.device.ip_address")]
pub fn client_ip(headers: &HeaderMap) -> String {
    headers
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .map(|v| v.trim().to_string())
        .unwrap_or_default()
}

/// Anonymises an IP address the way Google Analytics' `aip` does: the last octet of an IPv4
/// address and the last 80 bits of an IPv6 address are set to zero.
#[cfg_attr(not(feature = "compliant"), allow(dead_code))]
#[privflow::sanitizer(anonymize)]
pub fn anonymize_ip(ip: &str) -> String {
    match ip.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(v4)) => {
            let [a, b, c, _] = v4.octets();
            std::net::Ipv4Addr::new(a, b, c, 0).to_string()
        }
        Ok(std::net::IpAddr::V6(v6)) => {
            let mut segments = v6.segments();
            for segment in segments.iter_mut().skip(3) {
                *segment = 0;
            }
            std::net::Ipv6Addr::from(segments).to_string()
        }
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::anonymize_ip;

    #[test]
    fn drops_the_host_part() {
        assert_eq!(anonymize_ip("84.241.12.77"), "84.241.12.0");
        assert_eq!(anonymize_ip("2a02:a45e:1:2:3:4:5:6"), "2a02:a45e:1::");
        assert_eq!(anonymize_ip("not an address"), "");
    }
}
