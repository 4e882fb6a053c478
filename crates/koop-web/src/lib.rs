//! koop's HTTP face: server-rendered HTML pages in German and English, the JSON API
//! under `/api/v1` with its OpenAPI description, and static assets.
//!
//! This is the only crate that knows HTTP and HTML. Handlers call `koop-core`: reads go
//! through a [`koop_core::read::Reader`] bound to the visitor, writes through core
//! operations. No handler holds SQL.

#![deny(missing_docs)]

mod api;
mod error;
mod forms;
mod i18n;
mod layers;
pub mod mail;
mod pages;
mod paths;
mod session;
mod state;

pub use session::csrf_token_of as csrf_token;
pub use state::{AppState, WebOptions};

use axum::Router;
use axum::http::StatusCode;
use axum::middleware;
use axum::routing::get;
use koop_core::Core;
use std::net::SocketAddr;
use tower_http::csrf::CsrfLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// The whole application as a router, with the default options.
pub fn router(core: Core) -> Router {
    router_with(core, WebOptions::default())
}

/// The whole application as a router.
pub fn router_with(core: Core, options: WebOptions) -> Router {
    let state = AppState::new(core, options);
    let app = Router::new()
        .route("/healthz", get(healthz))
        .route("/static/koop.css", get(pages::assets::css))
        .route("/static/favicon.svg", get(pages::assets::icon))
        .route("/favicon.ico", get(pages::assets::icon))
        .merge(pages::routes())
        .nest("/api/v1", api::routes())
        .route("/api/openapi.json", get(api::openapi_json))
        .fallback(pages::not_found)
        // Innermost first: the body limit, the two cross-site checks, error pages,
        // the visitor, then timeout, security headers and the request log outside.
        .layer(RequestBodyLimitLayer::new(layers::BODY_LIMIT))
        .layer(middleware::from_fn(layers::require_form_token))
        .layer(CsrfLayer::new())
        .layer(middleware::from_fn(pages::errors::render_errors))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            session::visitor,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            layers::secure_cookies,
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            layers::REQUEST_TIMEOUT,
        ));
    layers::security_headers(app)
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

async fn healthz() -> &'static str {
    "ok"
}

/// Serves the application on `addr` until Ctrl-C; returns the bound address first
/// through `on_bound` (useful with port 0).
pub async fn serve(
    core: Core,
    options: WebOptions,
    addr: SocketAddr,
    on_bound: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    on_bound(listener.local_addr()?);
    // The peer address feeds the login limit per client.
    let app = router_with(core, options).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
