package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "04cac6dbb9f1ff71152907e5f906a578801b98cd9d9f6ad09cb997e82025f358"
	if testing.Short() {
		blocks, want = 60, "8a3fa4207490fcb5237ffc35de10f9c605c0bfd90c3452e627d9971ba5366328"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
