//! A small exchange: Magdeburg, Zaporizhzhia, Almaty, Belgrade; checks ranking, reasons and rules.

use koop_match::*;

fn org(id: u64, country: &str, langs: &[&str], clusters: &[u32]) -> Organisation {
    Organisation {
        id: OrgId(id),
        country: CountryCode::parse("country", country).unwrap(),
        org_type: OrgType::Company,
        languages: langs
            .iter()
            .map(|l| LangCode::parse("languages", l).unwrap())
            .collect(),
        clusters: clusters.iter().map(|c| ClusterId(*c)).collect(),
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "a table of test profiles reads best flat"
)]
fn profile(
    id: u64,
    org: u64,
    kind: &str,
    title: &str,
    text: &str,
    nace: &[&str],
    keywords: &[&str],
    sought: &[&str],
) -> Profile {
    Profile {
        id: ProfileId(id),
        org: OrgId(org),
        kind: ProfileKind::parse("kind", kind).unwrap(),
        investment: None,
        title: title.into(),
        text: text.into(),
        language: None,
        nace: nace
            .iter()
            .map(|n| NaceCode::parse("nace", n).unwrap())
            .collect(),
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        countries_sought: sought
            .iter()
            .map(|c| CountryCode::parse("countries_sought", c).unwrap())
            .collect(),
        embedding: None,
    }
}

fn exchange() -> MatchInput {
    MatchInput {
        organisations: vec![
            org(1, "DE", &["de", "ru", "en"], &[1]),
            org(2, "KZ", &["ru", "kk"], &[2]),
            org(3, "UA", &["uk", "ru", "en"], &[]),
            org(4, "RS", &["sr", "en"], &[]),
            org(5, "DE", &["de"], &[1]),
        ],
        profiles: vec![
            profile(
                10,
                1,
                "BR",
                "Partner für Batterierecycling gesucht",
                "Wir suchen Partner für das Recycling von Lithium-Ionen-Batterien.",
                &["38.32"],
                &["Batterie", "Recycling"],
                &["KZ", "UA"],
            ),
            profile(
                20,
                2,
                "BO",
                "Переработка литий-ионных аккумуляторов",
                "Мы предлагаем переработку аккумуляторов и батарей.",
                &["38.32"],
                &["recycling"],
                &["DE"],
            ),
            profile(
                30,
                3,
                "BO",
                "Batterie-Recycling Anlagen",
                "Anlagen für das Recycling von Batterien und Akkus.",
                &["28.99"],
                &[],
                &[],
            ),
            profile(
                40,
                4,
                "BO",
                "Software development",
                "Custom software for logistics companies.",
                &["62.01"],
                &["software"],
                &[],
            ),
            profile(
                50,
                5,
                "BO",
                "Recycling von Batterien",
                "Recycling von Batterien aus Elektroautos.",
                &["38.32"],
                &["Batterie"],
                &[],
            ),
        ],
        history: History {
            met: vec![],
            consortia: vec![
                vec![OrgId(1), OrgId(3)],
                vec![OrgId(3), OrgId(2)],
                vec![OrgId(3), OrgId(5)],
            ],
        },
        clusters: ClusterMap {
            names: vec![
                (ClusterId(1), "Recycling".into()),
                (ClusterId(2), "Bergbau".into()),
            ],
            complementary: vec![(ClusterId(1), ClusterId(2), 0.8)],
        },
        ..MatchInput::default()
    }
}

#[test]
fn a_german_request_finds_the_matching_offers_with_reasons() {
    let index = MatchIndex::build(exchange()).unwrap();
    let recs = index.recommend(ProfileId(10), 10).unwrap();
    let order: Vec<u64> = recs.iter().map(|r| r.profile.0).collect();
    assert_eq!(
        order[0], 20,
        "the Kazakh recycler: same class, sought country, Russian, shared partner: {recs:#?}"
    );
    assert!(!order.contains(&10), "never the asker itself");
    assert!(
        order.iter().position(|&p| p == 40) > order.iter().position(|&p| p == 30),
        "software comes after recycling"
    );
    for r in &recs {
        assert!(!r.reasons.is_empty(), "every recommendation has a reason");
    }
    let texts: Vec<String> = recs[0].reasons.iter().map(|r| r.text(Locale::En)).collect();
    assert!(
        texts.contains(&"offers what you seek".to_string()),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"same NACE class 38.32".to_string()),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"based in Kazakhstan, where you seek partners".to_string()),
        "{texts:?}"
    );
}

#[test]
fn network_language_and_cluster_reasons_are_given() {
    let index = MatchIndex::build(MatchInput {
        weights: Weights {
            complementarity: 0.0,
            sector: 0.0,
            geography: 0.0,
            ..Weights::default()
        },
        ..exchange()
    })
    .unwrap();
    let recs = index.recommend(ProfileId(10), 10).unwrap();
    let kz = recs.iter().find(|r| r.profile == ProfileId(20)).unwrap();
    let de: Vec<String> = kz.reasons.iter().map(|r| r.text(Locale::De)).collect();
    let en: Vec<String> = kz.reasons.iter().map(|r| r.text(Locale::En)).collect();
    assert!(
        en.iter()
            .any(|t| t == "co-operated with one of your partners"),
        "{en:?}"
    );
    assert!(
        de.iter()
            .any(|t| t == "ergänzt Ihr Cluster Recycling aus dem Cluster Bergbau"),
        "{de:?}"
    );
    let ua = recs.iter().find(|r| r.profile == ProfileId(30)).unwrap();
    assert!(
        ua.reasons.contains(&Reason::WorkedTogether { count: 1 }),
        "{:?}",
        ua.reasons
    );
}

#[test]
fn organiser_exclusions_and_met_before_are_respected() {
    let mut input = exchange();
    input.exclusions = vec![(OrgId(2), OrgId(1))];
    input.history.met = vec![(OrgId(1), OrgId(5))];
    input.exclude_met_before = true;
    let recs = MatchIndex::build(input)
        .unwrap()
        .recommend(ProfileId(10), 10)
        .unwrap();
    assert!(
        recs.iter().all(|r| r.org != OrgId(2) && r.org != OrgId(5)),
        "{recs:?}"
    );
}

#[test]
fn the_score_is_the_sum_of_the_shown_contributions() {
    // The ranking pass and the explanation compute signals along two paths; they must agree.
    let index = MatchIndex::build(generate_like()).unwrap();
    for r in index.recommend(ProfileId(10), 10).unwrap() {
        let sum: f32 = r.signals.iter().map(|s| s.contribution).sum();
        assert!((sum - r.score).abs() < 1e-4, "{r:?}");
    }
    let big = koop_match::generate::exchange(2000, 7);
    let index = MatchIndex::build(big).unwrap();
    for p in [0, 999, 1999] {
        for r in index.recommend(ProfileId(p), 20).unwrap() {
            let sum: f32 = r.signals.iter().map(|s| s.contribution).sum();
            assert!((sum - r.score).abs() < 1e-4, "{r:?}");
        }
    }
}

fn generate_like() -> MatchInput {
    exchange()
}

#[test]
fn results_are_deterministic() {
    let a = MatchIndex::build(exchange())
        .unwrap()
        .recommend(ProfileId(10), 3)
        .unwrap();
    let b = MatchIndex::build(exchange())
        .unwrap()
        .recommend(ProfileId(10), 3)
        .unwrap();
    assert_eq!(a, b);
    assert_eq!(a.len(), 3);
}

#[test]
fn bad_input_is_named() {
    let mut input = exchange();
    input.profiles[1].org = OrgId(99);
    assert_eq!(
        MatchIndex::build(input).err().unwrap().to_string(),
        "profile 20: unknown organisation 99"
    );
    let mut input = exchange();
    input.profiles[1].id = ProfileId(10);
    assert_eq!(
        MatchIndex::build(input).err().unwrap().to_string(),
        "duplicate profile id 10"
    );
    let mut input = exchange();
    input.profiles[0].embedding = Some(vec![1.0, 0.0]);
    input.profiles[1].embedding = Some(vec![1.0]);
    assert_eq!(
        MatchIndex::build(input).err().unwrap().to_string(),
        "profile 20: embedding has 1 dimensions, expected 2"
    );
    let e = MatchIndex::build(exchange())
        .unwrap()
        .recommend(ProfileId(77), 3)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "profile: invalid value \"77\": no such profile"
    );
}
