# spur: the two commands of the README are `make demo` and `make test`.
GO      ?= go
FIXTURES = $(wildcard fixtures/*.yaml)

.PHONY: build demo test check bench fuzz golden schema clean

build:
	$(GO) build -o bin/spur ./cmd/spur

# The main job on the bundled fixtures: validate and grade each, and write
# its report and action plan (PDF and Markdown) into out/.
demo: build
	./bin/spur validate $(FIXTURES)
	@for f in $(FIXTURES); do \
	  ./bin/spur grade $$f && ./bin/spur report $$f -o out && ./bin/spur actionplan $$f -o out || exit 1; \
	done

# gofmt and vet checks, then every test with the race detector.
test: check
	$(GO) test -race -count=1 ./...

check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Each fuzz target briefly (FUZZTIME=5m for a longer run).
FUZZTIME ?= 20s
FUZZ     = -run '^$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
fuzz:
	$(GO) test ./schema $(FUZZ) -fuzz '^FuzzLoadYAML$$'
	$(GO) test ./schema $(FUZZ) -fuzz '^FuzzParseDate$$'
	$(GO) test ./render/pdf $(FUZZ) -fuzz '^FuzzMarkdownToPDF$$'
	$(GO) test ./render/markdown $(FUZZ) -fuzz '^FuzzSafe$$'
	$(GO) test ./workbook $(FUZZ) -fuzz '^FuzzImportWorkbook$$'

# Refresh golden files and the committed JSON Schema; review the diff.
golden:
	$(GO) test ./schema ./render/markdown -run "Golden|JSONSchema" -update

schema: golden

clean:
	rm -rf bin out
