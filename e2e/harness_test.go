package e2e

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/e2e/e2etest"
	"github.com/puhui-chain/puhui/node"
)

// writeTestnet lays out a network with `puhui testnet --out DIR args...` and loads it. DIR
// is returned too: a node joining later gets its home beside the validators'.
func writeTestnet(t *testing.T, args ...string) (*node.Testnet, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "net")
	res, err := exec.Command(binary(t), append([]string{"testnet", "--out", out}, args...)...).CombinedOutput()
	require.NoError(t, err, string(res))
	tn, err := node.LoadTestnet(out)
	require.NoError(t, err)
	return tn, out
}

// replaceInFile replaces the first from in the file at path with to; from must be there.
func replaceInFile(t *testing.T, path, from, to string) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Contains(t, string(b), from)
	require.NoError(t, os.WriteFile(path, []byte(strings.Replace(string(b), from, to, 1)), 0o600))
}

// binary is the puhui binary, built once per test run.
func binary(t *testing.T) string { return e2etest.Binary(t) }

// freePort is a loopback port from node.FreePorts' range, which e2e/console never uses.
func freePort(t *testing.T) string { return e2etest.FreePort(t) }

// proc is a node running as a child process.
type proc struct {
	cmd     *exec.Cmd
	home    string
	api     string
	rpc     string
	p2p     string
	logPath string
	// uid, when not 0, runs the node as that user (a root test making a directory
	// unwritable: root writes anywhere).
	uid int
}

// startNode runs `puhui start` for home on fresh loopback ports and waits until it answers.
func startNode(t *testing.T, home string, ports *proc) *proc {
	t.Helper()
	p, err := launch(t, home, ports)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// launch is startNode reporting failure as an error, so that nodes can start concurrently
// (t.Fatal belongs to the test's own goroutine).
func launch(t *testing.T, home string, ports *proc) (*proc, error) {
	p := ports
	if p == nil {
		p = &proc{api: freePort(t), rpc: freePort(t), p2p: freePort(t)}
	}
	p.home = home
	p.logPath = filepath.Join(home+"-logs", fmt.Sprintf("node-%d.log", time.Now().UnixNano()))
	if err := os.MkdirAll(filepath.Dir(p.logPath), 0o755); err != nil {
		return nil, err
	}
	logFile, err := os.Create(p.logPath)
	if err != nil {
		return nil, err
	}
	p.cmd = exec.Command(binary(t), "start", "--home", home, "--api-listen", p.api, "--rpc-listen", p.rpc, "--p2p-listen", p.p2p)
	// Tests read CometBFT's progress lines ("Committed state"), quiet by default.
	p.cmd.Env = append(os.Environ(), "PUHUI_CONSENSUS_LOG_LEVEL=info")
	p.cmd.Stdout, p.cmd.Stderr = logFile, logFile
	if p.uid != 0 {
		p.cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(p.uid), Gid: uint32(p.uid)}}
	}
	if err := p.cmd.Start(); err != nil {
		return nil, err
	}
	t.Cleanup(func() {
		p.kill()
		logFile.Close()
	})
	return p, p.waitReady()
}

// startAll starts the nodes concurrently (a testnet needs two thirds of them up to make its
// first block) and fails the test if any does not come up.
func startAll(t *testing.T, nodes []node.TestnetNode) []*proc {
	t.Helper()
	procs := make([]*proc, len(nodes))
	errs := make([]error, len(nodes))
	var wg sync.WaitGroup
	for i, nd := range nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			procs[i], errs[i] = launch(t, nd.Home, &proc{api: nd.APIListen, rpc: nd.RPCListen, p2p: nd.P2PListen})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("node %d: %v", i, err)
		}
	}
	return procs
}

func (p *proc) waitReady() error {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		c, err := client.Dial(ctx, p.rpc)
		if err == nil {
			st, err := c.Status(ctx)
			if err == nil && st.Height >= 1 {
				cancel()
				return nil
			}
		}
		cancel()
		if p.cmd.ProcessState != nil {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	return fmt.Errorf("node %s did not become ready; log:\n%s", p.home, tail(p.logPath, 40))
}

func (p *proc) client(t *testing.T) *client.Client {
	t.Helper()
	c, err := client.Dial(context.Background(), p.rpc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// kill sends SIGKILL: no shutdown code runs, as in a power cut.
func (p *proc) kill() {
	if p.cmd.Process != nil && p.cmd.ProcessState == nil {
		_ = p.cmd.Process.Signal(syscall.SIGKILL)
		_ = p.cmd.Wait()
	}
}

// stop sends SIGTERM and waits for a clean exit.
func (p *proc) stop(t *testing.T) {
	t.Helper()
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("node exited with %v; log:\n%s", err, tail(p.logPath, 30))
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("node did not stop on SIGTERM")
	}
}

func tail(path string, n int) string {
	f, err := os.Open(path)
	if err != nil {
		return err.Error()
	}
	defer f.Close()
	var lines []string
	s := bufio.NewScanner(f)
	s.Buffer(make([]byte, 1<<20), 1<<20)
	for s.Scan() {
		lines = append(lines, s.Text())
		if len(lines) > n {
			lines = lines[1:]
		}
	}
	return strings.Join(lines, "\n")
}

func newPriv() ed25519.PrivKey { return ed25519.GenPrivKey() }

// waitPeers waits until the node reports n connected peers.
func waitPeers(t *testing.T, p *proc, n int, d time.Duration) {
	t.Helper()
	c := p.client(t)
	deadline := time.Now().Add(d)
	got := -1
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		ni, err := c.RPC.NetInfo(ctx)
		cancel()
		if err == nil {
			if got = ni.NPeers; got >= n {
				return
			}
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("node %s has %d peers after %s, want %d; log:\n%s", p.home, got, d, n, tail(p.logPath, 60))
}
