package insurance

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
)

// Product kinds, index functions and covers.
const (
	KindParametric = "parametric"
	KindIndemnity  = "indemnity"
	maxDays        = 365
)

var (
	indexFunctions = []string{"last", "sum", "average", "min", "max"}
	covers         = []string{"crop", "livestock", "credit_life", "other"}
)

// GetProduct reads a product.
func GetProduct(r store.Reader, id uint64) (*statepb.InsuranceProductRecord, bool) {
	var p statepb.InsuranceProductRecord
	return &p, core.GetProto(r, ProductKey(id), &p)
}

// ListProducts lists every product, by id.
func ListProducts(r store.Reader) []*statepb.InsuranceProductRecord {
	return core.ListProto[statepb.InsuranceProductRecord](r, productPrefix)
}

func termsOf(p *txpb.InsuranceProduct) Terms {
	return Terms{Direction: p.Direction, TriggerMicro: p.TriggerMicro, ExitMicro: p.ExitMicro,
		MaxPayoutPPM: p.MaxPayoutPpm, ReferenceMicro: p.ReferenceMicro}
}

// RegisterProduct registers a product sold by the signer (an insurer).
func RegisterProduct(ctx *core.Context, m *txpb.MsgRegisterInsuranceProduct) error {
	p := m.GetProduct()
	if err := checkProduct(ctx.KV, p, ctx.Now()); err != nil {
		return err
	}
	if p.Kind == KindParametric && p.Direction == "" {
		p.Direction = DirectionBelow
	}
	id := uint64(core.GetInt64(ctx.KV, productSeqKey)) + 1
	core.SetInt64(ctx.KV, productSeqKey, int64(id))
	core.SetProto(ctx.KV, ProductKey(id), &statepb.InsuranceProductRecord{Id: id, Insurer: ctx.Signer, Product: p, RegisteredAt: ctx.Now()})
	ctx.Emit("insurance.product_registered", "product_id", idText(id), "signer", ctx.Signer, "kind", p.Kind,
		"asset", p.Asset, "feed_id", p.FeedId, "risk_start", core.Itoa(p.RiskStart), "risk_end", core.Itoa(p.RiskEnd))
	return nil
}

func checkProduct(r store.Reader, p *txpb.InsuranceProduct, now int64) error {
	if p == nil {
		return ErrBadProduct.Wrapf("no product")
	}
	if err := checkCommon(r, p, now); err != nil {
		return err
	}
	switch p.Kind {
	case KindParametric:
		return checkParametric(r, p)
	case KindIndemnity:
		return checkIndemnity(r, p)
	}
	return ErrBadProduct.Wrapf("kind %q: parametric or indemnity", p.Kind)
}

func checkCommon(r store.Reader, p *txpb.InsuranceProduct, now int64) error {
	if _, err := bank.Asset(r, p.Asset); err != nil {
		return err
	}
	switch {
	case p.Name == "" || len(p.Name) > tx.MaxStringField:
		return ErrBadProduct.Wrapf("name: 1..%d bytes", tx.MaxStringField)
	case !containsString(covers, p.Cover):
		return ErrBadProduct.Wrapf("cover %q: one of %v", p.Cover, covers)
	case p.PremiumRatePpm <= 0 || p.PremiumRatePpm > Million:
		return ErrBadProduct.Wrapf("premium rate %d ppm: above 0, at most 1", p.PremiumRatePpm)
	case p.MaxPayoutPpm <= 0 || p.MaxPayoutPpm > Million:
		return ErrBadProduct.Wrapf("maximum payout fraction %d ppm: above 0, at most 1", p.MaxPayoutPpm)
	case p.SaleStart >= p.SaleEnd || p.SaleEnd <= now:
		return ErrBadProduct.Wrapf("sale window [%d, %d) must be non-empty and end after now %d", p.SaleStart, p.SaleEnd, now)
	case p.RiskStart >= p.RiskEnd || p.SaleEnd > p.RiskEnd:
		return ErrBadProduct.Wrapf("risk period [%d, %d) must be non-empty and not end before the sale", p.RiskStart, p.RiskEnd)
	case p.RiskEnd-now > 5*maxDays*86400:
		return ErrBadProduct.Wrapf("risk period ends more than five years ahead")
	case p.MinSumInsured <= 0 || p.MaxSumInsured < p.MinSumInsured:
		return ErrBadProduct.Wrapf("sum insured bounds [%d, %d]", p.MinSumInsured, p.MaxSumInsured)
	case p.DisputeDays > maxDays:
		return ErrBadProduct.Wrapf("dispute_days %d above %d", p.DisputeDays, maxDays)
	}
	return nil
}

func checkParametric(r store.Reader, p *txpb.InsuranceProduct) error {
	switch {
	case !feeds.FeedExists(r, p.FeedId):
		return ErrBadProduct.Wrapf("feed %q is not registered", p.FeedId)
	case !containsString(indexFunctions, p.Index):
		return ErrBadProduct.Wrapf("index %q: one of %v", p.Index, indexFunctions)
	case p.DecisionDays != 0 || p.Assessor != "":
		return ErrBadProduct.Wrapf("decision days and assessor are for indemnity products")
	}
	return termsOf(p).Check()
}

func hasAnyRole(r store.Reader, addr string, roles []identity.Role) bool {
	for _, role := range roles {
		if identity.HasRole(r, addr, role) {
			return true
		}
	}
	return false
}

func checkIndemnity(r store.Reader, p *txpb.InsuranceProduct) error {
	switch {
	case p.FeedId != "" || p.Index != "" || p.TriggerMicro != 0 || p.ExitMicro != 0 || p.ReferenceMicro != 0 || p.Direction != "":
		return ErrBadProduct.Wrapf("feed, index, trigger, exit, reference and direction are for parametric products")
	case p.DecisionDays == 0 || p.DecisionDays > maxDays:
		return ErrBadProduct.Wrapf("decision_days %d: 1..%d", p.DecisionDays, maxDays)
	case p.Assessor != "" && !hasAnyRole(r, p.Assessor, assessorRoles):
		return ErrBadProduct.Wrapf("assessor %s is not a member with the insurer or enterprise role", p.Assessor)
	}
	return nil
}
