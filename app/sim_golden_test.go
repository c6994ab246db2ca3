package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "ee12a1e6bd688a387e1b76bb0e01d126a356c2522370639535ff75948d6966ef"
	if testing.Short() {
		blocks, want = 60, "7f610b743afb08f50d94f5dec12cf1035305d333f1f8d6dbe5559e752440a7d7"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
