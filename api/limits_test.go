package api_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/api"
	"github.com/puhui-chain/puhui/node/nodetest"
)

// serveWith serves the API for n under limits on a new loopback listener.
func serveWith(t *testing.T, n *nodetest.Node, limits api.Limits) string {
	t.Helper()
	h := api.New(api.Config{Client: n.Client, Operator: n.Operator, OperatorToken: n.Token, Limits: &limits})
	srv := &http.Server{Handler: h}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ln = h.Bound(srv, ln)
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return ln.Addr().String()
}

// dialFrom connects to addr from a loopback address of its own: each is a distinct client
// of the per-client caps.
func dialFrom(t *testing.T, local, addr string) net.Conn {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}, Timeout: 5 * time.Second}
	c, err := d.Dial("tcp", addr)
	require.NoError(t, err)
	return c
}

// refusedWith reads, briefly, whether the server answered a connection on its own (a
// refusal) and with which status; 0 if it said nothing.
func refusedWith(c net.Conn, wait time.Duration) int {
	_ = c.SetReadDeadline(time.Now().Add(wait))
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return 0
	}
	res.Body.Close()
	return res.StatusCode
}

func TestSlowBodyIs408(t *testing.T) {
	n := nodetest.Start(t)
	limits := api.DefaultLimits()
	limits.ReadTimeout = 300 * time.Millisecond
	addr := serveWith(t, n, limits)
	c := dialFrom(t, "127.0.0.1", addr)
	defer c.Close()
	_, err := io.WriteString(c, "POST /v1/txs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"tx\":")
	require.NoError(t, err) // and then nothing more
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	requireProblem(t, res.StatusCode, res.Header, body, http.StatusRequestTimeout, "api.request_timeout")
}

// 1,000 idle connections and 500 event streams that are never read, from twenty clients:
// the node refuses what is beyond its caps with coded answers, keeps answering /v1/status
// while it holds the rest, and when the clients close, its goroutines come back to where
// they started.
func TestIdleConnectionsAndUnreadStreamsAreBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("opens 1,500 connections")
	}
	n := nodetest.Start(t)
	limits := api.DefaultLimits()
	limits.ReadHeaderTimeout, limits.IdleTimeout = time.Minute, time.Minute // idle for the whole test
	limits.MaxConns, limits.MaxConnsPerClient = 2000, 80
	limits.MaxStreams, limits.MaxStreamsPerClient = 300, 40
	addr := serveWith(t, n, limits)
	status := func() (int, time.Duration) {
		c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 10 * time.Second}
		start := time.Now()
		res, err := c.Get("http://" + addr + "/v1/status")
		require.NoError(t, err)
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode, time.Since(start)
	}
	code, _ := status()
	require.Equal(t, http.StatusOK, code)
	baseline := minGoroutines()

	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	// Idle: ten clients, a hundred connections each; each may hold 80.
	var idle []net.Conn
	for i := 1; i <= 10; i++ {
		for j := 0; j < 100; j++ {
			idle = append(idle, dialFrom(t, fmt.Sprintf("127.0.1.%d", i), addr))
		}
	}
	conns = append(conns, idle...)
	refusedIdle := countRefusals(idle, map[int]int{})
	require.Equal(t, 200, refusedIdle[http.StatusTooManyRequests], "20 of each client's 100 idle connections are refused")

	// Streams: ten more clients, fifty each; each may hold 40, all together 300.
	var streams []net.Conn
	streamStatus := map[int]int{}
	for i := 1; i <= 10; i++ {
		for j := 0; j < 50; j++ {
			c := dialFrom(t, fmt.Sprintf("127.0.2.%d", i), addr)
			conns = append(conns, c)
			_, err := io.WriteString(c, "GET /v1/events HTTP/1.1\r\nHost: x\r\n\r\n")
			require.NoError(t, err)
			streams = append(streams, c)
		}
	}
	for _, c := range streams {
		_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
		res, err := http.ReadResponse(bufio.NewReader(c), nil)
		require.NoError(t, err)
		streamStatus[res.StatusCode]++ // the stream's events are never read
	}
	require.Equal(t, 300, streamStatus[http.StatusOK], "%v", streamStatus)
	require.Equal(t, 200, streamStatus[http.StatusTooManyRequests]+streamStatus[http.StatusServiceUnavailable], "%v", streamStatus)
	// Which refusals are per client (429) and which total (503) depends on the order the
	// server takes them in; both caps refuse some.
	require.Positive(t, streamStatus[http.StatusTooManyRequests], "%v", streamStatus)
	require.Positive(t, streamStatus[http.StatusServiceUnavailable], "%v", streamStatus)

	// While the caps are reached, another client is served.
	code, took := status()
	require.Equal(t, http.StatusOK, code)
	t.Logf("/v1/status answered in %v while holding 800 idle connections and 300 streams", took)
	require.Less(t, took, 5*time.Second)

	for _, c := range conns {
		c.Close()
	}
	conns = nil
	require.Eventually(t, func() bool { return runtime.NumGoroutine() <= baseline+10 }, 30*time.Second, 100*time.Millisecond,
		"goroutines %d, at the start %d", runtime.NumGoroutine(), baseline)
	code, _ = status()
	require.Equal(t, http.StatusOK, code)
}

// countRefusals reads, concurrently and briefly, which connections the server refused.
func countRefusals(conns []net.Conn, out map[int]int) map[int]int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, c := range conns {
		wg.Add(1)
		go func(c net.Conn) {
			defer wg.Done()
			if s := refusedWith(c, time.Second); s != 0 {
				mu.Lock()
				out[s]++
				mu.Unlock()
			}
		}(c)
	}
	wg.Wait()
	return out
}

// minGoroutines is the fewest goroutines seen over a short while: the node's own come and go.
func minGoroutines() int {
	least := runtime.NumGoroutine()
	for i := 0; i < 10; i++ {
		time.Sleep(20 * time.Millisecond)
		least = min(least, runtime.NumGoroutine())
	}
	return least
}
