// Command launchbench measures how fast the Briefmap window starts and how
// much memory it holds once the map is up, so that the figure is repeatable:
//
//	make build && go run ./tools/launchbench -bin ./briefmap -n 7
//
// It starts one Xvfb (software GL, as on a machine without a GPU), then runs
// the binary N times on it with BRIEFMAP_LOG=debug. By default the runs share
// one temporary HOME, warmed by a first run that is not counted (Fyne's index
// of the system fonts and Mesa's shader cache live there: every launch but a
// user's very first finds them); with -fresh each run has a new HOME (a
// first launch). For each
// run it reads the JSON log lines on stderr and records, for every message,
// the time since the process was started as the tool saw it (wall) and, when
// the line carries it, the process's own elapsed_ms. When "map ready" comes it
// waits -settle, reads VmRSS from /proc/PID/status, and stops the process.
// It prints the median, minimum and maximum of each phase and of VmRSS, and
// the user+sys CPU time of the runs (the machine may be shared: CPU time is
// steadier than wall time).
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/briefmap/briefmap/internal/appenv"
)

func main() {
	var c config
	flag.StringVar(&c.bin, "bin", "./briefmap", "the briefmap binary to start")
	flag.IntVar(&c.n, "n", 7, "number of runs")
	flag.StringVar(&c.screen, "screen", "1280x800", "Xvfb screen size")
	flag.DurationVar(&c.settle, "settle", time.Second, "wait after \"map ready\" before reading VmRSS")
	flag.DurationVar(&c.timeout, "timeout", 30*time.Second, "give up on a run after this long")
	flag.BoolVar(&c.fresh, "fresh", false, "a new HOME for every run (first launches: cold font index and shader cache)")
	flag.Var(&c.extra, "env", "extra NAME=VALUE for the app (repeatable), e.g. -env LP_NUM_THREADS=1")
	flag.Parse()
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "launchbench:", err)
		os.Exit(1)
	}
}

// config is what the flags ask for: the binary, the number of runs, the
// Xvfb screen size, the wait after "map ready", the time limit of a run,
// a new HOME for every run or not, and extra environment for the app.
type config struct {
	bin, screen     string
	n               int
	settle, timeout time.Duration
	fresh           bool
	extra           envList
}

// envList is a repeatable NAME=VALUE flag.
type envList []string

func (e *envList) String() string { return strings.Join(*e, " ") }
func (e *envList) Set(s string) error {
	if !strings.Contains(s, "=") {
		return fmt.Errorf("%q is not NAME=VALUE", s)
	}
	*e = append(*e, s)
	return nil
}

// result is one run: per message, the wall time since start and the
// process's own elapsed_ms (-1 when the line has none), VmRSS in kB, and the
// CPU time the process used.
type result struct {
	wall    map[string]float64
	own     map[string]float64
	order   []string
	rssKB   int
	cpuTime time.Duration
	// cpuReady is the user+sys time the process had used when "map ready"
	// was read: on a busy machine, steadier than the wall time to it.
	cpuReady time.Duration
}

func run(c config) error {
	if c.n < 1 {
		return errors.New("-n must be at least 1")
	}
	abs, err := filepath.Abs(c.bin)
	if err != nil {
		return fmt.Errorf("binary path: %w", err)
	}
	display, stop, err := startXvfb(c.screen)
	if err != nil {
		return err
	}
	defer stop()
	home := ""
	if !c.fresh {
		if home, err = os.MkdirTemp("", "launchbench"); err != nil {
			return fmt.Errorf("temporary HOME: %w", err)
		}
		defer os.RemoveAll(home)
		if _, err := once(abs, display, home, c); err != nil {
			return fmt.Errorf("warm-up run: %w", err)
		}
	}
	var results []result
	for i := range c.n {
		r, err := once(abs, display, home, c)
		if err != nil {
			return fmt.Errorf("run %d: %w", i+1, err)
		}
		results = append(results, r)
	}
	report(os.Stdout, results)
	return nil
}

// startXvfb starts Xvfb on a display it picks and returns the DISPLAY value
// and a function that stops it.
func startXvfb(size string) (string, func(), error) {
	r, w, err := os.Pipe()
	if err != nil {
		return "", nil, fmt.Errorf("pipe for Xvfb: %w", err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", size+"x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return "", nil, fmt.Errorf("start Xvfb: %w", err)
	}
	w.Close()
	stop := func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }
	line, err := bufio.NewReader(r).ReadString('\n')
	r.Close()
	if err != nil || strings.TrimSpace(line) == "" {
		stop()
		return "", nil, fmt.Errorf("Xvfb did not report its display: %v", err)
	}
	return ":" + strings.TrimSpace(line), stop, nil
}

// once starts the binary at the absolute path abs with HOME home ("": a
// new one) and c's extra environment, waits for "map ready" and c.settle,
// reads its VmRSS and stops it.
func once(abs, display, home string, c config) (result, error) {
	if home == "" {
		h, err := os.MkdirTemp("", "launchbench")
		if err != nil {
			return result{}, fmt.Errorf("temporary HOME: %w", err)
		}
		defer os.RemoveAll(h)
		home = h
	}
	cmd := exec.Command(abs)
	cmd.Env = append(appenv.Env(display, home), c.extra...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	pipe, err := cmd.StderrPipe()
	if err != nil {
		return result{}, fmt.Errorf("stderr pipe: %w", err)
	}
	res := result{wall: map[string]float64{}, own: map[string]float64{}}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return result{}, fmt.Errorf("start %s: %w", abs, err)
	}
	ready := make(chan struct{})
	lines := make(chan struct{})
	go func() {
		defer close(lines)
		s := bufio.NewScanner(pipe)
		s.Buffer(make([]byte, 64*1024), 1024*1024)
		sawReady := false
		for s.Scan() {
			at := time.Since(start)
			var rec map[string]any
			if json.Unmarshal(s.Bytes(), &rec) != nil {
				continue
			}
			msg, _ := rec["msg"].(string)
			if msg == "" || sawReady && msg != "first frame" {
				continue
			}
			if _, seen := res.wall[msg]; !seen {
				res.order = append(res.order, msg)
				res.wall[msg] = float64(at.Microseconds()) / 1000
				res.own[msg] = -1
				if ms, ok := rec["elapsed_ms"].(float64); ok {
					res.own[msg] = ms
				}
			}
			if msg == "map ready" && !sawReady {
				sawReady = true
				close(ready)
			}
		}
		_, _ = io.Copy(io.Discard, pipe)
	}()
	select {
	case <-ready:
		if d, err := procCPU(cmd.Process.Pid); err == nil {
			res.cpuReady = d
		}
	case <-lines:
		_ = cmd.Wait()
		return result{}, errors.New(`the app ended before "map ready"`)
	case <-time.After(c.timeout):
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Wait()
		return result{}, fmt.Errorf(`no "map ready" in %v`, c.timeout)
	}
	time.Sleep(c.settle)
	rss, rssErr := vmRSS(cmd.Process.Pid)
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-done
	}
	<-lines
	if rssErr != nil {
		return result{}, rssErr
	}
	res.rssKB = rss
	if st := cmd.ProcessState; st != nil {
		res.cpuTime = st.UserTime() + st.SystemTime()
	}
	return res, nil
}

// procCPU returns the user+sys time process pid has used (all its threads),
// from /proc/PID/stat (clock ticks of 10 ms).
func procCPU(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, fmt.Errorf("read CPU time: %w", err)
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0, fmt.Errorf("short /proc/%d/stat", pid)
	}
	utime, err1 := strconv.Atoi(f[11])
	stime, err2 := strconv.Atoi(f[12])
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("bad /proc/%d/stat", pid)
	}
	return time.Duration(utime+stime) * 10 * time.Millisecond, nil
}

// vmRSS returns the VmRSS of process pid in kB.
func vmRSS(pid int) (int, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("read VmRSS: %w", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				return strconv.Atoi(f[0])
			}
		}
	}
	return 0, fmt.Errorf("no VmRSS in /proc/%d/status", pid)
}

// report prints the median (min–max) of each phase, in the order of the
// first run, then VmRSS and CPU time.
func report(w io.Writer, rs []result) {
	fmt.Fprintf(w, "%d runs; median (min–max)\n", len(rs))
	fmt.Fprintf(w, "%-26s %24s %24s\n", "phase", "wall ms (tool)", "elapsed_ms (process)")
	for _, msg := range rs[0].order {
		var wall, own []float64
		for _, r := range rs {
			if v, ok := r.wall[msg]; ok {
				wall = append(wall, v)
			}
			if v, ok := r.own[msg]; ok && v >= 0 {
				own = append(own, v)
			}
		}
		fmt.Fprintf(w, "%-26s %24s %24s\n", msg, stats(wall), stats(own))
	}
	var rss, cpu, cpuReady []float64
	for _, r := range rs {
		rss = append(rss, float64(r.rssKB)/1024)
		cpu = append(cpu, float64(r.cpuTime.Microseconds())/1000)
		cpuReady = append(cpuReady, float64(r.cpuReady.Microseconds())/1000)
	}
	fmt.Fprintf(w, "%-26s %24s\n", "VmRSS MB after settle", stats(rss))
	fmt.Fprintf(w, "%-26s %24s\n", "user+sys ms to map ready", stats(cpuReady))
	fmt.Fprintf(w, "%-26s %24s\n", "user+sys ms (whole run)", stats(cpu))
}

// stats returns "median (min–max)" of v, or "-" when v is empty.
func stats(v []float64) string {
	if len(v) == 0 {
		return "-"
	}
	s := slices.Clone(v)
	slices.Sort(s)
	med := s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return fmt.Sprintf("%.1f (%.1f–%.1f)", med, s[0], s[len(s)-1])
}
