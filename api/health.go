package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/client"
)

// NodeStatus is the chain head as the node sees it, with whether the node is healthy. A
// node that hit an unrecoverable fault (consensus failure, a store that cannot write)
// reports healthy false with the reason, answers 503, refuses transactions and exits.
type NodeStatus struct {
	client.Status
	Healthy bool   `json:"healthy"`
	Problem string `json:"problem,omitempty" doc:"why the node is unhealthy"`
}

type statusOutput struct {
	Status int
	Body   NodeStatus
}

// Health is the node's health verdict for probes.
type Health struct {
	Healthy bool   `json:"healthy"`
	Problem string `json:"problem,omitempty"`
}

type healthOutput struct {
	Status int
	Body   Health
}

// health asks the node (Config.Health) whether it is fit to serve: nil means yes.
func (s *server) health() error {
	if s.Health == nil {
		return nil
	}
	return s.Health()
}

func (s *server) registerHealth(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "get-health", Method: http.MethodGet, Path: "/v1/health", Summary: "Liveness for supervisors and load balancers",
		Description: "200 while the node can commit; 503 with the reason once it hit an unrecoverable fault (it then exits).",
	}, func(context.Context, *struct{}) (*healthOutput, error) {
		if err := s.health(); err != nil {
			return &healthOutput{Status: http.StatusServiceUnavailable, Body: Health{Problem: err.Error()}}, nil
		}
		return &healthOutput{Status: http.StatusOK, Body: Health{Healthy: true}}, nil
	})
	huma.Register(api, huma.Operation{
		OperationID: "get-status", Method: http.MethodGet, Path: "/v1/status", Summary: "Chain head, node identity and health",
		Description: "503 (with the body) when the node is unhealthy.",
	}, func(ctx context.Context, _ *struct{}) (*statusOutput, error) {
		st, err := s.Client.Status(ctx)
		if err != nil {
			return nil, problemOf(err)
		}
		out := &statusOutput{Status: http.StatusOK, Body: NodeStatus{Status: *st, Healthy: true}}
		if err := s.health(); err != nil {
			out.Status, out.Body.Healthy, out.Body.Problem = http.StatusServiceUnavailable, false, err.Error()
		}
		return out, nil
	})
}

// haltedProblem refuses a submission to a node that is stopping.
func haltedProblem(err error) *Problem {
	return &Problem{Status: http.StatusServiceUnavailable, Title: "Node halted", Code: "node.halted", Detail: err.Error()}
}
