package ledger

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/x/core"
)

func dayOf(date string) core.BusinessDay {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		panic(err)
	}
	return core.BusinessDay{Day: core.DayNumber(t), Month: core.MonthNumber(t)}
}

// A salary of 3,000.00 on the 1st of January, February and March, spent down to 1,000.00
// on the 16th of each month: the average over January–March (90 days) and the inflow
// months are known by hand.
func TestFlowSignals(t *testing.T) {
	var f flow
	move := func(date string, delta int64) {
		f.advance(dayOf(date))
		f.amount += delta
		if delta > 0 {
			f.recordInflow(delta)
		}
		f = decodeFlow(f.encode()) // every step goes through the stored form
	}
	for _, m := range []string{"01", "02", "03"} {
		move("2026-"+m+"-01", 300_000)
		move("2026-"+m+"-16", -200_000)
	}
	// Balance: 3,000 on days 1–15, then 1,000, and each month starts 1,000 higher.
	// Jan: 15×300,000 + 16×100,000 = 6,100,000; Feb: 15×400,000 + 13×200,000 = 8,600,000;
	// Mar: 15×500,000 + 16×300,000 = 12,300,000. Σ = 27,000,000 over 90 days = 300,000.
	reader := fakeReader{string(BalanceKey("a", "CNY")): f.encode()}
	got := FlowOf(reader, "a", "CNY", dayOf("2026-04-10"))
	require.Equal(t, CashFlow{InflowMonths12: 3, AvgBalance3M: 300_000, AvgMonthlyInflow3M: 300_000}, got)

	// A year without inflows: the months roll out of the mask and the window.
	idle := FlowOf(reader, "a", "CNY", dayOf("2027-03-05"))
	require.Equal(t, uint32(0), idle.InflowMonths12)
	require.Equal(t, int64(300_000), idle.AvgBalance3M, "the balance stayed at 3,000.00")
	require.Equal(t, int64(0), idle.AvgMonthlyInflow3M)
	// Two years: the skip path gives the same answer as rolling month by month.
	require.Equal(t, idle.AvgBalance3M, FlowOf(reader, "a", "CNY", dayOf("2028-08-20")).AvgBalance3M)
}

func TestFlowSaturates(t *testing.T) {
	require.Equal(t, int64(math.MaxInt64), money.MulSat(math.MaxInt64/2, 3))
	require.Equal(t, int64(math.MaxInt64), money.AddSat(math.MaxInt64, 1))
	require.Equal(t, int64(-6), money.MulSat(-2, 3))
	f := flow{amount: math.MaxInt64}
	f.advance(dayOf("2026-01-01"))
	f.advance(dayOf("2026-03-01"))
	require.Equal(t, int64(math.MaxInt64), f.months[1].balanceDays)
}

func TestFlowDecodesGenesisBalance(t *testing.T) {
	require.Equal(t, int64(42), decodeFlow(core.Int64Value(42)).amount)
	require.Panics(t, func() { decodeFlow([]byte{1, 2, 3}) })
}

type fakeReader map[string][]byte

func (r fakeReader) Get(k []byte) []byte { return r[string(k)] }
func (r fakeReader) Iterate(start, end []byte, f func(k, v []byte) bool) {
	panic("not used")
}
