package scorecard

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
)

// Bounds of a model.
const (
	MaxCharacteristics = 30
	MaxBins            = 20
	MaxBands           = 10
	MaxReasons         = 4 // reasons returned with a score
)

// Bin gives Points to a fact value in [Min, Max] (math.MinInt64 and math.MaxInt64 for open
// ends).
type Bin struct {
	Min, Max int64
	Points   int64
}

// Reason is a stable code with plain text, returned when a characteristic cost points.
type Reason struct {
	Code string
	Text string
}

// Characteristic scores one fact. Its bins must cover every value exactly once.
type Characteristic struct {
	Fact   string
	Reason Reason
	Bins   []Bin
}

// Band names the scores from MinScore up (bands in descending MinScore; a score below them
// all falls in the last).
type Band struct {
	Name     string
	MinScore int64
}

// Model is a scorecard: score = BasePoints + Σ points of each characteristic's bin.
type Model struct {
	Name            string
	Version         uint32
	Scaling         Scaling
	BasePoints      int64
	Characteristics []Characteristic
	Bands           []Band
}

// ErrInvalid marks a model that cannot score (overlapping or missing bins, unknown facts …).
var ErrInvalid = errors.New("invalid scorecard")

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// Validate checks a model against the facts a scorer can supply.
func (m *Model) Validate(knownFacts []string) error {
	if m.Name == "" || m.Version == 0 {
		return invalid("a model needs a name and a version ≥ 1")
	}
	if err := m.Scaling.Validate(); err != nil {
		return invalid("%v", err)
	}
	if n := len(m.Characteristics); n == 0 || n > MaxCharacteristics {
		return invalid("%d characteristics, need 1..%d", n, MaxCharacteristics)
	}
	known := map[string]bool{}
	for _, f := range knownFacts {
		known[f] = true
	}
	seen := map[string]bool{}
	for i, c := range m.Characteristics {
		if !known[c.Fact] {
			return invalid("characteristic %d scores %q, which is not a known fact", i, c.Fact)
		}
		if seen[c.Fact] {
			return invalid("fact %q is scored twice", c.Fact)
		}
		seen[c.Fact] = true
		if c.Reason.Code == "" || c.Reason.Text == "" {
			return invalid("characteristic %q needs a reason code and text", c.Fact)
		}
		if err := checkBins(c); err != nil {
			return err
		}
	}
	return checkBands(m.Bands)
}

// checkBins: sorted, contiguous, from MinInt64 to MaxInt64 — no overlap, no gap.
func checkBins(c Characteristic) error {
	if n := len(c.Bins); n == 0 || n > MaxBins {
		return invalid("characteristic %q has %d bins, need 1..%d", c.Fact, n, MaxBins)
	}
	if c.Bins[0].Min != math.MinInt64 || c.Bins[len(c.Bins)-1].Max != math.MaxInt64 {
		return invalid("characteristic %q: bins must cover every value (open first and last bin)", c.Fact)
	}
	for i, b := range c.Bins {
		if b.Min > b.Max {
			return invalid("characteristic %q bin %d: min %d above max %d", c.Fact, i, b.Min, b.Max)
		}
		if i == 0 {
			continue
		}
		prev := c.Bins[i-1]
		switch {
		case b.Min <= prev.Max:
			return invalid("characteristic %q: bins %d and %d overlap", c.Fact, i-1, i)
		case b.Min != prev.Max+1:
			return invalid("characteristic %q: a gap between bins %d and %d", c.Fact, i-1, i)
		}
	}
	return nil
}

func checkBands(bands []Band) error {
	if n := len(bands); n == 0 || n > MaxBands {
		return invalid("%d bands, need 1..%d", n, MaxBands)
	}
	for i, b := range bands {
		if b.Name == "" {
			return invalid("band %d needs a name", i)
		}
		if i > 0 && b.MinScore >= bands[i-1].MinScore {
			return invalid("bands must be in strictly descending minimum score")
		}
	}
	return nil
}

// Result is a score with its explanation.
type Result struct {
	Score        int64
	Band         string
	PD           string // probability of default the score implies, 4 decimals
	Reasons      []ScoredReason
	Model        string
	ModelVersion uint32
	InputsHash   []byte // sha256 of the model's name, version and the facts it read, in order
}

// ScoredReason is a reason with the points it cost against the characteristic's best bin.
type ScoredReason struct {
	Reason
	PointsLost int64
}

// Score scores facts. Every characteristic's fact must be present.
func (m *Model) Score(facts map[string]int64) (*Result, error) {
	r := &Result{Score: m.BasePoints, Model: m.Name, ModelVersion: m.Version}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00", m.Name, m.Version)
	var lost []ScoredReason
	for _, c := range m.Characteristics {
		v, ok := facts[c.Fact]
		if !ok {
			return nil, invalid("no value for characteristic %q", c.Fact)
		}
		h.Write(binary.BigEndian.AppendUint64([]byte(c.Fact+"\x00"), uint64(v)))
		points, best := binPoints(c, v)
		r.Score += points
		if best > points {
			lost = append(lost, ScoredReason{Reason: c.Reason, PointsLost: best - points})
		}
	}
	// Ranked by points lost; ties keep the model's order (a stable sort), so the same facts
	// always give the same reasons.
	sort.SliceStable(lost, func(i, j int) bool { return lost[i].PointsLost > lost[j].PointsLost })
	r.Reasons = lost[:min(len(lost), MaxReasons)]
	r.Band = m.Bands[len(m.Bands)-1].Name
	for _, b := range m.Bands {
		if r.Score >= b.MinScore {
			r.Band = b.Name
			break
		}
	}
	pd, err := m.Scaling.PDForScore(r.Score, 4)
	if err != nil {
		return nil, err
	}
	r.PD, r.InputsHash = pd, h.Sum(nil)
	return r, nil
}

// binPoints is the points of v's bin and the characteristic's best points.
func binPoints(c Characteristic, v int64) (points, best int64) {
	best = math.MinInt64
	for _, b := range c.Bins {
		best = max(best, b.Points)
		if v >= b.Min && v <= b.Max {
			points = b.Points
		}
	}
	return points, best
}
