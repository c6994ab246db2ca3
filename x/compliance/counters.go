package compliance

import (
	"encoding/binary"
	"errors"

	"github.com/puhui-chain/puhui/money"
)

// Counters are what compliance keeps per account and asset so that a rule can ask about
// the day's flows and a rolling week without scanning history: one fixed-size record,
// read and rewritten once per movement the account takes part in. Sums saturate
// (money.AddSat): a counter feeds thresholds, and a movement must never fail because its
// statistics overflowed.
type Counters struct {
	Day      int64 // business day the daily sums belong to
	Daily    [flowClasses]int64
	Reported uint16 // bit per (criterion, direction) already reported on Day
	FirstDay int64  // business day of the account's first movement in the asset (0: none yet)
	LastDay  int64  // business day of its latest movement before the current one
	Window   [windowDays]Slot
}

// Slot is one business day of the rolling window.
type Slot struct {
	Day   int64
	Count uint32 // movements in or out
	Near  uint32 // of which within 10% below a large-value threshold
	In    int64
	Out   int64
}

// The daily flow classes.
const (
	inDomestic = iota
	outDomestic
	inCrossBorder
	outCrossBorder
	cashIn
	cashOut
	flowClasses
)

// windowDays is the rolling window's length (the structuring rule's week).
const windowDays = 7

const (
	slotBytes     = 8 + 4 + 4 + 8 + 8
	countersBytes = 8 + flowClasses*8 + 2 + 8 + 8 + windowDays*slotBytes
)

var errCounters = errors.New("counters: bad length")

// DecodeCounters reads a record (an empty value is a fresh account).
func DecodeCounters(b []byte) (Counters, error) {
	var c Counters
	if len(b) == 0 {
		return c, nil
	}
	if len(b) != countersBytes {
		return c, errCounters
	}
	u := binary.BigEndian
	c.Day = int64(u.Uint64(b))
	p := b[8:]
	for i := range c.Daily {
		c.Daily[i] = int64(u.Uint64(p))
		p = p[8:]
	}
	c.Reported = u.Uint16(p)
	c.FirstDay, c.LastDay = int64(u.Uint64(p[2:])), int64(u.Uint64(p[10:]))
	p = p[18:]
	for i := range c.Window {
		c.Window[i] = Slot{Day: int64(u.Uint64(p)), Count: u.Uint32(p[8:]), Near: u.Uint32(p[12:]),
			In: int64(u.Uint64(p[16:])), Out: int64(u.Uint64(p[24:]))}
		p = p[slotBytes:]
	}
	return c, nil
}

// Encode writes the record.
func (c *Counters) Encode() []byte {
	u := binary.BigEndian
	b := make([]byte, 0, countersBytes)
	b = u.AppendUint64(b, uint64(c.Day))
	for _, v := range c.Daily {
		b = u.AppendUint64(b, uint64(v))
	}
	b = u.AppendUint16(b, c.Reported)
	b = u.AppendUint64(b, uint64(c.FirstDay))
	b = u.AppendUint64(b, uint64(c.LastDay))
	for _, s := range c.Window {
		b = u.AppendUint64(b, uint64(s.Day))
		b = u.AppendUint32(b, s.Count)
		b = u.AppendUint32(b, s.Near)
		b = u.AppendUint64(b, uint64(s.In))
		b = u.AppendUint64(b, uint64(s.Out))
	}
	return b
}

// advance moves the record to business day today: a new day starts its sums and report
// flags afresh, and the idle and age facts are taken before the day's movement counts.
func (c *Counters) advance(today int64) {
	if c.Day != today {
		c.Day, c.Daily, c.Reported = today, [flowClasses]int64{}, 0
	}
	s := &c.Window[slotOf(today)]
	if s.Day != today {
		*s = Slot{Day: today}
	}
}

func slotOf(day int64) int { return int(((day % windowDays) + windowDays) % windowDays) }

// record adds one movement of the account (already advanced to today).
func (c *Counters) record(today int64, class int, amount int64, near bool) {
	c.Daily[class] = money.AddSat(c.Daily[class], amount)
	s := &c.Window[slotOf(today)]
	s.Count++
	if near {
		s.Near++
	}
	if class%2 == 0 { // the in classes are even
		s.In = money.AddSat(s.In, amount)
	} else {
		s.Out = money.AddSat(s.Out, amount)
	}
	if c.FirstDay == 0 {
		c.FirstDay = today
	}
}

// touch marks today as the account's latest activity (after the facts were read).
func (c *Counters) touch(today int64) { c.LastDay = today }

// Week sums the rolling window ending today (today and the six days before).
func (c *Counters) Week(today int64) (count, near uint32, in, out int64) {
	for _, s := range c.Window {
		if s.Day > today-windowDays && s.Day <= today {
			count, near = count+s.Count, near+s.Near
			in, out = money.AddSat(in, s.In), money.AddSat(out, s.Out)
		}
	}
	return
}

// DayIn and DayOut are the day's inflow and outflow (all classes).
func (c *Counters) DayIn() int64 {
	return money.AddSat(money.AddSat(c.Daily[inDomestic], c.Daily[inCrossBorder]), c.Daily[cashIn])
}

func (c *Counters) DayOut() int64 {
	return money.AddSat(money.AddSat(c.Daily[outDomestic], c.Daily[outCrossBorder]), c.Daily[cashOut])
}
