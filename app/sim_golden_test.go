package app_test

import (
	"encoding/hex"
	"testing"
)

// TestSimulationGoldenHash pins the AppHash the seeded simulation reaches. A change that
// alters it changes the state format or the rules: say so in the commit and update the value.
func TestSimulationGoldenHash(t *testing.T) {
	blocks, want := 250, "077be21f99a1ffbd8b99acb680efb4833adb16fcd090466c21f7d4f64d8ecc1a"
	if testing.Short() {
		blocks, want = 60, "7d7ab7a9d8282596d192279816fd7742eab06899c4fdf09753eca4e407f1d754"
	}
	h, _, _ := simulate(t, 42, blocks)
	if got := hex.EncodeToString(h[blocks-1]); got != want {
		t.Fatalf("simulation seed 42 after %d blocks: AppHash %s, pinned %s", blocks, got, want)
	}
}
