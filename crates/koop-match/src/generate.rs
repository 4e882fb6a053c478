//! A seeded generator of realistic-looking exchanges of any size, for the speed benchmark and
//! tests: organisations in the countries koop's events meet, profiles on a few dozen subjects
//! written in German, English or Russian, NACE codes of the subject, keywords, countries
//! sought, clusters, and past consortia. The same seed gives the same exchange.

use crate::codes::{CountryCode, LangCode};
use crate::cordis::learn::SplitMix;
use crate::index::MatchInput;
use crate::nace::NaceCode;
use crate::profile::{
    ClusterId, ClusterMap, History, OrgId, OrgType, Organisation, Profile, ProfileId, ProfileKind,
};

// (NACE class, German words, English words, Russian words) per subject.
const SUBJECTS: &[(&str, &str, &str, &str)] = &[
    (
        "38.32",
        "Recycling Batterien Rückgewinnung Lithium Anlage",
        "recycling batteries recovery lithium plant",
        "переработка аккумуляторов извлечение лития установка",
    ),
    (
        "20.14",
        "Chemie Grundstoffe Synthese Katalysator Raffinerie",
        "chemistry basic chemicals synthesis catalyst refinery",
        "химия химических синтез катализатор нефтепереработка",
    ),
    (
        "21.20",
        "Arzneimittel Wirkstoffe klinische Studien Pharma",
        "medicines active ingredients clinical trials pharma",
        "лекарства активные вещества клинические исследования фарма",
    ),
    (
        "26.11",
        "Halbleiter Mikroelektronik Chips Sensoren Wafer",
        "semiconductors microelectronics chips sensors wafers",
        "полупроводники микроэлектроника чипы датчики пластины",
    ),
    (
        "27.11",
        "Elektromotoren Generatoren Transformatoren Antriebe",
        "electric motors generators transformers drives",
        "электродвигатели генераторы трансформаторы приводы",
    ),
    (
        "28.41",
        "Werkzeugmaschinen Fräsen Drehen CNC Fertigung",
        "machine tools milling turning CNC manufacturing",
        "станки фрезерование токарная обработка ЧПУ производство",
    ),
    (
        "29.32",
        "Fahrzeugteile Zulieferer Karosserie Leichtbau",
        "vehicle parts supplier body lightweight",
        "автокомпоненты поставщик кузов облегчённые конструкции",
    ),
    (
        "35.11",
        "Solarstrom Photovoltaik Windkraft Energieerzeugung",
        "solar power photovoltaics wind energy generation",
        "солнечная энергия фотоэлектрика ветроэнергетика генерация",
    ),
    (
        "01.11",
        "Getreide Landwirtschaft Saatgut Ernte Bewässerung",
        "cereals agriculture seeds harvest irrigation",
        "зерно сельское хозяйство семена урожай орошение",
    ),
    (
        "10.51",
        "Molkerei Milch Käse Lebensmittel Verarbeitung",
        "dairy milk cheese food processing",
        "молочная продукция молоко сыр пищевая переработка",
    ),
    (
        "49.41",
        "Logistik Spedition Güterverkehr Lager Transport",
        "logistics forwarding freight warehouse transport",
        "логистика экспедирование грузоперевозки склад транспорт",
    ),
    (
        "62.01",
        "Software Entwicklung Programmierung Cloud Plattform",
        "software development programming cloud platform",
        "программное обеспечение разработка программирование облако платформа",
    ),
    (
        "71.12",
        "Ingenieurbüro Planung Beratung Bauwerke Statik",
        "engineering office design consulting structures",
        "инженерное бюро проектирование консалтинг сооружения",
    ),
    (
        "72.19",
        "Forschung Werkstoffe Nanotechnologie Labor Prüfung",
        "research materials nanotechnology laboratory testing",
        "исследования материалы нанотехнологии лаборатория испытания",
    ),
    (
        "22.21",
        "Kunststoff Platten Folien Spritzguss Verpackung",
        "plastic sheets films injection moulding packaging",
        "пластик листы плёнки литьё под давлением упаковка",
    ),
    (
        "24.42",
        "Aluminium Gießerei Strangpressen Metallverarbeitung",
        "aluminium foundry extrusion metalworking",
        "алюминий литейное производство экструзия металлообработка",
    ),
    (
        "86.10",
        "Krankenhaus Medizintechnik Diagnostik Geräte",
        "hospital medical technology diagnostics devices",
        "больница медицинская техника диагностика оборудование",
    ),
    (
        "85.42",
        "Hochschule Ausbildung Studium Weiterbildung",
        "university education studies training",
        "университет образование обучение повышение квалификации",
    ),
    (
        "55.10",
        "Hotel Tourismus Gastgewerbe Reisen",
        "hotel tourism hospitality travel",
        "гостиница туризм гостеприимство путешествия",
    ),
    (
        "41.20",
        "Bau Wohngebäude Hochbau Sanierung",
        "construction residential buildings renovation",
        "строительство жилые здания реконструкция",
    ),
];

const COUNTRIES: &[(&str, &str)] = &[
    ("DE", "de"),
    ("DE", "de"),
    ("DE", "de"),
    ("RU", "ru"),
    ("UA", "uk"),
    ("KZ", "ru"),
    ("UZ", "uz"),
    ("RS", "sr"),
    ("AL", "sq"),
    ("PL", "pl"),
    ("CZ", "cs"),
    ("TR", "tr"),
    ("CN", "zh"),
    ("FR", "fr"),
];

const KINDS: [ProfileKind; 5] = [
    ProfileKind::BusinessOffer,
    ProfileKind::BusinessRequest,
    ProfileKind::TechnologyOffer,
    ProfileKind::TechnologyRequest,
    ProfileKind::ResearchRequest,
];

/// Generates an exchange with `profiles` profiles (about one organisation per two profiles).
pub fn exchange(profiles: usize, seed: u64) -> MatchInput {
    let mut rng = SplitMix(seed);
    let n_orgs = (profiles / 2).max(1);
    let filler = lexicon(&mut rng, 5000);
    let code = |s: &str| CountryCode::parse("country", s).ok();
    let lang = |s: &str| LangCode::parse("language", s).ok();
    let organisations: Vec<Organisation> = (0..n_orgs)
        .map(|i| {
            let (c, l) = COUNTRIES[rng.below(COUNTRIES.len())];
            let mut languages: Vec<LangCode> = lang(l).into_iter().collect();
            for extra in ["en", "ru", "de"] {
                if rng.below(3) == 0 && !languages.iter().any(|x| x.as_str() == extra) {
                    languages.extend(lang(extra));
                }
            }
            let clusters = if rng.below(3) == 0 {
                vec![ClusterId(rng.below(8) as u32)]
            } else {
                Vec::new()
            };
            let org_type = [
                OrgType::Company,
                OrgType::Company,
                OrgType::Company,
                OrgType::University,
                OrgType::Research,
            ][rng.below(5)];
            Organisation {
                id: OrgId(i as u64),
                country: code(c).unwrap_or(crate::codes::GERMANY),
                org_type,
                languages,
                clusters,
            }
        })
        .collect();
    let mut out = Vec::with_capacity(profiles);
    for i in 0..profiles {
        let org = rng.below(n_orgs);
        let (nace, de, en, ru) = SUBJECTS[rng.below(SUBJECTS.len())];
        let (words, language) = match organisations[org].languages[0].as_str() {
            "de" => (de, "de"),
            "ru" | "uk" | "kk" => (ru, "ru"),
            _ => (en, "en"),
        };
        let words: Vec<&str> = words.split(' ').collect();
        let pick = |rng: &mut SplitMix, n: usize| -> Vec<String> {
            (0..n)
                .map(|_| words[rng.below(words.len())].to_string())
                .collect()
        };
        let title = pick(&mut rng, 3).join(" ");
        let mut text = pick(&mut rng, 8);
        text.extend((0..12).map(|_| filler[rng.below(filler.len())].clone()));
        let keywords = pick(&mut rng, 2);
        let mut codes: Vec<NaceCode> = NaceCode::parse("nace", nace).into_iter().collect();
        if rng.below(2) == 0 {
            let (other, ..) = SUBJECTS[rng.below(SUBJECTS.len())];
            codes.extend(NaceCode::parse("nace", &other[..4]).ok());
        }
        let countries_sought = (0..rng.below(3))
            .filter_map(|_| code(COUNTRIES[rng.below(COUNTRIES.len())].0))
            .collect();
        out.push(Profile {
            id: ProfileId(i as u64),
            org: OrgId(org as u64),
            kind: KINDS[rng.below(KINDS.len())],
            investment: None,
            title,
            text: text.join(" "),
            language: lang(language),
            nace: codes,
            keywords,
            countries_sought,
            embedding: None,
        });
    }
    let consortia = (0..n_orgs / 5)
        .map(|_| {
            (0..3 + rng.below(6))
                .map(|_| OrgId(rng.below(n_orgs) as u64))
                .collect()
        })
        .collect();
    let clusters = ClusterMap {
        names: (0..8)
            .map(|c| (ClusterId(c), format!("Cluster {c}")))
            .collect(),
        complementary: vec![
            (ClusterId(0), ClusterId(1), 0.8),
            (ClusterId(2), ClusterId(3), 0.6),
            (ClusterId(4), ClusterId(5), 0.5),
        ],
    };
    MatchInput {
        organisations,
        profiles: out,
        history: History {
            met: Vec::new(),
            consortia,
        },
        clusters,
        ..MatchInput::default()
    }
}

// Pronounceable nonsense words: the long tail of a real vocabulary (names, product words).
fn lexicon(rng: &mut SplitMix, n: usize) -> Vec<String> {
    const SYL: &[&str] = &[
        "ka", "ro", "tem", "vis", "lan", "dor", "mi", "sen", "tra", "pol", "ex", "un", "bel",
        "qua", "zir", "ost",
    ];
    (0..n)
        .map(|_| {
            (0..2 + rng.below(3))
                .map(|_| SYL[rng.below(SYL.len())])
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::MatchIndex;

    #[test]
    fn the_same_seed_gives_the_same_exchange_and_every_recommendation_has_a_reason() {
        let a = exchange(300, 42);
        let b = exchange(300, 42);
        assert_eq!(a.profiles, b.profiles);
        assert_eq!(a.organisations, b.organisations);
        assert_ne!(exchange(300, 43).profiles, a.profiles);
        let index = MatchIndex::build(a).unwrap();
        for p in [0, 17, 299] {
            let recs = index.recommend(ProfileId(p), 20).unwrap();
            assert_eq!(recs.len(), 20);
            assert!(recs.iter().all(|r| !r.reasons.is_empty()));
        }
    }
}
