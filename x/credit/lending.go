package credit

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/credit/scorecard"
	"github.com/puhui-chain/puhui/x/lending"
)

// Bureau is the credit module as lending sees it (lending.CreditBureau): applicants'
// assessments, and the check that a product's scorecard can score. It holds no state.
type Bureau struct{}

// Assess assesses a borrower (see Assess).
func (Bureau) Assess(r store.Reader, borrower, asset, model string, now int64) (*lending.Assessment, error) {
	return Assess(r, borrower, asset, model, now)
}

// CheckScorecard refuses a product scorecard that cannot score.
func (Bureau) CheckScorecard(r store.Reader, name string) error {
	_, err := ActiveModel(r, name)
	return err
}

// Band names the band a score falls in under the model version that gave it (registered, or
// the built-in default); "" when that version is unknown.
func (Bureau) Band(r store.Reader, model string, version uint32, score int64) string {
	var m *scorecard.Model
	var rec statepb.ScorecardRecord
	switch d := scorecard.Default(); {
	case core.GetProto(r, ScorecardKey(model, version), &rec):
		m = ModelOf(rec.Model)
	case model == d.Name && version == d.Version:
		m = d
	default:
		return ""
	}
	band := m.Bands[len(m.Bands)-1].Name
	for _, b := range m.Bands { // descending minimum scores
		if score >= b.MinScore {
			return b.Name
		}
	}
	return band
}
