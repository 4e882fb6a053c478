//! The companies and institutes at the Barleben cooperation exchange, each with one
//! cooperation profile written in its own language, and the people they send.
//! The companies are invented; their profiles read like real EEN partnering profiles.

/// One participating organisation.
pub(crate) struct Company {
    pub name: &'static str,
    pub country: &'static str,
    pub city: &'static str,
    pub nace: &'static [&'static str],
    /// EEN profile type.
    pub kind: &'static str,
    pub lang: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub keywords: &'static [&'static str],
    pub seeks: &'static [&'static str],
    /// Given name, family name, function.
    pub people: &'static [(&'static str, &'static str, &'static str)],
}

macro_rules! c {
    ($name:expr, $country:expr, $city:expr, [$($n:expr),*], $kind:expr, $lang:expr, $title:expr, $summary:expr, [$($k:expr),*], [$($s:expr),*], [$(($g:expr, $f:expr, $r:expr)),+]) => {
        Company { name: $name, country: $country, city: $city, nace: &[$($n),*], kind: $kind, lang: $lang, title: $title, summary: $summary, keywords: &[$($k),*], seeks: &[$($s),*], people: &[$(($g, $f, $r)),+] }
    };
}

pub(crate) const COMPANIES: &[Company] = &[
    // Germany: 22 organisations, 28 people.
    c!(
        "Elbe Sondermaschinenbau GmbH",
        "DE",
        "Magdeburg",
        ["28.41", "28.99"],
        "BO",
        "de",
        "Sondermaschinen für die Lebensmittelverpackung",
        "Wir entwickeln und bauen Verpackungs- und Abfüllanlagen nach Kundenwunsch und suchen Vertriebspartner in Osteuropa.",
        [
            "Sondermaschinenbau",
            "Verpackungsmaschinen",
            "Abfüllanlagen"
        ],
        ["RU", "UA", "RS"],
        [
            ("Thomas", "Krüger", "Geschäftsführer"),
            ("Anja", "Lehmann", "Vertrieb Osteuropa")
        ]
    ),
    c!(
        "Börde Agrartechnik GmbH",
        "DE",
        "Wanzleben-Börde",
        ["28.30"],
        "BO",
        "de",
        "Präzisionssätechnik für große Ackerflächen",
        "Hersteller von Einzelkornsämaschinen mit GPS-Steuerung sucht Händler und Servicepartner für Großbetriebe.",
        ["Landtechnik", "Sätechnik", "Präzisionslandwirtschaft"],
        ["UA", "RU", "KZ"],
        [("Martin", "Schulze", "Exportleiter")]
    ),
    c!(
        "Mitteldeutsche Kunststofftechnik GmbH",
        "DE",
        "Bitterfeld-Wolfen",
        ["22.29", "20.16"],
        "TO",
        "de",
        "Recycling-Compounds aus Post-Consumer-Kunststoffen",
        "Wir bieten ein Verfahren zur Aufbereitung gemischter Kunststoffabfälle zu hochwertigen Compounds und suchen Lizenznehmer.",
        [
            "Kunststoffrecycling",
            "Compoundierung",
            "Kreislaufwirtschaft"
        ],
        [],
        [("Sabine", "Hoffmann", "Leiterin Technologietransfer")]
    ),
    c!(
        "Saale Logistik Service GmbH",
        "DE",
        "Halle (Saale)",
        ["52.29", "49.41"],
        "BO",
        "de",
        "Kontraktlogistik und Gefahrgutlager in Mitteldeutschland",
        "Logistikdienstleister mit Gefahrgutlager am Chemiepark bietet Lager- und Distributionsleistungen für osteuropäische Hersteller.",
        ["Kontraktlogistik", "Gefahrgut", "Lagerung"],
        ["PL", "RS", "UA"],
        [("Jens", "Fischer", "Niederlassungsleiter")]
    ),
    c!(
        "Harz Präzisionsguss GmbH",
        "DE",
        "Thale",
        ["24.51", "25.62"],
        "BR",
        "de",
        "Zulieferer für Rohguss und mechanische Bearbeitung gesucht",
        "Gießerei sucht Partner für die mechanische Vorbearbeitung von Gussteilen bis 500 kg in Lohnfertigung.",
        ["Gießerei", "Lohnfertigung", "Zerspanung"],
        ["RS", "AL", "UA"],
        [
            ("Uwe", "Becker", "Einkaufsleiter"),
            ("Katrin", "Wolf", "Qualitätsmanagement")
        ]
    ),
    c!(
        "Magdeburger Softwarehaus für Logistik GmbH",
        "DE",
        "Magdeburg",
        ["62.01"],
        "TO",
        "de",
        "Software zur Tourenplanung und Flottensteuerung",
        "Wir bieten eine cloudbasierte Tourenplanung mit Echtzeit-Telematik und suchen Integrationspartner für Speditionen.",
        ["Tourenplanung", "Telematik", "Software"],
        ["RS", "AL", "UA"],
        [("Felix", "Neumann", "CTO")]
    ),
    c!(
        "SolarPark Technik Anhalt GmbH",
        "DE",
        "Dessau-Roßlau",
        ["27.11", "43.21"],
        "BO",
        "de",
        "Planung und Bau von Photovoltaik-Freiflächenanlagen",
        "EPC-Dienstleister für PV-Parks bis 50 MW bietet Planung, Bau und Betriebsführung; sucht Projektpartner vor Ort.",
        ["Photovoltaik", "Solarpark", "EPC"],
        ["UA", "AL", "RS", "KZ"],
        [("Christian", "Meier", "Projektentwicklung")]
    ),
    c!(
        "BioTech Analytik Halle GmbH",
        "DE",
        "Halle (Saale)",
        ["71.20", "72.11"],
        "BO",
        "de",
        "Auftragsanalytik für Lebensmittel und Pharma",
        "Akkreditiertes Labor bietet Rückstands- und Mikrobiologieanalytik nach EU-Standards für Exporteure in die EU.",
        ["Laboranalytik", "Lebensmittelsicherheit", "Akkreditierung"],
        ["UA", "RS", "AL"],
        [("Dr. Julia", "Schröder", "Laborleiterin")]
    ),
    c!(
        "Altmark Holzbau GmbH",
        "DE",
        "Stendal",
        ["16.23", "41.20"],
        "BR",
        "de",
        "Lieferanten für Brettschichtholz gesucht",
        "Holzbauunternehmen sucht zuverlässige Lieferanten für Brettschichtholz und Konstruktionsvollholz in großen Mengen.",
        ["Holzbau", "Brettschichtholz", "Einkauf"],
        ["UA", "RU", "RS"],
        [("Frank", "Zimmermann", "Inhaber")]
    ),
    c!(
        "Anhalt Medizintechnik GmbH",
        "DE",
        "Köthen",
        ["32.50"],
        "BO",
        "de",
        "Orthopädische Implantate und OP-Instrumente",
        "Hersteller von Hüft- und Knieimplantaten sucht Distributoren mit Zugang zu Kliniken.",
        ["Medizintechnik", "Implantate", "Distribution"],
        ["RU", "UA", "RS", "AL"],
        [("Dr. Stefan", "Braun", "Vertriebsleiter")]
    ),
    c!(
        "Ostfalen Umwelttechnik GmbH",
        "DE",
        "Barleben",
        ["39.00", "71.12"],
        "TO",
        "de",
        "Mobile Anlagen zur Bodensanierung",
        "Wir bieten thermische Bodensanierung für Industriestandorte und suchen Partner für Projekte in Osteuropa.",
        ["Bodensanierung", "Altlasten", "Umwelttechnik"],
        ["UA", "RU", "AL"],
        [("Petra", "Hartmann", "Geschäftsführerin")]
    ),
    c!(
        "Elbaue Lebensmittel GmbH",
        "DE",
        "Schönebeck",
        ["10.39"],
        "BR",
        "de",
        "Obst- und Gemüselieferanten für Tiefkühlprodukte gesucht",
        "Hersteller von Tiefkühlgemüse sucht Erzeuger von Erbsen, Bohnen und Beeren mit Zertifizierung nach GLOBALG.A.P.",
        ["Tiefkühlkost", "Gemüse", "Beeren"],
        ["RS", "AL", "UA"],
        [("Markus", "Wagner", "Einkauf Rohware")]
    ),
    c!(
        "Magdeburger Werkzeugmaschinen GmbH",
        "DE",
        "Magdeburg",
        ["28.41"],
        "BO",
        "de",
        "Überholung und Modernisierung von Werkzeugmaschinen",
        "Wir modernisieren Drehmaschinen und Bearbeitungszentren mit neuer CNC-Steuerung und suchen Kunden in der Metallverarbeitung.",
        ["Werkzeugmaschinen", "CNC", "Retrofit"],
        ["RU", "UA", "KZ"],
        [
            ("Andreas", "Schmitt", "Vertrieb"),
            ("Olga", "Berger", "Projektmanagerin Russland")
        ]
    ),
    c!(
        "Otto-von-Guericke-Universität Magdeburg, Lehrstuhl Fertigungstechnik",
        "DE",
        "Magdeburg",
        ["72.19", "85.42"],
        "RDR",
        "de",
        "Partner für ein Horizon-2020-Projekt zur additiven Fertigung gesucht",
        "Der Lehrstuhl sucht Industrie- und Forschungspartner für ein Verbundprojekt zum 3D-Druck von Metallbauteilen.",
        ["additive Fertigung", "3D-Druck", "Forschung"],
        ["UA", "RS"],
        [
            ("Prof. Dr. Michael", "Richter", "Lehrstuhlinhaber"),
            ("Lisa", "Klein", "wiss. Mitarbeiterin")
        ]
    ),
    c!(
        "Hochschule Anhalt, Fachbereich Landwirtschaft",
        "DE",
        "Bernburg",
        ["72.19", "85.42"],
        "RDR",
        "de",
        "Forschungspartner für Bewässerung im Trockenklima",
        "Wir suchen Partner für ein Projekt zu wassersparender Bewässerung und Bodenfeuchtesensorik.",
        ["Bewässerung", "Sensorik", "Landwirtschaft"],
        ["UA", "AL", "KZ"],
        [("Dr. Karl", "Vogel", "Projektleiter")]
    ),
    c!(
        "Sachsen-Anhalt Energie Contracting GmbH",
        "DE",
        "Halle (Saale)",
        ["35.30", "71.12"],
        "BO",
        "de",
        "Energiecontracting und Blockheizkraftwerke",
        "Wir planen, finanzieren und betreiben BHKW für Industriebetriebe und Kommunen.",
        ["Energiecontracting", "BHKW", "Energieeffizienz"],
        ["UA", "RS"],
        [("Tobias", "König", "Geschäftsführer")]
    ),
    c!(
        "Gardelegen Metallbau GmbH",
        "DE",
        "Gardelegen",
        ["25.11"],
        "BR",
        "de",
        "Schweißfachbetriebe als Unterauftragnehmer gesucht",
        "Stahlbauunternehmen sucht zertifizierte Schweißbetriebe (EN 1090) für Stahlkonstruktionen.",
        ["Stahlbau", "Schweißen", "EN 1090"],
        ["RS", "AL", "UA"],
        [("Ralf", "Lange", "Betriebsleiter")]
    ),
    c!(
        "IT-Sicherheit Mitteldeutschland GmbH",
        "DE",
        "Magdeburg",
        ["62.02"],
        "BO",
        "de",
        "Penetrationstests und ISO-27001-Beratung",
        "Beratungshaus für Informationssicherheit bietet Audits und Schulungen für Mittelständler.",
        ["IT-Sicherheit", "ISO 27001", "Beratung"],
        ["RS", "AL"],
        [("Nina", "Schwarz", "Beraterin")]
    ),
    c!(
        "Wernigeröder Feinmechanik GmbH",
        "DE",
        "Wernigerode",
        ["26.51", "33.13"],
        "TO",
        "de",
        "Optische Messsysteme für die Qualitätskontrolle",
        "Wir bieten berührungslose 3D-Messtechnik für Serienteile und suchen Anwender und Vertriebspartner.",
        ["Messtechnik", "Optik", "Qualitätskontrolle"],
        ["RU", "UA"],
        [("Heike", "Weber", "Vertrieb")]
    ),
    c!(
        "Landkreis Börde – Wirtschaftsförderung",
        "DE",
        "Haldensleben",
        ["84.13"],
        "INV",
        "de",
        "Gewerbeflächen an der A2 für Ansiedlungen",
        "Die Wirtschaftsförderung bietet erschlossene Industrie- und Gewerbeflächen an der A2 und begleitet Investoren.",
        ["Ansiedlung", "Gewerbeflächen", "Investoren"],
        [],
        [("Birgit", "Schulz", "Leiterin Wirtschaftsförderung")]
    ),
    c!(
        "Salzland Chemiehandel GmbH",
        "DE",
        "Staßfurt",
        ["46.75"],
        "BR",
        "de",
        "Bezugsquellen für Soda und Salze gesucht",
        "Chemiehandel sucht Produzenten von Natriumcarbonat und Industriesalzen für den mitteldeutschen Markt.",
        ["Chemiehandel", "Soda", "Salz"],
        ["RU", "UA"],
        [("Dirk", "Hahn", "Einkauf")]
    ),
    c!(
        "Magdeburger Bauplanung GmbH",
        "DE",
        "Magdeburg",
        ["71.11", "71.12"],
        "BO",
        "de",
        "Generalplanung für Industriebauten",
        "Ingenieurbüro bietet Planung von Produktions- und Logistikhallen einschließlich Genehmigungsmanagement.",
        ["Industriebau", "Generalplanung", "Ingenieurbüro"],
        ["RS", "UA"],
        [("Holger", "Krause", "Partner")]
    ),
    // Russia: 14 organisations, 17 people.
    c!(
        "ООО «УралСпецМаш»",
        "RU",
        "Екатеринбург",
        ["28.92", "28.99"],
        "BR",
        "ru",
        "Ищем поставщиков оборудования для упаковки пищевых продуктов",
        "Машиностроительная компания ищет немецких производителей упаковочных и фасовочных линий для совместных проектов на российском рынке.",
        ["упаковочное оборудование", "фасовка", "машиностроение"],
        ["DE"],
        [
            ("Алексей", "Смирнов", "Генеральный директор"),
            ("Мария", "Кузнецова", "Менеджер по закупкам")
        ]
    ),
    c!(
        "ООО «Волга Агро»",
        "RU",
        "Самара",
        ["01.11", "01.61"],
        "BR",
        "ru",
        "Ищем современную посевную технику",
        "Агрохолдинг с 40 000 га ищет поставщиков сеялок точного высева и систем GPS-навигации.",
        ["сеялки", "точное земледелие", "сельхозтехника"],
        ["DE"],
        [
            ("Игорь", "Попов", "Главный агроном"),
            ("Светлана", "Белова", "Инженер по механизации")
        ]
    ),
    c!(
        "АО «СибПолимер»",
        "RU",
        "Томск",
        ["20.16", "22.21"],
        "TR",
        "ru",
        "Технологии переработки полимерных отходов",
        "Производитель полимеров ищет технологию переработки смешанных пластиковых отходов в компаунды.",
        ["переработка пластика", "компаунды", "вторичное сырьё"],
        ["DE"],
        [("Дмитрий", "Васильев", "Технический директор")]
    ),
    c!(
        "ООО «Медтехника-Центр»",
        "RU",
        "Москва",
        ["46.46"],
        "BR",
        "ru",
        "Дистрибуция ортопедических имплантатов",
        "Дистрибьютор медицинской техники ищет европейских производителей имплантатов для поставок в клиники.",
        ["медицинская техника", "имплантаты", "дистрибуция"],
        ["DE"],
        [("Елена", "Соколова", "Директор по развитию")]
    ),
    c!(
        "ООО «Казанский станкозавод»",
        "RU",
        "Казань",
        ["28.41"],
        "BR",
        "ru",
        "Модернизация токарных станков с ЧПУ",
        "Завод ищет партнёра для модернизации парка токарных станков и установки современных систем ЧПУ.",
        ["модернизация станков", "ЧПУ", "металлообработка"],
        ["DE"],
        [("Сергей", "Морозов", "Главный инженер")]
    ),
    c!(
        "ООО «ЭкоГрунт»",
        "RU",
        "Челябинск",
        ["39.00"],
        "TR",
        "ru",
        "Технологии очистки загрязнённых почв",
        "Экологическая компания ищет технологии термической очистки грунтов на промышленных площадках.",
        ["рекультивация", "очистка почв", "экология"],
        ["DE"],
        [("Наталья", "Лебедева", "Руководитель проектов")]
    ),
    c!(
        "ООО «ЛесПром Архангельск»",
        "RU",
        "Архангельск",
        ["16.10", "16.23"],
        "BO",
        "ru",
        "Поставки клеёного бруса и пиломатериалов",
        "Деревообрабатывающее предприятие предлагает клеёный брус и строганые пиломатериалы на экспорт.",
        ["клеёный брус", "пиломатериалы", "экспорт"],
        ["DE"],
        [("Андрей", "Новиков", "Коммерческий директор")]
    ),
    c!(
        "ООО «ОптикаПрибор»",
        "RU",
        "Санкт-Петербург",
        ["26.70"],
        "TR",
        "ru",
        "Оптические измерительные системы для контроля качества",
        "Производитель ищет технологии бесконтактных 3D-измерений для контроля серийных деталей.",
        ["измерительная техника", "оптика", "контроль качества"],
        ["DE"],
        [("Павел", "Фёдоров", "Руководитель R&D")]
    ),
    c!(
        "ООО «СодаХим»",
        "RU",
        "Стерлитамак",
        ["20.13"],
        "BO",
        "ru",
        "Экспорт кальцинированной соды",
        "Химическое предприятие предлагает кальцинированную соду и техническую соль европейским покупателям.",
        ["кальцинированная сода", "химия", "экспорт"],
        ["DE"],
        [("Ольга", "Михайлова", "Менеджер по экспорту")]
    ),
    c!(
        "ООО «ТрансЛогистик»",
        "RU",
        "Калининград",
        ["49.41", "52.29"],
        "BR",
        "ru",
        "Логистические партнёры в Германии",
        "Транспортная компания ищет партнёров для складской логистики и дистрибуции в Центральной Германии.",
        ["логистика", "склад", "дистрибуция"],
        ["DE"],
        [("Виктор", "Егоров", "Директор")]
    ),
    c!(
        "Томский политехнический университет",
        "RU",
        "Томск",
        ["85.42", "72.19"],
        "RDR",
        "ru",
        "Партнёры для исследований в аддитивном производстве",
        "Университет ищет партнёров для совместных исследований 3D-печати металлами.",
        ["аддитивные технологии", "3D-печать", "исследования"],
        ["DE"],
        [
            ("Анна", "Павлова", "Профессор"),
            ("Иван", "Козлов", "Научный сотрудник")
        ]
    ),
    c!(
        "ООО «Агрополив»",
        "RU",
        "Волгоград",
        ["01.61"],
        "TR",
        "ru",
        "Технологии капельного орошения",
        "Ищем технологии водосберегающего орошения и датчики влажности почвы для засушливых регионов.",
        ["орошение", "датчики", "засушливые регионы"],
        ["DE"],
        [("Михаил", "Степанов", "Генеральный директор")]
    ),
    c!(
        "ООО «ЭнергоСервис»",
        "RU",
        "Нижний Новгород",
        ["35.30"],
        "BR",
        "ru",
        "Когенерационные установки для промышленности",
        "Сервисная компания ищет поставщиков когенерационных установок для промышленных клиентов.",
        ["когенерация", "энергоэффективность", "промышленность"],
        ["DE"],
        [("Татьяна", "Николаева", "Руководитель отдела")]
    ),
    c!(
        "Торгово-промышленная палата Российской Федерации",
        "RU",
        "Москва",
        ["94.11"],
        "BO",
        "ru",
        "Содействие в поиске партнёров в России",
        "Палата помогает немецким компаниям находить партнёров и организует деловые миссии в регионы России.",
        ["деловые миссии", "поиск партнёров", "ВЭД"],
        ["DE"],
        [
            ("Ирина", "Орлова", "Советник"),
            ("Константин", "Зайцев", "Эксперт")
        ]
    ),
    // Ukraine: 12 organisations, 15 people.
    c!(
        "ТОВ «Запоріжмашсервіс»",
        "UA",
        "Запоріжжя",
        ["33.12", "28.41"],
        "BR",
        "uk",
        "Шукаємо партнера для модернізації верстатів",
        "Сервісна компанія шукає німецького партнера для модернізації металообробних верстатів з ЧПК.",
        ["модернізація верстатів", "ЧПК", "металообробка"],
        ["DE"],
        [
            ("Олександр", "Шевченко", "Директор"),
            ("Ірина", "Бондаренко", "Інженер")
        ]
    ),
    c!(
        "ТОВ «Агро-Південь»",
        "UA",
        "Херсон",
        ["01.13", "01.61"],
        "BR",
        "uk",
        "Потрібна сучасна посівна техніка та зрошення",
        "Агропідприємство шукає постачальників сівалок точного висіву та систем зрошення.",
        ["сівалки", "зрошення", "агротехніка"],
        ["DE"],
        [
            ("Микола", "Коваленко", "Власник"),
            ("Галина", "Коваленко", "Фінансовий директор")
        ]
    ),
    c!(
        "ТОВ «Дніпро Полімер»",
        "UA",
        "Дніпро",
        ["22.21", "38.32"],
        "TR",
        "uk",
        "Технології переробки пластикових відходів",
        "Переробник пластмас шукає технологію виробництва компаундів зі змішаних відходів.",
        ["переробка пластику", "компаунди", "відходи"],
        ["DE"],
        [("Андрій", "Ткаченко", "Технічний директор")]
    ),
    c!(
        "ТОВ «Сонячна енергія Запоріжжя»",
        "UA",
        "Запоріжжя",
        ["35.11"],
        "BR",
        "uk",
        "Партнер для будівництва сонячної електростанції",
        "Інвестор шукає EPC-підрядника для будівництва сонячної станції потужністю 20 МВт.",
        ["сонячна енергетика", "EPC", "фотовольтаїка"],
        ["DE"],
        [("Сергій", "Кравченко", "Керівник проєкту")]
    ),
    c!(
        "ТОВ «Карпатський ліс»",
        "UA",
        "Івано-Франківськ",
        ["16.23"],
        "BO",
        "uk",
        "Клеєний брус та дерев'яні конструкції",
        "Деревообробне підприємство пропонує клеєний брус і дерев'яні будинки на експорт до ЄС.",
        ["клеєний брус", "дерев'яні конструкції", "експорт"],
        ["DE"],
        [("Василь", "Олійник", "Комерційний директор")]
    ),
    c!(
        "ТОВ «Ягідний край»",
        "UA",
        "Житомир",
        ["01.25", "10.39"],
        "BO",
        "uk",
        "Заморожені ягоди з сертифікацією GLOBALG.A.P.",
        "Виробник пропонує заморожену чорницю, малину та смородину для переробників у ЄС.",
        ["ягоди", "заморожена продукція", "GLOBALG.A.P."],
        ["DE"],
        [("Оксана", "Мельник", "Менеджер з експорту")]
    ),
    c!(
        "ТОВ «Укрлаб Аналітика»",
        "UA",
        "Київ",
        ["71.20"],
        "BR",
        "uk",
        "Партнерство з акредитованою лабораторією в ЄС",
        "Лабораторія шукає партнера в ЄС для аналізів харчових продуктів за стандартами ЄС.",
        ["лабораторія", "аналітика", "харчова безпека"],
        ["DE"],
        [("Тетяна", "Савченко", "Директор")]
    ),
    c!(
        "ТОВ «Метал-Конструкція»",
        "UA",
        "Запоріжжя",
        ["25.11"],
        "BO",
        "uk",
        "Металоконструкції та зварювання за EN 1090",
        "Завод пропонує виготовлення сталевих конструкцій із сертифікацією EN 1090 як субпідрядник.",
        ["металоконструкції", "зварювання", "EN 1090"],
        ["DE"],
        [("Віктор", "Руденко", "Головний інженер")]
    ),
    c!(
        "Національний університет «Запорізька політехніка»",
        "UA",
        "Запоріжжя",
        ["85.42", "72.19"],
        "RDR",
        "uk",
        "Спільні дослідження в адитивному виробництві",
        "Університет шукає партнерів для спільного проєкту з 3D-друку металевих деталей.",
        ["адитивне виробництво", "3D-друк", "дослідження"],
        ["DE"],
        [
            ("Олена", "Лисенко", "Професор"),
            ("Дмитро", "Гончаренко", "Аспірант")
        ]
    ),
    c!(
        "ТОВ «ЕкоҐрунт Україна»",
        "UA",
        "Харків",
        ["39.00"],
        "BR",
        "uk",
        "Технології рекультивації промислових земель",
        "Шукаємо партнера з технологіями термічного очищення ґрунтів на промислових майданчиках.",
        ["рекультивація", "очищення ґрунтів", "екологія"],
        ["DE"],
        [("Юлія", "Марченко", "Керівник")]
    ),
    c!(
        "ТОВ «Енергоефект»",
        "UA",
        "Львів",
        ["35.30", "43.22"],
        "BR",
        "uk",
        "Когенераційні установки для підприємств",
        "Компанія шукає постачальника когенераційних установок та партнера з енергосервісу.",
        ["когенерація", "енергоефективність", "енергосервіс"],
        ["DE"],
        [("Роман", "Бойко", "Директор")]
    ),
    c!(
        "Запорізька торгово-промислова палата",
        "UA",
        "Запоріжжя",
        ["94.11"],
        "BO",
        "uk",
        "Пошук ділових партнерів у Запорізькому регіоні",
        "Палата допомагає німецьким компаніям знайти партнерів та організовує бізнес-місії.",
        ["бізнес-місії", "пошук партнерів", "торгівля"],
        ["DE"],
        [
            ("Людмила", "Павленко", "Віце-президент"),
            ("Максим", "Кузьменко", "Експерт")
        ]
    ),
    // Serbia: 8 organisations, 12 people.
    c!(
        "Metal Obrada d.o.o.",
        "RS",
        "Kragujevac",
        ["25.62", "24.51"],
        "BO",
        "sr",
        "Mašinska obrada odlivaka po narudžbini",
        "Nudimo CNC obradu odlivaka do 800 kg za evropske livnice i proizvođače mašina.",
        ["CNC obrada", "odlivci", "podugovaranje"],
        ["DE"],
        [
            ("Marko", "Petrović", "Direktor"),
            ("Jelena", "Nikolić", "Prodaja")
        ]
    ),
    c!(
        "Vojvodina Voće d.o.o.",
        "RS",
        "Novi Sad",
        ["01.24", "10.39"],
        "BO",
        "sr",
        "Smrznuto voće i povrće za evropsko tržište",
        "Proizvođač nudi smrznutu malinu, višnju i grašak sa GLOBALG.A.P. sertifikatom.",
        ["malina", "smrznuto voće", "GLOBALG.A.P."],
        ["DE"],
        [
            ("Dragan", "Jovanović", "Vlasnik"),
            ("Milica", "Đorđević", "Izvoz")
        ]
    ),
    c!(
        "Softverska kuća Beograd d.o.o.",
        "RS",
        "Beograd",
        ["62.01"],
        "BO",
        "sr",
        "Razvoj softvera po narudžbini za logistiku",
        "Nudimo razvoj softvera i integraciju sistema za logističke kompanije kao podugovarač.",
        ["razvoj softvera", "logistika", "outsourcing"],
        ["DE"],
        [("Nikola", "Ilić", "CEO")]
    ),
    c!(
        "Zavarivanje Niš d.o.o.",
        "RS",
        "Niš",
        ["25.11"],
        "BO",
        "sr",
        "Čelične konstrukcije prema EN 1090",
        "Sertifikovana radionica nudi izradu čeličnih konstrukcija i zavarivanje za nemačke partnere.",
        ["čelične konstrukcije", "zavarivanje", "EN 1090"],
        ["DE"],
        [("Stefan", "Marković", "Tehnički direktor")]
    ),
    c!(
        "Energo Projekt Srbija d.o.o.",
        "RS",
        "Beograd",
        ["71.12", "35.11"],
        "BR",
        "sr",
        "Partner za solarne elektrane",
        "Tražimo iskusnog EPC partnera za izgradnju solarnih elektrana u Srbiji.",
        ["solarna energija", "EPC", "fotonaponski sistemi"],
        ["DE"],
        [
            ("Ana", "Stojanović", "Menadžer projekta"),
            ("Miloš", "Pavlović", "Inženjer")
        ]
    ),
    c!(
        "Logistika Balkan d.o.o.",
        "RS",
        "Subotica",
        ["49.41", "52.10"],
        "BR",
        "sr",
        "Skladišni partner u Nemačkoj",
        "Transportna kompanija traži partnera za skladištenje opasnih materija u Centralnoj Nemačkoj.",
        ["logistika", "opasne materije", "skladištenje"],
        ["DE"],
        [("Vladimir", "Popović", "Direktor")]
    ),
    c!(
        "Univerzitet u Kragujevcu, Fakultet inženjerskih nauka",
        "RS",
        "Kragujevac",
        ["85.42", "72.19"],
        "RDR",
        "sr",
        "Istraživački partneri za aditivnu proizvodnju",
        "Fakultet traži partnere za zajednički istraživački projekat 3D štampe metala.",
        ["aditivna proizvodnja", "3D štampa", "istraživanje"],
        ["DE"],
        [("Prof. dr Zoran", "Milošević", "Profesor")]
    ),
    c!(
        "Privredna komora Srbije",
        "RS",
        "Beograd",
        ["94.11"],
        "BO",
        "sr",
        "Podrška nemačkim investitorima u Srbiji",
        "Komora pomaže nemačkim kompanijama u pronalaženju partnera i lokacija za investicije.",
        ["investicije", "partneri", "privredna saradnja"],
        ["DE"],
        [
            ("Jovana", "Kostić", "Savetnik"),
            ("Ivan", "Radović", "Savetnik")
        ]
    ),
    // Albania: 5 organisations, 8 people.
    c!(
        "Adriatik Metal sh.p.k.",
        "AL",
        "Durrës",
        ["25.11", "25.62"],
        "BO",
        "sq",
        "Konstruksione metalike dhe saldim",
        "Ofrojmë prodhim konstruksionesh çeliku dhe përpunim CNC si nënkontraktor për partnerë gjermanë.",
        ["konstruksione metalike", "saldim", "nënkontraktim"],
        ["DE"],
        [("Arben", "Hoxha", "Drejtor"), ("Elira", "Shehu", "Shitje")]
    ),
    c!(
        "Bio Fruta Shqipëri sh.p.k.",
        "AL",
        "Korçë",
        ["01.24", "10.39"],
        "BO",
        "sq",
        "Fruta dhe perime të ngrira për eksport",
        "Prodhues i mollëve, boronicave dhe perimeve të ngrira kërkon blerës në Gjermani.",
        ["fruta", "perime të ngrira", "eksport"],
        ["DE"],
        [("Gentian", "Dervishi", "Pronar")]
    ),
    c!(
        "Tirana Tech sh.p.k.",
        "AL",
        "Tiranë",
        ["62.01", "62.02"],
        "BO",
        "sq",
        "Zhvillim softuerësh dhe siguri IT",
        "Kompani softuerike ofron zhvillim aplikacionesh dhe shërbime sigurie IT për klientë evropianë.",
        ["zhvillim softuerësh", "siguri IT", "outsourcing"],
        ["DE"],
        [
            ("Besnik", "Kola", "CEO"),
            ("Anisa", "Leka", "Menaxhere projekti")
        ]
    ),
    c!(
        "Energji e Gjelbër sh.p.k.",
        "AL",
        "Fier",
        ["35.11"],
        "BR",
        "sq",
        "Partner për parqe fotovoltaike",
        "Kërkojmë partner teknologjik dhe kontraktor EPC për park diellor 10 MW.",
        ["energji diellore", "fotovoltaik", "EPC"],
        ["DE"],
        [("Ilir", "Basha", "Drejtor projekti")]
    ),
    c!(
        "Dhoma e Tregtisë dhe Industrisë Tiranë",
        "AL",
        "Tiranë",
        ["94.11"],
        "BO",
        "sq",
        "Ndërmjetësim partnerësh në Shqipëri",
        "Dhoma ndihmon kompanitë gjermane të gjejnë partnerë dhe organizon misione biznesi.",
        ["misione biznesi", "partnerë", "tregti"],
        ["DE"],
        [
            ("Mirela", "Gjoka", "Këshilltare"),
            ("Edmond", "Prifti", "Ekspert")
        ]
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_eighty_people_from_five_countries_come() {
        let people: usize = COMPANIES.iter().map(|c| c.people.len()).sum();
        assert_eq!(people, 80);
        for country in ["DE", "RU", "UA", "RS", "AL"] {
            assert!(COMPANIES.iter().any(|c| c.country == country), "{country}");
        }
    }
}
