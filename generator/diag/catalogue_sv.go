package diag

// swedish translates the English messages and hints into Swedish, as a
// municipality's communicator reads them: plain words, the terms below,
// "du" to the author. Keys are the English format strings exactly as the
// code writes them (TestCatalogueIsComplete lists those that are missing);
// a value takes the same arguments, in any order with %[n]s. Quoted
// values from content are arguments and stay as the author wrote them.
//
// Terms:
//
//	error / warning        fel / varning
//	line, column, file     rad, kolumn, fil
//	front matter           front matter (the YAML block at the top)
//	key, value             nyckel, värde
//	guide, page            guide, sida
//	e-service              e-tjänst
//	municipality           kommun
//	adaptation, adapt      anpassning, anpassa
//	adopt (an e-service)   ansluta sig till
//	shared guide           gemensam guide
//	local guide            lokal guide
//	easy-to-read           lättläst
//	translation            översättning
//	service point, place   plats
//	boundary               gräns (kommungräns)
//	base layer             baslager
//	heading, section       rubrik, avsnitt
//	link                   länk
//	theme, layout          tema, layout
//	did you mean "x"?      menade du "x"?
var swedish = map[string]string{
	"did you mean %q?": "menade du %q?",
}
