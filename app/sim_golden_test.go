package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "eaba9cc348ab81be741aa485db856e36ced7cbe1413a2f262dcac0e4f806e877"
	if testing.Short() {
		blocks, want = 60, "5c8270f8347e802999ee6419623b05a3fe2d4f6ba120e8db85105f8a2ef2bac0"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
