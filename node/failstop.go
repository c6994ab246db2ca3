package node

import (
	"errors"
	"fmt"
	"time"

	cmtlog "github.com/cometbft/cometbft/libs/log"
)

// A node that can no longer commit must not look alive: it would accept transactions it will
// never commit, and a supervisor that restarts dead processes would never see it die. So on
// an unrecoverable fault the node halts (the application refuses every transaction, the API
// reports unhealthy), and the process that runs it stops it and exits non-zero
// (Node.Failed), for the supervisor to restart it.

// consensusFailure is what CometBFT v1.0.1's consensus logs when its state machine panics
// (a block that cannot be saved or applied, a validator state file that cannot be written);
// it then stops consensus for good, but nothing else, and says so only in this line.
const consensusFailure = "CONSENSUS FAILURE!!!"

// HaltGrace is how long a halted node keeps answering (503 health, refused submissions)
// before it stops, so that probes and clients learn why rather than meeting a closed port.
const HaltGrace = time.Second

// failWatch passes CometBFT's log lines through and halts the node on a consensus failure.
type failWatch struct {
	cmtlog.Logger
	fail func(reason string)
}

func (w failWatch) Error(msg string, keyvals ...any) {
	w.Logger.Error(msg, keyvals...)
	if msg == consensusFailure {
		w.fail("consensus failure: " + valueOf(keyvals, "err"))
	}
}

func (w failWatch) With(keyvals ...any) cmtlog.Logger {
	return failWatch{Logger: w.Logger.With(keyvals...), fail: w.fail}
}

func valueOf(keyvals []any, key string) string {
	for i := 0; i+1 < len(keyvals); i += 2 {
		if k, ok := keyvals[i].(string); ok && k == key {
			return fmt.Sprint(keyvals[i+1])
		}
	}
	return "unknown"
}

// fail halts the node once: the application refuses transactions from now on, Health
// reports the reason and Failed is closed. It never blocks (it runs inside CometBFT's
// consensus routine).
func (n *Node) fail(reason string) {
	n.failOnce.Do(func() {
		n.failErr = errors.New(reason)
		if n.App != nil {
			n.App.Halt(reason)
		}
		n.log.Error("NODE HALTED: it refuses transactions and stops; restart it once the cause is fixed", "reason", reason)
		close(n.failed)
	})
}

// Health is nil while the node can commit, else why it cannot.
func (n *Node) Health() error {
	select {
	case <-n.failed:
		return n.failErr
	default:
		return nil
	}
}

// Failed is closed when the node halts on an unrecoverable fault; Health then says why. The
// process should call StopAfterFailure and exit non-zero.
func (n *Node) Failed() <-chan struct{} { return n.failed }

// StopAfterFailure stops a halted node after HaltGrace, waiting at most timeout for the
// stop: a store that cannot write may hang a clean shutdown, and the process is about to
// exit anyway. It returns the failure.
func (n *Node) StopAfterFailure(timeout time.Duration) error {
	time.Sleep(HaltGrace)
	done := make(chan error, 1)
	go func() { done <- n.Stop() }()
	select {
	case err := <-done:
		if err != nil {
			n.log.Error("stop after failure", "err", err)
		}
	case <-time.After(timeout):
		n.log.Error("stop after failure timed out; exiting anyway", "timeout", timeout)
	}
	return fmt.Errorf("node halted: %w", n.Health())
}
