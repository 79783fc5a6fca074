package contract

// ByParam names the operation of a path that ends in a parameter the
// path's other operation does not have (GET .../locations/{country} beside
// GET .../locations): "SerpGoogleLocations" becomes
// "SerpGoogleLocationsByCountry".
func ByParam(name, param string) string { return name + "By" + Camel(param) }
