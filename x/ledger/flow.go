package ledger

import (
	"encoding/binary"
	"fmt"
	"math/bits"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/x/core"
)

// A balance carries its own cash-flow record, so credit scoring can read an account's
// inflow regularity and average balance without a second key per transfer (a transfer's
// cost is its tree updates). The record keeps the current business month and the three
// before it: the inflow of each and the integral of the balance over its days.
const (
	flowMonths   = 4  // months[0] is the current business month
	maskMonths   = 12 // inflowMask covers the current month and the eleven before it
	flowBytes    = 8 + 8 + 8 + 2 + flowMonths*(8+4+8)
	amountBytes  = 8
	completeFrom = 1 // the complete months are months[1:]
)

// monthFlow is one business month of an account's flow in one asset.
type monthFlow struct {
	inflow      int64  // Σ credits from others (saturating)
	inflows     uint32 // number of such credits
	balanceDays int64  // Σ over the month's days of the available balance (saturating)
}

// flow is a balance with its cash-flow record.
type flow struct {
	amount     int64
	day        int64  // business day the record is advanced to; 0: no record yet
	month      int64  // business month of months[0]
	inflowMask uint16 // bit i: an inflow in month − i
	months     [flowMonths]monthFlow
}

func decodeFlow(b []byte) flow {
	switch len(b) {
	case 0:
		return flow{}
	case amountBytes: // a balance written without its record (genesis)
		return flow{amount: int64(binary.BigEndian.Uint64(b))}
	case flowBytes:
	default:
		panic(fmt.Sprintf("corrupt balance in state: %d bytes", len(b)))
	}
	f := flow{amount: int64(binary.BigEndian.Uint64(b)), day: int64(binary.BigEndian.Uint64(b[8:])),
		month: int64(binary.BigEndian.Uint64(b[16:])), inflowMask: binary.BigEndian.Uint16(b[24:])}
	p := b[26:]
	for i := range f.months {
		f.months[i] = monthFlow{inflow: int64(binary.BigEndian.Uint64(p)), inflows: binary.BigEndian.Uint32(p[8:]),
			balanceDays: int64(binary.BigEndian.Uint64(p[12:]))}
		p = p[20:]
	}
	return f
}

func (f *flow) encode() []byte {
	b := make([]byte, 0, flowBytes)
	b = binary.BigEndian.AppendUint64(b, uint64(f.amount))
	b = binary.BigEndian.AppendUint64(b, uint64(f.day))
	b = binary.BigEndian.AppendUint64(b, uint64(f.month))
	b = binary.BigEndian.AppendUint16(b, f.inflowMask)
	for _, m := range f.months {
		b = binary.BigEndian.AppendUint64(b, uint64(m.inflow))
		b = binary.BigEndian.AppendUint32(b, m.inflows)
		b = binary.BigEndian.AppendUint64(b, uint64(m.balanceDays))
	}
	return b
}

// advance brings the record to business day today of month: the balance held since the
// last change is added to each month's integral, and the months roll over.
func (f *flow) advance(today core.BusinessDay) {
	if f.day == 0 {
		f.day, f.month = today.Day, today.Month
		return
	}
	if today.Month-f.month > maskMonths+flowMonths {
		// Idle for over a year and a quarter: nothing recorded survives the roll, so start
		// the roll just before the months that will.
		skip := today.Month - (maskMonths + flowMonths)
		f.months, f.inflowMask = [flowMonths]monthFlow{}, 0
		f.month, f.day = skip, core.FirstDayOfMonth(skip)
	}
	for f.month < today.Month {
		next := core.FirstDayOfMonth(f.month + 1)
		f.months[0].balanceDays = money.AddSat(f.months[0].balanceDays, money.MulSat(f.amount, next-f.day))
		copy(f.months[1:], f.months[:flowMonths-1])
		f.months[0] = monthFlow{}
		f.inflowMask = (f.inflowMask << 1) & (1<<maskMonths - 1)
		f.month, f.day = f.month+1, next
	}
	if today.Day > f.day {
		f.months[0].balanceDays = money.AddSat(f.months[0].balanceDays, money.MulSat(f.amount, today.Day-f.day))
		f.day = today.Day
	}
}

// Flow sums saturate (money.AddSat, MulSat): a flow record only feeds scoring bins, where
// any amount that large falls in the top bin, and a balance must never fail to move because
// its statistics overflowed.
func (f *flow) recordInflow(amount int64) {
	f.months[0].inflow = money.AddSat(f.months[0].inflow, amount)
	f.months[0].inflows++
	f.inflowMask |= 1
}

// CashFlow is an account's cash-flow signals in one asset at a business day.
type CashFlow struct {
	InflowMonths12     uint32 // months with an inflow among the last twelve (current included)
	AvgBalance3M       int64  // average daily available balance over the last three complete months
	AvgMonthlyInflow3M int64  // average inflow per month over the last three complete months
}

// FlowOf reads an account's cash-flow signals in asset as of today. Averages divide by the
// calendar days (or three months) of the window, rounding down: days before the account's
// first balance count as a zero balance.
func FlowOf(r store.Reader, addr, asset string, today core.BusinessDay) CashFlow {
	f := decodeFlow(r.Get(BalanceKey(addr, asset)))
	if f.day == 0 {
		return CashFlow{}
	}
	f.advance(today)
	var balanceDays, inflow int64
	for _, m := range f.months[completeFrom:] {
		balanceDays, inflow = money.AddSat(balanceDays, m.balanceDays), money.AddSat(inflow, m.inflow)
	}
	days := core.FirstDayOfMonth(today.Month) - core.FirstDayOfMonth(today.Month-(flowMonths-completeFrom))
	return CashFlow{InflowMonths12: uint32(bits.OnesCount16(f.inflowMask)),
		AvgBalance3M: balanceDays / days, AvgMonthlyInflow3M: inflow / (flowMonths - completeFrom)}
}
