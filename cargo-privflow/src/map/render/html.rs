//! The data map as one self-contained HTML page. (Written by the HTML task; see ARCHITECTURE.md.)

use crate::map::DataMap;

pub fn html(map: &DataMap, name: &str) -> String {
    let json = serde_json::to_string(map)
        .unwrap_or_default()
        .replace("</", "<\\/");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Data map: {}</title></head>\n<body><script type=\"application/json\" id=\"data-map\">{json}</script></body></html>\n",
        name.replace('<', "&lt;")
    )
}
