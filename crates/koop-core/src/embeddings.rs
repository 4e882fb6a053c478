//! An [`EmbeddingProvider`] for any OpenAI-compatible `/v1/embeddings` endpoint, configured by
//! URL and model name. It speaks plain HTTP (a local embedding server); HTTPS would need a TLS
//! feature of the HTTP client.
//!
//! This is I/O, so it lives outside the pure engine, in `koop-core`, which stores the
//! vectors with the profiles.

use std::time::Duration;

use koop_match::{EmbeddingError, EmbeddingProvider};
use serde::{Deserialize, Serialize};

/// A client of an OpenAI-compatible embeddings endpoint.
pub struct OpenAiEmbeddings {
    url: String,
    model: String,
    agent: ureq::Agent,
}

#[derive(Serialize)]
struct Request<'a> {
    model: &'a str,
    input: &'a [String],
}

#[derive(Deserialize)]
struct Response {
    data: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    index: usize,
    embedding: Vec<f32>,
}

impl OpenAiEmbeddings {
    /// `base` is the server (`http://127.0.0.1:8089`), its `/v1`, or the full
    /// `/v1/embeddings` URL; `model` is sent as given.
    pub fn new(base: &str, model: &str) -> crate::CoreResult<Self> {
        let base = base.trim_end_matches('/');
        if !base.starts_with("http://") {
            return Err(koop_domain::DomainError::new(
                "embeddings_url",
                "unsupported_url",
                format!("embeddings URL {base:?}: only plain http:// endpoints are supported"),
            )
            .into());
        }
        let url = if base.ends_with("/embeddings") {
            base.to_string()
        } else if base.ends_with("/v1") {
            format!("{base}/embeddings")
        } else {
            format!("{base}/v1/embeddings")
        };
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into();
        Ok(Self {
            url,
            model: model.to_string(),
            agent,
        })
    }

    /// The model name, stored beside every vector so that a change of model re-embeds.
    pub fn model(&self) -> &str {
        &self.model
    }
}

impl EmbeddingProvider for OpenAiEmbeddings {
    fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>, EmbeddingError> {
        let fail = |why: String| EmbeddingError::Service {
            url: self.url.clone(),
            why,
        };
        let mut response = self
            .agent
            .post(&self.url)
            .send_json(Request {
                model: &self.model,
                input: texts,
            })
            .map_err(|e| fail(e.to_string()))?;
        let mut body: Response = response
            .body_mut()
            .read_json()
            .map_err(|e| fail(format!("unexpected answer: {e}")))?;
        if body.data.len() != texts.len() {
            return Err(EmbeddingError::Count {
                got: body.data.len(),
                expected: texts.len(),
            });
        }
        // The API may answer out of order; `index` says which input each vector belongs to.
        body.data.sort_by_key(|d| d.index);
        Ok(body.data.into_iter().map(|d| d.embedding).collect())
    }
}

/// Embeds `texts` in batches of 64.
pub fn embed_all(
    p: &dyn EmbeddingProvider,
    texts: &[String],
) -> Result<Vec<Vec<f32>>, EmbeddingError> {
    let mut out = Vec::with_capacity(texts.len());
    for chunk in texts.chunks(64) {
        out.extend(p.embed(chunk)?);
    }
    Ok(out)
}
