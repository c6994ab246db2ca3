package offering

import (
	"strconv"
	"strings"

	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/module"
)

func queries() []module.Query {
	return []module.Query{
		module.Answer(query.GetOffering, func(q module.QueryContext, arg string) (query.Offering, error) {
			o, err := mustOffering(q.State, query.ID(arg))
			if err != nil {
				return query.Offering{}, err
			}
			return offeringView(o), nil
		}),
		module.Answer(query.ListOfferingPledges, func(q module.QueryContext, arg string) (query.OfferingPledges, error) {
			return pledgesPage(q.State, arg)
		}),
	}
}

func offeringView(o *statepb.Offering) query.Offering {
	t := o.Terms
	return query.Offering{ID: o.Id, Issuer: o.Issuer, Status: o.Status, PledgedUnits: o.PledgedUnits,
		PledgedCost: o.PledgedCost, Pledges: o.Pledges, AllottedUnits: o.AllottedUnits, Raised: o.Raised,
		FeePaid: o.FeePaid, SettledAt: o.SettledAt, CloseReason: o.CloseReason, CancelReason: o.CancelReason,
		Terms: query.OfferingTerms{Asset: t.Asset, SettlementAsset: t.SettlementAsset, Price: t.Price,
			SoftCap: t.SoftCap, HardCap: t.HardCap, MinUnits: t.MinUnits, MaxUnits: t.MaxUnits, OpensAt: t.OpensAt,
			ClosesAt: t.ClosesAt, FeeBps: t.FeeBps, FeeAccount: t.FeeAccount}}
}

// pledgesPage answers id[/investor]: up to a page of pledges after that investor; its next
// is the last investor listed.
func pledgesPage(r store.Reader, arg string) (query.OfferingPledges, error) {
	idText, after, more := strings.Cut(arg, query.Sep)
	id, err := strconv.ParseUint(idText, 10, 64)
	if err != nil || id == 0 {
		return query.OfferingPledges{}, tx.ErrInvalidField.Wrapf("offering %q: a decimal id ≥ 1", idText)
	}
	if more {
		if err := tx.ValidateAddress("after", after); err != nil {
			return query.OfferingPledges{}, err
		}
	}
	if _, err := mustOffering(r, id); err != nil {
		return query.OfferingPledges{}, err
	}
	out := query.OfferingPledges{OfferingID: id, Pledges: []query.Pledge{}}
	start := pledgePrefix(id)
	if more {
		start = append(PledgeKey(id, after), 0) // the first key after that investor's
	}
	r.Iterate(start, store.PrefixEnd(pledgePrefix(id)), func(_, v []byte) bool {
		if len(out.Pledges) == query.MaxPledgesListed {
			last := out.Pledges[len(out.Pledges)-1].Investor
			out.Next = last
			return false
		}
		var p statepb.Pledge
		if proto.Unmarshal(v, &p) != nil {
			return false
		}
		out.Pledges = append(out.Pledges, query.Pledge{Investor: p.Investor, Units: p.Units, Cost: p.Cost,
			HoldID: p.HoldId, Status: p.Status, PledgedAt: p.PledgedAt, Reason: p.Reason, WithdrawnAt: p.WithdrawnAt})
		return true
	})
	return out, nil
}
