//! koop's HTTP face: server-rendered HTML pages in German and English, the JSON API
//! under `/api/v1` with its OpenAPI description, and static assets.
//!
//! This is the only crate that knows HTTP and HTML. Handlers call `koop-core`: reads go
//! through a [`koop_core::read::Reader`] bound to the visitor, writes through core
//! operations. No handler holds SQL.

#![deny(missing_docs)]

mod api;
mod error;
mod i18n;
mod pages;
mod session;
mod state;

pub use state::AppState;

use axum::Router;
use axum::routing::get;
use koop_core::Core;
use std::net::SocketAddr;
use tower_http::set_header::SetResponseHeaderLayer;

/// The whole application as a router.
pub fn router(core: Core) -> Router {
    let state = AppState::new(core);
    Router::new()
        .route("/healthz", get(healthz))
        .route("/static/koop.css", get(pages::assets::css))
        .route("/static/favicon.svg", get(pages::assets::icon))
        .route("/favicon.ico", get(pages::assets::icon))
        .merge(pages::routes())
        .nest("/api/v1", api::routes())
        .route("/api/openapi.json", get(api::openapi_json))
        .fallback(pages::not_found)
        .layer(SetResponseHeaderLayer::if_not_present(
            axum::http::header::X_CONTENT_TYPE_OPTIONS,
            axum::http::HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            axum::http::header::X_FRAME_OPTIONS,
            axum::http::HeaderValue::from_static("DENY"),
        ))
        .with_state(state)
}

async fn healthz() -> &'static str {
    "ok"
}

/// Serves the application on `addr` until Ctrl-C; returns the bound address first
/// through `on_bound` (useful with port 0).
pub async fn serve(
    core: Core,
    addr: SocketAddr,
    on_bound: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    on_bound(listener.local_addr()?);
    axum::serve(listener, router(core))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
