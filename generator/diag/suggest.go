package diag

import (
	"strings"
	"unicode/utf8"
)

// Suggest returns the candidate closest to word by edit distance, or "" when
// none is close enough to be a likely typo (at most a third of the word's
// length, and at most 3 edits). Candidates are tried in order, so the first of
// equally close ones wins.
func Suggest(word string, candidates []string) string {
	w := strings.ToLower(word)
	best, bestDist := "", -1
	limit := utf8.RuneCountInString(w) / 3
	if limit < 1 {
		limit = 1
	}
	if limit > 3 {
		limit = 3
	}
	for _, c := range candidates {
		d := distance(w, strings.ToLower(c))
		if d <= limit && (bestDist < 0 || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// DidYouMean returns the hint `did you mean "x"?` for the closest candidate,
// or "" when none is close.
func DidYouMean(word string, candidates []string) string {
	if s := Suggest(word, candidates); s != "" {
		return Textf("did you mean %q?", s)
	}
	return ""
}

// distance is the optimal-string-alignment edit distance (Levenshtein plus
// transposition of two adjacent runes), so "sumary" and "summray" are both
// one step from "summary".
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// DidYouMeanOr is DidYouMean, or alt when no candidate is close.
func DidYouMeanOr(word string, candidates []string, alt string) string {
	if h := DidYouMean(word, candidates); h != "" {
		return h
	}
	return alt
}
