package node

import (
	"fmt"
	"log/slog"
	"os"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// DiskCheckInterval is how often a running node measures its free disk space.
const DiskCheckInterval = 10 * time.Second

// freeBytes is the space available to the node on the file system holding dir.
func freeBytes(dir string) (uint64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, fmt.Errorf("free space of %s: %w", dir, err)
	}
	return st.Bavail * uint64(st.Bsize), nil
}

// checkFreeSpace refuses to start with less than min bytes free on dir's file system: a node
// that fills its disk mid-block dies inside the database instead of saying so.
func checkFreeSpace(dir string, min uint64) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	free, err := freeBytes(dir)
	if err != nil {
		return err
	}
	if free < min {
		return fmt.Errorf("only %d MiB free on %s, min_free_disk_mib is %d: free space or move the home", free>>20, dir, min>>20)
	}
	return nil
}

// diskWatch measures free space every DiskCheckInterval into puhui_disk_free_bytes and warns
// below the threshold (also exported, as puhui_disk_warn_bytes, for the alert rule).
type diskWatch struct {
	dir  string
	warn uint64
	free prometheus.Gauge
	log  *slog.Logger
	stop chan struct{}
}

func newDiskWatch(dir string, warn uint64, log *slog.Logger, reg prometheus.Registerer) (*diskWatch, error) {
	w := &diskWatch{dir: dir, warn: warn, log: log, stop: make(chan struct{}),
		free: prometheus.NewGauge(prometheus.GaugeOpts{Name: "puhui_disk_free_bytes",
			Help: "Bytes free to the node on the file system of its data directory."})}
	threshold := prometheus.NewGauge(prometheus.GaugeOpts{Name: "puhui_disk_warn_bytes",
		Help: "The node's disk_warn_mib in bytes: alert when puhui_disk_free_bytes falls below it."})
	threshold.Set(float64(warn))
	if reg != nil {
		for _, c := range []prometheus.Collector{w.free, threshold} {
			if err := reg.Register(c); err != nil {
				return nil, err
			}
		}
	}
	w.check()
	go w.run()
	return w, nil
}

func (w *diskWatch) run() {
	t := time.NewTicker(DiskCheckInterval)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			w.check()
		}
	}
}

func (w *diskWatch) check() {
	free, err := freeBytes(w.dir)
	if err != nil {
		w.log.Error("disk check", "err", err)
		return
	}
	w.free.Set(float64(free))
	if free < w.warn {
		w.log.Warn("DISK SPACE LOW: add space before the node stops on a failed write",
			"free_mib", free>>20, "disk_warn_mib", w.warn>>20, "dir", w.dir)
	}
}

func (w *diskWatch) Stop() { close(w.stop) }
