//go:build unix

// Command launcher runs one command for the fault tests and reports the
// command's own peak memory.
//
//	launcher LIMIT_KIB COMMAND [ARG...]
//
// The tests cannot read a child's peak resident set size from the rusage
// of a process they start: Go starts a child with vfork, and Linux counts
// the parent's high-water mark in the child's at exec, so that every child
// of a large test process (77 MiB under the race detector) seems to use at
// least that much. The launcher is small; the command it starts is charged
// only the launcher's few MiB. It prints, after everything the command
// printed, a last line on standard error:
//
//	\x00launcher: maxrss=KIB
//
// LIMIT_KIB, when not 0, bounds the command's virtual memory (RLIMIT_AS),
// so that an unbounded input fails instead of exhausting the machine.
//
// Ctrl-C and SIGTERM sent to the process group reach the command; the
// launcher outlives them and exits with the command's status. A command
// ended by a signal ends the launcher with the same signal.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"syscall"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: launcher LIMIT_KIB COMMAND [ARG...]")
		os.Exit(125)
	}
	limit, err := strconv.ParseUint(os.Args[1], 10, 64)
	if err != nil {
		fmt.Fprintln(os.Stderr, "launcher:", err)
		os.Exit(125)
	}
	// Caught, not ignored: an ignored signal would stay ignored in the
	// command; a caught one is reset to its default at exec.
	signal.Notify(make(chan os.Signal, 8), syscall.SIGINT, syscall.SIGTERM)
	if limit > 0 {
		lim := &syscall.Rlimit{Cur: limit << 10, Max: limit << 10}
		if err := syscall.Setrlimit(syscall.RLIMIT_AS, lim); err != nil {
			fmt.Fprintln(os.Stderr, "launcher: setrlimit:", err)
			os.Exit(125)
		}
	}
	cmd := exec.Command(os.Args[2], os.Args[3:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "launcher:", err)
		os.Exit(125)
	}
	cmd.Wait()
	st := cmd.ProcessState
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		fmt.Fprintf(os.Stderr, "\x00launcher: maxrss=%d\n", ru.Maxrss)
	}
	if ws, ok := st.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		signal.Reset(ws.Signal())
		syscall.Kill(os.Getpid(), ws.Signal())
	}
	os.Exit(st.ExitCode())
}
