package lending

import (
	"github.com/puhui-chain/puhui/money"
)

// bpsOf is a × bps / 10,000, rounded by the product's mode.
func bpsOf(amount int64, bps uint32, rounding string) (int64, error) {
	return money.MulDiv(amount, int64(bps), maxBps, rounding)
}
