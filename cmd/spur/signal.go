package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"spur/safefile"
)

// stopGrace is how long a build may take to stop after Ctrl-C (or
// SIGTERM) before the process ends anyway: the worker finishes the
// document it renders, unless that takes longer.
const stopGrace = time.Second

// graceful holds what a command that stops cleanly when its context is
// cancelled (spur build, spur preview) says on the first signal; any
// other command (nil) ends at the first signal.
var graceful atomic.Pointer[string]

// stopsCleanly marks the running command as graceful, saying msg on the
// first signal; the returned function unmarks it.
func stopsCleanly(msg string) func() {
	graceful.Store(&msg)
	return func() { graceful.Store(nil) }
}

// stoppedBy is the exit status of the signal that cancelled the context:
// 130 for Ctrl-C, 143 for SIGTERM (128 + the signal, as a shell says it).
var stoppedBy atomic.Int32

func statusOf(s os.Signal) int {
	if s == syscall.SIGTERM {
		return 143
	}
	return exitInterrupted
}

// handleSignals cancels the returned context on the first Ctrl-C or
// SIGTERM. A command that is not graceful, a second signal, or a build
// still busy after stopGrace ends the process at once, after removing the
// temporary files being written: every file a user has stays whole.
func handleSignals(stderr io.Writer) context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sigs
		stoppedBy.Store(int32(statusOf(s)))
		cancel()
		if msg := graceful.Load(); msg != nil {
			fmt.Fprintf(stderr, "spur: %s (Ctrl-C again to quit at once)\n", *msg)
			select {
			case s = <-sigs:
			case <-time.After(stopGrace):
				fmt.Fprintln(stderr, "spur: still busy; quitting now (every file written is whole)")
			}
		}
		safefile.RemoveTemps()
		os.Exit(statusOf(s))
	}()
	return ctx
}
