package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "23dde54496eaec42c98e000f74c61f584ef8f745ded2e5b34d1d31dcc696a0a7"
	if testing.Short() {
		blocks, want = 60, "abbfa625ac24c4affb9b4cf186e46dbd19d1bac6fd4176b4388faeb3c1001850"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
