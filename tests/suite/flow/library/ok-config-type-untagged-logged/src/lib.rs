use actix_identity::Identity;
use actix_web::HttpRequest;

// Near miss: the identity is used, only the request (an untagged library type) is logged.
pub async fn profile(user: Identity, req: HttpRequest) -> String {
    log::info!("profile requested at {}", req.path());
    if user.id().is_ok() {
        return String::from("ok");
    }
    String::from("anonymous")
}
