package lending

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// History reads a borrower's repayment history (empty for a newcomer).
func History(r store.Reader, borrower string) *statepb.BorrowerHistory {
	var h statepb.BorrowerHistory
	core.GetProto(r, HistoryKey(borrower), &h)
	return &h
}

func updateHistory(kv store.KV, borrower string, f func(*statepb.BorrowerHistory)) {
	h := History(kv, borrower)
	f(h)
	core.SetProto(kv, HistoryKey(borrower), h)
}

// Exposure is a borrower's outstanding principal in asset across every lender.
func Exposure(r store.Reader, borrower, asset string) int64 {
	return core.GetInt64(r, ExposureKey(borrower, asset))
}

// addExposure moves the registry by delta (negative when principal is repaid or written off).
func addExposure(kv store.KV, borrower, asset string, delta int64) {
	next := Exposure(kv, borrower, asset) + delta
	if next < 0 {
		panic("exposure below zero for " + borrower)
	}
	core.SetInt64(kv, ExposureKey(borrower, asset), next)
}
