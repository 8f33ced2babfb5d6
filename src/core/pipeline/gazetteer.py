"""A small built-in gazetteer: the world's countries (and a few common short forms).

Used by the rule-based pipeline to tag places without a model, and by actor merging so a
country is always a place whatever label the model gave it.
"""

from __future__ import annotations

COUNTRIES: tuple[str, ...] = tuple(
    line.strip()
    for line in """
Afghanistan
Albania
Algeria
Andorra
Angola
Antigua and Barbuda
Argentina
Armenia
Australia
Austria
Azerbaijan
Bahamas
Bahrain
Bangladesh
Barbados
Belarus
Belgium
Belize
Benin
Bhutan
Bolivia
Bosnia and Herzegovina
Botswana
Brazil
Brunei
Bulgaria
Burkina Faso
Burundi
Cambodia
Cameroon
Canada
Cape Verde
Central African Republic
Chad
Chile
China
Colombia
Comoros
Congo
Costa Rica
Croatia
Cuba
Cyprus
Czech Republic
Czechia
Democratic Republic of the Congo
Denmark
Djibouti
Dominica
Dominican Republic
East Timor
Ecuador
Egypt
El Salvador
Equatorial Guinea
Eritrea
Estonia
Eswatini
Ethiopia
Fiji
Finland
France
Gabon
Gambia
Georgia
Germany
Ghana
Greece
Grenada
Guatemala
Guinea
Guinea-Bissau
Guyana
Haiti
Honduras
Hungary
Iceland
India
Indonesia
Iran
Iraq
Ireland
Israel
Italy
Ivory Coast
Jamaica
Japan
Jordan
Kazakhstan
Kenya
Kiribati
Kosovo
Kuwait
Kyrgyzstan
Laos
Latvia
Lebanon
Lesotho
Liberia
Libya
Liechtenstein
Lithuania
Luxembourg
Madagascar
Malawi
Malaysia
Maldives
Mali
Malta
Marshall Islands
Mauritania
Mauritius
Mexico
Micronesia
Moldova
Monaco
Mongolia
Montenegro
Morocco
Mozambique
Myanmar
Namibia
Nauru
Nepal
Netherlands
New Zealand
Nicaragua
Niger
Nigeria
North Korea
North Macedonia
Norway
Oman
Pakistan
Palau
Palestine
Panama
Papua New Guinea
Paraguay
Peru
Philippines
Poland
Portugal
Qatar
Romania
Russia
Rwanda
Saint Lucia
Samoa
San Marino
Saudi Arabia
Senegal
Serbia
Seychelles
Sierra Leone
Singapore
Slovakia
Slovenia
Solomon Islands
Somalia
South Africa
South Korea
South Sudan
Spain
Sri Lanka
Sudan
Suriname
Sweden
Switzerland
Syria
Taiwan
Tajikistan
Tanzania
Thailand
Togo
Tonga
Trinidad and Tobago
Tunisia
Turkey
Turkmenistan
Tuvalu
Uganda
Ukraine
United Arab Emirates
United Kingdom
United States
United States of America
Uruguay
Uzbekistan
Vanuatu
Vatican City
Venezuela
Vietnam
Yemen
Zambia
Zimbabwe
Britain
Great Britain
England
Scotland
Wales
America
Hong Kong
""".splitlines()
    if line.strip()
)

#: First-level divisions of the country news mentions most (the rules pipeline tags them GPE).
US_STATES: tuple[str, ...] = tuple(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii
    Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan
    Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania
    Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming""".split()
) + (
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "West Virginia",
    "Puerto Rico",
)

#: Countries whose name a US state also carries: the state in an American story, the country
#: in a story of its region (`core.pipeline.actors` reads each article's context).
COUNTRY_NAMESAKE_STATES: tuple[str, ...] = ("Georgia",)

#: Long and short forms of one country: each maps to the form news uses most.
COUNTRY_FORMS: dict[str, str] = {
    "America": "United States",
    "United States of America": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "Great Britain": "United Kingdom",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "United Kingdom of Great Britain and Northern Ireland": "United Kingdom",
    "Russian Federation": "Russia",
    "People's Republic of China": "China",
    "Holland": "Netherlands",
    "Burma": "Myanmar",
}
#: The major religions, by the names news uses for them: a kind of name, like a country, that
#: is neither a body nor a group of people ("-ism" names need no list: see `core.kinds`).
RELIGIONS: tuple[str, ...] = (
    "Christianity", "Islam", "Judaism", "Hinduism", "Buddhism", "Sikhism", "Jainism", "Shinto",
    "Taoism", "Zoroastrianism", "Bahá'í Faith",
)

#: Words that open a state's formal name: "Islamic Republic of Iran", "Kingdom of Spain".
STATE_PREFIX_WORDS = frozenset(
    "islamic people's peoples democratic federal federative socialist arab united bolivarian "
    "plurinational hashemite cooperative oriental argentine syrian".split()
)
STATE_NOUNS = frozenset({"republic", "kingdom", "state", "commonwealth", "federation", "emirate"})

#: Demonyms not made from their country's name by an ending ("Iranian", "Taiwanese" and
#: "Mexican" need no entry: see `core.countries.country_of`).
DEMONYMS: dict[str, str] = {
    "British": "United Kingdom", "Briton": "United Kingdom", "Britons": "United Kingdom",
    "English": "United Kingdom", "Scottish": "United Kingdom", "Scots": "United Kingdom",
    "Welsh": "United Kingdom",
    "French": "France", "Dutch": "Netherlands", "Swiss": "Switzerland", "German": "Germany",
    "Germans": "Germany", "Turkish": "Turkey", "Polish": "Poland", "Spanish": "Spain",
    "Danish": "Denmark", "Swedish": "Sweden", "Finnish": "Finland", "Irish": "Ireland",
    "Greek": "Greece", "Thai": "Thailand", "Filipino": "Philippines", "Filipinos":
    "Philippines", "Argentine": "Argentina", "Peruvian": "Peru", "Israeli": "Israel",
    "Pakistani": "Pakistan", "Iraqi": "Iraq", "Kuwaiti": "Kuwait", "Saudi": "Saudi Arabia",
    "Yemeni": "Yemen", "Bangladeshi": "Bangladesh", "Nepali": "Nepal", "Afghan": "Afghanistan",
    "Lebanese": "Lebanon", "Sudanese": "Sudan", "Vietnamese": "Vietnam",
    "Kiwi": "New Zealand", "Emirati": "United Arab Emirates", "Qatari": "Qatar",
    "Icelandic": "Iceland", "Norwegian": "Norway", "Malagasy": "Madagascar",
    "Congolese": "Congo", "Malaysian": "Malaysia", "Singaporean": "Singapore",
    "Ukrainian": "Ukraine", "Belarusian": "Belarus", "Czech": "Czech Republic",
    "Slovak": "Slovakia", "Croat": "Croatia", "Croatian": "Croatia", "Serb": "Serbia",
    "Serbian": "Serbia", "Portuguese": "Portugal", "Maltese": "Malta", "Cypriot": "Cyprus",
    "South Korean": "South Korea", "North Korean": "North Korea", "New Zealander":
    "New Zealand", "South African": "South Africa", "Hong Konger": "Hong Kong",
    "Hong Kongers": "Hong Kong", "Puerto Rican": "Puerto Rico", "Texan": "Texas",
    "Californian": "California", "Floridian": "Florida",
}

#: Territories with their own legislature and courts, counted apart from the state they belong
#: to (a "Supreme Court" in Puerto Rico's news is Puerto Rico's).
TERRITORIES: tuple[str, ...] = (
    "Puerto Rico", "Guam", "American Samoa", "Northern Mariana Islands", "US Virgin Islands",
    "Hong Kong", "Macau", "Greenland", "Faroe Islands", "Bermuda", "Gibraltar",
    "Cayman Islands", "Isle of Man", "Jersey", "Guernsey", "New Caledonia", "French Polynesia",
    "Aruba", "Curaçao",
)
