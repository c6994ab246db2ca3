package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "4a8511e849003719af310631e802c0ce86d0ba4bd511f1a5d3fd784e08c403b0"
	if testing.Short() {
		blocks, want = 60, "09bde4c75869264694662ba12ecd969a9bb527c99d2dd9e5aed154f386bb6a0a"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
