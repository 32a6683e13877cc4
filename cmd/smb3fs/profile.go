package main

import (
	"log"
	"os"
	"runtime"
	"runtime/pprof"
)

// Environment variables that make the serving process (smb3fs mount
// --foreground, and so the background daemon, which inherits the
// environment) write Go profiles. They are for measuring only: unset, they
// cost nothing.
const (
	// cpuProfileEnv names the file that receives a CPU profile covering the
	// whole time the file system is served, written at unmount.
	cpuProfileEnv = "SMB3FS_CPUPROFILE"
	// memProfileEnv names the file that receives a heap profile (allocations
	// since start and what is live) taken at unmount.
	memProfileEnv = "SMB3FS_MEMPROFILE"
)

// startProfiles starts the profiles the environment asks for and returns
// the function that stops and writes them; serve defers it, so the profiles
// are complete once the process exits after an unmount. Failing to profile
// is logged and never stops the mount.
func startProfiles() (stop func()) {
	var stops []func()
	if path := os.Getenv(cpuProfileEnv); path != "" {
		f, err := os.Create(path)
		if err == nil {
			err = pprof.StartCPUProfile(f)
			if err != nil {
				f.Close()
			}
		}
		if err != nil {
			log.Printf("smb3fs: %s: %v", cpuProfileEnv, err)
		} else {
			stops = append(stops, func() {
				pprof.StopCPUProfile()
				if err := f.Close(); err != nil {
					log.Printf("smb3fs: %s: %v", cpuProfileEnv, err)
				}
			})
		}
	}
	if path := os.Getenv(memProfileEnv); path != "" {
		stops = append(stops, func() {
			runtime.GC() // up-to-date live-heap numbers
			f, err := os.Create(path)
			if err == nil {
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				if cerr := f.Close(); err == nil {
					err = cerr
				}
			}
			if err != nil {
				log.Printf("smb3fs: %s: %v", memProfileEnv, err)
			}
		})
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}
