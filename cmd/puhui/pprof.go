package main

import (
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"strings"
)

// pprofEnv names the loopback address on which any puhui process (a node under `puhui bench
// --testnet`, a validator of `puhui testnet start`) serves Go's profiler, so that what bounds a
// node under load can be measured rather than guessed: PUHUI_PPROF=127.0.0.1:6060. Unset, no
// profiler runs. The profiler exposes memory and goroutine stacks, so only a loopback address
// is accepted.
const pprofEnv = "PUHUI_PPROF"

// startPprof serves the profiler if PUHUI_PPROF asks for it. A bench's child processes
// inherit the variable; each takes the given port plus its node number (PUHUI_PPROF_OFFSET),
// so four validators can be profiled side by side.
func startPprof() error {
	addr := os.Getenv(pprofEnv)
	if addr == "" {
		return nil
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%s=%q: want host:port: %w", pprofEnv, addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%s=%q: the profiler is served on loopback only", pprofEnv, addr)
	}
	if off := os.Getenv(pprofEnv + "_OFFSET"); off != "" {
		var p, o int
		if _, err := fmt.Sscan(port, &p); err != nil {
			return fmt.Errorf("%s=%q: port: %w", pprofEnv, addr, err)
		}
		if _, err := fmt.Sscan(strings.TrimSpace(off), &o); err != nil {
			return fmt.Errorf("%s_OFFSET=%q: %w", pprofEnv, off, err)
		}
		addr = net.JoinHostPort(host, fmt.Sprint(p+o))
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("%s: %w", pprofEnv, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	go func() { _ = http.Serve(ln, mux) }() //nolint:gosec // loopback only, for the operator's profiling
	return nil
}
