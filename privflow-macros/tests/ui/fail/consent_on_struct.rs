use privflow_macros as privflow;

#[privflow::consent(purpose = "marketing")]
struct MarketingConsent {
    given: bool,
}

#[privflow::consent(purpose = "analytics")]
const ANALYTICS: bool = true;

fn main() {}
