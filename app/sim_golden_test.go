package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "cd9da147c7fa3d389349602ff5e19d30fb59e48bbd8c903cb5390def611b4054"
	if testing.Short() {
		blocks, want = 60, "e0fa248306bb35730ac8183fc974b7455efc1bef37410a6c38b5ae5510e9f049"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
