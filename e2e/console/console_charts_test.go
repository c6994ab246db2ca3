package console

import (
	"reflect"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/query"
)

// chartData is a chart's data as Chart.js holds it.
type chartData struct {
	Labels   []string `json:"labels"`
	Datasets []struct {
		Label string    `json:"label"`
		Data  []float64 `json:"data"`
		Keys  []string  `json:"keys"`
	} `json:"datasets"`
}

const readCharts = `(() => {
	const d = (id) => { const c = Chart.getChart(document.getElementById(id)); if (!c) return null;
		return { labels: c.data.labels.map(String), datasets: c.data.datasets.map((x) => ({ label: x.label, data: x.data, keys: x.keys || [] })) }; };
	return { par: d("chart-par"), status: d("chart-status"), bucket: d("chart-bucket"), history: d("chart-history") };
})()`

type portfolioCharts struct {
	Par, Status, Bucket, History *chartData
}

// historyMatches: the history chart plots the API's days, GLP in minor units and PAR30.
func historyMatches(t *testing.T, got *chartData, h query.PortfolioHistory) bool {
	var points []query.HistoryPoint
	for _, a := range h.Assets {
		if len(a.Points) > 0 {
			points = a.Points
			break
		}
	}
	if len(got.Labels) != len(points) || len(got.Datasets) != 2 {
		return false
	}
	for i, p := range points {
		par, err := strconv.ParseFloat(p.PAR30, 64)
		require.NoError(t, err)
		if got.Labels[i] != p.Date || got.Datasets[0].Data[i] != float64(p.GrossPortfolio) || got.Datasets[1].Data[i] != par {
			return false
		}
	}
	return true
}

// expectedCharts is what the charts must hold for these API answers.
func expectedCharts(t *testing.T, p query.Portfolio, l query.LenderLoans) (par map[string][]float64, status, bucket map[string]int) {
	par = map[string][]float64{}
	for _, a := range p.Assets {
		for _, s := range []string{a.PAR1, a.PAR30, a.PAR60, a.PAR90, a.ArrearsRate} {
			v, err := strconv.ParseFloat(s, 64) // a ratio for a chart axis, not money
			require.NoError(t, err)
			par[a.Asset] = append(par[a.Asset], v)
		}
	}
	return par, l.ByStatus, l.ByBucket
}

func chartCounts(c *chartData) map[string]int {
	out := map[string]int{}
	for i, k := range c.Datasets[0].Keys {
		out[k] = int(c.Datasets[0].Data[i])
	}
	return out
}

func (w *consoleWorld) portfolio(t *testing.T) {
	b := w.b
	mfi := w.sc.Inst.MFI.Address()
	type answers struct {
		p query.Portfolio
		l query.LenderLoans
		h query.PortfolioHistory
	}
	api := func() answers {
		var a answers
		w.getJSON(t, "/v1/lending/portfolios/"+mfi, &a.p)
		w.getJSON(t, "/v1/lending/lenders/"+mfi+"/loans", &a.l)
		w.getJSON(t, "/v1/lending/portfolios/"+mfi+"/history", &a.h)
		return a
	}
	// Business days pass every half second: the figures the page drew must equal the API's at
	// a moment while it drew them (read just before and just after).
	for attempt := 0; ; attempt++ {
		a1 := api()
		b.open(t, "explorer", "explorer")
		b.open(t, "portfolio/"+mfi, "portfolio")
		got := eval[portfolioCharts](t, b, readCharts)
		a2 := api()
		require.NotNil(t, got.Par)
		require.NotNil(t, got.Status)
		require.NotNil(t, got.Bucket)
		require.NotNil(t, got.History)
		gotPar := map[string][]float64{}
		for _, d := range got.Par.Datasets {
			gotPar[d.Label] = d.Data
		}
		matches := func(a answers) bool {
			par, status, bucket := expectedCharts(t, a.p, a.l)
			return reflect.DeepEqual(par, gotPar) && reflect.DeepEqual(status, chartCounts(got.Status)) &&
				reflect.DeepEqual(bucket, chartCounts(got.Bucket)) && historyMatches(t, got.History, a.h)
		}
		if matches(a1) || matches(a2) {
			require.NotEmpty(t, got.Status.Datasets[0].Keys)
			require.NotEmpty(t, got.History.Labels, "business days have passed: the chain recorded some")
			break
		}
		if reflect.DeepEqual(a1.p, a2.p) && reflect.DeepEqual(a1.l.ByStatus, a2.l.ByStatus) &&
			reflect.DeepEqual(a1.l.ByBucket, a2.l.ByBucket) && reflect.DeepEqual(a1.h, a2.h) || attempt == 5 {
			par, status, bucket := expectedCharts(t, a2.p, a2.l)
			t.Fatalf("charts differ from the API:\npar %v, want %v\nstatus %v, want %v\nbucket %v, want %v\nhistory %+v, want %+v",
				gotPar, par, chartCounts(got.Status), status, chartCounts(got.Bucket), bucket, got.History, a2.h)
		}
	}
	// The figures on the cards are the API's, formatted from the integer string.
	glp := eval[string](t, b, `document.getElementById("glp-CNY").textContent`)
	require.Regexp(t, `^[0-9,]+\.[0-9]{2} CNY$`, glp)
	// A disbursed loan's live schedule opens from the list.
	id := eval[string](t, b, `[...document.querySelectorAll("#pf-loans tbody tr")].find((r) => r.querySelector('[data-status="active"], [data-status="defaulted"], [data-status="closed"], [data-status="written_off"]')).querySelector("[data-schedule]").dataset.schedule`)
	b.run(t, "schedule", chromedp.Click(chromedp.CSS(`[data-schedule="`+id+`"]`)), chromedp.WaitReady(chromedp.CSS(`table.schedule[data-loan="`+id+`"]`)))
	var loan query.Loan
	w.getJSON(t, "/v1/lending/loans/"+id, &loan)
	require.NotEmpty(t, loan.Installments)
	require.Equal(t, len(loan.Installments), eval[int](t, b, `document.querySelectorAll("table.schedule tbody tr").length`))
	b.shot(t, "portfolio")
	b.noErrors(t, "portfolio")
}
