package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "002d799230afda7854c72c94a76d365a8dd0ec9efd8c85a2a51c247494bf645f"
	if testing.Short() {
		blocks, want = 60, "3fdb6f3d4b5b23be97ad89d74682bde0c43c7d5456136d04771b5615b67cb0b3"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
