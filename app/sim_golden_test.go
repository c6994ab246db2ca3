package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "30431973c03a0218d7b7cf6ee5fb39ed402b67ca8a7b0ac0467c9a7f5ef8fbb5"
	if testing.Short() {
		blocks, want = 60, "e931a540e59fd8007de0ed4f025739f218fa0193ae286b651d90f0c393e0642e"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
