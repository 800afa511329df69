"""English web-news texts in the style of 2016-18, written for the tests in session 15 (not taken from any
publication), with their place names counted by hand in the body (the headline is not counted), as issue
12's country set is annotated: each toponym (country, city, region, state, landmark) resolved to its
country; demonyms ("Turkish") and people ("Israel Folau", "Paris Hilton") are not place mentions.

Two choices were made before any text was run (README "Classification", airlines and seas):
- a name of a body or company that holds a country's or a city's name and belongs to that country ("Air
  France", "Singapore Airlines", "Bank of England", "Rugby Australia", "Air Berlin") counts as a mention of
  that country: the story concerns that country's airline, bank or sport;
- a sea, gulf or ocean named after a country ("Sea of Japan", "South China Sea", "Gulf of Mexico", "Irish
  Sea", "Gulf of Guinea") is water shared with its neighbours, not the country's land: no country.

(id, title, body, toponym counts per country). All 32 were written and counted before the classifier was
run on any of them; the first run's figures are in the README ("Classification")."""
from __future__ import annotations

COUNTRY_TEXTS_S15 = [
    ("c15-air-france-strike", "Air France pilots strike over pay",
     ("Air France cancelled a quarter of its flights on Tuesday as pilots and cabin crew walked out for the "
      "fourth time this month in a dispute over pay. Passengers at Charles de Gaulle airport outside Paris "
      "faced long queues.\n\n"
      "The airline, part of Air France-KLM, said long-haul routes to New York and Shanghai would run as "
      "planned. Unions want a 6 percent rise after years of frozen wages; management says the demand would "
      "wipe out its profit."),
     {"FR": 4, "US": 1, "CN": 1}),
    ("c15-sea-of-japan", "North Korea fires missile into sea",
     ("North Korea fired a ballistic missile on Wednesday that flew about 1,000 km before landing in the Sea "
      "of Japan, inside Japan's exclusive economic zone, officials in Tokyo said.\n\n"
      "The launch, from a site north of Pyongyang, came days after the United States and South Korea ended "
      "joint drills. Seoul's military said it was tracking further activity, and Washington called for new "
      "sanctions at the United Nations in New York."),
     {"KP": 2, "JP": 2, "US": 3, "KR": 2}),
    ("c15-south-china-sea", "Beijing warns US over South China Sea patrol",
     ("China protested on Monday after a US destroyer sailed within 12 nautical miles of an island in the "
      "South China Sea claimed by Beijing. The foreign ministry said the ship had entered Chinese waters "
      "without permission.\n\n"
      "Vietnam and the Philippines also claim parts of the Paracel and Spratly islands. Manila has taken a "
      "softer line since 2016, while Hanoi protested new Chinese runways on the reefs."),
     {"CN": 2, "US": 1, "VN": 2, "PH": 2}),
    ("c15-irish-sea", "Ferry crossings cancelled as storm hits",
     ("Storm Ophelia forced ferry operators to cancel crossings on the Irish Sea on Monday, with sailings "
      "between Holyhead and Dublin suspended until Tuesday. Winds of up to 90 mph hit the coast of Cork and "
      "Kerry.\n\n"
      "In Wales, thousands of homes lost power, and Liverpool airport reported delays. Forecasters said the "
      "storm would move on to Scotland overnight."),
     {"GB": 4, "IE": 3}),
    ("c15-houston-harvey", "Harvey floods Houston",
     ("Tropical Storm Harvey dumped more than 40 inches of rain on parts of Houston over the weekend, "
      "flooding highways and forcing thousands onto rooftops. The storm made landfall near Rockport as a "
      "Category 4 hurricane on Friday after crossing the Gulf of Mexico.\n\n"
      "The governor of Texas said the National Guard had been called in. Refineries along the Gulf Coast "
      "shut down, and fuel prices rose as far as New York. Mexico offered to send rescue teams."),
     {"US": 5, "MX": 1}),
    ("c15-moscow-idaho", "Small-town police chief retires",
     ("The police chief of Moscow, Idaho, will retire in June after 16 years, the city council said on "
      "Wednesday. The college town of 25,000 people near the Washington state line is home to the "
      "University of Idaho.\n\n"
      "His deputy, who grew up in Boise, is expected to take over. The council thanked the chief for "
      "building ties with officers in nearby Pullman."),
     {"US": 6}),
    ("c15-athens-georgia", "Bulldogs fans flock to Athens",
     ("More than 90,000 fans packed the stadium in Athens, Georgia, on Saturday as the University of Georgia "
      "beat its old rival to win its division. Traffic backed up for miles on the road to Atlanta.\n\n"
      "The team will now play in the conference championship game in Atlanta next month, with a place in "
      "the national playoff at stake."),
     {"US": 5}),
    ("c15-israel-folau", "Folau faces hearing over social media post",
     ("Rugby Australia said on Friday that Israel Folau would face a code of conduct hearing over a post on "
      "social media. The full-back has played 73 tests for the Wallabies.\n\n"
      "The governing body said it had spoken with his club, the Waratahs, in Sydney, and that sponsors had "
      "been told. Folau, who also played rugby league in Brisbane and Melbourne, did not comment."),
     {"AU": 4}),
    ("c15-jordan-henderson", "Liverpool captain out of England squad",
     ("Jordan Henderson has been left out of the England squad for next month's friendlies with a hamstring "
      "injury, the Football Association said. The Liverpool captain was hurt in Saturday's win at "
      "Newcastle.\n\n"
      "Gareth Southgate is expected to call up a midfielder from Tottenham in his place. England play "
      "Germany at Wembley on 10 November and Brazil four days later."),
     {"GB": 6, "DE": 1, "BR": 1}),
    ("c15-paris-hilton", "Paris Hilton launches new fragrance",
     ("Paris Hilton unveiled her 25th fragrance at a party in Los Angeles on Thursday. The hotel heiress "
      "said the scent was inspired by a trip to Bali.\n\n"
      "The perfume will go on sale in the United States next month and in the Middle East and Asia early "
      "next year, her company said."),
     {"US": 2, "ID": 1}),
    ("c15-chad-le-clos", "Le Clos wins butterfly gold",
     ("Chad le Clos won gold in the 200m butterfly at the Commonwealth Games on the Gold Coast on Sunday, "
      "beating a swimmer from Wales into second. Le Clos, from Durban, now has 17 Commonwealth medals.\n\n"
      "South Africa's team said he would swim again on Tuesday. Australia leads the medal table ahead of "
      "England and Canada."),
     {"AU": 2, "GB": 2, "ZA": 2, "CA": 1}),
    ("c15-iceland-euro", "Iceland stun England at Euro 2016",
     ("Iceland knocked England out of Euro 2016 with a 2-1 win in Nice on Monday, one of the biggest upsets "
      "in the tournament's history. Wayne Rooney's early penalty was cancelled out within minutes, and "
      "Kolbeinn Sigthorsson scored the winner.\n\n"
      "Thousands of fans celebrated in Reykjavik. Iceland will play hosts France in the quarter-finals in "
      "Paris on Sunday."),
     {"IS": 3, "GB": 1, "FR": 3}),
    ("c15-qatar-blockade", "Arab states cut ties with Qatar",
     ("Saudi Arabia, the United Arab Emirates, Bahrain and Egypt cut diplomatic ties with Qatar on Monday, "
      "accusing it of backing terrorism. Flights between Doha and Riyadh, Dubai, Abu Dhabi and Cairo were "
      "suspended, and Qatar Airways said it would reroute flights over Iran and Turkey.\n\n"
      "Kuwait offered to mediate. Shoppers in Doha rushed to stock up on food, most of which crosses the land "
      "border with Saudi Arabia. Washington urged the Gulf states to resolve the dispute."),
     {"SA": 3, "AE": 3, "BH": 1, "EG": 2, "QA": 4, "IR": 1, "TR": 1, "KW": 1, "US": 1}),
    ("c15-g20-hamburg", "G20 leaders gather in Hamburg",
     ("Leaders of the world's biggest economies meet in Hamburg on Friday for a G20 summit overshadowed by "
      "trade tensions. Donald Trump will meet Vladimir Putin for the first time, while Angela Merkel hopes "
      "to keep the climate deal alive.\n\n"
      "China's Xi Jinping arrived from Berlin, and Japan's Shinzo Abe signed a trade deal with the European "
      "Union in Brussels on the way. Leaders from India, Brazil, Saudi Arabia and South Africa are also "
      "attending.\n\n"
      "Police expect up to 100,000 protesters, some from Denmark and Switzerland."),
     {"DE": 2, "CN": 1, "JP": 1, "BE": 1, "IN": 1, "BR": 1, "SA": 1, "ZA": 1, "DK": 1, "CH": 1}),
    ("c15-catalonia", "Catalonia declares independence",
     ("Catalonia's parliament declared independence from Spain on Friday, hours before the Senate in Madrid "
      "voted to take direct control of the region. Crowds celebrated outside the parliament in "
      "Barcelona.\n\n"
      "The prime minister called regional elections for 21 December. Germany, France and the United States "
      "said they would not recognise the declaration, and the European Union said nothing had changed. "
      "Catalan leaders later fled to Belgium."),
     {"ES": 4, "DE": 1, "FR": 1, "US": 1, "BE": 1}),
    ("c15-zimbabwe", "Mugabe resigns after 37 years",
     ("Robert Mugabe resigned as president of Zimbabwe on Tuesday, ending 37 years in power, the speaker of "
      "parliament announced in Harare. Crowds danced in the streets of the capital and in Bulawayo.\n\n"
      "The former vice-president, who fled to South Africa this month, is expected to be sworn in within "
      "days. Britain, the former colonial power, said the resignation gave Zimbabwe a chance to forge a new "
      "path."),
     {"ZW": 4, "ZA": 1, "GB": 1}),
    ("c15-rohingya", "Rohingya refugees top 600,000",
     ("More than 600,000 Rohingya have fled Myanmar's Rakhine state for Bangladesh since August, the United "
      "Nations said on Thursday. Most live in camps near Cox's Bazar, where aid groups warn of disease as "
      "the rainy season nears.\n\n"
      "Bangladesh and Myanmar signed a deal in Naypyidaw last week for refugees to return, but few want to "
      "go back. The pope will visit Yangon and Dhaka next week."),
     {"MM": 5, "BD": 4}),
    ("c15-grenfell", "Grenfell death toll rises to 79",
     ("The death toll from the fire at Grenfell Tower in west London rose to 79 on Monday, police said. "
      "Residents of the block in North Kensington said they had warned for years that the building was "
      "unsafe.\n\n"
      "The prime minister ordered checks on tower blocks across England, and councils in Camden and "
      "Manchester began removing cladding. Firefighters from Surrey and Essex helped in the search."),
     {"GB": 8}),
    ("c15-skripal", "Britain expels Russian diplomats",
     ("Britain expelled 23 Russian diplomats on Wednesday after the poisoning of a former spy and his "
      "daughter in Salisbury. The prime minister told parliament that Moscow was responsible for the attack "
      "with a nerve agent developed in Russia.\n\n"
      "The United States, France and Germany backed London. The Kremlin denied any role and said it would "
      "respond. The pair remain in a critical condition in hospital in Wiltshire."),
     {"GB": 4, "RU": 3, "US": 1, "FR": 1, "DE": 1}),
    ("c15-galaxy-note", "Samsung kills Galaxy Note 7",
     ("Samsung Electronics said it would stop making the Galaxy Note 7 after reports that replacement phones "
      "had also caught fire. Shares fell 8 percent in Seoul, wiping out about $17 billion of market "
      "value.\n\n"
      "Airlines in the United States, Australia and Singapore banned the phone on flights. Singapore "
      "Airlines said passengers could not carry it even switched off. The company's rival Apple, based in "
      "Cupertino, could gain market share, analysts in Hong Kong said."),
     {"KR": 1, "US": 2, "AU": 1, "SG": 2, "HK": 1}),
    ("c15-vw-diesel", "Volkswagen to pay $4.3 billion",
     ("Volkswagen agreed to pay $4.3 billion to settle criminal and civil charges in the United States over "
      "its emissions cheating, the Justice Department said in Washington on Wednesday. Six executives were "
      "charged, and one was arrested in Florida last week.\n\n"
      "The carmaker, based in Wolfsburg, still faces lawsuits in Germany and investigations in South Korea. "
      "Shares rose 1 percent in Frankfurt."),
     {"US": 3, "DE": 3, "KR": 1}),
    ("c15-ryanair", "Ryanair cancels thousands of flights",
     ("Ryanair cancelled up to 50 flights a day for six weeks after a mix-up over pilots' holidays, hitting "
      "as many as 400,000 passengers. The airline, based in Dublin, said flights from London Stansted, "
      "Barcelona and Rome were among those affected.\n\n"
      "Italy's consumer group called for compensation, and the aviation regulator in Britain warned the "
      "carrier it must tell passengers of their rights. Chief executive Michael O'Leary apologised."),
     {"IE": 1, "GB": 2, "ES": 1, "IT": 2}),
    ("c15-air-berlin", "Air Berlin files for insolvency",
     ("Air Berlin filed for insolvency on Tuesday after its biggest shareholder, Etihad, said it would stop "
      "funding the loss-making airline. The German government gave a bridging loan of 150 million euros so "
      "that flights could continue through the summer holidays.\n\n"
      "Lufthansa is in talks to buy parts of the carrier, officials in Berlin said. Flights from Düsseldorf "
      "to Mallorca and Florida were running normally, the airline said."),
     {"DE": 3, "ES": 1, "US": 1}),
    ("c15-mexico-quake", "Earthquake kills hundreds in Mexico",
     ("A magnitude 7.1 earthquake struck central Mexico on Tuesday, killing at least 200 people and "
      "toppling buildings in Mexico City, Puebla and Morelos. The quake came on the anniversary of the 1985 "
      "disaster that killed thousands in the capital.\n\n"
      "Rescuers dug through the rubble of a school in the south of the city. Israel and Japan sent search "
      "teams, and the United States offered help."),
     {"MX": 4, "IL": 1, "JP": 1, "US": 1}),
    ("c15-dublin-ohio", "Chemical leak forces evacuation",
     ("A chemical leak at a warehouse in Dublin, Ohio, forced the evacuation of 300 homes on Sunday, fire "
      "officials said. Nobody was hurt.\n\n"
      "Crews from Columbus helped contain the leak. The company that runs the site, which also has plants in "
      "Lebanon, Pennsylvania, and in Berlin, New Hampshire, said it was investigating."),
     {"US": 7}),
    ("c15-kenya-court", "Kenya's top court annuls election",
     ("Kenya's Supreme Court annulled the result of last month's presidential election on Friday, citing "
      "irregularities, and ordered a new vote within 60 days. Opposition supporters celebrated in Kisumu and "
      "in the slums of Nairobi.\n\n"
      "It was the first time a court in Africa had overturned the re-election of a sitting president. "
      "Observers from the European Union and the Carter Center had called the vote largely fair. The "
      "shilling fell against the dollar, and shares in Nairobi dropped."),
     {"KE": 4}),
    ("c15-pyeongchang", "Norway tops Winter Olympics medal table",
     ("Norway topped the medal table at the Winter Olympics in Pyeongchang with 39 medals, ahead of Germany "
      "and Canada. The United States had its worst Games since 1998.\n\n"
      "North Korea sent athletes to the Games in South Korea for the first time, and the two Koreas marched "
      "together at the opening ceremony. Russian athletes competed under a neutral flag after the doping "
      "scandal at the Sochi Games. Beijing will host the next Winter Olympics in 2022."),
     {"NO": 1, "KR": 2, "DE": 1, "CA": 1, "US": 1, "KP": 1, "RU": 1, "CN": 1}),
    ("c15-turkey-coup", "Thousands detained after failed coup",
     ("Turkish authorities detained more than 6,000 people after a failed coup attempt in which soldiers "
      "blocked bridges in Istanbul and jets flew low over Ankara. At least 265 people were killed.\n\n"
      "The president blamed a cleric living in Pennsylvania and asked the United States to extradite him. "
      "Greece returned a helicopter that eight officers had used to flee to Alexandroupolis. The European "
      "Union warned Ankara against reinstating the death penalty."),
     {"TR": 3, "US": 2, "GR": 2}),
    ("c15-bank-of-england", "Bank of England raises rates",
     ("The Bank of England raised interest rates for the first time in a decade on Thursday, to 0.5 "
      "percent, saying inflation was too high. The pound fell as investors read the decision as a "
      "one-off.\n\n"
      "Banks in London passed the rise on to mortgage customers within hours. Economists said the move "
      "contrasted with the European Central Bank in Frankfurt, which is still buying bonds, and with the "
      "Federal Reserve, which has raised rates three times this year."),
     {"GB": 2, "DE": 1}),
    ("c15-venezuela", "Venezuela to hold assembly vote",
     ("Venezuela's government said on Monday it would hold an election for a new constituent assembly "
      "despite protests in which more than 90 people have died. Opposition marches in Caracas were broken up "
      "with tear gas.\n\n"
      "Colombia said it would not recognise the assembly, and thousands of Venezuelans crossed the border to "
      "Cúcuta to buy food and medicine. The United States imposed sanctions on 13 officials, and Peru called "
      "a meeting of regional foreign ministers in Lima."),
     {"VE": 2, "CO": 2, "US": 1, "PE": 2}),
    ("c15-gulf-of-guinea", "Pirates kidnap tanker crew",
     ("Pirates attacked a tanker in the Gulf of Guinea on Saturday and kidnapped six crew members, the "
      "ship's operator in Athens said. The vessel was about 100 nautical miles off the coast of Nigeria.\n\n"
      "The crew, from the Philippines and Romania, are believed to be held in the creeks of the Niger Delta. "
      "The navy in Lagos said patrols had been stepped up."),
     {"GR": 1, "NG": 3, "PH": 1, "RO": 1}),
    ("c15-article-50", "May triggers Article 50",
     ("Theresa May triggered Article 50 on Wednesday, starting two years of talks on Britain's exit from the "
      "European Union. The letter was handed to the EU's president in Brussels by Britain's ambassador.\n\n"
      "In Scotland, which voted to remain, the first minister pressed for a second independence referendum. "
      "Spain said it would insist on a say over Gibraltar, and Ireland warned against a hard border with "
      "Northern Ireland."),
     {"GB": 4, "BE": 1, "ES": 1, "GI": 1, "IE": 1}),
]
