package preflight

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Problem is one kind of error Preflight found in a file.
type Problem struct {
	Code    string // Preflight's error code ("2.4.3"), or Exception
	Message string // its details ("Invalid Color space, …")
	Page    int    // the page it is on, from 1; 0 for the file as a whole
	Count   int    // how many times Preflight reported it there
}

func (p Problem) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s : %s", p.Code, p.Message)
	if p.Page > 0 {
		fmt.Fprintf(&b, " on page %d", p.Page)
	}
	if p.Count > 1 {
		fmt.Fprintf(&b, " (%d times)", p.Count)
	}
	return b.String()
}

// Exception is the Code of a Problem that stopped Preflight: the file could
// not be read as a PDF at all, and its Message is the exception's.
const Exception = "exception"

// Packages are the Debian packages that provide Java and Preflight.
const Packages = "libpdfbox2-java libactivation-java libjaxb-api-java default-jre-headless"

// EnvClasspath names the environment variable that, when set, is the
// classpath instead of the jars under /usr/share/java.
const EnvClasspath = "SPUR_PREFLIGHT_CP"

// ErrUnavailable is wrapped by the errors of Validate and Require when Java
// or a jar is missing.
var ErrUnavailable = errors.New("PDFBox Preflight is not available")

const (
	javaDir   = "/usr/share/java"
	mainClass = "org.apache.pdfbox.preflight.Validator_A1b"
)

// jars are Preflight and what it loads: PDFBox 2.0.27 as Debian packages
// it, javax.activation for its DataSource and JAXB for the dates in XMP.
var jars = []string{"preflight.jar", "pdfbox2.jar", "fontbox2.jar", "xmpbox.jar",
	"javax.activation.jar", "jaxb-api.jar", "commons-logging.jar"}

// Available reports whether Java and Preflight are installed, and the
// classpath Validate runs Preflight with.
func Available() (classpath string, ok bool) {
	_, cp, err := find()
	return cp, err == nil
}

// find returns the java binary and the classpath, or why they are missing.
func find() (java, classpath string, err error) {
	java, err = exec.LookPath("java")
	if err != nil {
		return "", "", fmt.Errorf("%w: no java in PATH", ErrUnavailable)
	}
	if cp := os.Getenv(EnvClasspath); cp != "" {
		for _, e := range filepath.SplitList(cp) {
			if strings.HasSuffix(e, "*") {
				continue // java's dir/* names every jar in dir
			}
			if _, err := os.Stat(e); err != nil {
				return "", "", fmt.Errorf("%w: %s names %s: %v", ErrUnavailable, EnvClasspath, e, err)
			}
		}
		return java, cp, nil
	}
	var paths, missing []string
	for _, j := range jars {
		p := filepath.Join(javaDir, j)
		if _, err := os.Stat(p); err != nil {
			missing = append(missing, p)
		}
		paths = append(paths, p)
	}
	if len(missing) > 0 {
		return "", "", fmt.Errorf("%w: missing %s", ErrUnavailable, strings.Join(missing, ", "))
	}
	return java, strings.Join(paths, string(filepath.ListSeparator)), nil
}

// Require skips the test when Preflight is not available, saying what to
// install; when the environment says CI (CI=true), it fails instead, so
// that CI never passes by skipping.
func Require(t testing.TB) {
	t.Helper()
	_, _, err := find()
	if err == nil {
		return
	}
	if ci, _ := strconv.ParseBool(os.Getenv("CI")); ci {
		t.Fatalf("%v; CI is set, so this fails rather than skips: install %s (.ci/run does)", err, Packages)
		return
	}
	t.Skipf("%v; install %s (or set %s) to check PDF/A-1b", err, Packages, EnvClasspath)
}

// Validate checks files against PDF/A-1b in one run of Preflight and
// returns, for each file as named, the problems found: none for a valid
// file. Every file is in the map. An error means the files were not
// checked: Preflight is missing or failed, a file is missing, or its
// output named a file it was not given, left one out or could not be read.
func Validate(ctx context.Context, files ...string) (map[string][]Problem, error) {
	java, cp, err := find()
	if err != nil {
		return nil, fmt.Errorf("preflight: %w", err)
	}
	got := make(map[string][]Problem, len(files))
	if len(files) == 0 {
		return got, nil
	}
	dir, err := os.MkdirTemp("", "spur-preflight-")
	if err != nil {
		return nil, fmt.Errorf("preflight: %w", err)
	}
	defer os.RemoveAll(dir)

	// Preflight names a file by its base name alone, resolves the list
	// against its working directory and reads it in the platform charset:
	// each file is linked into dir under a short ASCII name of its own.
	var list strings.Builder
	var names []string
	byName := map[string]string{}
	for _, f := range files {
		if _, dup := got[f]; dup {
			continue
		}
		got[f] = nil
		fi, err := os.Stat(f)
		if err != nil {
			return nil, fmt.Errorf("preflight: %w", err)
		}
		if !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("preflight: %s is not a regular file", f)
		}
		abs, err := filepath.Abs(f)
		if err != nil {
			return nil, fmt.Errorf("preflight: %w", err)
		}
		name := fmt.Sprintf("%05d.pdf", len(names))
		if err := os.Symlink(abs, filepath.Join(dir, name)); err != nil {
			return nil, fmt.Errorf("preflight: %w", err)
		}
		names = append(names, name)
		byName[name] = f
		list.WriteString(name + "\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "files"), []byte(list.String()), 0o644); err != nil {
		return nil, fmt.Errorf("preflight: %w", err)
	}

	// "xml group files" checks every file listed in files in this one JVM
	// and writes files.preflight.xml; it exits 0 whatever it found.
	// Preflight reloads each font's ToUnicode CMap on every page, which
	// makes garbage by the gigabyte: the throughput collector checks our
	// reports in 60 % of the time G1 takes (JDK_JAVA_OPTIONS adds flags).
	cmd := exec.CommandContext(ctx, java, "-XX:+UseParallelGC", "-Djava.awt.headless=true",
		"-cp", cp, mainClass, "xml", "group", "files")
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("preflight: %s: %w%s", mainClass, err, clip(out.Bytes()))
	}
	f, err := os.Open(filepath.Join(dir, "files.preflight.xml"))
	if err != nil {
		return nil, fmt.Errorf("preflight: no result: %w%s", err, clip(out.Bytes()))
	}
	defer f.Close()
	res, err := parse(f, names)
	if err != nil {
		return nil, fmt.Errorf("preflight: %w", err)
	}
	for name, ps := range res {
		got[byName[name]] = ps
	}
	return got, nil
}

// clip is the end of what Java printed, for an error message.
func clip(b []byte) string {
	const max = 4000
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return ""
	}
	if len(b) > max {
		b = append([]byte("…"), b[len(b)-max:]...)
	}
	return "\n" + string(b)
}
