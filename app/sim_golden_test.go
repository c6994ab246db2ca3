package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "564d751a644e0ee8725040e3304700db42f561b2e5a57ce3d69113d89eac167c"
	if testing.Short() {
		blocks, want = 60, "5c8270f8347e802999ee6419623b05a3fe2d4f6ba120e8db85105f8a2ef2bac0"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
