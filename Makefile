# spur: the two commands of the README are `make demo` and `make test`.
GO      ?= go
FIXTURES = $(wildcard fixtures/*.yaml)

.PHONY: build install demo test check bench bench-all bench-compare fuzz faults browser-deps yamlls-deps golden schema clean pdfa

build:
	$(GO) build -buildvcs=auto -o bin/spur ./cmd/spur

# spur on the PATH: go install puts it in $(go env GOBIN), else
# $(go env GOPATH)/bin; say where, and how to reach it when the PATH does not.
install:
	$(GO) install -buildvcs=auto ./cmd/spur
	@bin=$$($(GO) env GOBIN); [ -n "$$bin" ] || bin=$$($(GO) env GOPATH)/bin; \
	  echo "installed $$bin/spur"; \
	  case ":$$PATH:" in *":$$bin:"*) ;; *) echo "$$bin is not on your PATH: export PATH=\"$$bin:\$$PATH\"";; esac

# The main job on the bundled fixtures: validate and grade each, then build
# every report and action plan (PDF, Markdown, HTML) and the overview into
# out/, check that out/ is what the inputs give, and write the follow-up
# list of every action (spur followup) into out-uppfoljning/.
demo: build
	./bin/spur validate $(FIXTURES)
	@for f in $(FIXTURES); do ./bin/spur grade $$f || exit 1; done
	./bin/spur build fixtures -o out
	./bin/spur build --check fixtures -o out
	./bin/spur followup fixtures --as-of 2026-01-01 -o out-uppfoljning

# Apache PDFBox Preflight over every PDF of make demo (out/): each must be
# PDF/A-1b. CI runs it after make demo.
pdfa: demo
	SPUR_PDFA_DIR=$(CURDIR)/out $(GO) test -count=1 -run '^TestDir$$' -v ./internal/preflight
	SPUR_PDFA_DIR=$(CURDIR)/out-uppfoljning $(GO) test -count=1 -run '^TestDir$$' -v ./internal/preflight

# gofmt and vet checks, then every test with the race detector (the
# vendored fpdf is a module of its own: its tests of spur's patches run
# apart), and the load test once more without it, where it builds PDFs as well.
test: check
	$(GO) test -race -count=1 ./...
	cd third_party/fpdf && $(GO) test -race -count=1 ./...
	$(GO) test -count=1 -run '^TestLoad$$' ./build

check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

# The benchmarks of issue 5: one report (fixture → report and action plan,
# PDF and Markdown) and a build of 200 generated inspections, with reports
# per second, CPU time per inspection and peak memory. bench-all runs every
# benchmark of every package (BenchmarkBuild1000 among them).
bench:
	$(GO) test -run '^$$' -bench '^Benchmark(Report|Build200)$$' -benchmem -count 1 ./build
	$(GO) test -run '^$$' -bench '^BenchmarkFollowup1000$$' -benchmem -count 1 ./cmd/spur

bench-all:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# This checkout against an earlier commit on this machine, in alternating
# runs: BenchmarkBuild200, BenchmarkReport and spur report as a whole
# process (issue 12's figures, against the main it was written on). The
# benchmarks write under TMPDIR; TMPDIR=/dev/shm leaves the disk out.
BASE ?= 0f6b3ec
RUNS ?= 4
bench-compare:
	$(GO) run ./tools/benchcompare -base $(BASE) -runs $(RUNS)

# The npm packages the browser checks use (axe-core, puppeteer-core), at the
# versions in tools/browser/package-lock.json; Chromium comes from Debian.
browser-deps:
	cd tools/browser && npm ci --no-audit --no-fund

# The npm packages the editor-schema checks use (yaml-language-server, Ajv,
# yaml), at the versions in tools/yamlls/package-lock.json; internal/yamlls drives them.
yamlls-deps:
	cd tools/yamlls && npm ci --no-audit --no-fund

# The fault suite at ten times its default size (make test runs the default):
# kills, signals, a full disk, permissions, hostile inputs; -v prints the figures.
faults:
	SPUR_FAULTS=long $(GO) test -count=1 -timeout 30m -v ./faults

# Each fuzz target briefly (FUZZTIME=5m for a longer run).
FUZZTIME ?= 20s
FUZZ     = -run '^$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
fuzz:
	$(GO) test ./schema $(FUZZ) -fuzz '^FuzzLoadYAML$$'
	$(GO) test ./schema $(FUZZ) -fuzz '^FuzzParseDate$$'
	$(GO) test ./render/pdf $(FUZZ) -fuzz '^FuzzMarkdownToPDF$$'
	$(GO) test ./render/pdf $(FUZZ) -fuzz '^FuzzNewFonts$$'
	$(GO) test ./hyph $(FUZZ) -fuzz '^FuzzPoints$$'
	$(GO) test ./render/markdown $(FUZZ) -fuzz '^FuzzSafe$$'
	$(GO) test ./report/compose $(FUZZ) -fuzz '^FuzzText$$'
	$(GO) test ./workbook $(FUZZ) -fuzz '^FuzzImportWorkbook$$'
	$(GO) test ./plan $(FUZZ) -fuzz '^FuzzMerge$$'
	$(GO) test ./plan $(FUZZ) -fuzz '^FuzzEncode$$'
	$(GO) test ./report $(FUZZ) -fuzz '^FuzzVisible$$'

# Refresh golden files and the committed JSON Schema; review the diff.
golden:
	$(GO) test ./schema ./render/markdown ./render/html -run "Golden|JSONSchema" -update

schema: golden

clean:
	rm -rf bin out out-uppfoljning
