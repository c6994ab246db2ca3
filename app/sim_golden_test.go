package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "28fbd81131a9d63479dc0e7a28619f69cc0bcd79fb8effe4538f15f11692e9d5"
	if testing.Short() {
		blocks, want = 60, "7f610b743afb08f50d94f5dec12cf1035305d333f1f8d6dbe5559e752440a7d7"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
