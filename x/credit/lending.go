package credit

import (
	"github.com/puhui-chain/puhui/store"
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
