package insurance

import (
	"github.com/puhui-chain/puhui/store"
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
	if err := checkProductShape(p); err != nil {
		return err
	}
	if _, err := bank.Asset(r, p.Asset); err != nil {
		return err
	}
	switch {
	case p.SaleEnd <= now:
		return ErrBadProduct.Wrapf("sale window [%d, %d) must end after now %d", p.SaleStart, p.SaleEnd, now)
	case p.RiskEnd-now > 5*maxDays*86400:
		return ErrBadProduct.Wrapf("risk period ends more than five years ahead")
	case p.Kind == KindParametric && !feeds.FeedExists(r, p.FeedId):
		return ErrBadProduct.Wrapf("feed %q is not registered", p.FeedId)
	case p.Kind == KindIndemnity && p.Assessor != "" && !hasAnyRole(r, p.Assessor, assessorRoles):
		return ErrBadProduct.Wrapf("assessor %s is not a member with the insurer or enterprise role", p.Assessor)
	}
	return nil
}

func hasAnyRole(r store.Reader, addr string, roles []identity.Role) bool {
	for _, role := range roles {
		if identity.HasRole(r, addr, role) {
			return true
		}
	}
	return false
}
