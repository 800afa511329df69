"""English web-news texts written for the tests in session 14 (not taken from any publication), with their
place names counted by hand, as issue 12's country set is annotated: each toponym (country, city, region,
landmark) resolved to its country; demonyms ("French") and people are not place mentions.

(id, title, body, toponym counts per country). Counted-mentions "about" = every country with at least two
toponyms plus the most mentioned; "all" = every country with a toponym. All 14 were written and counted
before the classifier was run on any of them. First run (main at 349d0be/37f30cb, as at 4a2525a): "about"
micro P 0.769 R 1.000 F1 0.870 (a country named once in the first paragraph kept in three texts; a bare
"London" after "London, Ontario" taken for Britain), "all" F1 0.974; the two general rules that followed
(README "Classification") give 1.000 and 0.987 (Brussels, left out on purpose), in sample from then on."""
from __future__ import annotations

COUNTRY_TEXTS_S14 = [
    ("c14-wildfire", "Wildfires force thousands from homes",
     ("Firefighters battled blazes across California on Tuesday as strong winds pushed flames toward the "
      "suburbs of Los Angeles. More than 20,000 residents were told to leave, officials said.\n\n"
      "Crews from Oregon and Nevada joined the effort, and Canada sent two water bombers from British "
      "Columbia. Governor Gavin Newsom declared a state of emergency in three counties.\n\n"
      "Smoke drifted as far as Phoenix, where air quality warnings were issued."),
     {"US": 5, "CA": 2}),
    ("c14-georgia-election", "Georgia recount confirms narrow result",
     ("A hand recount in Georgia confirmed the narrow win of the incumbent secretary of state, officials in "
      "Atlanta said on Friday. Turnout in Fulton County was the highest in two decades.\n\n"
      "Observers from the Carter Center watched the count. Jordan Fields, a poll worker from Savannah, said "
      "the process had been calm."),
     {"US": 4}),
    ("c14-tbilisi-protest", "Protesters rally in Tbilisi against foreign agents law",
     ("Tens of thousands of people marched through Tbilisi on Sunday against a law that critics say copies "
      "legislation in Russia. Police used water cannon outside the parliament.\n\n"
      "The European Union warned that the law would harm Georgia's bid to join the bloc. Protesters waved "
      "Georgian and EU flags and chanted slogans in front of the government building.\n\n"
      "Similar rallies took place in Batumi and Kutaisi."),
     {"GE": 4, "RU": 1}),
    ("c14-chad-refugees", "Aid groups warn of hunger in eastern Chad",
     ("Aid agencies warned of a hunger crisis in eastern Chad, where more than 600,000 refugees from Sudan "
      "have arrived since the war began. Camps near Adre are overcrowded, and the rainy season has cut roads "
      "to N'Djamena.\n\n"
      "The World Food Programme said it had enough money to feed the refugees until June. Many fled "
      "fighting in Darfur, where the United Nations reports new attacks on villages."),
     {"TD": 3, "SD": 2}),
    ("c14-paris-texas", "Small-town festival draws record crowds",
     ("The annual barbecue festival in Paris, Texas, drew a record 40,000 visitors this weekend, organizers "
      "said. Visitors came from Dallas, Oklahoma City and as far as Chicago.\n\n"
      "The town's replica of the Eiffel Tower, topped with a red cowboy hat, was lit up on Saturday night. "
      "Next year's festival will add a stage for country music from Nashville."),
     {"US": 6}),
    ("c14-iceland-supermarket", "Iceland to open 20 new stores",
     ("The frozen-food retailer Iceland said it would open 20 new stores across Britain this year and "
      "create 1,000 jobs. The chain, based in Deeside in north Wales, reported higher sales over Christmas.\n\n"
      "Its managing director said shoppers in Manchester and Birmingham were buying more ready meals as "
      "budgets tightened. Rival Aldi plans 50 new shops in England."),
     {"GB": 6}),
    ("c14-niger-delta", "Oil spill hits fishing villages in the Niger Delta",
     ("An oil spill from a pipeline has polluted creeks in the Niger Delta, leaving fishing villages in "
      "Bayelsa State without clean water. The operator said the leak had been stopped.\n\n"
      "Environmental groups in Lagos called on the government in Abuja to hold the company to account. "
      "Nigeria is Africa's largest oil producer."),
     {"NG": 5}),
    ("c14-roundup-europe", "Europe's leaders split over budget",
     ("European Union leaders ended a summit in Brussels without agreeing the bloc's next budget. Germany and "
      "the Netherlands want to limit spending, while Italy and Spain ask for more money for farmers.\n\n"
      "Poland threatened to block any deal that cuts regional funds. Hungary again said it would veto aid "
      "for Ukraine.\n\n"
      "The chancellor flew back to Berlin saying a deal was possible in March. In Rome, the prime minister "
      "called the talks a failure. Madrid said it would keep pushing for a farm fund."),
     {"BE": 1, "DE": 2, "NL": 1, "IT": 2, "ES": 2, "PL": 1, "HU": 1, "UA": 1}),
    ("c14-vienna-virginia", "Tech firm moves headquarters",
     ("The cybersecurity company said it would move its headquarters to Vienna, Virginia, from San Jose, "
      "California, bringing 800 jobs to the Washington area.\n\n"
      "The firm also has offices in London and Tel Aviv. Its founder, a former engineer at a defense "
      "contractor in Maryland, said the move would bring it closer to government clients."),
     {"US": 6, "GB": 1, "IL": 1}),
    ("c14-jordan-water", "Jordan and Israel sign water deal",
     ("Jordan will buy more water from Israel under a deal signed in Amman on Wednesday, the two governments "
      "said. In return, Jordan will sell solar power to its neighbor.\n\n"
      "The agreement was brokered by the United Arab Emirates. Water is scarce in Jordan, one of the driest "
      "countries in the world, and the Jordan River has shrunk to a trickle.\n\n"
      "Officials in Jerusalem called the deal a model for the region."),
     {"JO": 4, "IL": 2, "AE": 1}),
    ("c14-turkey-quake", "Earthquake shakes southern Turkey",
     ("A magnitude 6.1 earthquake struck southern Turkey on Monday, damaging buildings in Hatay and "
      "Adana. No deaths were reported.\n\n"
      "The tremor was felt in Syria and as far as Cyprus. Rescue teams from Istanbul were sent to the "
      "region, which was devastated by a quake in 2023."),
     {"TR": 4, "SY": 1, "CY": 1}),
    ("c14-world-cup", "Argentina beat Brazil in qualifier",
     ("Argentina beat Brazil 1-0 in Buenos Aires on Tuesday to move closer to next year's World Cup in "
      "the United States, Mexico and Canada.\n\n"
      "The win leaves Argentina top of the South American table, ahead of Uruguay and Ecuador. Brazil, "
      "five-time champions, are sixth and travel to Colombia next."),
     {"AR": 3, "BR": 2, "US": 1, "MX": 1, "CA": 1, "UY": 1, "EC": 1, "CO": 1}),
    ("c14-london-ontario", "Storm cuts power in southern Ontario",
     ("A winter storm left 60,000 homes without power in London, Ontario, and nearby towns on Thursday. "
      "Highway 401 was closed between London and Windsor.\n\n"
      "Hydro crews from Toronto and from Michigan were sent to help, and schools across the region stayed "
      "closed."),
     {"CA": 5, "US": 1}),
    ("c14-india-rains", "Monsoon floods kill dozens in Kerala",
     ("Heavy monsoon rains have killed at least 40 people in the southern Indian state of Kerala, officials "
      "said. Landslides cut roads in Wayanad district, and the army was called in.\n\n"
      "The prime minister promised aid from New Delhi. Neighboring Sri Lanka also reported flooding in its "
      "western province."),
     {"IN": 3, "LK": 1}),
]
