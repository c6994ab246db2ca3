package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "42d3bc3942a22c9bb1d1b4822bcb180a72d100f3e3af3e814ab489e1dc592ea8"
	if testing.Short() {
		blocks, want = 60, "8dbb0cd8b878c834ac6630a8229321bc8db48478642360e20ea865c1e5e6c942"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
