package report

import (
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	tests := []struct{ unit, date, want string }{
		{"Almaklinikens vårdcentral", "2025-02-11", "almaklinikens-vardcentral-2025-02-11"},
		{"ÅÄÖ Öron-, näs- och halskliniken", "2024-10-01", "aao-oron-nas-och-halskliniken-2024-10-01"},
		{"Vårdcentralen Bäckby/Skerike: BUP & VUP", "2025-01-02", "vardcentralen-backby-skerike-bup-vup-2025-01-02"},
		{"../../etc/passwd", "", "etc-passwd"},
		{"CON", "", "spur-con"},
		{"😀", "", "inspektion"},
		{"Kliniken för " + string(make([]byte, 0)) + "mycket långt namn som aldrig tycks ta slut utan fortsätter och fortsätter", "2025-01-01",
			"kliniken-for-mycket-langt-namn-som-aldrig-tycks-ta-slut-utan-2025-01-01"},
		// The date is kept whole, so that two visits never share a file.
		{strings.Repeat("Långt namn ", 20), "2025-01-01", strings.TrimRight(strings.Repeat("langt-namn-", 6), "-") + "-2025-01-01"},
	}
	for _, tc := range tests {
		if got := Slug(tc.unit, tc.date); got != tc.want {
			t.Errorf("Slug(%q, %q) = %q, want %q", tc.unit, tc.date, got, tc.want)
		}
	}
}
