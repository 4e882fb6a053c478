//! Static assets, embedded in the binary so a koop node needs no files beside it.

use axum::http::header;
use axum::response::IntoResponse;

/// The stylesheet.
pub async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/koop.css"),
    )
}

/// The icon (SVG), also served as `/favicon.ico` for browsers that ask for that.
pub async fn icon() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        include_str!("../../static/favicon.svg"),
    )
}
