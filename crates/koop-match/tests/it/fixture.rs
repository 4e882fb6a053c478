//! The sample exchange in `tests/fixtures/match/exchange.json`: it parses, and every
//! recommendation for every profile has a reason a person can read, in German and English.

use koop_match::*;

const EXCHANGE: &str = include_str!("../../../../tests/fixtures/match/exchange.json");

#[test]
fn every_recommendation_in_the_sample_exchange_has_readable_reasons() {
    let input: MatchInput = serde_json::from_str(EXCHANGE).unwrap();
    let ids: Vec<ProfileId> = input.profiles.iter().map(|p| p.id).collect();
    let index = MatchIndex::build(input).unwrap();
    let mut total = 0;
    for id in ids {
        for r in index.recommend(id, 10).unwrap() {
            assert!(!r.reasons.is_empty(), "{id:?} → {r:?}");
            for reason in &r.reasons {
                for locale in [Locale::De, Locale::En] {
                    let text = reason.text(locale);
                    assert!(text.len() > 5 && !text.contains("#"), "{text}");
                }
            }
            total += 1;
        }
    }
    assert!(total > 20, "{total}");
}

#[test]
fn the_sample_request_and_settlement_find_their_counterparts_first() {
    let input: MatchInput = serde_json::from_str(EXCHANGE).unwrap();
    let index = MatchIndex::build(input).unwrap();
    let recs = index.recommend(ProfileId(10), 3).unwrap();
    assert_eq!(recs[0].profile, ProfileId(20), "{recs:#?}");
    let recs = index.recommend(ProfileId(60), 3).unwrap();
    assert_eq!(recs[0].profile, ProfileId(50), "{recs:#?}");
    assert!(recs[0].reasons.contains(&Reason::OffersLocation));
    // The organiser excluded the Serbian and Uzbek companies from each other.
    assert!(
        index
            .recommend(ProfileId(70), 10)
            .unwrap()
            .iter()
            .all(|r| r.org != OrgId(4))
    );
}

#[test]
fn unknown_fields_are_rejected_by_name() {
    let e = serde_json::from_str::<MatchInput>(r#"{"profils": []}"#)
        .unwrap_err()
        .to_string();
    assert!(e.contains("profils"), "{e}");
}

#[test]
fn organisers_see_who_has_few_good_matches_first() {
    let input: MatchInput = serde_json::from_str(EXCHANGE).unwrap();
    let index = MatchIndex::build(input).unwrap();
    let counts = index.good_match_counts(4.0, 10);
    assert_eq!(counts.len(), 9);
    assert!(counts.windows(2).all(|w| w[0].1 <= w[1].1), "{counts:?}");
    let of = |id| counts.iter().find(|c| c.0 == ProfileId(id)).unwrap().1;
    assert!(
        of(10) >= 1,
        "the battery request has its Kazakh recycler: {counts:?}"
    );
}

#[test]
fn cluster_managers_see_complementary_members_across_clusters() {
    let input: MatchInput = serde_json::from_str(EXCHANGE).unwrap();
    let index = MatchIndex::build(input).unwrap();
    let pairs = index.cross_cluster_pairs(10);
    assert!(!pairs.is_empty());
    // Recycling (Saxony-Anhalt) members meet mining (Kazakhstan) members, and only those.
    for (asker, rec) in &pairs {
        let orgs = [
            index
                .input()
                .profiles
                .iter()
                .find(|p| p.id == *asker)
                .unwrap()
                .org,
            rec.org,
        ];
        assert!(orgs.contains(&OrgId(2)), "{asker:?} {rec:?}");
    }
    assert!(pairs.windows(2).all(|w| w[0].1.score >= w[1].1.score));
}
