package node

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/puhui-chain/puhui/tx"
)

// TestnetNode describes one node of a local testnet (testnet.json).
type TestnetNode struct {
	Name          string `json:"name"`
	Home          string `json:"home"`
	APIURL        string `json:"api_url"`
	RPCURL        string `json:"rpc_url"`
	P2PAddress    string `json:"p2p_address"` // node-id@host:port
	MemberAddress string `json:"member_address"`
	APIListen     string `json:"api_listen"`
	RPCListen     string `json:"rpc_listen"`
	P2PListen     string `json:"p2p_listen"`
}

// Testnet is the layout written by NewTestnet.
type Testnet struct {
	ChainID string        `json:"chain_id"`
	Nodes   []TestnetNode `json:"nodes"`
}

// TestnetFile is the name of the layout file in the output directory.
const TestnetFile = "testnet.json"

// NewTestnet writes n node homes (out/node0 …) on 127.0.0.1 with distinct free ports, one
// shared genesis in which each node's operator is a founding member (a bank) and each node a
// validator of equal power, and every node listing the others as persistent peers.
func NewTestnet(out string, n int, chainID, timeZone string, votingPeriod time.Duration) (*Testnet, error) {
	if n < 1 || n > 64 {
		return nil, fmt.Errorf("validators must be 1..64, got %d", n)
	}
	if _, err := os.Stat(filepath.Join(out, TestnetFile)); err == nil {
		return nil, fmt.Errorf("%s already holds a testnet", out)
	}
	tn := &Testnet{ChainID: chainID}
	var founders []founder
	// All ports at once: ports found free one node at a time could be handed out again to
	// the next node, since each search releases its ports when it returns.
	all, err := FreePorts(3 * n)
	if err != nil {
		return nil, err
	}
	for i := 0; i < n; i++ {
		ports := all[3*i : 3*i+3]
		name := fmt.Sprintf("node%d", i)
		home := filepath.Join(out, name)
		o := InitOptions{ChainID: chainID, Moniker: name, MemberName: fmt.Sprintf("Bank %d", i), TimeZone: timeZone,
			APIListen: ports[0], RPCListen: ports[1], P2PListen: ports[2]}
		o.defaults()
		f, err := prepareHome(home, o)
		if err != nil {
			return nil, err
		}
		founders = append(founders, f)
		tn.Nodes = append(tn.Nodes, TestnetNode{
			Name: name, Home: home, APIURL: "http://" + ports[0], RPCURL: "http://" + ports[1],
			P2PAddress: f.NodeID + "@" + ports[2], MemberAddress: tx.AddressOf(f.OperatorPub),
			APIListen: ports[0], RPCListen: ports[1], P2PListen: ports[2],
		})
	}
	gen, err := newGenesis(chainID, timeZone, founders, votingPeriod)
	if err != nil {
		return nil, err
	}
	for i, nd := range tn.Nodes {
		if err := gen.SaveAs(filepath.Join(nd.Home, "config", "genesis.json")); err != nil {
			return nil, err
		}
		if err := setPeers(nd.Home, tn.peersExcept(i)); err != nil {
			return nil, err
		}
	}
	data, err := json.MarshalIndent(tn, "", "  ")
	if err != nil {
		return nil, err
	}
	return tn, writeFileAtomic(filepath.Join(out, TestnetFile), data, 0o644)
}

// LoadTestnet reads out/testnet.json.
func LoadTestnet(out string) (*Testnet, error) {
	data, err := os.ReadFile(filepath.Join(out, TestnetFile))
	if err != nil {
		return nil, err
	}
	var tn Testnet
	return &tn, json.Unmarshal(data, &tn)
}

func (tn *Testnet) peersExcept(i int) string {
	var peers []string
	for j, nd := range tn.Nodes {
		if j != i {
			peers = append(peers, nd.P2PAddress)
		}
	}
	return strings.Join(peers, ",")
}

func setPeers(home, peers string) error { return ConfigurePeers(home, peers, true) }

// ConfigurePeers rewrites a home's persistent peers and whether it exchanges peer addresses
// (PEX). Without PEX a node talks only to the peers listed, which is what a test that routes
// links through proxies needs.
func ConfigurePeers(home, peers string, pex bool) error {
	c, err := LoadCometConfig(home)
	if err != nil {
		return err
	}
	c.P2P.PersistentPeers = peers
	c.P2P.PexReactor = pex
	writeCometConfig(home, c)
	return nil
}

// FreePorts finds n distinct free loopback ports below the kernel's ephemeral range. Ports
// taken from the ephemeral range (by listening on :0) are only reserved until the listener
// closes: any outgoing connection or ":0" listener may get the same port before the node
// binds it, so a testnet would race with its own peers' dials.
func FreePorts(n int) ([]string, error) {
	low := ephemeralLow()
	const floor = 10000
	if low <= floor+n {
		return nil, fmt.Errorf("no port range below the ephemeral range (starts at %d)", low)
	}
	var out []string
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	// Random probes, not a run of neighbours: two searches running at once (tests of
	// several packages) then rarely meet, and never systematically.
	span := low - floor
	for tries := 0; tries < 50*n && len(out) < n; tries++ {
		port := floor + rand.IntN(span)
		l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if err != nil {
			continue // in use, or already ours
		}
		ls = append(ls, l)
		out = append(out, l.Addr().String())
	}
	if len(out) < n {
		return nil, fmt.Errorf("found %d free loopback ports, need %d", len(out), n)
	}
	return out, nil
}

// ephemeralLow is the first port of the kernel's ephemeral range (Linux; 32768 elsewhere).
func ephemeralLow() int {
	b, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range")
	if err == nil {
		if f := strings.Fields(string(b)); len(f) == 2 {
			if v, err := strconv.Atoi(f[0]); err == nil && v > 1024 {
				return v
			}
		}
	}
	return 32768
}

// EnableGRPC makes a home's node serve CometBFT's gRPC block services on addr (host:port,
// loopback): the benchmark follows blocks through them, protobuf instead of reflected JSON.
func EnableGRPC(home, addr string) error {
	c, err := LoadCometConfig(home)
	if err != nil {
		return err
	}
	c.GRPC.ListenAddress = "tcp://" + strings.TrimPrefix(addr, "tcp://")
	c.GRPC.BlockService.Enabled = true
	c.GRPC.BlockResultsService.Enabled = true
	writeCometConfig(home, c)
	return nil
}
