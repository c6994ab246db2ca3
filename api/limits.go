package api

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// Limits bound what the API server holds at once and for how long, so that slow, idle or
// too many clients cannot exhaust the node: every request is bounded in time, every
// connection and event stream is counted, in total and per client (the remote IP; no
// forwarding header is trusted). The excess is refused at once with a coded problem: 429 when
// one client holds too much, 503 when the server as a whole does.
type Limits struct {
	ReadHeaderTimeout time.Duration // to read a request's headers
	ReadTimeout       time.Duration // to read a whole request, body included
	// WriteTimeout bounds the answer to a request. Event streams are exempt: huma's sse
	// package gives each event its own write deadline (sse.WriteTimeout, 5 s), so a client
	// that stops reading loses its stream while one that reads keeps it.
	WriteTimeout time.Duration
	IdleTimeout  time.Duration // a keep-alive connection waiting for its next request
	// TransferTimeout replaces the read and write timeouts for document contents, which are
	// up to 64 MiB.
	TransferTimeout time.Duration

	MaxConns            int // open connections
	MaxConnsPerClient   int
	MaxStreams          int // open event streams
	MaxStreamsPerClient int

	// BatchTxsPerSecond bounds, per client, the transactions submitted through
	// POST /v1/txs/batch (0: no bound), with bursts of up to BatchBurst; beyond it a batch
	// is refused whole with 429 api.rate_limited and a Retry-After.
	BatchTxsPerSecond int
	BatchBurst        int
}

// DefaultLimits are the limits of a node's API. WriteTimeout leaves room for a submission
// that waits SubmitWait for its commit.
func DefaultLimits() Limits {
	return Limits{
		ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second, WriteTimeout: SubmitWait + 15*time.Second,
		IdleTimeout: 60 * time.Second, TransferTimeout: 10 * time.Minute,
		MaxConns: 1024, MaxConnsPerClient: 128, MaxStreams: 256, MaxStreamsPerClient: 8,
		BatchTxsPerSecond: 20_000, BatchBurst: 20_000,
	}
}

// Handler is the API's HTTP handler with the limits it must be served under (Serve, or
// Bound for a server its caller owns).
type Handler struct {
	http.Handler
	limits  Limits
	streams *counter
}

// Bound sets srv's timeouts and returns ln wrapped so that connections beyond the caps are
// refused as they are accepted.
func (h *Handler) Bound(srv *http.Server, ln net.Listener) net.Listener {
	l := h.limits
	srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout = l.ReadHeaderTimeout, l.ReadTimeout, l.WriteTimeout, l.IdleTimeout
	srv.MaxHeaderBytes = 64 << 10
	return &limitListener{Listener: ln, conns: newCounter(l.MaxConns, l.MaxConnsPerClient)}
}

// counter counts what clients hold (connections, streams), in total and per client.
type counter struct {
	mu        sync.Mutex
	total     int
	perClient map[string]int
	max       int
	maxPer    int
}

func newCounter(max, maxPer int) *counter {
	return &counter{perClient: map[string]int{}, max: max, maxPer: maxPer}
}

// acquire takes one for client, or answers the status of the refusal: 429 when the client
// holds its share, 503 when the server is full.
func (c *counter) acquire(client string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case c.maxPer > 0 && c.perClient[client] >= c.maxPer:
		return http.StatusTooManyRequests
	case c.max > 0 && c.total >= c.max:
		return http.StatusServiceUnavailable
	}
	c.total++
	c.perClient[client]++
	return 0
}

func (c *counter) release(client string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.total--
	if c.perClient[client]--; c.perClient[client] <= 0 {
		delete(c.perClient, client) // the map holds only clients that hold something
	}
}

// clientOf is the client a remote address counts against: its IP.
func clientOf(remoteAddr string) string {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		return remoteAddr
	}
	return host
}

// limitListener refuses connections beyond the caps as it accepts them: the refused client
// reads a problem document instead of waiting in a queue.
type limitListener struct {
	net.Listener
	conns *counter
}

func (l *limitListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		client := clientOf(c.RemoteAddr().String())
		if status := l.conns.acquire(client); status != 0 {
			go refuseConn(c, status)
			continue
		}
		return &countedConn{Conn: c, release: func() { l.conns.release(client) }}, nil
	}
}

// refuseConn answers a refused connection and closes it. It half-closes first and drains
// what the client sent (briefly, boundedly), so that the client reads the answer rather
// than a reset.
func refuseConn(c net.Conn, status int) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(time.Second))
	code, detail := "api.too_many_connections", "this client holds as many connections as the node allows"
	if status == http.StatusServiceUnavailable {
		code, detail = "api.unavailable", "the node holds as many connections as it allows"
	}
	body := problemJSON(status, code, detail)
	_, _ = fmt.Fprintf(c, "HTTP/1.1 %d %s\r\nContent-Type: application/problem+json\r\nConnection: close\r\n"+
		"Retry-After: 1\r\nContent-Length: %d\r\n\r\n%s", status, http.StatusText(status), len(body), body)
	if tc, ok := c.(interface{ CloseWrite() error }); ok {
		_ = tc.CloseWrite()
		_, _ = io.Copy(io.Discard, io.LimitReader(c, 64<<10))
	}
}

// countedConn gives its connection back to the count once, when the server closes it.
type countedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *countedConn) Close() error {
	c.once.Do(c.release)
	return c.Conn.Close()
}
