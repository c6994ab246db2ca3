package api

import (
	"log/slog"
	"net/http"
	"reflect"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/docstore"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/web"
)

// Version of the REST API.
const Version = "1.0.0"

// MaxBodyBytes bounds request bodies.
const MaxBodyBytes = 256 << 10

// Config wires the API to a node.
type Config struct {
	Client        *client.Client
	Operator      *client.Signer // nil: operator endpoints answer 503
	OperatorToken string
	Metrics       bool            // serve /metrics from the default Prometheus registry
	Documents     *docstore.Store // the node's private-document store; nil: none
	Log           *slog.Logger
	// Health reports why the node cannot serve (it hit an unrecoverable fault), or nil;
	// nil Health: always healthy.
	Health func() error
	Limits *Limits // nil: DefaultLimits
	// CheckTx is the node's mempool check in process, for batch submission; nil: batches go
	// through Client one transaction at a time.
	CheckTx CheckTx
	// PreVerify, when set, is given a batch's transactions before CheckTx checks them one by
	// one, to verify their signatures together (app.App.PreVerify).
	PreVerify func(raws [][]byte)
	// Room, when set, is how many more transactions the mempool would take now: only that
	// many of a batch are pre-verified (the rest will be refused as busy).
	Room func() int
}

// schemaNames names the schemas of types whose Go names collide with another type's (huma
// names a schema by its type's name alone, and panics on a collision): a live loan's
// instalment beside the schedule preview's. The preview's keep the names they have always
// had in the OpenAPI document.
var schemaNames = map[reflect.Type]string{
	reflect.TypeFor[query.Installment]():         "LoanInstallment",
	reflect.TypeFor[query.ScheduleInstallment](): "Installment",
	reflect.TypeFor[query.ScheduleRequest]():     "Request",
}

func schemaNamer(t reflect.Type, hint string) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if name, ok := schemaNames[t]; ok {
		return name
	}
	return huma.DefaultSchemaNamer(t, hint)
}

type server struct {
	Config
	limits    Limits
	streams   *counter
	batchRate *rateLimiter
}

// New returns the API's HTTP handler; serve it under its limits (Handler.Bound).
func New(c Config) *Handler {
	useProblems()
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	s := &server{Config: c, limits: DefaultLimits()}
	if c.Limits != nil {
		s.limits = *c.Limits
	}
	s.streams = newCounter(s.limits.MaxStreams, s.limits.MaxStreamsPerClient)
	s.batchRate = newRateLimiter(s.limits.BatchTxsPerSecond, max(s.limits.BatchBurst, client.MaxBatchTxs))
	mux := http.NewServeMux()
	hc := huma.DefaultConfig("Puhui", Version)
	hc.Info.Description = "Puhui: a permissioned ledger for inclusive finance. Amounts are integer minor units, as decimal strings."
	hc.Formats = jsonFormats()
	hc.DocsPath = "" // huma's docs page loads scripts from a CDN; serve the document only
	hc.Components.Schemas = huma.NewMapRegistry("#/components/schemas/", schemaNamer)
	hc.Components.SecuritySchemes = map[string]*huma.SecurityScheme{
		"operator": {Type: "http", Scheme: "bearer", Description: "operator_token from the node's app.toml"},
	}
	// After huma's link transformer, which a create hook installs.
	hc.CreateHooks = append(hc.CreateHooks, func(c huma.Config) huma.Config {
		c.Transformers = append(c.Transformers, relativeSchemaLink)
		return c
	})
	api := humago.New(mux, hc)
	s.registerChain(api)
	s.registerHealth(api)
	s.registerState(api)
	s.registerTxs(api)
	s.registerBatch(api)
	s.registerExplorer(api)
	s.registerEvents(api)
	s.registerOperator(api)
	s.registerLending(api)
	s.registerLendingState(api)
	s.registerSCF(api)
	s.registerCredit(api)
	s.registerOracle(api)
	s.registerTrust(api)
	s.registerInsurance(api)
	s.registerAssets(api)
	s.registerCompliance(api)
	s.registerOffering(api)
	s.registerEscrow(api)
	// The console: its index at "/" and its assets, from the binary.
	console := web.Handler()
	mux.Handle("GET /{$}", console)
	mux.Handle("GET "+web.Prefix, console)
	if c.Metrics {
		mux.Handle("GET /metrics", promhttp.Handler())
	}
	// Document uploads are far larger than any JSON request: they get their own limit.
	top := http.NewServeMux()
	s.registerDocumentContent(top)
	// A batch of signed transactions is larger than any other JSON request.
	top.Handle("POST "+batchPath, http.MaxBytesHandler(mux, client.MaxBatchBytes))
	top.Handle("/", http.MaxBytesHandler(problemWhenUnmatched(mux), MaxBodyBytes))
	return &Handler{Handler: s.edge(top), limits: s.limits, streams: s.streams}
}

// relativeSchemaLink makes the "$schema" link huma adds to every answer a path on this
// server: huma builds it from the request's Host (or forwarding) header, which a client
// chooses, and an answer must not carry a client's text as a link. It runs after huma's
// own link transformer, whose values carry the link as their first field.
func relativeSchemaLink(_ huma.Context, _ string, v any) (any, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return v, nil
	}
	st := rv.Elem()
	if st.NumField() == 0 || st.Type().Field(0).Tag.Get("json") != "$schema" || !st.Field(0).CanSet() {
		return v, nil
	}
	link := st.Field(0).String()
	if i := strings.Index(link, "://"); i >= 0 {
		if j := strings.IndexByte(link[i+3:], '/'); j >= 0 {
			st.Field(0).SetString(link[i+3+j:])
		} else {
			st.Field(0).SetString("")
		}
	}
	return v, nil
}
