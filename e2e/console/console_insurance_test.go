package console

import (
	"context"
	"crypto/sha256"
	"fmt"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/demo"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// TestConsoleInsurance opens the oracles and insurance page on a demo node: the rainfall feed
// with its latest answer and status; its rounds as a table and a chart holding the API's
// answers; the products; the insurer's pool with the capacity used and free equal to the
// API's; zara's policies; and a claim under an indemnity policy filed here.
func TestConsoleInsurance(t *testing.T) {
	w, ctx := startDemoConsole(t)
	b := w.b
	claim := fileClaim(ctx, t, w)
	// Both seasons' rainfall reported and the dry season settled: the chart has two answers and
	// the pool has paid out.
	for deadline := time.Now().Add(2 * time.Minute); ; time.Sleep(500 * time.Millisecond) {
		require.True(t, time.Now().Before(deadline), "the demo's seasons did not play out")
		var rs []query.Round
		var ps []query.Pool
		w.getJSON(t, "/v1/oracle/feeds/"+demo.DemoFeed+"/rounds", &rs)
		w.getJSON(t, "/v1/insurance/insurers/"+w.sc.Inst.Insurer.Address()+"/pools", &ps)
		if len(rs) >= 2 && rs[0].Answer != "" && len(ps) > 0 && ps[0].Payouts > 0 {
			break
		}
	}

	insurer := w.sc.Inst.Insurer.Address()
	var feeds []query.Feed
	var pools1, pools2 []query.Pool
	var rounds1, rounds2 []query.Round
	read := func(pools *[]query.Pool, rounds *[]query.Round) {
		w.getJSON(t, "/v1/insurance/insurers/"+insurer+"/pools", pools)
		w.getJSON(t, "/v1/oracle/feeds/"+demo.DemoFeed+"/rounds", rounds)
	}
	read(&pools1, &rounds1)
	b.run(t, "load", chromedp.Navigate(w.base+"/#/insurance"), chromedp.WaitReady(chromedp.CSS(`#main[data-ready="insurance"]`)))
	b.noErrors(t, "insurance")
	read(&pools2, &rounds2)
	w.getJSON(t, "/v1/oracle/feeds", &feeds)
	require.Equal(t, "预言机与保险", text(t, b, `#nav a[data-page="insurance"]`))
	require.Equal(t, len(feeds), rows(t, b, "#feeds"))
	require.Equal(t, demo.DemoFeed, text(t, b, `#feeds [data-feed="`+demo.DemoFeed+`"]`))

	// The pool's capacity: what the page drew equals the API's before or after it drew.
	require.NotEmpty(t, pools1)
	require.NotZero(t, pools1[0].Payouts, "the dry season paid")
	free := text(t, b, fmt.Sprintf("#pool-free-%s-CNY", insurer))
	used := text(t, b, fmt.Sprintf("#pool-exposure-%s-CNY", insurer))
	require.True(t, free == cny(pools1[0].Free) && used == cny(pools1[0].Exposure) || free == cny(pools2[0].Free) && used == cny(pools2[0].Exposure),
		"pool free %s used %s; API %+v / %+v", free, used, pools1[0], pools2[0])

	// The rounds' chart holds the answers of the closed rounds, oldest first.
	chart := eval[chartData](t, b, `(() => { const c = Chart.getChart(document.getElementById("chart-rounds"));
		return { labels: c.data.labels.map(String), datasets: c.data.datasets.map((x) => ({ label: x.label, data: x.data, keys: x.keys || [] })) }; })()`)
	want := func(rs []query.Round) []float64 {
		var out []float64
		for i := len(rs) - 1; i >= 0; i-- {
			if rs[i].Answer != "" {
				v, err := strconv.ParseFloat(rs[i].Answer, 64) // a chart's point, not money
				require.NoError(t, err)
				out = append(out, v)
			}
		}
		return out
	}
	require.GreaterOrEqual(t, len(want(rounds1)), 2, "the demo reported rainfall twice")
	require.True(t, reflect.DeepEqual(chart.Datasets[0].Data, want(rounds1)) || reflect.DeepEqual(chart.Datasets[0].Data, want(rounds2)),
		"chart %v; API %v / %v", chart.Datasets[0].Data, want(rounds1), want(rounds2))
	require.True(t, rows(t, b, "#rounds") == len(rounds1) || rows(t, b, "#rounds") == len(rounds2))
	var products []query.InsuranceProduct
	w.getJSON(t, "/v1/insurance/products", &products)
	require.Equal(t, len(products), rows(t, b, "#products"))
	keepShot(t, b, "insurance")

	// zara's policies, then the claim, each found through the page's forms.
	zara := w.sc.People["zara"].Address()
	var policies []query.Policy
	w.getJSON(t, "/v1/insurance/insured/"+zara+"/policies", &policies)
	b.run(t, "policies of an insured", chromedp.SendKeys(chromedp.CSS("#insured-addr"), zara+"\r"), chromedp.WaitReady(chromedp.CSS(`#main[data-ready="insurance"] #policies`)))
	require.Equal(t, len(policies), rows(t, b, "#policies"))
	b.run(t, "a claim", chromedp.SendKeys(chromedp.CSS("#claim-id"), strconv.FormatUint(claim, 10)+"\r"),
		chromedp.WaitReady(chromedp.CSS(`#main[data-ready="insurance"] #claim`)))
	b.noErrors(t, "claim")
	var c query.Claim
	w.getJSON(t, fmt.Sprintf("/v1/insurance/claims/%d", claim), &c)
	require.Equal(t, c.Status, eval[string](t, b, `document.querySelector("#claim [data-status]").dataset.status`))
	require.Contains(t, text(t, b, "#claim"), cny(c.Amount))
	require.Contains(t, text(t, b, "#claim"), c.EvidenceHash)
	require.Equal(t, len(policies), rows(t, b, "#policies"), "the policies stay while the claim is shown")
	keepShot(t, b, "insurance-claim")

	b.run(t, "English", chromedp.Click(chromedp.CSS("#lang")), poll(`document.querySelector('#nav a[data-page="insurance"]').textContent === "Oracles & insurance"`),
		chromedp.WaitReady(chromedp.CSS(`#main[data-ready="insurance"] #claim`)))
	require.Equal(t, "Oracles and insurance", text(t, b, "#main h1"))
	b.noErrors(t, "insurance in English")
	atPhoneWidth(t, b, "insurance", "insurance", "insurance-phone")
}

// fileClaim has the insurer register an indemnity product, hana buy a policy and file a claim
// under it; it answers the claim's id.
func fileClaim(ctx context.Context, t *testing.T, w *consoleWorld) uint64 {
	now := time.Now()
	send := func(who string, m *txpb.Msg) map[string]string {
		signer := w.sc.Inst.Insurer
		if who != "insurer" {
			signer = w.sc.People[who]
		}
		r, err := w.c.Send(ctx, signer, "", m)
		require.NoError(t, err)
		require.NoError(t, r.Err(), r.Log)
		out := map[string]string{}
		for _, e := range r.Events {
			for _, a := range e.Attributes {
				out[e.Type+"/"+a.Key] = a.Value
			}
		}
		return out
	}
	ev := send("insurer", tx.Wrap(&txpb.MsgRegisterInsuranceProduct{Product: &txpb.InsuranceProduct{Name: "Livestock indemnity",
		Kind: "indemnity", Asset: "CNY", Cover: "livestock", PremiumRatePpm: 20_000, MaxPayoutPpm: 1_000_000,
		SaleStart: now.Unix(), SaleEnd: now.Add(10 * time.Minute).Unix(), RiskStart: now.Unix(), RiskEnd: now.Add(20 * time.Minute).Unix(),
		MinSumInsured: 10_000, MaxSumInsured: 100_000, DisputeDays: 2, DecisionDays: 5}}))
	product, err := strconv.ParseUint(ev["insurance.product_registered/product_id"], 10, 64)
	require.NoError(t, err)
	send("hana", tx.Wrap(&txpb.MsgBuyPolicy{ProductId: product, Insured: w.sc.People["hana"].Address(), SumInsured: 30_000}))
	var policies []query.Policy
	w.getJSON(t, "/v1/insurance/insured/"+w.sc.People["hana"].Address()+"/policies", &policies)
	require.Len(t, policies, 1)
	evidence := sha256.Sum256([]byte("vet's report: two goats lost"))
	send("hana", tx.Wrap(&txpb.MsgFileClaim{PolicyId: policies[0].ID, Amount: 12_000, EvidenceHash: evidence[:]}))
	for id := uint64(1); ; id++ {
		var c query.Claim
		w.getJSON(t, fmt.Sprintf("/v1/insurance/claims/%d", id), &c)
		if c.PolicyID == policies[0].ID {
			return id
		}
	}
}
