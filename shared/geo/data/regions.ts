/**
 * Curated first-level regions, islands and well-known historical regions that
 * GeoNames cities1000 (populated places only) does not contain. Names are in
 * several languages; the build folds them. Format: [ISO alpha-2, 'name|name|…'].
 * Sources: ISO 3166-2 subdivision lists and the English/native Wikipedia
 * names of each region (hand-transcribed).
 */
export const REGIONS: ReadonlyArray<readonly [string, string]> = [
  // (GB ceremonial counties: only names no big city elsewhere shares — no Kent, Essex, Surrey, Norfolk, Durham, Cornwall)
  // United States (ISO 3166-2:US)
  ['US', 'Midwest|Corn Belt|Rust Belt|Bible Belt|Bay Area|Deep South|Pacific Northwest|Upstate New York|Appalachia|NYC|D.C.|Alabama|Alaska|Arizona|Arkansas|California|Kalifornien|Californie|Kalifornia|Калифорния|Colorado|Connecticut|Delaware|Florida|Floride|Floryda|Флорида|Hawaii|Hawaï|Hawaje|Гавайи|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Louisiane|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|Nouveau-Mexique|New York State|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Tejas|Teksas|Техас|Utah|Vermont|Virginia|West Virginia|Washington State|Wisconsin|Wyoming|District of Columbia|Southern California|Northern California|New England|Long Island|Manhattan|Brooklyn|Bronx|Queens|Staten Island'],
  // Canada (ISO 3166-2:CA)
  ['CA', 'the Prairies|Prairies|Cape Breton|Maritimes|Okanagan|Niagara Region|B.C.|GTA|Ontario|Quebec|Québec|Quebeck|British Columbia|Colombie-Britannique|Britisch-Kolumbien|Alberta|Manitoba|Saskatchewan|Nova Scotia|Nouvelle-Écosse|Neuschottland|New Brunswick|Nouveau-Brunswick|Newfoundland|Newfoundland and Labrador|Terre-Neuve|Labrador|Prince Edward Island|Île-du-Prince-Édouard|Yukon|Northwest Territories|Nunavut|Greater Toronto Area|Онтарио|Квебек'],
  // Australia (ISO 3166-2:AU)
  ['AU', 'Outback|Channel Country|Hunter Valley|Gold Coast|Sunshine Coast|Top End|Riverina|Gippsland|NSW|QLD|New South Wales|Nouvelle-Galles du Sud|Neusüdwales|Queensland|Western Australia|South Australia|Northern Territory|Tasmania|Tasmanie|Tasmanien|Australian Capital Territory|Sunshine Coast|Gold Coast'],
  // United Kingdom
  ['GB', 'Lake District|Cotswolds|Peak District|Scottish Highlands|Home Counties|Lincolnshire|Yorkshire|North Yorkshire|West Yorkshire|South Yorkshire|East Yorkshire|Lancashire|Cumbria|Northumberland|Merseyside|Greater Manchester|Derbyshire|Nottinghamshire|Leicestershire|Staffordshire|Shropshire|Cheshire|Hampshire|Dorset|Wiltshire|Gloucestershire|Oxfordshire|Buckinghamshire|Berkshire|Hertfordshire|Bedfordshire|Cambridgeshire|Northamptonshire|Warwickshire|Worcestershire|Herefordshire|West Midlands|Tyne and Wear|East Sussex|West Sussex|Perthshire|Aberdeenshire|Lanarkshire|Ayrshire|Fife|Gwynedd|Powys|Pembrokeshire|Carmarthenshire|Merseyside|England|Angleterre|Inglaterra|Inghilterra|Engeland|Anglia|Anglie|Anglicko|Englanti|Anglia|Англия|Англія|Αγγλία|Scotland|Schottland|Écosse|Escocia|Scozia|Schotland|Szkocja|Skotsko|Škótsko|Skottland|Skotland|Skotlanti|Skócia|Escócia|Шотландия|Шотландія|Σκωτία|Wales|Cymru|Gymru|Nghymru|Chymru|Galles|Gales|Walia|Pays de Galles|Wallis|Уэльс|Northern Ireland|Nordirland|Irlande du Nord|Irlanda del Norte|Irlanda do Norte|Irlanda del Nord|Noord-Ierland|Irlandia Północna|Great Britain|Großbritannien|Grande-Bretagne|Gran Bretaña|Gran Bretagna|Groot-Brittannië|Wielka Brytania|Velká Británie|Storbritannien|Storbritannia|Iso-Britannia|Nagy-Britannia|Grã-Bretanha|Великобритания|Великобританія|Британия|Britannia|Britain|Yorkshire|Cornwall|Devon|Kent|Essex|Surrey|Sussex|Lancashire|Cumbria|Norfolk|Suffolk|Midlands|Highlands|Isle of Wight|Greater London|North London|South London|East London|West London'],
  // Ireland ("County Cork" and the other counties come from ISO 3166-2 via the "County X" form in places.ts)
  ['IE', 'Connemara|Kerry|Galway Bay'],
  // Germany
  ['DE', 'Bavaria|Bayern|Bavière|Baviera|Bawaria|Bavorsko|Baijeri|Bajorország|Бавария|Saxony|Sachsen|Saxe|Sajonia|Sassonia|Saksonia|Sasko|Hesse|Hessen|Assia|Heska|Thuringia|Thüringen|Thuringe|Turingia|Brandenburg|Brandebourg|Brandeburgo|Brandenburgia|Baden-Württemberg|Bade-Wurtemberg|Badenia-Wirtembergia|Württemberg|Baden|Swabia|Schwaben|Souabe|Suabia|Rhineland|Rheinland|Rhénanie|Renania|Nadrenia|Rhineland-Palatinate|Rheinland-Pfalz|Palatinate|Pfalz|Westphalia|Westfalen|Westphalie|Westfalia|North Rhine-Westphalia|Nordrhein-Westfalen|Rhénanie-du-Nord-Westphalie|Renania del Norte-Westfalia|Nadrenia Północna-Westfalia|Lower Saxony|Niedersachsen|Basse-Saxe|Baja Sajonia|Dolna Saksonia|Schleswig-Holstein|Mecklenburg|Mecklenburg-Vorpommern|Mecklemburgo|Meklemburgia|Saarland|Sarre|Saxony-Anhalt|Sachsen-Anhalt|Ruhrgebiet|Ruhr|Black Forest|Schwarzwald|Forêt-Noire|Allgäu|Franconia|Franken|Frankonia|Eifel|Rügen|Sylt'],
  // Austria / Switzerland
  ['AT', 'Tyrol|Tirol|Tirolo|Styria|Steiermark|Styrie|Stiria|Carinthia|Kärnten|Carinthie|Carinzia|Vorarlberg|Burgenland|Lower Austria|Niederösterreich|Upper Austria|Oberösterreich|Salzkammergut'],
  ['CH', 'Ticino|Tessin|Valais|Wallis|Graubünden|Grisons|Grigioni|Engadin|Engadine|Romandie|Bernese Oberland|Berner Oberland|Aargau|Argovie|Thurgau|Appenzell'],
  // France
  ['FR', 'Brittany|Bretagne|Bretaña|Bretagna|Bretania|Normandy|Normandie|Normandía|Normandia|Provence|Provenza|Prowansja|Alsace|Elsass|Alsacia|Alsazia|Alzacja|Lorraine|Lothringen|Lorena|Lotaryngia|Burgundy|Bourgogne|Burgund|Borgoña|Borgogna|Burgundia|Champagne|Corsica|Corse|Korsika|Córcega|Korsyka|Occitanie|Occitania|Aquitaine|Aquitania|Dordogne|Auvergne|Savoie|Savoy|Savoyen|Côte d\'Azur|Cote d\'Azur|French Riviera|Île-de-France|Languedoc|Picardie|Picardy|Gascony|Gascogne|Loire Valley|Val de Loire|Pays Basque français'],
  // Italy
  ['IT', 'Sicily|Sicilia|Sizilien|Sicile|Sycylia|Sicílie|Sisilia|Szicília|Сицилия|Σικελία|Sardinia|Sardegna|Sardinien|Sardaigne|Cerdeña|Sardynia|Sardínie|Tuscany|Toscana|Toskana|Toscane|Toskania|Lombardy|Lombardia|Lombardei|Lombardie|Lombardía|Veneto|Venetien|Vénétie|Piedmont|Piemonte|Piemont|Piémont|Apulia|Puglia|Apulien|Pouilles|Calabria|Kalabrien|Calabre|Campania|Kampanien|Campanie|Liguria|Ligurien|Ligurie|Umbria|Umbrien|Ombrie|Emilia-Romagna|Émilie-Romagne|Marche|Abruzzo|Abruzzen|Lazio|Latium|Trentino|South Tyrol|Südtirol|Alto Adige|Friuli|Dolomites|Dolomiten|Dolomiti|Amalfi Coast|Costiera Amalfitana|Capri'],
  // Spain
  ['ES', 'Andalusia|Andalucía|Andalucia|Andalusien|Andalousie|Andaluzja|Andalusie|Andaluzia|Catalonia|Catalunya|Cataluña|Katalonien|Catalogne|Catalogna|Katalonia|Katalánsko|Basque Country|País Vasco|Euskadi|Baskenland|Pays basque|Paesi Baschi|Kraj Basków|Galicia|Galice|Galizien|Asturias|Asturien|Cantabria|Castile|Castilla|Kastilien|Castille|Castilla y León|Castilla-La Mancha|La Mancha|Extremadura|Estrémadure|Aragon|Aragón|Navarre|Navarra|Murcia|Valencian Community|Comunidad Valenciana|Comunitat Valenciana|Costa del Sol|Costa Brava|Costa Blanca|Canary Islands|Canarias|Islas Canarias|Kanaren|Kanarische Inseln|Canaries|Wyspy Kanaryjskie|Tenerife|Teneriffa|Gran Canaria|Lanzarote|Fuerteventura|Balearic Islands|Baleares|Islas Baleares|Illes Balears|Balearen|Mallorca|Majorca|Majorque|Majorka|Menorca|Minorca|Ibiza|Eivissa|Formentera'],
  // Portugal
  ['PT', 'Algarve|Madeira|Madère|Madera|Azores|Açores|Azoren|Azzorre|Azory|Alentejo|Minho'],
  // Benelux / Nordics
  ['NL', 'Holland|Hollande|Olanda|Holandia|Holandsko|Hollandia|Голландия|North Holland|Noord-Holland|South Holland|Zuid-Holland|Zeeland|Friesland|Frisia|Groningen|Drenthe|Overijssel|Gelderland|Utrecht|Noord-Brabant|Flevoland'],
  ['BE', 'Flanders|Vlaanderen|Flandern|Flandre|Flandes|Fiandre|Flandria|Wallonia|Wallonie|Wallonien|Valonia|Vallonia|Walonia|Ardennes belges|Brabant wallon|Vlaams-Brabant|West-Vlaanderen|Oost-Vlaanderen|Hainaut|Henegouwen'],
  ['DK', 'Jutland|Jylland|Jütland|Zealand|Sjælland|Funen|Fyn|Bornholm'],
  ['NO', 'Lofoten|Svalbard|Finnmark|Troms|Nordland|Vestland|Telemark'],
  ['SE', 'Gotland|Skåne|Scania|Lapland Sweden|Norrland|Dalarna|Småland|Öland'],
  ['FI', 'Lapland|Lappi|Lappland|Laponie|Laponia|Karelia|Karjala|Åland|Ahvenanmaa|Uusimaa'],
  // Central & Eastern Europe
  ['CZ', 'Bohemia|Böhmen|Bohême|Bohemia|Morava|Moravia|Mähren|Moravie|Morawy|Čechy|Morava'],
  ['PL', 'Silesia|Śląsk|Schlesien|Silésie|Slezsko|Pomerania|Pomorze|Masuria|Mazury|Masuren|Mazovia|Mazowsze|Lesser Poland|Małopolska|Greater Poland|Wielkopolska|Podhale|Kaszuby|Kashubia|Tatry|Podlasie'],
  ['SK', 'High Tatras|Vysoké Tatry|Orava|Spiš'],
  ['HU', 'Balaton|Lake Balaton|Transdanubia|Dunántúl'],
  ['RO', 'Transylvania|Transilvania|Siebenbürgen|Transylvanie|Transylwania|Erdély|Трансильвания|Wallachia|Valahia|Moldavia romana|Bucovina|Bukovina|Maramureș|Dobrogea|Banat'],
  ['HR', 'Dalmatia|Dalmacija|Dalmatien|Dalmatie|Dalmacja|Istria|Istra|Istrien|Istrie|Slavonia|Slavonija|Hvar|Brač|Korčula|Krk'],
  ['SI', 'Carniola|Kranjska|Štajerska|Prekmurje|Bled'],
  ['GR', 'Crete|Κρήτη|Kreta|Crète|Creta|Kréta|Крит|Rhodes|Ρόδος|Rhodos|Corfu|Κέρκυρα|Korfu|Macedonia Greece|Μακεδονία|Peloponnese|Πελοπόννησος|Peloponnes|Peloponeso|Attica|Αττική|Attika|Santorini|Σαντορίνη|Mykonos|Μύκονος|Cyclades|Κυκλάδες|Kykladen|Zakynthos|Ζάκυνθος|Kefalonia|Κεφαλονιά|Chalkidiki|Χαλκιδική|Thessaly|Θεσσαλία|Epirus|Ήπειρος|Naxos|Paros|Kos'],
  ['BG', 'Thrace bulgare|Dobruja|Добруджа|Rhodopes|Родопи'],
  ['RU', 'Siberia|Sibirien|Sibérie|Syberia|Sibiř|Сибирь|Сибір|Урал|Ural Mountains|Kamchatka|Камчатка|Chechnya|Чечня|Tatarstan|Татарстан|Dagestan|Дагестан|Yakutia|Якутия|Karelia Russia|Карелия|Kaliningrad Oblast|Moscow Oblast|Подмосковье|Кубань|Kuban'],
  ['UA', 'Crimea|Krim|Crimée|Krym|Крым|Крим|Donbas|Donbass|Донбасс|Донбас|Galicia Ukraine|Галичина|Zakarpattia|Закарпаття|Podolia|Поділля|Volhynia|Волинь'],
  ['TR', 'Anatolia|Anadolu|Anatolien|Anatolie|Cappadocia|Kapadokya|Kappadokien|Cappadoce|Thrace|Trakya|Kurdistan turc|Aegean coast|Ege'],
  ['GE', 'Adjara|Ajaria|Аджария|Kakheti|Kachetien|Svaneti|Abkhazia|Abchasien|Абхазия|South Ossetia|Южная Осетия'],
  // Middle East, Africa, Asia, Americas
  ['EG', 'Sinai|Sinai Peninsula|Upper Egypt|Nile Delta|Luxor'],
  ['IR', 'East Azerbaijan|West Azerbaijan|Fars Province|Fars|Khuzestan|Kurdistan Province|Gilan|Mazandaran|Isfahan Province|Khorasan'],
  ['IQ', 'Iraqi Kurdistan|Kurdistan Region|Anbar|Nineveh Province'],
  ['SY', 'Idlib Province|Ghouta|Eastern Ghouta|Golan'],
  ['ZA', 'Karoo|Highveld|Lowveld|Garden Route|Limpopo|Eastern Cape|Western Cape|Northern Cape|KwaZulu-Natal|Gauteng|Mpumalanga|Free State|North West Province'],
  ['CN', 'Sichuan|Szechuan|Hunan|Hubei|Zhejiang|Guangdong|Canton Province|Guizhou|Guangxi|Jiangsu|Yunnan|Fujian|Shandong|Henan|Hebei|Shanxi|Shaanxi|Anhui|Jiangxi|Liaoning|Jilin Province|Heilongjiang|Gansu|Qinghai|Xinjiang|Tibet|Tibet Autonomous Region|Inner Mongolia|Ningxia|Hainan|Manchuria|四川|湖南|湖北|浙江|广东|廣東|贵州|广西|江苏|云南|福建|山东|河南|河北|山西|陕西|安徽|江西|辽宁|黑龙江|甘肃|青海|新疆|西藏|内蒙古|海南'],
  ['JP', 'Hokkaido|Hokkaidō|北海道|Okinawa|沖縄|Kyushu|Kyūshū|九州|Shikoku|四国|Honshu|本州|Kansai|関西|Kanto|関東'],
  ['KR', 'Jeju|Jeju Island|제주|제주도|Gyeonggi|경기도|Gangwon|강원도'],
  ['IN', 'Punjab|Kerala|Goa|Rajasthan|Gujarat|Maharashtra|Tamil Nadu|Karnataka|West Bengal|Uttar Pradesh|Madhya Pradesh|Andhra Pradesh|Telangana|Bihar|Odisha|Assam|Himachal Pradesh|Uttarakhand|Haryana|Jharkhand|Chhattisgarh'],
  // Pakistan (ISO 3166-2:PK); Punjab is in both lists: it is a state of India and a province of Pakistan
  ['PK', 'Punjab|Sindh|Khyber Pakhtunkhwa|Balochistan|Baluchistan|Gilgit-Baltistan|Azad Kashmir|سندھ|بلوچستان'],
  ['ID', 'Bali|Java|Jawa|Sumatra|Sumatera|Borneo Indonesia|Kalimantan|Sulawesi|Lombok|Papua Indonesia'],
  ['MX', 'Yucatán|Yucatan|Jalisco|Oaxaca|Chiapas|Baja California|Sonora|Chihuahua State|Nuevo León|Quintana Roo|Veracruz|Michoacán|Guerrero|Sinaloa|Tamaulipas|Coahuila|Puebla State'],
  ['BR', 'São Paulo State|Minas Gerais|Rio Grande do Sul|Bahia|Paraná|Santa Catarina|Pernambuco|Ceará|Amazonas|Goiás|Mato Grosso|Pará'],
  ['AR', 'CABA|Ciudad Autónoma de Buenos Aires|Patagonia Argentina|Buenos Aires Province|Mendoza Province|Tierra del Fuego|Santa Fe Province|Entre Ríos|Misiones|Tucumán|Salta Province'],
  // Venezuela, Colombia, Peru, Chile (first-level units whose names are not also big cities abroad)
  ['VE', 'Carabobo|Zulia|Miranda State|Lara State|Anzoátegui|Anzoategui|Aragua|Táchira|Tachira|Bolívar State|Nueva Esparta|Falcón'],
  ['CO', 'Antioquia|Cundinamarca|Valle del Cauca|Atlántico|Santander Department|Boyacá|Nariño|Risaralda|Quindío'],
  ['PE', 'Arequipa Region|Cusco Region|Loreto|Piura Region|Junín'],
  ['CL', 'Biobío|Araucanía|Valparaíso Region|Región Metropolitana|Los Lagos|Atacama'],
  ['NZ', 'North Island|South Island|Canterbury NZ|Otago|Waikato'],
];

/**
 * Region names that are also common words or persons' names in some language,
 * or that are shared by several countries: treated like ambiguous places.
 */
export const AMBIGUOUS_REGIONS: ReadonlyArray<string> = [
  'georgia', 'victoria', 'washington', 'virginia', 'montana', 'indiana', 'kent', 'devon', 'essex', 'surrey',
  'champagne', 'marche', 'java', 'ege', 'fars', 'kos', 'galicia', 'banat', 'morava', 'orava', 'free state',
  'baden', 'holland', 'ruhr', 'kerry', 'bled', 'crete', 'frisia', 'limburg', 'highlands', 'midlands', 'labrador',
  'tibet', 'goa', 'bali', 'canterbury', 'macedonia', 'ural', 'lapland', 'carolina', 'delaware', 'maine', 'nevada',
];
