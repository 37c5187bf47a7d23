package geo

// Admin1Code returns the GeoNames admin1 code of the first-level
// division named name in the country iso3 (as Place.Admin1 names it),
// or "" when unknown. GDELT's ADM1 codes are the FIPS country code
// followed by this code.
func (g *Gazetteer) Admin1Code(iso3, name string) string {
	return g.admin1Codes[iso3+"|"+name]
}
