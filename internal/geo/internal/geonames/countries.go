// Package geonames holds what the embedded gazetteer's generator and the
// importer of GeoNames dump files share: the country codes (from package
// country) and the choice of alternate names.
package geonames

import "github.com/flashpoint/flashpoint/internal/country"

// ISO3 returns the ISO-3 code of a GeoNames (ISO-2) country code, "" if
// the reference table (package country) lacks it.
func ISO3(iso2 string) string {
	c, _ := country.ByISO2(iso2)
	return c.ISO3
}
