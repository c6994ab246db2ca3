package lending

import "github.com/puhui-chain/puhui/tx/statepb"

// component is one part of what an instalment asks for.
type component int

const (
	compPenalty component = iota
	compFee
	compInterest
	compPrincipal
)

// Paid is how a payment was split over the components.
type Paid struct {
	Principal, Interest, Fee, Penalty int64
}

// Total is the sum of the parts.
func (p Paid) Total() int64 { return p.Principal + p.Interest + p.Fee + p.Penalty }

func (p *Paid) add(c component, v int64) {
	switch c {
	case compPenalty:
		p.Penalty += v
	case compFee:
		p.Fee += v
	case compInterest:
		p.Interest += v
	case compPrincipal:
		p.Principal += v
	}
}

// fields returns pointers to the amount asked and the amount paid of one component.
func fields(in *statepb.Installment, c component) (due, paid *int64) {
	switch c {
	case compPenalty:
		return &in.Penalty, &in.PenaltyPaid
	case compFee:
		return &in.Fee, &in.FeePaid
	case compInterest:
		return &in.Interest, &in.InterestPaid
	default:
		return &in.Principal, &in.PrincipalPaid
	}
}

// step is one (instalment, component) slot in an allocation order.
type step struct {
	in *statepb.Installment
	c  component
}

// allocationOrder lists the slots a payment fills, in order, for the named strategy over
// the given (due) instalments, oldest first:
//   - standard: per instalment: penalty → fee → interest → principal;
//   - interest-first: the interest of every instalment, then principal, then penalties, then
//     fees (no principal is paid while any due interest is unpaid);
//   - principal-first: per instalment: principal → interest → penalty → fee.
func allocationOrder(strategy string, ins []*statepb.Installment) []step {
	var out []step
	perInstalment := func(order ...component) {
		for _, in := range ins {
			for _, c := range order {
				out = append(out, step{in, c})
			}
		}
	}
	switch strategy {
	case AllocationInterestFirst:
		for _, c := range []component{compInterest, compPrincipal, compPenalty, compFee} {
			for _, in := range ins {
				out = append(out, step{in, c})
			}
		}
	case AllocationPrincipalFirst:
		perInstalment(compPrincipal, compInterest, compPenalty, compFee)
	default:
		perInstalment(compPenalty, compFee, compInterest, compPrincipal)
	}
	return out
}

// allocate applies up to amount to the instalments by strategy and returns what it used,
// split by component. It never pays more than is asked.
func allocate(strategy string, ins []*statepb.Installment, amount int64) Paid {
	var p Paid
	for _, s := range allocationOrder(strategy, ins) {
		if amount == 0 {
			break
		}
		due, paid := fields(s.in, s.c)
		take := min(*due-*paid, amount)
		if take <= 0 {
			continue
		}
		*paid += take
		amount -= take
		p.add(s.c, take)
	}
	return p
}
