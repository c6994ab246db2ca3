package e2e

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// nobody is the user a root test runs a node as, so that file permissions bind it.
const nobody = 65534

// openForNobody lets user nobody create a home under base and run the test binary.
func openForNobody(t *testing.T, base string) {
	t.Helper()
	require.NoError(t, os.Chmod(base, 0o777))
	for d := filepath.Dir(base); d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		require.NoError(t, os.Chmod(d, 0o755))
	}
	require.NoError(t, os.Chmod(filepath.Dir(binary(t)), 0o755))
}

// TestUnwritableDataDirStopsTheNode makes the data directory read-only under load: the node
// must halt (health 503, submissions refused) and exit non-zero within seconds, and once the
// directory is writable again and the node restarted, nothing committed is missing.
func TestUnwritableDataDirStopsTheNode(t *testing.T) {
	base := t.TempDir()
	home := filepath.Join(base, "home")
	ports := &proc{api: freePort(t), rpc: freePort(t), p2p: freePort(t)}
	if os.Geteuid() == 0 {
		openForNobody(t, base)
		ports.uid = nobody
	}
	n := startNode(t, home, ports)
	c := n.client(t)
	signers := fundedSigners(t, c, operatorOf(t, home), 4)
	l := startTxLoad(c, signers, 2*time.Millisecond)
	time.Sleep(time.Second)

	data := filepath.Join(home, "data")
	require.NoError(t, os.Chmod(data, 0o555))
	t.Cleanup(func() { _ = os.Chmod(data, 0o755) })
	broken := time.Now()
	exited := make(chan error, 1)
	go func() { exited <- n.cmd.Wait() }()

	raw, err := signers[0].Sign(c.ChainID(), 1<<40, "", transferMsg(signers[1].Address(), 1))
	require.NoError(t, err)
	var haltedAt time.Time
	refusals := 0
	var exitErr error
watch:
	for {
		select {
		case exitErr = <-exited:
			break watch
		case <-time.After(20 * time.Millisecond):
		}
		require.Less(t, time.Since(broken), 30*time.Second, "node still running with an unwritable data directory; log:\n%s", tail(n.logPath, 30))
		if haltedAt.IsZero() && healthStatus(n.api) == http.StatusServiceUnavailable {
			haltedAt = time.Now()
		}
		if !haltedAt.IsZero() && submitStatus(n.api, raw) == http.StatusServiceUnavailable {
			refusals++
		}
	}
	took := time.Since(broken)
	l.stop()
	var ee *exec.ExitError
	require.True(t, errors.As(exitErr, &ee), "the node must exit with a failure, got %v; log:\n%s", exitErr, tail(n.logPath, 30))
	require.NotZero(t, ee.ExitCode())
	require.Less(t, took, 15*time.Second, "exit within seconds")
	require.False(t, haltedAt.IsZero(), "health must report the halt before the exit")
	require.Positive(t, refusals, "submissions to a halted node are refused")
	require.Zero(t, l.acceptedSince(haltedAt), "no transaction accepted once halted")
	log, err := os.ReadFile(n.logPath)
	require.NoError(t, err)
	require.Contains(t, string(log), "NODE HALTED")
	t.Logf("exited with code %d %s after the data directory became read-only; %d submissions refused while halting",
		ee.ExitCode(), took.Round(time.Millisecond), refusals)

	require.NoError(t, os.Chmod(data, 0o755))
	n = startNode(t, home, &proc{api: n.api, rpc: n.rpc, p2p: n.p2p, uid: n.uid})
	c = n.client(t)
	st, err := c.Status(context.Background())
	require.NoError(t, err)
	committed := map[string]committedTx{}
	learnCommitted(t, c, 1, st.Height, committed)
	requireFoundByREST(t, n.api, committed)
	requireFoundByCLI(t, n.rpc, committed)
	t.Logf("after restart: %d committed txs of heights 1..%d all found", len(committed), st.Height)
	mustSend(t, c, signers[0], transferMsg(signers[1].Address(), 1))
}

func healthStatus(api string) int {
	hc := &http.Client{Timeout: time.Second}
	res, err := hc.Get("http://" + api + "/v1/health")
	if err != nil {
		return 0
	}
	res.Body.Close()
	return res.StatusCode
}

func submitStatus(api string, raw []byte) int {
	body, _ := json.Marshal(map[string]string{"tx": base64.StdEncoding.EncodeToString(raw)})
	hc := &http.Client{Timeout: time.Second}
	res, err := hc.Post("http://"+api+"/v1/txs", "application/json", strings.NewReader(string(body)))
	if err != nil {
		return 0
	}
	res.Body.Close()
	return res.StatusCode
}

// TestBadConfigRefusedBeforeConsensus: a bad value in app.toml, or a listen address that
// cannot be bound, stops `puhui start` with a message naming it before consensus has run
// (no block store is created).
func TestBadConfigRefusedBeforeConsensus(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer busy.Close()
	cases := []struct {
		name, from, to string
		flags          []string
		want           string
	}{
		{name: "log level", from: `log_level = "info"`, to: `log_level = "verbose"`, want: `log_level: "verbose"`},
		{name: "api address", from: `api_listen = "`, to: `api_listen = "nonsense`, want: "api_listen"},
		{name: "memtable", from: `pebble_memtable_mib = 16`, to: `pebble_memtable_mib = 1`, want: "pebble_memtable_mib"},
		{name: "rpc address in use", flags: []string{"--rpc-listen", busy.Addr().String()}, want: "rpc.laddr " + busy.Addr().String()},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			home := filepath.Join(t.TempDir(), "home")
			out, err := exec.Command(binary(t), "init", "--home", home).CombinedOutput()
			require.NoError(t, err, string(out))
			if tc.from != "" {
				replaceInFile(t, filepath.Join(home, "config", "app.toml"), tc.from, tc.to)
			}
			args := append([]string{"start", "--home", home, "--p2p-listen", freePort(t)}, tc.flags...)
			if !strings.HasPrefix(tc.to, "api_listen") {
				args = append(args, "--api-listen", freePort(t))
			}
			if len(tc.flags) == 0 {
				args = append(args, "--rpc-listen", freePort(t))
			}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			out, err = exec.CommandContext(ctx, binary(t), args...).CombinedOutput()
			require.Error(t, err, "start must fail; output:\n%s", out)
			require.NoError(t, ctx.Err(), "start must fail at once, not run")
			require.Contains(t, string(out), tc.want)
			require.NotContains(t, string(out), "Committed state")
			_, err = os.Stat(filepath.Join(home, "data", "blockstore.db"))
			require.True(t, os.IsNotExist(err), "consensus must not have started")
		})
	}
}
