package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "b1320b6ee3c642071f48ba81345bedfe9f04049d928d573511de77303b1ddd78"
	if testing.Short() {
		blocks, want = 60, "0fb67e15f312337676dc053778d025781254a388ffdbea287ca1747846dfe9a1"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
