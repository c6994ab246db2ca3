package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "fe9bcf7604360070d68d82d0e4700cd781714c674927fe9b64af36a76275f034"
	if testing.Short() {
		blocks, want = 60, "ee86fc31e562b40017835d64b5b7e5ac792d9e3aba0634b5dcb7d78a6fbee755"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
