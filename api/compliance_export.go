package api

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
)

type csvOutput struct {
	ContentType string `header:"Content-Type"`
	Body        []byte
}

// registerComplianceExports serves the regulator's exports as CSV; the same records are
// JSON at the views' own routes.
func (s *server) registerComplianceExports(api huma.API) {
	huma.Register(api, huma.Operation{OperationID: "export-large-value-reports", Method: http.MethodGet,
		Path: "/v1/compliance/export/large-value/{range}", Summary: "Large-value reports in a range of business dates, as CSV"},
		func(ctx context.Context, in *RangeInput) (*csvOutput, error) {
			reps, err := client.Query(ctx, s.Client, query.ListLargeValueReports, in.Range)
			if err != nil {
				return nil, problemOf(err)
			}
			rows := [][]string{{"id", "business_date", "account", "asset", "criterion", "direction", "day_total", "threshold",
				"movement_kind", "from", "to", "amount", "height"}}
			for _, r := range reps {
				rows = append(rows, []string{csvID(r.ID), r.BusinessDate, r.Account, r.Asset, r.Criterion, r.Direction, csvInt(r.DayTotal),
					csvInt(r.Threshold), r.Movement.Kind, r.Movement.From, r.Movement.To, csvInt(r.Movement.Amount), csvInt(r.Movement.Height)})
			}
			return csvOf(rows)
		})
	huma.Register(api, huma.Operation{OperationID: "export-suspicious-reports", Method: http.MethodGet,
		Path: "/v1/compliance/export/suspicious-reports", Summary: "Suspicious-transaction reports as CSV"},
		func(ctx context.Context, _ *struct{}) (*csvOutput, error) {
			reps, err := client.Query(ctx, s.Client, query.ListSuspiciousReports, "")
			if err != nil {
				return nil, problemOf(err)
			}
			rows := [][]string{{"id", "case_id", "subject", "summary", "filed_by", "filed_at", "late", "follow_ups"}}
			for _, r := range reps {
				rows = append(rows, []string{csvID(r.ID), csvID(r.CaseID), r.Subject, r.Summary, r.FiledBy, csvInt(r.FiledAt),
					strconv.FormatBool(r.Late), strconv.Itoa(len(r.FollowUps))})
			}
			return csvOf(rows)
		})
	huma.Register(api, huma.Operation{OperationID: "export-lender-portfolio", Method: http.MethodGet,
		Path: "/v1/supervision/export/lenders/{address}", Summary: "A lender's portfolio figures by asset, as CSV"},
		func(ctx context.Context, in *AddressInput) (*csvOutput, error) {
			v, err := client.Query(ctx, s.Client, query.GetLenderSupervision, in.Address)
			if err != nil {
				return nil, problemOf(err)
			}
			rows := [][]string{{"lender", "asset", "loans", "gross_loan_portfolio", "overdue_principal", "par1", "par30", "par60",
				"par90", "arrears_rate", "written_off", "recovered", "write_off_ratio"}}
			for _, a := range v.Portfolio.Assets {
				rows = append(rows, []string{v.Lender, a.Asset, strconv.Itoa(a.Loans), csvInt(a.GrossPortfolio), csvInt(a.OverduePrincipal),
					a.PAR1, a.PAR30, a.PAR60, a.PAR90, a.ArrearsRate, csvInt(a.WrittenOff), csvInt(a.Recovered), a.WriteOffRatio})
			}
			return csvOf(rows)
		})
}

func csvOf(rows [][]string) (*csvOutput, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		return nil, huma.Error500InternalServerError(err.Error())
	}
	return &csvOutput{ContentType: "text/csv; charset=utf-8", Body: b.Bytes()}, nil
}

func csvInt(v int64) string { return strconv.FormatInt(v, 10) }
func csvID(v uint64) string { return strconv.FormatUint(v, 10) }
