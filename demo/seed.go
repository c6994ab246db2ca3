package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// People are the sandbox's borrowers and investors, by name; their keys are in the demo
// home's keyring so that a newcomer can act as any of them with --from NAME.
var People = []string{"amina", "bilal", "carlos", "dina", "emre", "fatima", "gita", "hana",
	"ivan", "jia", "kofi", "lena", "inv-ada", "inv-bo", "inv-cy", "merchant", "yusuf", "zara"}

// Scenario drives a sandbox chain into every loan state. Seed does the immediate part; Run
// then follows the loans as business days pass (the overdue ones default, one is written off
// with a recovery after it).
type Scenario struct {
	C      *client.Client
	Inst   *Institutions
	People map[string]*client.Signer
	Chain  *SupplyChain
	Out    io.Writer

	// Markets are the offerings, swap and HTLC the sandbox made, by what became of them
	// (offering-succeeded, offering-failed, offering-cancelled, swap, htlc).
	Markets map[string]uint64

	loans    map[string]uint64 // by borrower name
	crops    cropSeasons       // the micro-insurance part
	trustIDs []uint64          // the charity project and the family trust
}

// LoadPeople adds the people's keys to a demo home's keyring (or reads them back).
func LoadPeople(home string) (map[string]*client.Signer, error) {
	kr, pass, err := homeKeyring(home)
	if err != nil {
		return nil, err
	}
	out := map[string]*client.Signer{}
	for _, name := range People {
		if _, err := kr.Show(name); err != nil {
			if _, err := kr.Add(name, pass); err != nil {
				return nil, err
			}
		}
		priv, err := kr.Load(name, pass)
		if err != nil {
			return nil, err
		}
		out[name] = client.NewSigner(priv)
	}
	return out, nil
}

func (s *Scenario) say(format string, args ...any) {
	if s.Out != nil {
		fmt.Fprintf(s.Out, "demo: "+format+"\n", args...)
	}
}

func (s *Scenario) send(ctx context.Context, who *client.Signer, msgs ...*txpb.Msg) (*client.TxResult, error) {
	r, err := s.C.Send(ctx, who, "demo", msgs...)
	if err != nil {
		return nil, err
	}
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", r.Log, err)
	}
	return r, nil
}

// Seed registers the people and the yuan, funds everyone, registers three products and opens
// the loans: one in each state a loan can be in at once, and the ones that reach the others
// as days pass.
func (s *Scenario) Seed(ctx context.Context) error {
	s.loans, s.Markets = map[string]uint64{}, map[string]uint64{}
	steps := []struct {
		what string
		do   func(context.Context) error
	}{
		{"accounts and money", s.setupMoney},
		{"loan products", s.setupProducts},
		{"individual loans", s.individualLoans},
		{"pooled loans", s.pooledLoans},
		{"a joint-liability group", s.groupLoans},
		{"a supply chain", s.supplyChain},
		{"an issued note and its coupon", s.issuedNote},
		{"a charity project and a family trust", s.trusts},
		{"a note offering", s.offerings},
		{"a swap and an HTLC", s.escrows},
		// The two parts whose seasons and deadlines run on the wall clock come last, so that
		// Run follows them from the moment they start.
		{"micro-insurance", s.insurance},
		{"compliance and supervision", s.complianceSetup},
	}
	for _, st := range steps {
		if err := st.do(ctx); err != nil {
			return fmt.Errorf("demo %s: %w", st.what, err)
		}
		s.say("%s ready", st.what)
	}
	return nil
}

func (s *Scenario) setupMoney(ctx context.Context) error {
	var msgs []*txpb.Msg
	for _, name := range People {
		msgs = append(msgs, tx.Wrap(&txpb.MsgRegisterAccount{PubKey: s.People[name].PubKey(), KycLevel: 2}))
	}
	msgs = append(msgs, tx.Wrap(&txpb.MsgRegisterAsset{Code: "CNY", Name: "Chinese yuan", Scale: 2}),
		tx.Wrap(&txpb.MsgMint{Asset: "CNY", To: s.Inst.Bank.Address(), Amount: 100_000_000}),
		tx.Wrap(&txpb.MsgMint{Asset: "CNY", To: s.Inst.MFI.Address(), Amount: 50_000_000}))
	for _, name := range People {
		amount := int64(50_000) // 500.00 of a borrower's own savings
		if len(name) > 4 && name[:4] == "inv-" {
			amount = 500_000
		}
		msgs = append(msgs, tx.Wrap(&txpb.MsgMint{Asset: "CNY", To: s.People[name].Address(), Amount: amount}))
	}
	_, err := s.send(ctx, s.Inst.Bank, msgs...)
	return err
}

// The sandbox's products: weekly micro-loans with an approval rule (MFI), pooled P2P loans
// (bank), and weekly group loans with a 10% guarantee (MFI).
const (
	productMicro  = 1
	productPooled = 2
	productGroup  = 3
)

func (s *Scenario) setupProducts(ctx context.Context) error {
	micro := &txpb.LoanProduct{Name: "Micro weekly", Asset: "CNY", MinPrincipal: 10_000, MaxPrincipal: 1_000_000,
		MinPeriods: 4, MaxPeriods: 26, Frequency: "weeks", AnnualRatePercent: "24", PenaltyBpsPerDay: 10,
		DefaultDpd: 14, CollateralBps: 1000, DisbursementFeeBps: 100, MinKycLevel: 2,
		ApprovalRule: "amount <= 300000 && kyc_level >= 2 && loans_defaulted == 0"}
	pooled := &txpb.LoanProduct{Name: "P2P pooled", Asset: "CNY", MinPrincipal: 50_000, MaxPrincipal: 2_000_000,
		MinPeriods: 2, MaxPeriods: 12, Frequency: "weeks", Every: 2, AnnualRatePercent: "15",
		Funding: "pooled", FundingWindowDays: 10, Allocation: "interest-first"}
	group := &txpb.LoanProduct{Name: "Group weekly", Asset: "CNY", MinPrincipal: 10_000, MaxPrincipal: 300_000,
		MinPeriods: 4, MaxPeriods: 12, Frequency: "weeks", AnnualRatePercent: "20", InterestMethod: "flat",
		GroupGuaranteeBps: 1000, ArrearsGraceDays: 1, DefaultDpd: 30}
	if _, err := s.send(ctx, s.Inst.MFI, tx.Wrap(&txpb.MsgRegisterProduct{Product: micro})); err != nil {
		return err
	}
	if _, err := s.send(ctx, s.Inst.Bank, tx.Wrap(&txpb.MsgRegisterProduct{Product: pooled})); err != nil {
		return err
	}
	_, err := s.send(ctx, s.Inst.MFI, tx.Wrap(&txpb.MsgRegisterProduct{Product: group}))
	return err
}

// apply files an application and remembers the loan's id.
func (s *Scenario) apply(ctx context.Context, name string, product uint64, principal int64, periods uint32, group uint64) (uint64, error) {
	r, err := s.send(ctx, s.People[name], tx.Wrap(&txpb.MsgApplyLoan{ProductId: product, Principal: principal,
		Periods: periods, Purpose: "demo", GroupId: group}))
	if err != nil {
		return 0, err
	}
	id, err := strconv.ParseUint(eventAttr(r.Events, "lending.applied", "loan_id"), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("no loan id in the application's events")
	}
	s.loans[name] = id
	return id, nil
}

func (s *Scenario) individualLoans(ctx context.Context) error {
	mfi := s.Inst.MFI
	for _, name := range []string{"amina", "bilal", "carlos", "lena"} {
		id, err := s.apply(ctx, name, productMicro, 200_000, 8, 0) // auto-approved by the rule
		if err != nil {
			return err
		}
		if _, err := s.send(ctx, mfi, tx.Wrap(&txpb.MsgDisburseLoan{LoanId: id})); err != nil {
			return err
		}
	}
	// bilal and carlos spend everything: their loans fall overdue and default.
	for _, name := range []string{"bilal", "carlos"} {
		if err := s.spendAll(ctx, name); err != nil {
			return err
		}
	}
	// lena settles at once; amina prepays part and pays the rest on time.
	if _, err := s.send(ctx, s.People["lena"], tx.Wrap(&txpb.MsgRepayLoan{LoanId: s.loans["lena"], Amount: 250_000})); err != nil {
		return err
	}
	if _, err := s.send(ctx, s.People["amina"], tx.Wrap(&txpb.MsgRepayLoan{LoanId: s.loans["amina"], Amount: 50_000})); err != nil {
		return err
	}
	_, err := s.apply(ctx, "dina", productMicro, 500_000, 8, 0) // over the rule's amount: rejected
	return err
}

func (s *Scenario) spendAll(ctx context.Context, name string) error {
	acc, err := s.C.Account(ctx, s.People[name].Address(), false)
	if err != nil {
		return err
	}
	for _, b := range acc.Balances {
		if b.Asset == "CNY" && b.Available > 0 {
			_, err := s.send(ctx, s.People[name], tx.Wrap(&txpb.MsgTransfer{To: s.People["merchant"].Address(), Asset: "CNY", Amount: b.Available}))
			return err
		}
	}
	return nil
}

func (s *Scenario) pooledLoans(ctx context.Context) error {
	bank := s.Inst.Bank
	gita, err := s.apply(ctx, "gita", productPooled, 100_000, 6, 0)
	if err != nil {
		return err
	}
	hana, err := s.apply(ctx, "hana", productPooled, 300_000, 4, 0)
	if err != nil {
		return err
	}
	if _, err := s.send(ctx, bank, tx.Wrap(&txpb.MsgDecideLoan{LoanId: gita, Approve: true}), tx.Wrap(&txpb.MsgDecideLoan{LoanId: hana, Approve: true})); err != nil {
		return err
	}
	for i, amount := range []int64{33_333, 33_333, 33_334} { // gita's loan: fully funded, disburses
		if _, err := s.send(ctx, s.People[[]string{"inv-ada", "inv-bo", "inv-cy"}[i]], tx.Wrap(&txpb.MsgFundLoan{LoanId: gita, Amount: amount})); err != nil {
			return err
		}
	}
	// hana's loan: only part is funded; the window closes and the commitment returns.
	_, err = s.send(ctx, s.People["inv-ada"], tx.Wrap(&txpb.MsgFundLoan{LoanId: hana, Amount: 100_000}))
	return err
}

func (s *Scenario) groupLoans(ctx context.Context) error {
	mfi := s.Inst.MFI
	members := []string{"ivan", "jia", "kofi"}
	var addrs []string
	for _, m := range members {
		addrs = append(addrs, s.People[m].Address())
	}
	r, err := s.send(ctx, mfi, tx.Wrap(&txpb.MsgCreateGroup{Name: "Market traders", Members: addrs}))
	if err != nil {
		return err
	}
	group, err := strconv.ParseUint(eventAttr(r.Events, "lending.group_created", "group_id"), 10, 64)
	if err != nil {
		return errors.New("no group id in the events")
	}
	for _, m := range members {
		id, err := s.apply(ctx, m, productGroup, 100_000, 6, group)
		if err != nil {
			return err
		}
		if _, err := s.send(ctx, mfi, tx.Wrap(&txpb.MsgDecideLoan{LoanId: id, Approve: true}), tx.Wrap(&txpb.MsgDisburseLoan{LoanId: id})); err != nil {
			return err
		}
	}
	if err := s.spendAll(ctx, "kofi"); err != nil { // the group fund will cover kofi
		return err
	}
	// Two more applications wait: one for the MFI's decision, one approved but not paid out.
	if _, err := s.send(ctx, mfi, tx.Wrap(&txpb.MsgCreateGroup{Name: "Tailors", Members: []string{s.People["emre"].Address(), s.People["fatima"].Address()}})); err != nil {
		return err
	}
	if _, err := s.apply(ctx, "emre", productGroup, 50_000, 6, group+1); err != nil {
		return err
	}
	id, err := s.apply(ctx, "fatima", productGroup, 60_000, 6, group+1)
	if err != nil {
		return err
	}
	_, err = s.send(ctx, mfi, tx.Wrap(&txpb.MsgDecideLoan{LoanId: id, Approve: true, Reason: "awaiting the group meeting"}))
	return err
}

// Run follows the sandbox until ctx ends: when carlos's loan defaults the MFI writes it off,
// and a relative later pays part of it back (a recovery).
func (s *Scenario) Run(ctx context.Context) error {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	wroteOff, paidIn := false, false
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		if err := s.rainfall(ctx); err != nil {
			return err
		}
		if !paidIn {
			var err error
			if paidIn, err = s.followSupplyChain(ctx); err != nil {
				return err
			}
		}
		if wroteOff {
			continue
		}
		l, err := s.C.Loan(ctx, s.loans["carlos"])
		if err != nil {
			continue
		}
		if !wroteOff && l.Status == "defaulted" {
			if _, err := s.send(ctx, s.Inst.MFI, tx.Wrap(&txpb.MsgWriteOffLoan{LoanId: l.ID, Reason: "uncollectable"})); err != nil {
				return err
			}
			if _, err := s.send(ctx, s.People["merchant"], tx.Wrap(&txpb.MsgRepayLoan{LoanId: l.ID, Amount: 20_000})); err != nil {
				return err
			}
			s.say("carlos's loan %d defaulted, was written off, and 200.00 was recovered", l.ID)
			wroteOff = true
		}
	}
}

// Loans is the id of each person's latest loan.
func (s *Scenario) Loans() map[string]uint64 { return s.loans }

func eventAttr(events []query.Event, typ, key string) string {
	for _, e := range events {
		if e.Type != typ {
			continue
		}
		for _, a := range e.Attributes {
			if a.Key == key {
				return a.Value
			}
		}
	}
	return ""
}

// Load is the scenario of a home the demo genesis made: its institutions, people and supply
// chain, talking to the node through c and telling what it does on out (nil: silent).
func Load(home string, c *client.Client, out io.Writer) (*Scenario, error) {
	inst, err := LoadInstitutions(home)
	if err != nil {
		return nil, err
	}
	people, err := LoadPeople(home)
	if err != nil {
		return nil, err
	}
	chain, err := LoadSupplyChain(home)
	if err != nil {
		return nil, err
	}
	return &Scenario{C: c, Inst: inst, People: people, Chain: chain, Out: out}, nil
}
