package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "14e802c38e0169122fc6385f2d70bdcb524475aa8d0a70d18223f6124ae1cc6c"
	if testing.Short() {
		blocks, want = 60, "a2c18f0563ae59c4b1c200bec5dfaa9d055af8697f4a95d0d5ecfbd6849cfb92"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
