package bench

import (
	"time"

	"github.com/cometbft/cometbft/crypto/ed25519"
)

// VerifyRate measures single-signature Ed25519 verifications per second on one core, with
// CometBFT's verifier (the one the node uses), for about d.
func VerifyRate(d time.Duration) float64 {
	priv := ed25519.GenPrivKey()
	pub := priv.PubKey()
	msg := make([]byte, 200)
	sig, err := priv.Sign(msg)
	if err != nil {
		panic(err)
	}
	n := 0
	start := time.Now()
	for time.Since(start) < d {
		for i := 0; i < 100; i++ {
			if !pub.VerifySignature(msg, sig) {
				panic("signature did not verify")
			}
		}
		n += 100
	}
	return float64(n) / time.Since(start).Seconds()
}
