package render

import (
	"slices"
	"testing"
)

// TestAZOrder: the A–Ö index is in Swedish alphabetical order: case and
// accents aside (é as e, ü as y), å, ä and ö after z, then by URL.
func TestAZOrder(t *testing.T) {
	titles := []string{"Öppen förskola", "zebra", "Ägg", "Återvinning", "Éclair", "Ebba", "über", "Yxa", "avfall", "Avfall", "2 kr", "Ö"}
	var items []AZItem
	for i, title := range titles {
		items = append(items, AZItem{Title: title, URL: string(rune('z' - i))})
	}
	var got []string
	for _, l := range azLetters(items) {
		for _, it := range l.Items {
			got = append(got, it.Title)
		}
	}
	want := []string{"2 kr", "Avfall", "avfall", "Ebba", "Éclair", "über", "Yxa", "zebra", "Återvinning", "Ägg", "Ö", "Öppen förskola"}
	if !slices.Equal(got, want) {
		t.Errorf("order\n%q\nwant\n%q", got, want)
	}
}
