package credit

import (
	"regexp"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/credit/scorecard"
)

// DefaultModelName is the model scored when a product or a request names none. Until a
// version of it is registered on chain, the built-in scorecard.Default (version 1) serves.
var DefaultModelName = scorecard.Default().Name

// ByGovernance is the registrant recorded for a model registered by a passed proposal.
const ByGovernance = "governance"

var modelName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)

// Limits of a model's texts.
const (
	maxReasonCode = 8
	maxReasonText = 120
)

// RegisterScorecard registers a model version (the route admits scorers).
func RegisterScorecard(ctx *core.Context, m *txpb.MsgRegisterScorecard) error {
	return Register(ctx, m.GetModel(), ctx.Signer)
}

// Register validates and stores a model version; by is the registering member or
// ByGovernance. Versions of a name only go up, and a registered version never changes, so
// a decision's recorded model version always names the model that made it.
func Register(ctx *core.Context, p *txpb.Scorecard, by string) error {
	if err := ValidateScorecard(ctx.KV, p); err != nil {
		return err
	}
	core.SetProto(ctx.KV, ScorecardKey(p.Name, p.Version), &statepb.ScorecardRecord{Model: p, RegisteredBy: by, RegisteredAt: ctx.Now()})
	ctx.Emit("credit.scorecard_registered", "model", p.Name, "version", core.Itoa(int64(p.Version)), "by", by)
	return nil
}

// ValidateScorecard checks a model version against the registry without storing it
// (governance checks a proposal's model when it is submitted).
func ValidateScorecard(r store.Reader, p *txpb.Scorecard) error {
	if err := validateModelShape(p); err != nil {
		return err
	}
	if latest := latestVersion(r, p.Name); p.Version <= latest {
		return ErrStaleVersion.Wrapf("%s version %d: versions must rise above %d", p.Name, p.Version, latest)
	}
	return nil
}

// validateModelShape is what a model version shows alone, without the registry.
func validateModelShape(p *txpb.Scorecard) error {
	if p == nil {
		return ErrBadScorecard.Wrapf("model is required")
	}
	if !modelName.MatchString(p.Name) {
		return ErrBadScorecard.Wrapf("name %q: 1..40 of a-z, 0-9 and -", p.Name)
	}
	if len(p.Description) > tx.MaxStringField {
		return ErrBadScorecard.Wrapf("description over %d bytes", tx.MaxStringField)
	}
	for _, c := range p.Characteristics {
		if len(c.ReasonCode) > maxReasonCode || len(c.ReasonText) > maxReasonText {
			return ErrBadScorecard.Wrapf("characteristic %q: reason code ≤ %d and text ≤ %d bytes", c.Fact, maxReasonCode, maxReasonText)
		}
	}
	if err := ModelOf(p).Validate(scorecard.Facts()); err != nil {
		return ErrBadScorecard.Wrapf("%v", err)
	}
	return nil
}

// latestVersion is the newest registered version of a name; the built-in default counts
// as version 1 of its name.
func latestVersion(r store.Reader, name string) uint32 {
	if rec, ok := latestRecord(r, name); ok {
		return rec.Model.Version
	}
	if name == DefaultModelName {
		return scorecard.Default().Version
	}
	return 0
}

func latestRecord(r store.Reader, name string) (*statepb.ScorecardRecord, bool) {
	var last []byte
	store.IteratePrefix(r, scorecardPrefix(name), func(_, v []byte) bool {
		last = append(last[:0], v...)
		return true
	})
	if last == nil {
		return nil, false
	}
	var rec statepb.ScorecardRecord
	core.MustUnmarshal(last, &rec)
	return &rec, true
}

// ActiveModel is the model a name scores with: its newest registered version, or the
// built-in default for the default name ("" means the default).
func ActiveModel(r store.Reader, name string) (*scorecard.Model, error) {
	if name == "" {
		name = DefaultModelName
	}
	if rec, ok := latestRecord(r, name); ok {
		return ModelOf(rec.Model), nil
	}
	if name == DefaultModelName {
		return scorecard.Default(), nil
	}
	return nil, ErrUnknownScorecard.Wrapf("no scorecard named %q", name)
}

// Scorecards lists every registered model version, by name then version.
func Scorecards(r store.Reader) []*statepb.ScorecardRecord {
	return core.ListProto[statepb.ScorecardRecord](r, allScorecards)
}

// ModelOf turns a model's wire form into the scorer's.
func ModelOf(p *txpb.Scorecard) *scorecard.Model {
	m := &scorecard.Model{Name: p.Name, Version: p.Version, BasePoints: p.BasePoints,
		Scaling: scorecard.Scaling{BaseScore: p.BaseScore, BaseOdds: p.BaseOdds, PDO: p.Pdo}}
	for _, c := range p.Characteristics {
		ch := scorecard.Characteristic{Fact: c.Fact, Reason: scorecard.Reason{Code: c.ReasonCode, Text: c.ReasonText}}
		for _, b := range c.Bins {
			ch.Bins = append(ch.Bins, scorecard.Bin{Min: b.Min, Max: b.Max, Points: b.Points})
		}
		m.Characteristics = append(m.Characteristics, ch)
	}
	for _, b := range p.Bands {
		m.Bands = append(m.Bands, scorecard.Band{Name: b.Name, MinScore: b.MinScore})
	}
	return m
}

// ProtoOf is a model's wire form (the built-in default's, for registering a new version of
// it or showing it).
func ProtoOf(m *scorecard.Model) *txpb.Scorecard {
	p := &txpb.Scorecard{Name: m.Name, Version: m.Version, BaseScore: m.Scaling.BaseScore,
		BaseOdds: m.Scaling.BaseOdds, Pdo: m.Scaling.PDO, BasePoints: m.BasePoints}
	for _, c := range m.Characteristics {
		pc := &txpb.ScorecardCharacteristic{Fact: c.Fact, ReasonCode: c.Reason.Code, ReasonText: c.Reason.Text}
		for _, b := range c.Bins {
			pc.Bins = append(pc.Bins, &txpb.ScorecardBin{Min: b.Min, Max: b.Max, Points: b.Points})
		}
		p.Characteristics = append(p.Characteristics, pc)
	}
	for _, b := range m.Bands {
		p.Bands = append(p.Bands, &txpb.ScorecardBand{Name: b.Name, MinScore: b.MinScore})
	}
	return p
}
