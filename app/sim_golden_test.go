package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "62661f060710a52b0ac0e98009bb033cfeabaa668acd448ba9f97a5ab2cf4163"
	if testing.Short() {
		blocks, want = 60, "2889b847c2d2844a0fcd4a50d6feef4ca1a86c61c7c367a6c52a5d0913a513f5"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
