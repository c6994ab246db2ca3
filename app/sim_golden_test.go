package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "eeba802fd166d64d2c0bf040647cae7e3bbe0a09550af4e7c07e0cd248b5787b"
	if testing.Short() {
		blocks, want = 60, "69fdbe12f0859d4ae0781cace85d205625ae3e2e7b3743d717bba7c9db62cc8e"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
