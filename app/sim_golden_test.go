package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "b28e5548fe427133027bece1994d2b36fa9f6be74f5f5fddcb174637b6754349"
	if testing.Short() {
		blocks, want = 60, "d76f00738f9127c78146e8290170b93375a1d6e52be67b0d25ab23200b4ce63e"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
