package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "052113e1e78ca82ea9ef81380dbaf8a18ecd24ee7c86a702b2d827190f7bf200"
	if testing.Short() {
		blocks, want = 60, "dfbea96a56fbe953aaf47cf4cc905f6e9721403bd26ab3e199782543d19ca1d4"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
