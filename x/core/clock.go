package core

import (
	"archive/zip"
	"bytes"
	_ "embed" // the zone database
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
)

var clockKey = Key("core", "clock")

// Clock converts between block time (what consensus agrees) and business time (what loan
// contracts count in): business = origin + (block − origin) × scale, read in the consortium's
// time zone. On a real network the scale is 1; a sandbox may make a business day pass in
// seconds.
type Clock struct {
	Zone   *time.Location
	Origin int64 // unix seconds
	Scale  int64
}

// SetClock records the clock at genesis.
func SetClock(kv store.KV, zone string, origin, scale int64) error {
	if scale < 1 || scale > 1_000_000 {
		return fmt.Errorf("time_scale %d outside 1..1000000", scale)
	}
	if _, err := location(zone); err != nil {
		return err
	}
	SetProto(kv, clockKey, &statepb.Clock{TimeZone: zone, Origin: origin, Scale: scale})
	return nil
}

// ClockOf reads the chain's clock. A chain without one (older genesis) counts real time in UTC.
func ClockOf(r store.Reader) Clock {
	var c statepb.Clock
	if !GetProto(r, clockKey, &c) {
		return Clock{Zone: time.UTC, Scale: 1}
	}
	loc, err := location(c.TimeZone)
	if err != nil {
		panic(fmt.Sprintf("clock zone in state: %v", err))
	}
	return Clock{Zone: loc, Origin: c.Origin, Scale: c.Scale}
}

// Business returns the business time of a block time.
func (c Clock) Business(blockUnix int64) time.Time {
	return time.Unix(c.Origin+(blockUnix-c.Origin)*c.Scale, 0).In(c.Zone)
}

// BlockTimeOf returns the first block time whose business time is at or after b.
func (c Clock) BlockTimeOf(b time.Time) int64 {
	d := b.Unix() - c.Origin
	q := d / c.Scale
	if d%c.Scale != 0 && d > 0 {
		q++ // round up: the block time must not be before the business instant
	}
	return c.Origin + q
}

// Day is the business day number (days since 1970-01-01) of a block time.
func (c Clock) Day(blockUnix int64) int64 { return DayNumber(c.Business(blockUnix)) }

// DayNumber is the day number of t's calendar date in t's own zone.
func DayNumber(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// StartOfDay is the first instant of the business day number day.
func (c Clock) StartOfDay(day int64) time.Time {
	u := time.Unix(day*86400, 0).UTC()
	return time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, c.Zone)
}

// DateOf formats a business day number as YYYY-MM-DD.
func DateOf(day int64) string { return time.Unix(day*86400, 0).UTC().Format(time.DateOnly) }

// zoneinfo is the IANA time zone database the binary carries (a copy of Go's
// lib/time/zoneinfo.zip, Go 1.26.8). Business dates are consensus: every node must turn a
// block time into the same date, so zones come from this copy, never from the host's
// database, whose version differs between machines.
//
//go:embed zoneinfo.zip
var zoneinfo []byte

var (
	zonesMu sync.Mutex
	zones   = map[string]*time.Location{}
)

// Location loads a time zone from the embedded database, once per process.
func Location(name string) (*time.Location, error) { return location(name) }

func location(name string) (*time.Location, error) {
	zonesMu.Lock()
	defer zonesMu.Unlock()
	if loc, ok := zones[name]; ok {
		return loc, nil
	}
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("time zone %q: name an IANA zone", name)
	}
	loc, err := loadEmbedded(name)
	if err != nil {
		return nil, fmt.Errorf("time zone %q: %w", name, err)
	}
	zones[name] = loc
	return loc, nil
}

func loadEmbedded(name string) (*time.Location, error) {
	if name == "UTC" {
		return time.UTC, nil
	}
	z, err := zip.NewReader(bytes.NewReader(zoneinfo), int64(len(zoneinfo)))
	if err != nil {
		return nil, err
	}
	f, err := z.Open(name)
	if err != nil {
		return nil, fmt.Errorf("not in the zone database")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 1<<20))
	if err != nil {
		return nil, err
	}
	return time.LoadLocationFromTZData(name, data)
}
